/**
 * Pure helpers of the organisation editor: the ids already taken in the shared namespace of
 * parties, new areas, schools, membership periods and units, and where a school stands on a day
 * (member of an area, left, not yet a member). They read the file's JSON as written (ids are
 * taken whether or not the file validates) or the validated model, and never change their input.
 */
import {
  isSchoolActive,
  membershipAt,
  schoolYearStart,
  type InstitutionKind,
  type Model,
  type School,
  type SchoolStage,
} from '@arshjul/model';
import { addDays, isValidIsoDate, type IsoDate } from '@arshjul/school-calendar';
import { freshId, getAt, type Json, type JsonObject } from './edits.js';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idsIn(list: Json | undefined): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isObject(item) && typeof item.id === 'string' ? [item.id] : []));
}

/**
 * Every id in the shared namespace of parties (district, units, areas, schools, institutions,
 * roles, collectives), read from the file as written: a new party must not reuse one.
 */
export function partyIdsOf(doc: Json): string[] {
  const out: string[] = [];
  const district = getAt(doc, ['organisation', 'district', 'id']);
  if (typeof district === 'string') out.push(district);
  for (const key of ['units', 'areas', 'schools', 'institutions']) {
    out.push(...idsIn(getAt(doc, ['organisation', key])));
  }
  out.push(...idsIn(getAt(doc, ['roles'])), ...idsIn(getAt(doc, ['collectives'])));
  return out;
}

/** The school year a day belongs to (the year starts 1 August): `2026-11-22` → `2026-27`. */
export function schoolYearOf(date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The first day of the school year `asOf` falls in (1 August, as the wheel starts): the default
 * start of a new school's first membership period.
 */
export function currentSchoolYearStart(asOf: IsoDate): IsoDate {
  return schoolYearStart(schoolYearOf(asOf));
}

/** The usual grades of a stage (barneskole 1–7, ungdomsskole 8–10 …); none for «annen». */
export function defaultGrades(stage: SchoolStage): { from: number; to: number } | undefined {
  switch (stage) {
    case 'barneskole':
      return { from: 1, to: 7 };
    case 'ungdomsskole':
      return { from: 8, to: 10 };
    case 'kombinert':
      return { from: 1, to: 10 };
    case 'videregående':
      return { from: 11, to: 13 };
    case 'annen':
      return undefined;
  }
}

/** A new area named `name`, with an id made from the name that no party has. */
export function newArea(name: string, doc: Json): JsonObject {
  const clean = name.trim();
  return { id: freshId(clean, partyIdsOf(doc)), name: clean };
}

/** A new unit: the id from the abbreviation when there is one, else from the name. */
export function newUnit(name: string, abbreviation: string, doc: Json): JsonObject {
  const n = name.trim();
  const a = abbreviation.trim();
  return {
    id: freshId(a || n, partyIdsOf(doc)),
    name: n,
    ...(a ? { abbreviation: a } : {}),
    kind: 'unit',
  };
}

/** A new institution (a kindergarten …): its id from the name; its area chosen afterwards. */
export function newInstitution(name: string, kind: InstitutionKind, doc: Json): JsonObject {
  const clean = name.trim();
  return { id: freshId(clean, partyIdsOf(doc)), name: clean, kind };
}

/**
 * A new school: its usual grades, and a first membership period (a school needs one) in the
 * first area, from the start of the school year `asOf` falls in (open-ended).
 */
export function newSchool(name: string, stage: SchoolStage, doc: Json, asOf: IsoDate): JsonObject {
  const clean = name.trim();
  const firstArea = idsIn(getAt(doc, ['organisation', 'areas']))[0];
  const grades = defaultGrades(stage);
  return {
    id: freshId(clean, partyIdsOf(doc)),
    name: clean,
    stage,
    ...(grades ? { grades } : {}),
    memberships: [
      {
        ...(firstArea !== undefined ? { area: firstArea } : {}),
        from: currentSchoolYearStart(asOf),
      },
    ],
  };
}

/**
 * The next membership period of a school whose periods are `memberships` (as written): in the
 * area of the last period, from the day after it ended (a school that comes back), or, when the
 * last period is still open or has no valid end, from the start of the current school year.
 */
export function nextMembership(memberships: Json | undefined, asOf: IsoDate): JsonObject {
  const list = Array.isArray(memberships) ? memberships.filter(isObject) : [];
  const last = list[list.length - 1];
  const area = last && typeof last.area === 'string' ? last.area : undefined;
  const to = last?.to;
  const from =
    typeof to === 'string' && isValidIsoDate(to) ? addDays(to, 1) : currentSchoolYearStart(asOf);
  return { ...(area !== undefined ? { area } : {}), from };
}

export type SchoolState =
  | { state: 'member'; area?: string; since?: IsoDate; until?: IsoDate }
  | { state: 'left'; since: IsoDate }
  | { state: 'upcoming'; from: IsoDate }
  | { state: 'none' };

/**
 * Where a school stands on `asOf`: a member (in which area, since and until when), left (the
 * last day of its last period before the day), not yet a member (the first day of its next
 * period), or none of these (no period with dates that say so).
 */
export function schoolState(school: School, asOf: IsoDate): SchoolState {
  if (isSchoolActive(school, asOf)) {
    const m = membershipAt(school, asOf)!;
    return {
      state: 'member',
      ...(m.area !== undefined ? { area: m.area } : {}),
      ...(m.from !== undefined ? { since: m.from } : {}),
      ...(m.to !== undefined ? { until: m.to } : {}),
    };
  }
  const upcoming = school.memberships
    .map((m) => m.from)
    .filter((f): f is IsoDate => f !== undefined && f > asOf)
    .sort()[0];
  if (upcoming !== undefined) return { state: 'upcoming', from: upcoming };
  const ended = school.memberships
    .map((m) => m.to)
    .filter((t): t is IsoDate => t !== undefined && t < asOf)
    .sort()
    .pop();
  if (ended !== undefined) return { state: 'left', since: ended };
  return { state: 'none' };
}

export interface SchoolsOverview {
  /** Ids of the schools that take part on the day, in model order. */
  members: string[];
  /** Ids of the schools that have left by the day, in model order. */
  left: string[];
  /** Ids of the schools that have not started yet. */
  upcoming: string[];
}

/** Which schools take part on `asOf`, which have left and which have not started. */
export function schoolsOverview(model: Model, asOf: IsoDate): SchoolsOverview {
  const out: SchoolsOverview = { members: [], left: [], upcoming: [] };
  for (const s of model.organisation.schools) {
    const st = schoolState(s, asOf);
    if (st.state === 'member') out.members.push(s.id);
    else if (st.state === 'left') out.left.push(s.id);
    else if (st.state === 'upcoming') out.upcoming.push(s.id);
  }
  return out;
}

/** The schools that are members of each area on `asOf` (area id → school ids, model order). */
export function areaMembersAt(model: Model, asOf: IsoDate): Map<string, string[]> {
  const out = new Map<string, string[]>(model.organisation.areas.map((a) => [a.id, []]));
  for (const s of model.organisation.schools) {
    const area = membershipAt(s, asOf)?.area;
    if (area !== undefined) out.get(area)?.push(s.id);
  }
  return out;
}

/**
 * Choices for a select, with the file's own value added when it is not among them (a removed
 * area, a kommune the registry does not know): the select then shows what the file holds, and
 * validation says why it is wrong.
 */
export function choicesWith(
  choices: readonly { value: string; label: string }[],
  current: Json | undefined,
): { value: string; label: string }[] {
  const out = [...choices];
  if (typeof current === 'string' && current !== '' && !out.some((c) => c.value === current)) {
    out.push({ value: current, label: current });
  }
  return out;
}
