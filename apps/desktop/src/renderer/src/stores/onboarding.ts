/**
 * Pure helpers of the onboarding editor: new plans, meetings and agenda rows (valid from the
 * start, so the model stays usable while the user fills them in), moving rows, the duration in
 * words, and the choices for an agenda row's documents.
 */
import type { Model } from '@arshjul/model';
import {
  freshId,
  insertAt,
  moveAt,
  type Edit,
  type Json,
  type JsonObject,
  type JsonPath,
} from './edits.js';
import { idBase, idsOf, type RefChoice } from './documents.js';

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
