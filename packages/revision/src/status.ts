/**
 * Where a revision rule stands on a given date, and the records that say a revision was made.
 */
import {
  addDays,
  ArshjulError,
  parseIsoDate,
  type IsoDate,
  type SchoolYear,
} from '@arshjul/school-calendar';
import type { z } from 'zod';
import { revisionDueDates, type DueDate, type DueOptions } from './due.js';
import {
  revisionRecordSchema,
  type RevisionRecord,
  type RevisionRecordInput,
  type RevisionRule,
} from './schema.js';

export type RevisionState = 'not-yet-due' | 'due' | 'overdue' | 'done';

export interface RevisionStatus {
  state: RevisionState;
  due: DueDate;
  /** The record that fulfils the due date, when it is done. */
  record?: RevisionRecord;
}

export interface StatusOptions extends DueOptions {
  /**
   * The rule's due dates as the caller placed them (moved apart from other revisions', see
   * `revisionsForYear` in `@arshjul/model`), in place of the ones the rule gives.
   */
  dues?: readonly DueDate[];
}

const byDate = (a: { date: IsoDate }, b: { date: IsoDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * The stretch in which a record counts for a due date: its window; without one, the school year
 * when it is the year's only due date, else from the day after the previous due date to the day
 * before the next (the first reaching back to 1 August and the last on to 31 July).
 */
function matchSpan(dues: readonly DueDate[], i: number, year: SchoolYear): [IsoDate, IsoDate] {
  const due = dues[i]!;
  if (due.window) return [due.window.from, due.window.to];
  const prev = dues[i - 1];
  const next = dues[i + 1];
  return [
    prev ? addDays(prev.date, 1) : year.span.from,
    next ? addDays(next.date, -1) : year.span.to,
  ];
}

/**
 * One status per due date of the year, as of a date.
 *
 * - `done`: a record of this rule, dated on or before `asOf`, within the due date's window (or
 *   within the school year when there is no window; see `matchSpan` for several such dates).
 *   Each record fulfils one due date only, the earliest it fits.
 * - `not-yet-due`: `asOf` is before `draftBy` (or, without a lead time, before `window.from`, or
 *   before the due date when there is no window).
 * - `due`: from then up to and including the due date (or `window.to` when there is a window).
 * - `overdue`: after that, without a record.
 *
 * Optional due dates (beyond the minimum of a range) get a state like the others; `due.optional`
 * says that they may be dropped.
 */
export function revisionStatus(
  rule: RevisionRule,
  records: readonly RevisionRecord[],
  year: SchoolYear,
  asOf: IsoDate,
  options: StatusOptions = {},
): RevisionStatus[] {
  parseIsoDate(asOf, 'asOf');
  const dues = options.dues ?? revisionDueDates(rule, year, options);
  const mine = records.filter((r) => r.rule === rule.id && r.date <= asOf).sort(byDate);
  const used = new Set<RevisionRecord>();
  return dues.map((due, i) => {
    const [from, to] = matchSpan(dues, i, year);
    const record = mine.find((r) => !used.has(r) && r.date >= from && r.date <= to);
    if (record) {
      used.add(record);
      return { state: 'done', due, record };
    }
    const start = due.draftBy ?? due.window?.from ?? due.date;
    const deadline = due.window?.to ?? due.date;
    const state: RevisionState =
      asOf < start ? 'not-yet-due' : asOf <= deadline ? 'due' : 'overdue';
    return { state, due };
  });
}

/**
 * Adds a revision record: validates it (a clear ArshjulError on a bad date or a missing summary)
 * and returns a new array sorted by date (then rule); the input is not changed.
 */
export function recordRevision(
  records: readonly RevisionRecord[],
  record: RevisionRecordInput,
): RevisionRecord[] {
  if (typeof record.date === 'string') parseIsoDate(record.date, 'revisjon: dato');
  const parsed = revisionRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw new ArshjulError(
      'revision.record',
      `Revisjonen kan ikke registreres: ${describeIssue(issue, record)}`,
      field ? `revisjon: ${field}` : 'revisjon',
    );
  }
  return [...records, parsed.data].sort(
    (a, b) => byDate(a, b) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

function describeIssue(issue: z.core.$ZodIssue, record: RevisionRecordInput): string {
  const field = String(issue.path[0] ?? '');
  if (issue.code === 'unrecognized_keys')
    return `ukjent felt ${issue.keys.map((k) => `«${k}»`).join(', ')}.`;
  if (field === 'summary') return 'oppsummeringen (summary) mangler eller er tom.';
  if (field === 'rule' && typeof record.rule === 'string')
    return `regelen «${record.rule}» ${issue.message}.`;
  if (field === 'rule') return 'regelen (rule) mangler.';
  if (field === 'by') return `«by» må være en liste med id-er (${issue.message}).`;
  if (field === 'version') return 'versjonen (version) må være tekst.';
  if (field === 'date') return 'datoen (date) mangler.';
  return `${field || 'revisjonen'}: ${issue.message}.`;
}

/** The most recent record of a rule (the later one in the array on the same date). */
export function latestRecord(
  records: readonly RevisionRecord[],
  ruleId: string,
): RevisionRecord | undefined {
  let latest: RevisionRecord | undefined;
  for (const r of records) if (r.rule === ruleId && (!latest || r.date >= latest.date)) latest = r;
  return latest;
}
