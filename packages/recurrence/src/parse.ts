/**
 * From a Norwegian rhythm phrase ("Hver fjerde uke", "En gang i forkant av sommerferien",
 * "Ved behov") to a cadence. Says why when it does not understand, and suggests the nearest
 * phrase it knows.
 */
import { daysInMonth, MONTH_NAMES, type Lang, type NamedBreak } from '@arshjul/school-calendar';
import { normalizePhrase, ORDINALS } from './normalize.js';
import { formatMessage, PERIOD_WORDS, type Message, type MessageCode } from './messages.js';
import { formatMonthlyNth, validateRRule } from './engine/rrule-adapter.js';
import type {
  Action,
  AnchorName,
  Cadence,
  CountPeriod,
  QualitativeWord,
  Rule,
  SimpleRule,
  TimeOfDay,
  Weekday,
  Window,
} from './types.js';

export type ParseResult =
  | { ok: true; cadence: Cadence; warnings: string[] }
  | { ok: false; text: string; code: MessageCode; reason: string; suggestion?: string };

export interface ParseOptions {
  /** Language of reasons and warnings (the phrase itself is always read as Norwegian). */
  lang?: Lang;
}

class Fail {
  constructor(readonly message: Message) {}
}
const fail = (code: MessageCode, params: Record<string, string | number> = {}) =>
  new Fail({ code, params });

// ---------------------------------------------------------------------------------------------
// Vocabulary

const BREAK_WORDS: Record<string, NamedBreak> = {
  sommerferien: 'sommerferie',
  sommerferie: 'sommerferie',
  sommeren: 'sommerferie',
  juleferien: 'juleferie',
  juleferie: 'juleferie',
  jul: 'juleferie',
  julen: 'juleferie',
  høstferien: 'høstferie',
  høstferie: 'høstferie',
  vinterferien: 'vinterferie',
  vinterferie: 'vinterferie',
  påskeferien: 'påskeferie',
  påskeferie: 'påskeferie',
  påske: 'påskeferie',
  påsken: 'påskeferie',
};
const BREAK_RE = Object.keys(BREAK_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const PERIOD_RE: Record<CountPeriod, string> = {
  week: 'uke|uken|uka|ukene',
  month: 'måned|måneden|månedene',
  quarter: 'kvartal|kvartalet',
  half: 'halvår|halvåret|semester|semesteret',
  year: 'år|året|skoleår|skoleåret',
};
const PERIOD_ADVERBS: Record<string, CountPeriod> = {
  ukentlig: 'week',
  månedlig: 'month',
  kvartalsvis: 'quarter',
  halvårlig: 'half',
  årlig: 'year',
  årlige: 'year',
  månedlige: 'month',
  halvårlige: 'half',
};

function periodOf(word: string): CountPeriod | undefined {
  for (const [p, re] of Object.entries(PERIOD_RE) as [CountPeriod, string][]) {
    if (new RegExp(`^(${re})$`).test(word)) return p;
  }
  return PERIOD_ADVERBS[word];
}

const MONTHS = MONTH_NAMES.nb;
const MONTH_RE = MONTHS.join('|');

const WEEKDAY_FULL: Record<string, Weekday> = {
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
  søndag: 7,
};
const WEEKDAY_SHORT: Record<string, Weekday> = {
  man: 1,
  tir: 2,
  tirs: 2,
  ons: 3,
  tor: 4,
  tors: 4,
  fre: 5,
  lør: 6,
  søn: 7,
};
const L = '\\p{L}';
const NB = `(?<![${L}\\d])`; // word start
const NE = `(?![${L}\\d])`; // word end
const WD_TOKEN = `(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:er|en)?|(?:man|tirs?|ons|tors?|fre|lør|søn)${NE}\\.?)`;
const WD_LIST = new RegExp(
  `${NB}(?:hver |på |alle |om )?(${WD_TOKEN}(?:\\s*(?:-|til|og|/|&)\\s*${WD_TOKEN}|\\s+${WD_TOKEN})*)${NE}`,
  'u',
);

function weekdayOf(token: string): Weekday | undefined {
  const t = token.replace(/\.$/, '');
  const full = t.replace(/(er|en)$/, '');
  return WEEKDAY_FULL[t] ?? WEEKDAY_FULL[full] ?? WEEKDAY_SHORT[t];
}

function parseWeekdayList(list: string): Weekday[] | undefined {
  const parts = list.split(/\s*(-|til|og|\/|&|\s)\s*/u).filter((p) => p && !/^\s*$/.test(p));
  const out = new Set<Weekday>();
  let rangeFrom: Weekday | undefined;
  let pendingRange = false;
  for (const p of parts) {
    if (p === '-' || p === 'til') {
      pendingRange = true;
      continue;
    }
    if (p === 'og' || p === '/' || p === '&') continue;
    const w = weekdayOf(p);
    if (!w) return undefined;
    if (pendingRange && rangeFrom) {
      for (let d = rangeFrom; d <= w; d++) out.add(d as Weekday);
      pendingRange = false;
    } else out.add(w);
    rangeFrom = w;
  }
  return out.size ? [...out].sort((a, b) => a - b) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Modifiers found anywhere in a phrase

interface Mods {
  approximate: boolean;
  action?: Action;
  weekdays?: Weekday[];
  time?: TimeOfDay;
  since?: number;
  ignored: string[];
}

const ACTION_WORDS: Record<string, Action> = {
  revideres: 'revision',
  revidert: 'revision',
  revideringen: 'revision',
  justeres: 'adjustment',
  justert: 'adjustment',
  oppdateres: 'update',
  oppdatert: 'update',
  evalueres: 'evaluation',
  evaluert: 'evaluation',
};

const FILLER = new RegExp(
  `${NB}(gjennomføres|arrangeres|avholdes|holdes|møtes|treffes|skjer|finner sted|primært|hovedsakelig|som regel|normalt|vanligvis)${NE}`,
  'gu',
);
const APPROX = new RegExp(
  `${NB}(ca|cirka|omtrent|omkring|rundt|anslagsvis|minimum|minst|cirka)${NE}`,
  'gu',
);

function pad(n: string): string {
  return n.padStart(2, '0');
}

function extractTime(s: string, mods: Mods, original: string): string | Fail {
  // "kl 18:00-22:00", "18:00-22:00", "09-15:00", "fra 14:00-18.00", "klokken 18", "kl 14.30"
  const re = new RegExp(
    `${NB}(?:fra\\s+)?(?:(kl|klokken|klokka)\\s*)?(?:fra\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*(?:-|til)\\s*(?:kl\\s*)?(\\d{1,2})(?:[:.](\\d{2}))?)?${NE}`,
    'gu',
  );
  let m: RegExpExecArray | null;
  // Plain numbers are counts ("1-2 ganger"); a time has «kl» or minutes.
  while ((m = re.exec(s)) && !m[1] && m[3] === undefined && m[5] === undefined);
  if (!m) return s;
  const [whole, , h1, m1, h2, m2] = m;
  const times = [
    [h1, m1 ?? '00'] as const,
    ...(h2 !== undefined ? [[h2, m2 ?? '00'] as const] : []),
  ];
  for (const [h, mm] of times) {
    if (Number(h) > 23 || Number(mm) > 59)
      return fail('bad-time', { text: original, time: `${h}:${mm}` });
  }
  mods.time = {
    start: `${pad(h1!)}:${m1 ?? '00'}`,
    ...(h2 !== undefined ? { end: `${pad(h2)}:${m2 ?? '00'}` } : {}),
  };
  return (s.slice(0, m.index) + ' ' + s.slice(m.index + whole.length)).replace(/\s+/g, ' ').trim();
}

function extractModifiers(input: string, text: string): { core: string; mods: Mods } | Fail {
  const mods: Mods = { approximate: false, ignored: [] };
  let s = input;
  s = s.replace(new RegExp(`${NB}(${Object.keys(ACTION_WORDS).join('|')})${NE}`, 'gu'), (w) => {
    mods.action = ACTION_WORDS[w];
    return ' ';
  });
  s = s.replace(APPROX, () => {
    mods.approximate = true;
    return ' ';
  });
  s = s.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const since = new RegExp(`${NB}(?:siden|fra|f\\.o\\.m\\.?)\\s+(\\d{4})${NE}`, 'u').exec(s);
  if (since) {
    mods.since = Number(since[1]);
    s = s.replace(since[0], ' ').replace(/\s+/g, ' ').trim();
  }
  const t = extractTime(s, mods, text);
  if (t instanceof Fail) return t;
  s = t;
  if (/hverdag|virkedag|ukedag/u.test(s)) {
    mods.weekdays = [1, 2, 3, 4, 5];
    s = s.replace(
      new RegExp(`${NB}(alle\\s+)?(hverdager|hverdag|virkedager|ukedager)${NE}`, 'u'),
      ' ',
    );
  } else {
    const m = WD_LIST.exec(s);
    if (m) {
      const days = parseWeekdayList(m[1]!);
      if (days) {
        mods.weekdays = days;
        s = s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
      }
    }
  }
  return {
    core: s
      .replace(/\s+/g, ' ')
      .replace(/^(på|fra|i|om|og)\s*$/, '')
      .trim(),
    mods,
  };
}

// ---------------------------------------------------------------------------------------------
// Windows and anchors

function windowOf(s: string): Window | undefined {
  let m: RegExpExecArray | null;
  if (
    (m = new RegExp(
      `^(?:i forkant av|før|i tiden før|rett før|forut for|innen|opp mot) (${BREAK_RE})$`,
      'u',
    ).exec(s))
  )
    return { kind: 'before', break: BREAK_WORDS[m[1]!]! };
  if (
    (m = new RegExp(`^(?:i etterkant av|etter|rett etter|like etter) (${BREAK_RE})$`, 'u').exec(s))
  )
    return { kind: 'after', break: BREAK_WORDS[m[1]!]! };
  if ((m = new RegExp(`^(?:i|under|i løpet av) (${BREAK_RE})$`, 'u').exec(s)))
    return { kind: 'break', break: BREAK_WORDS[m[1]!]! };
  if (
    (m =
      /^(?:(?:i|om|i løpet av|gjennom|hver|per|på) ?)?(vår|høst)(?:en|semesteret|semester|halvåret|halvår)?$/u.exec(
        s,
      ))
  )
    return { kind: 'half', half: m[1] === 'vår' ? 'vår' : 'høst' };
  if ((m = new RegExp(`^(?:i|i løpet av|hver|per|på)? ?(${MONTH_RE})$`, 'u').exec(s)))
    return { kind: 'month', month: MONTHS.indexOf(m[1]!) + 1 };
  if (
    /^(?:i|ved) (?:starten|begynnelsen|oppstarten) (?:av|på) (?:skoleåret|året|høsten)$/u.test(s) ||
    /^ved skoleårets start$/u.test(s)
  )
    return { kind: 'start-of-year' };
  if (
    /^(?:i|ved) (?:slutten|utgangen|avslutningen) (?:av|på) (?:skoleåret|året|våren)$/u.test(s) ||
    /^ved skoleårets slutt$/u.test(s)
  )
    return { kind: 'end-of-year' };
  if (/^(?:gjennom|i løpet av) (?:hele )?skoleåret$/u.test(s)) return { kind: 'school-year' };
  return undefined;
}

function anchorOf(s: string): AnchorName | undefined {
  let m: RegExpExecArray | null;
  if (/^(?:ved |på )?(?:første skoledag|skolestart|skolens første dag)$/u.test(s))
    return 'skolestart';
  if (/^(?:ved |på )?(?:siste skoledag|skoleslutt|skoleavslutning(?:en)?)$/u.test(s))
    return 'siste-skoledag';
  if (/^(?:siste skoledag )?før (?:hver|alle) (?:skole)?ferie(?:r)?$/u.test(s))
    return 'før-hver-ferie';
  if (/^(?:første skoledag )?etter (?:hver|alle) (?:skole)?ferie(?:r)?$/u.test(s))
    return 'etter-hver-ferie';
  if ((m = new RegExp(`^siste skoledag før (${BREAK_RE})$`, 'u').exec(s)))
    return `før-${BREAK_WORDS[m[1]!]!}`;
  if ((m = new RegExp(`^første skoledag etter (${BREAK_RE})$`, 'u').exec(s)))
    return `etter-${BREAK_WORDS[m[1]!]!}`;
  if (
    (m = new RegExp(`^(?:første (?:ferie)?dag|starten|start) (?:i|av|på) (${BREAK_RE})$`, 'u').exec(
      s,
    ))
  )
    return `${BREAK_WORDS[m[1]!]!}.start`;
  if ((m = new RegExp(`^(?:siste (?:ferie)?dag|slutten) (?:i|av|på) (${BREAK_RE})$`, 'u').exec(s)))
    return `${BREAK_WORDS[m[1]!]!}.slutt`;
  if ((m = /^(første|siste) skoledag (?:i|av|på) (vår|høst)(?:halvåret|semesteret|en)$/u.exec(s)))
    return `${m[2] === 'vår' ? 'vår' : 'høst'}.${m[1] === 'første' ? 'start' : 'slutt'}`;
  return undefined;
}

/** "2 uker før sommerferien" → an anchor with an offset. */
function offsetAnchor(s: string): SimpleRule | undefined {
  const m =
    /^(\d+|dagen|uka|uken) ?(dag|dager|uke|uker|skoledag|skoledager)? (før|etter) (.+)$/u.exec(s);
  if (!m) return undefined;
  const [, n, unitWord, dir, rest] = m;
  const amount = n === 'dagen' || n === 'uka' || n === 'uken' ? 1 : Number(n);
  const unit =
    n === 'dagen'
      ? 'day'
      : n === 'uka' || n === 'uken'
        ? 'week'
        : unitWord?.startsWith('skoledag')
          ? 'school-day'
          : unitWord?.startsWith('uke')
            ? 'week'
            : unitWord?.startsWith('dag')
              ? 'day'
              : undefined;
  if (!unit) return undefined;
  const sign = dir === 'før' ? -1 : 1;
  let anchor = anchorOf(rest!);
  if (!anchor) {
    const b = BREAK_WORDS[rest!];
    if (b) anchor = dir === 'før' ? `${b}.start` : `${b}.slutt`;
  }
  if (!anchor) return undefined;
  return { kind: 'anchor', anchor, offset: { amount: sign * amount, unit } };
}

// ---------------------------------------------------------------------------------------------
// Core grammar

const QUALITATIVE: Record<string, QualitativeWord> = {
  jevnlig: 'jevnlig',
  jevnlige: 'jevnlig',
  'jevnlige møter': 'jevnlig',
  'jevnlig møter': 'jevnlig',
  fast: 'fast',
  faste: 'fast',
  'faste møter': 'fast',
  'fast møte': 'fast',
  'faste møte': 'fast',
  'faste samlinger': 'fast',
  regelmessig: 'regelmessig',
  regelmessige: 'regelmessig',
  'regelmessige møter': 'regelmessig',
  hyppig: 'hyppig',
  hyppige: 'hyppig',
  ofte: 'hyppig',
};

const LIMITS = { day: 366, week: 104, month: 48, year: 10 } as const;

/** Which weekday of the month: «første», «andre» … «femte», «siste», «nest siste». */
const NTH_WORDS: Record<string, number> = {
  ...ORDINALS,
  første: 1,
  siste: -1,
  'nest siste': -2,
  nestsiste: -2,
};
const NTH_RE = `\\d+|${Object.keys(NTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;
// «første i måneden», «tredje hver måned», «siste i hver måned», «første hver 2 måned»
// (the weekday itself is taken out as a modifier before this is matched).
const NTH_OF_MONTH = new RegExp(
  `^(?:den |hver )?(${NTH_RE}) (?:(?:i |av |per )?hver (?:(\\d+) )?måned|(?:i|av|per) måneden?)$`,
  'u',
);

/** «Første mandag i måneden» → FREQ=MONTHLY;BYDAY=+1MO, kept as an `rrule` rule. */
function nthOfMonthRule(
  text: string,
  word: string,
  everyText: string | undefined,
  weekdays: Weekday[],
): SimpleRule | Fail {
  const nth = /^\d+$/.test(word) ? Number(word) : NTH_WORDS[word]!;
  if (nth === 0 || nth > 5) return fail('bad-ordinal', { text, n: word });
  const every = everyText === undefined ? 1 : Number(everyText);
  if (every === 0) return fail('zero-interval', { text });
  if (every > LIMITS.month) return fail('too-long', { text, max: `${LIMITS.month} måneder` });
  return { kind: 'rrule', rrule: formatMonthlyNth({ nth, weekdays, every }) };
}

function countRule(
  text: string,
  min: number,
  max: number,
  per: CountPeriod,
  within?: Window,
): SimpleRule | Fail {
  if (min === 0 || max === 0) return fail('zero-count', { text });
  if (min > max) return fail('range-order', { text, min, max });
  const cap = { week: 7, month: 31, quarter: 14, half: 27, year: 366 }[per];
  if (max > cap) {
    const [period, unit] = PERIOD_WORDS.nb[per]!;
    return fail('too-many', { text, count: max, period, unit });
  }
  return { kind: 'count', min, max, per, ...(within ? { within } : {}) };
}

function intervalRule(text: string, every: number, unitWord: string): SimpleRule | Fail {
  if (every === 0) return fail('zero-interval', { text });
  if (/^dag/.test(unitWord))
    return every > LIMITS.day
      ? fail('too-long', { text, max: `${LIMITS.day} dager` })
      : { kind: 'interval', every, unit: 'day' };
  if (/^uke/.test(unitWord))
    return every > LIMITS.week
      ? fail('too-long', { text, max: `${LIMITS.week} uker` })
      : { kind: 'interval', every, unit: 'week' };
  if (/^måned/.test(unitWord)) {
    if (every === 1) return { kind: 'count', min: 1, max: 1, per: 'month' };
    return every > LIMITS.month
      ? fail('too-long', { text, max: `${LIMITS.month} måneder` })
      : { kind: 'interval', every, unit: 'month' };
  }
  if (/^kvartal/.test(unitWord)) {
    if (every === 1) return { kind: 'count', min: 1, max: 1, per: 'quarter' };
    return { kind: 'interval', every: every * 3, unit: 'month' };
  }
  if (/^(halvår|semester)/.test(unitWord)) {
    if (every === 1) return { kind: 'count', min: 1, max: 1, per: 'half' };
    return every === 2
      ? { kind: 'count', min: 1, max: 1, per: 'year' }
      : { kind: 'interval', every: every * 6, unit: 'month' };
  }
  if (/^(skole)?år/.test(unitWord)) {
    if (every === 1) return { kind: 'count', min: 1, max: 1, per: 'year' };
    return every > LIMITS.year
      ? fail('too-long', { text, max: `${LIMITS.year} år` })
      : { kind: 'interval', every, unit: 'year' };
  }
  return fail('unknown', { text });
}

function parseCore(core: string, text: string, mods: Mods): SimpleRule | Fail | undefined {
  let m: RegExpExecArray | null;
  const s = core;

  if (s === '' && mods.weekdays) return { kind: 'interval', every: 1, unit: 'week' };
  if (s === '' && mods.time) return fail('only-time', { text });
  if (
    /^(?:ved|etter|når det er|ut fra) behov(?: for det)?$|^når det trengs$|^ved forespørsel$|^etter avtale$/u.test(
      s,
    )
  )
    return { kind: 'on-demand' };
  if (
    /^(?:gjennom|i løpet av) (?:hele )?(?:skole)?året$|^hele (?:skole)?året$|^året rundt$|^fortløpende$|^løpende$|^kontinuerlig$|^hele tiden$|^gjennom året$/u.test(
      s,
    )
  )
    return { kind: 'continuous' };
  if (QUALITATIVE[s]) return { kind: 'qualitative', word: QUALITATIVE[s] };
  if (
    /^(?:hyppighet(?:en)? )?avtal(?:e|es|t) (?:lokalt|(?:på|med|for) (?:den enkelte|hver|hver enkelt) skole(?:n)?)$/u.test(
      s,
    ) ||
    /^etter avtale med (?:den enkelte |hver )?skolen?$|^(?:varierer|ulikt) fra skole til skole$|^hver skole (?:velger|bestemmer)(?: selv)?$|^skolene (?:velger|bestemmer) selv$|^bestemmes (?:av|på) (?:den enkelte|hver) skole$/u.test(
      s,
    )
  )
    return { kind: 'school-choice' };

  // An ordinal weekday of the month: "første mandag i måneden", "siste fredag hver måned"
  if (mods.weekdays && (m = NTH_OF_MONTH.exec(s)))
    return nthOfMonthRule(text, m[1]!, m[2], mods.weekdays);

  // Intervals: "hver uke", "hver 4 uke", "hver 14 dag", "hver 2 år"
  if (
    (m =
      /^hver (?:(\d+) )?(dag|dager|uke|uker|måned|måneder|kvartal|halvår|semester|år|skoleår)$/u.exec(
        s,
      ))
  )
    return intervalRule(text, m[1] ? Number(m[1]) : 1, m[2]!);
  // "annenhver tirsdag" (normalised to "hver 2" with the weekday taken out): every second week
  if (mods.weekdays && (m = /^hver (\d+)$/u.exec(s)))
    return intervalRule(text, Number(m[1]), 'uke');
  // "en dag hver 2. uke", "en gang hver tredje uke"
  if (
    (m =
      /^1 (?:dag|gang) hver (?:(\d+) )?(dag|uke|måned|kvartal|halvår|semester|år|skoleår)$/u.exec(
        s,
      ))
  )
    return intervalRule(text, m[1] ? Number(m[1]) : 1, m[2]!);
  if (/^(?:ukentlige?|ukevis|1 gang (?:i|per|hver) (?:uken|uka|uke))$/u.test(s))
    return { kind: 'interval', every: 1, unit: 'week' };
  if (/^(?:daglige?|hver dag)$/u.test(s)) return { kind: 'interval', every: 1, unit: 'day' };

  // "4 dager i uken" (with weekdays: the weekdays say which)
  if ((m = /^(\d+) (?:dager|dag) (?:i|per) (?:uken|uka|uke)$/u.exec(s))) {
    const n = Number(m[1]);
    if (mods.weekdays) return { kind: 'interval', every: 1, unit: 'week' };
    return countRule(text, n, n, 'week');
  }

  // Counts: "4 ganger i året", "1 til 2 ganger i året", "2 ganger per halvår", "1 gang i forkant av sommerferien"
  if ((m = /^(\d+)(?:\s*(?:til|-)\s*(\d+))? (?:gang|ganger|gangen)(?: (.*))?$/u.exec(s))) {
    const min = Number(m[1]);
    const max = m[2] !== undefined ? Number(m[2]) : min;
    const rest = (m[3] ?? '').trim();
    if (rest === '') return fail('missing-period', { text });
    const pm = new RegExp(
      `^(?:(?:i|per|hver|om|i løpet av|pr|på) )?(?:hver )?(${Object.values(PERIOD_RE).join('|')}|${Object.keys(PERIOD_ADVERBS).join('|')})(?: (.+))?$`,
      'u',
    ).exec(rest);
    if (pm) {
      const per = periodOf(pm[1]!)!;
      if (!pm[2]) return countRule(text, min, max, per);
      const w = windowOf(pm[2]);
      return w ? countRule(text, min, max, per, w) : undefined;
    }
    const w = windowOf(rest);
    if (w) return countRule(text, min, max, 'year', w);
    return undefined;
  }
  if (PERIOD_ADVERBS[s]) return countRule(text, 1, 1, PERIOD_ADVERBS[s]);

  // "hver vår", "hvert vårsemester" → once within that half
  if ((m = /^hver (vår|høst)(?:en|semester|semesteret|halvår|halvåret)?(?: semester)?$/u.exec(s)))
    return countRule(text, 1, 1, 'year', { kind: 'half', half: m[1] === 'vår' ? 'vår' : 'høst' });

  // A window alone: "om våren", "i forkant av sommerferien", "i februar"
  const w = windowOf(s);
  if (w && w.kind !== 'school-year') return countRule(text, 1, 1, 'year', w);

  // ISO week: "uke 40"
  if ((m = /^(?:i )?uke (\d+)$/u.exec(s))) {
    const week = Number(m[1]);
    if (week < 1 || week > 53) return fail('bad-week', { text, week });
    return { kind: 'week', week };
  }

  // Date: "14 oktober", "14.10"
  if (
    (m = new RegExp(`^(?:den |hver )?(\\d{1,2}) (${MONTH_RE})$`, 'u').exec(s)) ||
    (m = /^(?:den )?(\d{1,2})\.(\d{1,2})\.?$/u.exec(s))
  ) {
    const day = Number(m[1]);
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : MONTHS.indexOf(m[2]!) + 1;
    if (month < 1 || month > 12) return fail('unknown', { text });
    const days = daysInMonth(2000, month); // a leap year: 29 February exists in some years
    if (day < 1 || day > days)
      return fail('nonexistent-date', { text, month: MONTHS[month - 1]!, days });
    return { kind: 'date', month, day };
  }

  // Anchors: "første skoledag", "siste skoledag før jul", "2 uker før sommerferien"
  const a = anchorOf(s);
  if (a) return { kind: 'anchor', anchor: a };
  const oa = offsetAnchor(s);
  if (oa) return oa;

  // Events the district defines: "ved budsjettlegging i bydelen", "kort tid etter oppstartsmøtet"
  if ((m = /^(?:kort tid|rett|like|snart|straks) etter (.+)$/u.exec(s)))
    return { kind: 'event', event: m[1]!, relation: 'after', approximate: true };
  if ((m = /^(?:kort tid|rett|like) før (.+)$/u.exec(s)))
    return { kind: 'event', event: m[1]!, relation: 'before', approximate: true };
  if ((m = /^(\d+) (dag|dager|uke|uker) (før|etter) (.+)$/u.exec(s)))
    return {
      kind: 'event',
      event: m[4]!,
      relation: m[3] === 'før' ? 'before' : 'after',
      offset: {
        amount: (m[3] === 'før' ? -1 : 1) * Number(m[1]),
        unit: m[2]!.startsWith('uke') ? 'week' : 'day',
      },
    };
  if ((m = /^(?:ved|i forbindelse med|når|under) (.+)$/u.exec(s)))
    return { kind: 'event', event: m[1]!, relation: 'at' };
  if ((m = /^(?:i forkant av|før) (.+)$/u.exec(s)))
    return { kind: 'event', event: m[1]!, relation: 'before' };
  if ((m = /^(?:i etterkant av|etter) (.+)$/u.exec(s)))
    return { kind: 'event', event: m[1]!, relation: 'after' };
  return undefined;
}

function applyMods(rule: SimpleRule, mods: Mods, warnings: Message[], core: string): SimpleRule {
  const out: SimpleRule = { ...rule };
  if (mods.approximate && (out.kind === 'interval' || out.kind === 'count' || out.kind === 'event'))
    out.approximate = true;
  if (mods.weekdays) {
    if (out.kind === 'interval' || out.kind === 'count' || out.kind === 'week') {
      out.weekdays = mods.weekdays;
      const n = /^(\d+) dager? /u.exec(core);
      if (n && Number(n[1]) !== mods.weekdays.length)
        warnings.push({
          code: 'weekday-count',
          params: { count: Number(n[1]), listed: mods.weekdays.length },
        });
    }
  }
  if (mods.time) {
    if (
      out.kind === 'interval' ||
      out.kind === 'count' ||
      out.kind === 'week' ||
      out.kind === 'date' ||
      out.kind === 'anchor'
    )
      out.time = mods.time;
    else
      warnings.push({
        code: 'ignored-time',
        params: { time: `${mods.time.start}${mods.time.end ? `–${mods.time.end}` : ''}` },
      });
  }
  if (mods.since !== undefined && out.kind === 'interval' && out.unit === 'year')
    out.since = mods.since;
  return out;
}

interface Parsed {
  rule: SimpleRule;
  action?: Action;
  warnings: Message[];
}

function parseSimple(normalized: string, text: string): Parsed | Fail {
  const ex = extractModifiers(normalized, text);
  if (ex instanceof Fail) return ex;
  const words = ex.core.split(' ');
  // Leading words that are not rhythm ("Samlinger gjennom hele året", "Utlysning en gang i året")
  // are read as description, at most eight of them. A rhythm found further in beats an event read
  // from the middle of a sentence («… under oppvekst hver 14 dag»).
  let found: { rule: SimpleRule; drop: number; core: string } | undefined;
  for (let drop = 0; drop <= Math.min(8, words.length - 1); drop++) {
    const core = words.slice(drop).join(' ');
    const r = parseCore(core, text, ex.mods);
    if (r instanceof Fail) {
      if (drop === 0) return r;
      continue;
    }
    if (r) {
      if (drop === 0 || r.kind !== 'event') {
        found = { rule: r, drop, core };
        break;
      }
      found ??= { rule: r, drop, core };
    }
    if (ex.core === '' || core === '') break;
  }
  if (!found) return fail('unknown', { text });
  const { rule, drop, core } = found;
  const warnings: Message[] = drop
    ? [{ code: 'ignored-words', params: { words: words.slice(0, drop).join(' ') } }]
    : [];
  return {
    rule: applyMods(rule, ex.mods, warnings, core),
    ...(ex.mods.action ? { action: ex.mods.action } : {}),
    warnings,
  };
}

const ORDINAL_RE = Object.keys(ORDINALS).join('|');
/** «hver 2. eller 3. uke», «hver andre eller tredje uke», «hver 2.–3. uke»: one interval each. */
const ALT_INTERVALS = new RegExp(
  `${NB}((?:1 (?:dag|gang) )?hver) (\\d+)\\.?\\s*(?:eller|/|-|til)\\s*(?:hver )?(\\d+|${ORDINAL_RE})\\.? (dag|dager|uke|uker|måned|måneder|år)${NE}`,
  'gu',
);

function spellOutAlternatives(s: string): string {
  return s.replace(
    ALT_INTERVALS,
    (_m, pre: string, a: string, b: string, unit: string) =>
      `${pre} ${a} ${unit} eller ${pre} ${ORDINALS[b] ?? b} ${unit}`,
  );
}

const ALT_SPLIT = /\s*\/\s*|\s+eller\s+|\s+og ellers\s+|\s+ellers\s+|\s+alternativt\s+/u;

// ---------------------------------------------------------------------------------------------
// Suggestions

export const KNOWN_PHRASES = [
  'Hver uke',
  'Hver 2. uke',
  'Hver fjerde uke',
  'Hver 6. uke',
  'Hver 14. dag',
  'En gang i måneden',
  'Hvert kvartal',
  'En gang i semesteret',
  'En gang i året',
  'To ganger i året',
  'Fire ganger i året',
  'En til to ganger i året',
  'To ganger per halvår',
  'Ved behov',
  'Gjennom hele året',
  'En gang i forkant av sommerferien',
  'I starten av skoleåret',
  'Om våren',
  'Om høsten',
  'I februar',
  'Ved budsjettlegging i bydelen',
  'Kort tid etter oppstartsmøtet',
  'Jevnlig',
  'Avtales på den enkelte skole',
  'Første skoledag',
  'Siste skoledag',
  'Uke 40',
  'Ca. hver 3. uke',
  'Mandag–torsdag',
  'Revideres en gang i året',
  'Første mandag i måneden',
  'Siste fredag i måneden',
  'Annenhver tirsdag',
  'Hver 2. eller 3. uke',
  'Hver mandag og torsdag',
];

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** The known phrase nearest to a phrase that was not understood, if any is near enough. */
export function suggestPhrase(text: string): string | undefined {
  const lower = text.toLowerCase().trim();
  const norm = normalizePhrase(text);
  let best: { phrase: string; d: number } | undefined;
  for (const p of KNOWN_PHRASES) {
    const d = Math.min(levenshtein(lower, p.toLowerCase()), levenshtein(norm, normalizePhrase(p)));
    if (!best || d < best.d) best = { phrase: p, d };
  }
  return best && best.d <= Math.max(3, Math.floor(lower.length * 0.4)) ? best.phrase : undefined;
}

// ---------------------------------------------------------------------------------------------

function failure(text: string, f: Fail, lang: Lang): ParseResult {
  const suggestion =
    f.message.code === 'unknown' || f.message.code === 'missing-period'
      ? suggestPhrase(text)
      : undefined;
  return {
    ok: false,
    text,
    code: f.message.code,
    reason: formatMessage(f.message, lang),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Reads a rhythm phrase (bokmål or nynorsk) as a cadence. */
export function parseCadence(text: string, options: ParseOptions = {}): ParseResult {
  const lang = options.lang ?? 'nb';
  const trimmed = text.trim();
  if (!trimmed) return failure(text, fail('empty'), lang);

  if (/^(rrule:)?freq=/i.test(trimmed)) {
    try {
      const rrule = validateRRule(trimmed);
      return { ok: true, cadence: { text, rule: { kind: 'rrule', rrule } }, warnings: [] };
    } catch (e) {
      return failure(text, fail('bad-rrule', { detail: (e as Error).message }), lang);
    }
  }

  // Weekday lists written with a slash are one list, not alternatives.
  const normalized = spellOutAlternatives(
    normalizePhrase(trimmed).replace(
      new RegExp(`(${WD_TOKEN})\\s*/\\s*(?=${WD_TOKEN})`, 'gu'),
      '$1 og ',
    ),
  );
  const whole = parseSimple(normalized, trimmed);
  const parts = normalized.split(ALT_SPLIT).filter(Boolean);
  if (parts.length > 1) {
    const options: SimpleRule[] = [];
    const warnings: Message[] = [];
    let action: Action | undefined;
    for (const [i, part] of parts.entries()) {
      const r = parseSimple(part, part);
      if (r instanceof Fail) {
        if (!(whole instanceof Fail)) break;
        const reason = formatMessage(r.message, lang);
        return failure(text, fail('in-option', { n: i + 1, part, reason }), lang);
      }
      options.push(r.rule);
      warnings.push(...r.warnings);
      action ??= r.action;
    }
    if (options.length === parts.length) {
      return {
        ok: true,
        cadence: { text, rule: { kind: 'alternatives', options }, ...(action ? { action } : {}) },
        warnings: warnings.map((w) => formatMessage(w, lang)),
      };
    }
  }
  if (whole instanceof Fail) return failure(trimmed, whole, lang);
  return {
    ok: true,
    cadence: { text, rule: whole.rule as Rule, ...(whole.action ? { action: whole.action } : {}) },
    warnings: whole.warnings.map((w) => formatMessage(w, lang)),
  };
}
