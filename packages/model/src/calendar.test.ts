import { describe, expect, it } from 'vitest';
import { CalendarRegistry, type SchoolYearData } from '@arshjul/school-calendar';
import { calendarRegistryFor, modelKommuneId } from './calendar.js';
import { modelSchema, type Model } from './schema.js';
import { grorud, type Json } from '../test-fixtures/fixtures.js';

/** The Grorud model's own 2025-26: the published skoleruta with a later autumn break. */
const OWN_2025: SchoolYearData = {
  year: '2025-26',
  status: 'published',
  source: 'Skoleruta 2025-26',
  firstSchoolDay: '2025-08-19',
  lastSchoolDay: '2026-06-19',
  breaks: [
    { kind: 'høstferie', from: '2025-10-06', to: '2025-10-10' },
    { kind: 'juleferie', from: '2025-12-22', to: '2026-01-02' },
  ],
  daysOff: [{ kind: 'planleggingsdag', date: '2025-11-14' }],
};

function model(change: (m: Json) => void = () => {}): Model {
  const m = grorud();
  change(m);
  return modelSchema.parse(m);
}

describe('calendarRegistryFor', () => {
  it("the model's own year replaces the bundled one; other years stay bundled", () => {
    const base = new CalendarRegistry();
    const reg = calendarRegistryFor(
      model((m) => (m.schoolCalendar = { years: [OWN_2025] })),
      base,
    );
    const own = reg.kommune('oslo').year('2025-26');
    expect(own.firstSchoolDay).toBe(OWN_2025.firstSchoolDay);
    expect(own.breaks.find((b) => b.kind === 'høstferie')).toMatchObject(OWN_2025.breaks[0]!);
    expect(own.isSchoolDay('2025-11-14')).toBe(false);
    expect(reg.kommune('Oslo kommune').yearOf('2025-11-13').name).toBe('2025-26');
    // The next year is still the bundled (derived) one, and the base registry is untouched.
    expect(reg.kommune('oslo').year('2026-27').firstSchoolDay).toBe(
      base.kommune('oslo').year('2026-27').firstSchoolDay,
    );
    expect(base.kommune('oslo').year('2025-26').firstSchoolDay).not.toBe(OWN_2025.firstSchoolDay);
    expect(reg.kommune('oslo').years()).toEqual(base.kommune('oslo').years());
  });

  it('without own years the base registry itself is used', () => {
    const base = new CalendarRegistry();
    expect(calendarRegistryFor(model(), base)).toBe(base);
    expect(calendarRegistryFor(model()).kommune('oslo').hasYear('2025-26')).toBe(true);
  });

  it('does not build a year until it is asked for', () => {
    const broken: SchoolYearData = {
      year: '2026-27',
      status: 'user',
      firstSchoolDay: '2026-08-15', // a Saturday
      lastSchoolDay: '2027-06-18',
      breaks: [],
      daysOff: [],
    };
    const reg = calendarRegistryFor(
      modelSchema.parse({ ...grorud(), schoolCalendar: { years: [OWN_2025, broken] } }),
    );
    expect(reg.schoolYear('oslo', '2025-26').firstSchoolDay).toBe('2025-08-19');
    expect(() => reg.schoolYear('oslo', '2026-27')).toThrow(/Første skoledag 2026-08-15/);
  });

  it('a kommune without bundled calendar comes from the model', () => {
    const year = { ...OWN_2025, status: 'user' as const };
    const m = model((m) => {
      m.organisation.district.kommune = 'nord-fron';
      m.schoolCalendar = { kommune: { id: 'nord-fron', name: 'Nord-Fron' }, years: [year] };
    });
    const reg = calendarRegistryFor(m, new CalendarRegistry());
    expect(modelKommuneId(m, reg)).toBe('nord-fron');
    expect(reg.kommune('Nord-Fron kommune').year('2025-26').kommune).toMatchObject({
      id: 'nord-fron',
      name: 'Nord-Fron',
      timeZone: 'Europe/Oslo',
    });
    expect(reg.list().map((k) => k.id)).toEqual(['oslo', 'nord-fron']);
    // Asking for a year the model does not have names the years there are.
    expect(() => reg.kommune('nord-fron').year('2026-27')).toThrow(
      /Nord-Fron har ingen skolerute for 2026-27\. Kjente skoleår: 2025-26/,
    );
  });

  it('a file added afterwards (--data) corrects the model year', () => {
    const base = new CalendarRegistry();
    const reg = calendarRegistryFor(
      model((m) => (m.schoolCalendar = { years: [OWN_2025] })),
      base,
    );
    reg.addFile(
      {
        schemaVersion: 1,
        kommune: { id: 'oslo', name: 'Oslo' },
        years: [{ ...OWN_2025, firstSchoolDay: '2025-08-20' }],
      },
      'rettelse.json',
    );
    expect(reg.schoolYear('oslo', '2025-26').firstSchoolDay).toBe('2025-08-20');
  });
});

describe('modelKommuneId', () => {
  it("is the district's kommune as the registry knows it", () => {
    const m = model((m) => (m.organisation.district.kommune = 'Oslo kommune'));
    expect(modelKommuneId(m, new CalendarRegistry())).toBe('oslo');
  });

  it('names the kommuner it knows when there is no calendar for the kommune', () => {
    const m = model((m) => (m.organisation.district.kommune = 'bergen'));
    expect(() => modelKommuneId(m, new CalendarRegistry())).toThrow(
      /Ukjent kommune «bergen»\. Kjente kommuner: oslo/,
    );
  });
});
