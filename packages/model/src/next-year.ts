/**
 * The yearly revision of the model itself: next school year's model made from this year's, and
 * the record of what the revision changed, as an entry in the model's change log.
 *
 * Both functions are pure: the input models are never modified.
 */
import { changeLogEntry, type EntityChange } from '@arshjul/revision';
import {
  ArshjulError,
  normalizeSchoolYearName,
  parseIsoDate,
  type IsoDate,
  type KommuneCalendar,
  type Lang,
} from '@arshjul/school-calendar';
import type { Model, School } from './schema.js';
import { diffModels, formatModelChange } from './diff.js';
import { isDiscontinued, schoolYearStart } from './queries.js';
import { calendarRegistryFor, modelKommuneId } from './calendar.js';
import { newcomerMeetingDates, planOfNewcomer } from './newcomers.js';

/** The model's kommune calendar (its own years over the bundled ones), when it is known. */
function modelCalendar(model: Model): KommuneCalendar | undefined {
  try {
    const registry = calendarRegistryFor(model);
    return registry.kommune(modelKommuneId(model, registry));
  } catch {
    return undefined;
  }
}

export interface NextYearOptions {
  /** The new school year; by default the one after the model's `schoolYear`. */
  schoolYear?: string;
  /** The day the new version is made (the change-log entry's date). */
  date: IsoDate;
  lang?: Lang;
  /** The change-log entry's summary; by default «Skoleåret 2026-27 laget fra 2025-26». */
  summary?: string;
}

export interface NextYearResult {
  model: Model;
  /** What differs from the input model (also listed in the new change-log entry). */
  changes: EntityChange[];
  /** Things to know that are not changes, in words: e.g. a school whose membership ended. */
  notices: string[];
}

/** `2025-26` → `2026-27`. */
export function nextSchoolYearName(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function previousSchoolYearName(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

const T = {
  summary: {
    nb: (to: string, from: string) => `Skoleåret ${to} laget fra ${from}`,
    nn: (to: string, from: string) => `Skuleåret ${to} laga frå ${from}`,
    en: (to: string, from: string) => `School year ${to} made from ${from}`,
  },
  schoolLeft: {
    nb: (name: string, to: string) =>
      `${name} deltar ikke lenger i samarbeidet (til og med ${to}); skolen er beholdt som historikk`,
    nn: (name: string, to: string) =>
      `${name} deltek ikkje lenger i samarbeidet (til og med ${to}); skulen er halden på som historikk`,
    en: (name: string, to: string) =>
      `${name} no longer takes part in the collaboration (until ${to}); the school is kept as history`,
  },
  noYear: {
    nb: 'Modellen har ikke noe skoleår; oppgi skoleåret den nye versjonen gjelder, for eksempel 2026-27.',
    nn: 'Modellen har ikkje noko skuleår; oppgi skuleåret den nye versjonen gjeld, til dømes 2026-27.',
    en: 'The model has no school year; give the school year of the new version, e.g. 2026-27.',
  },
  notLater: {
    nb: (to: string, from: string) =>
      `Skoleåret ${to} kommer ikke etter modellens skoleår ${from}.`,
    nn: (to: string, from: string) =>
      `Skuleåret ${to} kjem ikkje etter skuleåret ${from} i modellen.`,
    en: (to: string, from: string) => `School year ${to} does not come after the model's ${from}.`,
  },
} as const;

/** The last day a school takes part, when every membership period of it has ended. */
function lastMemberDay(school: School): IsoDate | undefined {
  let last: IsoDate | undefined;
  for (const m of school.memberships) {
    if (m.to === undefined) return undefined;
    if (last === undefined || m.to > last) last = m.to;
  }
  return last;
}

/**
 * Next school year's model made from this year's: `schoolYear` advanced; structures that are
 * discontinued when the new year starts (1 August) are dropped, with references to them
 * (documents, routines, onboarding plans, revision forums) and the revision rules whose subject
 * they are (with those rules' records); newcomers whose onboarding meetings all lie before the
 * new year are dropped; schools, the other revision records and everything else kept. A change-log entry listing what
 * was added, removed and changed is appended, followed by notices about schools whose membership
 * ended during the past year.
 */
export function nextYearModel(model: Model, options: NextYearOptions): NextYearResult {
  const lang = options.lang ?? 'nb';
  const date = parseIsoDate(options.date, 'date');
  let schoolYear: string;
  if (options.schoolYear !== undefined) {
    schoolYear = normalizeSchoolYearName(options.schoolYear);
    if (model.schoolYear !== undefined && schoolYear <= model.schoolYear) {
      throw new ArshjulError(
        'model.next-year.not-later',
        T.notLater[lang](schoolYear, model.schoolYear),
        'schoolYear',
      );
    }
  } else if (model.schoolYear !== undefined) {
    schoolYear = nextSchoolYearName(model.schoolYear);
  } else {
    throw new ArshjulError('model.next-year.no-school-year', T.noYear[lang], 'schoolYear');
  }
  const previousYear = model.schoolYear ?? previousSchoolYearName(schoolYear);
  const start = schoolYearStart(schoolYear);
  const previousStart = schoolYearStart(previousYear);

  const next: Model = structuredClone(model);
  next.schoolYear = schoolYear;

  const dropped = new Set(next.structures.filter((s) => isDiscontinued(s, start)).map((s) => s.id));
  if (dropped.size > 0) {
    next.structures = next.structures.filter((s) => !dropped.has(s.id));
    for (const d of next.documents) d.structures = d.structures.filter((id) => !dropped.has(id));
    for (const r of next.routines) r.structures = r.structures.filter((id) => !dropped.has(id));
    for (const p of next.onboarding)
      if (p.structure && dropped.has(p.structure)) delete p.structure;
    const droppedRules = new Set(
      next.revisions
        .filter((r) => r.subject.kind === 'structure' && dropped.has(r.subject.structure))
        .map((r) => r.id),
    );
    next.revisions = next.revisions.filter((r) => !droppedRules.has(r.id));
    // Records of a rule that is gone would point at nothing; they leave with it (and are listed
    // as removed in the change-log entry, which keeps the history).
    next.revisionRecords = next.revisionRecords.filter((r) => !droppedRules.has(r.rule));
    for (const r of next.revisions) {
      if (r.forum?.structure && dropped.has(r.forum.structure)) delete r.forum.structure;
    }
  }

  // Newcomers whose onboarding meetings are all over before the new year starts leave the model
  // (the change-log entry lists them as removed). A newcomer with a meeting in the new year, or
  // whose plan is unknown, stays.
  if (next.newcomers.length > 0) {
    const calendar = modelCalendar(model);
    next.newcomers = next.newcomers.filter((n) => {
      const plan = planOfNewcomer(next, n);
      if (!plan) return true;
      return newcomerMeetingDates(n, plan, calendar).some((m) => m.date >= start);
    });
  }

  const notices: string[] = [];
  for (const school of next.organisation.schools) {
    const last = lastMemberDay(school);
    if (last !== undefined && last >= previousStart && last < start) {
      notices.push(T.schoolLeft[lang](school.name, last));
    }
  }

  const { changes } = diffModels(model, next);
  const entry = changeLogEntry(changes, {
    date,
    schoolYear,
    summary: options.summary ?? T.summary[lang](schoolYear, previousYear),
    lang,
    format: (c) => formatModelChange(c, lang),
  });
  next.changeLog = [...next.changeLog, { ...entry, changes: [...entry.changes, ...notices] }];
  return { model: next, changes, notices };
}

export interface ReviseOptions {
  /** The day of the revision (the change-log entry's date). */
  date: IsoDate;
  /** What the revision was, e.g. «Revidert etter SaLTo-møtet våren 2026». */
  summary: string;
  lang?: Lang;
}

/**
 * Records a revision: `edited` (e.g. next year's model after the NSK's edits following the
 * spring SaLTo meeting) with a change-log entry listing what differs from `previous`.
 */
export function reviseModel(
  previous: Model,
  edited: Model,
  options: ReviseOptions,
): { model: Model; changes: EntityChange[] } {
  const date = parseIsoDate(options.date, 'date');
  const { changes } = diffModels(previous, edited);
  const entry = changeLogEntry(changes, {
    date,
    ...(edited.schoolYear ? { schoolYear: edited.schoolYear } : {}),
    summary: options.summary,
    lang: options.lang ?? 'nb',
    format: (c) => formatModelChange(c, options.lang ?? 'nb'),
  });
  const model: Model = structuredClone(edited);
  model.changeLog = [...model.changeLog, entry];
  return { model, changes };
}
