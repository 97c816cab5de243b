/**
 * From a rule to words: bokmål, nynorsk and English. Parsing the bokmål or nynorsk text gives the
 * same rule back (round trip, tested over every phrase in the Grorud model).
 */
import { MONTH_NAMES, WEEKDAY_NAMES, type Lang, type NamedBreak } from '@arshjul/school-calendar';
import { readMonthlyNth, type MonthlyNth } from './engine/rrule-adapter.js';
import type {
  Action,
  AnchorName,
  Cadence,
  CountPeriod,
  Offset,
  Rule,
  SimpleRule,
  TimeOfDay,
  Weekday,
  Window,
} from './types.js';

interface Words {
  every: (n: number, unit: 'day' | 'week' | 'month' | 'year') => string;
  count: (min: number, max: number) => string;
  per: Record<CountPeriod, string>;
  approx: string;
  since: (y: number) => string;
  and: string;
  kl: string;
  onDemand: string;
  continuous: string;
  /** Continuous, with a verb: «Revideres fortløpende». */
  ongoing: string;
  schoolChoice: string;
  qualitative: Record<string, string>;
  week: (w: number) => string;
  date: (d: number, month: string) => string;
  breakName: Record<NamedBreak, string>;
  window: (w: Window) => string;
  anchor: (a: AnchorName) => string;
  offset: (o: Offset, anchor: string) => string;
  event: (e: string, rel: 'at' | 'before' | 'after', approx: boolean, o?: Offset) => string;
  action: Record<Action, string>;
}

const NUM_NB = ['null', 'en', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'];
const NUM_NN = ['null', 'ein', 'to', 'tre', 'fire', 'fem', 'seks', 'sju', 'åtte', 'ni', 'ti'];
const NUM_EN = [
  'zero',
  'once',
  'twice',
  'three times',
  'four times',
  'five times',
  'six times',
  'seven times',
  'eight times',
  'nine times',
  'ten times',
];
const word = (list: string[], n: number) => list[n] ?? String(n);

const nb: Words = {
  every: (n, u) => {
    const unit = { day: 'dag', week: 'uke', month: 'måned', year: 'år' }[u];
    const hver = u === 'year' ? 'hvert' : 'hver';
    return n === 1 ? `${hver} ${unit}` : `${hver} ${n}. ${unit}`;
  },
  count: (min, max) =>
    min === max
      ? `${word(NUM_NB, min)} ${min === 1 ? 'gang' : 'ganger'}`
      : `${word(NUM_NB, min)} til ${word(NUM_NB, max)} ganger`,
  per: {
    week: 'i uken',
    month: 'i måneden',
    quarter: 'i kvartalet',
    half: 'i halvåret',
    year: 'i året',
  },
  approx: 'ca.',
  since: (y) => `fra ${y}`,
  and: 'og',
  kl: 'kl.',
  onDemand: 'ved behov',
  continuous: 'gjennom hele året',
  ongoing: 'fortløpende',
  schoolChoice: 'avtales på den enkelte skole',
  qualitative: {
    jevnlig: 'jevnlig',
    fast: 'faste møter',
    regelmessig: 'regelmessig',
    hyppig: 'hyppig',
  },
  week: (w) => `uke ${w}`,
  date: (d, m) => `${d}. ${m}`,
  breakName: {
    høstferie: 'høstferien',
    juleferie: 'juleferien',
    vinterferie: 'vinterferien',
    påskeferie: 'påskeferien',
    sommerferie: 'sommerferien',
  },
  window(w) {
    switch (w.kind) {
      case 'school-year':
        return 'gjennom skoleåret';
      case 'half':
        return w.half === 'vår' ? 'om våren' : 'om høsten';
      case 'month':
        return `i ${MONTH_NAMES.nb[w.month - 1]}`;
      case 'break':
        return `i ${this.breakName[w.break]}`;
      case 'start-of-year':
        return 'i starten av skoleåret';
      case 'end-of-year':
        return 'i slutten av skoleåret';
      case 'before':
        return `i forkant av ${this.breakName[w.break]}`;
      case 'after':
        return `i etterkant av ${this.breakName[w.break]}`;
    }
  },
  anchor(a) {
    const fixed: Record<string, string> = {
      skolestart: 'første skoledag',
      'siste-skoledag': 'siste skoledag',
      'høst.start': 'første skoledag i høsthalvåret',
      'høst.slutt': 'siste skoledag i høsthalvåret',
      'vår.start': 'første skoledag i vårhalvåret',
      'vår.slutt': 'siste skoledag i vårhalvåret',
      'før-hver-ferie': 'siste skoledag før hver ferie',
      'etter-hver-ferie': 'første skoledag etter hver ferie',
    };
    if (fixed[a]) return fixed[a];
    const m = /^(før|etter)-(.+)$/.exec(a);
    if (m)
      return m[1] === 'før'
        ? `siste skoledag før ${this.breakName[m[2] as NamedBreak]}`
        : `første skoledag etter ${this.breakName[m[2] as NamedBreak]}`;
    const [b, edge] = a.split('.') as [NamedBreak, string];
    return `${edge === 'start' ? 'første dag i' : 'siste dag i'} ${this.breakName[b]}`;
  },
  offset(o, anchor) {
    const n = Math.abs(o.amount);
    const unit = {
      day: n === 1 ? 'dag' : 'dager',
      week: n === 1 ? 'uke' : 'uker',
      'school-day': n === 1 ? 'skoledag' : 'skoledager',
    }[o.unit];
    return `${n} ${unit} ${o.amount < 0 ? 'før' : 'etter'} ${anchor}`;
  },
  event(e, rel, approx, o) {
    if (o)
      return `${Math.abs(o.amount)} ${o.unit === 'week' ? (Math.abs(o.amount) === 1 ? 'uke' : 'uker') : Math.abs(o.amount) === 1 ? 'dag' : 'dager'} ${o.amount < 0 ? 'før' : 'etter'} ${e}`;
    if (rel === 'at') return `ved ${e}`;
    if (rel === 'before') return approx ? `kort tid før ${e}` : `før ${e}`;
    return approx ? `kort tid etter ${e}` : `etter ${e}`;
  },
  action: {
    revision: 'revideres',
    adjustment: 'justeres',
    update: 'oppdateres',
    evaluation: 'evalueres',
  },
};

const nn: Words = {
  ...nb,
  every: (n, u) => {
    const unit = { day: 'dag', week: 'veke', month: 'månad', year: 'år' }[u];
    const kvar = u === 'year' ? 'kvart' : 'kvar';
    return n === 1 ? `${kvar} ${unit}` : `${kvar} ${n}. ${unit}`;
  },
  count: (min, max) =>
    min === max
      ? `${word(NUM_NN, min)} ${min === 1 ? 'gong' : 'gonger'}`
      : `${word(NUM_NN, min)} til ${word(NUM_NN, max)} gonger`,
  per: {
    week: 'i veka',
    month: 'i månaden',
    quarter: 'i kvartalet',
    half: 'i halvåret',
    year: 'i året',
  },
  approx: 'om lag',
  since: (y) => `frå ${y}`,
  continuous: 'gjennom heile året',
  ongoing: 'fortløpande',
  schoolChoice: 'avtalast på den einskilde skulen',
  qualitative: {
    jevnlig: 'jamleg',
    fast: 'faste møte',
    regelmessig: 'regelmessig',
    hyppig: 'hyppig',
  },
  week: (w) => `veke ${w}`,
  breakName: {
    høstferie: 'haustferien',
    juleferie: 'juleferien',
    vinterferie: 'vinterferien',
    påskeferie: 'påskeferien',
    sommerferie: 'sumarferien',
  },
  window(w) {
    switch (w.kind) {
      case 'half':
        return w.half === 'vår' ? 'om våren' : 'om hausten';
      case 'month':
        return `i ${MONTH_NAMES.nn[w.month - 1]}`;
      case 'start-of-year':
        return 'i starten av skuleåret';
      case 'end-of-year':
        return 'i slutten av skuleåret';
      case 'school-year':
        return 'gjennom skuleåret';
      default:
        return nb.window.call(this, w);
    }
  },
  anchor(a) {
    return nb.anchor
      .call(this, a)
      .replace(/skoledag/g, 'skuledag')
      .replace(/høsthalvåret/g, 'hausthalvåret')
      .replace(/\bhver\b/g, 'kvar');
  },
  offset(o, anchor) {
    const n = Math.abs(o.amount);
    const unit = {
      day: n === 1 ? 'dag' : 'dagar',
      week: n === 1 ? 'veke' : 'veker',
      'school-day': n === 1 ? 'skuledag' : 'skuledagar',
    }[o.unit];
    return `${n} ${unit} ${o.amount < 0 ? 'før' : 'etter'} ${anchor}`;
  },
  event(e, rel, approx, o) {
    return nb.event
      .call(this, e, rel, approx, o)
      .replace(/\buker\b/, 'veker')
      .replace(/\buke\b/, 'veke')
      .replace(/\bdager\b/, 'dagar');
  },
  action: {
    revision: 'reviderast',
    adjustment: 'justerast',
    update: 'oppdaterast',
    evaluation: 'evaluerast',
  },
};

const EN_BREAK: Record<NamedBreak, string> = {
  høstferie: 'the autumn break',
  juleferie: 'the Christmas break',
  vinterferie: 'the winter break',
  påskeferie: 'the Easter break',
  sommerferie: 'the summer holiday',
};

const en: Words = {
  every: (n, u) => (n === 1 ? `every ${u}` : `every ${n} ${u}s`),
  count: (min, max) =>
    min === max
      ? word(NUM_EN, min)
      : min === 1 && max === 2
        ? 'once or twice'
        : `${min} to ${max} times`,
  per: {
    week: 'a week',
    month: 'a month',
    quarter: 'a quarter',
    half: 'per half-year',
    year: 'a year',
  },
  approx: 'about',
  since: (y) => `from ${y}`,
  and: 'and',
  kl: 'at',
  onDemand: 'as needed',
  continuous: 'throughout the year',
  ongoing: 'continuously',
  schoolChoice: 'agreed with each school',
  qualitative: {
    jevnlig: 'regularly (no interval given)',
    fast: 'fixed meetings (no interval given)',
    regelmessig: 'regularly (no interval given)',
    hyppig: 'often (no interval given)',
  },
  week: (w) => `week ${w}`,
  date: (d, m) => `${d} ${m}`,
  breakName: EN_BREAK,
  window(w) {
    switch (w.kind) {
      case 'school-year':
        return 'during the school year';
      case 'half':
        return w.half === 'vår' ? 'in the spring' : 'in the autumn';
      case 'month':
        return `in ${MONTH_NAMES.en[w.month - 1]}`;
      case 'break':
        return `during ${EN_BREAK[w.break]}`;
      case 'start-of-year':
        return 'at the start of the school year';
      case 'end-of-year':
        return 'at the end of the school year';
      case 'before':
        return `before ${EN_BREAK[w.break]}`;
      case 'after':
        return `after ${EN_BREAK[w.break]}`;
    }
  },
  anchor(a) {
    const fixed: Record<string, string> = {
      skolestart: 'the first school day',
      'siste-skoledag': 'the last school day',
      'høst.start': 'the first school day of the autumn half',
      'høst.slutt': 'the last school day of the autumn half',
      'vår.start': 'the first school day of the spring half',
      'vår.slutt': 'the last school day of the spring half',
      'før-hver-ferie': 'the last school day before each break',
      'etter-hver-ferie': 'the first school day after each break',
    };
    if (fixed[a]) return fixed[a];
    const m = /^(før|etter)-(.+)$/.exec(a);
    if (m)
      return `the ${m[1] === 'før' ? 'last school day before' : 'first school day after'} ${EN_BREAK[m[2] as NamedBreak]}`;
    const [b, edge] = a.split('.') as [NamedBreak, string];
    return `the ${edge === 'start' ? 'first' : 'last'} day of ${EN_BREAK[b]}`;
  },
  offset(o, anchor) {
    const n = Math.abs(o.amount);
    const unit = { day: 'day', week: 'week', 'school-day': 'school day' }[o.unit];
    return `${n} ${unit}${n === 1 ? '' : 's'} ${o.amount < 0 ? 'before' : 'after'} ${anchor}`;
  },
  event(e, rel, approx, o) {
    if (o)
      return `${Math.abs(o.amount)} ${o.unit === 'week' ? 'week' : 'day'}${Math.abs(o.amount) === 1 ? '' : 's'} ${o.amount < 0 ? 'before' : 'after'} «${e}»`;
    if (rel === 'at') return `at «${e}»`;
    return `${approx ? 'shortly ' : ''}${rel === 'before' ? 'before' : 'after'} «${e}»`;
  },
  action: {
    revision: 'revised',
    adjustment: 'adjusted',
    update: 'updated',
    evaluation: 'evaluated',
  },
};

const WORDS: Record<Lang, Words> = { nb, nn, en };

/** Three or more weekdays in a row, written «mandag–torsdag». */
function isRange(days: readonly number[]): boolean {
  const sorted = [...days].sort((a, b) => a - b);
  return sorted.length >= 3 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
}

function weekdays(days: readonly Weekday[], lang: Lang): string {
  const names = WEEKDAY_NAMES[lang];
  const sorted = [...days].sort((a, b) => a - b);
  if (isRange(sorted)) return `${names[sorted[0]! - 1]}–${names[sorted[sorted.length - 1]! - 1]}`;
  const list = sorted.map((d) => names[d - 1]!);
  return list.length === 1
    ? list[0]!
    : `${list.slice(0, -1).join(', ')} ${WORDS[lang].and} ${list[list.length - 1]}`;
}

const NTH: Record<Lang, Record<number, string>> = {
  nb: { 1: 'første', 2: 'andre', 3: 'tredje', 4: 'fjerde', 5: 'femte', [-1]: 'siste' },
  nn: { 1: 'første', 2: 'andre', 3: 'tredje', 4: 'fjerde', 5: 'femte', [-1]: 'siste' },
  en: { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' },
};
const NEXT_TO_LAST: Record<Lang, string> = {
  nb: 'nest siste',
  nn: 'nest siste',
  en: 'second to last',
};

/** Ordinals that are written in words (and read back): 1…5, last and next to last. */
const hasWords = (p: MonthlyNth) => p.nth >= -2;

const ordinalEn = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** «Første mandag i måneden», «Siste fredag hver 2. måned», «First Monday of the month». */
function nthOfMonth(p: MonthlyNth, lang: Lang): string {
  const nth = NTH[lang][p.nth] ?? NEXT_TO_LAST[lang];
  const days = weekdays(p.weekdays as Weekday[], lang);
  if (lang === 'en')
    return `${nth} ${days} of ${p.every === 1 ? 'the month' : `every ${ordinalEn(p.every)} month`}`;
  if (p.every === 1) return `${nth} ${days} ${lang === 'nn' ? 'i månaden' : 'i måneden'}`;
  return `${nth} ${days} ${lang === 'nn' ? `kvar ${p.every}. månad` : `hver ${p.every}. måned`}`;
}

function time(t: TimeOfDay, lang: Lang): string {
  return `${WORDS[lang].kl} ${t.start}${t.end ? `–${t.end}` : ''}`;
}

function simple(rule: SimpleRule, lang: Lang, action?: Action): string {
  const w = WORDS[lang];
  const extras = (r: { weekdays?: number[]; time?: TimeOfDay }) =>
    [
      r.weekdays?.length ? weekdays(r.weekdays as Weekday[], lang) : '',
      r.time ? time(r.time, lang) : '',
    ]
      .filter(Boolean)
      .map((x) => `, ${x}`)
      .join('');
  switch (rule.kind) {
    case 'interval': {
      const single = rule.weekdays?.length === 1;
      const list = rule.weekdays && rule.weekdays.length > 1 && !isRange(rule.weekdays);
      if (
        rule.unit === 'week' &&
        rule.since === undefined &&
        (single || (list && rule.every === 1))
      ) {
        // «Hver tirsdag, kl. 18:00–22:00», «Annenhver tirsdag», «Hver 3. tirsdag»,
        // «Hver mandag og torsdag»
        const days = weekdays(rule.weekdays as Weekday[], lang);
        const n = rule.every;
        const each =
          lang === 'en'
            ? n === 1
              ? `every ${days}`
              : n === 2
                ? `every other ${days}`
                : `every ${ordinalEn(n)} ${days}`
            : lang === 'nn'
              ? n === 1
                ? `kvar ${days}`
                : n === 2
                  ? `annankvar ${days}`
                  : `kvar ${n}. ${days}`
              : n === 1
                ? `hver ${days}`
                : n === 2
                  ? `annenhver ${days}`
                  : `hver ${n}. ${days}`;
        return `${rule.approximate ? `${w.approx} ` : ''}${each}${extras({ ...rule, weekdays: undefined })}`;
      }
      const base = w.every(rule.every, rule.unit);
      const since = rule.since !== undefined ? ` ${w.since(rule.since)}` : '';
      return `${rule.approximate ? `${w.approx} ` : ''}${base}${since}${extras(rule)}`;
    }
    case 'count': {
      const within = rule.within ? ` ${w.window(rule.within)}` : '';
      const per = rule.within && rule.per === 'year' ? '' : ` ${w.per[rule.per]}`;
      return `${rule.approximate ? `${w.approx} ` : ''}${w.count(rule.min, rule.max)}${per}${within}${extras(rule)}`;
    }
    case 'date':
      return `${w.date(rule.day, MONTH_NAMES[lang][rule.month - 1]!)}${extras(rule)}`;
    case 'week':
      return `${w.week(rule.week)}${extras(rule)}`;
    case 'anchor': {
      const a = w.anchor(rule.anchor);
      return `${rule.offset && rule.offset.amount !== 0 ? w.offset(rule.offset, a) : a}${extras(rule)}`;
    }
    case 'event':
      return w.event(rule.event, rule.relation, rule.approximate ?? false, rule.offset);
    case 'on-demand':
      return w.onDemand;
    case 'continuous':
      return action ? w.ongoing : w.continuous;
    case 'qualitative':
      return w.qualitative[rule.word]!;
    case 'school-choice':
      return w.schoolChoice;
    case 'rrule': {
      const nth = readMonthlyNth(rule.rrule);
      return nth && hasWords(nth) ? nthOfMonth(nth, lang) : `RRULE:${rule.rrule}`;
    }
  }
}

const capitalize = (s: string) =>
  s.startsWith('RRULE') ? s : s.charAt(0).toUpperCase() + s.slice(1);

/** The rule in words, e.g. «Hver 4. uke» (nb), «Kvar 4. veke» (nn), «Every 4 weeks» (en). */
export function renderRule(rule: Rule, lang: Lang = 'nb', action?: Action): string {
  if (rule.kind === 'alternatives')
    return capitalize(rule.options.map((o) => simple(o, lang, action)).join(' / '));
  return capitalize(simple(rule, lang, action));
}

/** The cadence in words, with what is done when the phrase says so («Revideres en gang i året»). */
export function renderCadence(
  cadence: Pick<Cadence, 'rule' | 'action'>,
  lang: Lang = 'nb',
): string {
  const body = renderRule(cadence.rule, lang, cadence.action);
  if (!cadence.action) return body;
  const verb = WORDS[lang].action[cadence.action];
  if (lang === 'en') return capitalize(`${verb} ${body.charAt(0).toLowerCase()}${body.slice(1)}`);
  return capitalize(
    `${verb} ${body.startsWith('RRULE') ? body : body.charAt(0).toLowerCase() + body.slice(1)}`,
  );
}
