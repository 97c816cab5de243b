import { describe, it, expect } from 'vitest';
import {
  BUNDLED_CALENDARS,
  CalendarRegistry,
  normalizeSchoolYearName,
  schoolYearNameOf,
} from './registry.js';
import type { KommuneCalendarFileInput } from './schema.js';
import { errorOf } from '../test-fixtures/error-of.js';

/**
 * Hamar 2025-26 as a user file: høstferie in week 41 and vinterferie in week 9, unlike Oslo.
 * The dates follow Hamar's published skoleruta (prior-art §6.2); its «2. mai» is a Saturday in
 * 2026 and is left out.
 */
function hamarFile(): KommuneCalendarFileInput {
  return {
    schemaVersion: 1,
    kommune: { id: 'hamar', name: 'Hamar' },
    years: [
      {
        year: '2025-26',
        status: 'user',
        source: 'Test: skolerute for Hamar 2025-26',
        firstSchoolDay: '2025-08-18',
        lastSchoolDay: '2026-06-19',
        breaks: [
          { kind: 'høstferie', from: '2025-10-06', to: '2025-10-10' },
          { kind: 'juleferie', from: '2025-12-22', to: '2026-01-02' },
          { kind: 'vinterferie', from: '2026-02-23', to: '2026-02-27' },
          { kind: 'påskeferie', from: '2026-03-30', to: '2026-04-06' },
        ],
        daysOff: [{ kind: 'elevfri', date: '2025-11-28', name: 'Elevenes fridag' }],
      },
    ],
  };
}

describe('normalizeSchoolYearName', () => {
  it('accepts the usual ways of writing a school year', () => {
    expect(normalizeSchoolYearName('2025-26')).toBe('2025-26');
    expect(normalizeSchoolYearName('2025/26')).toBe('2025-26');
    expect(normalizeSchoolYearName('25/26')).toBe('2025-26');
    expect(normalizeSchoolYearName('2025-2026')).toBe('2025-26');
    expect(normalizeSchoolYearName(' 2025 / 2026 ')).toBe('2025-26');
    expect(normalizeSchoolYearName('2025–26')).toBe('2025-26');
    expect(normalizeSchoolYearName('2099/00')).toBe('2099-00');
  });

  it('rejects two years that do not follow each other, saying what a school year is', () => {
    const e = errorOf(() => normalizeSchoolYearName('2025-27'));
    expect(e.code).toBe('calendar.year-format');
    expect(e.message).toContain('2025-27');
    expect(e.message).toContain('2025-26');
    expect(e.where).toBe('skoleår');
    expect(errorOf(() => normalizeSchoolYearName('2026-2025')).code).toBe('calendar.year-format');
  });

  it('rejects text that is not a school year', () => {
    for (const bad of ['abc', '', '2025', '2025-26-27']) {
      const e = errorOf(() => normalizeSchoolYearName(bad, '--year'));
      expect(e.code).toBe('calendar.year-format');
      expect(e.message).toContain(`«${bad}»`);
      expect(e.message).toContain('2025-26');
      expect(e.where).toBe('--year');
    }
  });

  it('finds the school year of a date (1 August starts a new one)', () => {
    expect(schoolYearNameOf('2025-07-31')).toBe('2024-25');
    expect(schoolYearNameOf('2025-08-01')).toBe('2025-26');
    expect(schoolYearNameOf('2026-01-05')).toBe('2025-26');
    expect(schoolYearNameOf('2099-12-01')).toBe('2099-00');
  });
});

describe('CalendarRegistry', () => {
  it('bundles Oslo 2024-25 … 2027-28', () => {
    const r = new CalendarRegistry();
    expect(r.list()).toEqual([{ id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' }]);
    expect(r.kommune('oslo').years()).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
    expect(BUNDLED_CALENDARS).toHaveLength(1);
    expect(new CalendarRegistry({ bundled: false }).list()).toEqual([]);
  });

  it('finds a kommune by id or name, ignoring case and «kommune»', () => {
    const r = new CalendarRegistry();
    expect(r.kommune('Oslo').id).toBe('oslo');
    expect(r.kommune('OSLO kommune').id).toBe('oslo');
    expect(r.schoolYear('oslo', '25/26').name).toBe('2025-26');
  });

  it('reports an unknown kommune, listing the known ones', () => {
    const e = errorOf(() => new CalendarRegistry().kommune('bergen'));
    expect(e.code).toBe('calendar.unknown-kommune');
    expect(e.message).toContain('bergen');
    expect(e.message).toContain('oslo');
    expect(e.hint).toMatch(/kalenderfil|\.ics/);
    const empty = errorOf(() => new CalendarRegistry({ bundled: false }).kommune('oslo'));
    expect(empty.message).toContain('ingen');
  });

  it('reports an unknown year, listing the known years', () => {
    const e = errorOf(() => new CalendarRegistry().schoolYear('oslo', '2031-32'));
    expect(e.code).toBe('calendar.unknown-year');
    expect(e.message).toContain('2031-32');
    for (const y of ['2024-25', '2025-26', '2026-27', '2027-28']) expect(e.message).toContain(y);
  });

  it('finds the year that holds a date', () => {
    const oslo = new CalendarRegistry().kommune('oslo');
    expect(oslo.yearOf('2026-03-02').name).toBe('2025-26');
    expect(oslo.yearOf('2026-08-17').name).toBe('2026-27');
    expect(errorOf(() => oslo.yearOf('2026-02-30')).code).toBe('date.format');
    expect(oslo.hasYear('2027/28')).toBe(true);
    expect(oslo.hasYear('2030/31')).toBe(false);
  });

  it('adds a kommune from a user data file and answers queries for it', () => {
    const r = new CalendarRegistry().addFile(hamarFile(), 'hamar.json');
    expect(r.list().map((k) => k.id)).toEqual(['oslo', 'hamar']);
    const hamar = r.schoolYear('Hamar', '2025/26');
    expect(hamar.status).toBe('user');
    expect(hamar.kommune.timeZone).toBe('Europe/Oslo'); // the default
    // Like every Norwegian school year: 190 school days between 18 August and 19 June.
    expect(hamar.schoolDayCount).toBe(190);
    // Week 41 and week 9 are breaks in Hamar but school weeks in Oslo.
    const oslo = r.schoolYear('oslo', '2025-26');
    expect(hamar.isSchoolDay('2025-10-08')).toBe(false);
    expect(oslo.isSchoolDay('2025-10-08')).toBe(true);
    expect(hamar.isSchoolDay('2025-10-01')).toBe(true);
    expect(oslo.isSchoolDay('2025-10-01')).toBe(false);
    expect(hamar.isSchoolDay('2026-02-25')).toBe(false);
    expect(hamar.isSchoolDay('2026-02-18')).toBe(true);
    expect(hamar.anchor('etter-vinterferie')).toBe('2026-03-02');
    expect(hamar.dayInfo('2025-11-28').reasons).toEqual([
      { kind: 'day-off', dayOff: 'elevfri', name: 'Elevenes fridag' },
    ]);
    // No valgdag and no inneklemt day in this file: 8 September and 15 May 2026 are school days.
    expect(hamar.isSchoolDay('2025-09-08')).toBe(true);
    expect(hamar.isSchoolDay('2026-05-15')).toBe(true);
    // The file has no sommerferie; the year still ends in one.
    expect(hamar.breakOf('sommerferie')).toMatchObject({ from: '2026-06-20', to: '2026-07-31' });
  });

  it('lets a user file correct a bundled Oslo year, leaving the other years alone', () => {
    const r = new CalendarRegistry();
    const before = r.schoolYear('oslo', '2025-26');
    expect(before.isSchoolDay('2025-11-14')).toBe(true);
    const correction = {
      schemaVersion: 1,
      kommune: { id: 'oslo', name: 'Oslo' },
      years: [
        {
          ...structuredClone(BUNDLED_CALENDARS[0]!.years[1]!),
          status: 'user' as const,
          source: 'Rettet av skolen',
          daysOff: [
            ...BUNDLED_CALENDARS[0]!.years[1]!.daysOff,
            { kind: 'planleggingsdag' as const, date: '2025-11-14' },
          ],
          // One more day off, so one more day in June; sommerferie moves with it.
          lastSchoolDay: '2026-06-23',
          breaks: BUNDLED_CALENDARS[0]!.years[1]!.breaks.map((b) =>
            b.kind === 'sommerferie' ? { ...b, from: '2026-06-24' } : b,
          ),
        },
      ],
    };
    expect(correction.years[0]!.year).toBe('2025-26');
    r.addFile(correction, 'oslo-rettet.json');
    const after = r.schoolYear('oslo', '2025-26');
    expect(after).not.toBe(before);
    expect(after.status).toBe('user');
    expect(after.source).toBe('Rettet av skolen');
    expect(after.isSchoolDay('2025-11-14')).toBe(false);
    expect(after.lastSchoolDay).toBe('2026-06-23');
    expect(after.schoolDayCount).toBe(190);
    expect(r.kommune('oslo').years()).toEqual(['2024-25', '2025-26', '2026-27', '2027-28']);
    expect(r.schoolYear('oslo', '2026-27').status).toBe('derived');
    // A new registry still has the bundled year: corrections do not leak between registries.
    expect(new CalendarRegistry().schoolYear('oslo', '2025-26').status).toBe('derived');
  });

  it('loads the published Oslo 2024-25 as a correction: 190 school days, last day 20 June', () => {
    // Osloskolen, «Ferie og fridager for skoleåret 2024/2025». It differs from the rules: juleferie
    // 23 Dec – 3 Jan, 2 May off and no inneklemt Friday after Kristi himmelfart.
    const r = new CalendarRegistry().addFile(
      {
        schemaVersion: 1,
        kommune: { id: 'oslo', name: 'Oslo' },
        years: [
          {
            year: '2024-25',
            status: 'published',
            firstSchoolDay: '2024-08-19',
            lastSchoolDay: '2025-06-20',
            breaks: [
              { kind: 'høstferie', from: '2024-09-30', to: '2024-10-04' },
              { kind: 'juleferie', from: '2024-12-23', to: '2025-01-03' },
              { kind: 'vinterferie', from: '2025-02-17', to: '2025-02-21' },
              { kind: 'påskeferie', from: '2025-04-14', to: '2025-04-21' },
            ],
            daysOff: [{ kind: 'elevfri', date: '2025-05-02' }],
          },
        ],
      },
      'oslo-2024-25.json',
    );
    const y = r.schoolYear('oslo', '2024-25');
    expect(y.schoolDayCount).toBe(190);
    expect(y.isSchoolDay('2025-05-30')).toBe(true);
    expect(y.isSchoolDay('2025-01-03')).toBe(false);
    expect(y.anchor('etter-juleferie')).toBe('2025-01-06');
  });

  it('rejects a broken file, naming each field, and keeps the registry as it was', () => {
    const r = new CalendarRegistry();
    const file = hamarFile() as { years: Record<string, unknown>[] };
    file.years[0]!.firstSchoolDay = '2025-02-30';
    delete file.years[0]!.lastSchoolDay;
    const e = errorOf(() => r.addFile(file, 'hamar.json'));
    expect(e.code).toBe('calendar.invalid');
    expect(e.where).toBe('hamar.json');
    expect(e.message).toContain('hamar.json years[0].firstSchoolDay');
    expect(e.message).toContain('hamar.json years[0].lastSchoolDay');
    expect(e.message).toMatch(/firstSchoolDay: er ikke en dato som finnes/);
    expect(e.message).toMatch(/lastSchoolDay: mangler/);
    expect(r.list().map((k) => k.id)).toEqual(['oslo']);
  });

  it('names the field path of a bad value deep in the file', () => {
    const file = hamarFile() as {
      years: { breaks: Record<string, unknown>[] }[];
      kommune: Record<string, unknown>;
    };
    file.years[0]!.breaks[1]!.kind = 'jul';
    file.kommune.id = 'Hamar Kommune';
    const e = errorOf(() => new CalendarRegistry().addFile(file, 'hamar.json'));
    expect(e.message).toContain('years[0].breaks[1].kind');
    expect(e.message).toContain('kommune.id');
    expect(
      errorOf(() => new CalendarRegistry().addFile({ ...hamarFile(), extra: 1 })).message,
    ).toContain('extra');
  });

  it('rejects a file that is valid JSON but not a valid year, without replacing the good year', () => {
    const r = new CalendarRegistry();
    const bad = {
      schemaVersion: 1,
      kommune: { id: 'oslo', name: 'Oslo' },
      years: [
        {
          ...structuredClone(BUNDLED_CALENDARS[0]!.years[1]!),
          status: 'user' as const,
          firstSchoolDay: '2025-08-17', // a Sunday
        },
      ],
    };
    const e = errorOf(() => r.addFile(bad, 'oslo-feil.json'));
    expect(e.code).toBe('calendar.first-day-off');
    expect(e.where).toBe('oslo-feil.json 2025-26 firstSchoolDay');
    expect(r.schoolYear('oslo', '2025-26').status).toBe('derived');
    expect(r.schoolYear('oslo', '2025-26').firstSchoolDay).toBe('2025-08-18');
  });
});
