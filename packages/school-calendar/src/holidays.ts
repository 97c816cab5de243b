/**
 * Norwegian public holidays (helligdager og høytidsdager) for any year.
 *
 * The dates come from date-holidays (pinned; its Norwegian data is checked against an Easter table
 * in holidays.test.ts). Only type `public` counts: flag days, julaften and nyttårsaften are not
 * holidays. Results are cached per year.
 */
import Holidays from 'date-holidays';
import { ArshjulError } from './errors.js';
import type { IsoDate, Lang } from './dates.js';

export interface PublicHoliday {
  date: IsoDate;
  /** Stable key, e.g. `kristi-himmelfartsdag`. */
  key: HolidayKey;
  name: Record<Lang, string>;
}

export type HolidayKey =
  | 'forste-nyttarsdag'
  | 'skjaertorsdag'
  | 'langfredag'
  | 'forste-paskedag'
  | 'andre-paskedag'
  | 'arbeidernes-dag'
  | 'grunnlovsdagen'
  | 'kristi-himmelfartsdag'
  | 'forste-pinsedag'
  | 'andre-pinsedag'
  | 'forste-juledag'
  | 'andre-juledag';

const NAMES: Record<string, { key: HolidayKey; nb: string; nn: string; en: string }> = {
  "New Year's Day": {
    key: 'forste-nyttarsdag',
    nb: '1. nyttårsdag',
    nn: '1. nyttårsdag',
    en: "New Year's Day",
  },
  'Maundy Thursday': {
    key: 'skjaertorsdag',
    nb: 'Skjærtorsdag',
    nn: 'Skjærtorsdag',
    en: 'Maundy Thursday',
  },
  'Good Friday': { key: 'langfredag', nb: 'Langfredag', nn: 'Langfredag', en: 'Good Friday' },
  'Easter Sunday': {
    key: 'forste-paskedag',
    nb: '1. påskedag',
    nn: '1. påskedag',
    en: 'Easter Sunday',
  },
  'Easter Monday': {
    key: 'andre-paskedag',
    nb: '2. påskedag',
    nn: '2. påskedag',
    en: 'Easter Monday',
  },
  'Labour Day': { key: 'arbeidernes-dag', nb: '1. mai', nn: '1. mai', en: 'Labour Day' },
  'Constitution Day': {
    key: 'grunnlovsdagen',
    nb: '17. mai',
    nn: '17. mai',
    en: 'Constitution Day',
  },
  'Ascension Day': {
    key: 'kristi-himmelfartsdag',
    nb: 'Kristi himmelfartsdag',
    nn: 'Kristi himmelfartsdag',
    en: 'Ascension Day',
  },
  Pentecost: { key: 'forste-pinsedag', nb: '1. pinsedag', nn: '1. pinsedag', en: 'Whit Sunday' },
  'Whit Monday': { key: 'andre-pinsedag', nb: '2. pinsedag', nn: '2. pinsedag', en: 'Whit Monday' },
  'Christmas Day': {
    key: 'forste-juledag',
    nb: '1. juledag',
    nn: '1. juledag',
    en: 'Christmas Day',
  },
  'Boxing Day': { key: 'andre-juledag', nb: '2. juledag', nn: '2. juledag', en: 'Boxing Day' },
};

let engine: Holidays | undefined;
const cache = new Map<number, readonly PublicHoliday[]>();

/** The public holidays of a calendar year, in date order. */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new ArshjulError(
      'holidays.year',
      `Kan ikke beregne helligdager for år ${year} (gyldig: 1900–2200).`,
    );
  }
  const hit = cache.get(year);
  if (hit) return hit;
  engine ??= new Holidays('NO');
  const list: PublicHoliday[] = [];
  for (const h of engine.getHolidays(year, 'en')) {
    if (h.type !== 'public') continue;
    const names = NAMES[h.name];
    if (!names) {
      // Never silently drop a day the library calls a public holiday.
      throw new ArshjulError(
        'holidays.unknown',
        `Ukjent helligdag fra date-holidays: «${h.name}» (${h.date}).`,
      );
    }
    list.push({
      date: h.date.slice(0, 10),
      key: names.key,
      name: { nb: names.nb, nn: names.nn, en: names.en },
    });
  }
  list.sort((a, b) => (a.date < b.date ? -1 : 1));
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

/** Easter Sunday of a year (from the holiday data). */
export function easterSunday(year: number): IsoDate {
  const e = publicHolidays(year).find((h) => h.key === 'forste-paskedag');
  if (!e) throw new ArshjulError('holidays.easter', `Fant ikke 1. påskedag for ${year}.`);
  return e.date;
}

export function publicHolidayOn(date: IsoDate): PublicHoliday | undefined {
  return publicHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);
}
