/**
 * What the parser says to people, in bokmål, nynorsk and English.
 */
import type { Lang } from '@arshjul/school-calendar';

export type MessageCode =
  | 'empty'
  | 'unknown'
  | 'zero-interval'
  | 'zero-count'
  | 'range-order'
  | 'too-many'
  | 'too-long'
  | 'bad-week'
  | 'bad-ordinal'
  | 'nonexistent-date'
  | 'bad-time'
  | 'missing-period'
  | 'only-time'
  | 'bad-rrule'
  | 'in-option'
  | 'ignored-words'
  | 'weekday-count'
  | 'ignored-time'
  | 'suggestion';

type Params = Record<string, string | number>;
type Catalog = Record<MessageCode, (p: Params) => string>;

const nb: Catalog = {
  empty: () => 'Frasen er tom. Skriv hvor ofte noe skjer, for eksempel «Hver fjerde uke».',
  unknown: (p) => `Forstår ikke «${p.text}».`,
  'zero-interval': (p) => `«${p.text}»: intervallet må være minst 1 (fikk 0).`,
  'zero-count': (p) => `«${p.text}»: antallet må være minst 1 (fikk 0).`,
  'range-order': (p) =>
    `«${p.text}»: det første tallet (${p.min}) er større enn det andre (${p.max}).`,
  'too-many': (p) =>
    `«${p.text}»: ${p.count} ganger per ${p.period} er flere enn det er ${p.unit}.`,
  'too-long': (p) => `«${p.text}»: intervallet er for langt (høyst ${p.max}).`,
  'bad-week': (p) => `«${p.text}»: uke ${p.week} finnes ikke (ukene går fra 1 til 52 eller 53).`,
  'bad-ordinal': (p) =>
    `«${p.text}»: en måned har bare fire eller fem av hver ukedag; bruk første til femte eller siste (fikk ${p.n}).`,
  'nonexistent-date': (p) => `«${p.text}»: datoen finnes ikke (${p.month} har ${p.days} dager).`,
  'bad-time': (p) => `«${p.text}»: ${p.time} er ikke et klokkeslett.`,
  'missing-period': (p) =>
    `«${p.text}»: sier hvor mange ganger, men ikke per hva (uke, måned, halvår eller år).`,
  'only-time': (p) => `«${p.text}»: sier når på dagen, men ikke hvor ofte.`,
  'bad-rrule': (p) => `${p.detail}`,
  'in-option': (p) => `I alternativ ${p.n} («${p.part}»): ${p.reason}`,
  'ignored-words': (p) => `Ordene «${p.words}» er lest som beskrivelse og ikke som rytme.`,
  'weekday-count': (p) =>
    `Frasen sier ${p.count} dager, men nevner ${p.listed} ukedager; ukedagene gjelder.`,
  'ignored-time': (p) => `Klokkeslettet ${p.time} brukes ikke for denne typen rytme.`,
  suggestion: (p) => `Mente du «${p.phrase}»?`,
};

const nn: Catalog = {
  empty: () => 'Frasen er tom. Skriv kor ofte noko skjer, til dømes «Kvar fjerde veke».',
  unknown: (p) => `Forstår ikkje «${p.text}».`,
  'zero-interval': (p) => `«${p.text}»: intervallet må vere minst 1 (fekk 0).`,
  'zero-count': (p) => `«${p.text}»: talet må vere minst 1 (fekk 0).`,
  'range-order': (p) =>
    `«${p.text}»: det første talet (${p.min}) er større enn det andre (${p.max}).`,
  'too-many': (p) =>
    `«${p.text}»: ${p.count} gonger per ${p.period} er fleire enn det er ${p.unit}.`,
  'too-long': (p) => `«${p.text}»: intervallet er for langt (høgst ${p.max}).`,
  'bad-week': (p) => `«${p.text}»: veke ${p.week} finst ikkje (vekene går frå 1 til 52 eller 53).`,
  'bad-ordinal': (p) =>
    `«${p.text}»: ein månad har berre fire eller fem av kvar vekedag; bruk første til femte eller siste (fekk ${p.n}).`,
  'nonexistent-date': (p) => `«${p.text}»: datoen finst ikkje (${p.month} har ${p.days} dagar).`,
  'bad-time': (p) => `«${p.text}»: ${p.time} er ikkje eit klokkeslett.`,
  'missing-period': (p) =>
    `«${p.text}»: seier kor mange gonger, men ikkje per kva (veke, månad, halvår eller år).`,
  'only-time': (p) => `«${p.text}»: seier når på dagen, men ikkje kor ofte.`,
  'bad-rrule': (p) => `${p.detail}`,
  'in-option': (p) => `I alternativ ${p.n} («${p.part}»): ${p.reason}`,
  'ignored-words': (p) => `Orda «${p.words}» er lesne som skildring og ikkje som rytme.`,
  'weekday-count': (p) =>
    `Frasen seier ${p.count} dagar, men nemner ${p.listed} vekedagar; vekedagane gjeld.`,
  'ignored-time': (p) => `Klokkeslettet ${p.time} vert ikkje brukt for denne typen rytme.`,
  suggestion: (p) => `Meinte du «${p.phrase}»?`,
};

const en: Catalog = {
  empty: () => 'The phrase is empty. Say how often something happens, e.g. «Hver fjerde uke».',
  unknown: (p) => `Cannot understand «${p.text}».`,
  'zero-interval': (p) => `«${p.text}»: the interval must be at least 1 (got 0).`,
  'zero-count': (p) => `«${p.text}»: the count must be at least 1 (got 0).`,
  'range-order': (p) =>
    `«${p.text}»: the first number (${p.min}) is larger than the second (${p.max}).`,
  'too-many': (p) =>
    `«${p.text}»: ${p.count} times per ${p.period} is more than there are ${p.unit}.`,
  'too-long': (p) => `«${p.text}»: the interval is too long (at most ${p.max}).`,
  'bad-week': (p) => `«${p.text}»: week ${p.week} does not exist (weeks run from 1 to 52 or 53).`,
  'bad-ordinal': (p) =>
    `«${p.text}»: a month has only four or five of each weekday; use first to fifth or last (got ${p.n}).`,
  'nonexistent-date': (p) =>
    `«${p.text}»: the date does not exist (${p.month} has ${p.days} days).`,
  'bad-time': (p) => `«${p.text}»: ${p.time} is not a time of day.`,
  'missing-period': (p) =>
    `«${p.text}»: says how many times but not per what (week, month, half-year or year).`,
  'only-time': (p) => `«${p.text}»: says the time of day but not how often.`,
  'bad-rrule': (p) => `Invalid RRULE: ${p.detail}`,
  'in-option': (p) => `In alternative ${p.n} («${p.part}»): ${p.reason}`,
  'ignored-words': (p) => `The words «${p.words}» were read as description, not as rhythm.`,
  'weekday-count': (p) =>
    `The phrase says ${p.count} days but names ${p.listed} weekdays; the weekdays win.`,
  'ignored-time': (p) => `The time ${p.time} is not used for this kind of rhythm.`,
  suggestion: (p) => `Did you mean «${p.phrase}»?`,
};

const CATALOGS: Record<Lang, Catalog> = { nb, nn, en };

export interface Message {
  code: MessageCode;
  params: Params;
}

export function formatMessage(m: Message, lang: Lang = 'nb'): string {
  return CATALOGS[lang][m.code](m.params);
}

export const PERIOD_WORDS: Record<Lang, Record<string, [string, string]>> = {
  // [per-what, units-that-exist]
  nb: {
    week: ['uke', 'dager'],
    month: ['måned', 'dager'],
    quarter: ['kvartal', 'uker'],
    half: ['halvår', 'uker'],
    year: ['år', 'dager'],
  },
  nn: {
    week: ['veke', 'dagar'],
    month: ['månad', 'dagar'],
    quarter: ['kvartal', 'veker'],
    half: ['halvår', 'veker'],
    year: ['år', 'dagar'],
  },
  en: {
    week: ['week', 'days'],
    month: ['month', 'days'],
    quarter: ['quarter', 'weeks'],
    half: ['half-year', 'weeks'],
    year: ['year', 'days'],
  },
};
