/**
 * Queries on a collaboration model: who a party id is, which schools take part when, which
 * structures apply to a school or an area, the participation matrix, and who is responsible
 * for what. All pure: data in, data out; `asOf` fixes the day wherever membership or status
 * changes over time.
 */
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import type { Cadence } from '@arshjul/recurrence';
import type {
  AgendaRow,
  Area,
  Collective,
  District,
  Focus,
  Institution,
  Level,
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

// ---------------------------------------------------------------------------------------------
// Dates

/** The first day of a school year from its name: `2025-26` → `2025-08-01` (the wheel starts 1 August). */
export function schoolYearStart(schoolYear: string): IsoDate {
  return `${schoolYear.slice(0, 4)}-08-01`;
}

/** The last day of a school year from its name: `2025-26` → `2026-07-31`. */
export function schoolYearEnd(schoolYear: string): IsoDate {
  return `${Number(schoolYear.slice(0, 4)) + 1}-07-31`;
}

function within(date: IsoDate, period: { from?: IsoDate | undefined; to?: IsoDate | undefined }) {
  return (
    (period.from === undefined || period.from <= date) &&
    (period.to === undefined || date <= period.to)
  );
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

const AND: Record<Lang, string> = { nb: 'og', nn: 'og', en: 'and' };

/** Joins words Norwegian-style: «NSK», «NSK og BVK», «Rektor, NSK og BVK». */
export function joinNames(names: readonly string[], lang: Lang = 'nb'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${AND[lang]} ${names[names.length - 1]}`;
}

/** The names of parties joined Norwegian-style («Rektor, NSK og BVK»). */
export function partyNames(model: Model, ids: readonly string[], lang: Lang = 'nb'): string {
  return joinNames(
    ids.map((id) => partyName(model, id, lang)),
    lang,
  );
}

// ---------------------------------------------------------------------------------------------
// Schools and areas over time

/** The membership period of a school that contains `asOf`, if any. */
export function membershipAt(school: School, asOf: IsoDate) {
  return school.memberships.find((m) => within(asOf, m));
}

/** Whether a school takes part in the collaboration on `asOf`. */
function isMember(school: School, asOf: IsoDate): boolean {
  return membershipAt(school, asOf) !== undefined;
}

/** The schools that take part on `asOf`, in model order. */
export function activeSchools(model: Model, asOf: IsoDate): School[] {
  return model.organisation.schools.filter((s) => isMember(s, asOf));
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
 * A structure's status on `asOf`: the last status entry from on or before that day; `in-operation`
 * when the structure has no entries; `planned` before its first entry.
 */
export function structureStatusAt(structure: Structure, asOf: IsoDate): StructureStatus {
  if (structure.status.length === 0) return 'in-operation';
  let current: StructureStatus | undefined;
  for (const entry of [...structure.status].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    if (entry.from <= asOf) current = entry.status;
  }
  return current ?? 'planned';
}

/** Whether the structure is discontinued on `asOf`. */
export function isDiscontinued(structure: Structure, asOf: IsoDate): boolean {
  return structureStatusAt(structure, asOf) === 'discontinued';
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
 * The ids of the schools a structure applies to on `asOf`, in model order: the scope, limited to
 * the schools that take part then, with the variations' `takesPart` applied.
 */
export function schoolsInScope(model: Model, structure: Structure, asOf: IsoDate): string[] {
  return activeSchools(model, asOf)
    .filter((school) => {
      const takesPart = variationOf(structure, school.id)?.takesPart;
      if (takesPart !== undefined) return takesPart;
      return inScope(structure, school, asOf);
    })
    .map((s) => s.id);
}

export interface QueryOptions {
  asOf: IsoDate;
  /** Include structures discontinued on `asOf` (default false). */
  includeDiscontinued?: boolean;
}

export interface SchoolStructure {
  structure: Structure;
  /** The school's own cadence when its variation has one, else the structure's. */
  cadence: Cadence;
  /** The school's own name for the meeting arena. */
  localName?: string;
  variation?: Variation;
}

function current(structure: Structure, options: QueryOptions): boolean {
  return options.includeDiscontinued === true || !isDiscontinued(structure, options.asOf);
}

/** The structures that apply to a school on `asOf`, in model order, with the school's own cadence. */
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

/** The structures that apply to at least one school of the area on `asOf`, in model order. */
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

/** The structures × schools table (cf. grorud-model.md §2.4) on `asOf`. */
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
  };
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * Who is responsible for what: one entry per party that has any responsibility, in namespace
 * order (district, units, areas, schools, institutions, roles, collectives), then ids the model
 * does not define. Collectives such as «Skolene» are kept as themselves, not expanded.
 */
export function responsibilities(model: Model): PartyResponsibilities[] {
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

/** What one party is responsible for (empty lists when nothing). */
export function responsibilitiesOf(model: Model, partyId: string): PartyResponsibilities {
  return (
    responsibilities(model).find((r) => r.party.id === partyId) ??
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
