/**
 * Pure helpers of the roles editor: new roles, assignments and collectives, where a role is
 * responsible (from `responsibilities` in `@arshjul/model`), whether an assignment holds on a
 * day, and the members of a collective. They never change their input.
 */
import {
  allParties,
  periodCovers,
  responsibilities,
  structureLabel,
  type Assignment,
  type Model,
  type PartyKind,
  type Role,
} from '@arshjul/model';
import type { IsoDate } from '@arshjul/school-calendar';
import { freshId, setAt, type Edit, type Json, type JsonObject, type JsonPath } from './edits.js';
import { partyIdsOf } from './organisation.js';

export const ROLE_SIDES = ['district', 'school', 'parents', 'pupils', 'partner'] as const;
export type RoleSide = (typeof ROLE_SIDES)[number];

/** A new role: the id from the abbreviation when there is one (`nsk`), else from the title. */
export function newRole(title: string, abbreviation: string, doc: Json): JsonObject {
  const t = title.trim();
  const a = abbreviation.trim();
  return {
    id: freshId(a || t, partyIdsOf(doc)),
    title: t,
    ...(a ? { abbreviation: a } : {}),
    assignments: [],
  };
}

/**
 * A new assignment of `role` (a vacancy until a person is filled in): for a role held per area,
 * in the first area that has no open assignment yet (else the first area); per school, likewise
 * in the first participating school. No dates: the user fills them in.
 */
export function newAssignment(role: Role, model: Model, asOf: IsoDate): JsonObject {
  const open = role.assignments.filter((a) => periodCovers(a, asOf));
  if (role.perArea) {
    const areas = model.organisation.areas.map((a) => a.id);
    const free = areas.find((id) => !open.some((a) => a.area === id)) ?? areas[0];
    return free !== undefined ? { area: free } : {};
  }
  if (role.perSchool) {
    const schools = model.organisation.schools
      .filter((s) => s.memberships.some((m) => periodCovers(m, asOf)))
      .map((s) => s.id);
    const free = schools.find((id) => !open.some((a) => a.school === id)) ?? schools[0];
    return free !== undefined ? { school: free } : {};
  }
  return {};
}

export type AssignmentState = 'current' | 'past' | 'future';

/** Whether an assignment holds on `asOf`, has ended, or has not started. */
export function assignmentState(
  a: Pick<Assignment, 'from' | 'to'>,
  asOf: IsoDate,
): AssignmentState {
  if (periodCovers(a, asOf)) return 'current';
  if (a.from !== undefined && a.from > asOf) return 'future';
  return 'past';
}

/** Whether an assignment (as written) names a person; without one it is a vacancy. */
export function hasPerson(assignment: Json | undefined): boolean {
  if (typeof assignment !== 'object' || assignment === null || Array.isArray(assignment))
    return false;
  const p = assignment.person;
  return typeof p === 'object' && p !== null && !Array.isArray(p);
}

export type PersonField = 'name' | 'email' | 'phone';

/**
 * Sets one field of the person of the assignment at `assignmentPath` (its current person as
 * written is `person`). An empty field is left out; a person left with nothing at all is
 * removed, so that the assignment becomes a vacancy rather than an invalid empty person.
 */
export function setPersonField(
  assignmentPath: JsonPath,
  person: Json | undefined,
  field: PersonField,
  value: string,
): Edit {
  const old: JsonObject =
    typeof person === 'object' && person !== null && !Array.isArray(person) ? person : {};
  const { [field]: _old, ...rest } = old;
  const next: JsonObject = value === '' ? rest : { ...old, [field]: value };
  return setAt([...assignmentPath, 'person'], Object.keys(next).length ? next : undefined);
}

export interface StructureRef {
  id: string;
  /** «T4.1 Nærmiljøteam på hver skole». */
  label: string;
}

export interface RoleDuties {
  /** Structures the role is responsible for (ansvar for oppfølging). */
  responsibleFor: StructureRef[];
  /** Structures the role gives input to. */
  contributesTo: StructureRef[];
  /** Structures the role is a named participant in. */
  participatesIn: StructureRef[];
  /** Document ids the role owns. */
  documentsOwned: string[];
  /** Onboarding plans the role starts (convenes) or maintains. */
  onboarding: string[];
}

const NO_DUTIES: RoleDuties = {
  responsibleFor: [],
  contributesTo: [],
  participatesIn: [],
  documentsOwned: [],
  onboarding: [],
};

/**
 * Where each role is responsible, contributes or takes part (role id → duties), from
 * `responsibilities` in `@arshjul/model`; a role with none gets empty lists.
 */
export function roleDuties(model: Model, asOf: IsoDate): Map<string, RoleDuties> {
  const labels = new Map(model.structures.map((s) => [s.id, structureLabel(s)]));
  const refs = (ids: string[]): StructureRef[] =>
    ids.map((id) => ({ id, label: labels.get(id) ?? id }));
  const out = new Map<string, RoleDuties>(model.roles.map((r) => [r.id, NO_DUTIES]));
  for (const r of responsibilities(model, { asOf })) {
    if (r.party.kind !== 'role') continue;
    out.set(r.party.id, {
      responsibleFor: refs(r.responsibleFor),
      contributesTo: refs(r.contributesTo),
      participatesIn: refs(r.participatesIn),
      documentsOwned: [...r.documentsOwned],
      onboarding: [...new Set([...r.onboarding.convenes, ...r.onboarding.maintains])],
    });
  }
  return out;
}

/** A new collective named `name`, with an id from the name that no party has. */
export function newCollective(name: string, doc: Json): JsonObject {
  const clean = name.trim();
  return { id: freshId(clean, partyIdsOf(doc)), name: clean, members: [] };
}

/** The member list with `id` added at the end (`on`) or taken out, as a new array. */
export function toggleMember(members: Json | undefined, id: string, on: boolean): string[] {
  const list = Array.isArray(members)
    ? members.filter((m): m is string => typeof m === 'string')
    : [];
  if (on) return list.includes(id) ? list : [...list, id];
  return list.filter((m) => m !== id);
}

export interface PartyGroup {
  kind: PartyKind;
  parties: { id: string; name: string }[];
}

/**
 * The parties a collective may stand for, grouped by kind in namespace order (district, units,
 * areas, schools, institutions, roles, collectives), without the collective itself.
 */
export function memberChoices(model: Model, self: string): PartyGroup[] {
  const groups: PartyGroup[] = [];
  for (const p of allParties(model)) {
    if (p.id === self) continue;
    const name = p.abbreviation ? `${p.name} (${p.abbreviation})` : p.name;
    const last = groups[groups.length - 1];
    if (last?.kind === p.kind) last.parties.push({ id: p.id, name });
    else groups.push({ kind: p.kind, parties: [{ id: p.id, name }] });
  }
  return groups;
}
