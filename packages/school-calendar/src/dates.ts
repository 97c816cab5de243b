/**
 * Calendar dates without time zones.
 *
 * Public APIs use ISO date strings (`2025-08-18`); hot loops use day numbers (days since
 * 1970-01-01). date-fns runs on `UTCDate`, so results never depend on the machine's time zone
 * and there is no daylight-saving shift in date arithmetic.
 */
import { UTCDate } from '@date-fns/utc';
import { format, getISOWeek, getISOWeekYear, getISODay } from 'date-fns';
import { enGB, nb, nn } from 'date-fns/locale';
import { ArshjulError } from './errors.js';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;
/** Days since 1970-01-01 (a Thursday). */
export type DayNumber = number;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Lang = 'nb' | 'nn' | 'en';

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True when the string is a well-formed date that exists in the calendar. */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Checks an ISO date and says what is wrong with it: the format, or a date that does not exist
 * (2026-02-29, 2025-04-31).
 */
export function parseIsoDate(value: string, where?: string): IsoDate {
  const m = ISO_RE.exec(value.trim());
  if (!m) {
    throw new ArshjulError(
      'date.format',
      `«${value}» er ikke en dato på formen ÅÅÅÅ-MM-DD (for eksempel 2025-08-18).`,
      where,
    );
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) {
    throw new ArshjulError('date.month', `«${value}»: måned ${mo} finnes ikke.`, where);
  }
  if (d < 1 || d > daysInMonth(y, mo)) {
    const why =
      mo === 2 && d === 29
        ? ` (${y} er ikke et skuddår)`
        : ` (måneden har ${daysInMonth(y, mo)} dager)`;
    throw new ArshjulError('date.nonexistent', `Datoen ${value} finnes ikke${why}.`, where);
  }
  return value.trim();
}

export function dayNumber(date: IsoDate): DayNumber {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoDate(day: DayNumber): IsoDate {
  const dt = new Date(day * MS_PER_DAY);
  return `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO weekday of a day number (1 = Monday). */
export function weekdayOf(day: DayNumber): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoDate(dayNumber(date) + days);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toUTCDate(date: IsoDate): UTCDate {
  return new UTCDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

export interface IsoWeek {
  /** The ISO week-numbering year (differs from the calendar year around New Year). */
  isoYear: number;
  week: number;
}

export function isoWeekOf(date: IsoDate): IsoWeek {
  const d = toUTCDate(date);
  return { isoYear: getISOWeekYear(d), week: getISOWeek(d) };
}

export function isoWeekday(date: IsoDate): IsoWeekday {
  return getISODay(toUTCDate(date)) as IsoWeekday;
}

/** Monday of the ISO week that holds `day`. */
export function mondayOf(day: DayNumber): DayNumber {
  return day - (weekdayOf(day) - 1);
}

/** Number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function isoWeeksInYear(isoYear: number): 52 | 53 {
  // A year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year.
  const jan1 = weekdayOf(dayNumberOf(isoYear, 1, 1));
  return jan1 === 4 || (jan1 === 3 && isLeapYear(isoYear)) ? 53 : 52;
}

/** Monday of ISO week `week` in `isoYear`, or undefined when the year has no such week. */
export function mondayOfIsoWeek(isoYear: number, week: number): DayNumber | undefined {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(isoYear)) return undefined;
  const jan4 = dayNumberOf(isoYear, 1, 4);
  return mondayOf(jan4) + (week - 1) * 7;
}

const LOCALES = { nb, nn, en: enGB } as const;

/** Formats a date for people, e.g. `mandag 18. august 2025` (nb) or `Monday 18 August 2025` (en). */
export function formatDate(date: IsoDate, lang: Lang = 'nb', pattern?: string): string {
  const p = pattern ?? (lang === 'en' ? 'EEEE d MMMM yyyy' : 'EEEE d. MMMM yyyy');
  return format(toUTCDate(date), p, { locale: LOCALES[lang] });
}

/** Short form, e.g. `18. aug.` (nb) or `18 Aug` (en). */
export function formatShortDate(date: IsoDate, lang: Lang = 'nb'): string {
  return format(toUTCDate(date), lang === 'en' ? 'd MMM' : 'd. MMM', { locale: LOCALES[lang] });
}

export const WEEKDAY_NAMES: Record<Lang, readonly string[]> = {
  nb: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  nn: ['måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const MONTH_NAMES: Record<Lang, readonly string[]> = {
  nb: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  nn: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};
