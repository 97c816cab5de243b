/**
 * Queries on a collaboration model: who a party id is, which schools take part when, which
 * structures apply to a school or an area, the participation matrix, and who is responsible
 * for what. All pure: data in, data out; `asOf` fixes the day wherever membership or status
 * changes over time.
 */
import { isValidIsoDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import type { Cadence } from '@arshjul/recurrence';
import type {
  AgendaRow,
  Area,
  Collective,
  District,
  Focus,
  Institution,
  Level,
  Membership,
  Model,
  ModelDocument,
  Role,
  School,
  Structure,
  StructureStatus,
  Unit,
  Variation,
} from './schema.js';
import { LEVELS } from './schema.js';
import { andList } from './messages.js';
import { isPlainObject } from './paths.js';

// ---------------------------------------------------------------------------------------------
// Dates

/** The first day of a school year from its name: `2025-26` → `2025-08-01` (the wheel starts 1 August). */
export function schoolYearStart(schoolYear: string): IsoDate {
  return `${schoolYear.slice(0, 4)}-08-01`;
}

/**
 * Whether a period (a membership, an assignment; open ends allowed) covers a day. Tolerant of a
 * file that did not validate: a bound that is not a date (YYYY-MM-DD) covers nothing.
 */
export function periodCovers(period: { from?: unknown; to?: unknown }, date: IsoDate): boolean {
  const { from, to } = period;
  if (from !== undefined && !(typeof from === 'string' && isValidIsoDate(from))) return false;
  if (to !== undefined && !(typeof to === 'string' && isValidIsoDate(to))) return false;
  return (from === undefined || from <= date) && (to === undefined || date <= to);
}

// ---------------------------------------------------------------------------------------------
// Parties

export type PartyKind =
  'district' | 'unit' | 'area' | 'school' | 'institution' | 'role' | 'collective';

export type PartyEntity = District | Unit | Area | School | Institution | Role | Collective;

export interface ResolvedParty {
  kind: PartyKind;
  id: string;
  /** The name, or for a role its title. */
  name: string;
  abbreviation?: string;
  entity: PartyEntity;
}

/** Every party of the model in namespace order: district, units, areas, schools, institutions, roles, collectives. */
export function allParties(model: Model): ResolvedParty[] {
  const org = model.organisation;
  const out: ResolvedParty[] = [
    { kind: 'district', id: org.district.id, name: org.district.name, entity: org.district },
  ];
  for (const u of org.units) {
    out.push({
      kind: 'unit',
      id: u.id,
      name: u.name,
      ...(u.abbreviation ? { abbreviation: u.abbreviation } : {}),
      entity: u,
    });
  }
  for (const a of org.areas) out.push({ kind: 'area', id: a.id, name: a.name, entity: a });
  for (const s of org.schools) out.push({ kind: 'school', id: s.id, name: s.name, entity: s });
  for (const i of org.institutions) {
    out.push({ kind: 'institution', id: i.id, name: i.name, entity: i });
  }
  for (const r of model.roles) {
    out.push({
      kind: 'role',
      id: r.id,
      name: r.title,
      ...(r.abbreviation ? { abbreviation: r.abbreviation } : {}),
      entity: r,
    });
  }
  for (const c of model.collectives) {
    out.push({ kind: 'collective', id: c.id, name: c.name, entity: c });
  }
  return out;
}

const partyIndex = new WeakMap<Model, Map<string, ResolvedParty>>();

function partiesById(model: Model): Map<string, ResolvedParty> {
  let index = partyIndex.get(model);
  if (!index) {
    index = new Map();
    for (const p of allParties(model)) if (!index.has(p.id)) index.set(p.id, p);
    partyIndex.set(model, index);
  }
  return index;
}

/** What a party id refers to, or undefined when the model has no such party. */
export function resolveParty(model: Model, id: string): ResolvedParty | undefined {
  return partiesById(model).get(id);
}

/**
 * A party's name for lists: the abbreviation of a role or unit when it has one («NSK», «FE»),
 * else its name or title; an unknown id is returned as it is.
 */
export function partyName(model: Model, id: string, _lang: Lang = 'nb'): string {
  const p = resolveParty(model, id);
  if (!p) return id;
  return p.abbreviation ?? p.name;
}

/** The names of parties joined Norwegian-style («Rektor, NSK og BVK»; «A, B and C» in English). */
export function partyNames(model: Model, ids: readonly string[], lang: Lang = 'nb'): string {
  return andList(
    ids.map((id) => partyName(model, id, lang)),
    lang,
  );
}

// ---------------------------------------------------------------------------------------------
// Schools and areas over time

/**
 * The membership period of a school that covers `asOf`, if any; of several (a valid model only
 * lets them overlap in one area), the first that names an area.
 */
export function membershipAt(school: School, asOf: IsoDate): Membership | undefined {
  let found: Membership | undefined;
  for (const m of school.memberships) {
    if (!periodCovers(m, asOf)) continue;
    if (m.area !== undefined) return m;
    found ??= m;
  }
  return found;
}

/**
 * Whether a school takes part in the collaboration on `asOf`: one of its membership periods
 * covers the day. The one definition for queries, lint and the summary; tolerant of a file that
 * did not validate (what is not a period covers nothing).
 */
export function isSchoolActive(school: { memberships?: unknown }, asOf: IsoDate): boolean {
  return (
    Array.isArray(school.memberships) &&
    school.memberships.some((m) => isPlainObject(m) && periodCovers(m, asOf))
  );
}

/** The schools that take part on `asOf`, in model order. */
export function activeSchools(model: Model, asOf: IsoDate): School[] {
  return model.organisation.schools.filter((s) => isSchoolActive(s, asOf));
}

/** The area id of a school on `asOf`, or undefined (unknown school, not a member then, or no areas). */
export function schoolArea(model: Model, schoolId: string, asOf: IsoDate): string | undefined {
  const school = model.organisation.schools.find((s) => s.id === schoolId);
  return school ? membershipAt(school, asOf)?.area : undefined;
}

/** The schools of an area on `asOf`, in model order. */
export function schoolsInArea(model: Model, areaId: string, asOf: IsoDate): School[] {
  return model.organisation.schools.filter((s) => membershipAt(s, asOf)?.area === areaId);
}

// ---------------------------------------------------------------------------------------------
// Structures

/**
 * A structure's status on `asOf`: the entry with the latest `from` on or before that day (of
 * entries from the same day, the last one listed); `in-operation` when the structure has no
 * entries; `planned` before its first entry. The one definition for queries, lint and the yearly
 * revision.
 */
export function structureStatusAt(structure: Structure, asOf: IsoDate): StructureStatus {
  if (structure.status.length === 0) return 'in-operation';
  let current: { status: StructureStatus; from: IsoDate } | undefined;
  for (const entry of structure.status) {
    if (entry.from <= asOf && (current === undefined || entry.from >= current.from)) {
      current = entry;
    }
  }
  return current?.status ?? 'planned';
}

/** Whether the structure is discontinued on `asOf`. */
export function isDiscontinued(structure: Structure, asOf: IsoDate): boolean {
  return structureStatusAt(structure, asOf) === 'discontinued';
}

/**
 * Whether the structure runs on `asOf` (status `pilot` or `in-operation`): only then do schools
 * take part in it. A `planned` structure has not started, a `discontinued` one has stopped.
 */
export function isRunning(structure: Structure, asOf: IsoDate): boolean {
  const status = structureStatusAt(structure, asOf);
  return status === 'pilot' || status === 'in-operation';
}

/** Whether a structure also lives at district level (scope `district`, or `district: true`). */
export function appliesToDistrict(structure: Structure): boolean {
  const scope = structure.scope;
  return scope.kind === 'district' || scope.district === true;
}

function stageMatches(school: School, stages: readonly string[]): boolean {
  if (stages.includes(school.stage)) return true;
  // A combined school (1–10) has both a barneskole and an ungdomsskole part.
  return (
    school.stage === 'kombinert' &&
    (stages.includes('barneskole') || stages.includes('ungdomsskole'))
  );
}

function inScope(structure: Structure, school: School, asOf: IsoDate): boolean {
  const scope = structure.scope;
  switch (scope.kind) {
    case 'all-schools':
      return true;
    case 'stage':
      return stageMatches(school, scope.stages);
    case 'areas': {
      const area = membershipAt(school, asOf)?.area;
      return area !== undefined && scope.areas.includes(area);
    }
    case 'schools':
      return scope.schools.includes(school.id);
    case 'district':
      return false;
  }
}

function variationOf(structure: Structure, schoolId: string): Variation | undefined {
  return structure.variations.find((v) => v.school === schoolId);
}

/**
 * Whether a structure applies to a school on `asOf` by its scope and the school's variation
 * (`takesPart: false` takes it out, `true` brings it in). A combined school (1–10) counts as both
 * a barneskole and an ungdomsskole. Neither the school's membership nor the structure's status
 * is looked at here: see `schoolsInScope` and `isRunning`.
 */
export function appliesToSchool(structure: Structure, school: School, asOf: IsoDate): boolean {
  const takesPart = variationOf(structure, school.id)?.takesPart;
  if (takesPart !== undefined) return takesPart;
  return inScope(structure, school, asOf);
}

/**
 * The ids of the schools a structure applies to on `asOf`, in model order: the scope, limited to
 * the schools that take part then, with the variations' `takesPart` applied. The one definition
 * of «the structure applies to the school» for queries and lint. The structure's status is not
 * looked at (a planned structure applies to the schools it is planned for).
 */
export function schoolsInScope(model: Model, structure: Structure, asOf: IsoDate): string[] {
  return activeSchools(model, asOf)
    .filter((school) => appliesToSchool(structure, school, asOf))
    .map((s) => s.id);
}

export interface QueryOptions {
  asOf: IsoDate;
  /** Include structures discontinued on `asOf` (default false). */
  includeDiscontinued?: boolean;
  /** Include structures still planned on `asOf`, not yet started (default false). */
  includePlanned?: boolean;
}

export interface SchoolStructure {
  structure: Structure;
  /** The school's own cadence when its variation has one, else the structure's. */
  cadence: Cadence;
  /** The school's own name for the meeting arena. */
  localName?: string;
  variation?: Variation;
}

/** Whether a structure counts on `asOf`: running (pilot or in operation), or asked for. */
function current(structure: Structure, options: QueryOptions): boolean {
  switch (structureStatusAt(structure, options.asOf)) {
    case 'pilot':
    case 'in-operation':
      return true;
    case 'planned':
      return options.includePlanned === true;
    case 'discontinued':
      return options.includeDiscontinued === true;
  }
}

/**
 * The structures a school takes part in on `asOf` (those that apply to it and run then; planned
 * and discontinued ones only when asked), in model order, with the school's own cadence.
 */
export function structuresForSchool(
  model: Model,
  schoolId: string,
  options: QueryOptions,
): SchoolStructure[] {
  const out: SchoolStructure[] = [];
  for (const structure of model.structures) {
    if (!current(structure, options)) continue;
    if (!schoolsInScope(model, structure, options.asOf).includes(schoolId)) continue;
    const variation = variationOf(structure, schoolId);
    out.push({
      structure,
      cadence: variation?.cadence ?? structure.cadence,
      ...(variation?.localName ? { localName: variation.localName } : {}),
      ...(variation ? { variation } : {}),
    });
  }
  return out;
}

export interface AreaStructure {
  structure: Structure;
  /** The area's schools that take part, in model order. */
  schools: string[];
}

/** The structures at least one school of the area takes part in on `asOf`, in model order. */
export function structuresForArea(
  model: Model,
  areaId: string,
  options: QueryOptions,
): AreaStructure[] {
  const areaSchools = new Set(schoolsInArea(model, areaId, options.asOf).map((s) => s.id));
  const out: AreaStructure[] = [];
  for (const structure of model.structures) {
    if (!current(structure, options)) continue;
    const schools = schoolsInScope(model, structure, options.asOf).filter((id) =>
      areaSchools.has(id),
    );
    if (schools.length > 0) out.push({ structure, schools });
  }
  return out;
}

/** The structures grouped by level (strategisk, organisatorisk, operativt), in model order. */
export function structuresByLevel(model: Model): Record<Level, Structure[]> {
  const out = Object.fromEntries(LEVELS.map((l) => [l, [] as Structure[]])) as Record<
    Level,
    Structure[]
  >;
  for (const s of model.structures) out[s.level].push(s);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Participation matrix

export type ParticipationCell = 'yes' | 'no' | 'variation';

export interface ParticipationRow {
  structure: { id: string; name: string; level: Level; focus?: Focus };
  /** Per school id: `yes` (in scope), `variation` (takes part with its own cadence or name, or by exception), `no`. */
  cells: Record<string, ParticipationCell>;
  /** Also at district level. */
  district: boolean;
}

export interface ParticipationMatrix {
  asOf: IsoDate;
  /** The participating schools: area order, then model order; schools without area last. */
  schools: { id: string; name: string; area?: string }[];
  district: { id: string; name: string };
  rows: ParticipationRow[];
  /**
   * How many structures each school takes part in (keyed by school id), and how many live at
   * district level (keyed by the district's id, which shares the namespace).
   */
  counts: Record<string, number>;
}

/**
 * The structures × schools table (cf. grorud-model.md §2.4) on `asOf`: one row per structure
 * that runs then (pilot or in operation; planned and discontinued ones only when asked).
 */
export function participationMatrix(model: Model, options: QueryOptions): ParticipationMatrix {
  const { asOf } = options;
  const active = activeSchools(model, asOf);
  const areaOrder = new Map(model.organisation.areas.map((a, i) => [a.id, i]));
  const rank = (s: School) => {
    const area = membershipAt(s, asOf)?.area;
    return area === undefined ? Number.MAX_SAFE_INTEGER : (areaOrder.get(area) ?? areaOrder.size);
  };
  const schools = active
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => {
      const area = membershipAt(s, asOf)?.area;
      return { id: s.id, name: s.name, ...(area ? { area } : {}) };
    });
  const district = model.organisation.district;
  const counts: Record<string, number> = Object.fromEntries(schools.map((s) => [s.id, 0]));
  counts[district.id] = 0;

  const rows: ParticipationRow[] = [];
  for (const structure of model.structures) {
    if (!current(structure, options)) continue;
    const inIt = new Set(schoolsInScope(model, structure, asOf));
    const cells: Record<string, ParticipationCell> = {};
    for (const { id } of schools) {
      if (!inIt.has(id)) {
        cells[id] = 'no';
        continue;
      }
      const school = active.find((s) => s.id === id)!;
      const v = variationOf(structure, id);
      const byException = v?.takesPart === true && !inScope(structure, school, asOf);
      cells[id] = v && (v.cadence || v.localName || byException) ? 'variation' : 'yes';
      counts[id]! += 1;
    }
    const atDistrict = appliesToDistrict(structure);
    if (atDistrict) counts[district.id]! += 1;
    rows.push({
      structure: {
        id: structure.id,
        name: structure.name,
        level: structure.level,
        ...(structure.focus ? { focus: structure.focus } : {}),
      },
      cells,
      district: atDistrict,
    });
  }
  return { asOf, schools, district: { id: district.id, name: district.name }, rows, counts };
}

// ---------------------------------------------------------------------------------------------
// Responsibilities

export interface AgendaRowRef {
  /** Onboarding plan id. */
  plan: string;
  /** Index of the meeting in the plan (0-based). */
  meeting: number;
  /** Index of the row in the meeting's agenda (0-based). */
  row: number;
  content: string;
}

export interface StructureAgendaRowRef {
  structure: string;
  row: number;
  content: string;
}

export interface RoutineStepRef {
  routine: string;
  /** Index of the step (0-based). */
  step: number;
  action: string;
}

export interface PartyResponsibilities {
  /** The party, or for an id the model does not define: kind `unknown` and the id as name. */
  party: { kind: PartyKind | 'unknown'; id: string; name: string };
  /** Structure ids where the party is responsible (ansvar for oppfølging). */
  responsibleFor: string[];
  /** Structure ids where the party gives input. */
  contributesTo: string[];
  /** Structure ids where the party is a named participant. */
  participatesIn: string[];
  /** Structure agenda rows the party is responsible for. */
  structureAgendaRows: StructureAgendaRowRef[];
  /** Document ids the party owns. */
  documentsOwned: string[];
  /** Document ids the party contributes to. */
  documentsContributed: string[];
  /** Revision rule ids by what the party does in them. */
  revisions: { drafts: string[]; input: string[]; decides: string[]; publishes: string[] };
  onboarding: {
    /** Plan ids the party maintains. */
    maintains: string[];
    /** Plan ids where the party starts the collaboration with the newcomer. */
    convenes: string[];
    agendaRows: AgendaRowRef[];
  };
  routineSteps: RoutineStepRef[];
  /**
   * The structures that fall to the party through collectives that stand for it on `asOf`, one
   * entry per such collective (model order) with anything in it. For a school: «Skolene» and
   * other collectives without members (they stand for the participating schools) and
   * collectives whose members name the school, its area on the day or such a collective, each
   * only in the structures whose scope includes the school on the day. For any other party:
   * collectives whose members name it, directly or through another collective.
   */
  throughCollectives: CollectiveShare[];
}

/** What falls to a party through one collective (structure ids, model order). */
export interface CollectiveShare {
  /** The collective's id. */
  collective: string;
  /** Structures the collective is responsible for. */
  responsibleFor: string[];
  /** Structures the collective gives input to. */
  contributesTo: string[];
  /** Structures the collective is a named participant in. */
  participatesIn: string[];
}

export interface ResponsibilityOptions {
  /** The day that decides which schools take part and which structures' scope includes them. */
  asOf: IsoDate;
}

function emptyResponsibilities(model: Model, id: string): PartyResponsibilities {
  const p = resolveParty(model, id);
  return {
    party: p ? { kind: p.kind, id, name: partyName(model, id) } : { kind: 'unknown', id, name: id },
    responsibleFor: [],
    contributesTo: [],
    participatesIn: [],
    structureAgendaRows: [],
    documentsOwned: [],
    documentsContributed: [],
    revisions: { drafts: [], input: [], decides: [], publishes: [] },
    onboarding: { maintains: [], convenes: [], agendaRows: [] },
    routineSteps: [],
    throughCollectives: [],
  };
}

/**
 * Whether a collective stands for a party on `asOf`: without members, for the schools that take
 * part then; else when a member is the party, an area the school is in on the day, or (followed,
 * without cycles) another collective that stands for it.
 */
function standsFor(
  model: Model,
  collective: Collective,
  party: ResolvedParty,
  asOf: IsoDate,
  seen: Set<string> = new Set(),
): boolean {
  if (seen.has(collective.id)) return false;
  seen.add(collective.id);
  const school = party.kind === 'school' ? (party.entity as School) : undefined;
  if (collective.members.length === 0) return school !== undefined && isSchoolActive(school, asOf);
  return collective.members.some((id) => {
    if (id === party.id) return true;
    const member = resolveParty(model, id);
    if (member?.kind === 'area')
      return school !== undefined && membershipAt(school, asOf)?.area === id;
    return (
      member?.kind === 'collective' &&
      standsFor(model, member.entity as Collective, party, asOf, seen)
    );
  });
}

/** The shares of `party` through the collectives that stand for it (see `throughCollectives`). */
function collectiveShares(
  model: Model,
  party: ResolvedParty,
  asOf: IsoDate,
  inScope: (structure: Structure) => ReadonlySet<string>,
): CollectiveShare[] {
  const out: CollectiveShare[] = [];
  for (const collective of model.collectives) {
    if (collective.id === party.id || !standsFor(model, collective, party, asOf)) continue;
    const share: CollectiveShare = {
      collective: collective.id,
      responsibleFor: [],
      contributesTo: [],
      participatesIn: [],
    };
    for (const s of model.structures) {
      if (party.kind === 'school' && !inScope(s).has(party.id)) continue;
      if (s.responsible.includes(collective.id)) share.responsibleFor.push(s.id);
      if (s.contributors.includes(collective.id)) share.contributesTo.push(s.id);
      if (s.participants.includes(collective.id)) share.participatesIn.push(s.id);
    }
    const lists = [share.responsibleFor, share.contributesTo, share.participatesIn];
    if (lists.some((l) => l.length > 0)) out.push(share);
  }
  return out;
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * Who is responsible for what: one entry per party that has any responsibility, in namespace
 * order (district, units, areas, schools, institutions, roles, collectives), then ids the model
 * does not define. Collectives such as «Skolene» are kept as themselves in the direct lists
 * (`responsibleFor` …); what they mean for a school or another party on `asOf` is in
 * `throughCollectives`. The direct lists cover every structure of the model, whatever its status.
 */
export function responsibilities(
  model: Model,
  options: ResponsibilityOptions,
): PartyResponsibilities[] {
  const { asOf } = options;
  const byId = new Map<string, PartyResponsibilities>();
  const get = (id: string) => {
    let r = byId.get(id);
    if (!r) byId.set(id, (r = emptyResponsibilities(model, id)));
    return r;
  };
  const agenda = (rows: readonly AgendaRow[], add: (row: AgendaRow, i: number) => void) =>
    rows.forEach((row, i) => add(row, i));

  for (const s of model.structures) {
    for (const id of s.responsible) pushUnique(get(id).responsibleFor, s.id);
    for (const id of s.contributors) pushUnique(get(id).contributesTo, s.id);
    for (const id of s.participants) pushUnique(get(id).participatesIn, s.id);
    agenda(s.agenda, (row, i) => {
      for (const id of new Set(row.responsible)) {
        get(id).structureAgendaRows.push({ structure: s.id, row: i, content: row.content });
      }
    });
  }
  for (const d of model.documents) {
    for (const id of d.owner) pushUnique(get(id).documentsOwned, d.id);
    for (const id of d.contributors) pushUnique(get(id).documentsContributed, d.id);
  }
  for (const r of model.revisions) {
    for (const id of r.draftedBy) pushUnique(get(id).revisions.drafts, r.id);
    for (const id of r.input) pushUnique(get(id).revisions.input, r.id);
    for (const id of r.decidedBy) pushUnique(get(id).revisions.decides, r.id);
    for (const id of r.publishedBy) pushUnique(get(id).revisions.publishes, r.id);
  }
  for (const plan of model.onboarding) {
    for (const id of plan.maintainedBy) pushUnique(get(id).onboarding.maintains, plan.id);
    for (const id of plan.convenedBy) pushUnique(get(id).onboarding.convenes, plan.id);
    plan.meetings.forEach((meeting, m) =>
      agenda(meeting.agenda, (row, i) => {
        for (const id of new Set(row.responsible)) {
          get(id).onboarding.agendaRows.push({
            plan: plan.id,
            meeting: m,
            row: i,
            content: row.content,
          });
        }
      }),
    );
  }
  for (const routine of model.routines) {
    routine.steps.forEach((step, i) => {
      for (const id of new Set(step.responsible)) {
        get(id).routineSteps.push({ routine: routine.id, step: i, action: step.action });
      }
    });
  }

  const scopes = new Map<Structure, ReadonlySet<string>>();
  const inScope = (s: Structure) => {
    let set = scopes.get(s);
    if (!set) scopes.set(s, (set = new Set(schoolsInScope(model, s, asOf))));
    return set;
  };
  if (model.collectives.length > 0) {
    // The first party of each id (a valid model has no duplicates).
    for (const p of partiesById(model).values()) {
      const shares = collectiveShares(model, p, asOf, inScope);
      if (shares.length > 0) get(p.id).throughCollectives = shares;
    }
  }

  const order = new Map(allParties(model).map((p, i) => [p.id, i]));
  return [...byId.values()]
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        (order.get(a.r.party.id) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.r.party.id) ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map(({ r }) => r);
}

/**
 * What one party is responsible for (empty lists when nothing), with what falls to it through
 * collectives on `asOf` — for a school, e.g. the structures «Skolene» follows up where the
 * school is in scope.
 */
export function responsibilitiesOf(
  model: Model,
  partyId: string,
  options: ResponsibilityOptions,
): PartyResponsibilities {
  return (
    responsibilities(model, options).find((r) => r.party.id === partyId) ??
    emptyResponsibilities(model, partyId)
  );
}

// ---------------------------------------------------------------------------------------------
// Names for messages

/** «T4.1 Nærmiljøteam på hver skole». */
export function structureLabel(structure: Pick<Structure, 'id' | 'name'>): string {
  return `${structure.id} ${structure.name}`;
}

/** A document by id, or undefined. */
export function findDocument(model: Model, id: string): ModelDocument | undefined {
  return model.documents.find((d) => d.id === id);
}

/** A structure by id, or undefined. */
export function findStructure(model: Model, id: string): Structure | undefined {
  return model.structures.find((s) => s.id === id);
}
