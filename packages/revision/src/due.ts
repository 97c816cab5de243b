/**
 * When a revision rule falls due in a school year.
 *
 * The rule's cadence («Justeres en gang i året», «hvert vårsemester», «Revideres to ganger i
 * året») is expanded on the school calendar by `@arshjul/recurrence`. When the revision is made at
 * a forum (a meeting structure), the caller passes that forum's meeting dates for the year and
 * each due date moves onto one of them. The proposal must be ready `draftLead` before.
 */
import {
  expandCadence,
  type Expansion,
  type HolidayPolicy,
  type Occurrence,
  type SimpleRule,
} from '@arshjul/recurrence';
import {
  addDays,
  dayNumber,
  type IsoDate,
  type Lang,
  type SchoolYear,
} from '@arshjul/school-calendar';
import { revisionMessage } from './messages.js';
import type { LeadTime, RevisionRule } from './schema.js';

export interface DueDate {
  /** The rule id. */
  rule: string;
  /** When the revision is due (the forum date when there is one). */
  date: IsoDate;
  placement: 'exact' | 'suggested';
  /** The stretch the cadence allows (e.g. the spring half). */
  window?: { from: IsoDate; to: IsoDate };
  /** date − draftLead, when the rule has a draftLead. */
  draftBy?: IsoDate;
  /** True when the date is a meeting of the forum structure. */
  atForum: boolean;
  /** Beyond the minimum of a range («En til to ganger i året»). */
  optional?: boolean;
}

export interface DueOptions {
  /** The forum structure's meeting dates this school year (computed by the caller). */
  forumDates?: readonly IsoDate[];
  /** How a date on a holiday or in a break is handled (see `@arshjul/recurrence`). */
  policy?: HolidayPolicy;
}

const startYearOf = (schoolYear: string): number => Number(schoolYear.slice(0, 4));

/** True when the rule's first revision lies in a later school year than `year`. */
export function beforeFirstRevision(rule: RevisionRule, year: SchoolYear): boolean {
  return (
    rule.firstRevision !== undefined && startYearOf(rule.firstRevision.schoolYear) > year.startYear
  );
}

/** `date` moved back by a lead time. */
export function subtractLead(date: IsoDate, lead: LeadTime): IsoDate {
  return addDays(date, -(lead.unit === 'week' ? 7 * lead.amount : lead.amount));
}

function expand(rule: RevisionRule, year: SchoolYear, policy?: HolidayPolicy): Expansion {
  return expandCadence(rule.cadence, year, policy ? { policy } : {});
}

/** The half of the school year a date belongs to, as the kommune's calendar divides it. */
function halfOf(date: IsoDate, year: SchoolYear): 'høst' | 'vår' {
  return date <= year.halves.høst.to ? 'høst' : 'vår';
}

/**
 * The forum date for a due date: inside its window, the first one on or after the suggested date,
 * else the last one before it; without a window, the nearest one in the same half-year (on or
 * after wins a tie). Dates another due date already took are not used again.
 */
function forumDateFor(
  due: DueDate,
  forum: readonly IsoDate[],
  taken: ReadonlySet<IsoDate>,
  year: SchoolYear,
): IsoDate | undefined {
  const free = forum.filter((d) => !taken.has(d));
  if (due.window) {
    const { from, to } = due.window;
    const inside = free.filter((d) => d >= from && d <= to);
    return inside.find((d) => d >= due.date) ?? inside[inside.length - 1];
  }
  const half = halfOf(due.date, year);
  const same = free.filter((d) => halfOf(d, year) === half);
  let best: IsoDate | undefined;
  let bestGap = Infinity;
  const target = dayNumber(due.date);
  for (const d of same) {
    const gap = Math.abs(dayNumber(d) - target);
    // `same` is sorted, so on a tie the later date (on or after) replaces the earlier one.
    if (gap < bestGap || (gap === bestGap && d >= due.date)) {
      best = d;
      bestGap = gap;
    }
  }
  return best;
}

function fromOccurrence(rule: RevisionRule, o: Occurrence): DueDate {
  return {
    rule: rule.id,
    date: o.date,
    placement: o.placement,
    ...(o.window ? { window: { from: o.window.from, to: o.window.to } } : {}),
    atForum: false,
    ...(o.optional ? { optional: true } : {}),
  };
}

/** Due dates of one rule in one school year ([] before firstRevision.schoolYear, [] for unscheduled cadences). */
export function revisionDueDates(
  rule: RevisionRule,
  year: SchoolYear,
  options: DueOptions = {},
): DueDate[] {
  if (beforeFirstRevision(rule, year)) return [];
  const expansion = expand(rule, year, options.policy);
  if (expansion.status !== 'scheduled') return [];
  let dues = expansion.occurrences.map((o) => fromOccurrence(rule, o));

  const forum = [...new Set(options.forumDates ?? [])]
    .filter((d) => year.contains(d))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (forum.length) {
    const taken = new Set<IsoDate>();
    dues = dues.map((due) => {
      const at = forumDateFor(due, forum, taken, year);
      if (at === undefined) return due;
      taken.add(at);
      return { ...due, date: at, placement: 'exact', atForum: true };
    });
    dues.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  const lead = rule.draftLead;
  return lead ? dues.map((d) => ({ ...d, draftBy: subtractLead(d.date, lead) })) : dues;
}

function primaryRule(rule: RevisionRule): SimpleRule {
  const r = rule.cadence.rule;
  return r.kind === 'alternatives' ? r.options[0]! : r;
}

/** Why there are no dates, in words (nb/nn/en), or null: «ved behov», before the first revision, waiting for an event … */
export function unscheduledReason(
  rule: RevisionRule,
  year: SchoolYear,
  lang: Lang = 'nb',
): string | null {
  if (beforeFirstRevision(rule, year)) {
    const first = rule.firstRevision!;
    return first.text
      ? revisionMessage(
          'first-revision',
          { text: first.text, first: first.schoolYear, year: year.name },
          lang,
        )
      : revisionMessage('first-revision-year', { first: first.schoolYear, year: year.name }, lang);
  }
  const expansion = expand(rule, year);
  if (expansion.status === 'scheduled' && expansion.occurrences.length > 0) return null;
  const text = rule.cadence.text;
  const primary = primaryRule(rule);
  switch (expansion.status) {
    case 'on-demand':
      return revisionMessage('on-demand', { text }, lang);
    case 'continuous':
      return revisionMessage('continuous', { text }, lang);
    case 'waiting-for-event':
      return revisionMessage(
        'event',
        { text, event: primary.kind === 'event' ? primary.event : text },
        lang,
      );
    case 'needs-interval':
      return revisionMessage('qualitative', { text }, lang);
    case 'school-choice':
      return revisionMessage('school-choice', { text }, lang);
    case 'not-this-year':
      if (primary.kind === 'interval' && primary.unit === 'year' && primary.since !== undefined)
        return revisionMessage(
          'every-n-years',
          { text, every: primary.every, since: primary.since, year: year.name },
          lang,
        );
      return revisionMessage('no-dates', { text, year: year.name }, lang);
    default:
      return revisionMessage('no-dates', { text, year: year.name }, lang);
  }
}
