import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { deriveOsloSchoolYear, osloFirstSchoolDay, OSLO_SCHOOL_DAYS } from './oslo-rules.js';
import { SchoolYear } from './school-year.js';
import { isoDate, isoWeekOf } from './dates.js';
import { publicHolidays } from './holidays.js';
import { parseCalendarFile, type SchoolYearData } from './schema.js';

const OSLO = { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' };
const oslo = (startYear: number) => new SchoolYear(deriveOsloSchoolYear(startYear), OSLO);

/** ISO weekday from the platform calendar (1 = Monday), independent of dates.ts. */
function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Counts school days straight from the data, without SchoolYear's day table. */
function countSchoolDays(data: SchoolYearData): number {
  const start = Number(data.year.slice(0, 4));
  const holidays = new Set(
    [...publicHolidays(start), ...publicHolidays(start + 1)].map((h) => h.date),
  );
  let n = 0;
  for (let d = data.firstSchoolDay; d <= data.lastSchoolDay; d = nextDay(d)) {
    if (weekday(d) >= 6 || holidays.has(d)) continue;
    if (data.breaks.some((b) => d >= b.from && d <= b.to)) continue;
    if (data.daysOff.some((o) => o.date === d)) continue;
    n++;
  }
  return n;
}

function expectOff(year: SchoolYear, ...dates: string[]) {
  for (const d of dates) expect(year.isSchoolDay(d), `${d} should be off`).toBe(false);
}
function expectSchool(year: SchoolYear, ...dates: string[]) {
  for (const d of dates) expect(year.isSchoolDay(d), `${d} should be a school day`).toBe(true);
}

// Oslo kommune, «Ferie og fridager i skolen» (prior-art §6.1):
// https://www.oslo.kommune.no/skole-og-utdanning/ferie-og-fridager-i-skolen/
describe('deriveOsloSchoolYear reproduces the published skoleruta 2021-22', () => {
  const y = oslo(2021);

  it('starts on Monday 16 August 2021 and ends on Friday 17 June 2022', () => {
    expect(y.firstSchoolDay).toBe('2021-08-16');
    expect(y.lastSchoolDay).toBe('2022-06-17');
    expectOff(y, '2021-08-13', '2022-06-20');
  });

  it('has valgdag 13 September 2021 off', () => {
    expectOff(y, '2021-09-13');
    expectSchool(y, '2021-09-10', '2021-09-14');
    expect(y.dayInfo('2021-09-13').reasons).toContainEqual(
      expect.objectContaining({ kind: 'day-off', dayOff: 'valgdag' }),
    );
  });

  it('has høstferie 4–8 October', () => {
    expectSchool(y, '2021-10-01', '2021-10-11');
    expectOff(y, '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07', '2021-10-08');
  });

  it('has juleferie 22 December – 3 January, back on Tuesday 4 January', () => {
    expectSchool(y, '2021-12-21', '2022-01-04');
    expectOff(y, '2021-12-22', '2021-12-23', '2021-12-24', '2021-12-27', '2021-12-31');
    expectOff(y, '2022-01-03');
  });

  it('has vinterferie 21–25 February and påskeferie 11–18 April', () => {
    expectSchool(y, '2022-02-18', '2022-02-28');
    expectOff(y, '2022-02-21', '2022-02-25');
    expectSchool(y, '2022-04-08', '2022-04-19');
    expectOff(y, '2022-04-11', '2022-04-13', '2022-04-14', '2022-04-15', '2022-04-18');
  });

  it('has 17 May, Kristi himmelfart 26 May, the inneklemt Friday 27 May and 2. pinsedag off', () => {
    expectOff(y, '2022-05-17', '2022-05-26', '2022-05-27', '2022-06-06');
    expectSchool(y, '2022-05-16', '2022-05-25', '2022-05-30', '2022-06-03', '2022-06-07');
  });

  it('has its summer break run until the day before the next skolestart (22 August 2022)', () => {
    expect(y.breakOf('sommerferie')).toMatchObject({ from: '2022-06-18', to: '2022-08-21' });
  });
});

describe('deriveOsloSchoolYear reproduces the published skoleruta 2022-23', () => {
  const y = oslo(2022);

  it('starts on Monday 22 August 2022', () => {
    expect(y.firstSchoolDay).toBe('2022-08-22');
    expectOff(y, '2022-08-19');
  });

  it('has høstferie 3–7 October', () => {
    expectOff(y, '2022-10-03', '2022-10-07');
    expectSchool(y, '2022-09-30', '2022-10-10');
  });

  it('has juleferie from 22 December and Monday 2 January 2023 off', () => {
    expectSchool(y, '2022-12-21', '2023-01-03');
    expectOff(y, '2022-12-22', '2022-12-23', '2023-01-02');
  });

  it('has vinterferie 20–24 February and påskeferie 3–10 April', () => {
    expectOff(y, '2023-02-20', '2023-02-24', '2023-04-03', '2023-04-06', '2023-04-10');
    expectSchool(y, '2023-02-17', '2023-02-27', '2023-03-31', '2023-04-11');
  });

  it('has 1 May, 17 May, Kristi himmelfart 18 May and the inneklemt Friday 19 May off', () => {
    expectOff(y, '2023-05-01', '2023-05-17', '2023-05-18', '2023-05-19', '2023-05-29');
    expectSchool(y, '2023-05-16', '2023-05-22');
  });

  it('ends on Thursday 22 June 2023 (published «Siste skoledag før sommerferien»)', () => {
    expect(y.lastSchoolDay).toBe('2023-06-22');
  });

  it('has no valgdag (2022 is an even year)', () => {
    expect(y.daysOff.some((o) => o.kind === 'valgdag')).toBe(false);
  });
});

describe('the rules that the published 2023-24 and 2024-25 share with them', () => {
  // Osloskolen's published 2023-24 and 2024-25 differ from the rules around Christmas and in
  // May (see README: «Known differences»); these parts agree.
  it('2023-24: skolestart 21 Aug, valgdag 11 Sep, høstferie 2–6 Oct, vinterferie 19–23 Feb, påskeferie 25 Mar – 1 Apr, 10 May off', () => {
    const y = oslo(2023);
    expect(y.firstSchoolDay).toBe('2023-08-21');
    expect(y.daysOff.find((o) => o.kind === 'valgdag')?.date).toBe('2023-09-11');
    expect(y.breakOf('høstferie')).toMatchObject({ from: '2023-10-02', to: '2023-10-06' });
    expect(y.breakOf('vinterferie')).toMatchObject({ from: '2024-02-19', to: '2024-02-23' });
    expect(y.breakOf('påskeferie')).toMatchObject({ from: '2024-03-25', to: '2024-04-01' });
    expectOff(y, '2024-05-10');
  });

  it('2024-25: skolestart 19 Aug, høstferie 30 Sep – 4 Oct, vinterferie 17–21 Feb, påskeferie 14–21 Apr', () => {
    const y = oslo(2024);
    expect(y.firstSchoolDay).toBe('2024-08-19');
    expect(y.breakOf('høstferie')).toMatchObject({ from: '2024-09-30', to: '2024-10-04' });
    expect(y.breakOf('vinterferie')).toMatchObject({ from: '2025-02-17', to: '2025-02-21' });
    expect(y.breakOf('påskeferie')).toMatchObject({ from: '2025-04-14', to: '2025-04-21' });
  });

  it('2025-26: the first school day after Christmas is Monday 5 January 2026', () => {
    const y = oslo(2025);
    expectOff(y, '2026-01-02');
    expect(y.anchor('etter-juleferie')).toBe('2026-01-05');
  });
});

describe('rules that hold for every bundled year', () => {
  const bundled = parseCalendarFile(
    JSON.parse(readFileSync(new URL('./data/oslo.json', import.meta.url), 'utf8')),
    'oslo.json',
  );

  it('bundles Oslo 2024-25 … 2027-28', () => {
    expect(bundled.kommune).toEqual(OSLO);
    expect(bundled.years.map((y) => y.year)).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
  });

  it('keeps the data file equal to what the rules produce (regenerate with generate:oslo)', () => {
    for (const data of bundled.years) {
      const start = Number(data.year.slice(0, 4));
      expect(data, data.year).toEqual(deriveOsloSchoolYear(start));
    }
  });

  it('marks every bundled year as derived', () => {
    for (const data of bundled.years) {
      expect(data.status).toBe('derived');
      expect(data.source).toMatch(/Kontroller mot den publiserte skoleruta/);
    }
  });

  for (const start of [2021, 2022, 2023, 2024, 2025, 2026, 2027]) {
    const data = deriveOsloSchoolYear(start);
    const year = new SchoolYear(data, OSLO);

    describe(`${data.year}`, () => {
      it('has høstferie in ISO week 40 and vinterferie in ISO week 8, Monday to Friday', () => {
        const host = data.breaks.find((b) => b.kind === 'høstferie')!;
        const vinter = data.breaks.find((b) => b.kind === 'vinterferie')!;
        expect(isoWeekOf(host.from)).toEqual({ isoYear: start, week: 40 });
        expect(isoWeekOf(vinter.from)).toEqual({ isoYear: start + 1, week: 8 });
        for (const b of [host, vinter]) {
          expect(weekday(b.from)).toBe(1);
          expect(weekday(b.to)).toBe(5);
          expect(isoWeekOf(b.to)).toEqual(isoWeekOf(b.from));
        }
      });

      it(`has exactly ${OSLO_SCHOOL_DAYS} school days`, () => {
        expect(OSLO_SCHOOL_DAYS).toBe(190);
        expect(year.schoolDayCount).toBe(190);
        expect(countSchoolDays(data)).toBe(190);
      });

      it('starts on the first Monday on or after 16 August', () => {
        expect(weekday(data.firstSchoolDay)).toBe(1);
        expect(data.firstSchoolDay >= `${start}-08-16`).toBe(true);
        expect(data.firstSchoolDay <= `${start}-08-22`).toBe(true);
        expect(isoDate(osloFirstSchoolDay(start))).toBe(data.firstSchoolDay);
      });

      it('ends in the second half of June, on a school day', () => {
        expect(data.lastSchoolDay >= `${start + 1}-06-15`).toBe(true);
        expect(data.lastSchoolDay <= `${start + 1}-06-25`).toBe(true);
        expect(year.isSchoolDay(data.lastSchoolDay)).toBe(true);
      });

      it('has valgdag only in odd years, on the second Monday of September', () => {
        const valg = data.daysOff.filter((o) => o.kind === 'valgdag');
        if (start % 2 === 0) {
          expect(valg).toEqual([]);
        } else {
          expect(valg).toHaveLength(1);
          const d = valg[0]!.date;
          expect(weekday(d)).toBe(1);
          expect(d >= `${start}-09-08` && d <= `${start}-09-14`).toBe(true);
          expect(valg[0]!.name).toBe(start % 4 === 1 ? 'Stortingsvalg' : 'Kommunevalg');
        }
      });

      it('has påskeferie from the Monday before Easter to 2. påskedag, and the Friday after Kristi himmelfart off', () => {
        const pask = data.breaks.find((b) => b.kind === 'påskeferie')!;
        const easterMonday = publicHolidays(start + 1).find((h) => h.key === 'andre-paskedag')!;
        const ascension = publicHolidays(start + 1).find((h) => h.key === 'kristi-himmelfartsdag')!;
        expect(pask.to).toBe(easterMonday.date);
        expect(weekday(pask.from)).toBe(1);
        expect((Date.parse(pask.to) - Date.parse(pask.from)) / 86_400_000).toBe(7);
        expect(year.isSchoolDay(nextDay(ascension.date))).toBe(false);
        expect(weekday(nextDay(ascension.date))).toBe(5);
      });

      it('has a summer break that ends the day before the next skolestart', () => {
        const sommer = data.breaks.find((b) => b.kind === 'sommerferie')!;
        expect(sommer.from).toBe(nextDay(data.lastSchoolDay));
        expect(nextDay(sommer.to)).toBe(deriveOsloSchoolYear(start + 1).firstSchoolDay);
      });
    });
  }
});
