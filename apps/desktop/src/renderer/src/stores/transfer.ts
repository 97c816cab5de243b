/**
 * The transfer tab's logic: the adoption wizard (its state is a mapping document, see
 * docs/mapping.md), provenance of adopted items, «Hent oppdateringer» (the three-way merge with
 * a decision per conflict) and the transfer file without personal data. The pure functions
 * below do the work with `@arshjul/transfer`; the store at the end holds the wizard's state and
 * talks to the platform. Components stay thin.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  jsonSyntaxIssue,
  loadModelText,
  type Issue,
  type Model,
  type Structure,
  type UpstreamConflict,
} from '@arshjul/model';
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import {
  adaptModel,
  checkMapping,
  createMapper,
  findPersonalData,
  formatAdaptationReport,
  mappingSchema,
  resolveConflict,
  starterMapping,
  TransferError,
  transferJson,
  updateFromSource,
  type AdaptationReport,
  type Finding,
  type Mapping,
  type UpdateReport,
} from '@arshjul/transfer';
import { getApi } from '../platform/index.js';
import { lang as currentLang } from '../i18n/index.js';
import { useModelStore, today as todayNow } from './model.js';
import { freshId, type Json, type JsonObject } from './edits.js';

// ---------------------------------------------------------------------------------------------
// The wizard's steps and where each check belongs

export const STEPS = [
  'source',
  'district',
  'areas',
  'schools',
  'roles',
  'terms',
  'structures',
  'calendar',
  'finish',
] as const;
export type Step = (typeof STEPS)[number];

const STEP_OF_KEY: Record<string, Step> = {
  source: 'source',
  model: 'district',
  district: 'district',
  owner: 'district',
  units: 'district',
  newUnits: 'district',
  areas: 'areas',
  schools: 'schools',
  roles: 'roles',
  newRoles: 'roles',
  terms: 'terms',
  structures: 'structures',
  documents: 'structures',
  calendar: 'calendar',
};

/** The step whose fields an issue's path (`schools[0].area`, `roles.nsk`) belongs to. */
export function stepOfPath(path: string): Step {
  const key = /^[A-Za-z$]+/.exec(path)?.[0] ?? '';
  return STEP_OF_KEY[key] ?? 'finish';
}

/** The issues of one step (errors first). */
export function issuesOfStep(issues: readonly Issue[], step: Step): Issue[] {
  return issues
    .filter((i) => stepOfPath(i.path) === step)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The issues at one path (with `deep`, also those inside it). */
export function issuesAtPath(issues: readonly Issue[], path: string, deep = false): Issue[] {
  return issues.filter(
    (i) =>
      i.path === path || (deep && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))),
  );
}

/** A fresh mapping for a source: the package's starter, parsed (so every list is there). */
export function freshMapping(source: Model, today: IsoDate): Mapping {
  return mappingSchema.parse(starterMapping(source, { today }));
}

/** A mapping read from a file: parsed when its shape is valid, else the reason. */
export function readMapping(
  source: Model,
  text: string,
  lang: Lang = 'nb',
): { mapping: Mapping; issues: Issue[] } | { error: string } {
  let input: unknown;
  try {
    input = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // The model package's words for a broken JSON file: what is wrong, at which line and column.
    return { error: jsonSyntaxIssue(text, e, lang).message };
  }
  const checked = checkMapping(source, input, lang);
  if (!checked.mapping)
    return {
      error: checked.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; '),
    };
  return { mapping: checked.mapping, issues: checked.issues };
}

/** The text of a mapping file as saved by «Lagre kartlegging». */
export function mappingText(mapping: Mapping): string {
  return `${JSON.stringify(mapping, null, 2)}\n`;
}

export interface Adoption {
  model: Model;
  report: AdaptationReport;
  /** The new model's file text: what `arshjul adapt` writes for the same mapping. */
  text: string;
  reportText: string;
  /** Personal data kept out of the file. */
  removed: Finding[];
}

/**
 * The adapted model for a mapping, as the CLI makes it (`arshjul adapt`): the mapping checked
 * against the source, adapted on `today`, and written without personal data. The issues when
 * the mapping cannot be used.
 */
export function adopt(
  source: Model,
  mapping: Mapping,
  today: IsoDate,
  lang: Lang = 'nb',
): { ok: true; adoption: Adoption } | { ok: false; issues: Issue[] } {
  const checked = checkMapping(source, mapping, lang);
  const errors = checked.issues.filter((i) => i.severity === 'error');
  if (!checked.mapping || errors.length > 0) return { ok: false, issues: errors };
  const { model, report } = adaptModel(source, checked.mapping, { today, lang });
  const removed = findPersonalData(model);
  const text = transferJson(model, { strip: true });
  return {
    ok: true,
    adoption: { model, report, text, removed, reportText: formatAdaptationReport(report, lang) },
  };
}

// ---------------------------------------------------------------------------------------------
// Roles

export type RoleMode = 'keep' | 'own' | 'drop';

/** What the mapping does with a source role: kept, given the district's own title, or dropped. */
export function roleChoice(
  mapping: Mapping,
  sourceRoleId: string,
): { mode: RoleMode; title: string; target: string | null } {
  const target = Object.prototype.hasOwnProperty.call(mapping.roles, sourceRoleId)
    ? (mapping.roles[sourceRoleId] ?? null)
    : sourceRoleId;
  if (target === null) return { mode: 'drop', title: '', target };
  if (target === sourceRoleId) return { mode: 'keep', title: '', target };
  const own = mapping.newRoles.find((r) => r.id === target);
  return { mode: 'own', title: own?.title ?? target, target };
}

function usedIds(mapping: Mapping, source: Model): Set<string> {
  return new Set([
    mapping.district.id,
    mapping.owner.id,
    ...mapping.newUnits.map((u) => u.id),
    ...(mapping.areas === 'none' ? [] : mapping.areas.map((a) => a.id)),
    ...mapping.schools.map((s) => s.id),
    ...mapping.newRoles.map((r) => r.id),
    ...source.roles.map((r) => r.id),
    ...source.organisation.units.map((u) => u.id),
    ...source.collectives.map((c) => c.id),
  ]);
}

/** Without new roles that no source role is mapped to any more. */
function pruneNewRoles(mapping: Mapping): Mapping {
  const targets = new Set(Object.values(mapping.roles));
  return { ...mapping, newRoles: mapping.newRoles.filter((r) => targets.has(r.id)) };
}

/**
 * Sets what the district does with a source role. `own` with a title gives it a new local role
 * (its id follows the title while nothing else names it).
 */
export function setRoleChoice(
  source: Model,
  mapping: Mapping,
  sourceRoleId: string,
  mode: RoleMode,
  title = '',
): Mapping {
  const roles = { ...mapping.roles };
  if (mode === 'keep') roles[sourceRoleId] = sourceRoleId;
  if (mode === 'drop') roles[sourceRoleId] = null;
  if (mode !== 'own') return pruneNewRoles({ ...mapping, roles });
  const src = source.roles.find((r) => r.id === sourceRoleId);
  const current = roleChoice(mapping, sourceRoleId);
  const sharedWith = Object.entries(mapping.roles).filter(
    ([k, v]) => v === current.target && k !== sourceRoleId,
  );
  const existing =
    current.mode === 'own' && sharedWith.length === 0
      ? mapping.newRoles.find((r) => r.id === current.target)
      : undefined;
  const name = title.trim() || src?.title || sourceRoleId;
  const taken = usedIds(mapping, source);
  if (existing) taken.delete(existing.id);
  const id = freshId(name, taken);
  const role = {
    ...(existing ?? (src?.side ? { side: src.side } : {})),
    id,
    title: title || name,
  };
  const newRoles = existing
    ? mapping.newRoles.map((r) => (r === existing ? role : r))
    : [...mapping.newRoles, role];
  roles[sourceRoleId] = id;
  return pruneNewRoles({ ...mapping, roles, newRoles });
}

// ---------------------------------------------------------------------------------------------
// Units

/** The local target of a source unit (its own id, the owner, a new unit, or null). */
export function unitTarget(mapping: Mapping, sourceUnitId: string): string | null {
  return Object.prototype.hasOwnProperty.call(mapping.units, sourceUnitId)
    ? (mapping.units[sourceUnitId] ?? null)
    : mapping.owner.id;
}

// ---------------------------------------------------------------------------------------------
// Terms

/** Words in the source a district often calls something else: SaLTo, FE, AE, arenas, levels. */
export function termSuggestions(source: Model, mapping: Mapping): string[] {
  const text = JSON.stringify(source.structures);
  const candidates = [
    'SaLTo',
    ...source.organisation.units.flatMap((u) => (u.abbreviation ? [u.abbreviation] : [])),
    'Nærmiljøteam',
    'Nærmiljøskolekoordinator',
    'foreldrecafe',
    'skolehelseteam',
    'Strategisk nivå',
    'Organisatorisk nivå',
    'Operativt nivå',
  ];
  const have = new Set(Object.keys(mapping.terms).map((k) => k.toLowerCase()));
  return [...new Set(candidates)].filter(
    (c) => !have.has(c.toLowerCase()) && text.toLowerCase().includes(c.toLowerCase()),
  );
}

/** The terms with one entry's source word or local word changed (order kept). */
export function setTerm(
  mapping: Mapping,
  index: number,
  change: { from?: string; to?: string },
): Mapping {
  const entries = Object.entries(mapping.terms);
  const [from, to] = entries[index] ?? ['', ''];
  entries[index] = [change.from ?? from, change.to ?? to];
  return { ...mapping, terms: Object.fromEntries(entries) };
}

export function addTerm(mapping: Mapping, from: string, to = ''): Mapping {
  if (Object.prototype.hasOwnProperty.call(mapping.terms, from)) return mapping;
  return { ...mapping, terms: { ...mapping.terms, [from]: to } };
}

export function removeTerm(mapping: Mapping, index: number): Mapping {
  const entries = Object.entries(mapping.terms).filter((_, i) => i !== index);
  return { ...mapping, terms: Object.fromEntries(entries) };
}

// ---------------------------------------------------------------------------------------------
// Structures

const discontinued = (s: Structure): boolean => s.status.at(-1)?.status === 'discontinued';
const isBase = (s: Structure): boolean =>
  s.scope.kind === 'all-schools' || s.scope.kind === 'district' || s.scope.kind === 'stage';

/** Whether the mapping adopts a source structure (the same rule as the package's mapper). */
export function adoptsStructure(mapping: Mapping, s: Structure): boolean {
  const st = mapping.structures;
  if (st.exclude.includes(s.id)) return false;
  const schools = new Set(mapping.schools.map((x) => x.id));
  const chosen = (st.perSchool[s.id] ?? []).filter((id) => schools.has(id));
  if (chosen.length > 0 || (Array.isArray(st.adopt) && st.adopt.includes(s.id))) return true;
  if (discontinued(s)) return false;
  return st.adopt === 'all' || (st.adopt === 'base' && isBase(s));
}

export interface StructureRow {
  id: string;
  name: string;
  adopted: boolean;
  /** Run at chosen schools in the source: adopted for the schools ticked. */
  perSchool: boolean;
  schools: string[];
  discontinued: boolean;
}

export interface StructureGroup {
  level: Structure['level'];
  rows: StructureRow[];
}

/** The source's structures by level, each with whether the mapping adopts it. */
export function structureGroups(source: Model, mapping: Mapping): StructureGroup[] {
  const groups: StructureGroup[] = [];
  for (const level of ['strategisk', 'organisatorisk', 'operativt'] as const) {
    const rows = source.structures
      .filter((s) => s.level === level)
      .map((s) => ({
        id: s.id,
        name: s.name,
        adopted: adoptsStructure(mapping, s),
        perSchool: !isBase(s),
        schools: mapping.structures.perSchool[s.id] ?? [],
        discontinued: discontinued(s),
      }));
    if (rows.length) groups.push({ level, rows });
  }
  return groups;
}

/**
 * Adopts a source structure or leaves it out. A structure the source runs at chosen schools is
 * adopted for all the district's schools (pick fewer afterwards); a base one is excluded or not.
 */
export function setStructureAdopted(
  source: Model,
  mapping: Mapping,
  id: string,
  on: boolean,
): Mapping {
  const s = source.structures.find((x) => x.id === id);
  if (!s) return mapping;
  const st = mapping.structures;
  let next: Mapping['structures'] = { ...st, exclude: st.exclude.filter((x) => x !== id) };
  const withNext = (): Mapping => ({ ...mapping, structures: next });
  if (on) {
    if (adoptsStructure(withNext(), s)) return withNext();
    if (Array.isArray(next.adopt)) next = { ...next, adopt: [...next.adopt, id] };
    else
      next = { ...next, perSchool: { ...next.perSchool, [id]: mapping.schools.map((x) => x.id) } };
    return withNext();
  }
  if ((next.perSchool[id] ?? []).length > 0)
    next = { ...next, perSchool: { ...next.perSchool, [id]: [] } };
  if (Array.isArray(next.adopt)) next = { ...next, adopt: next.adopt.filter((x) => x !== id) };
  if (adoptsStructure(withNext(), s)) next = { ...next, exclude: [...next.exclude, id] };
  return withNext();
}

/** Every structure of a level adopted, or none (the discontinued ones are left as they are). */
export function setLevelAdopted(
  source: Model,
  mapping: Mapping,
  level: Structure['level'],
  on: boolean,
): Mapping {
  let next = mapping;
  for (const s of source.structures)
    if (s.level === level && !discontinued(s)) next = setStructureAdopted(source, next, s.id, on);
  return next;
}

/** The schools that take part in a per-school structure. */
export function setStructureSchools(mapping: Mapping, id: string, schools: string[]): Mapping {
  return {
    ...mapping,
    structures: {
      ...mapping.structures,
      exclude: mapping.structures.exclude.filter((x) => x !== id),
      perSchool: { ...mapping.structures.perSchool, [id]: schools },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Provenance

type Json_ = Record<string, unknown>;

export interface LocalChange {
  field: string;
  before: string;
  after: string;
}

export interface Provenance {
  model: string;
  modelName: string;
  version: string;
  sourceId: string;
  changed: boolean;
  /** What differs from the source item as adopted (mapped to local names). */
  changes: LocalChange[];
}

const COMPARED = ['name', 'title', 'description', 'cadence', 'level', 'focus', 'kind'];

function plain(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string')
    return (v as { text: string }).text;
  return JSON.stringify(v);
}

/**
 * A mapper that knows only what `upstream` keeps (the source's district name, its roles and the
 * mapping): enough to give the adopted items' texts in local words.
 */
function upstreamMapper(model: Model) {
  const up = model.upstream;
  if (!up) return undefined;
  const parsed = mappingSchema.safeParse(up.mapping);
  if (!parsed.success) return undefined;
  const source = {
    id: up.model.id,
    name: up.model.name,
    organisation: {
      district: { id: `${up.model.id}-district`, name: up.model.district, aliases: [] },
      units: [],
      areas: [],
      schools: [],
      institutions: [],
    },
    roles: up.base.roles,
    collectives: [],
    structures: [],
    documents: [],
    revisions: [],
    onboarding: [],
    routines: [],
    glossary: [],
  } as unknown as Model;
  try {
    return createMapper(source, parsed.data);
  } catch {
    return undefined;
  }
}

type ProvenanceKind = 'structures' | 'documents' | 'roles';

/** Where an adopted item came from and what was changed locally; undefined for the district's own. */
export function provenanceOf(
  model: Model,
  kind: ProvenanceKind,
  id: string,
  mapper = upstreamMapper(model),
): Provenance | undefined {
  const item = (model[kind] as unknown as Json_[]).find((x) => x.id === id);
  const origin = item?.origin as
    { model: string; version: string; id: string; changed: boolean } | undefined;
  if (!item || !origin) return undefined;
  const up = model.upstream;
  const base = (up?.base[kind] as Json_[] | undefined)?.find((b) => b.id === origin.id);
  const changes: LocalChange[] = [];
  if (base && up && up.model.id === origin.model) {
    for (const field of COMPARED) {
      if (!(field in base) && !(field in item)) continue;
      let before = plain(base[field]);
      if (mapper && (field === 'name' || field === 'title' || field === 'description'))
        before = mapper.text(before);
      const after = plain(item[field]);
      // A rhythm or name the mapping gave it is a local change too.
      if (after !== before) changes.push({ field, before, after });
    }
  }
  return {
    model: origin.model,
    modelName: up && up.model.id === origin.model ? up.model.name : origin.model,
    version: origin.version,
    sourceId: origin.id,
    changed: origin.changed || changes.length > 0,
    changes,
  };
}

/** Every adopted item of a model with its provenance, for the overview. */
export function provenanceList(
  model: Model,
): { kind: ProvenanceKind; id: string; name: string; provenance: Provenance }[] {
  const mapper = upstreamMapper(model);
  const out: { kind: ProvenanceKind; id: string; name: string; provenance: Provenance }[] = [];
  for (const kind of ['structures', 'documents', 'roles'] as const) {
    for (const item of model[kind] as unknown as Json_[]) {
      const p = provenanceOf(model, kind, String(item.id), mapper);
      if (p)
        out.push({
          kind,
          id: String(item.id),
          name: String(item.name ?? item.title ?? item.id),
          provenance: p,
        });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// «Hent oppdateringer»

export type Decision = 'ours' | 'theirs' | 'later';

export interface UpdateRun {
  model: Model;
  report: UpdateReport;
  /** The source version it was merged from. */
  sourceName: string;
}

/** The three-way merge of the open adopted model with a new source version (its file text). */
export function runUpdate(
  local: Model,
  nextText: string,
  today: IsoDate,
  lang: Lang = 'nb',
): { ok: true; run: UpdateRun } | { ok: false; message: string } {
  if (!local.upstream)
    return {
      ok: false,
      message: `«${local.name}» er ikke tilpasset fra en annen modell (den har ingen «upstream»), så det finnes ingen kilde å hente oppdateringer fra.`,
    };
  const loaded = loadModelText(nextText, { asOf: today, lang });
  if (!loaded.valid || !loaded.model) {
    const first = loaded.errors[0];
    return {
      ok: false,
      message: `Den nye versjonen av kilden kan ikke leses (${loaded.errors.length} feil)${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
    };
  }
  try {
    const { model, report } = updateFromSource(local, loaded.model, { today });
    return { ok: true, run: { model, report, sourceName: loaded.model.name } };
  } catch (e) {
    if (e instanceof TransferError) return { ok: false, message: e.message };
    throw e;
  }
}

const conflictKey = (c: UpstreamConflict): string => `${c.kind}:${c.id}:${c.field}`;

/**
 * The merged model with each conflict decided: `ours` keeps the local value, `theirs` takes the
 * source's, `later` leaves it pending in `upstream.conflicts` (the local value stays). Null while
 * any conflict has no decision.
 */
export function decide(
  merged: Model,
  decisions: Readonly<Record<string, Decision | undefined>>,
): Model | null {
  const conflicts = merged.upstream?.conflicts ?? [];
  if (conflicts.some((c) => decisions[conflictKey(c)] === undefined)) return null;
  let out = merged;
  for (const c of conflicts) {
    const d = decisions[conflictKey(c)]!;
    if (d !== 'later') out = resolveConflict(out, c, d);
  }
  return out;
}

export { conflictKey };

function isObj(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The file's JSON with only what changed between two models replaced: parts and items (by id)
 * the merge did not touch stay as the user wrote them, so «Bruk» is one small undoable edit.
 */
export function patchDoc(doc: Json, before: Model, after: Model): Json {
  const b = JSON.parse(JSON.stringify(before)) as JsonObject;
  const a = JSON.parse(JSON.stringify(after)) as JsonObject;
  if (!isObj(doc)) return a;
  const out: JsonObject = {};
  for (const key of Object.keys(a)) {
    const av = a[key]!;
    const bv = b[key];
    const dv = doc[key];
    if (dv !== undefined && sameJson(av, bv)) out[key] = dv;
    else if (Array.isArray(av) && Array.isArray(bv) && Array.isArray(dv)) {
      out[key] = av.map((item) => {
        if (!isObj(item) || typeof item.id !== 'string') return item;
        const old = bv.find((x) => isObj(x) && x.id === item.id);
        const raw = dv.find((x) => isObj(x) && x.id === item.id);
        if (!isObj(raw) || !isObj(old)) return item;
        if (sameJson(old, item)) return raw;
        // Field by field: what the merge left alone stays as written.
        const patched: JsonObject = {};
        for (const [field, value] of Object.entries(item))
          patched[field] = field in raw && sameJson(old[field], value) ? raw[field]! : value;
        return patched;
      });
    } else out[key] = av;
  }
  // Keys the validated model fills in but the file left out stay out when unchanged.
  for (const key of Object.keys(out))
    if (!(key in doc) && sameJson(a[key], b[key])) delete out[key];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The transfer file

/** The model without personal data, as a transfer file; what was taken out. */
export function transferFile(model: Model): { text: string; removed: Finding[] } {
  return { text: transferJson(model, { strip: true }), removed: findPersonalData(model) };
}

// ---------------------------------------------------------------------------------------------
// The store

export type TransferSection = 'adopt' | 'origin' | 'export';

export const useTransferStore = defineStore('transfer', () => {
  const models = useModelStore();
  const section = ref<TransferSection>('adopt');

  // --- the wizard --------------------------------------------------------------------------
  const source = shallowRef<Model | null>(null);
  const sourceName = ref('');
  /** Where the source came from: the open model or a file. */
  const sourceKind = ref<'open' | 'file'>('open');
  const mapping = shallowRef<Mapping | null>(null);
  const mappingName = ref<string | null>(null);
  const step = ref<Step>('source');
  const adoptedOn = ref<IsoDate>(todayNow());
  const message = ref<{ kind: 'error' | 'info'; text: string } | null>(null);
  const adoption = shallowRef<Adoption | null>(null);
  /** Set when «Neste» was pressed on a step with errors (the errors then show as such). */
  const triedStep = ref<Step | null>(null);

  const issues = computed<Issue[]>(() =>
    source.value && mapping.value
      ? checkMapping(source.value, mapping.value, currentLang.value).issues
      : [],
  );
  const stepIssues = (s: Step): Issue[] => issuesOfStep(issues.value, s);
  const stepErrors = (s: Step): number =>
    stepIssues(s).filter((i) => i.severity === 'error').length;
  const canFinish = computed(
    () =>
      source.value !== null &&
      mapping.value !== null &&
      issues.value.every((i) => i.severity !== 'error'),
  );

  /** How many source structures the mapping adopts. */
  const structureCount = computed(() =>
    source.value && mapping.value
      ? source.value.structures.filter((s) => adoptsStructure(mapping.value!, s)).length
      : 0,
  );

  /** Starts with a source model: a fresh mapping to fill in. */
  function useSource(model: Model, name: string, kind: 'open' | 'file'): void {
    source.value = model;
    sourceName.value = name;
    sourceKind.value = kind;
    mapping.value = freshMapping(model, adoptedOn.value);
    mappingName.value = null;
    adoption.value = null;
    message.value = null;
  }

  /** The open model as the source (the Grorud example when nothing else is open). */
  function useOpenModel(): boolean {
    if (!models.model) {
      message.value = { kind: 'error', text: 'open-invalid' };
      return false;
    }
    useSource(models.model, models.name, 'open');
    return true;
  }

  /** Starts the wizard once: with the open model. */
  function ensureStarted(): void {
    if (!mapping.value && models.model) useOpenModel();
  }

  async function openSourceFile(): Promise<boolean> {
    const file = await getApi().openFile('model');
    if (!file) return false;
    const loaded = loadModelText(file.text, { asOf: adoptedOn.value, lang: currentLang.value });
    if (!loaded.valid || !loaded.model) {
      const first = loaded.errors[0];
      message.value = {
        kind: 'error',
        text: `${file.name}: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
      };
      return false;
    }
    useSource(loaded.model, file.name, 'file');
    return true;
  }

  function update(edit: (m: Mapping) => Mapping): void {
    if (mapping.value) mapping.value = edit(mapping.value);
  }

  function goTo(s: Step): void {
    step.value = s;
    triedStep.value = null;
  }
  /** «Neste»: only when the step has no errors. */
  function next(): boolean {
    const i = STEPS.indexOf(step.value);
    if (stepErrors(step.value) > 0) {
      triedStep.value = step.value;
      return false;
    }
    if (i < STEPS.length - 1) goTo(STEPS[i + 1]!);
    return true;
  }
  function back(): void {
    const i = STEPS.indexOf(step.value);
    if (i > 0) goTo(STEPS[i - 1]!);
  }

  async function saveMapping(): Promise<boolean> {
    if (!mapping.value) return false;
    const name = mappingName.value ?? `${mapping.value.model.id}-kartlegging.json`;
    const saved = await getApi().saveFile(null, mappingText(mapping.value), name);
    if (!saved) return false;
    mappingName.value = saved.name;
    message.value = { kind: 'info', text: saved.name };
    return true;
  }

  async function openMapping(): Promise<boolean> {
    if (!source.value && !useOpenModel()) return false;
    const file = await getApi().openFile('model');
    if (!file) return false;
    const read = readMapping(source.value!, file.text, currentLang.value);
    if ('error' in read) {
      message.value = { kind: 'error', text: `${file.name}: ${read.error}` };
      return false;
    }
    mapping.value = read.mapping;
    mappingName.value = file.name;
    adoption.value = null;
    message.value = null;
    return true;
  }

  /** «Lag modellen»: the adapted model opens as a new, unsaved document. */
  function finish(): boolean {
    if (!source.value || !mapping.value) return false;
    const result = adopt(source.value, mapping.value, adoptedOn.value, currentLang.value);
    if (!result.ok) {
      triedStep.value = 'finish';
      return false;
    }
    adoption.value = result.adoption;
    models.load(
      result.adoption.text,
      { path: null, name: `${mapping.value.model.id}.json` },
      false,
    );
    return true;
  }

  // --- «Hent oppdateringer» ----------------------------------------------------------------
  const updateRun = shallowRef<UpdateRun | null>(null);
  const updateError = ref<string | null>(null);
  const decisions = ref<Record<string, Decision | undefined>>({});
  const updateApplied = ref(false);

  const conflicts = computed(() => updateRun.value?.model.upstream?.conflicts ?? []);
  const decided = computed(() =>
    updateRun.value ? decide(updateRun.value.model, decisions.value) : null,
  );

  async function fetchUpdate(): Promise<boolean> {
    updateError.value = null;
    updateApplied.value = false;
    const local = models.model;
    if (!local) return false;
    const file = await getApi().openFile('model');
    if (!file) return false;
    return loadUpdate(local, file.text);
  }

  function loadUpdate(local: Model, text: string): boolean {
    const result = runUpdate(local, text, todayNow(), currentLang.value);
    decisions.value = {};
    if (!result.ok) {
      updateRun.value = null;
      updateError.value = result.message;
      return false;
    }
    updateRun.value = result.run;
    return true;
  }

  function setDecision(c: UpstreamConflict, d: Decision): void {
    decisions.value = { ...decisions.value, [conflictKey(c)]: d };
  }

  /** «Bruk»: the merge with the decisions, as one undoable edit; only when all are decided. */
  function applyUpdate(): boolean {
    const merged = decided.value;
    const before = models.model;
    if (!merged || !before) return false;
    const ok = models.apply((doc) => patchDoc(doc, before, merged));
    if (ok) {
      updateApplied.value = true;
      updateRun.value = null;
      decisions.value = {};
    }
    return ok;
  }

  function cancelUpdate(): void {
    updateRun.value = null;
    decisions.value = {};
    updateError.value = null;
  }

  // --- export --------------------------------------------------------------------------------
  const exported = shallowRef<{ name: string; removed: Finding[] } | null>(null);
  const exportError = ref<string | null>(null);

  async function exportTransfer(): Promise<boolean> {
    exportError.value = null;
    const model = models.model;
    if (!model) return false;
    let file: { text: string; removed: Finding[] };
    try {
      file = transferFile(model);
    } catch (e) {
      exportError.value = e instanceof Error ? e.message : String(e);
      return false;
    }
    const saved = await getApi().saveFile(null, file.text, `${model.id}-overforing.json`);
    if (!saved) return false;
    exported.value = { name: saved.name, removed: file.removed };
    return true;
  }

  return {
    section,
    source,
    sourceName,
    sourceKind,
    mapping,
    mappingName,
    step,
    adoptedOn,
    message,
    adoption,
    triedStep,
    issues,
    stepIssues,
    stepErrors,
    canFinish,
    structureCount,
    stepOf: stepOfPath,
    useSource,
    useOpenModel,
    ensureStarted,
    openSourceFile,
    update,
    goTo,
    next,
    back,
    saveMapping,
    openMapping,
    finish,
    updateRun,
    updateError,
    decisions,
    conflicts,
    decided,
    updateApplied,
    fetchUpdate,
    loadUpdate,
    setDecision,
    applyUpdate,
    cancelUpdate,
    exported,
    exportError,
    exportTransfer,
  };
});
