/**
 * The model's glossary as a page for parents (issue 7): every term, abbreviation and other name
 * in alphabetical order (Norwegian order: … X Y Z Æ Ø Å) with what it stands for, a short
 * explanation and its other names.
 *
 * An entry without its own explanation borrows one from what it refers to in the model: a role's
 * mandate, a unit's or a structure's description, the glossary entry of the concept it is another
 * word for, or the level or focus it names. As an `Outline` (one table) for the Word, PDF and HTML
 * writers, and as a standalone web page with a letter index. Pure: no I/O.
 */
import {
  findStructure,
  resolveParty,
  type GlossaryEntry,
  type Model,
  type Role,
  type Unit,
} from '@arshjul/model';
import type { Lang } from '@arshjul/school-calendar';
import { metaHtml, standalonePage } from './cards.js';
import { escapeHtml } from './html.js';
import type { Outline } from './outline.js';

const GLOSSARY_WORDS = {
  title: { nb: 'Ordliste for {name}', nn: 'Ordliste for {name}', en: 'Glossary: {name}' },
  intro: {
    nb: 'Ord og forkortelser som brukes i samarbeidet mellom skolene og bydelen, i alfabetisk rekkefølge.',
    nn: 'Ord og forkortingar som blir brukte i samarbeidet mellom skulane og bydelen, i alfabetisk rekkjefølgje.',
    en: 'Words and abbreviations used in the collaboration between the schools and the district, in alphabetical order.',
  },
  term: { nb: 'Ord', nn: 'Ord', en: 'Word' },
  standsFor: { nb: 'Står for', nn: 'Står for', en: 'Stands for' },
  explanation: { nb: 'Forklaring', nn: 'Forklaring', en: 'Explanation' },
  otherNames: { nb: 'Andre navn', nn: 'Andre namn', en: 'Other names' },
  count: { nb: 'Antall ord', nn: 'Tal på ord', en: 'Words' },
  letters: { nb: 'Bokstaver', nn: 'Bokstavar', en: 'Letters' },
  sameAs: {
    nb: 'Et annet ord for «{what}».',
    nn: 'Eit anna ord for «{what}».',
    en: 'Another word for «{what}».',
  },
  partOf: { nb: 'Hører til {what}.', nn: 'Høyrer til {what}.', en: 'Part of {what}.' },
  'level.strategisk': { nb: 'strategisk nivå', nn: 'strategisk nivå', en: 'strategic level' },
  'level.organisatorisk': {
    nb: 'organisatorisk nivå',
    nn: 'organisatorisk nivå',
    en: 'organisational level',
  },
  'level.operativt': { nb: 'operativt nivå', nn: 'operativt nivå', en: 'operational level' },
  levelExplained: {
    nb: 'Et av de tre nivåene i samarbeidsmodellen: {what}.',
    nn: 'Eitt av dei tre nivåa i samarbeidsmodellen: {what}.',
    en: 'One of the three levels of the collaboration model: {what}.',
  },
  'focus.samhandling': {
    nb: 'møter og tiltak der skolen og bydelen samarbeider',
    nn: 'møte og tiltak der skulen og bydelen samarbeider',
    en: 'meetings and measures where the school and the district work together',
  },
  'focus.elevene': {
    nb: 'tiltak rettet mot elevene',
    nn: 'tiltak retta mot elevane',
    en: 'measures aimed at the pupils',
  },
  'focus.elever-og-foresatte': {
    nb: 'tiltak rettet mot elevene og foreldrene',
    nn: 'tiltak retta mot elevane og foreldra',
    en: 'measures aimed at pupils and parents',
  },
  focusExplained: {
    nb: 'Gruppe av tiltak i samarbeidsmodellen: {what}.',
    nn: 'Gruppe av tiltak i samarbeidsmodellen: {what}.',
    en: 'A group of measures in the collaboration model: {what}.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

type GlossaryWord = keyof typeof GLOSSARY_WORDS;

function gw(lang: Lang, key: GlossaryWord, vars: Record<string, string | number> = {}): string {
  return GLOSSARY_WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    vars[name] === undefined ? `{${name}}` : String(vars[name]),
  );
}

export interface GlossaryPageOptions {
  lang?: Lang;
}

/** One entry of the page. */
export interface GlossaryItem {
  term: string;
  kind: GlossaryEntry['kind'];
  /** What an abbreviation stands for. */
  standsFor?: string;
  /** The entry's own description, or one borrowed from what it refers to; may be empty. */
  explanation: string;
  /** Where the explanation comes from. */
  explanationFrom: 'entry' | 'model' | 'none';
  otherNames: string[];
  /** The letter it is listed under: «A» … «Å», or «#» for a term starting with no letter. */
  letter: string;
}

const COLLATOR = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Compares terms in Norwegian alphabetical order (Æ, Ø, Å last), ignoring case first. */
export function compareTerms(a: string, b: string): number {
  return COLLATOR.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function letterOf(term: string): string {
  const first = term.trim().charAt(0).toLocaleUpperCase('nb');
  return /\p{L}/u.test(first) ? first : '#';
}

/** An explanation borrowed from what the entry refers to, or nothing. */
function borrowed(model: Model, entry: GlossaryEntry, lang: Lang): string | undefined {
  const ref = entry.refersTo;
  if (ref === undefined) return undefined;
  const [prefix, rest] = ref.includes(':') ? (ref.split(/:(.*)/s) as [string, string]) : ['', ref];
  if (prefix === 'level') {
    const key = `level.${rest}` as GlossaryWord;
    return key in GLOSSARY_WORDS ? gw(lang, 'levelExplained', { what: gw(lang, key) }) : undefined;
  }
  if (prefix === 'focus') {
    const key = `focus.${rest}` as GlossaryWord;
    return key in GLOSSARY_WORDS ? gw(lang, 'focusExplained', { what: gw(lang, key) }) : undefined;
  }
  if (prefix === 'concept') {
    const main = model.glossary.find(
      (g) => g !== entry && g.refersTo === ref && g.kind !== 'alias',
    );
    return main ? gw(lang, 'sameAs', { what: main.term }) : undefined;
  }
  const party = resolveParty(model, ref);
  if (party) {
    // The party's own description only when the entry names the party itself («NSK», «BV»);
    // an entry for something of the party's («HAP» in FE) only says where it belongs.
    const same = (x: string | undefined) =>
      x !== undefined && x.toLocaleLowerCase('nb') === entry.term.toLocaleLowerCase('nb');
    const names =
      same(party.name) ||
      same(party.abbreviation) ||
      entry.expansion?.toLocaleLowerCase('nb') === party.name.toLocaleLowerCase('nb');
    if (entry.kind === 'alias') return gw(lang, 'sameAs', { what: party.name });
    if (!names) return gw(lang, 'partOf', { what: party.name });
    const text =
      party.kind === 'role'
        ? (party.entity as Role).mandate
        : party.kind === 'unit'
          ? (party.entity as Unit).description
          : undefined;
    return text || undefined;
  }
  const structure = findStructure(model, ref);
  if (structure) return structure.description ?? structure.name;
  return undefined;
}

/** The glossary's entries in alphabetical order, each with what it stands for and an explanation. */
export function glossaryItems(model: Model, options: GlossaryPageOptions = {}): GlossaryItem[] {
  const lang = options.lang ?? 'nb';
  return model.glossary
    .map((entry): GlossaryItem => {
      const own = entry.description?.trim();
      const other = own ? undefined : borrowed(model, entry, lang);
      return {
        term: entry.term,
        kind: entry.kind,
        ...(entry.expansion ? { standsFor: entry.expansion } : {}),
        explanation: own || other || '',
        explanationFrom: own ? 'entry' : other ? 'model' : 'none',
        otherNames: [...entry.aliases],
        letter: letterOf(entry.term),
      };
    })
    .sort((a, b) => compareTerms(a.term, b.term));
}

/** The glossary as a document: a short introduction and one table (word, stands for, explanation, other names). */
export function glossaryOutline(model: Model, options: GlossaryPageOptions = {}): Outline {
  const lang = options.lang ?? 'nb';
  const items = glossaryItems(model, { lang });
  const title = gw(lang, 'title', { name: model.name });
  return {
    lang,
    title,
    meta: [{ label: gw(lang, 'count'), value: String(items.length) }],
    blocks: [
      { kind: 'paragraph', text: gw(lang, 'intro'), style: 'lead' },
      {
        kind: 'table',
        id: 'ordliste',
        caption: title,
        columns: [
          { header: gw(lang, 'term'), width: 18 },
          { header: gw(lang, 'standsFor'), width: 22 },
          { header: gw(lang, 'explanation'), width: 44 },
          { header: gw(lang, 'otherNames'), width: 16 },
        ],
        rows: items.map((i) => [i.term, i.standsFor ?? '', i.explanation, i.otherNames.join(', ')]),
        rowHeaders: true,
      },
    ],
  };
}

export interface GlossaryHtmlOptions extends GlossaryPageOptions {
  /** The page's `<meta name="description">`. */
  description?: string;
}

/**
 * The glossary as a standalone, accessible web page: a letter index in a labelled `<nav>`, then
 * one section per letter (h2) with the terms as a description list.
 */
export function renderGlossaryHtml(model: Model, options: GlossaryHtmlOptions = {}): string {
  const lang = options.lang ?? 'nb';
  const items = glossaryItems(model, { lang });
  const title = gw(lang, 'title', { name: model.name });
  const letters = [...new Set(items.map((i) => i.letter))];
  const anchor = (letter: string) =>
    `bokstav-${letter === '#' ? 'annet' : encodeURIComponent(letter.toLocaleLowerCase('nb'))}`;
  const label = (key: GlossaryWord) => escapeHtml(gw(lang, key));
  // The terms and explanations are in the model's language, which may not be the page's.
  const own = model.language !== lang ? ` lang="${escapeHtml(model.language)}"` : '';
  const sections = letters.map((letter) => {
    const id = anchor(letter);
    const terms = items
      .filter((i) => i.letter === letter)
      .map((i) =>
        [
          `<dt${own}>${escapeHtml(i.term)}</dt>`,
          '<dd>',
          ...(i.standsFor
            ? [
                `<p><strong>${label('standsFor')}:</strong> <span${own}>${escapeHtml(i.standsFor)}</span></p>`,
              ]
            : []),
          ...(i.explanation ? [`<p${own}>${escapeHtml(i.explanation)}</p>`] : []),
          ...(i.otherNames.length > 0
            ? [
                `<p class="muted"><strong>${label('otherNames')}:</strong> <span${own}>${escapeHtml(i.otherNames.join(', '))}</span></p>`,
              ]
            : []),
          '</dd>',
        ].join('\n'),
      );
    return [
      `<section aria-labelledby="${escapeHtml(id)}">`,
      `<h2 id="${escapeHtml(id)}">${escapeHtml(letter)}</h2>`,
      `<dl class="terms">\n${terms.join('\n')}\n</dl>`,
      '</section>',
    ].join('\n');
  });
  const nav = [
    `<nav aria-label="${label('letters')}">`,
    `<ul class="letters">${letters
      .map((l) => `<li><a href="#${escapeHtml(anchor(l))}">${escapeHtml(l)}</a></li>`)
      .join('')}</ul>`,
    '</nav>',
  ].join('\n');
  return standalonePage({
    lang,
    title,
    ...(options.description !== undefined ? { description: options.description } : {}),
    header: [
      `<p class="lead">${escapeHtml(gw(lang, 'intro'))}</p>`,
      metaHtml([{ label: gw(lang, 'count'), value: String(items.length) }]),
      nav,
    ].join('\n'),
    main: sections.join('\n'),
  });
}
