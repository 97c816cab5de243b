import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { importSchoolCalendarIcs } from './ics-import.js';
import { CalendarRegistry } from './registry.js';
import { parseCalendarFile } from './schema.js';
import { errorOf } from '../test-fixtures/error-of.js';

const FIXTURE = readFileSync(
  new URL('../test-fixtures/fjordvik-2025-26.ics', import.meta.url),
  'utf8',
);
const KOMMUNE = { id: 'fjordvik', name: 'Fjordvik' };

/** A minimal calendar around some VEVENT lines. */
function ics(...events: string[][]): string {
  const body = events.flatMap((e, i) => [
    'BEGIN:VEVENT',
    `UID:test-${i}@example.org`,
    'DTSTAMP:20250301T090000Z',
    ...e,
    'END:VEVENT',
  ]);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//NO', ...body, 'END:VCALENDAR'].join(
    '\r\n',
  );
}
const allDay = (summary: string, from: string, toExclusive: string) => [
  `DTSTART;VALUE=DATE:${from.replaceAll('-', '')}`,
  `DTEND;VALUE=DATE:${toExclusive.replaceAll('-', '')}`,
  `SUMMARY:${summary}`,
];

describe('importSchoolCalendarIcs: a realistic skolerute file', () => {
  const result = importSchoolCalendarIcs(FIXTURE, {
    kommune: KOMMUNE,
    source: 'fjordvik-2025-26.ics',
  });
  const year = result.file.years[0]!;

  it('finds one whole school year, with the fixture actually using CRLF and folded lines', () => {
    expect(FIXTURE).toContain('\r\n');
    expect(FIXTURE).toContain('SUMMARY:Første skole\r\n dag');
    expect(result.file.kommune).toEqual({ ...KOMMUNE, timeZone: 'Europe/Oslo' });
    expect(result.file.years.map((y) => y.year)).toEqual(['2025-26']);
    expect(year.status).toBe('imported');
    expect(year.source).toContain('fjordvik-2025-26.ics');
  });

  it('reads the first school day from a timed event with a folded summary', () => {
    expect(year.firstSchoolDay).toBe('2025-08-18');
  });

  it('keeps «Siste skoledag», not «Siste skoledag før jul», as the last day', () => {
    expect(year.lastSchoolDay).toBe('2026-06-19');
  });

  it('turns each all-day event with an exclusive DTEND into an inclusive break', () => {
    expect(year.breaks).toEqual([
      { kind: 'høstferie', from: '2025-10-06', to: '2025-10-10' },
      { kind: 'juleferie', from: '2025-12-22', to: '2026-01-02' },
      { kind: 'vinterferie', from: '2026-02-23', to: '2026-02-27' },
      { kind: 'påskeferie', from: '2026-03-30', to: '2026-04-06' },
      { kind: 'sommerferie', from: '2026-06-20', to: '2026-08-16' },
    ]);
  });

  it('splits the two-day planleggingsdag event into two days off, and keeps the Friday off', () => {
    expect(year.daysOff).toEqual([
      {
        kind: 'planleggingsdag',
        date: '2025-11-27',
        name: 'Planleggingsdager – elevene har fri',
      },
      {
        kind: 'planleggingsdag',
        date: '2025-11-28',
        name: 'Planleggingsdager – elevene har fri',
      },
      // Names a holiday, but falls on the Friday after it: a day off, not a holiday.
      { kind: 'elevfri', date: '2026-05-15', name: 'Fri dag etter Kristi himmelfartsdag' },
    ]);
  });

  it('warns about the event it does not understand and the year it cannot complete', () => {
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('Foreldremøte for nye elever på 1. trinn');
    expect(result.warnings[0]).toContain('fjordvik-2025-26.ics hendelse 2');
    expect(result.warnings[1]).toContain('2026-27');
    expect(result.warnings[1]).toContain('siste skoledag');
    // The public holidays in the file are left to the holiday table without a word.
    expect(result.warnings.join('\n')).not.toMatch(/nyttårsdag|«Kristi himmelfartsdag»/);
  });

  it('produces a file that validates and loads into a CalendarRegistry', () => {
    const json = JSON.parse(JSON.stringify(result.file));
    expect(parseCalendarFile(json, 'import')).toEqual(result.file);
    const registry = new CalendarRegistry().addFile(json, 'fjordvik.json');
    expect(registry.list().map((k) => k.id)).toEqual(['oslo', 'fjordvik']);
    const y = registry.schoolYear('Fjordvik', '2025/26');
    expect(y.status).toBe('imported');

    const school = [
      '2025-08-18', // first day
      '2025-09-10', // the day of the parents' meeting is an ordinary school day
      '2025-10-03', // Friday before høstferie (week 41 here, week 40 in Oslo)
      '2025-10-13',
      '2025-11-26',
      '2025-12-19',
      '2026-01-05',
      '2026-02-20',
      '2026-03-02',
      '2026-04-07',
      '2026-05-13',
      '2026-06-19', // last day
    ];
    const off = [
      '2025-08-15', // before skolestart
      '2025-10-06',
      '2025-10-10', // høstferie
      '2025-11-27',
      '2025-11-28', // planleggingsdager
      '2025-12-22',
      '2026-01-02', // juleferie
      '2026-01-01', // holiday inside juleferie
      '2026-02-23',
      '2026-02-27', // vinterferie
      '2026-04-02',
      '2026-04-06', // påskeferie
      '2026-05-14', // Kristi himmelfartsdag (from the holiday table)
      '2026-05-15', // fri dag etter
      '2026-05-25', // 2. pinsedag: not in the file, but a public holiday
      '2026-06-22', // after the last day
    ];
    for (const d of school) expect(y.isSchoolDay(d), d).toBe(true);
    for (const d of off) expect(y.isSchoolDay(d), d).toBe(false);
    expect(y.dayInfo('2026-05-14').reasons).toEqual([
      { kind: 'holiday', holiday: 'kristi-himmelfartsdag', name: 'Kristi himmelfartsdag' },
    ]);
    expect(y.anchor('etter-juleferie')).toBe('2026-01-05');
    expect(y.anchor('før-høstferie')).toBe('2025-10-03');
  });

  it('reads a file that starts with a byte-order mark', () => {
    const withBom = importSchoolCalendarIcs('\uFEFF' + FIXTURE, {
      kommune: KOMMUNE,
      source: 'fjordvik-2025-26.ics',
    });
    expect(withBom.file).toEqual(result.file);
  });
});

describe('importSchoolCalendarIcs: errors and warnings', () => {
  it('rejects text that is not iCalendar', () => {
    for (const garbage of ['Dette er ikke en kalender.\nHilsen skolen', '', '{"years": []}']) {
      const e = errorOf(() =>
        importSchoolCalendarIcs(garbage, { kommune: KOMMUNE, source: 'rute.ics' }),
      );
      expect(e.code).toBe('ics.parse');
      expect(e.message).toContain('iCalendar');
      expect(e.where).toBe('rute.ics');
    }
  });

  it('rejects a calendar that is cut off', () => {
    const cut = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Juleferie\r\n';
    expect(errorOf(() => importSchoolCalendarIcs(cut, { kommune: KOMMUNE })).code).toBe(
      'ics.parse',
    );
  });

  it('rejects a calendar without events', () => {
    const e = errorOf(() =>
      importSchoolCalendarIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', {
        kommune: KOMMUNE,
      }),
    );
    expect(e.code).toBe('ics.empty');
  });

  it('says what is missing when there is no first or last school day', () => {
    const text = ics(
      allDay('Høstferie', '2025-10-06', '2025-10-11'),
      allDay('Vinterferie', '2026-02-23', '2026-02-28'),
    );
    const e = errorOf(() => importSchoolCalendarIcs(text, { kommune: KOMMUNE }));
    expect(e.code).toBe('ics.no-year');
    expect(e.message).toContain('2025-26');
    expect(e.message).toContain('første skoledag og siste skoledag');
    expect(e.message).toContain('«Første skoledag»');

    const onlyFirst = ics(allDay('Skolestart', '2025-08-18', '2025-08-19'));
    const e2 = errorOf(() => importSchoolCalendarIcs(onlyFirst, { kommune: KOMMUNE }));
    expect(e2.code).toBe('ics.no-year');
    expect(e2.message).toContain('filen sier ikke siste skoledag');
    expect(e2.message).not.toContain('første skoledag og');
  });

  it('warns when an event named after a holiday is not on that holiday', () => {
    const text = ics(
      allDay('Første skoledag', '2025-08-18', '2025-08-19'),
      allDay('Siste skoledag', '2026-06-19', '2026-06-20'),
      allDay('17. mai-feiring', '2026-05-18', '2026-05-19'),
      allDay('Kristi himmelfartsdag', '2026-05-14', '2026-05-15'),
      allDay('2. pinsedag', '2026-05-25', '2026-05-26'),
    );
    const r = importSchoolCalendarIcs(text, { kommune: KOMMUNE });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('17. mai-feiring');
    expect(r.warnings[0]).toContain('2026-05-18 er ikke en helligdag');
    expect(r.file.years[0]!.daysOff).toEqual([]);
  });

  it('warns that only the first occurrence of a repeating event is used', () => {
    const text = ics(
      allDay('Første skoledag', '2025-08-18', '2025-08-19'),
      allDay('Siste skoledag', '2026-06-19', '2026-06-20'),
      [...allDay('Elevfri', '2025-11-07', '2025-11-08'), 'RRULE:FREQ=MONTHLY;COUNT=3'],
    );
    const r = importSchoolCalendarIcs(text, { kommune: KOMMUNE });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('RRULE');
    expect(r.file.years[0]!.daysOff).toEqual([
      { kind: 'elevfri', date: '2025-11-07', name: 'Elevfri' },
    ]);
  });

  it('imports several school years from one file', () => {
    const text = ics(
      allDay('Første skoledag', '2025-08-18', '2025-08-19'),
      allDay('Siste skoledag', '2026-06-19', '2026-06-20'),
      allDay('Første skoledag', '2026-08-17', '2026-08-18'),
      allDay('Siste skoledag', '2027-06-18', '2027-06-19'),
    );
    const r = importSchoolCalendarIcs(text, { kommune: KOMMUNE });
    expect(r.warnings).toEqual([]);
    expect(r.file.years.map((y) => [y.year, y.firstSchoolDay, y.lastSchoolDay])).toEqual([
      ['2025-26', '2025-08-18', '2026-06-19'],
      ['2026-27', '2026-08-17', '2027-06-18'],
    ]);
  });
});
