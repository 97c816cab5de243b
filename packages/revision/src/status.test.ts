import { describe, expect, it } from 'vitest';
import { CalendarRegistry, isArshjulError, type ArshjulError } from '@arshjul/school-calendar';
import { grorudRule } from '../test-fixtures/grorud-rules.js';
import { revisionDueDates } from './due.js';
import { latestRecord, recordRevision, revisionStatus } from './status.js';
import { revisionRecordSchema, type RevisionRecord, type RevisionRecordInput } from './schema.js';

const registry = new CalendarRegistry();
const y2526 = registry.schoolYear('oslo', '2025-26');
const y2627 = registry.schoolYear('oslo', '2026-27');

// Konseptpapir NSK with a proposal due two weeks before: due 2026-04-07 (spring window
// 2026-01-05 – 2026-06-22), draft by 2026-03-24.
const r4 = { ...grorudRule('R4'), draftLead: { amount: 2, unit: 'week' as const } };
const r13 = grorudRule('R13');
const r15 = grorudRule('R15');

const rec = (input: RevisionRecordInput): RevisionRecord => revisionRecordSchema.parse(input);

function thrown(fn: () => unknown): ArshjulError {
  try {
    fn();
  } catch (e) {
    if (isArshjulError(e)) return e as ArshjulError;
    throw e;
  }
  throw new Error('expected an ArshjulError');
}

describe('revisionStatus', () => {
  it('goes not-yet-due → due → overdue across the year (with a draft lead)', () => {
    const states = [
      '2025-08-18',
      '2026-01-05',
      '2026-03-23',
      '2026-03-24',
      '2026-04-07',
      '2026-06-22',
      '2026-06-23',
      '2026-07-31',
    ].map((asOf) => {
      const s = revisionStatus(r4, [], y2526, asOf);
      expect(s).toHaveLength(1);
      return [asOf, s[0]!.state];
    });
    expect(states).toEqual([
      ['2025-08-18', 'not-yet-due'],
      ['2026-01-05', 'not-yet-due'],
      ['2026-03-23', 'not-yet-due'],
      ['2026-03-24', 'due'],
      ['2026-04-07', 'due'],
      ['2026-06-22', 'due'],
      ['2026-06-23', 'overdue'],
      ['2026-07-31', 'overdue'],
    ]);
  });

  it('takes the due dates the caller placed, and gives them back in the status', () => {
    const [due] = revisionDueDates(r4, y2526);
    // Moved a week on (another revision had the day): draft by 31 March, due 14 April.
    const moved = { ...due!, date: '2026-04-14', draftBy: '2026-03-31' };
    const at = (asOf: string) => revisionStatus(r4, [], y2526, asOf, { dues: [moved] });
    expect(at('2026-03-24').map((s) => [s.state, s.due])).toEqual([['not-yet-due', moved]]);
    expect(at('2026-03-31').map((s) => s.state)).toEqual(['due']);
    // Unmoved, 24 March was already due.
    expect(revisionStatus(r4, [], y2526, '2026-03-24')[0]!.state).toBe('due');
  });

  it('without a draft lead the due state starts when the window opens', () => {
    const plain = grorudRule('R4');
    expect(revisionStatus(plain, [], y2526, '2026-01-04')[0]!.state).toBe('not-yet-due');
    expect(revisionStatus(plain, [], y2526, '2026-01-05')[0]!.state).toBe('due');
  });

  it('is done once a record of the rule lies in the window, and not before its date', () => {
    const records = [rec({ rule: 'R4', date: '2026-04-07', summary: 'Revidert på SaLTo' })];
    const before = revisionStatus(r4, records, y2526, '2026-04-06')[0]!;
    expect(before.state).toBe('due');
    expect(before.record).toBeUndefined();
    const after = revisionStatus(r4, records, y2526, '2026-04-07')[0]!;
    expect(after.state).toBe('done');
    expect(after.record).toEqual(records[0]);
    expect(after.due.date).toBe('2026-04-07');
    expect(revisionStatus(r4, records, y2526, '2026-07-01')[0]!.state).toBe('done');
  });

  it('a record early in the window counts, even before the draft date', () => {
    const records = [rec({ rule: 'R4', date: '2026-01-20', summary: 'Tidlig revisjon' })];
    expect(revisionStatus(r4, records, y2526, '2026-02-01')[0]!.state).toBe('done');
  });

  it('records outside the window or of another rule do not count', () => {
    const records = [
      rec({ rule: 'R4', date: '2025-10-01', summary: 'Høstrevisjon' }),
      rec({ rule: 'R5', date: '2026-04-07', summary: 'Konseptpapir BVK' }),
      rec({ rule: 'R4', date: '2025-04-01', summary: 'I fjor' }),
    ];
    expect(revisionStatus(r4, records, y2526, '2026-06-23')[0]!.state).toBe('overdue');
  });

  it('uses the forum date: due from the draft date before the meeting', () => {
    const options = { forumDates: ['2026-03-10'] };
    const at = (asOf: string) => revisionStatus(r4, [], y2526, asOf, options)[0]!;
    expect(at('2026-02-23')).toMatchObject({
      state: 'not-yet-due',
      due: { date: '2026-03-10', draftBy: '2026-02-24', atForum: true },
    });
    expect(at('2026-02-24').state).toBe('due');
    expect(at('2026-03-10').state).toBe('due');
    // The window still allows the revision later in the spring.
    expect(at('2026-06-22').state).toBe('due');
    expect(at('2026-06-23').state).toBe('overdue');
  });

  it('gives one status per due date (nærværsplan, twice a year)', () => {
    const records = [rec({ rule: 'R13', date: '2025-11-20', summary: 'Høstens revisjon' })];
    const at = (asOf: string) =>
      revisionStatus(r13, records, y2526, asOf).map((s) => [s.due.date, s.state]);
    expect(at('2025-08-17')).toEqual([
      ['2025-11-03', 'not-yet-due'],
      ['2026-04-20', 'not-yet-due'],
    ]);
    expect(at('2025-11-19')).toEqual([
      ['2025-11-03', 'due'],
      ['2026-04-20', 'not-yet-due'],
    ]);
    expect(at('2025-11-20')).toEqual([
      ['2025-11-03', 'done'],
      ['2026-04-20', 'not-yet-due'],
    ]);
    expect(at('2026-01-26')).toEqual([
      ['2025-11-03', 'done'],
      ['2026-04-20', 'due'],
    ]);
    expect(at('2026-06-23')).toEqual([
      ['2025-11-03', 'done'],
      ['2026-04-20', 'overdue'],
    ]);
  });

  it('a record fulfils one due date only', () => {
    // Before each holiday: without windows, one record in October covers the autumn break that
    // was just missed, not the Christmas one too.
    const late = [rec({ rule: 'R15', date: '2025-10-06', summary: 'Ferietilbud oppdatert' })];
    expect(
      revisionStatus(r15, late, y2526, '2025-12-22').map((s) => [s.due.date, s.state]),
    ).toEqual([
      ['2025-09-26', 'done'],
      ['2025-12-19', 'overdue'],
      ['2026-02-13', 'not-yet-due'],
      ['2026-03-27', 'not-yet-due'],
      ['2026-06-22', 'not-yet-due'],
    ]);
    const onTime = [
      rec({ rule: 'R15', date: '2025-09-22', summary: 'Høstferie' }),
      rec({ rule: 'R15', date: '2025-12-15', summary: 'Juleferie' }),
    ];
    expect(
      revisionStatus(r15, onTime, y2526, '2025-12-22').map((s) => [s.due.date, s.state]),
    ).toEqual([
      ['2025-09-26', 'done'],
      ['2025-12-19', 'done'],
      ['2026-02-13', 'not-yet-due'],
      ['2026-03-27', 'not-yet-due'],
      ['2026-06-22', 'not-yet-due'],
    ]);
  });

  it('a single due date without a window counts records from the whole school year', () => {
    const once = {
      ...grorudRule('R15'),
      cadence: { text: '1. mars', rule: { kind: 'date' as const, month: 3, day: 1 } },
    };
    const records = [rec({ rule: 'R15', date: '2026-07-10', summary: 'Sent, men gjort' })];
    expect(revisionStatus(once, [], y2526, '2026-03-02')[0]!.state).toBe('overdue');
    expect(revisionStatus(once, records, y2526, '2026-07-10')[0]!.state).toBe('done');
  });

  it('no status for an unscheduled rule or before the first revision', () => {
    expect(revisionStatus(grorudRule('R3'), [], y2526, '2026-01-01')).toEqual([]);
    const later = { ...r4, firstRevision: { schoolYear: '2026-27' } };
    expect(revisionStatus(later, [], y2526, '2026-06-23')).toEqual([]);
    expect(revisionStatus(later, [], y2627, '2027-06-30')[0]!.state).toBe('overdue');
  });

  it('refuses a bad asOf date', () => {
    const e = thrown(() => revisionStatus(r4, [], y2526, '2026-02-29'));
    expect(e.message).toContain('2026-02-29');
  });
});

describe('recordRevision', () => {
  const existing = [
    rec({ rule: 'R4', date: '2026-04-07', summary: 'Revidert' }),
    rec({ rule: 'R13', date: '2025-11-20', summary: 'Høst' }),
  ];

  it('returns a new array sorted by date, with defaults filled in', () => {
    const frozen = Object.freeze([...existing]);
    const out = recordRevision(frozen, {
      rule: 'R5',
      date: '2026-03-10',
      version: '2026-1',
      summary: 'Konseptpapir BVK revidert på evalueringsmøtet',
      by: ['bvk'],
    });
    expect(out).not.toBe(frozen);
    expect(frozen).toHaveLength(2);
    expect(out.map((r) => [r.date, r.rule])).toEqual([
      ['2025-11-20', 'R13'],
      ['2026-03-10', 'R5'],
      ['2026-04-07', 'R4'],
    ]);
    const minimal = recordRevision([], {
      rule: 'R7',
      date: '2026-05-05',
      summary: 'Ingen endring',
    });
    expect(minimal).toEqual([{ rule: 'R7', date: '2026-05-05', summary: 'Ingen endring', by: [] }]);
  });

  it('orders records on the same date by rule', () => {
    const out = recordRevision(existing, { rule: 'R10', date: '2026-04-07', summary: 'x' });
    expect(out.slice(1).map((r) => r.rule)).toEqual(['R10', 'R4']);
  });

  it('refuses a date that does not exist, naming it', () => {
    const e = thrown(() =>
      recordRevision(existing, { rule: 'R4', date: '2026-02-30', summary: 'x' }),
    );
    expect(e.code).toBe('date.nonexistent');
    expect(e.message).toBe('Datoen 2026-02-30 finnes ikke (måneden har 28 dager).');
    expect(e.where).toBe('revisjon: dato');
    expect(
      thrown(() => recordRevision([], { rule: 'R4', date: '2026-02-29', summary: 'x' })).message,
    ).toBe('Datoen 2026-02-29 finnes ikke (2026 er ikke et skuddår).');
  });

  it('refuses a date in the wrong format', () => {
    const e = thrown(() => recordRevision([], { rule: 'R4', date: '07.04.2026', summary: 'x' }));
    expect(e.message).toContain('«07.04.2026»');
    expect(e.message).toContain('ÅÅÅÅ-MM-DD');
  });

  it('refuses an empty summary, a bad rule id and unknown fields', () => {
    expect(
      thrown(() => recordRevision([], { rule: 'R4', date: '2026-04-07', summary: '' })).message,
    ).toBe('Revisjonen kan ikke registreres: oppsummeringen (summary) mangler eller er tom.');
    const badId = thrown(() =>
      recordRevision([], { rule: 'R 4', date: '2026-04-07', summary: 'x' }),
    );
    expect(badId.code).toBe('revision.record');
    expect(badId.message).toContain('«R 4» er ikke en gyldig id');
    const unknown = thrown(() =>
      recordRevision([], {
        rule: 'R4',
        date: '2026-04-07',
        summary: 'x',
        signedBy: 'x',
      } as unknown as RevisionRecordInput),
    );
    expect(unknown.message).toContain('ukjent felt «signedBy»');
  });
});

describe('latestRecord', () => {
  const records = [
    rec({ rule: 'R4', date: '2024-04-09', summary: 'a', version: '1' }),
    rec({ rule: 'R4', date: '2025-04-08', summary: 'b', version: '2' }),
    rec({ rule: 'R13', date: '2025-11-20', summary: 'c' }),
    rec({ rule: 'R4', date: '2023-05-02', summary: 'd', version: '0' }),
  ];

  it('finds the most recent record of a rule, whatever the order', () => {
    expect(latestRecord(records, 'R4')?.version).toBe('2');
    expect(latestRecord(records, 'R13')?.summary).toBe('c');
    expect(latestRecord(records, 'R5')).toBeUndefined();
    expect(latestRecord([], 'R4')).toBeUndefined();
  });

  it('takes the later one in the array on the same date', () => {
    const same = [...records, rec({ rule: 'R4', date: '2025-04-08', summary: 'e', version: '2b' })];
    expect(latestRecord(same, 'R4')?.version).toBe('2b');
  });
});
