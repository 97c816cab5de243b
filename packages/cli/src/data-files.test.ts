/** --data (a kommune calendar file) and --ics (a skoleruta in iCalendar). */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  CalendarRegistry,
  importSchoolCalendarIcs,
  isoWeekOf,
  type SchoolYearSummary,
} from '@arshjul/school-calendar';
import { cli, fixture, hasStackTrace } from '../test-fixtures/fake-io.js';

const FJELLDAL = fixture('fjelldal-2025-26.json');
const FJELLDAL_BAD_DATE = fixture('fjelldal-bad-date.json');
const BEKKESTAD_ICS = fixture('bekkestad-2025-26.ics');

/** Fjelldal 2025-26 as the school-calendar package reads the fixture. */
const fjelldal2025 = () =>
  new CalendarRegistry()
    .addFile(JSON.parse(readFileSync(FJELLDAL, 'utf8')), FJELLDAL)
    .schoolYear('fjelldal', '2025-26');

describe('--data: a user calendar file for another kommune', () => {
  it('calendar --kommune fjelldal --json shows the file’s year', async () => {
    const r = await cli([
      'calendar',
      '--data',
      FJELLDAL,
      '--kommune',
      'fjelldal',
      '--year',
      '2025-26',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const body = r.json<SchoolYearSummary>();
    expect(body).toEqual(JSON.parse(JSON.stringify(fjelldal2025().toJSON())));
    expect(body.kommune).toMatchObject({ id: 'fjelldal', name: 'Fjelldal' });
    expect(body.status).toBe('user');
    expect(body.firstSchoolDay).toBe('2025-08-19');
    const høst = body.breaks.find((b) => b.kind === 'høstferie')!;
    expect(isoWeekOf(høst.from).week).toBe(41);
    expect(body.daysOff.map((d) => d.kind)).toEqual(['valgdag', 'planleggingsdag']);
    // No sommerferie in the file: it runs from the day after the last school day.
    expect(body.breaks.at(-1)).toMatchObject({ kind: 'sommerferie', from: '2026-06-20' });
  });

  it('calendar (text) says the data were entered by a user and names the source', async () => {
    const r = await cli([
      'calendar',
      '--data',
      FJELLDAL,
      '--kommune',
      'Fjelldal kommune',
      '--year',
      '2025-26',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Fjelldal 2025-26 – lagt inn av bruker');
    expect(r.out).toMatch(/høstferie\s+6\. okt\. – 10\. okt\. 2025 \(uke 41\)/);
    expect(r.out).toContain('planleggingsdag');
    expect(r.out).toContain('Kilde: Skolerute for Fjelldal kommune');
  });

  it('calendar --date uses the file: 2025-10-08 is høstferie in Fjelldal but a school day in Oslo', async () => {
    const fjelldal = await cli([
      'calendar',
      '--data',
      FJELLDAL,
      '--kommune',
      'fjelldal',
      '--date',
      '2025-10-08',
    ]);
    expect(fjelldal.out).toContain('ikke skoledag – høstferie');
    const oslo = await cli([
      'calendar',
      '--data',
      FJELLDAL,
      '--kommune',
      'oslo',
      '--date',
      '2025-10-08',
    ]);
    expect(oslo.out).toMatch(/: skoledag$/);
  });

  it('cadence --data … --kommune fjelldal expands on that calendar', async () => {
    const r = await cli([
      'cadence',
      'Hver fjerde uke',
      '--data',
      FJELLDAL,
      '--kommune',
      'fjelldal',
      '--year',
      '2025-26',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = r.json<{
      kommune: string;
      occurrences: string[];
      rrule: string;
      calendarStatus: string;
    }>();
    const year = fjelldal2025();
    expect(body.kommune).toBe('fjelldal');
    expect(body.calendarStatus).toBe('user');
    // The series starts on Fjelldal's first school day, a Tuesday.
    expect(body.occurrences[0]).toBe('2025-08-19');
    expect(body.rrule).toContain('BYDAY=TU');
    for (const d of body.occurrences) expect(year.isSchoolDay(d), d).toBe(true);
  });

  it('a file read from memory works like one on disk', async () => {
    const text = readFileSync(FJELLDAL, 'utf8');
    const r = await cli(
      [
        'calendar',
        '--data',
        'mem/fjelldal.json',
        '--kommune',
        'fjelldal',
        '--year',
        '2025-26',
        '--json',
      ],
      {
        files: { 'mem/fjelldal.json': text },
      },
    );
    expect(r.code).toBe(0);
    expect(r.json<SchoolYearSummary>().schoolDays).toBe(fjelldal2025().schoolDayCount);
  });

  it('a later --data file corrects a year of a kommune already known', async () => {
    const correction = {
      schemaVersion: 1,
      kommune: { id: 'oslo', name: 'Oslo' },
      years: [
        {
          year: '2025-26',
          status: 'published',
          firstSchoolDay: '2025-08-18',
          lastSchoolDay: '2026-06-19',
          breaks: [{ kind: 'høstferie', from: '2025-09-29', to: '2025-10-03' }],
          daysOff: [],
        },
      ],
    };
    const r = await cli(['calendar', '--data', 'rettelse.json', '--year', '2025-26', '--json'], {
      files: { 'rettelse.json': JSON.stringify(correction) },
    });
    expect(r.code).toBe(0);
    const body = r.json<SchoolYearSummary>();
    expect(body.status).toBe('published');
    expect(body.lastSchoolDay).toBe('2026-06-19');
  });

  it('a date that does not exist in the file is named with its field, exit 2', async () => {
    const r = await cli(['calendar', '--data', FJELLDAL_BAD_DATE, '--kommune', 'fjelldal']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(FJELLDAL_BAD_DATE);
    expect(r.err).toContain('years[0].breaks[0].to');
    expect(r.err).toContain('finnes');
    expect(hasStackTrace(r.err)).toBe(false);
  });

  it('broken JSON is named as such, exit 2', async () => {
    const r = await cli(['calendar', '--data', 'ødelagt.json'], {
      files: { 'ødelagt.json': '{ "schemaVersion": 1,' },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('ødelagt.json');
    // In Norwegian, with the place: not JavaScript's English «Unexpected end of JSON input».
    expect(r.err).toMatch(/Fila er ikke gyldig JSON: .* på linje 1, kolonne \d+/);
    expect(r.err).not.toMatch(/Unexpected|JSON input/);
    expect(hasStackTrace(r.err)).toBe(false);
  });

  it('a file missing required fields lists them, exit 2', async () => {
    const r = await cli(['calendar', '--data', 'tom.json'], {
      files: { 'tom.json': '{ "schemaVersion": 1 }' },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Kalenderfilen er ugyldig');
    expect(r.err).toContain('tom.json kommune: mangler');
    expect(r.err).toContain('tom.json years: mangler');
  });

  it('a year whose first school day is in a break is refused, exit 2', async () => {
    const file = {
      schemaVersion: 1,
      kommune: { id: 'fjelldal', name: 'Fjelldal' },
      years: [
        {
          year: '2025-26',
          status: 'user',
          firstSchoolDay: '2025-08-19',
          lastSchoolDay: '2026-06-19',
          breaks: [
            { kind: 'annen ferie', name: 'Sensommerferie', from: '2025-08-18', to: '2025-08-22' },
          ],
        },
      ],
    };
    const r = await cli(['calendar', '--data', 'f.json'], {
      files: { 'f.json': JSON.stringify(file) },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Første skoledag 2025-08-19');
    expect(r.err).toContain('Sensommerferie');
    expect(hasStackTrace(r.err)).toBe(false);
  });

  it('a file that does not exist is named, exit 2', async () => {
    const path = fixture('finnes-ikke.json');
    const r = await cli(['calendar', '--data', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`arshjul: ${path}: Filen finnes ikke.`);
  });

  it('a folder given as a file is named, exit 2', async () => {
    const dir = fixture('');
    const r = await cli(['calendar', '--data', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('er en mappe');
  });
});

describe('--ics: a skoleruta published as iCalendar', () => {
  it('calendar --ics … --kommune Bekkestad imports the school year', async () => {
    const r = await cli([
      'calendar',
      '--ics',
      BEKKESTAD_ICS,
      '--kommune',
      'Bekkestad',
      '--year',
      '2025-26',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = r.json<SchoolYearSummary>();
    const { file } = importSchoolCalendarIcs(readFileSync(BEKKESTAD_ICS, 'utf8'), {
      kommune: { id: 'bekkestad', name: 'Bekkestad' },
      source: BEKKESTAD_ICS,
    });
    const expected = new CalendarRegistry().addFile(file).schoolYear('bekkestad', '2025-26');
    expect(body).toEqual(JSON.parse(JSON.stringify(expected.toJSON())));
    expect(body.kommune).toMatchObject({ id: 'bekkestad', name: 'Bekkestad' });
    expect(body.status).toBe('imported');
    expect(body.firstSchoolDay).toBe('2025-08-20');
    expect(body.lastSchoolDay).toBe('2026-06-18');
    expect(body.breaks.map((b) => [b.kind, isoWeekOf(b.from).week])).toEqual([
      ['høstferie', 42],
      ['juleferie', 52],
      ['vinterferie', 9],
      ['påskeferie', 14],
      ['sommerferie', 25],
    ]);
    expect(body.daysOff).toContainEqual(
      expect.objectContaining({ date: '2026-01-05', kind: 'planleggingsdag' }),
    );
  });

  it('warns on stderr about an event it does not understand, and still exits 0', async () => {
    const r = await cli([
      'calendar',
      '--ics',
      BEKKESTAD_ICS,
      '--kommune',
      'bekkestad',
      '--year',
      '2025-26',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Bekkestad 2025-26 – importert fra .ics');
    expect(r.err).toMatch(/^arshjul: advarsel: .*«Foreldremøte».*ikke tatt med/m);
  });

  it('cadence uses the imported calendar: påskeferie moves the 2026-04-01 meeting', async () => {
    const r = await cli([
      'cadence',
      'Hver fjerde uke',
      '--ics',
      BEKKESTAD_ICS,
      '--kommune',
      'bekkestad',
      '--year',
      '2025-26',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = r.json<{ occurrences: string[]; kommune: string; calendarStatus: string }>();
    expect(body.kommune).toBe('bekkestad');
    expect(body.calendarStatus).toBe('imported');
    expect(body.occurrences[0]).toBe('2025-08-20');
    expect(body.occurrences).not.toContain('2026-04-01');
    expect(body.occurrences).toContain('2026-04-07');
  });

  it('makes an id of a kommune name with spaces and keeps the name as written', async () => {
    const r = await cli([
      'calendar',
      '--ics',
      BEKKESTAD_ICS,
      '--kommune',
      'Nord Fron',
      '--year',
      '2025-26',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json<{ kommune: { id: string; name: string } }>().kommune).toMatchObject({
      id: 'nord-fron',
      name: 'Nord Fron',
    });
  });

  it('--ics without --kommune is a usage error, exit 2', async () => {
    const r = await cli(['calendar', '--ics', BEKKESTAD_ICS]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--ics trenger --kommune');
  });

  it('a file that is not iCalendar is named, exit 2', async () => {
    const r = await cli(['calendar', '--ics', FJELLDAL, '--kommune', 'fjelldal']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(FJELLDAL);
    expect(r.err).toContain('BEGIN:VCALENDAR');
    expect(hasStackTrace(r.err)).toBe(false);
  });

  it('a calendar without first and last school day says what is missing, exit 2', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//NO',
      'BEGIN:VEVENT',
      'UID:1@test',
      'DTSTAMP:20250101T000000Z',
      'DTSTART;VALUE=DATE:20251013',
      'DTEND;VALUE=DATE:20251018',
      'SUMMARY:Høstferie',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const r = await cli(['calendar', '--ics', 'halv.ics', '--kommune', 'bekkestad'], {
      files: { 'halv.ics': ics },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('halv.ics');
    expect(r.err).toContain('første skoledag og siste skoledag');
  });
});
