import { describe, it, expect } from 'vitest';
import {
  addDays,
  CalendarRegistry,
  isoWeekOf,
  isoWeekday,
  NAMED_BREAKS,
  type SchoolYear,
  type SchoolYearSummary,
} from '@arshjul/school-calendar';
import { cli, ISO_DATE } from '../test-fixtures/fake-io.js';

const oslo2025 = (): SchoolYear => new CalendarRegistry().schoolYear('oslo', '2025-26');

async function calendarJson(args: string[]) {
  const r = await cli(['calendar', ...args, '--json']);
  return { ...r, body: r.json<SchoolYearSummary>() };
}

describe('calendar --kommune oslo --year 2025-26 --json', () => {
  it('prints the school year as the school-calendar package describes it', async () => {
    const { code, err, body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(body).toEqual(JSON.parse(JSON.stringify(oslo2025().toJSON())));
  });

  it('has the year, kommune, first and last school day', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    expect(body.year).toBe('2025-26');
    expect(body.kommune).toMatchObject({ id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' });
    expect(body.status).toBe('derived');
    expect(body.firstSchoolDay).toBe('2025-08-18');
    expect(isoWeekday(body.firstSchoolDay)).toBe(1);
    expect(body.lastSchoolDay).toMatch(ISO_DATE);
  });

  it('has 190 school days', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    expect(body.schoolDays).toBe(190);
    expect(body.schoolDays).toBe(oslo2025().schoolDays().length);
    expect(body.schoolWeeks).toBe(oslo2025().schoolWeeks().length);
  });

  it('has all five named breaks, in order', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    expect(body.breaks.map((b) => b.kind)).toEqual([...NAMED_BREAKS]);
    for (const b of body.breaks) {
      expect(b.from).toMatch(ISO_DATE);
      expect(b.to >= b.from).toBe(true);
    }
  });

  it('puts høstferie in ISO week 40, Monday to Friday', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    const høst = body.breaks.find((b) => b.kind === 'høstferie')!;
    expect(isoWeekOf(høst.from)).toEqual({ isoYear: 2025, week: 40 });
    expect(isoWeekOf(høst.to)).toEqual({ isoYear: 2025, week: 40 });
    expect(isoWeekday(høst.from)).toBe(1);
    expect(høst.to).toBe(addDays(høst.from, 4));
  });

  it('puts vinterferie in ISO week 8, Monday to Friday', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    const vinter = body.breaks.find((b) => b.kind === 'vinterferie')!;
    expect(isoWeekOf(vinter.from)).toEqual({ isoYear: 2026, week: 8 });
    expect(isoWeekOf(vinter.to)).toEqual({ isoYear: 2026, week: 8 });
    expect(isoWeekday(vinter.from)).toBe(1);
    expect(vinter.to).toBe(addDays(vinter.from, 4));
  });

  it('lists valgdag 2025-09-08 among the days off', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    expect(body.daysOff).toContainEqual(
      expect.objectContaining({ date: '2025-09-08', kind: 'valgdag' }),
    );
    expect(oslo2025().isSchoolDay('2025-09-08')).toBe(false);
  });

  it('lists the public holidays from 1 August to 31 July', async () => {
    const { body } = await calendarJson(['--kommune', 'oslo', '--year', '2025-26']);
    const byKey = Object.fromEntries(body.holidays.map((h) => [h.date, h.name]));
    expect(byKey['2025-12-25']).toBe('1. juledag');
    expect(byKey['2026-05-17']).toBe('17. mai');
    for (const h of body.holidays)
      expect(h.date >= '2025-08-01' && h.date <= '2026-07-31').toBe(true);
  });

  it('finds the kommune by name, any case, with «kommune» after it', async () => {
    const a = await calendarJson(['--kommune', 'Oslo kommune', '--year', '2025-26']);
    const b = await calendarJson(['--kommune', 'OSLO', '--year', '2025-26']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.body).toEqual(b.body);
  });

  it('defaults to Oslo and to the school year of today', async () => {
    const r = await cli(['calendar', '--json'], { today: '2026-03-01' });
    expect(r.code).toBe(0);
    expect(r.json<SchoolYearSummary>().year).toBe('2025-26');
    const next = await cli(['calendar', '--json'], { today: '2026-08-01' });
    expect(next.json<SchoolYearSummary>().year).toBe('2026-27');
  });
});

describe('calendar (text)', () => {
  it('describes the year in Norwegian with breaks, weeks and days off', async () => {
    const r = await cli(['calendar', '--kommune', 'oslo', '--year', '2025-26']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Oslo 2025-26');
    expect(r.out).toContain('Første skoledag: mandag 18. august 2025');
    expect(r.out).toMatch(/Skoledager:\s+190 i \d+ skoleuker/);
    expect(r.out).toMatch(/høstferie\s+29\. sep\. – 3\. okt\. 2025 \(uke 40\)/);
    expect(r.out).toMatch(/vinterferie\s+16\. feb\. – 20\. feb\. 2026 \(uke 8\)/);
    expect(r.out).toContain('mandag 8. september 2025');
    expect(r.out).toContain('valgdag: Stortingsvalg');
    expect(r.out).toContain('kontroller mot den publiserte skoleruta');
  });
});

describe('calendar --date', () => {
  it('2025-10-01 is in høstferie', async () => {
    const r = await cli(['calendar', '--date', '2025-10-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('høstferie');
    expect(r.out).toContain('ikke skoledag');
    expect(r.out).toContain('onsdag 1. oktober 2025');
    expect(r.out).toContain('uke 40');
    expect(r.out).toContain('Oslo 2025-26');
  });

  it('2025-10-01 with --json gives the reasons as data', async () => {
    const r = await cli(['calendar', '--kommune', 'oslo', '--date', '2025-10-01', '--json']);
    expect(r.code).toBe(0);
    const body = r.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      year: '2025-26',
      date: '2025-10-01',
      schoolDay: false,
      isoWeek: { isoYear: 2025, week: 40 },
      reasons: [{ kind: 'break', break: 'høstferie', name: 'høstferie' }],
    });
    const { kommune: _kommune, year: _year, ...info } = body;
    expect(info).toEqual(JSON.parse(JSON.stringify(oslo2025().dayInfo('2025-10-01'))));
  });

  it('says why valgdag is not a school day', async () => {
    const r = await cli(['calendar', '--date', '2025-09-08']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('ikke skoledag – valgdag (Stortingsvalg)');
  });

  it('says a school day is a school day', async () => {
    const r = await cli(['calendar', '--date', '2025-10-06']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/mandag 6\. oktober 2025 \(uke 41\) i Oslo 2025-26: skoledag$/);
  });

  it('finds the school year from the date when --year is left out', async () => {
    const r = await cli(['calendar', '--date', '2026-02-18', '--json'], { today: '2024-01-01' });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ year: '2025-26', schoolDay: false });
    expect(r.out).toContain('vinterferie');
  });
});

describe('help and version', () => {
  it('--help prints the usage in Norwegian and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('arshjul calendar');
    expect(r.out).toContain('arshjul cadence');
    expect(r.out).toContain('Avslutningskoder');
  });

  it('no arguments prints the usage and exits 2', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('Bruk:');
  });

  it('calendar --help and cadence --help exit 0', async () => {
    expect((await cli(['calendar', '--help'])).code).toBe(0);
    const c = await cli(['cadence', '--help']);
    expect(c.code).toBe(0);
    expect(c.out).toContain('--policy');
  });

  it('--version prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
