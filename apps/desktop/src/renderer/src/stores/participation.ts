/**
 * The participation matrix and the structure editor: which school takes part in which structure
 * and why (scope or a per-school variation), and the edits of the file that change it. Pure: the
 * edits work on the file's JSON as written (like `edits.ts`), the queries on the validated model.
 */
import {
  appliesToSchool,
  FOCI,
  LEVELS,
  participationMatrix,
  structureStatusAt,
  type Focus,
  type Level,
  type Model,
  type Structure,
  type StructureStatus,
} from '@arshjul/model';
import type { IsoDate } from '@arshjul/school-calendar';
import {
  getAt,
  insertAt,
  setAt,
  type Edit,
  type Json,
  type JsonObject,
  type JsonPath,
} from './edits.js';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Where things are in the file

/** The index of a structure (by id) in the file's `structures`, or -1. */
export function structureIndexOf(doc: Json, id: string): number {
  const list = isObject(doc) ? doc.structures : undefined;
  if (!Array.isArray(list)) return -1;
  return list.findIndex((s) => isObject(s) && s.id === id);
}

/** The path of a school's variation of a structure in the file, or null when it has none. */
export function variationPathOf(doc: Json, structureId: string, schoolId: string): JsonPath | null {
  const i = structureIndexOf(doc, structureId);
  if (i < 0) return null;
  const list = getAt(doc, ['structures', i, 'variations']);
  if (!Array.isArray(list)) return null;
  const j = list.findIndex((v) => isObject(v) && v.school === schoolId);
  return j < 0 ? null : ['structures', i, 'variations', j];
}

// ---------------------------------------------------------------------------------------------
// Taking part

/** Whether the structure's scope (without any variation) includes the school on `asOf`. */
export function scopeIncludes(
  model: Model,
  structure: Structure,
  schoolId: string,
  asOf: IsoDate,
): boolean {
  const school = model.organisation.schools.find((s) => s.id === schoolId);
  if (!school) return false;
  return appliesToSchool({ ...structure, variations: [] }, school, asOf);
}

/**
 * Sets whether a school takes part in a structure, as a variation of the file: `takesPart` that
 * differs from what the scope says (`byScope`) is written to the school's variation (made when
 * missing); one that agrees removes `takesPart`, and the whole variation when nothing else is in
 * it (and the `variations` list when it ends up empty).
 */
export function setTakesPart(
  structureId: string,
  schoolId: string,
  takesPart: boolean,
  byScope: boolean,
): Edit {
  return (doc) => {
    const i = structureIndexOf(doc, structureId);
    if (i < 0) return doc;
    const listPath = ['structures', i, 'variations'];
    const old = getAt(doc, listPath);
    const list = Array.isArray(old) ? old : [];
    const j = list.findIndex((v) => isObject(v) && v.school === schoolId);
    if (takesPart !== byScope) {
      if (j < 0) return insertAt(listPath, { school: schoolId, takesPart })(doc);
      return setAt([...listPath, j, 'takesPart'], takesPart)(doc);
    }
    if (j < 0) return doc;
    const { takesPart: _gone, ...rest } = list[j] as JsonObject;
    if (Object.keys(rest).some((k) => k !== 'school')) return setAt(listPath.concat(j), rest)(doc);
    const next = [...list.slice(0, j), ...list.slice(j + 1)];
    return setAt(listPath, next.length > 0 ? next : undefined)(doc);
  };
}

/**
 * Toggles a school in a structure (by the validated model): a school that takes part is taken
 * out, one that does not is brought in.
 */
export function toggleParticipation(
  model: Model,
  structureId: string,
  schoolId: string,
  asOf: IsoDate,
): Edit {
  const structure = model.structures.find((s) => s.id === structureId);
  const school = model.organisation.schools.find((s) => s.id === schoolId);
  if (!structure || !school) return (doc) => doc;
  const now = appliesToSchool(structure, school, asOf);
  return setTakesPart(structureId, schoolId, !now, scopeIncludes(model, structure, schoolId, asOf));
}

/** A new, empty variation of a structure for a school (nothing when it has one already). */
export function addVariation(structureId: string, schoolId: string): Edit {
  return (doc) => {
    if (variationPathOf(doc, structureId, schoolId)) return doc;
    const i = structureIndexOf(doc, structureId);
    if (i < 0) return doc;
    return insertAt(['structures', i, 'variations'], { school: schoolId })(doc);
  };
}

/**
 * Sets a cadence phrase at `path` (a structure's or a variation's `cadence`): a cadence written
 * as `{ text, rule }` keeps its other fields but loses the rule; an empty phrase removes it.
 */
export function setCadenceAt(path: JsonPath, phrase: string): Edit {
  return (doc) => {
    if (phrase.trim() === '') return setAt(path, undefined)(doc);
    const old = getAt(doc, path);
    if (isObject(old)) {
      const { rule: _rule, ...rest } = old;
      return setAt(path, { ...rest, text: phrase })(doc);
    }
    return setAt(path, phrase)(doc);
  };
}

/** The cadence phrase at `path` as written (a phrase, or the text of `{ text, rule }`). */
export function cadenceTextAt(doc: Json, path: JsonPath): string {
  const c = getAt(doc, path);
  if (typeof c === 'string') return c;
  if (isObject(c) && typeof c.text === 'string') return c.text;
  return '';
}

// ---------------------------------------------------------------------------------------------
// The matrix

export interface MatrixCell {
  /** The school takes part (scope and variation together). */
  takesPart: boolean;
  /** What the scope alone says. */
  byScope: boolean;
  /** The variation brings the school in (`in`) or takes it out (`out`) against the scope. */
  exception: 'in' | 'out' | null;
  /** The school has its own rhythm, local name or note for the structure. */
  own: boolean;
  /** The school has a variation at all (possibly only `takesPart`). */
  hasVariation: boolean;
}

export interface MatrixRow {
  structure: Structure;
  status: StructureStatus;
  /** The day the current status began, when the structure has status entries. */
  statusFrom?: IsoDate;
  /** Also at district level. */
  district: boolean;
  cells: Record<string, MatrixCell>;
}

export interface MatrixGroup {
  key: string;
  level: Level;
  /** For operative structures: the focus (undefined: none or unknown). */
  focus?: Focus;
  rows: MatrixRow[];
}

export interface Matrix {
  schools: { id: string; name: string; area?: string }[];
  groups: MatrixGroup[];
  /** Structures each school (by id) takes part in, of those running (pilot or in operation). */
  counts: Record<string, number>;
}

/**
 * The «Deltakelse» table on `asOf`: the structures (all of them, discontinued and planned ones
 * too, marked by their status) grouped like the implementation plan (by level, the operative ones
 * by focus), × the participating schools of `area` ('all': the whole district).
 */
export function buildMatrix(model: Model, asOf: IsoDate, area: string): Matrix {
  const pm = participationMatrix(model, { asOf, includeDiscontinued: true, includePlanned: true });
  const schools = pm.schools.filter((s) => area === 'all' || s.area === area);
  const byId = new Map(model.structures.map((s) => [s.id, s]));
  const counts: Record<string, number> = Object.fromEntries(schools.map((s) => [s.id, 0]));
  const rows: MatrixRow[] = [];
  for (const row of pm.rows) {
    const structure = byId.get(row.structure.id);
    if (!structure) continue;
    const status = structureStatusAt(structure, asOf);
    const current = [...structure.status]
      .filter((e) => e.from <= asOf)
      .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
      .pop();
    const cells: Record<string, MatrixCell> = {};
    for (const s of schools) {
      const takesPart = row.cells[s.id] !== 'no';
      const byScope = scopeIncludes(model, structure, s.id, asOf);
      const v = structure.variations.find((x) => x.school === s.id);
      cells[s.id] = {
        takesPart,
        byScope,
        exception: takesPart === byScope ? null : takesPart ? 'in' : 'out',
        own:
          v !== undefined &&
          (v.cadence !== undefined || v.localName !== undefined || v.note !== undefined),
        hasVariation: v !== undefined,
      };
      if (takesPart && (status === 'pilot' || status === 'in-operation')) counts[s.id]! += 1;
    }
    rows.push({
      structure,
      status,
      ...(current ? { statusFrom: current.from } : {}),
      district: row.district,
      cells,
    });
  }
  const groups: MatrixGroup[] = [];
  for (const level of LEVELS) {
    const foci: (Focus | undefined)[] = level === 'operativt' ? [...FOCI, undefined] : [undefined];
    for (const focus of foci) {
      const inGroup = rows.filter(
        (r) =>
          r.structure.level === level &&
          (level !== 'operativt' ||
            (focus === undefined
              ? !r.structure.focus || !FOCI.includes(r.structure.focus)
              : r.structure.focus === focus)),
      );
      if (inGroup.length === 0) continue;
      groups.push({
        key: `${level}:${focus ?? ''}`,
        level,
        ...(focus ? { focus } : {}),
        rows: inGroup,
      });
    }
  }
  return { schools, groups, counts };
}

// ---------------------------------------------------------------------------------------------
// The structure editor

/**
 * The id of a new structure in the same table as `fromId`: «T4.1» → «T4.8» when T4.7 is the last
 * of table 4 (the next free number after the highest); an id without a number gets a fresh one.
 */
export function nextStructureId(ids: readonly string[], fromId: string): string {
  const m = /^(.*?)(\d+)$/.exec(fromId);
  const taken = new Set(ids);
  if (!m) {
    for (let n = 2; ; n++) if (!taken.has(`${fromId}-${n}`)) return `${fromId}-${n}`;
  }
  const prefix = m[1]!;
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  let n = max + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * Adds a new structure like `fromId` (same level and focus) with the id `newId`, after the last
 * structure of the same table in the file; it applies to all schools and is followed up on demand
 * until the user says otherwise.
 */
export function addStructureAfter(fromId: string, newId: string, name: string): Edit {
  return (doc) => {
    if (!isObject(doc)) return doc;
    const list = Array.isArray(doc.structures) ? doc.structures : [];
    const from = list.find((s) => isObject(s) && s.id === fromId);
    const prefix = /^(.*?)\d+$/.exec(newId)?.[1] ?? newId;
    let at = list.length;
    list.forEach((s, i) => {
      if (isObject(s) && typeof s.id === 'string' && s.id.startsWith(prefix)) at = i + 1;
    });
    const item: JsonObject = {
      id: newId,
      name,
      level: isObject(from) && typeof from.level === 'string' ? from.level : 'operativt',
      ...(isObject(from) && typeof from.focus === 'string' ? { focus: from.focus } : {}),
      cadence: 'Ved behov',
      scope: { kind: 'all-schools' },
    };
    return insertAt(['structures'], item, at)(doc);
  };
}

export const SCOPE_KINDS = ['all-schools', 'stage', 'areas', 'schools', 'district'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * A scope of another kind: `district` keeps its flag (not for a district-only scope), the list of
 * the new kind starts empty except the schools, which start with those `covered` (the schools the
 * old scope covered), so switching to a school list keeps who takes part.
 */
export function scopeOfKind(old: Json | undefined, kind: ScopeKind, covered: string[]): JsonObject {
  const flag: JsonObject = isObject(old) && old.district === true ? { district: true } : {};
  switch (kind) {
    case 'all-schools':
      return { kind, ...flag };
    case 'stage':
      return { kind, stages: [], ...flag };
    case 'areas':
      return { kind, areas: [], ...flag };
    case 'schools':
      return { kind, schools: [...covered], ...flag };
    case 'district':
      return { kind };
  }
}

/** Sets the scope at `path` to one of another kind (nothing when it is of that kind already). */
export function setScopeKind(path: JsonPath, kind: ScopeKind, covered: string[]): Edit {
  return (doc) => {
    const old = getAt(doc, path);
    if (isObject(old) && old.kind === kind) return doc;
    return setAt(path, scopeOfKind(old, kind, covered))(doc);
  };
}

/**
 * Adds `id` to the list of ids at `path` (made when missing) or takes it out (`on` false); the
 * list's order is kept, a new id goes last.
 */
export function setInList(path: JsonPath, id: string, on: boolean): Edit {
  return (doc) => {
    const old = getAt(doc, path);
    const list = Array.isArray(old) ? old : [];
    const has = list.includes(id);
    if (on === has) return doc;
    return setAt(path, on ? [...list, id] : list.filter((x) => x !== id))(doc);
  };
}

/** A new status entry (from `from`) at the end of a structure's status list. */
export function addStatusEntry(index: number, status: StructureStatus, from: IsoDate): Edit {
  return insertAt(['structures', index, 'status'], { status, from });
}
