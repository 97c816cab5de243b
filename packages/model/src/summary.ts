/**
 * Counts for a model: structures per level, schools (and those active on a date), areas,
 * documents, roles, revision rules, onboarding plans and routines. Works on a valid model and,
 * tolerantly, on a file that did not validate, as long as its collections are lists.
 */
import type { IsoDate } from '@arshjul/school-calendar';
import type { ModelSummary } from './issues.js';
import type { Model } from './schema.js';
import { isPlainObject } from './paths.js';
import { isSchoolActive } from './queries.js';

/** The summary of a valid model; active schools are counted on `asOf`. */
export function summarizeModel(model: Model, asOf: IsoDate): ModelSummary {
  return summarizeValue(model, asOf) ?? emptySummary();
}

function emptySummary(): ModelSummary {
  return {
    structures: { strategisk: 0, organisatorisk: 0, operativt: 0, total: 0 },
    schools: 0,
    activeSchools: 0,
    areas: 0,
    documents: 0,
    roles: 0,
    revisions: 0,
    onboardingPlans: 0,
    routines: 0,
  };
}

/**
 * The summary of any value shaped enough like a model: the root and `organisation` are objects
 * (or `organisation` is missing) and each collection is a list or missing. Null otherwise.
 */
export function summarizeValue(value: unknown, asOf: IsoDate): ModelSummary | null {
  if (!isPlainObject(value)) return null;
  const org = value.organisation;
  if (org !== undefined && !isPlainObject(org)) return null;
  const list = (v: unknown): unknown[] | null =>
    v === undefined ? [] : Array.isArray(v) ? v : null;
  const structures = list(value.structures);
  const schools = list(org?.schools);
  const areas = list(org?.areas);
  const documents = list(value.documents);
  const roles = list(value.roles);
  const revisions = list(value.revisions);
  const onboarding = list(value.onboarding);
  const routines = list(value.routines);
  if (
    !structures ||
    !schools ||
    !areas ||
    !documents ||
    !roles ||
    !revisions ||
    !onboarding ||
    !routines
  ) {
    return null;
  }
  const summary = emptySummary();
  for (const s of structures) {
    const level = isPlainObject(s) ? s.level : undefined;
    if (level === 'strategisk' || level === 'organisatorisk' || level === 'operativt') {
      summary.structures[level]++;
    }
  }
  summary.structures.total = structures.length;
  summary.schools = schools.length;
  summary.activeSchools = schools.filter((s) => isPlainObject(s) && isSchoolActive(s, asOf)).length;
  summary.areas = areas.length;
  summary.documents = documents.length;
  summary.roles = roles.length;
  summary.revisions = revisions.length;
  summary.onboardingPlans = onboarding.length;
  summary.routines = routines.length;
  return summary;
}
