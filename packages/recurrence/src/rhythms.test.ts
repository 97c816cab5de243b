/**
 * Common Norwegian rhythms beyond the Grorud source: an ordinal weekday of the month («Første
 * mandag i måneden»), every other weekday («Annenhver tirsdag»), intervals given as alternatives
 * («Hver 2. eller 3. uke») and several weekdays («Hver mandag og torsdag»). Dates in Oslo 2025-26
 * are checked against a computation written out here, not against the package's own generators.
 */
import { describe, expect, it } from 'vitest';
import { addDays, CalendarRegistry, type SchoolYear } from '@arshjul/school-calendar';
import {
  cadenceFieldSchema,
  cadenceSchema,
  expandCadence,
  parseCadence,
  renderCadence,
  renderRule,
  ruleSchema,
  suggestPhrase,
  validateRRule,
  type Rule,
} from './index.js';

const year = new CalendarRegistry().schoolYear('oslo', '2025-26');

function rule(text: string): Rule {
  const r = parseCadence(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.cadence.rule;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** ISO weekday (1 = Monday) of a date, from the JavaScript calendar. */
const weekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The nth (1…5, or -1 for the last) given weekday of a month, if the month has one. */
function nthWeekday(y: number, m: number, wd: number, nth: number): string | undefined {
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const all: string[] = [];
  for (let d = 1; d <= days; d++) if (weekday(iso(y, m, d)) === wd) all.push(iso(y, m, d));
  return nth > 0 ? all[nth - 1] : all[all.length + nth];
}

/** The months of the school year 2025-26, August to June. */
const MONTHS: [number, number][] = [
  [2025, 8],
  [2025, 9],
  [2025, 10],
  [2025, 11],
  [2025, 12],
  [2026, 1],
  [2026, 2],
  [2026, 3],
  [2026, 4],
  [2026, 5],
  [2026, 6],
];

/**
 * The holiday policy as the README states it, written out: a date that is not a school day moves
 * to the next school day if that comes before the next meeting, otherwise it is dropped.
 */
function nextSchoolDayPolicy(nominal: string[], y: SchoolYear): string[] {
  const inYear = nominal.filter((d) => d >= y.firstSchoolDay && d <= y.lastSchoolDay).sort();
  const out: string[] = [];
  inYear.forEach((d, i) => {
    if (y.isSchoolDay(d)) {
      if (!out.includes(d)) out.push(d);
      return;
    }
    let t = addDays(d, 1);
    while (!y.isSchoolDay(t) && t <= y.lastSchoolDay) t = addDays(t, 1);
    const next = inYear[i + 1];
    if (t <= y.lastSchoolDay && (next === undefined || t < next) && !out.includes(t)) out.push(t);
  });
  return out.sort();
}

function nthOfMonthDates(wd: number, nth: number): string[] {
  return nextSchoolDayPolicy(
    MONTHS.map(([y, m]) => nthWeekday(y, m, wd, nth)).filter((d): d is string => !!d),
    year,
  );
}

/** Every `every` weeks on the given weekdays, from the week of the first school day. */
function weeklyDates(every: number, weekdays: number[]): string[] {
  const monday = addDays(year.firstSchoolDay, 1 - weekday(year.firstSchoolDay));
  const out: string[] = [];
  for (let mon = monday; mon <= year.lastSchoolDay; mon = addDays(mon, 7 * every))
    for (const wd of weekdays) out.push(addDays(mon, wd - 1));
  return nextSchoolDayPolicy(out, year);
}

function dates(text: string): string[] {
  return expandCadence(rule(text), year).occurrences.map((o) => o.date);
}

describe('the school year the counts below follow from', () => {
  it('runs from Monday 18 August 2025 to Monday 22 June 2026', () => {
    expect(year.firstSchoolDay).toBe('2025-08-18');
    expect(year.lastSchoolDay).toBe('2026-06-22');
  });

  it('has the helpers of this test agree with a few dates known by heart', () => {
    expect(nthWeekday(2025, 9, 1, 1)).toBe('2025-09-01');
    expect(nthWeekday(2025, 10, 5, -1)).toBe('2025-10-31');
    expect(nthWeekday(2026, 4, 1, 1)).toBe('2026-04-06'); // 2. påskedag
    expect(nthWeekday(2026, 2, 1, 5)).toBeUndefined();
  });
});

describe('an ordinal weekday of the month', () => {
  // phrase, RRULE, ISO weekday, nth, dates in Oslo 2025-26
  const TABLE: [string, string, number, number, number][] = [
    ['Første mandag i måneden', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['1. mandag i måneden', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['Den første mandagen i hver måned', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['Hver første mandag i måneden', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['første mandag hver måned', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['Første måndag i månaden', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['Den fyrste måndagen i kvar månad', 'FREQ=MONTHLY;BYDAY=+1MO', 1, 1, 10],
    ['Andre tirsdag i måneden', 'FREQ=MONTHLY;BYDAY=+2TU', 2, 2, 10],
    ['2. tysdag i månaden', 'FREQ=MONTHLY;BYDAY=+2TU', 2, 2, 10],
    ['Tredje onsdag hver måned', 'FREQ=MONTHLY;BYDAY=+3WE', 3, 3, 11],
    ['Hver tredje onsdag i måneden', 'FREQ=MONTHLY;BYDAY=+3WE', 3, 3, 11],
    // 25 December moves to the first school day in January; 25 June is after the last school day
    ['Fjerde torsdag i måneden', 'FREQ=MONTHLY;BYDAY=+4TH', 4, 4, 10],
    ['Første torsdag i hver måned', 'FREQ=MONTHLY;BYDAY=+1TH', 4, 1, 10],
    ['Siste fredag i måneden', 'FREQ=MONTHLY;BYDAY=-1FR', 5, -1, 10],
    ['Siste fredag kvar månad', 'FREQ=MONTHLY;BYDAY=-1FR', 5, -1, 10],
    ['Den siste fredagen i måneden', 'FREQ=MONTHLY;BYDAY=-1FR', 5, -1, 10],
  ];

  it.each(TABLE)('«%s» → %s (weekday %i, nth %i): %i dates', (text, rrule, wd, nth, count) => {
    const r = parseCadence(text);
    if (!r.ok) throw new Error(r.reason);
    expect(r.cadence.rule).toEqual({ kind: 'rrule', rrule });
    expect(r.warnings).toEqual([]);
    expect(cadenceSchema.safeParse(r.cadence).success).toBe(true);
    const e = expandCadence(r.cadence, year);
    expect(e.kind).toBe('rrule');
    expect(e.status).toBe('scheduled');
    expect(e.rrule).toBe(rrule);
    expect(e.occurrences.map((o) => o.date)).toEqual(nthOfMonthDates(wd, nth));
    expect(e.occurrences).toHaveLength(count);
    for (const o of e.occurrences) expect(o.placement).toBe('exact');
  });

  it('gives the first Mondays of the school months, 2. påskedag moved to the Tuesday', () => {
    const e = expandCadence(rule('Første mandag i måneden'), year);
    expect(e.occurrences.map((o) => o.date)).toEqual([
      '2025-09-01', // 4 August is before school starts
      '2025-10-06',
      '2025-11-03',
      '2025-12-01',
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-07',
      '2026-05-04',
      '2026-06-01',
    ]);
    const moved = e.occurrences.find((o) => o.moved)!;
    expect(moved.moved).toEqual({ from: '2026-04-06', reason: expect.stringMatching(/påske/) });
    expect(e.notes.join(' ')).toMatch(/flyttet/);
    expect(e.dtstart).toBe(year.firstSchoolDay);
  });

  it('follows the stated policy: a first Thursday in høstferie moves, or is skipped on request', () => {
    const c = rule('Første torsdag i måneden');
    const byDefault = expandCadence(c, year);
    expect(byDefault.occurrences.find((o) => o.moved?.from === '2025-10-02')?.date).toBe(
      '2025-10-06',
    );
    const skip = expandCadence(c, year, { policy: 'skip' });
    expect(skip.skipped.find((s) => s.date === '2025-10-02')?.reason).toMatch(/høstferie/);
    expect(skip.occurrences.map((o) => o.date)).not.toContain('2025-10-06');
  });

  it('reads «nest siste», several weekdays and every second month', () => {
    expect(rule('Nest siste fredag i måneden')).toEqual({
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;BYDAY=-2FR',
    });
    expect(rule('Første mandag og torsdag i måneden')).toEqual({
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;BYDAY=+1MO,+1TH',
    });
    const bimonthly = rule('Første mandag annenhver måned');
    expect(bimonthly).toEqual({ kind: 'rrule', rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=+1MO' });
    // From the first school day: August has no first Monday in school, so October, December …
    expect(dates('Første mandag annenhver måned')).toEqual([
      '2025-10-06',
      '2025-12-01',
      '2026-02-02',
      '2026-04-07',
      '2026-06-01',
    ]);
  });

  it('says why a fifth-plus weekday or a zero cannot be, and keeps the time it cannot hold', () => {
    for (const text of ['Sjette mandag i måneden', '0. mandag i måneden', '7. fredag i måneden']) {
      const r = parseCadence(text);
      expect(!r.ok && r.code).toBe('bad-ordinal');
      expect(!r.ok && r.reason).toMatch(/høyst|bare fire eller fem/);
    }
    const en = parseCadence('Sjette mandag i måneden', { lang: 'en' });
    expect(!en.ok && en.reason).toMatch(/first to fifth or last/);
    const zero = parseCadence('Første mandag hver 0. måned');
    expect(!zero.ok && zero.code).toBe('zero-interval');
    const timed = parseCadence('Første mandag i måneden kl. 18');
    expect(timed.ok && timed.warnings[0]).toMatch(/18:00 brukes ikke/);
  });

  it('no longer reads an ordinal as description of a monthly count', () => {
    // Before, «Tredje onsdag hver måned» became «En gang i måneden, onsdag», spread over the month.
    expect(rule('Tredje onsdag hver måned').kind).toBe('rrule');
    expect(rule('En gang i måneden')).toEqual({ kind: 'count', min: 1, max: 1, per: 'month' });
  });

  it('renders in nb, nn and en', () => {
    const cases: [string, string, string, string][] = [
      [
        'FREQ=MONTHLY;BYDAY=+1MO',
        'Første mandag i måneden',
        'Første måndag i månaden',
        'First Monday of the month',
      ],
      [
        'FREQ=MONTHLY;BYDAY=+2TU',
        'Andre tirsdag i måneden',
        'Andre tysdag i månaden',
        'Second Tuesday of the month',
      ],
      [
        'FREQ=MONTHLY;BYDAY=+3WE',
        'Tredje onsdag i måneden',
        'Tredje onsdag i månaden',
        'Third Wednesday of the month',
      ],
      [
        'FREQ=MONTHLY;BYDAY=-1FR',
        'Siste fredag i måneden',
        'Siste fredag i månaden',
        'Last Friday of the month',
      ],
      [
        'FREQ=MONTHLY;BYDAY=-2FR',
        'Nest siste fredag i måneden',
        'Nest siste fredag i månaden',
        'Second to last Friday of the month',
      ],
      [
        'FREQ=MONTHLY;INTERVAL=2;BYDAY=+1MO,+1TH',
        'Første mandag og torsdag hver 2. måned',
        'Første måndag og torsdag kvar 2. månad',
        'First Monday and Thursday of every 2nd month',
      ],
    ];
    for (const [rrule, nb, nn, en] of cases) {
      const r: Rule = { kind: 'rrule', rrule };
      expect(renderRule(r, 'nb')).toBe(nb);
      expect(renderRule(r, 'nn')).toBe(nn);
      expect(renderRule(r, 'en')).toBe(en);
    }
    expect(renderCadence({ rule: rule('Siste fredag i måneden'), action: 'revision' }, 'nb')).toBe(
      'Revideres siste fredag i måneden',
    );
  });

  it('keeps RRULEs that are not one ordinal weekday as RRULEs', () => {
    for (const rrule of [
      'FREQ=MONTHLY;BYDAY=+1MO;WKST=MO',
      'FREQ=MONTHLY;BYDAY=+1MO,-1FR',
      'FREQ=MONTHLY;BYDAY=+1TH,+1MO',
      'FREQ=MONTHLY;BYDAY=MO',
      'FREQ=MONTHLY;BYDAY=+1MO;COUNT=3',
      'FREQ=MONTHLY;BYDAY=-3FR',
      'FREQ=YEARLY;BYDAY=+1MO',
    ])
      expect(renderRule({ kind: 'rrule', rrule: validateRRule(rrule) })).toMatch(/^RRULE:/);
  });

  it('reads a written RRULE of this kind like the words', () => {
    expect(rule('RRULE:FREQ=MONTHLY;BYDAY=1MO')).toEqual(rule('Første mandag i måneden'));
    expect(rule('FREQ=MONTHLY;BYDAY=-1FR')).toEqual(rule('Siste fredag i måneden'));
    expect(renderRule(rule('RRULE:FREQ=MONTHLY;BYDAY=2TU'))).toBe('Andre tirsdag i måneden');
  });

  it('is accepted where a model file gives the rule itself', () => {
    const r = cadenceFieldSchema.safeParse({
      text: 'Første mandag i måneden',
      rule: { kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=1MO' },
    });
    expect(r.success).toBe(true);
    const phrase = cadenceFieldSchema.parse('Siste fredag i måneden');
    expect(phrase.rule).toEqual({ kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
  });
});

describe('validateRRule and ordinal weekdays', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=1MO', 'FREQ=MONTHLY;BYDAY=+1MO'],
    ['FREQ=MONTHLY;BYDAY=+1MO', 'FREQ=MONTHLY;BYDAY=+1MO'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['RRULE:freq=monthly;byday=5we', 'FREQ=MONTHLY;BYDAY=+5WE'],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,1TH', 'FREQ=MONTHLY;INTERVAL=2;BYDAY=+1MO,+1TH'],
    ['FREQ=YEARLY;BYDAY=20MO', 'FREQ=YEARLY;BYDAY=+20MO'],
  ])('accepts %s', (text, normalised) => {
    expect(validateRRule(text)).toBe(normalised);
  });

  it.each([
    ['FREQ=WEEKLY;BYDAY=1MO', /bare mening med FREQ=MONTHLY eller YEARLY/],
    ['FREQ=DAILY;BYDAY=-1FR', /bare mening med FREQ=MONTHLY eller YEARLY/],
    ['FREQ=MONTHLY;BYDAY=6MO', /høyst fem/],
    ['FREQ=MONTHLY;BYDAY=-6FR', /høyst fem/],
  ])('rejects %s', (text, why) => {
    expect(() => validateRRule(text)).toThrow(why);
  });
});

describe('every other weekday', () => {
  // phrase, rule, RRULE, dates in Oslo 2025-26
  const TABLE: [string, Rule, string, number][] = [
    [
      'Annenhver tirsdag',
      { kind: 'interval', every: 2, unit: 'week', weekdays: [2] },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO',
      22,
    ],
    [
      'Annankvar tysdag',
      { kind: 'interval', every: 2, unit: 'week', weekdays: [2] },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO',
      22,
    ],
    [
      'Hver andre tirsdag',
      { kind: 'interval', every: 2, unit: 'week', weekdays: [2] },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO',
      22,
    ],
    [
      'Annenhver uke',
      { kind: 'interval', every: 2, unit: 'week' },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=MO',
      22,
    ],
    [
      'Kvar andre veke',
      { kind: 'interval', every: 2, unit: 'week' },
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=MO',
      22,
    ],
    [
      'Hver tredje torsdag',
      { kind: 'interval', every: 3, unit: 'week', weekdays: [4] },
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=TH;WKST=MO',
      15,
    ],
  ];

  it.each(TABLE)('«%s»', (text, expected, rrule, count) => {
    const r = parseCadence(text);
    if (!r.ok) throw new Error(r.reason);
    expect(r.cadence.rule).toEqual(expected);
    expect(r.warnings).toEqual([]);
    const e = expandCadence(r.cadence, year);
    expect(e.rrule).toBe(rrule);
    const every = (expected as { every: number }).every;
    const wd = (expected as { weekdays?: number[] }).weekdays ?? [1];
    expect(e.occurrences.map((o) => o.date)).toEqual(weeklyDates(every, wd));
    expect(e.occurrences).toHaveLength(count);
  });

  it('starts «Annenhver tirsdag» on the first Tuesday of school, then every 14 days', () => {
    expect(dates('Annenhver tirsdag').slice(0, 4)).toEqual([
      '2025-08-19',
      '2025-09-02',
      '2025-09-16',
      '2025-10-06', // 30 September is in høstferie: moved to the Monday after
    ]);
  });

  it('keeps a time of day and an approximation', () => {
    expect(rule('ca. annenhver tirsdag kl. 18-20')).toEqual({
      kind: 'interval',
      every: 2,
      unit: 'week',
      weekdays: [2],
      time: { start: '18:00', end: '20:00' },
      approximate: true,
    });
  });

  it('renders in nb, nn and en', () => {
    const cases: [Rule, string, string, string][] = [
      [
        { kind: 'interval', every: 2, unit: 'week', weekdays: [2] },
        'Annenhver tirsdag',
        'Annankvar tysdag',
        'Every other Tuesday',
      ],
      [
        { kind: 'interval', every: 3, unit: 'week', weekdays: [4] },
        'Hver 3. torsdag',
        'Kvar 3. torsdag',
        'Every 3rd Thursday',
      ],
      [
        {
          kind: 'interval',
          every: 2,
          unit: 'week',
          weekdays: [1],
          time: { start: '14:00' },
          approximate: true,
        },
        'Ca. annenhver mandag, kl. 14:00',
        'Om lag annankvar måndag, kl. 14:00',
        'About every other Monday, at 14:00',
      ],
    ];
    for (const [r, nb, nn, en] of cases) {
      expect(renderRule(r, 'nb')).toBe(nb);
      expect(renderRule(r, 'nn')).toBe(nn);
      expect(renderRule(r, 'en')).toBe(en);
    }
  });
});

describe('intervals given as alternatives', () => {
  const both: Rule = {
    kind: 'alternatives',
    options: [
      { kind: 'interval', every: 2, unit: 'week' },
      { kind: 'interval', every: 3, unit: 'week' },
    ],
  };

  it.each([
    ['Hver 2. eller 3. uke'],
    ['Én dag hver 2. eller 3. uke'],
    ['en gang hver 2. eller 3. uke'],
    ['Hver andre eller tredje uke'],
    ['Hver 2.–3. uke'],
    ['hver 2./3. uke'],
    ['Kvar andre eller tredje veke'],
    ['Ein dag kvar 2. eller 3. veke'],
  ])('«%s» is every 2 or every 3 weeks', (text) => {
    const r = parseCadence(text);
    if (!r.ok) throw new Error(r.reason);
    expect(r.cadence.rule).toEqual(both);
    expect(r.warnings).toEqual([]);
  });

  it('lays out the first and lists both', () => {
    const e = expandCadence(rule('Hver 2. eller 3. uke'), year);
    expect(e.kind).toBe('alternatives');
    expect(e.options!.map((o) => o.rrule)).toEqual([
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;WKST=MO',
      'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;WKST=MO',
    ]);
    expect(e.occurrences.map((o) => o.date)).toEqual(weeklyDates(2, [1]));
    expect(e.occurrences).toHaveLength(22);
    expect(e.options![1]!.occurrences.map((o) => o.date)).toEqual(weeklyDates(3, [1]));
    expect(e.options![1]!.occurrences).toHaveLength(15);
    expect(e.notes.join(' ')).toMatch(/alternativer/);
  });

  it('reads «en dag / en gang hver N. uke» alone as that interval', () => {
    expect(rule('Én dag hver 2. uke')).toEqual({ kind: 'interval', every: 2, unit: 'week' });
    expect(rule('en gang hver tredje uke')).toEqual({ kind: 'interval', every: 3, unit: 'week' });
  });

  it('renders in nb, nn and en', () => {
    expect(renderRule(both, 'nb')).toBe('Hver 2. uke / hver 3. uke');
    expect(renderRule(both, 'nn')).toBe('Kvar 2. veke / kvar 3. veke');
    expect(renderRule(both, 'en')).toBe('Every 2 weeks / every 3 weeks');
  });
});

describe('several weekdays', () => {
  it.each([
    ['Hver mandag og torsdag', [1, 4], 'FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO', 78],
    ['Tirsdager og torsdager', [2, 4], 'FREQ=WEEKLY;BYDAY=TU,TH;WKST=MO', 81],
    ['Kvar måndag og torsdag', [1, 4], 'FREQ=WEEKLY;BYDAY=MO,TH;WKST=MO', 78],
  ] as const)('«%s»', (text, weekdays, rrule, count) => {
    expect(rule(text)).toEqual({ kind: 'interval', every: 1, unit: 'week', weekdays });
    const e = expandCadence(rule(text), year);
    expect(e.rrule).toBe(rrule);
    expect(e.occurrences.map((o) => o.date)).toEqual(weeklyDates(1, [...weekdays]));
    expect(e.occurrences).toHaveLength(count);
  });

  it('renders in nb, nn and en', () => {
    const r: Rule = { kind: 'interval', every: 1, unit: 'week', weekdays: [1, 4] };
    expect(renderRule(r, 'nb')).toBe('Hver mandag og torsdag');
    expect(renderRule(r, 'nn')).toBe('Kvar måndag og torsdag');
    expect(renderRule(r, 'en')).toBe('Every Monday and Thursday');
    // A run of weekdays keeps its form.
    const run: Rule = { kind: 'interval', every: 1, unit: 'week', weekdays: [1, 2, 3, 4] };
    expect(renderRule(run, 'nb')).toBe('Hver uke, mandag–torsdag');
  });
});

describe('round trip', () => {
  const rules: Rule[] = [
    ...[1, 2, 3, 4, 5, -1, -2].flatMap((nth) =>
      [1, 3, 5, 7].map(
        (wd) =>
          ({
            kind: 'rrule',
            rrule: validateRRule(
              `FREQ=MONTHLY;BYDAY=${nth}${['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][wd - 1]}`,
            ),
          }) as Rule,
      ),
    ),
    { kind: 'rrule', rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=+1MO' },
    { kind: 'rrule', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR' },
    { kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=+2TU,+2TH' },
    ...[2, 3, 6].flatMap((every) =>
      [1, 2, 5].map((wd) => ({ kind: 'interval', every, unit: 'week', weekdays: [wd] }) as Rule),
    ),
    { kind: 'interval', every: 2, unit: 'week', weekdays: [3], time: { start: '18:00' } },
    { kind: 'interval', every: 1, unit: 'week', weekdays: [1, 4] },
    { kind: 'interval', every: 1, unit: 'week', weekdays: [1, 3, 5] },
    { kind: 'interval', every: 1, unit: 'week', weekdays: [2, 4], approximate: true },
    { kind: 'interval', every: 2, unit: 'week', weekdays: [2, 4] },
    {
      kind: 'alternatives',
      options: [
        { kind: 'interval', every: 2, unit: 'week' },
        { kind: 'interval', every: 3, unit: 'week' },
      ],
    },
    {
      kind: 'alternatives',
      options: [{ kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=+1MO' }, { kind: 'on-demand' }],
    },
  ];

  it.each(rules.map((r) => [renderRule(r), r] as const))(
    '«%s» parses back (nb and nn)',
    (_t, r) => {
      expect(ruleSchema.safeParse(r).success).toBe(true);
      for (const lang of ['nb', 'nn'] as const) {
        const text = renderRule(r, lang);
        const back = parseCadence(text);
        if (!back.ok) throw new Error(`${lang} «${text}»: ${back.reason}`);
        expect(back.cadence.rule, `${lang} «${text}»`).toEqual(r);
        expect(back.warnings, `${lang} «${text}»`).toEqual([]);
      }
    },
  );
});

describe('near misses', () => {
  it.each([
    ['Første mandg i måneden', 'Første mandag i måneden'],
    ['Førse mandag i måneden', 'Første mandag i måneden'],
    ['Siste fredg i måneden', 'Siste fredag i måneden'],
    ['Annenhver tirsdg', 'Annenhver tirsdag'],
    ['Hver 2. ellr 3. uke', 'Hver 2. eller 3. uke'],
    ['Hver mandg og torsdag', 'Hver mandag og torsdag'],
  ])('«%s» suggests «%s»', (text, phrase) => {
    const r = parseCadence(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('unknown');
    expect(!r.ok && r.suggestion).toBe(phrase);
    expect(suggestPhrase(text)).toBe(phrase);
  });
});
