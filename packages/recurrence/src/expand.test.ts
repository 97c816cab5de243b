import { describe, expect, it } from 'vitest';
import {
  addDays,
  CalendarRegistry,
  isoDate,
  isoWeekOf,
  isoWeekday,
  zonedInstant,
  type SchoolYear,
} from '@arshjul/school-calendar';
import {
  expandCadence,
  formatRRule,
  intervalDates,
  parseCadence,
  rruleBetween,
  type Cadence,
  type IntervalRule,
  type Rule,
} from './index.js';

const registry = new CalendarRegistry();
const YEARS = ['2024-25', '2025-26', '2026-27', '2027-28'].map((y) =>
  registry.schoolYear('oslo', y),
);
const y2526 = registry.schoolYear('oslo', '2025-26');
const y2627 = registry.schoolYear('oslo', '2026-27');
const y2728 = registry.schoolYear('oslo', '2027-28');

function cadence(text: string): Cadence {
  const r = parseCadence(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.cadence;
}

function dates(text: string, year: SchoolYear, options = {}): string[] {
  return expandCadence(cadence(text), year, options).occurrences.map((o) => o.date);
}

/** A small deterministic PRNG, so the random rules are the same in every run. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('direct generation equals rrule between()', () => {
  const rand = prng(42);
  const rules: { rule: IntervalRule; start?: string }[] = [];
  for (let i = 0; i < 120; i++) {
    const unit = (['day', 'week', 'week', 'week', 'month'] as const)[Math.floor(rand() * 5)]!;
    const every =
      unit === 'day'
        ? 1 + Math.floor(rand() * 20)
        : unit === 'week'
          ? 1 + Math.floor(rand() * 8)
          : 1 + Math.floor(rand() * 4);
    const weekdays =
      unit === 'week' && rand() < 0.5
        ? [...new Set([1 + Math.floor(rand() * 5), 1 + Math.floor(rand() * 7)])].sort()
        : undefined;
    const start = rand() < 0.5 ? isoDate(19_900 + Math.floor(rand() * 1500)) : undefined; // 2024 … 2028
    rules.push({
      rule: {
        kind: 'interval',
        every,
        unit,
        ...(weekdays ? { weekdays: weekdays as IntervalRule['weekdays'] } : {}),
      },
      ...(start ? { start } : {}),
    });
  }
  // Month ends and leap days, where RFC 5545 skips dates that do not exist.
  rules.push({ rule: { kind: 'interval', every: 1, unit: 'month' }, start: '2027-01-31' });
  rules.push({ rule: { kind: 'interval', every: 2, unit: 'month' }, start: '2027-08-31' });
  rules.push({ rule: { kind: 'interval', every: 14, unit: 'day' }, start: '2028-02-15' });

  it.each(rules.map((r, i) => [i, JSON.stringify(r), r] as const))(
    'rule %i %s',
    (_i, _s, { rule, start }) => {
      for (const year of YEARS) {
        const { dates: ours, dtstart } = intervalDates(rule, year, start);
        const expansion = expandCadence(rule, year, {
          ...(start ? { start } : {}),
          policy: 'keep',
          cache: false,
        });
        expect(expansion.occurrences.map((o) => o.date)).toEqual(ours.map(isoDate));
        if (!expansion.rrule) throw new Error('interval rules have an RRULE');
        // rrule iterates from the series' own DTSTART; ours seeks straight into the year.
        const seriesStart = start ?? (ours.length ? isoDate(dtstart) : year.firstSchoolDay);
        const theirs = rruleBetween(
          expansion.rrule,
          seriesStart,
          year.firstSchoolDay,
          year.lastSchoolDay,
        ).filter((d) => d >= (start ?? year.firstSchoolDay));
        expect(ours.map(isoDate), `${year.name} ${expansion.rrule}`).toEqual(theirs);
      }
    },
  );

  it('writes RRULEs Outlook can read for the simple kinds', () => {
    expect(expandCadence(cadence('Hver fjerde uke'), y2526).rrule).toBe(
      'FREQ=WEEKLY;INTERVAL=4;BYDAY=MO;WKST=MO',
    );
    expect(expandCadence(cadence('hver 14. dag'), y2526).rrule).toBe(
      'FREQ=DAILY;INTERVAL=14;WKST=MO',
    );
    expect(expandCadence(cadence('Ved behov'), y2526).rrule).toBeNull();
    expect(formatRRule({ freq: 'YEARLY', byweekno: 40, byweekday: [1] })).toBe(
      'FREQ=YEARLY;BYDAY=MO;BYWEEKNO=40;WKST=MO',
    );
  });
});

describe('daylight saving time', () => {
  it('keeps a weekly 14:00 meeting at 14:00 local time across both changes', () => {
    const e = expandCadence(cadence('Hver mandag kl. 14:00-15:00'), y2526);
    const around = e.occurrences.filter((o) =>
      ['2025-10-20', '2025-10-27', '2026-03-23', '2026-03-30', '2026-04-07'].includes(o.date),
    );
    for (const o of e.occurrences) expect(o.time).toEqual({ start: '14:00', end: '15:00' });
    // Summer time ends 26 Oct 2025 and starts 29 Mar 2026: the UTC instant moves, the local time does not.
    expect(zonedInstant('2025-10-20', '14:00')).toBe('2025-10-20T12:00:00Z');
    expect(zonedInstant('2025-10-27', '14:00')).toBe('2025-10-27T13:00:00Z');
    expect(around.map((o) => o.date)).toEqual([
      '2025-10-20',
      '2025-10-27',
      '2026-03-23',
      '2026-04-07',
    ]);
    expect(around.find((o) => o.date === '2026-04-07')?.moved?.from).toBe('2026-04-06'); // 2. påskedag
    // No Monday meeting slides to Sunday or Tuesday by an hour's shift (tests run in New York time).
    for (const o of e.occurrences) if (!o.moved) expect(isoWeekday(o.date)).toBe(1);
  });
});

describe('leap years', () => {
  it('places 29 February only in a leap year, and says so otherwise', () => {
    expect(dates('29. februar', y2728)).toEqual(['2028-02-29']);
    const e = expandCadence(cadence('29. februar'), y2526);
    expect(e.occurrences).toHaveLength(0);
    expect(e.status).toBe('not-this-year');
    expect(e.notes.join(' ')).toMatch(/finnes ikke i 2026/);
  });

  it('counts 29 February 2028 as a day of February', () => {
    const w = y2728.window({ kind: 'month', month: 2 })!;
    expect(w.to).toBe('2028-02-29');
    const e = expandCadence(cadence('to ganger i februar'), y2728);
    expect(e.occurrences).toHaveLength(2);
    for (const o of e.occurrences)
      expect(o.date >= '2028-02-01' && o.date <= '2028-02-29').toBe(true);
  });
});

describe('ISO week 53', () => {
  it('exists in 2026 and lies in juleferie', () => {
    const e = expandCadence(cadence('uke 53'), y2627);
    expect(e.occurrences.map((o) => o.date)).toEqual(['2026-12-28']);
    expect(e.occurrences[0]!.nonSchoolDay).toMatch(/juleferie/);
    expect(isoWeekOf('2026-12-28')).toEqual({ isoYear: 2026, week: 53 });
  });

  it('does not exist in 2025', () => {
    const e = expandCadence(cadence('uke 53'), y2526);
    expect(e.occurrences).toHaveLength(0);
    expect(e.status).toBe('not-this-year');
    expect(e.notes[0]).toMatch(/Uke 53 finnes ikke i 2025/);
  });

  it('does not break the four-week rhythm across the turn of 2026-27', () => {
    const d = dates('Hver fjerde uke', y2627, { policy: 'keep' });
    for (let i = 1; i < d.length; i++) expect(addDays(d[i - 1]!, 28)).toBe(d[i]);
  });

  it('puts «uke 40» in høstferie every year in Oslo', () => {
    for (const year of YEARS) {
      const [o] = expandCadence(cadence('uke 40'), year).occurrences;
      expect(isoWeekOf(o!.date).week).toBe(40);
      expect(o!.nonSchoolDay).toMatch(/høstferie/);
    }
  });
});

describe('breaks and the holiday policy', () => {
  const fourWeekly = cadence('Hver fjerde uke');

  it('moves a meeting out of påskeferie to the next school day by default', () => {
    const e = expandCadence(fourWeekly, y2526);
    const moved = e.occurrences.find((o) => o.moved?.from === '2026-03-30');
    expect(moved?.date).toBe('2026-04-07');
    expect(moved?.moved?.reason).toMatch(/påskeferie/);
  });

  it('skips, moves back or keeps on request, and always says why', () => {
    const skip = expandCadence(fourWeekly, y2526, { policy: 'skip' });
    expect(skip.occurrences.map((o) => o.date)).not.toContain('2026-04-07');
    expect(skip.skipped.find((s) => s.date === '2026-03-30')?.reason).toMatch(/påskeferie/);
    const back = expandCadence(fourWeekly, y2526, { policy: 'previous-school-day' });
    expect(back.occurrences.find((o) => o.moved?.from === '2026-03-30')?.date).toBe('2026-03-27');
    const keep = expandCadence(fourWeekly, y2526, { policy: 'keep' });
    expect(keep.occurrences.find((o) => o.date === '2026-03-30')?.nonSchoolDay).toMatch(
      /påskeferie/,
    );
  });

  it('never moves a weekly meeting onto the next one', () => {
    const e = expandCadence(cadence('Ukentlig'), y2526);
    const all = e.occurrences.map((o) => o.date);
    expect(new Set(all).size).toBe(all.length);
    expect(e.skipped.map((s) => s.date)).toEqual(
      expect.arrayContaining([
        '2025-09-29',
        '2025-12-22',
        '2025-12-29',
        '2026-02-16',
        '2026-03-30',
      ]),
    );
  });

  it('spreads counts over school days only, one in each share of the period', () => {
    for (const year of YEARS) {
      const e = expandCadence(cadence('Fire ganger i året'), year);
      expect(e.occurrences).toHaveLength(4);
      for (const [i, o] of e.occurrences.entries()) {
        expect(year.isSchoolDay(o.date)).toBe(true);
        expect(o.placement).toBe('suggested');
        expect(o.date >= o.window!.from && o.date <= o.window!.to).toBe(true);
        if (i > 0) expect(o.window!.from > e.occurrences[i - 1]!.window!.to).toBe(true);
      }
    }
  });

  it('puts the transition visit in the weeks before sommerferien', () => {
    for (const year of YEARS) {
      const [o] = expandCadence(cadence('En gang i forkant av sommerferien'), year).occurrences;
      const w = year.window({ kind: 'before', break: 'sommerferie' })!;
      expect(o!.date >= w.from && o!.date <= w.to).toBe(true);
      expect(o!.date.slice(5, 7)).toBe('06');
    }
  });

  it('marks the second of «en til to ganger» optional and the range approximate', () => {
    const e = expandCadence(cadence('En til to ganger i året'), y2526);
    expect(e.approximate).toBe(true);
    expect(e.occurrences.map((o) => o.optional ?? false)).toEqual([false, true]);
  });

  it('gives twice in each half for «to ganger per halvår»', () => {
    const d = dates('to ganger per halvår', y2526);
    expect(d.filter((x) => x <= y2526.halves.høst.to)).toHaveLength(2);
    expect(d.filter((x) => x >= y2526.halves.vår.from)).toHaveLength(2);
  });
});

describe('anchors and events', () => {
  it('resolves anchors in each school calendar', () => {
    for (const year of YEARS) {
      expect(dates('første skoledag', year)).toEqual([year.firstSchoolDay]);
      expect(dates('siste skoledag før jul', year)).toEqual([year.anchor('før-juleferie')]);
      const [twoWeeks] = dates('2 uker før sommerferien', year);
      expect(twoWeeks).toBe(addDays(year.breakOf('sommerferie')!.from, -14));
      const beforeEach = dates('siste skoledag før hver ferie', year);
      expect(beforeEach).toHaveLength(5);
      for (const d of beforeEach) expect(year.isSchoolDay(d)).toBe(true);
    }
  });

  it('waits for a date of an event the district defines, then uses it', () => {
    const c = cadence('Ved budsjettlegging i bydelen');
    expect(expandCadence(c, y2526).status).toBe('waiting-for-event');
    const e = expandCadence(c, y2526, { events: { 'Budsjettlegging i bydelen': ['2025-10-20'] } });
    expect(e.occurrences.map((o) => o.date)).toEqual(['2025-10-20']);
    const both = expandCadence(c, y2526, {
      events: {
        'Budsjettlegging i Bydelen': ['2026-03-16'],
        'budsjettlegging i bydelen': ['2025-10-20'],
      },
    });
    expect(both.occurrences.map((o) => o.date)).toEqual(['2025-10-20', '2026-03-16']);
    const elsewhere = expandCadence(c, y2526, {
      events: { 'budsjettlegging i bydelen': ['2030-01-01'] },
    });
    expect(elsewhere.status).toBe('not-this-year');
    expect(elsewhere.notes[0]).toMatch(/2030-01-01/);
    const after = expandCadence(cadence('kort tid etter oppstartsmøtet'), y2526, {
      events: { oppstartsmøtet: ['2025-09-01'] },
    });
    expect(after.approximate).toBe(true);
    expect(after.occurrences.map((o) => o.date)).toEqual(['2025-09-08']);
  });

  it('keeps unscheduled kinds visible as what they are', () => {
    expect(expandCadence(cadence('jevnlig'), y2526).status).toBe('needs-interval');
    expect(expandCadence(cadence('Ved behov'), y2526).status).toBe('on-demand');
    expect(expandCadence(cadence('gjennom hele året'), y2526).status).toBe('continuous');
    expect(expandCadence(cadence('avtales på den enkelte skole'), y2526).status).toBe(
      'school-choice',
    );
  });

  it('expands each alternative and lays out the first', () => {
    const e = expandCadence(cadence('Hver uke / hver 2. uke'), y2526);
    expect(e.options).toHaveLength(2);
    expect(e.occurrences).toEqual(e.options![0]!.occurrences);
    expect(e.options![1]!.occurrences.length).toBeLessThan(e.occurrences.length);
  });
});

describe('caching per school year', () => {
  it('returns the same frozen result for the same rule, year and options', () => {
    const c = cadence('Hver 6. uke');
    const a = expandCadence(c, y2526);
    expect(expandCadence(c, y2526)).toBe(a);
    expect(Object.isFrozen(a.occurrences)).toBe(true);
    expect(expandCadence(c, y2526, { cache: false })).not.toBe(a);
    expect(expandCadence(c, y2526, { cache: false })).toEqual(a);
    expect(expandCadence(c, y2627)).not.toEqual(a);
  });

  it('takes a bare rule as well as a cadence', () => {
    const rule: Rule = { kind: 'interval', every: 6, unit: 'week' };
    expect(expandCadence(rule, y2526).occurrences).toEqual(
      expandCadence(cadence('Hver 6. uke'), y2526).occurrences,
    );
  });
});
