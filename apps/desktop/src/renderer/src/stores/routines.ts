/**
 * Routines (`routines[]`): what is done, step by step and by whom, when something happens — a
 * new employee, a school worried about a pupil. They belong in the implementation plan, not on
 * calendar dates. Pure edits for the routines editor.
 */
import { freshId, insertAt, type Edit, type Json, type JsonObject } from './edits.js';
import { idBase, idsOf } from './documents.js';

/** A routine needs a trigger and at least one step. */
export function newRoutine(id: string, name: string, event: string, action: string): JsonObject {
  return { id, name, trigger: { event }, steps: [{ action }] };
}

/** Adds a routine with a fresh id from its name at the end of `routines[]`. */
export function addRoutine(
  doc: Json,
  opts: { name: string; event: string; action: string },
): { edit: Edit; id: string } {
  const list = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc.routines : [];
  const id = freshId(idBase(opts.name), idsOf(list));
  return { id, edit: insertAt(['routines'], newRoutine(id, opts.name, opts.event, opts.action)) };
}

/** Adds a step after the last one of routine `routine`. */
export function addRoutineStep(routine: number, action: string): Edit {
  return insertAt(['routines', routine, 'steps'], { action });
}
