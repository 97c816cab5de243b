import { describe, it, expect } from 'vitest';
import { easterSunday, publicHolidayOn, publicHolidays, type HolidayKey } from './holidays.js';
import { ArshjulError } from './errors.js';

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), written here so the
 * holiday data from date-holidays is checked against an independent computation.
 */
function computus(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds days with the platform's UTC calendar (independent of dates.ts). */
function plus(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The twelve Norwegian public holidays of a year, from the law's rules (prior-art §6.3). */
function expectedHolidays(year: number): Record<HolidayKey, string> {
  const e = computus(year);
  return {
    'forste-nyttarsdag': `${year}-01-01`,
    skjaertorsdag: plus(e, -3),
    langfredag: plus(e, -2),
    'forste-paskedag': e,
    'andre-paskedag': plus(e, 1),
    'arbeidernes-dag': `${year}-05-01`,
    grunnlovsdagen: `${year}-05-17`,
    'kristi-himmelfartsdag': plus(e, 39),
    'forste-pinsedag': plus(e, 49),
    'andre-pinsedag': plus(e, 50),
    'forste-juledag': `${year}-12-25`,
    'andre-juledag': `${year}-12-26`,
  };
}

describe('the Easter algorithm used as a reference', () => {
  it('matches known Easter Sundays', () => {
    const known: [number, string][] = [
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2028, '2028-04-16'],
      [2038, '2038-04-25'],
    ];
    for (const [year, date] of known) expect(computus(year), String(year)).toBe(date);
  });
});

describe('publicHolidays (date-holidays, Norway)', () => {
  it('matches a literal table of known Easter Sundays', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  for (let year = 2020; year <= 2040; year++) {
    it(`has exactly the twelve public holidays of ${year} on the right dates`, () => {
      const list = publicHolidays(year);
      expect(list).toHaveLength(12);
      const got = Object.fromEntries(list.map((h) => [h.key, h.date]));
      expect(got).toEqual(expectedHolidays(year));
      // In date order, all in the year, each holiday once (two may share a date, see below).
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(list.map((h) => h.key)).size).toBe(12);
      for (const d of dates) expect(d.startsWith(`${year}-`)).toBe(true);
    });
  }

  it('keeps both holidays when 2. pinsedag falls on 17. mai (2027, 2032)', () => {
    for (const year of [2027, 2032]) {
      const on17 = publicHolidays(year).filter((h) => h.date === `${year}-05-17`);
      expect(on17.map((h) => h.key).sort()).toEqual(['andre-pinsedag', 'grunnlovsdagen']);
    }
  });

  it('does not count julaften, nyttårsaften, påskeaften or flag days as holidays', () => {
    for (let year = 2020; year <= 2040; year++) {
      expect(publicHolidayOn(`${year}-12-24`)).toBeUndefined();
      expect(publicHolidayOn(`${year}-12-31`)).toBeUndefined();
      expect(publicHolidayOn(plus(computus(year), -1))).toBeUndefined(); // påskeaften
      expect(publicHolidayOn(`${year}-06-23`)).toBeUndefined(); // sankthansaften
      expect(publicHolidayOn(`${year}-05-08`)).toBeUndefined(); // frigjøringsdagen (flag day)
      expect(publicHolidayOn(`${year}-02-21`)).toBeUndefined(); // the King's birthday
    }
  });

  it('names the holidays in Norwegian and English', () => {
    const h = publicHolidayOn('2026-05-14');
    expect(h?.key).toBe('kristi-himmelfartsdag');
    expect(h?.name.nb).toBe('Kristi himmelfartsdag');
    expect(h?.name.en).toBe('Ascension Day');
    expect(publicHolidayOn('2026-05-17')?.name.nb).toBe('17. mai');
    expect(publicHolidayOn('2026-05-18')).toBeUndefined();
  });

  it('returns frozen, cached lists', () => {
    expect(publicHolidays(2026)).toBe(publicHolidays(2026));
    expect(Object.isFrozen(publicHolidays(2026))).toBe(true);
  });

  it('rejects years it cannot compute', () => {
    expect(() => publicHolidays(1800)).toThrow(ArshjulError);
    expect(() => publicHolidays(2025.5)).toThrow(/2025.5/);
  });
});
