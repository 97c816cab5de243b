import { describe, it, expect } from 'vitest';
import { CalendarRegistry } from './registry.js';
import { POINT_ANCHORS, SchoolYear, type DayReason } from './school-year.js';
import { dayNumber, isoWeekOf } from './dates.js';
import { deriveOsloSchoolYear } from './oslo-rules.js';
import type { SchoolYearData } from './schema.js';
import { errorOf } from '../test-fixtures/error-of.js';

const registry = new CalendarRegistry();
const y2526 = registry.schoolYear('oslo', '2025-26');
const y2627 = registry.schoolYear('oslo', '2026-27');
const y2728 = registry.schoolYear('oslo', '2027-28');
const OSLO = { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' };

const kinds = (reasons: DayReason[]) => reasons.map((r) => r.kind).sort();

describe('isSchoolDay and dayInfo (Oslo 2025-26)', () => {
  it('knows an ordinary school day', () => {
    const info = y2526.dayInfo('2025-08-18');
    expect(info).toEqual({
      date: '2025-08-18',
      weekday: 1,
      isoWeek: { isoYear: 2025, week: 34 },
      schoolDay: true,
      reasons: [],
    });
    expect(y2526.isSchoolDay('2025-08-18')).toBe(true);
    expect(y2526.describeReasons('2025-08-18')).toBe('');
  });

  it('gives «weekend» for a Saturday', () => {
    expect(y2526.isSchoolDay('2025-09-06')).toBe(false);
    expect(y2526.dayInfo('2025-09-06').reasons).toEqual([{ kind: 'weekend' }]);
    expect(y2526.describeReasons('2025-09-06')).toBe('helg');
  });

  it('gives the holiday for Kristi himmelfartsdag (Thursday 14 May 2026)', () => {
    expect(y2526.isSchoolDay('2026-05-14')).toBe(false);
    expect(y2526.dayInfo('2026-05-14').reasons).toEqual([
      { kind: 'holiday', holiday: 'kristi-himmelfartsdag', name: 'Kristi himmelfartsdag' },
    ]);
    expect(y2526.describeReasons('2026-05-14')).toBe('helligdag (Kristi himmelfartsdag)');
  });

  it('gives both weekend and holiday for 17. mai 2026, a Sunday', () => {
    const r = y2526.dayInfo('2026-05-17').reasons;
    expect(kinds(r)).toEqual(['holiday', 'weekend']);
    expect(r).toContainEqual(expect.objectContaining({ holiday: 'grunnlovsdagen' }));
  });

  it('gives the break for a day in høstferie', () => {
    expect(y2526.isSchoolDay('2025-10-01')).toBe(false);
    expect(y2526.dayInfo('2025-10-01').reasons).toEqual([
      { kind: 'break', break: 'høstferie', name: 'høstferie' },
    ]);
  });

  it('gives the day off for the inneklemt Friday and for valgdag', () => {
    expect(y2526.dayInfo('2026-05-15').reasons).toEqual([
      {
        kind: 'day-off',
        dayOff: 'inneklemt dag',
        name: 'Fredag etter Kristi himmelfartsdag',
      },
    ]);
    expect(y2526.dayInfo('2025-09-08').reasons).toEqual([
      { kind: 'day-off', dayOff: 'valgdag', name: 'Stortingsvalg' },
    ]);
    expect(y2526.describeReasons('2025-09-08')).toBe('valgdag (Stortingsvalg)');
  });

  it('gives «before school start» for the Friday before skolestart', () => {
    expect(y2526.isSchoolDay('2025-08-15')).toBe(false);
    expect(y2526.dayInfo('2025-08-15').reasons).toEqual([{ kind: 'before-school-start' }]);
    expect(y2526.describeReasons('2025-08-15')).toBe('før skolestart 2025-08-18');
  });

  it('gives «after last school day» (and sommerferie) for the day after the last day', () => {
    expect(y2526.lastSchoolDay).toBe('2026-06-22');
    const info = y2526.dayInfo('2026-06-23');
    expect(info.schoolDay).toBe(false);
    expect(kinds(info.reasons)).toEqual(['after-last-school-day', 'break']);
  });

  it('answers false outside the year it covers', () => {
    expect(y2526.contains('2025-07-31')).toBe(false);
    expect(y2526.contains('2025-08-01')).toBe(true);
    expect(y2526.isSchoolDay('2024-09-02')).toBe(false);
    expect(y2526.isSchoolDayNumber(dayNumber('2027-09-01'))).toBe(false);
  });

  it('agrees between isSchoolDay, dayInfo and schoolDays() for every day of the year', () => {
    const set = new Set(y2526.schoolDays());
    expect(set.size).toBe(190);
    for (let d = dayNumber('2025-08-01'); d <= dayNumber('2026-07-31'); d++) {
      const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const info = y2526.dayInfo(date);
      expect(info.schoolDay).toBe(set.has(date));
      expect(y2526.isSchoolDay(date)).toBe(set.has(date));
      // Every day off has at least one reason; school days have none.
      expect(info.reasons.length > 0).toBe(!info.schoolDay);
    }
  });
});

describe('weeks and school weeks', () => {
  it('lists the school weeks of Oslo 2025-26', () => {
    const weeks = y2526.schoolWeeks();
    const ids = weeks.map((w) => `${w.isoYear}-${w.week}`);
    expect(ids[0]).toBe('2025-34');
    expect(ids[ids.length - 1]).toBe('2026-26');
    // Weeks 34–52 of 2025 and 1–26 of 2026 are 45 weeks; five are free from Monday to Friday:
    // høstferie (40), the two Christmas weeks (52, 1), vinterferie (8) and påske (14).
    for (const off of ['2025-40', '2025-52', '2026-1', '2026-8', '2026-14']) {
      expect(ids).not.toContain(off);
    }
    expect(weeks).toHaveLength(40);
    // Week 15 starts with 2. påskedag but has school Tuesday–Friday.
    expect(weeks.find((w) => w.isoYear === 2026 && w.week === 15)?.schoolDays).toEqual([
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
      '2026-04-10',
    ]);
    expect(weeks.reduce((n, w) => n + w.schoolDays.length, 0)).toBe(190);
    for (const w of weeks) {
      expect(w.schoolDays.length).toBeGreaterThanOrEqual(1);
      expect(w.schoolDays.length).toBeLessThanOrEqual(5);
      for (const d of w.schoolDays)
        expect(isoWeekOf(d)).toEqual({ isoYear: w.isoYear, week: w.week });
    }
  });

  it('covers 1 August – 31 July with Monday-to-Sunday weeks', () => {
    const weeks = y2526.weeks();
    expect(weeks[0]!.monday <= '2025-08-01' && weeks[0]!.sunday >= '2025-08-01').toBe(true);
    const last = weeks[weeks.length - 1]!;
    expect(last.monday <= '2026-07-31' && last.sunday >= '2026-07-31').toBe(true);
    for (let i = 1; i < weeks.length; i++) {
      expect(dayNumber(weeks[i]!.monday) - dayNumber(weeks[i - 1]!.monday)).toBe(7);
    }
  });

  it('includes ISO week 53 of 2026 in 2026-27, but not as a school week (it is juleferie)', () => {
    const w53 = y2627.weeks().find((w) => w.isoYear === 2026 && w.week === 53);
    expect(w53).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03', schoolDays: [] });
    expect(y2627.schoolWeeks().some((w) => w.week === 53)).toBe(false);
    const ids = y2627.weeks().map((w) => `${w.isoYear}-${w.week}`);
    expect(ids.indexOf('2027-1') - ids.indexOf('2026-52')).toBe(2);
    expect(y2627.schoolWeeks().reduce((n, w) => n + w.schoolDays.length, 0)).toBe(190);
  });
});

describe('halves', () => {
  it('splits Oslo 2025-26 at juleferie', () => {
    expect(y2526.halves).toEqual({
      høst: { from: '2025-08-18', to: '2025-12-19' },
      vår: { from: '2026-01-05', to: '2026-06-22' },
    });
    const inHalf = (h: 'høst' | 'vår') =>
      y2526.schoolDays().filter((d) => d >= y2526.halves[h].from && d <= y2526.halves[h].to).length;
    expect(inHalf('høst') + inHalf('vår')).toBe(190);
  });

  it('starts the spring half on the first school day after New Year in 2026-27', () => {
    // 2027-01-01 is a Friday; Monday 4 January is the derived «fri etter nyttår».
    expect(y2627.halves.høst.to).toBe('2026-12-21');
    expect(y2627.halves.vår.from).toBe('2027-01-05');
  });
});

describe('anchors', () => {
  it('resolves the named points of Oslo 2025-26', () => {
    expect(y2526.anchor('skolestart')).toBe('2025-08-18');
    expect(y2526.anchor('siste-skoledag')).toBe('2026-06-22');
    expect(y2526.anchor('før-sommerferie')).toBe('2026-06-22');
    expect(y2526.anchor('etter-vinterferie')).toBe('2026-02-23');
    expect(y2526.anchor('før-vinterferie')).toBe('2026-02-13');
    expect(y2526.anchor('vinterferie.start')).toBe('2026-02-16');
    expect(y2526.anchor('vinterferie.slutt')).toBe('2026-02-20');
    expect(y2526.anchor('påskeferie.start')).toBe('2026-03-30');
    expect(y2526.anchor('påskeferie.slutt')).toBe('2026-04-06');
    expect(y2526.anchor('etter-påskeferie')).toBe('2026-04-07');
    expect(y2526.anchor('før-høstferie')).toBe('2025-09-26');
    expect(y2526.anchor('etter-høstferie')).toBe('2025-10-06');
    expect(y2526.anchor('før-juleferie')).toBe('2025-12-19');
    expect(y2526.anchor('etter-juleferie')).toBe('2026-01-05');
    expect(y2526.anchor('høst.start')).toBe('2025-08-18');
    expect(y2526.anchor('vår.slutt')).toBe('2026-06-22');
    // The school year ends before sommerferie does: there is no school day after it.
    expect(y2526.anchor('etter-sommerferie')).toBeUndefined();
  });

  it('puts every «før-»/«etter-» anchor on a school day', () => {
    for (const [name, date] of Object.entries(y2526.anchors())) {
      if (name.startsWith('før-') || name.startsWith('etter-')) {
        expect(y2526.isSchoolDay(date!), name).toBe(true);
      }
    }
    expect(Object.keys(y2526.anchors())).toHaveLength(POINT_ANCHORS.length - 1);
  });
});

describe('window', () => {
  it('finds the three school weeks before sommerferie', () => {
    expect(y2526.window({ kind: 'before', break: 'sommerferie' })).toEqual({
      from: '2026-06-08',
      to: '2026-06-22',
    });
    expect(y2526.window({ kind: 'before', break: 'sommerferie', weeks: 1 })).toEqual({
      from: '2026-06-22',
      to: '2026-06-22',
    });
  });

  it('finds the start of the year', () => {
    expect(y2526.window({ kind: 'start-of-year' })).toEqual({
      from: '2025-08-18',
      to: '2025-09-05',
    });
    expect(y2526.window({ kind: 'start-of-year', weeks: 1 })).toEqual({
      from: '2025-08-18',
      to: '2025-08-22',
    });
    expect(y2526.window({ kind: 'end-of-year', weeks: 2 })).toEqual({
      from: '2026-06-15',
      to: '2026-06-22',
    });
  });

  it('finds the weeks after vinterferie and the break itself', () => {
    expect(y2526.window({ kind: 'after', break: 'vinterferie' })).toEqual({
      from: '2026-02-23',
      to: '2026-03-13',
    });
    expect(y2526.window({ kind: 'break', break: 'juleferie' })).toEqual({
      from: '2025-12-22',
      to: '2026-01-01',
    });
  });

  it('finds the school days of a month, including 29 February 2028', () => {
    expect(y2728.isSchoolDay('2028-02-29')).toBe(true);
    expect(y2728.window({ kind: 'month', month: 2 })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    // February 2026 ends on a Saturday.
    expect(y2526.window({ kind: 'month', month: 2 })).toEqual({
      from: '2026-02-02',
      to: '2026-02-27',
    });
    // October 2025 starts inside høstferie.
    expect(y2526.window({ kind: 'month', month: 10 })).toEqual({
      from: '2025-10-06',
      to: '2025-10-31',
    });
    expect(y2526.window({ kind: 'month', month: 12 })).toEqual({
      from: '2025-12-01',
      to: '2025-12-19',
    });
    expect(y2526.window({ kind: 'month', month: 7 })).toBeUndefined();
  });

  it('gives the halves and the whole year', () => {
    expect(y2526.window({ kind: 'half', half: 'vår' })).toEqual(y2526.halves.vår);
    expect(y2526.window({ kind: 'school-year' })).toEqual({
      from: '2025-08-18',
      to: '2026-06-22',
    });
  });
});

describe('summary', () => {
  it('describes the year as plain data', () => {
    expect(y2526.label).toBe('Oslo 2025-26');
    expect(y2526.derived).toBe(true);
    const json = y2526.toJSON();
    expect(json).toMatchObject({ year: '2025-26', status: 'derived', schoolDays: 190 });
    expect(json.schoolWeeks).toBe(40);
    expect(json.holidays.map((h) => h.date)).toContain('2026-05-14');
    expect(JSON.parse(JSON.stringify(y2526))).toEqual(json);
  });
});

describe('semantic validation', () => {
  const good = (): SchoolYearData => structuredClone(deriveOsloSchoolYear(2025));

  it('rejects a year name whose years do not follow each other', () => {
    const e = errorOf(() => new SchoolYear({ ...good(), year: '2025-27' }, OSLO));
    expect(e.code).toBe('calendar.year-name');
    expect(e.message).toContain('2025-27');
    expect(e.message).toContain('2025-26');
    expect(e.where).toBe('oslo 2025-27');
  });

  it('rejects a last school day before the first', () => {
    const e = errorOf(() => new SchoolYear({ ...good(), lastSchoolDay: '2025-08-15' }, OSLO));
    expect(e.code).toBe('calendar.last-day');
    expect(e.message).toContain('2025-08-15');
    expect(e.message).toContain('2025-08-18');
    expect(e.where).toBe('oslo 2025-26 lastSchoolDay');
  });

  it('rejects a break that ends before it starts', () => {
    const data = good();
    data.breaks[2] = { kind: 'vinterferie', from: '2026-02-20', to: '2026-02-16' };
    const e = errorOf(() => new SchoolYear(data, OSLO));
    expect(e.code).toBe('calendar.break-order');
    expect(e.message).toContain('vinterferie');
    expect(e.message).toContain('2026-02-16');
    expect(e.where).toBe('oslo 2025-26 breaks[2]');
  });

  it('rejects a first school day on a Sunday, saying why', () => {
    const e = errorOf(() => new SchoolYear({ ...good(), firstSchoolDay: '2025-08-17' }, OSLO));
    expect(e.code).toBe('calendar.first-day-off');
    expect(e.message).toContain('2025-08-17');
    expect(e.message).toContain('søndag');
    expect(e.message).toContain('helg');
    expect(e.where).toBe('oslo 2025-26 firstSchoolDay');
  });

  it('rejects a last school day on a holiday, and dates outside the year', () => {
    const onHoliday = errorOf(
      () => new SchoolYear({ ...good(), lastSchoolDay: '2026-05-14' }, OSLO),
    );
    expect(onHoliday.code).toBe('calendar.last-day-off');
    expect(onHoliday.message).toContain('Kristi himmelfartsdag');
    expect(
      errorOf(() => new SchoolYear({ ...good(), firstSchoolDay: '2025-07-28' }, OSLO)).code,
    ).toBe('calendar.first-day');
    const data = good();
    data.daysOff.push({ kind: 'planleggingsdag', date: '2026-08-14' });
    const outside = errorOf(() => new SchoolYear(data, OSLO));
    expect(outside.code).toBe('calendar.day-off-outside');
    expect(outside.where).toBe(`oslo 2025-26 daysOff[${data.daysOff.length - 1}]`);
    const late = good();
    late.breaks[0] = { kind: 'høstferie', from: '2026-09-28', to: '2026-10-02' };
    expect(errorOf(() => new SchoolYear(late, OSLO)).code).toBe('calendar.break-outside');
  });

  it('adds a sommerferie to the end of July when the data has none', () => {
    const data = good();
    data.breaks = data.breaks.filter((b) => b.kind !== 'sommerferie');
    const y = new SchoolYear(data, OSLO);
    expect(y.breakOf('sommerferie')).toMatchObject({ from: '2026-06-23', to: '2026-07-31' });
    expect(y.schoolDayCount).toBe(190);
  });
});
