/**
 * Oslo's school year derived from its published rules (Osloskolen; prior-art §6.1).
 *
 * The rules, each checked against the published years 2021-22 and 2022-23 in oslo-rules.test.ts:
 * - skolestart: the first Monday on or after 16 August;
 * - høstferie: ISO week 40; vinterferie: ISO week 8 (Monday–Friday);
 * - juleferie: 22 December up to 1 January, and the first weekday after 1 January is also free;
 * - påskeferie: Monday before Palm Sunday week's Easter … 2. påskedag (Easter − 6 … Easter + 1);
 * - inneklemt dag: the Friday after Kristi himmelfartsdag;
 * - valgdag: in odd years (storting and kommune elections) the second Monday of September;
 * - 190 school days: the last school day is the 190th;
 * - sommerferie: from the day after the last school day to the day before the next skolestart.
 * Every year produced here is marked `derived`: check it against the published skoleruta.
 */
import {
  dayNumberOf,
  isoDate,
  weekdayOf,
  mondayOfIsoWeek,
  dayNumber,
  type DayNumber,
} from './dates.js';
import { easterSunday, publicHolidays } from './holidays.js';
import type { BreakData, DayOffData, SchoolYearData } from './schema.js';

export const OSLO_SCHOOL_DAYS = 190;

function firstMondayOnOrAfter(day: DayNumber): DayNumber {
  return day + ((8 - weekdayOf(day)) % 7);
}

export function osloFirstSchoolDay(startYear: number): DayNumber {
  return firstMondayOnOrAfter(dayNumberOf(startYear, 8, 16));
}

function weekBreak(kind: 'høstferie' | 'vinterferie', isoYear: number, week: number): BreakData {
  const mon = mondayOfIsoWeek(isoYear, week) as DayNumber;
  return { kind, from: isoDate(mon), to: isoDate(mon + 4) };
}

export function deriveOsloSchoolYear(startYear: number): SchoolYearData {
  const y = startYear;
  const first = osloFirstSchoolDay(y);
  let afterNewYear = dayNumberOf(y + 1, 1, 2);
  while (weekdayOf(afterNewYear) >= 6) afterNewYear++;
  const easter = dayNumber(easterSunday(y + 1));

  const breaks: BreakData[] = [
    weekBreak('høstferie', y, 40),
    { kind: 'juleferie', from: `${y}-12-22`, to: `${y + 1}-01-01` },
    weekBreak('vinterferie', y + 1, 8),
    { kind: 'påskeferie', from: isoDate(easter - 6), to: isoDate(easter + 1) },
  ];
  const daysOff: DayOffData[] = [
    { kind: 'elevfri', date: isoDate(afterNewYear), name: 'Fri etter nyttår' },
    {
      kind: 'inneklemt dag',
      date: isoDate(easter + 40),
      name: 'Fredag etter Kristi himmelfartsdag',
    },
  ];
  if (y % 2 === 1) {
    const sepMonday = firstMondayOnOrAfter(dayNumberOf(y, 9, 1));
    daysOff.unshift({
      kind: 'valgdag',
      date: isoDate(sepMonday + 7),
      name: y % 4 === 1 ? 'Stortingsvalg' : 'Kommunevalg',
    });
  }

  // Count 190 school days from skolestart.
  const holidays = new Set([...publicHolidays(y), ...publicHolidays(y + 1)].map((h) => h.date));
  const off = (d: DayNumber) => {
    const iso = isoDate(d);
    if (weekdayOf(d) >= 6 || holidays.has(iso)) return true;
    if (breaks.some((b) => iso >= b.from && iso <= b.to)) return true;
    return daysOff.some((o) => o.date === iso);
  };
  let count = 0;
  let last = first;
  for (let d = first; count < OSLO_SCHOOL_DAYS; d++) {
    if (!off(d)) {
      count++;
      last = d;
    }
  }
  const nextFirst = osloFirstSchoolDay(y + 1);
  breaks.push({ kind: 'sommerferie', from: isoDate(last + 1), to: isoDate(nextFirst - 1) });

  return {
    year: `${y}-${String((y + 1) % 100).padStart(2, '0')}`,
    status: 'derived',
    source:
      'Beregnet fra Osloskolens faste regler (skolestart første mandag fra 16. august, høstferie uke 40, vinterferie uke 8, påskeferie, inneklemt fredag, valgdag, 190 skoledager). Kontroller mot den publiserte skoleruta.',
    firstSchoolDay: isoDate(first),
    lastSchoolDay: isoDate(last),
    breaks,
    daysOff,
  };
}
