import { describe, it, expect } from 'vitest';
import { CalendarRegistry, isoWeekday, type SchoolYear } from '@arshjul/school-calendar';
import { cli, hasStackTrace, ISO_DATE } from '../test-fixtures/fake-io.js';

const oslo2025 = (): SchoolYear => new CalendarRegistry().schoolYear('oslo', '2025-26');

/** The fields the contract promises for `cadence --json`. */
interface CadenceJson {
  text: string;
  understood: boolean;
  kind: string | null;
  rrule: string | null;
  approximate: boolean;
  description: string | null;
  occurrences: string[];
  reason?: string;
  suggestion?: string;
  status?: string;
  year?: string;
  kommune?: string;
  details?: { date: string; moved?: { from: string; reason: string }; nonSchoolDay?: string }[];
  skipped?: { date: string; reason: string }[];
}

async function cadence(args: string[], today?: string) {
  const r = await cli(['cadence', ...args, '--json'], today ? { today } : {});
  return { ...r, body: r.json<CadenceJson>() };
}

/** Every 28 days from the first Monday, as rrule would give them. */
const NOMINAL_EVERY_FOURTH_WEEK = [
  '2025-08-18',
  '2025-09-15',
  '2025-10-13',
  '2025-11-10',
  '2025-12-08',
  '2026-01-05',
  '2026-02-02',
  '2026-03-02',
  '2026-03-30',
  '2026-04-27',
  '2026-05-25',
  '2026-06-22',
];

describe('cadence --json: the contract for a phrase that is understood', () => {
  it('"Hver fjerde uke" gives every field with the right types and values', async () => {
    const { code, body, err } = await cadence(['Hver fjerde uke', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(body).toMatchObject({
      text: 'Hver fjerde uke',
      understood: true,
      kind: 'interval',
      approximate: false,
      description: 'Hver 4. uke',
      year: '2025-26',
      kommune: 'oslo',
    });
    expect(body.rrule).toBe('FREQ=WEEKLY;INTERVAL=4;BYDAY=MO;WKST=MO');
    expect(body).not.toHaveProperty('reason');
    expect(Array.isArray(body.occurrences)).toBe(true);
    for (const d of body.occurrences) expect(d).toMatch(ISO_DATE);
  });

  it('gives school days of the chosen school year, in order, one per four weeks', async () => {
    const { body } = await cadence(['Hver fjerde uke', '--year', '2025-26']);
    const year = oslo2025();
    expect(body.occurrences).toHaveLength(NOMINAL_EVERY_FOURTH_WEEK.length);
    expect([...body.occurrences].sort()).toEqual(body.occurrences);
    for (const d of body.occurrences) {
      expect(year.contains(d), d).toBe(true);
      expect(year.isSchoolDay(d), `${d} is a school day`).toBe(true);
    }
    // Dates that are school days are the nominal ones; the others were moved.
    const kept = NOMINAL_EVERY_FOURTH_WEEK.filter((d) => year.isSchoolDay(d));
    for (const d of kept) expect(body.occurrences).toContain(d);
    expect(body.occurrences[0]).toBe(year.firstSchoolDay);
  });

  it('keeps the text exactly as given (case and spaces)', async () => {
    const text = '  hver FJERDE uke ';
    const { code, body } = await cadence([text, '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.text).toBe(text);
    expect(body.understood).toBe(true);
    expect(body.rrule).toBe('FREQ=WEEKLY;INTERVAL=4;BYDAY=MO;WKST=MO');
  });

  it('marks an approximate phrase ("Ca. hver 3. uke")', async () => {
    const { code, body } = await cadence(['Ca. hver 3. uke', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.approximate).toBe(true);
    expect(body.kind).toBe('interval');
    expect(body.rrule).toMatch(/^FREQ=WEEKLY;INTERVAL=3;/);
    expect(body.description).toBe('Ca. hver 3. uke');
  });

  it('places "En gang i forkant av sommerferien" in the school weeks before sommerferien', async () => {
    const { code, body } = await cadence([
      'En gang i forkant av sommerferien',
      '--year',
      '2025-26',
    ]);
    const year = oslo2025();
    const window = year.window({ kind: 'before', break: 'sommerferie' })!;
    expect(code).toBe(0);
    expect(body.kind).toBe('count');
    expect(body.rrule).toBeNull();
    expect(body.occurrences).toHaveLength(1);
    const [d] = body.occurrences as [string];
    expect(d >= window.from && d <= window.to, `${d} in ${window.from}–${window.to}`).toBe(true);
    expect(d < year.breakOf('sommerferie')!.from).toBe(true);
  });

  it('has RRULE null and a fixed date for an anchor ("Første skoledag")', async () => {
    const { body } = await cadence(['Første skoledag', '--year', '2025-26']);
    expect(body.kind).toBe('anchor');
    expect(body.rrule).toBeNull();
    expect(body.occurrences).toEqual([oslo2025().firstSchoolDay]);
  });

  it.each([
    ['Ved behov', 'on-demand'],
    ['Gjennom hele året', 'continuous'],
    ['Jevnlig', 'qualitative'],
    ['Avtales på den enkelte skole', 'school-choice'],
  ])('"%s" is understood as %s, with no dates and no RRULE', async (text, kind) => {
    const { code, body } = await cadence([text, '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.understood).toBe(true);
    expect(body.kind).toBe(kind);
    expect(body.rrule).toBeNull();
    expect(body.occurrences).toEqual([]);
    expect(typeof body.approximate).toBe('boolean');
    expect(typeof body.description).toBe('string');
  });

  it('accepts the school year written as 2025/26 and reports it as 2025-26', async () => {
    const { code, body } = await cadence(['Hver uke', '--year', '2025/26']);
    expect(code).toBe(0);
    expect(body.year).toBe('2025-26');
  });

  it("takes the school year from today's date when --year is left out", async () => {
    const autumn = await cadence(['Første skoledag'], '2025-11-01');
    expect(autumn.body.year).toBe('2025-26');
    expect(autumn.body.occurrences).toEqual(['2025-08-18']);
    const nextYear = await cadence(['Første skoledag'], '2026-08-01');
    expect(nextYear.body.year).toBe('2026-27');
    expect(nextYear.body.occurrences).toEqual([
      new CalendarRegistry().schoolYear('oslo', '2026-27').firstSchoolDay,
    ]);
  });
});

describe('cadence --json: a phrase that is not understood', () => {
  it('"hver 0. uke" gives understood false, a reason, no dates, and exit 1', async () => {
    const { code, body, err } = await cadence(['hver 0. uke', '--year', '2025-26']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(body).toMatchObject({
      text: 'hver 0. uke',
      understood: false,
      rrule: null,
      approximate: false,
      occurrences: [],
    });
    expect(body).toHaveProperty('kind');
    expect(body).toHaveProperty('description');
    expect(typeof body.reason).toBe('string');
    expect(body.reason).toContain('hver 0. uke');
    expect(body.reason).toMatch(/minst 1/);
  });

  it('suggests the nearest known phrase for a typo', async () => {
    const { code, body } = await cadence(['Hver fjede uke', '--year', '2025-26']);
    expect(code).toBe(1);
    expect(body.understood).toBe(false);
    expect(body.reason).toContain('Hver fjede uke');
    expect(body.suggestion).toBe('Hver fjerde uke');
  });

  it('prints the reason on stderr and nothing on stdout without --json', async () => {
    const r = await cli(['cadence', 'Hver fjede uke', '--year', '2025-26']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('Forstår ikke «Hver fjede uke»');
    expect(r.err).toContain('Mente du «Hver fjerde uke»?');
    expect(hasStackTrace(r.err)).toBe(false);
  });
});

describe('cadence --lang', () => {
  it.each([
    ['nb', 'Hver 4. uke'],
    ['nn', 'Kvar 4. veke'],
    ['en', 'Every 4 weeks'],
  ])('--lang %s renders the description as «%s» with the same dates', async (lang, description) => {
    const { code, body } = await cadence(['Hver fjerde uke', '--year', '2025-26', '--lang', lang]);
    const nb = await cadence(['Hver fjerde uke', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.description).toBe(description);
    expect(body.text).toBe('Hver fjerde uke');
    expect(body.occurrences).toEqual(nb.body.occurrences);
  });

  it.each([
    ['nn', 'Ved behov'],
    ['en', 'As needed'],
  ])('--lang %s renders "Ved behov"', async (lang, expected) => {
    const { body } = await cadence(['Ved behov', '--year', '2025-26', '--lang', lang]);
    expect(body.description?.toLowerCase()).toBe(expected.toLowerCase());
  });

  it.each([
    ['nb', /intervallet må være minst 1/],
    ['nn', /intervallet må vere minst 1/],
    ['en', /the interval must be at least 1/],
  ])('--lang %s gives the reason in that language', async (lang, reason) => {
    const { code, body } = await cadence(['hver 0. uke', '--year', '2025-26', '--lang', lang]);
    expect(code).toBe(1);
    expect(body.reason).toMatch(reason);
  });

  it('writes dates in English in the text output with --lang en', async () => {
    const r = await cli(['cadence', 'Hver fjerde uke', '--year', '2025-26', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Every 4 weeks');
    expect(r.out).toContain('Monday 18 August 2025');
  });
});

describe('cadence --policy', () => {
  // 2026-03-30 is the Monday of påskeferie in Oslo 2025-26.
  it('the default moves 2026-03-30 (påskeferie) to the next school day, 2026-04-07', async () => {
    const year = oslo2025();
    expect(year.dayInfo('2026-03-30').reasons).toContainEqual(
      expect.objectContaining({ kind: 'break', break: 'påskeferie' }),
    );
    const { code, body } = await cadence(['Hver fjerde uke', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.occurrences).not.toContain('2026-03-30');
    expect(body.occurrences).toContain('2026-04-07');
    const moved = body.details!.find((d) => d.date === '2026-04-07');
    expect(moved?.moved?.from).toBe('2026-03-30');
    expect(moved?.moved?.reason).toContain('påskeferie');
    expect(body.skipped).toEqual([]);
  });

  it('--policy skip drops 2026-03-30 and says why', async () => {
    const { code, body } = await cadence([
      'Hver fjerde uke',
      '--year',
      '2025-26',
      '--policy',
      'skip',
    ]);
    expect(code).toBe(0);
    expect(body.occurrences).not.toContain('2026-03-30');
    expect(body.occurrences).not.toContain('2026-04-07');
    expect(body.skipped).toContainEqual({ date: '2026-03-30', reason: 'påskeferie' });
    // What is left are exactly the nominal dates that are school days.
    const year = oslo2025();
    expect(body.occurrences).toEqual(NOMINAL_EVERY_FOURTH_WEEK.filter((d) => year.isSchoolDay(d)));
  });

  it('--policy keep keeps 2026-03-30 and flags it', async () => {
    const { body } = await cadence(['Hver fjerde uke', '--year', '2025-26', '--policy', 'keep']);
    expect(body.occurrences).toEqual(NOMINAL_EVERY_FOURTH_WEEK);
    expect(body.details!.find((d) => d.date === '2026-03-30')?.nonSchoolDay).toBe('påskeferie');
  });

  it('--policy previous-school-day moves 2026-03-30 back to the last school day before påske', async () => {
    const { body } = await cadence([
      'Hver fjerde uke',
      '--year',
      '2025-26',
      '--policy',
      'previous-school-day',
    ]);
    const before = oslo2025().anchor('før-påskeferie');
    expect(before).toBe('2026-03-27');
    expect(body.occurrences).toContain(before);
    expect(body.occurrences).not.toContain('2026-03-30');
  });

  it('the text output lists moved and dropped dates', async () => {
    const moved = await cli(['cadence', 'Hver fjerde uke', '--year', '2025-26']);
    expect(moved.out).toContain('tirsdag 7. april 2026  (flyttet fra 30. mars: påskeferie)');
    const skipped = await cli([
      'cadence',
      'Hver fjerde uke',
      '--year',
      '2025-26',
      '--policy',
      'skip',
    ]);
    expect(skipped.out).toContain('Faller bort:');
    expect(skipped.out).toContain('mandag 30. mars 2026  (påskeferie)');
  });
});

describe('cadence --event and --start', () => {
  it('"Ved budsjettlegging i bydelen" waits for a date without --event', async () => {
    const { code, body } = await cadence(['Ved budsjettlegging i bydelen', '--year', '2025-26']);
    expect(code).toBe(0);
    expect(body.kind).toBe('event');
    expect(body.status).toBe('waiting-for-event');
    expect(body.occurrences).toEqual([]);
  });

  it('--event "budsjettlegging i bydelen=2025-10-20" gives that date', async () => {
    const { code, body } = await cadence([
      'Ved budsjettlegging i bydelen',
      '--year',
      '2025-26',
      '--event',
      'budsjettlegging i bydelen=2025-10-20',
    ]);
    expect(code).toBe(0);
    expect(body.understood).toBe(true);
    expect(body.kind).toBe('event');
    expect(body.status).toBe('scheduled');
    expect(body.rrule).toBeNull();
    expect(body.occurrences).toEqual(['2025-10-20']);
  });

  it('matches the event name without regard to case', async () => {
    const { body } = await cadence([
      'Ved budsjettlegging i bydelen',
      '--year',
      '2025-26',
      '--event',
      'Budsjettlegging i Bydelen=2025-10-20',
    ]);
    expect(body.occurrences).toEqual(['2025-10-20']);
  });

  it('takes several dates for one event from repeated --event', async () => {
    const { body } = await cadence([
      'Ved budsjettlegging i bydelen',
      '--year',
      '2025-26',
      '--event',
      'budsjettlegging i bydelen=2026-03-16',
      '--event',
      'budsjettlegging i bydelen=2025-10-20',
    ]);
    expect(body.occurrences).toEqual(['2025-10-20', '2026-03-16']);
  });

  it('--start sets the phase of an interval', async () => {
    const plain = await cadence(['Hver 2. uke', '--year', '2025-26']);
    const shifted = await cadence(['Hver 2. uke', '--year', '2025-26', '--start', '2025-08-25']);
    expect(plain.body.occurrences[0]).toBe('2025-08-18');
    expect(shifted.body.occurrences[0]).toBe('2025-08-25');
    expect(isoWeekday(shifted.body.occurrences[0]!)).toBe(1);
    expect(shifted.body.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=MO');
  });
});
