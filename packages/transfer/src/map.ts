/**
 * The mechanical part of adapting a source model for another district: every item is turned
 * into the receiving district's item with its roles, units, schools and areas mapped, its
 * meeting arenas renamed in free text, and whatever names the source district's own schools,
 * areas or people left out. Local overrides (a rhythm, a name) and provenance are not applied
 * here; `adapt.ts` adds them, and the upstream merge maps the source's next version through the
 * same mapper, so base and theirs are compared in local names.
 */
import type {
  AgendaRow,
  Collective,
  GlossaryEntry,
  Model,
  ModelDocument,
  Note,
  OnboardingPlan,
  Role,
  Routine,
  Scope,
  Structure,
} from '@arshjul/model';
import type { RevisionRule } from '@arshjul/revision';
import type { Mapping } from './mapping.js';

/** Items that may depend on a role the receiving district does not have. */
export type UndecidedKind = 'structure' | 'document' | 'revision' | 'onboarding' | 'routine';

/** An item that referred to a source role mapped to null: someone must decide who does it. */
export interface Undecided {
  kind: UndecidedKind;
  /** The local item id (the same as the source id for structures and documents). */
  id: string;
  /** Its name or title, mapped. */
  name: string;
  /** The source roles mapped to null that it referred to. */
  roles: string[];
  /** Where: `responsible`, `participants`, `agenda[2].responsible`, `steps[0].responsible`, … */
  fields: string[];
}

export interface Overrides {
  cadence?: Structure['cadence'];
  name?: string;
}

export interface Mapper {
  /** The local structure, or undefined when the mapping does not adopt it. */
  structure(s: Structure): Structure | undefined;
  /** The local document, or undefined when it is not adopted. */
  document(d: ModelDocument): ModelDocument | undefined;
  /** The local role (without assignments), or undefined when the role is mapped to null. */
  role(r: Role): Role | undefined;
  collective(c: Collective): Collective;
  /** A revision rule whose subject is the model or an adopted structure or document. */
  revision(r: RevisionRule): RevisionRule | undefined;
  /** An onboarding plan; undefined when none of the roles that trigger it is kept. */
  onboarding(p: OnboardingPlan): OnboardingPlan | undefined;
  routine(r: Routine): Routine | undefined;
  /** A glossary entry; undefined for one about the source district itself. */
  glossary(g: GlossaryEntry): GlossaryEntry | undefined;
  /** The local rhythm and name the mapping gives a source structure. */
  overrides(structureId: string): Overrides;
  /** Free text with the mapped terms replaced. */
  text(s: string): string;
  /** A party reference mapped: the local id, or undefined when it has no counterpart. */
  party(id: string): string | undefined;
  /** The local id of a source role: itself, another, or null (no such role). */
  roleTarget(sourceRoleId: string): string | null;
  /** The local id of a source unit: itself, a new unit, the owner, or null. */
  unitTarget(sourceUnitId: string): string | null;
  adoptsStructure(s: Structure): boolean;
  adoptsDocument(d: ModelDocument): boolean;
  /** Ids of the source structures the mapping adopts. */
  readonly structureIds: ReadonlySet<string>;
  /** Ids of the source documents the mapping adopts. */
  readonly documentIds: ReadonlySet<string>;
  /** The local party ids (district, units, areas, schools, roles, collectives). */
  readonly localParties: ReadonlySet<string>;
  /** Roles of `newRoles` that no source role is mapped to (adopted as new roles, no origin). */
  readonly extraRoles: Role[];
  /** Items of the source that referred to a role mapped to null, for a decision. */
  readonly undecided: Undecided[];
}

const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const uniq = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Regex-escapes a literal. */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const isUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();
const isLowerStart = (s: string): boolean => {
  const c = s[0] ?? '';
  return c === c.toLowerCase() && c !== c.toUpperCase();
};
const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const lowerFirst = (s: string): string => (s ? s[0]!.toLowerCase() + s.slice(1) : s);
/** An abbreviation («NSK», «FAU») keeps its case. */
const isAbbreviation = (s: string): boolean => s.length > 1 && isUpper(s.slice(0, 2));

/**
 * The replacement in the case of the text: «Nærmiljøteam» → «Innsatsteam» turns «nærmiljøteam»
 * into «innsatsteam» and «NÆRMILJØTEAM» into «INNSATSTEAM»; a sentence starts with a capital.
 */
function withCase(found: string, key: string, value: string, sentenceStart: boolean): string {
  let out = value;
  if (found !== key) {
    if (found.length > 1 && isUpper(found) && !isUpper(key)) out = value.toUpperCase();
    else if (!isLowerStart(found) && isLowerStart(key)) out = upperFirst(value);
    else if (isLowerStart(found) && !isLowerStart(key) && !isAbbreviation(value))
      out = lowerFirst(value);
  }
  return sentenceStart ? upperFirst(out) : out;
}

/** Replaces whole words (a term followed by «-» and a letter is part of a compound, left alone). */
function makeReplacer(terms: ReadonlyMap<string, string>): (s: string) => string {
  const keys = [...terms.keys()].filter((k) => k.trim().length > 0);
  if (keys.length === 0) return (s) => s;
  keys.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}]|\\p{L}-)(?:${keys.map(escape).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giu',
  );
  const lower = new Map<string, string>();
  for (const k of keys) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), k);
  return (s) =>
    s.replace(re, (found: string, offset: number, whole: string) => {
      const key = terms.has(found) ? found : lower.get(found.toLowerCase());
      if (key === undefined) return found;
      const before = whole.slice(0, offset);
      const sentenceStart = /^\s*[«"“(]?$/u.test(before) || /[.!?:]\s+[«"“(]?$/u.test(before);
      return withCase(found, key, terms.get(key)!, sentenceStart && !isLowerStart(found));
    });
}

/**
 * Creates the mapper of a source model for a (checked) mapping. It never throws on a mapping
 * that passed `checkMapping`; a reference that does not resolve to a local party is left out.
 */
export function createMapper(source: Model, mapping: Mapping): Mapper {
  const org = source.organisation;
  const sourceRoles = new Map(source.roles.map((r) => [r.id, r]));
  const sourceUnits = new Set(org.units.map((u) => u.id));
  const sourceSchools = new Set(org.schools.map((s) => s.id));
  const sourceAreas = new Set(org.areas.map((a) => a.id));
  const sourceInstitutions = new Set(org.institutions.map((i) => i.id));
  const sourceCollectives = new Set(source.collectives.map((c) => c.id));
  const newRoles = new Map(mapping.newRoles.map((r) => [r.id, r]));

  const roleTarget = (id: string): string | null =>
    has(mapping.roles, id) ? (mapping.roles[id] ?? null) : id;
  const unitTarget = (id: string): string | null =>
    has(mapping.units, id) ? (mapping.units[id] ?? null) : mapping.owner.id;

  // --- the local party namespace --------------------------------------------------------------
  const localSchools = new Set(mapping.schools.map((s) => s.id));
  const localAreas = new Set(mapping.areas === 'none' ? [] : mapping.areas.map((a) => a.id));
  const keptUnits = new Set(org.units.filter((u) => mapping.units[u.id] === u.id).map((u) => u.id));
  const localUnits = new Set([
    mapping.owner.id,
    ...mapping.newUnits.map((u) => u.id),
    ...keptUnits,
  ]);
  const localRoles = new Set<string>(newRoles.keys());
  for (const r of source.roles) {
    const t = roleTarget(r.id);
    if (t !== null && (t === r.id || newRoles.has(t))) localRoles.add(t);
  }
  const localParties = new Set<string>([
    mapping.district.id,
    ...localUnits,
    ...localAreas,
    ...localSchools,
    ...localRoles,
    ...sourceCollectives,
  ]);

  /** A party mapped: the local id, `null` for a role the district does not have, or undefined. */
  const mapParty = (id: string): string | null | undefined => {
    let t: string | null | undefined;
    if (sourceRoles.has(id)) {
      t = roleTarget(id);
      if (t === null) return null;
    } else if (sourceUnits.has(id)) t = unitTarget(id) ?? undefined;
    else if (id === org.district.id) t = mapping.district.id;
    else if (sourceCollectives.has(id)) t = id;
    else if (sourceSchools.has(id) || sourceAreas.has(id) || sourceInstitutions.has(id))
      t = localParties.has(id) ? id : undefined;
    else t = id;
    return t !== undefined && localParties.has(t) ? t : undefined;
  };

  /** Maps a list of party refs; the source roles mapped to null are added to `lost`. */
  const parties = (ids: readonly string[], lost?: Set<string>): string[] => {
    const out: string[] = [];
    for (const id of ids) {
      const t = mapParty(id);
      if (t === null) lost?.add(id);
      else if (t !== undefined) out.push(t);
    }
    return uniq(out);
  };

  // --- terms ----------------------------------------------------------------------------------
  const terms = new Map<string, string>();
  // Implicit: the source district's name, and the names of roles given a new local role.
  terms.set(org.district.name, mapping.district.name);
  for (const r of source.roles) {
    const t = roleTarget(r.id);
    const nr = t === null ? undefined : newRoles.get(t);
    if (!nr || t === r.id) continue;
    if (r.title !== nr.title) terms.set(r.title, nr.title);
    if (r.abbreviation) {
      terms.set(r.abbreviation, nr.abbreviation ?? lowerFirst(nr.title));
    }
  }
  // Explicit terms win.
  for (const [k, v] of Object.entries(mapping.terms)) terms.set(k, v);
  const text = makeReplacer(terms);
  const termKeys = new Set(Object.keys(mapping.terms).map((k) => k.trim().toLowerCase()));
  const opt = (s: string | undefined): string | undefined => (s === undefined ? s : text(s));
  const note = (n: Note): Note =>
    'alternative' in n && n.alternative !== undefined
      ? { ...n, text: text(n.text), alternative: text(n.alternative) }
      : { ...n, text: text(n.text) };
  // Notes on where the source's own documents disagree («inconsistency») are about the source.
  const notes = (ns: readonly Note[]): Note[] =>
    ns
      .filter((n) => !(typeof n === 'object' && 'kind' in n && n.kind === 'inconsistency'))
      .map(note);
  // Names of the source's schools and areas: a glossary entry that names them is about the source.
  const sourcePlaces = [
    ...org.schools.flatMap((x) => [x.name, ...x.aliases]),
    ...org.areas.flatMap((x) => [x.name, ...x.aliases]),
  ].filter((n) => n.length > 2);
  const namesSourcePlace = (t: string | undefined) =>
    t !== undefined &&
    sourcePlaces.some((n) =>
      new RegExp(`(^|[^\\p{L}])${escapeRegExp(n)}($|[^\\p{L}])`, 'u').test(t),
    );

  // --- which structures and documents -------------------------------------------------------
  const adopt = mapping.structures.adopt;
  const excluded = new Set(mapping.structures.exclude);
  const chosen = (id: string): string[] =>
    (mapping.structures.perSchool[id] ?? []).filter((s) => localSchools.has(s));
  const discontinued = (s: Structure): boolean => s.status.at(-1)?.status === 'discontinued';
  const isBase = (s: Structure): boolean =>
    s.scope.kind === 'all-schools' || s.scope.kind === 'district' || s.scope.kind === 'stage';
  const listed = (id: string): boolean => Array.isArray(adopt) && adopt.includes(id);
  const adoptsStructure = (s: Structure): boolean => {
    if (excluded.has(s.id)) return false;
    if (chosen(s.id).length > 0 || listed(s.id)) return true;
    if (discontinued(s)) return false;
    if (adopt === 'all') return true;
    return adopt === 'base' && isBase(s);
  };
  const structureIds = new Set(source.structures.filter(adoptsStructure).map((s) => s.id));
  const linkedDocs = new Set(
    source.structures.filter((s) => structureIds.has(s.id)).flatMap((s) => s.documents),
  );
  const docExcluded = new Set(mapping.documents.exclude);
  const adoptsDocument = (d: ModelDocument): boolean =>
    !docExcluded.has(d.id) &&
    (linkedDocs.has(d.id) || d.structures.some((id) => structureIds.has(id)));
  const documentIds = new Set(source.documents.filter(adoptsDocument).map((d) => d.id));
  const sourceDocs = new Map(source.documents.map((d) => [d.id, d]));

  const scopeOf = (s: Structure): Scope => {
    const sc = s.scope;
    const district = sc.kind !== 'district' && sc.district ? { district: true } : {};
    const schools = chosen(s.id);
    if (schools.length > 0) {
      return {
        kind: 'schools',
        schools,
        ...(sc.kind === 'district' || sc.district ? { district: true as const } : {}),
      };
    }
    switch (sc.kind) {
      case 'all-schools':
      case 'district':
      case 'stage':
        return structuredClone(sc);
      case 'areas':
        return localAreas.size > 0
          ? { kind: 'areas', areas: [...localAreas], ...district }
          : { kind: 'all-schools', ...district };
      case 'schools':
        return { kind: 'all-schools', ...district };
    }
  };
  const scopeText = (s: Structure, scope: Scope): string | undefined => {
    if (s.scope.kind === scope.kind && scope.kind !== 'schools' && scope.kind !== 'areas')
      return opt(s.scopeText);
    if (s.scopeText === undefined) return undefined;
    if (scope.kind === 'schools') {
      const names = scope.schools.map((id) => mapping.schools.find((x) => x.id === id)?.name ?? id);
      return scope.district ? [...names, mapping.district.name].join(', ') : names.join(', ');
    }
    if (scope.kind === 'areas') return 'Alle skoleområder';
    return 'district' in scope && scope.district
      ? `Alle skoler og ${mapping.district.name}`
      : 'Alle skoler';
  };

  const agendaRow = (row: AgendaRow, lost: Set<string>): AgendaRow => ({
    ...row,
    content: text(row.content),
    purpose: opt(row.purpose),
    documents: row.documents.flatMap((d) => {
      const doc = sourceDocs.get(d);
      if (!doc) return [text(d)];
      return documentIds.has(d) ? [d] : [text(doc.title)];
    }),
    responsible: parties(row.responsible, lost),
    responsibleText: opt(row.responsibleText),
    note: opt(row.note),
  });
  const clean = <T extends object>(o: T): T => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) delete (o as Record<string, unknown>)[k];
    }
    return o;
  };

  // --- the items --------------------------------------------------------------------------------
  interface Tracked<T> {
    item: T;
    lost: Map<string, Set<string>>;
  }
  const track = () => {
    const lost = new Map<string, Set<string>>();
    const at = (field: string): Set<string> => {
      let s = lost.get(field);
      if (!s) lost.set(field, (s = new Set()));
      return s;
    };
    return { lost, at };
  };

  const mapStructure = (s: Structure): Tracked<Structure> | undefined => {
    if (!adoptsStructure(s)) return undefined;
    const { lost, at } = track();
    const scope = scopeOf(s);
    const out: Structure = {
      ...structuredClone(s),
      name: text(s.name),
      description: opt(s.description),
      responsible: parties(s.responsible, at('responsible')),
      contributors: parties(s.contributors, at('contributors')),
      responsibleText: opt(s.responsibleText),
      participants: parties(s.participants, at('participants')),
      scope,
      scopeText: scopeText(s, scope),
      variations: [],
      status: [],
      documents: s.documents.filter((d) => documentIds.has(d)),
      agenda: s.agenda.map((row, i) => agendaRow(row, at(`agenda[${i}].responsible`))),
      notes: notes(s.notes),
    };
    delete out.origin;
    return { item: clean(out), lost };
  };

  const mapDocument = (d: ModelDocument): Tracked<ModelDocument> | undefined => {
    if (!adoptsDocument(d)) return undefined;
    const { lost, at } = track();
    const out: ModelDocument = {
      ...structuredClone(d),
      title: text(d.title),
      description: opt(d.description),
      audience: opt(d.audience),
      owner: parties(d.owner, at('owner')),
      ownerText: opt(d.ownerText),
      contributors: parties(d.contributors, at('contributors')),
      keptAt: opt(d.keptAt),
      structures: d.structures.filter((id) => structureIds.has(id)),
      notes: notes(d.notes),
    };
    delete out.origin;
    return { item: clean(out), lost };
  };

  const mapRole = (r: Role): Role | undefined => {
    const t = roleTarget(r.id);
    if (t === null || !localRoles.has(t)) return undefined;
    const unit = r.unit === undefined ? undefined : (unitTarget(r.unit) ?? undefined);
    const base: Role = {
      ...structuredClone(r),
      unit: unit !== undefined && localParties.has(unit) ? unit : undefined,
      mandate: opt(r.mandate),
      perArea: localAreas.size > 0 ? r.perArea : undefined,
      assignments: [],
      notes: notes(r.notes),
    };
    delete base.origin;
    const nr = newRoles.get(t);
    if (nr) {
      Object.assign(base, {
        id: nr.id,
        title: nr.title,
        abbreviation: nr.abbreviation,
        mandate: nr.mandate ?? base.mandate,
        aliases: [],
        // The source's notes are about its own role (e.g. one NSK per school area).
        notes: [],
      });
      if (nr.side !== undefined) base.side = nr.side;
      if (nr.perArea !== undefined) base.perArea = nr.perArea;
      if (nr.perSchool !== undefined) base.perSchool = nr.perSchool;
    }
    return clean(base);
  };

  const extraRoles: Role[] = mapping.newRoles
    .filter((nr) => !source.roles.some((r) => roleTarget(r.id) === nr.id))
    .map((nr) =>
      clean({
        id: nr.id,
        title: nr.title,
        abbreviation: nr.abbreviation,
        side: nr.side,
        mandate: nr.mandate,
        perArea: nr.perArea,
        perSchool: nr.perSchool,
        assignments: [],
        aliases: [],
        notes: [],
      }),
    );

  const mapRevision = (r: RevisionRule): Tracked<RevisionRule> | undefined => {
    const subject = r.subject;
    if (subject.kind === 'structure' && !structureIds.has(subject.structure)) return undefined;
    if (subject.kind === 'document' && !documentIds.has(subject.document)) return undefined;
    const { lost, at } = track();
    const out: RevisionRule = {
      ...structuredClone(r),
      title: text(r.title),
      draftedBy: parties(r.draftedBy, at('draftedBy')),
      input: parties(r.input, at('input')),
      decidedBy: parties(r.decidedBy, at('decidedBy')),
      publishedBy: parties(r.publishedBy, at('publishedBy')),
      responsibleText: opt(r.responsibleText),
      notes: notes(r.notes),
    };
    if (r.forum) {
      out.forum = clean({
        text: text(r.forum.text),
        structure:
          r.forum.structure !== undefined && structureIds.has(r.forum.structure)
            ? r.forum.structure
            : undefined,
      });
    }
    return { item: clean(out), lost };
  };

  const mapOnboarding = (p: OnboardingPlan): Tracked<OnboardingPlan> | undefined => {
    const { lost, at } = track();
    const roles = parties(p.trigger.roles, at('trigger.roles')).filter((id) => localRoles.has(id));
    if (roles.length === 0) return undefined;
    const out: OnboardingPlan = {
      ...structuredClone(p),
      title: text(p.title),
      trigger: clean({ ...p.trigger, roles, text: opt(p.trigger.text) }),
      maintainedBy: parties(p.maintainedBy, at('maintainedBy')),
      convenedBy: parties(p.convenedBy, at('convenedBy')),
      structure:
        p.structure !== undefined && structureIds.has(p.structure) ? p.structure : undefined,
      document: p.document !== undefined && documentIds.has(p.document) ? p.document : undefined,
      meetings: p.meetings.map((m, j) =>
        clean({
          ...m,
          title: text(m.title),
          participants: parties(m.participants, at(`meetings[${j}].participants`)),
          participantsText: opt(m.participantsText),
          agenda: m.agenda.map((row, k) =>
            agendaRow(row, at(`meetings[${j}].agenda[${k}].responsible`)),
          ),
          notes: notes(m.notes),
        }),
      ),
      notes: notes(p.notes),
    };
    return { item: clean(out), lost };
  };

  const mapRoutine = (r: Routine): Tracked<Routine> => {
    const { lost, at } = track();
    const out: Routine = {
      ...structuredClone(r),
      name: text(r.name),
      trigger: clean({ event: text(r.trigger.event), text: opt(r.trigger.text) }),
      steps: r.steps.map((step, j) =>
        clean({
          ...step,
          action: text(step.action),
          responsible: parties(step.responsible, at(`steps[${j}].responsible`)),
          timing: step.timing ? clean({ ...step.timing, text: opt(step.timing.text) }) : undefined,
          preconditions: step.preconditions.map(text),
          documents: step.documents.filter((d) => documentIds.has(d)),
        }),
      ),
      structures: r.structures.filter((id) => structureIds.has(id)),
      notes: notes(r.notes),
    };
    return { item: clean(out), lost };
  };

  const mapGlossary = (g: GlossaryEntry): GlossaryEntry | undefined => {
    if (g.refersTo === org.district.id) return undefined;
    if (namesSourcePlace(text(g.description ?? '')) || namesSourcePlace(text(g.expansion ?? '')))
      return undefined;
    let term = termKeys.has(g.term.trim().toLowerCase()) ? text(g.term) : g.term;
    let expansion = opt(g.expansion);
    let refersTo = g.refersTo;
    let kind = g.kind;
    let aliases = g.aliases.map(text);
    if (refersTo !== undefined && !refersTo.includes(':')) {
      if (source.structures.some((s) => s.id === refersTo)) {
        refersTo = structureIds.has(refersTo) ? refersTo : undefined;
      } else if (sourceDocs.has(refersTo)) {
        refersTo = documentIds.has(refersTo) ? refersTo : undefined;
      } else {
        const t = mapParty(refersTo) ?? undefined;
        const nr = t === undefined ? undefined : newRoles.get(t);
        if (nr && sourceRoles.has(refersTo) && t !== refersTo && g.kind === 'abbreviation') {
          // «NSK» → the local role's abbreviation, or its title (a term) when it has none.
          term = nr.abbreviation ?? nr.title;
          expansion = nr.abbreviation ? nr.title : undefined;
          kind = nr.abbreviation ? 'abbreviation' : 'term';
          aliases = [];
        }
        refersTo = t;
      }
    }
    return clean({
      ...structuredClone(g),
      term,
      kind,
      expansion,
      refersTo,
      aliases,
      description: opt(g.description),
      notes: notes(g.notes),
    });
  };

  // --- what needs a decision --------------------------------------------------------------------
  const undecided: Undecided[] = [];
  const collect = (
    kind: UndecidedKind,
    id: string,
    name: string,
    t: { lost: Map<string, Set<string>> } | undefined,
  ) => {
    if (!t) return;
    const roles = new Set<string>();
    const fields: string[] = [];
    for (const [field, ids] of t.lost) {
      if (ids.size === 0) continue;
      fields.push(field);
      ids.forEach((r) => roles.add(r));
    }
    if (roles.size > 0) undecided.push({ kind, id, name, roles: [...roles], fields });
  };
  for (const s of source.structures) {
    const t = mapStructure(s);
    collect('structure', s.id, t?.item.name ?? s.name, t);
  }
  for (const d of source.documents) {
    const t = mapDocument(d);
    collect('document', d.id, t?.item.title ?? d.title, t);
  }
  for (const r of source.revisions) {
    const t = mapRevision(r);
    collect('revision', r.id, t?.item.title ?? r.title, t);
  }
  for (const p of source.onboarding) {
    const t = mapOnboarding(p);
    collect('onboarding', p.id, t?.item.title ?? p.title, t);
  }
  for (const r of source.routines) {
    const t = mapRoutine(r);
    collect('routine', r.id, t.item.name, t);
  }

  return {
    structure: (s) => mapStructure(s)?.item,
    document: (d) => mapDocument(d)?.item,
    role: mapRole,
    collective: (c) =>
      clean({
        ...structuredClone(c),
        members: parties(c.members),
        description: opt(c.description),
        notes: notes(c.notes),
      }),
    revision: (r) => mapRevision(r)?.item,
    onboarding: (p) => mapOnboarding(p)?.item,
    routine: (r) => mapRoutine(r).item,
    glossary: mapGlossary,
    overrides: (id) => {
      const o: Overrides = {};
      if (has(mapping.structures.cadences, id)) o.cadence = mapping.structures.cadences[id];
      if (has(mapping.structures.names, id)) o.name = mapping.structures.names[id];
      return o;
    },
    text,
    party: (id) => mapParty(id) ?? undefined,
    roleTarget,
    unitTarget,
    adoptsStructure,
    adoptsDocument,
    structureIds,
    documentIds,
    localParties,
    extraRoles,
    undecided,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
