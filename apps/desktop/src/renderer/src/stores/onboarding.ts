/**
 * Pure helpers of the onboarding editor: new plans, meetings and agenda rows (valid from the
 * start, so the model stays usable while the user fills them in), moving rows, the duration in
 * words, and the choices for an agenda row's documents; and the newcomers («Ny i rollen»): who
 * starts in which role where and when (never a name), and the dates of their meetings.
 */
import {
  calendarRegistryFor,
  newcomerMeetingDates,
  partyName,
  planOfNewcomer,
  type Model,
  type Newcomer,
} from '@arshjul/model';
import {
  parseIsoDate,
  type CalendarRegistry,
  type IsoDate,
  type KommuneCalendar,
} from '@arshjul/school-calendar';
import {
  freshId,
  insertAt,
  moveAt,
  setAt,
  type Edit,
  type Json,
  type JsonObject,
  type JsonPath,
} from './edits.js';
import { idBase, idsOf, type RefChoice } from './documents.js';
import { normalizeDate } from './revision.js';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Path of a plan, a meeting, a meeting's agenda. */
export const planPath = (plan: number): JsonPath => ['onboarding', plan];
export const meetingsPath = (plan: number): JsonPath => ['onboarding', plan, 'meetings'];
export const meetingPath = (plan: number, meeting: number): JsonPath => [
  'onboarding',
  plan,
  'meetings',
  meeting,
];
export const agendaPath = (plan: number, meeting: number): JsonPath => [
  ...meetingPath(plan, meeting),
  'agenda',
];

/** A new agenda row: the content is a placeholder the user types over (content is required). */
export function newAgendaRow(content: string): JsonObject {
  return { content };
}

/** A new meeting «Møte n» with one agenda row (a meeting needs at least one). */
export function newMeeting(title: string, rowContent: string): JsonObject {
  return { title, agenda: [newAgendaRow(rowContent)] };
}

/**
 * A new plan for a newcomer in `role` (a plan needs a trigger role and a meeting), with a fresh
 * id from its title.
 */
export function addPlan(
  doc: Json,
  opts: { title: string; role: string; meetingTitle: string; rowContent: string },
): { edit: Edit; id: string } {
  const id = freshId(idBase(opts.title), idsOf(isObject(doc) ? doc.onboarding : undefined));
  const plan: JsonObject = {
    id,
    title: opts.title,
    trigger: { roles: [opts.role], at: 'school' },
    meetings: [newMeeting(opts.meetingTitle, opts.rowContent)],
  };
  return { id, edit: insertAt(['onboarding'], plan) };
}

/** Moves row `from` of the list at `path` one step up (-1) or down (+1); no edit at an end. */
export function moveStep(path: JsonPath, length: number, from: number, step: -1 | 1): Edit | null {
  const to = from + step;
  if (to < 0 || to >= length) return null;
  return moveAt(path, from, to);
}

/** «15–30 min», «60 min», or '' without a duration. */
export function durationText(duration: { min: number; max: number } | undefined): string {
  if (!duration) return '';
  return duration.min === duration.max
    ? `${duration.min} min`
    : `${duration.min}–${duration.max} min`;
}

/**
 * The choices for an agenda row's documents: the model's documents by title; names of
 * documents outside the model (the school's strategic plan) are free text in the file.
 */
export function documentChoices(model: Model, max = 70, shortMax = 32): RefChoice[] {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return model.documents.map((d) => ({
    value: d.id,
    label: cut(d.title, max),
    short: cut(d.title, shortMax),
  }));
}

/** How many agenda rows the plans have in all (the Grorud source: 15). */
export function agendaRowCount(model: Model): number {
  return model.onboarding.reduce(
    (n, p) => n + p.meetings.reduce((m, meeting) => m + meeting.agenda.length, 0),
    0,
  );
}

/** Adds a meeting after the last one of a plan, as one edit. */
export function addMeeting(plan: number, title: string, rowContent: string): Edit {
  return insertAt(meetingsPath(plan), newMeeting(title, rowContent));
}

// ---------------------------------------------------------------------------------------------
// Newcomers («Ny rektor på Rødtvet fra 5. januar»): `newcomers[]`, never with a name

export type TriggerAt = 'school' | 'area' | 'district';

/** A plan a newcomer can get: its trigger roles and where they are placed. */
export interface NewcomerPlanChoice {
  id: string;
  title: string;
  roles: RefChoice[];
  at: TriggerAt;
}

/** The plans that have trigger roles, with the roles by name. */
export function newcomerPlans(model: Model): NewcomerPlanChoice[] {
  return model.onboarding
    .filter((p) => p.trigger.roles.length > 0)
    .map((p) => ({
      id: p.id,
      title: p.title,
      roles: p.trigger.roles.map((r) => ({ value: r, label: partyName(model, r) })),
      at: p.trigger.at ?? 'district',
    }));
}

/** Where a newcomer of a plan can start: the schools, or the areas; none for the district. */
export function placeChoices(model: Model, at: TriggerAt): RefChoice[] {
  if (at === 'school')
    return model.organisation.schools.map((s) => ({ value: s.id, label: s.name }));
  if (at === 'area') return model.organisation.areas.map((a) => ({ value: a.id, label: a.name }));
  return [];
}

export interface NewcomerForm {
  plan: string;
  role: string;
  /** A school or an area id, by the plan's `trigger.at`. */
  place: string;
  /** As typed: `2026-01-05` or `5.1.2026`. */
  startsOn: string;
}

export type NewcomerField = 'plan' | 'role' | 'place' | 'startsOn';

export interface NewcomerProblem {
  field: NewcomerField;
  key:
    | 'onb.nc.err.plan'
    | 'onb.nc.err.role'
    | 'onb.nc.err.place'
    | 'onb.nc.err.dateMissing'
    | 'onb.nc.err.date'
    | 'onb.nc.err.duplicate';
  detail?: string;
}

/**
 * Checks the «Ny i rollen» form and makes the edit that adds the newcomer to `newcomers[]`:
 * the plan, one of its trigger roles, the school or area its trigger asks for, and a date that
 * exists. The id says role, place and day (`rektor-rodtvet-2026-01-05`), never a name.
 */
export function addNewcomer(
  model: Model,
  doc: Json,
  form: NewcomerForm,
): { ok: true; edit: Edit; id: string } | { ok: false; problems: NewcomerProblem[] } {
  const problems: NewcomerProblem[] = [];
  const plan = newcomerPlans(model).find((p) => p.id === form.plan);
  if (!plan) problems.push({ field: 'plan', key: 'onb.nc.err.plan' });
  else {
    if (!plan.roles.some((r) => r.value === form.role))
      problems.push({ field: 'role', key: 'onb.nc.err.role' });
    if (plan.at !== 'district' && !placeChoices(model, plan.at).some((c) => c.value === form.place))
      problems.push({ field: 'place', key: 'onb.nc.err.place' });
  }
  const startsOn = normalizeDate(form.startsOn);
  if (startsOn === '') problems.push({ field: 'startsOn', key: 'onb.nc.err.dateMissing' });
  else {
    try {
      parseIsoDate(startsOn, 'startdato');
    } catch (e) {
      problems.push({
        field: 'startsOn',
        key: 'onb.nc.err.date',
        ...(e instanceof Error ? { detail: e.message } : {}),
      });
    }
  }
  if (problems.length > 0 || !plan) return { ok: false, problems };
  const place: JsonObject =
    plan.at === 'school' ? { school: form.place } : plan.at === 'area' ? { area: form.place } : {};
  const same = model.newcomers.some(
    (n) =>
      n.plan === plan.id &&
      n.role === form.role &&
      n.startsOn === startsOn &&
      (n.school ?? n.area ?? '') === (plan.at === 'district' ? '' : form.place),
  );
  if (same) return { ok: false, problems: [{ field: 'startsOn', key: 'onb.nc.err.duplicate' }] };
  const id = freshId(
    [form.role, plan.at === 'district' ? 'bydel' : form.place, startsOn].join('-'),
    idsOf(isObject(doc) ? doc.newcomers : undefined),
  );
  const entry: JsonObject = { id, plan: plan.id, role: form.role, ...place, startsOn };
  return { ok: true, id, edit: insertAt(['newcomers'], entry) };
}

/** One meeting of a newcomer's plan, with its date: chosen (in `meetingDates`) or suggested. */
export interface NewcomerMeeting {
  title: string;
  date?: IsoDate;
  chosen: boolean;
}

export interface NewcomerRow {
  index: number;
  id: string;
  plan: string;
  planTitle: string;
  roleName: string;
  /** The school or area by name; '' for the district. */
  placeName: string;
  startsOn: IsoDate;
  meetings: NewcomerMeeting[];
}

/** Suggested dates of a newcomer's meetings, in plan order (from @arshjul/plan when it has them). */
export type SuggestDates = (model: Model, newcomer: Newcomer) => readonly (IsoDate | undefined)[];

/**
 * The suggested dates of @arshjul/model (`newcomerMeetingDates`): meeting 1 on the first school
 * day from the start, each next one two weeks later, on the district's school calendar.
 */
export function suggestFrom(registry?: CalendarRegistry): SuggestDates {
  return (model, newcomer) => {
    const plan = planOfNewcomer(model, newcomer);
    if (!plan) return [];
    let calendar: KommuneCalendar | undefined;
    try {
      calendar = calendarRegistryFor(model, registry).kommune(model.organisation.district.kommune);
    } catch {
      calendar = undefined;
    }
    return newcomerMeetingDates(newcomer, plan, calendar).map((d) => d.date);
  };
}

/** The newcomers in the order of the file, with their meetings' dates. */
export function newcomerRows(model: Model, suggest?: SuggestDates): NewcomerRow[] {
  return model.newcomers.map((n, index) => {
    const plan = model.onboarding.find((p) => p.id === n.plan);
    const suggested = suggest?.(model, n) ?? [];
    const placeName = n.school
      ? (model.organisation.schools.find((s) => s.id === n.school)?.name ?? n.school)
      : n.area
        ? (model.organisation.areas.find((a) => a.id === n.area)?.name ?? n.area)
        : '';
    return {
      index,
      id: n.id,
      plan: n.plan,
      planTitle: plan?.title ?? n.plan,
      roleName: partyName(model, n.role),
      placeName,
      startsOn: n.startsOn,
      meetings: (plan?.meetings ?? []).map((m, i) => {
        const chosen = n.meetingDates?.[i];
        const date = chosen ?? suggested[i];
        return { title: m.title, ...(date ? { date } : {}), chosen: chosen !== undefined };
      }),
    };
  });
}

/**
 * Sets (or with '' clears) the date of meeting `meeting` of newcomer `index`. `meetingDates`
 * holds one date per meeting in order, so the meetings before it keep the date they show
 * (suggested, else the start date); clearing a date also clears the chosen dates after it
 * (they go back to suggested).
 */
export function setMeetingDate(row: NewcomerRow, meeting: number, date: IsoDate | ''): Edit {
  const chosen = row.meetings.filter((m) => m.chosen).map((m) => m.date!);
  let dates: IsoDate[];
  if (date === '') dates = chosen.slice(0, meeting);
  else {
    dates = row.meetings.slice(0, meeting).map((m) => m.date ?? row.startsOn);
    dates.push(date);
    dates.push(...chosen.slice(meeting + 1));
  }
  const path: JsonPath = ['newcomers', row.index, 'meetingDates'];
  return setAt(path, dates.length > 0 ? dates : undefined);
}
