import { describe, it, expect } from 'vitest';
import {
  addDays,
  dayNumber,
  dayNumberOf,
  daysInMonth,
  formatDate,
  formatShortDate,
  isoDate,
  isoWeekOf,
  isoWeekday,
  isoWeeksInYear,
  isLeapYear,
  isValidIsoDate,
  mondayOfIsoWeek,
  parseIsoDate,
  weekdayOf,
} from './dates.js';
import { errorOf } from '../test-fixtures/error-of.js';

/** Runs `fn` and returns the ArshjulError it throws (fails the test if it throws nothing). */
/** ISO weekday computed with the platform's own UTC calendar, independent of dates.ts. */
function platformWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

describe('parseIsoDate', () => {
  it('rejects 29 February in a year that is not a leap year, naming the date', () => {
    const e = errorOf(() => parseIsoDate('2026-02-29', 'møte.dato'));
    expect(e.code).toBe('date.nonexistent');
    expect(e.message).toContain('2026-02-29');
    expect(e.message).toContain('skuddår');
    expect(e.where).toBe('møte.dato');
  });

  it('rejects 31 April, naming the date and the length of the month', () => {
    const e = errorOf(() => parseIsoDate('2025-04-31'));
    expect(e.code).toBe('date.nonexistent');
    expect(e.message).toContain('2025-04-31');
    expect(e.message).toContain('30 dager');
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseIsoDate('2028-02-29')).toBe('2028-02-29');
    expect(parseIsoDate(' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('rejects malformed dates and months that do not exist', () => {
    expect(errorOf(() => parseIsoDate('18.08.2025')).code).toBe('date.format');
    expect(errorOf(() => parseIsoDate('2025-8-18')).code).toBe('date.format');
    expect(errorOf(() => parseIsoDate('')).code).toBe('date.format');
    const month = errorOf(() => parseIsoDate('2025-13-01'));
    expect(month.code).toBe('date.month');
    expect(month.message).toContain('13');
  });

  it('agrees with the platform calendar on which dates exist (every day 2000–2030)', () => {
    for (let y = 2000; y <= 2030; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 28; d <= 31; d++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${d}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
          expect(isValidIsoDate(s), s).toBe(real);
        }
      }
    }
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect([2024, 2028, 2000, 2400].map(isLeapYear)).toEqual([true, true, true, true]);
    expect([2025, 2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false, false]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });
});

describe('day numbers', () => {
  it('counts days from 1970-01-01 and round-trips', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumberOf(2025, 8, 18)).toBe(dayNumber('2025-08-18'));
    for (let d = dayNumber('2023-12-25'); d < dayNumber('2029-01-10'); d++) {
      expect(dayNumber(isoDate(d))).toBe(d);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-29', -29)).toBe('2026-02-28');
  });
});

describe('weekdayOf / isoWeekday', () => {
  it('knows some weekdays from the calendar', () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOf(dayNumber('2025-08-18'))).toBe(1); // Monday
    expect(weekdayOf(dayNumber('2026-05-17'))).toBe(7); // 17. mai 2026 is a Sunday
    expect(weekdayOf(dayNumber('2028-02-29'))).toBe(2); // Tuesday
    expect(weekdayOf(dayNumber('1969-12-28'))).toBe(7); // before day 0: Sunday
  });

  it('agrees with the platform for every day 1965–2035', () => {
    for (let d = dayNumber('1965-01-01'); d <= dayNumber('2035-12-31'); d += 1) {
      const date = isoDate(d);
      const expected = platformWeekday(date);
      if (weekdayOf(d) !== expected || isoWeekday(date) !== expected) {
        expect({ date, weekdayOf: weekdayOf(d), isoWeekday: isoWeekday(date) }).toEqual({
          date,
          weekdayOf: expected,
          isoWeekday: expected,
        });
      }
    }
  });
});

describe('ISO weeks', () => {
  it('has week 53 in 2020 and 2026 but not in 2025', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('finds the Monday of a week, and nothing for a week the year lacks', () => {
    expect(isoDate(mondayOfIsoWeek(2026, 53)!)).toBe('2026-12-28');
    expect(mondayOfIsoWeek(2025, 53)).toBeUndefined();
    expect(mondayOfIsoWeek(2025, 0)).toBeUndefined();
    expect(mondayOfIsoWeek(2025, 1.5)).toBeUndefined();
    // Week 1 of 2025 starts in 2024; week 1 of 2027 starts on 4 January.
    expect(isoDate(mondayOfIsoWeek(2025, 1)!)).toBe('2024-12-30');
    expect(isoDate(mondayOfIsoWeek(2027, 1)!)).toBe('2027-01-04');
    // Oslo: høstferie is week 40, vinterferie week 8.
    expect(isoDate(mondayOfIsoWeek(2025, 40)!)).toBe('2025-09-29');
    expect(isoDate(mondayOfIsoWeek(2026, 8)!)).toBe('2026-02-16');
  });

  it('puts New Year days in the right week-numbering year', () => {
    expect(isoWeekOf('2027-01-01')).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf('2027-01-03')).toEqual({ isoYear: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ isoYear: 2027, week: 1 });
    expect(isoWeekOf('2024-12-30')).toEqual({ isoYear: 2025, week: 1 });
    expect(isoWeekOf('2021-01-03')).toEqual({ isoYear: 2020, week: 53 });
  });

  it('is consistent: every Monday of every week maps back to that week (2015–2035)', () => {
    for (let y = 2015; y <= 2035; y++) {
      const weeks = isoWeeksInYear(y);
      // 4 January is always in week 1; 28 December always in the last week.
      expect(isoWeekOf(`${y}-01-04`)).toEqual({ isoYear: y, week: 1 });
      expect(isoWeekOf(`${y}-12-28`)).toEqual({ isoYear: y, week: weeks });
      for (let w = 1; w <= weeks; w++) {
        const monday = mondayOfIsoWeek(y, w)!;
        expect(weekdayOf(monday)).toBe(1);
        expect(isoWeekOf(isoDate(monday))).toEqual({ isoYear: y, week: w });
        expect(isoWeekOf(isoDate(monday + 6))).toEqual({ isoYear: y, week: w });
      }
      expect(mondayOfIsoWeek(y, weeks + 1)).toBeUndefined();
    }
  });
});

describe('formatDate', () => {
  it('writes dates in bokmål, nynorsk and English', () => {
    expect(formatDate('2025-08-18', 'nb')).toBe('mandag 18. august 2025');
    expect(formatDate('2025-08-18', 'nn')).toBe('måndag 18. august 2025');
    expect(formatDate('2025-08-18', 'en')).toBe('Monday 18 August 2025');
    expect(formatDate('2026-01-03', 'nn')).toBe('laurdag 3. januar 2026');
    expect(formatDate('2026-05-17')).toBe('søndag 17. mai 2026');
    expect(formatShortDate('2025-08-18', 'en')).toBe('18 Aug');
  });

  it('does not depend on the machine time zone (tests run in America/New_York)', () => {
    expect(process.env.TZ).toBe('America/New_York');
    // Midnight UTC is the previous evening in New York; the date must not move.
    expect(formatDate('2026-01-01', 'en', 'yyyy-MM-dd')).toBe('2026-01-01');
  });
});
