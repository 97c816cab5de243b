/**
 * Time ↔ angle for a circular year.
 *
 * Angles are in **degrees**, 0 at the top (12 o'clock) at the start of the wheel year, growing
 * clockwise to 360 at the end of its last day. A date's angle is the angle of the *start* of that
 * day; the day itself covers `[dateToAngle(d), dateEndAngle(d))`. Every day has the same width,
 * so a 366-day year has slightly narrower days than a 365-day one.
 */
import {
  MONTH_NAMES,
  dayNumber,
  dayNumberOf,
  isoDate,
  isoDateOf,
  isoWeekOf,
  mondayOf,
  type IsoDate,
  type Lang,
} from '@arshjul/school-calendar';

/** The span of a wheel: both ends inclusive, e.g. 2025-08-01 … 2026-07-31. */
export interface WheelYear {
  from: IsoDate;
  to: IsoDate;
}

/** The usual school-year wheel: 1 August `startYear` – 31 July the year after. */
export function augustYear(startYear: number): WheelYear {
  return { from: isoDateOf(startYear, 8, 1), to: isoDateOf(startYear + 1, 7, 31) };
}

/** The last year measured: a layout asks for the same year for every item. */
let measured = { from: '', to: '', length: 0 };

/** Number of days on the wheel (365 or 366 for an August year). */
export function yearLength(year: WheelYear): number {
  if (year.from === measured.from && year.to === measured.to) return measured.length;
  const n = dayNumber(year.to) - dayNumber(year.from) + 1;
  if (!(n > 0)) throw new RangeError(`Wheel year ends before it starts: ${year.from} – ${year.to}`);
  measured = { from: year.from, to: year.to, length: n };
  return n;
}

/** Degrees per day on this wheel. */
export function degreesPerDay(year: WheelYear): number {
  return 360 / yearLength(year);
}

/** Angle (degrees) of a day offset from the year's start; fractional offsets allowed. */
export function offsetToAngle(offset: number, year: WheelYear): number {
  return (offset / yearLength(year)) * 360;
}

/** Angle of the start of `date` (0 for the first day, clockwise). Dates outside give <0 or ≥360. */
export function dateToAngle(date: IsoDate, year: WheelYear): number {
  return offsetToAngle(dayNumber(date) - dayNumber(year.from), year);
}

/** Angle of the end of `date` (the start of the next day). */
export function dateEndAngle(date: IsoDate, year: WheelYear): number {
  return offsetToAngle(dayNumber(date) - dayNumber(year.from) + 1, year);
}

/** Normalises an angle to [0, 360). */
export function normalizeAngle(angle: number): number {
  const a = angle % 360;
  return a < 0 ? a + 360 : a === 360 ? 0 : a;
}

/** The date whose day contains `angle` (normalised to the wheel first). */
export function angleToDate(angle: number, year: WheelYear): IsoDate {
  const n = yearLength(year);
  const offset = Math.min(n - 1, Math.floor((normalizeAngle(angle) / 360) * n + 1e-9));
  return isoDate(dayNumber(year.from) + offset);
}

/** True when `date` lies on the wheel. */
export function inYear(date: IsoDate, year: WheelYear): boolean {
  return date >= year.from && date <= year.to;
}

export const MONTH_SHORT_NAMES: Record<Lang, readonly string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  nn: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export interface MonthSector {
  /** Calendar year and month (1–12). */
  year: number;
  month: number;
  /** First and last day of the month that lie on the wheel. */
  from: IsoDate;
  to: IsoDate;
  startAngle: number;
  endAngle: number;
  name: string;
  shortName: string;
}

/** One sector per (part of a) month on the wheel, in wheel order. */
export function monthSectors(year: WheelYear, lang: Lang = 'nb'): MonthSector[] {
  const start = dayNumber(year.from);
  const end = dayNumber(year.to);
  const out: MonthSector[] = [];
  let y = Number(year.from.slice(0, 4));
  let m = Number(year.from.slice(5, 7));
  for (;;) {
    const first = Math.max(start, dayNumberOf(y, m, 1));
    if (first > end) break;
    const nextY = m === 12 ? y + 1 : y;
    const nextM = m === 12 ? 1 : m + 1;
    const last = Math.min(end, dayNumberOf(nextY, nextM, 1) - 1);
    const from = isoDate(first);
    const to = isoDate(last);
    out.push({
      year: y,
      month: m,
      from,
      to,
      startAngle: dateToAngle(from, year),
      endAngle: dateEndAngle(to, year),
      name: MONTH_NAMES[lang][m - 1] ?? '',
      shortName: MONTH_SHORT_NAMES[lang][m - 1] ?? '',
    });
    y = nextY;
    m = nextM;
  }
  return out;
}

export interface WeekTick {
  isoYear: number;
  week: number;
  /** Monday of the week (may lie before the wheel for the first, partial week). */
  monday: IsoDate;
  /** Angle of the week's Monday, clamped to the wheel (0 for a week already under way). */
  angle: number;
  /** Middle of the part of the week on the wheel: where to put its number. */
  midAngle: number;
  /** False when the week is cut by the start or end of the wheel. */
  whole: boolean;
}

/** ISO weeks touching the wheel, with a tick at each Monday (week 53 included where it exists). */
export function weekTicks(year: WheelYear): WeekTick[] {
  const start = dayNumber(year.from);
  const end = dayNumber(year.to);
  const out: WeekTick[] = [];
  for (let monday = mondayOf(start); monday <= end; monday += 7) {
    const first = Math.max(monday, start);
    const last = Math.min(monday + 6, end);
    const { isoYear, week } = isoWeekOf(isoDate(monday));
    const a0 = offsetToAngle(first - start, year);
    const a1 = offsetToAngle(last - start + 1, year);
    out.push({
      isoYear,
      week,
      monday: isoDate(monday),
      angle: a0,
      midAngle: (a0 + a1) / 2,
      whole: first === monday && last === monday + 6,
    });
  }
  return out;
}
