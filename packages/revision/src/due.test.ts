import { describe, expect, it } from 'vitest';
import { CalendarRegistry, type SchoolYear } from '@arshjul/school-calendar';
import { GRORUD_RULES, grorudRule } from '../test-fixtures/grorud-rules.js';
import { revisionDueDates, unscheduledReason } from './due.js';
import { revisionRuleSchema, type RevisionRule, type RevisionRuleInput } from './schema.js';

const registry = new CalendarRegistry();
const y2526 = registry.schoolYear('oslo', '2025-26');
const y2627 = registry.schoolYear('oslo', '2026-27');

/** The rule from the brief, written out as in a model file. */
const konseptpapirNsk = revisionRuleSchema.parse({
  id: 'R4',
  title: 'Revisjon av konseptpapir for NSK',
  subject: { kind: 'structure', structure: 'T1.5' },
  cadence: {
    text: 'Justeres en gang i året',
    rule: { kind: 'count', min: 1, max: 1, per: 'year', within: { kind: 'half', half: 'vår' } },
  },
  forum: { text: 'SaLTo-koordineringsgruppe' },
  draftedBy: ['nsk'],
  input: ['rektor', 'seksjonssjef'],
  firstRevision: { schoolYear: '2022-23', text: 'våren 2023' },
});

const konseptpapirBvk = grorudRule('R5');
const naervaersplan = grorudRule('R13');
const ferietilbud = grorudRule('R15');

function rule(
  input: Partial<RevisionRuleInput> & Pick<RevisionRuleInput, 'cadence'>,
): RevisionRule {
  return revisionRuleSchema.parse({
    id: 'X1',
    title: 'Testregel',
    subject: { kind: 'model' },
    ...input,
  });
}

const inHalf = (date: string, year: SchoolYear, half: 'høst' | 'vår') =>
  date >= year.halves[half].from && date <= year.halves[half].to;

describe('revisionDueDates: Grorud rules on the Oslo calendar', () => {
  it('Konseptpapir NSK («Justeres en gang i året», spring): one suggested date in the spring half', () => {
    const dues = revisionDueDates(konseptpapirNsk, y2526);
    expect(dues).toEqual([
      {
        rule: 'R4',
        date: '2026-04-07',
        placement: 'suggested',
        window: { from: '2026-01-05', to: '2026-06-22' },
        atForum: false,
      },
    ]);
    expect(dues[0]!.window).toEqual(y2526.halves.vår);
  });

  it('Konseptpapir NSK in 2026-27: one date in January–June 2027', () => {
    const dues = revisionDueDates(konseptpapirNsk, y2627);
    expect(dues).toHaveLength(1);
    expect(dues[0]!.date >= '2027-01-01' && dues[0]!.date <= '2027-06-30').toBe(true);
    expect(inHalf(dues[0]!.date, y2627, 'vår')).toBe(true);
    expect(dues[0]!.window).toEqual(y2627.halves.vår);
  });

  it('Konseptpapir BVK («hvert vårsemester») falls in the spring half of both years', () => {
    expect(konseptpapirBvk.cadence.rule).toEqual({
      kind: 'count',
      min: 1,
      max: 1,
      per: 'year',
      within: { kind: 'half', half: 'vår' },
    });
    for (const year of [y2526, y2627]) {
      const dues = revisionDueDates(konseptpapirBvk, year);
      expect(dues).toHaveLength(1);
      expect(dues[0]!.rule).toBe('R5');
      expect(inHalf(dues[0]!.date, year, 'vår')).toBe(true);
      expect(dues[0]!.date.slice(0, 4)).toBe(String(year.startYear + 1));
    }
  });

  it('Nærværsplan («Revideres to ganger i året»): two dates, one per half', () => {
    const dues = revisionDueDates(naervaersplan, y2526);
    expect(dues.map((d) => d.date)).toEqual(['2025-11-03', '2026-04-20']);
    expect(inHalf(dues[0]!.date, y2526, 'høst')).toBe(true);
    expect(inHalf(dues[1]!.date, y2526, 'vår')).toBe(true);
    // The windows split the year between them.
    expect(dues[0]!.window!.from).toBe(y2526.firstSchoolDay);
    expect(dues[1]!.window!.to).toBe(y2526.lastSchoolDay);
    expect(dues[0]!.window!.to < dues[1]!.window!.from).toBe(true);

    const next = revisionDueDates(naervaersplan, y2627);
    expect(next).toHaveLength(2);
    expect(inHalf(next[0]!.date, y2627, 'høst')).toBe(true);
    expect(inHalf(next[1]!.date, y2627, 'vår')).toBe(true);
  });

  it('every Grorud rule either has dates or a reason, never both', () => {
    const counts: Record<string, number> = {};
    for (const r of GRORUD_RULES) {
      const dues = revisionDueDates(r, y2526);
      const reason = unscheduledReason(r, y2526);
      counts[r.id] = dues.length;
      expect(reason === null).toBe(dues.length > 0);
      for (const d of dues) {
        expect(y2526.contains(d.date)).toBe(true);
        expect(d.rule).toBe(r.id);
      }
    }
    expect(counts).toEqual({
      R1: 1,
      R2: 4,
      R3: 0,
      R4: 1,
      R5: 1,
      R6: 1,
      R7: 1,
      R8: 1,
      R9: 1,
      R10: 1,
      R11: 1,
      R12: 1,
      R13: 2,
      R15: 5,
    });
  });

  it('a rule with a fixed date gets an exact date without a window («før hver ferie»)', () => {
    expect(revisionDueDates(ferietilbud, y2526)).toEqual(
      ['2025-09-26', '2025-12-19', '2026-02-13', '2026-03-27', '2026-06-22'].map((date) => ({
        rule: 'R15',
        date,
        placement: 'exact',
        atForum: false,
      })),
    );
  });

  it('a range marks the dates beyond the minimum optional', () => {
    const dues = revisionDueDates(rule({ cadence: 'En til to ganger i året' }), y2526);
    expect(dues).toHaveLength(2);
    expect(dues[0]!.optional).toBeUndefined();
    expect(dues[1]!.optional).toBe(true);
  });

  it('passes the holiday policy to the expansion', () => {
    // 1 May 2026 is a public holiday (a Friday).
    const may = rule({ cadence: '1. mai' });
    expect(revisionDueDates(may, y2526).map((d) => d.date)).toEqual(['2026-05-01']);
    expect(revisionDueDates(may, y2526, { policy: 'next-school-day' }).map((d) => d.date)).toEqual([
      '2026-05-04',
    ]);
    expect(revisionDueDates(may, y2526, { policy: 'skip' })).toEqual([]);
  });

  it('returns fresh objects (the shared expansion is not exposed)', () => {
    const first = revisionDueDates(konseptpapirNsk, y2526);
    first[0]!.date = '1999-01-01';
    first[0]!.window!.from = '1999-01-01';
    expect(revisionDueDates(konseptpapirNsk, y2526)[0]).toMatchObject({
      date: '2026-04-07',
      window: { from: '2026-01-05' },
    });
  });
});

describe('revisionDueDates: draft lead', () => {
  it('draftBy is the due date minus the lead (weeks)', () => {
    const r = { ...konseptpapirNsk, draftLead: { amount: 2, unit: 'week' as const } };
    const [due] = revisionDueDates(r, y2526);
    expect(due).toMatchObject({ date: '2026-04-07', draftBy: '2026-03-24' });
  });

  it('draftBy is the due date minus the lead (days), for every due date', () => {
    const r = { ...naervaersplan, draftLead: { amount: 10, unit: 'day' as const } };
    expect(revisionDueDates(r, y2526).map((d) => [d.date, d.draftBy])).toEqual([
      ['2025-11-03', '2025-10-24'],
      ['2026-04-20', '2026-04-10'],
    ]);
  });

  it('no draftBy without a lead, and draftBy = date for a zero lead', () => {
    expect(revisionDueDates(konseptpapirNsk, y2526)[0]!.draftBy).toBeUndefined();
    const r = { ...konseptpapirNsk, draftLead: { amount: 0, unit: 'day' as const } };
    expect(revisionDueDates(r, y2526)[0]!.draftBy).toBe('2026-04-07');
  });
});

describe('revisionDueDates: forum dates', () => {
  const r4 = { ...konseptpapirNsk, draftLead: { amount: 2, unit: 'week' as const } };

  it('moves the due date to the first forum date on or after the suggested date in its window', () => {
    const [due] = revisionDueDates(r4, y2526, {
      forumDates: ['2025-10-14', '2026-03-10', '2026-05-12', '2026-06-09'],
    });
    expect(due).toEqual({
      rule: 'R4',
      date: '2026-05-12',
      placement: 'exact',
      window: { from: '2026-01-05', to: '2026-06-22' },
      draftBy: '2026-04-28',
      atForum: true,
    });
  });

  it('takes the last forum date before the suggested date when none comes after it', () => {
    const [due] = revisionDueDates(r4, y2526, { forumDates: ['2026-02-10', '2025-10-14'] });
    expect(due).toMatchObject({ date: '2026-02-10', atForum: true, draftBy: '2026-01-27' });
  });

  it('keeps the suggested date when no forum date lies in the window', () => {
    const [due] = revisionDueDates(r4, y2526, { forumDates: ['2025-10-14', '2026-08-20'] });
    expect(due).toMatchObject({ date: '2026-04-07', placement: 'suggested', atForum: false });
  });

  it('an empty list changes nothing', () => {
    expect(revisionDueDates(r4, y2526, { forumDates: [] })).toEqual(revisionDueDates(r4, y2526));
  });

  it('places each due date of the nærværsplan on a forum date in its own window', () => {
    const dues = revisionDueDates(naervaersplan, y2526, {
      forumDates: ['2026-06-09', '2025-09-16', '2025-12-09', '2026-03-17', '2025-12-09'],
    });
    expect(dues.map((d) => [d.date, d.atForum, d.placement])).toEqual([
      ['2025-12-09', true, 'exact'],
      ['2026-06-09', true, 'exact'],
    ]);
  });

  it('without a window, takes the nearest forum date in the same half-year, each only once', () => {
    const dues = revisionDueDates(ferietilbud, y2526, {
      forumDates: ['2025-09-23', '2025-12-16', '2026-01-06', '2026-03-24', '2026-06-16'],
    });
    expect(dues.map((d) => [d.date, d.atForum])).toEqual([
      ['2025-09-23', true],
      ['2025-12-16', true],
      ['2026-01-06', true], // nearest in spring to 13 Feb
      ['2026-03-24', true],
      ['2026-06-16', true],
    ]);

    // Only one autumn meeting: the first autumn date takes it; the second keeps its own date.
    // The spring meeting is not used for an autumn date.
    const few = revisionDueDates(ferietilbud, y2526, { forumDates: ['2025-10-07', '2026-01-06'] });
    expect(few.map((d) => [d.date, d.atForum])).toEqual([
      ['2025-10-07', true],
      ['2025-12-19', false],
      ['2026-01-06', true],
      ['2026-03-27', false],
      ['2026-06-22', false],
    ]);
  });

  it('ignores forum dates outside the school year', () => {
    const dues = revisionDueDates(ferietilbud, y2526, { forumDates: ['2025-07-15', '2026-08-03'] });
    expect(dues.every((d) => !d.atForum)).toBe(true);
  });
});

describe('first revision and unscheduled rules', () => {
  const later = {
    ...konseptpapirNsk,
    firstRevision: { schoolYear: '2026-27', text: 'våren 2027' },
  };

  it('no due dates before the first revision, dates from then on', () => {
    expect(revisionDueDates(later, y2526)).toEqual([]);
    expect(revisionDueDates(later, y2627)).toHaveLength(1);
    expect(unscheduledReason(later, y2627)).toBeNull();
  });

  it('says when the first revision is, in nb, nn and en', () => {
    expect(unscheduledReason(later, y2526)).toBe(
      'Første revisjon er våren 2027 (skoleåret 2026-27); ingen revisjon i 2025-26.',
    );
    expect(unscheduledReason(later, y2526, 'nn')).toBe(
      'Første revisjon er våren 2027 (skuleåret 2026-27); ingen revisjon i 2025-26.',
    );
    expect(unscheduledReason(later, y2526, 'en')).toBe(
      'The first revision is «våren 2027» (school year 2026-27); none in 2025-26.',
    );
    const noText = { ...later, firstRevision: { schoolYear: '2026-27' } };
    expect(unscheduledReason(noText, y2526)).toBe(
      'Første revisjon er i skoleåret 2026-27; ingen revisjon i 2025-26.',
    );
  });

  it('a first revision in an earlier year (våren 2023) does not hold dates back', () => {
    expect(unscheduledReason(konseptpapirNsk, y2526)).toBeNull();
  });

  it('«Ved budsjettlegging i bydelen» waits for the district to date the event', () => {
    const r3 = grorudRule('R3');
    expect(revisionDueDates(r3, y2526)).toEqual([]);
    expect(unscheduledReason(r3, y2526)).toBe(
      '«Ved budsjettlegging i bydelen»: venter på en dato for «budsjettlegging i bydelen».',
    );
    expect(unscheduledReason(r3, y2526, 'en')).toBe(
      '«Ved budsjettlegging i bydelen»: waiting for a date for «budsjettlegging i bydelen».',
    );
  });

  it.each([
    ['Ved behov', 'nb', '«Ved behov»: revideres ved behov, uten faste datoer.'],
    ['Ved behov', 'nn', '«Ved behov»: vert revidert ved behov, utan faste datoar.'],
    [
      'revidert fortløpende',
      'nb',
      '«revidert fortløpende»: revideres fortløpende, uten faste datoer.',
    ],
    ['revidert fortløpende', 'en', '«revidert fortløpende»: revised continuously, no fixed dates.'],
    [
      'jevnlig',
      'nb',
      '«jevnlig» sier ikke hvor ofte; regelen trenger et intervall før den kan få datoer.',
    ],
    [
      'Hyppighet avtales på den enkelte skole',
      'nb',
      '«Hyppighet avtales på den enkelte skole»: hver skole avtaler hvor ofte.',
    ],
  ] as const)('«%s» has no dates (%s)', (cadence, lang, reason) => {
    const r = rule({ cadence });
    expect(revisionDueDates(r, y2526)).toEqual([]);
    expect(unscheduledReason(r, y2526, lang)).toBe(reason);
  });

  it('a rule every other year says which years it skips', () => {
    const r = rule({ cadence: 'Hvert andre år siden 2012' });
    expect(revisionDueDates(r, y2526)).toEqual([]);
    expect(unscheduledReason(r, y2526)).toBe(
      '«Hvert andre år siden 2012»: hvert 2. år fra 2012, ikke i skoleåret 2025-26.',
    );
    expect(revisionDueDates(r, y2627)).toHaveLength(1);
    expect(unscheduledReason(r, y2627)).toBeNull();
  });

  it('alternatives use the first option', () => {
    const r = rule({ cadence: 'Ved behov / en gang i året' });
    expect(r.cadence.rule.kind).toBe('alternatives');
    expect(revisionDueDates(r, y2526)).toEqual([]);
    expect(unscheduledReason(r, y2526)).toContain('ved behov');
  });
});
