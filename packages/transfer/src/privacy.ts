/**
 * Privacy of transfer files (issue 5): finding personal data anywhere in a model or a mapping,
 * stripping it, and refusing to write a transfer file that still holds any.
 *
 * Personal data is (a) the `person` of a role assignment (`roles[*].assignments[*].person`, the
 * only place the schema marks with `x-personal-data`; also inside `upstream.base.roles`), (b) a
 * model's `newcomers` (each points at a person starting in a role at a school), and (c) anything in any string — free text included, and the keys of records such as a mapping's
 * `terms` — that looks like an e-mail address or a Norwegian phone number. Names written in free
 * text cannot be recognised and are not looked for.
 *
 * A Norwegian phone number is 8 digits starting with 2–9, written `22334455`, `223 34 455`,
 * `22 33 44 55` or `2233 4455` (the same separator throughout: space, non-breaking space, `.` or
 * `-`), optionally after `+47`, `0047` or `(+47)`. The groupings are what keeps dates
 * (`2025-08-18`, `18.08.2025`), times (`20.00-21.30`), money (`45 000 000`), org numbers
 * (`974 778 742`) and the like apart from phone numbers; besides, two years (`2025-2026`) and a
 * list of weeks (`uke 34 35 36 37`) are not phone numbers.
 *
 * Everything here is pure: no I/O, no clock; stripping returns a new value.
 */
import { formatPath, type Model } from '@arshjul/model';
import type { Lang } from '@arshjul/school-calendar';

export type PersonalDataKind = 'person' | 'email' | 'phone';

/** One place that holds personal data. */
export interface Finding {
  /** JSON path, e.g. `structures[3].description` or `roles[0].assignments[1].person`. */
  path: string;
  kind: PersonalDataKind;
  /** What was found, masked except its first and last character, e.g. `k…o`. */
  excerpt: string;
}

/** A match of an e-mail address or a phone number in a text. */
export interface TextMatch {
  kind: 'email' | 'phone';
  /** Index of the first character in the text (UTF-16 code units). */
  index: number;
  /** The matched text, unmasked. */
  text: string;
}

export interface FindOptions {
  /** Prefix of every reported path (when the value sits inside a larger file). */
  basePath?: string;
}

export interface StripOptions {
  /**
   * Language of the replacement text; defaults to the value's own `language` when it has one
   * (a model), else nb.
   */
  lang?: Lang;
}

export interface AssertOptions {
  /** The user has explicitly allowed personal data in the file: nothing is checked. */
  allowPersonalData?: boolean;
  lang?: Lang;
  /** How many paths the error message lists (default 5). */
  listed?: number;
}

export interface TransferJsonOptions {
  /** The user has explicitly allowed personal data in the file. */
  allowPersonalData?: boolean;
  /** Strip personal data before writing (default true). */
  strip?: boolean;
  /** Language of the replacement text and the error message; defaults to the model's. */
  lang?: Lang;
}

/** The text that replaces an e-mail address or a phone number in free text. */
export const REMOVED_TEXT: Readonly<Record<Lang, string>> = {
  nb: '[fjernet]',
  nn: '[fjerna]',
  en: '[removed]',
};

// ---------------------------------------------------------------------------------------------
// Recognising e-mail addresses and phone numbers in text

/** Separators inside a phone number: space, no-break space, narrow no-break space, `.`, `-`. */
const SEP = '[ \\u00a0\\u202f.\\-]';
const PHONE_PREFIX = `(?:(?:\\+47|0047|\\(\\+47\\))${SEP}?)?`;
const PHONE_CORE = [
  '[2-9]\\d{7}',
  `[2-9]\\d{2}(${SEP})\\d{2}\\1\\d{3}`,
  `[2-9]\\d(${SEP})\\d{2}\\2\\d{2}\\2\\d{2}`,
  `[2-9]\\d{3}${SEP}\\d{4}`,
].join('|');
/**
 * Not inside a word or a longer number: no letter, digit or `_` right before or after, and no
 * digit one separator away (`974 778 742`, `1503 12 34567`).
 */
const PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_+])(?<!\\d${SEP})${PHONE_PREFIX}(?:${PHONE_CORE})(?![\\p{L}\\p{N}_])(?!${SEP}\\d)`,
  'gu',
);
/**
 * Two more shapes that are phones whatever stands next to them: one with a country prefix
 * («+47 22334455 +47 99887766»), and eight digits in a row («22334455 99887766»). A leak is
 * worse than a false alarm.
 */
const PHONE_WITH_PREFIX_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_+])(?:\\+47|0047|\\(\\+47\\))${SEP}?(?:${PHONE_CORE})(?![\\p{L}\\p{N}_])`,
  'gu',
);
const PHONE_EIGHT_RE = /(?<![\p{L}\p{N}_+])[2-9]\d{7}(?![\p{L}\p{N}_])/gu;
/** After «tlf», «telefon», «mobil» or «ring»: eight digits however they are grouped. */
const PHONE_AFTER_WORD_RE =
  /(?<=(?:^|[^\p{L}])(?:tlf|telefon(?:nummer|nr)?|mobil(?:nummer|nr)?|mob|ring|tel)\.?:?\s{0,3})(?:(?:\+47|0047)[\s.-]?)?[2-9](?:[\s.-]?\d){7}(?![\p{L}\p{N}])/giu;
const YEAR_PAIR = /^(?:19|20)\d\d\D(?:19|20)\d\d$/u;
const WEEK_LIST_BEFORE = /(?:^|[^\p{L}])(?:uke|uker|veke|veker|week|weeks)\s*$/iu;

const LOCAL_CHAR = '[\\p{L}\\p{N}._%+\\-]';
const LOCAL_EDGE = '[\\p{L}\\p{N}_%+\\-]';
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?';
/** `local@domain.tld`, also `local (at) domain.tld` and `local [at] domain.tld`. */
const EMAIL_RE = new RegExp(
  `(?<!${LOCAL_CHAR})${LOCAL_EDGE}(?:${LOCAL_CHAR}*${LOCAL_EDGE})?` +
    `(?:@|\\s*\\(at\\)\\s*|\\s*\\[at\\]\\s*)` +
    `(?:${LABEL}\\.)+\\p{L}{2,}(?![\\p{L}\\p{N}\\-]|\\.[\\p{L}\\p{N}])`,
  'giu',
);

function isPhone(text: string, match: string, index: number): boolean {
  const digits = match.replace(/^(?:\+47|0047|\(\+47\))/u, '').replace(/^[ \u00a0\u202f.-]/u, '');
  if (match === digits && YEAR_PAIR.test(match)) return false; // `2025-2026`: a period
  if (/^\d{4}-\d{2}-\d{2}$|^\d{2}\.\d{2}\.\d{4}$/u.test(match)) return false; // a date
  if (WEEK_LIST_BEFORE.test(text.slice(Math.max(0, index - 12), index))) return false;
  return true;
}

/** The e-mail addresses and phone numbers in a text, in order of appearance. */
export function scanText(text: string): TextMatch[] {
  const out: TextMatch[] = [];
  for (const m of text.matchAll(EMAIL_RE)) {
    out.push({ kind: 'email', index: m.index, text: m[0] });
  }
  const overlaps = (a: { index: number; text: string }, index: number, length: number) =>
    index < a.index + a.text.length && a.index < index + length;
  const phones = [
    ...text.matchAll(PHONE_AFTER_WORD_RE),
    ...text.matchAll(PHONE_WITH_PREFIX_RE),
    ...text.matchAll(PHONE_RE),
    ...text.matchAll(PHONE_EIGHT_RE),
  ];
  for (const m of phones) {
    // A phone-shaped run of digits inside an e-mail address is part of the address, and one
    // found by two of the patterns is one phone (the first, longest form found wins).
    if (out.some((e) => overlaps(e, m.index, m[0].length))) continue;
    if (isPhone(text, m[0], m.index)) out.push({ kind: 'phone', index: m.index, text: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Whether a text holds anything that looks like an e-mail address or a phone number. */
export function hasPersonalText(text: string): boolean {
  return scanText(text).length > 0;
}

/** `kari@bydel.no` → `k…o`: only the first and the last character are shown. */
export function maskExcerpt(text: string): string {
  const chars = Array.from(text.trim());
  if (chars.length === 0) return '…';
  if (chars.length <= 2) return `${chars[0]}…`;
  return `${chars[0]}…${chars[chars.length - 1]}`;
}

/** The text with every e-mail address and phone number replaced by `replacement`. */
export function redactText(text: string, replacement: string = REMOVED_TEXT.nb): string {
  const matches = scanText(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    if (m.index < at) continue;
    out += text.slice(at, m.index) + replacement;
    at = m.index + m.text.length;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Walking a JSON value

type Segment = string | number;

interface WalkContext {
  findings: Finding[];
  strip: boolean;
  replacement: string;
  basePath: string;
  /** Objects on the current path, to survive a cyclic (non-JSON) value. */
  stack: Set<object>;
}

/**
 * The path, with any e-mail address or phone number in a key masked (`terms["Ring …"]`), so a
 * finding's path never repeats the personal data it points at.
 */
function pathOf(ctx: WalkContext, path: readonly Segment[]): string {
  const tail = formatPath(
    path.map((seg) => (typeof seg === 'string' ? redactText(seg, '…') : seg)),
  );
  if (!ctx.basePath) return tail;
  if (!tail) return ctx.basePath;
  return tail.startsWith('[') ? ctx.basePath + tail : `${ctx.basePath}.${tail}`;
}

function personExcerpt(person: unknown): string {
  if (typeof person === 'object' && person !== null && !Array.isArray(person)) {
    const p = person as Record<string, unknown>;
    for (const key of ['name', 'email', 'phone']) {
      const v = p[key];
      if (typeof v === 'string' && v.trim()) return maskExcerpt(v);
    }
  }
  if (typeof person === 'string' && person.trim()) return maskExcerpt(person);
  return '…';
}

function walkString(text: string, path: readonly Segment[], ctx: WalkContext): string {
  const matches = scanText(text);
  if (matches.length === 0) return text;
  const where = pathOf(ctx, path);
  for (const m of matches) {
    ctx.findings.push({ path: where, kind: m.kind, excerpt: maskExcerpt(m.text) });
  }
  return ctx.strip ? redactText(text, ctx.replacement) : text;
}

/**
 * Walks `value`, recording findings; returns the stripped copy (strip mode) or `value` itself.
 * `inAssignment`: `value` is an element of an `assignments` array, whose `person` is personal.
 */
function walk(value: unknown, path: Segment[], ctx: WalkContext, inAssignment: boolean): unknown {
  if (typeof value === 'string') return walkString(value, path, ctx);
  if (typeof value !== 'object' || value === null) return value;
  if (ctx.stack.has(value)) return ctx.strip ? undefined : value;
  ctx.stack.add(value);
  try {
    if (Array.isArray(value)) {
      const parentKey = path[path.length - 1];
      const out: unknown[] = [];
      value.forEach((item, i) => {
        out.push(walk(item, [...path, i], ctx, parentKey === 'assignments'));
      });
      return ctx.strip ? out : value;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (inAssignment && key === 'person' && item !== undefined) {
        ctx.findings.push({
          path: pathOf(ctx, [...path, key]),
          kind: 'person',
          excerpt: personExcerpt(item),
        });
        continue; // stripped: the assignment stays, as a vacancy
      }
      if (path.length === 0 && key === 'newcomers' && Array.isArray(item) && item.length > 0) {
        // A model's newcomers say who is new where («a new rektor at Rødtvet from 5 January»):
        // no names, but they point at a person. They are the district's own business and never
        // leave it: stripped, the list is empty.
        item.forEach((_, i) =>
          ctx.findings.push({ path: pathOf(ctx, [key, i]), kind: 'person', excerpt: '…' }),
        );
        if (ctx.strip) out[key] = [];
        continue;
      }
      let outKey = key;
      const keyMatches = scanText(key);
      if (keyMatches.length > 0) {
        const where = pathOf(ctx, [...path, key]);
        for (const m of keyMatches) {
          ctx.findings.push({ path: where, kind: m.kind, excerpt: maskExcerpt(m.text) });
        }
        if (ctx.strip) {
          outKey = redactText(key, ctx.replacement);
          let n = 2;
          while (Object.prototype.hasOwnProperty.call(out, outKey)) {
            outKey = `${redactText(key, ctx.replacement)} (${n++})`;
          }
        }
      }
      const next = walk(item, [...path, key], ctx, false);
      if (ctx.strip) out[outKey] = next;
    }
    return ctx.strip ? out : value;
  } finally {
    ctx.stack.delete(value);
  }
}

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

function langOf(value: unknown, given: Lang | undefined): Lang {
  if (given && LANGS.includes(given)) return given;
  const own =
    typeof value === 'object' && value !== null
      ? (value as { language?: unknown }).language
      : undefined;
  return LANGS.includes(own as Lang) ? (own as Lang) : 'nb';
}

// ---------------------------------------------------------------------------------------------
// The API

/**
 * Every place in a JSON value (a model, a mapping, anything) that holds personal data: each
 * `person` of a role assignment, and each e-mail address or phone number in any string (one
 * finding per match), in document order.
 */
export function findPersonalData(value: unknown, options: FindOptions = {}): Finding[] {
  const ctx: WalkContext = {
    findings: [],
    strip: false,
    replacement: '',
    basePath: options.basePath ?? '',
    stack: new Set(),
  };
  walk(value, [], ctx, false);
  return ctx.findings;
}

/**
 * A copy of `value` without personal data: every assignment's `person` is removed (the
 * assignment stays, as a vacancy), and every e-mail address and phone number in any string is
 * replaced by «[fjernet]» (nn «[fjerna]», en «[removed]») so the text stays readable. `removed`
 * lists what was taken out, as `findPersonalData` reports it. The input is not changed.
 */
export function stripPersonalData<T = Model>(
  value: T,
  options: StripOptions = {},
): { model: T; removed: Finding[] } {
  const ctx: WalkContext = {
    findings: [],
    strip: true,
    replacement: REMOVED_TEXT[langOf(value, options.lang)],
    basePath: '',
    stack: new Set(),
  };
  const model = walk(value, [], ctx, false) as T;
  return { model, removed: ctx.findings };
}

const KIND_LABELS: Record<Lang, Record<PersonalDataKind, string>> = {
  nb: { person: 'person', email: 'e-postadresse', phone: 'telefonnummer' },
  nn: { person: 'person', email: 'e-postadresse', phone: 'telefonnummer' },
  en: { person: 'person', email: 'e-mail address', phone: 'phone number' },
};

function errorMessage(findings: readonly Finding[], lang: Lang, listed: number): string {
  const n = findings.length;
  const labels = KIND_LABELS[lang];
  const items = findings
    .slice(0, listed)
    .map((f) => `${f.path || '(rot)'}: ${labels[f.kind]} «${f.excerpt}»`);
  const rest = n - items.length;
  const list = items.join(', ');
  switch (lang) {
    case 'nn':
      return (
        `Fila inneheld framleis personopplysningar (${n} ${n === 1 ? 'stad' : 'stader'}): ${list}` +
        (rest > 0 ? ` og ${rest} til.` : '.')
      );
    case 'en':
      return (
        `The file still holds personal data (${n} ${n === 1 ? 'place' : 'places'}): ${list}` +
        (rest > 0 ? ` and ${rest} more.` : '.')
      );
    default:
      return (
        `Fila inneholder fortsatt personopplysninger (${n} ${n === 1 ? 'sted' : 'steder'}): ${list}` +
        (rest > 0 ? ` og ${rest} til.` : '.')
      );
  }
}

/** Thrown when a transfer file would still hold personal data. */
export class PersonalDataError extends Error {
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[], lang: Lang = 'nb', listed = 5) {
    super(errorMessage(findings, lang, Math.max(1, listed)));
    this.name = 'PersonalDataError';
    this.findings = findings;
  }
}

/**
 * Throws a `PersonalDataError` listing where `value` holds personal data, unless there is none or
 * the user has explicitly allowed it.
 */
export function assertNoPersonalData(value: unknown, options: AssertOptions = {}): void {
  if (options.allowPersonalData === true) return;
  const findings = findPersonalData(value);
  if (findings.length > 0) {
    throw new PersonalDataError(findings, langOf(value, options.lang), options.listed ?? 5);
  }
}

/**
 * The text of a transfer file: the model stripped of personal data (unless `strip: false`),
 * checked to hold none (unless `allowPersonalData`), as JSON with 2 spaces and a final newline.
 * Throws `PersonalDataError` rather than return a text that holds personal data.
 */
export function transferJson(model: Model, options: TransferJsonOptions = {}): string {
  const lang = langOf(model, options.lang);
  const out = options.strip === false ? model : stripPersonalData(model, { lang }).model;
  assertNoPersonalData(out, { allowPersonalData: options.allowPersonalData, lang });
  return `${JSON.stringify(out, null, 2)}\n`;
}
