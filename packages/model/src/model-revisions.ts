/**
 * The revisions of a model in one school year: what is due when, by whom, at which forum, and
 * (as of a date) how far it has come. What `arshjul revisions <file> --year 2025-26` shows.
 */
import { expandCadence, spreadSuggestedDates, type Occurrence } from '@arshjul/recurrence';
import {
  revisionDueDates,
  revisionStatus,
  unscheduledReason,
  type DueDate,
  type DueOptions,
  type RevisionStatus,
} from '@arshjul/revision';
import type { RevisionRule, RevisionSubjectKind } from '@arshjul/revision';
import {
  addDays,
  dayNumber,
  type IsoDate,
  type Lang,
  type SchoolYear,
} from '@arshjul/school-calendar';
import type { Model } from './schema.js';
import { partyName } from './queries.js';

export interface PartyLabel {
  id: string;
  name: string;
}

export interface ModelRevision {
  rule: RevisionRule;
  title: string;
  /** What is revised: a document, a structure or the model; `name` in words. */
  subject: { kind: RevisionSubjectKind; id?: string; name: string };
  /** The forum, with the dates of its meetings this year when it is one of the model's structures. */
  forum?: { text: string; structure?: string; dates: IsoDate[] };
  dueDates: DueDate[];
  /** Why there are no dates, in words, or null. */
  unscheduled: string | null;
  draftedBy: PartyLabel[];
  input: PartyLabel[];
  decidedBy: PartyLabel[];
  publishedBy: PartyLabel[];
  /** One status per due date, when `asOf` was given. */
  status?: RevisionStatus[];
  /** Also revised continuously when things change. */
  continuous: boolean;
}

export interface RevisionsForYearOptions {
  /** Give each due date its status as of this day. */
  asOf?: IsoDate;
  lang?: Lang;
}

function subjectOf(model: Model, rule: RevisionRule): ModelRevision['subject'] {
  const subject = rule.subject;
  switch (subject.kind) {
    case 'document': {
      const doc = model.documents.find((d) => d.id === subject.document);
      return { kind: 'document', id: subject.document, name: doc?.title ?? subject.document };
    }
    case 'structure': {
      const s = model.structures.find((x) => x.id === subject.structure);
      return {
        kind: 'structure',
        id: subject.structure,
        name: s ? `${s.id} ${s.name}` : subject.structure,
      };
    }
    case 'model':
      return { kind: 'model', name: model.name };
  }
}

/**
 * A due date moved onto a forum meeting is only as certain as that meeting: when the forum's
 * cadence merely suggests the date (T1.1 «En gang i året» in the spring), so does the due date
 * (`placement: 'suggested'`, still `atForum`). Its window stays the rule's own: that is the
 * stretch in which a revision record counts (see `revisionStatus`).
 */
function withForumPlacement(due: DueDate, forum: ReadonlyMap<IsoDate, Occurrence>): DueDate {
  if (!due.atForum) return due;
  const meeting = forum.get(due.date);
  return meeting?.placement === 'suggested' ? { ...due, placement: 'suggested' } : due;
}

/**
 * Every revision rule of the model in one school year, sorted by the first due date (rules
 * without dates last, in model order). When a rule's forum is one of the model's structures,
 * that structure's meetings this year are the dates the revision is placed on; a meeting date
 * the forum's cadence only suggests leaves the due date suggested. Suggested due dates of
 * different revisions on one day are moved apart (see `spreadDueDates`).
 */
export function revisionsForYear(
  model: Model,
  year: SchoolYear,
  options: RevisionsForYearOptions = {},
): ModelRevision[] {
  const lang = options.lang ?? 'nb';
  const labels = (ids: readonly string[]) => ids.map((id) => ({ id, name: partyName(model, id) }));

  const placed = model.revisions.map((rule) => {
    let forum: ModelRevision['forum'];
    const dueOptions: DueOptions = {};
    const meetings = new Map<IsoDate, Occurrence>();
    if (rule.forum) {
      const structure = rule.forum.structure
        ? model.structures.find((s) => s.id === rule.forum!.structure)
        : undefined;
      const occurrences = structure ? expandCadence(structure.cadence, year).occurrences : [];
      // Of two occurrences on one day, an exact one wins.
      for (const o of occurrences) {
        if (meetings.get(o.date)?.placement !== 'exact') meetings.set(o.date, o);
      }
      const dates = occurrences.map((o) => o.date);
      forum = {
        text: rule.forum.text,
        ...(rule.forum.structure ? { structure: rule.forum.structure } : {}),
        dates,
      };
      if (dates.length > 0) dueOptions.forumDates = dates;
    }
    const dueDates = revisionDueDates(rule, year, dueOptions).map((d) =>
      withForumPlacement(d, meetings),
    );
    return { rule, forum, meetings, dueDates };
  });
  spreadDueDates(byFirstDue(placed), year);

  const out = placed.map(({ rule, forum, meetings, dueDates }): ModelRevision => ({
    rule,
    title: rule.title,
    subject: subjectOf(model, rule),
    ...(forum ? { forum } : {}),
    dueDates,
    unscheduled: dueDates.length > 0 ? null : unscheduledReason(rule, year, lang),
    draftedBy: labels(rule.draftedBy),
    input: labels(rule.input),
    decidedBy: labels(rule.decidedBy),
    publishedBy: labels(rule.publishedBy),
    ...(options.asOf !== undefined
      ? {
          status: revisionStatus(rule, model.revisionRecords, year, options.asOf, {
            dues: dueDates,
          }).map((st) => ({ ...st, due: withForumPlacement(st.due, meetings) })),
        }
      : {}),
    continuous: rule.continuous === true,
  }));
  return byFirstDue(out);
}

/** Sorted by the first due date (those without dates last), else in the given order. */
function byFirstDue<T extends { dueDates: readonly DueDate[] }>(list: readonly T[]): T[] {
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const da = a.r.dueDates[0]?.date;
      const db = b.r.dueDates[0]?.date;
      if (da === undefined || db === undefined) {
        return da === db ? a.i - b.i : da === undefined ? 1 : -1;
      }
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ r }) => r);
}

/**
 * Moves apart the suggested due dates of different revisions that fall on one day (six yearly
 * revisions of the Grorud model land on 26 January 2026), as the årshjul spreads its meetings
 * (`spreadSuggestedDates`): the one with the narrowest window keeps the day (of equal windows,
 * the first in `revisions`, which come sorted by their first due date, each revision's dates in
 * turn), the others go to the nearest free school weeks inside their windows, and a draft
 * deadline moves with its due date. A due date at a forum's meeting (which the årshjul leaves
 * where it is), or an exact one, stays. So the wheel, the plan's revision calendar, the documents
 * table and the revision status all give one date for each revision. Changes `revisions`' due
 * dates in place.
 */
function spreadDueDates(revisions: { dueDates: DueDate[] }[], year: SchoolYear): void {
  const dues = revisions.flatMap((r) => r.dueDates.map((due, i) => ({ r, i, due })));
  const dates = spreadSuggestedDates(
    dues.map(({ due }) => ({
      date: due.date,
      window: due.placement === 'suggested' && !due.atForum ? due.window : undefined,
    })),
    year,
  );
  dues.forEach(({ r, i, due }, k) => {
    const date = dates[k]!;
    if (date === due.date) return;
    const shift = dayNumber(date) - dayNumber(due.date);
    r.dueDates[i] = {
      ...due,
      date,
      ...(due.draftBy !== undefined ? { draftBy: addDays(due.draftBy, shift) } : {}),
    };
  });
}
