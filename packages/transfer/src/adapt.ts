/**
 * Adapting a source model for another district: the complete local model from a mapping, with
 * every adopted structure, document and role recording where it came from, the adopted source
 * items kept as the base of later upstream merges, and a report of what was adopted, changed
 * locally, left out, and still has to be decided. Pure: `today` comes from the caller.
 */
import {
  MODEL_SCHEMA_VERSION,
  type GlossaryEntry,
  type Model,
  type ModelDocument,
  type Role,
  type School,
  type Structure,
  type Unit,
} from '@arshjul/model';
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import { createMapper, type Undecided } from './map.js';
import type { Mapping } from './mapping.js';

export type AdoptedKind = 'structure' | 'document' | 'role';
export type DroppedKind =
  | 'structure'
  | 'document'
  | 'role'
  | 'unit'
  | 'institution'
  | 'revision'
  | 'onboarding'
  | 'routine'
  | 'glossary'
  | 'notes';
export type DecisionKind = Undecided['kind'] | 'school';

export interface AdaptationReport {
  /** Source items taken into the local model. */
  adopted: { kind: AdoptedKind; id: string; sourceId: string; name: string }[];
  /** Adopted items the mapping changed locally (a rhythm, a name). */
  changed: { kind: AdoptedKind; id: string; what: string }[];
  /** Source items left out, and why. */
  dropped: { kind: DroppedKind; sourceId: string; name: string; why: string }[];
  /** What someone in the receiving district must decide. */
  toDecide: { kind: DecisionKind; id: string; what: string }[];
}

export interface AdaptOptions {
  /** The day of the adaptation: schools take part from it, and it dates the change log. */
  today: IsoDate;
  /** Language of the report and the change log; bokmål when left out. */
  lang?: Lang;
  /**
   * The mapping as written (the parsed JSON file), stored in `upstream.mapping`; the parsed
   * mapping when left out.
   */
  mappingJson?: Record<string, unknown>;
}

export interface AdaptResult {
  model: Model;
  report: AdaptationReport;
}

type Texts = Record<Lang, string>;
const T = {
  notAdopted: {
    nb: 'ikke i den felles grunnpakken og ikke valgt for noen skole',
    nn: 'ikkje i den felles grunnpakken og ikkje vald for nokon skule',
    en: 'not in the shared base and not chosen for any school',
  },
  notListed: {
    nb: 'ikke med i listen over strukturer som tas i bruk',
    nn: 'ikkje med i lista over strukturar som blir tekne i bruk',
    en: 'not in the list of structures to adopt',
  },
  excluded: {
    nb: 'utelatt i kartleggingen',
    nn: 'utelaten i kartlegginga',
    en: 'excluded in the mapping',
  },
  discontinued: {
    nb: 'avviklet i kildemodellen',
    nn: 'avvikla i kjeldemodellen',
    en: 'discontinued in the source model',
  },
  docNotLinked: {
    nb: 'hører ikke til noen struktur som tas i bruk',
    nn: 'høyrer ikkje til nokon struktur som blir teken i bruk',
    en: 'belongs to no adopted structure',
  },
  roleNull: {
    nb: 'bydelen har ingen slik rolle (kartlagt til null)',
    nn: 'bydelen har inga slik rolle (kartlagd til null)',
    en: 'the district has no such role (mapped to null)',
  },
  unitNull: {
    nb: 'bydelen har ingen slik enhet (kartlagt til null)',
    nn: 'bydelen har inga slik eining (kartlagd til null)',
    en: 'the district has no such unit (mapped to null)',
  },
  institution: {
    nb: 'barnehager og andre institusjoner tas ikke med; legg inn bydelens egne',
    nn: 'barnehagar og andre institusjonar blir ikkje tekne med; legg inn bydelen sine eigne',
    en: 'kindergartens and other institutions are not adopted; add the district’s own',
  },
  revisionSubject: {
    nb: 'gjelder en struktur eller et dokument som ikke tas i bruk',
    nn: 'gjeld ein struktur eller eit dokument som ikkje blir teke i bruk',
    en: 'concerns a structure or document that is not adopted',
  },
  onboardingRoles: {
    nb: 'ingen av rollene som utløser planen, finnes i bydelen',
    nn: 'ingen av rollene som utløyser planen, finst i bydelen',
    en: 'none of the roles that trigger the plan exists in the district',
  },
  glossaryDistrict: {
    nb: 'handler om kildebydelen',
    nn: 'handlar om kjeldebydelen',
    en: 'is about the source district',
  },
  glossaryDuplicate: {
    nb: 'samme begrep som en annen oppføring etter kartleggingen',
    nn: 'same omgrep som ei anna oppføring etter kartlegginga',
    en: 'the same term as another entry after mapping',
  },
  notes: {
    nb: 'merknadene handler om kildemodellen',
    nn: 'merknadene handlar om kjeldemodellen',
    en: 'the notes are about the source model',
  },
} satisfies Record<string, Texts>;

const FIELD_WORDS: Record<string, Texts> = {
  responsible: { nb: 'ansvarlig', nn: 'ansvarleg', en: 'responsible' },
  contributors: { nb: 'bidragsytere', nn: 'bidragsytarar', en: 'contributors' },
  participants: { nb: 'deltakere', nn: 'deltakarar', en: 'participants' },
  draftedBy: { nb: 'utarbeider forslag', nn: 'utarbeider forslag', en: 'drafts' },
  input: { nb: 'innspill', nn: 'innspel', en: 'input' },
  decidedBy: { nb: 'vedtar', nn: 'vedtek', en: 'decides' },
  publishedBy: { nb: 'publiserer', nn: 'publiserer', en: 'publishes' },
  owner: { nb: 'eier', nn: 'eigar', en: 'owner' },
  maintainedBy: { nb: 'vedlikeholder', nn: 'held ved like', en: 'maintains' },
  convenedBy: { nb: 'kaller inn', nn: 'kallar inn', en: 'convenes' },
  'trigger.roles': { nb: 'utløsende rolle', nn: 'utløysande rolle', en: 'triggering role' },
};

function decisionText(u: Undecided, titles: ReadonlyMap<string, string>, lang: Lang): string {
  const roles = u.roles.map((r) => `«${titles.get(r) ?? r}»`).join(', ');
  const fields = u.fields.map((f) => FIELD_WORDS[f]?.[lang] ?? f).join(', ');
  return {
    nb: `«${u.name}» hadde ${roles} (${fields}), som bydelen ikke har: avgjør hvem som gjør dette`,
    nn: `«${u.name}» hadde ${roles} (${fields}), som bydelen ikkje har: avgjer kven som gjer dette`,
    en: `«${u.name}» had ${roles} (${fields}), which the district does not have: decide who does this`,
  }[lang];
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The source item as JSON for `upstream.base`, without anything personal. */
function baseItem(item: object): Record<string, unknown> {
  const out = json(item) as Record<string, unknown>;
  delete out.assignments;
  delete out.origin;
  return out;
}

/**
 * Builds the local model from a source model and a mapping (checked with `checkMapping`). The
 * result passes `validateModel`; the report lists what was adopted, changed, dropped and what
 * must be decided.
 */
export function adaptModel(source: Model, mapping: Mapping, options: AdaptOptions): AdaptResult {
  const lang: Lang = options.lang ?? 'nb';
  const today = options.today;
  const mapper = createMapper(source, mapping);
  const version = source.schoolYear ?? 'ukjent';
  const origin = (id: string, changed: boolean) => ({
    model: source.id,
    version,
    id,
    changed,
  });
  const report: AdaptationReport = { adopted: [], changed: [], dropped: [], toDecide: [] };
  const org = source.organisation;

  // --- organisation ---------------------------------------------------------------------------
  const units: Unit[] = [
    {
      id: mapping.owner.id,
      name: mapping.owner.name,
      kind: 'unit',
      areas: [],
      aliases: [],
      notes: [],
    },
  ];
  const unitIds = new Set(units.map((u) => u.id));
  for (const u of mapping.newUnits) {
    if (unitIds.has(u.id)) continue;
    unitIds.add(u.id);
    units.push({ id: u.id, name: u.name, kind: 'unit', areas: [], aliases: [], notes: [] });
  }
  for (const u of org.units) {
    const target = mapper.unitTarget(u.id);
    if (target === null) {
      report.dropped.push({ kind: 'unit', sourceId: u.id, name: u.name, why: T.unitNull[lang] });
      continue;
    }
    if (target !== u.id || unitIds.has(u.id)) continue;
    unitIds.add(u.id);
    const parent = u.parent === undefined ? undefined : mapper.party(u.parent);
    const unit: Unit = {
      ...json(u),
      areas: [],
      description: u.description === undefined ? undefined : mapper.text(u.description),
      notes: [],
    };
    if (parent !== undefined && parent !== u.id) unit.parent = parent;
    else delete unit.parent;
    if (unit.description === undefined) delete unit.description;
    units.push(unit);
  }
  for (const inst of org.institutions) {
    report.dropped.push({
      kind: 'institution',
      sourceId: inst.id,
      name: inst.name,
      why: T.institution[lang],
    });
  }
  const hasAreas = mapping.areas !== 'none';
  const areas = mapping.areas === 'none' ? [] : mapping.areas;
  const schools: School[] = mapping.schools.map((s) => {
    const school: School = {
      id: s.id,
      name: s.name,
      stage: s.stage,
      memberships: [hasAreas && s.area ? { area: s.area, from: today } : { from: today }],
      aliases: [...s.aliases],
      notes: [],
    };
    if (s.grades) school.grades = { ...s.grades };
    return school;
  });

  // --- roles ------------------------------------------------------------------------------------
  const roles: Role[] = [];
  const baseRoles: Record<string, unknown>[] = [];
  const roleTitles = new Map(source.roles.map((r) => [r.id, r.title]));
  for (const r of source.roles) {
    const local = mapper.role(r);
    if (!local) {
      report.dropped.push({ kind: 'role', sourceId: r.id, name: r.title, why: T.roleNull[lang] });
      continue;
    }
    roles.push({ ...local, origin: origin(r.id, false) });
    baseRoles.push(baseItem(r));
    report.adopted.push({ kind: 'role', id: local.id, sourceId: r.id, name: local.title });
  }
  roles.push(...mapper.extraRoles);

  // --- structures -------------------------------------------------------------------------------
  const structures: Structure[] = [];
  const baseStructures: Record<string, unknown>[] = [];
  const excluded = new Set(mapping.structures.exclude);
  for (const s of source.structures) {
    const mapped = mapper.structure(s);
    if (!mapped) {
      const why = excluded.has(s.id)
        ? T.excluded[lang]
        : s.status.at(-1)?.status === 'discontinued'
          ? T.discontinued[lang]
          : Array.isArray(mapping.structures.adopt)
            ? T.notListed[lang]
            : T.notAdopted[lang];
      report.dropped.push({ kind: 'structure', sourceId: s.id, name: s.name, why });
      continue;
    }
    const o = mapper.overrides(s.id);
    const local: Structure = { ...mapped };
    const what: string[] = [];
    if (o.cadence !== undefined && !sameJson(o.cadence, mapped.cadence)) {
      local.cadence = o.cadence;
      what.push(cadenceChange(mapped.cadence, o.cadence, lang));
    }
    if (o.name !== undefined && o.name !== mapped.name) {
      local.name = o.name;
      what.push(
        {
          nb: `navn: «${mapped.name}» → «${o.name}»`,
          nn: `namn: «${mapped.name}» → «${o.name}»`,
          en: `name: «${mapped.name}» → «${o.name}»`,
        }[lang],
      );
    }
    local.origin = origin(s.id, what.length > 0);
    structures.push(local);
    baseStructures.push(baseItem(s));
    report.adopted.push({ kind: 'structure', id: local.id, sourceId: s.id, name: local.name });
    if (what.length > 0)
      report.changed.push({ kind: 'structure', id: local.id, what: what.join('; ') });
  }

  // --- documents --------------------------------------------------------------------------------
  const documents: ModelDocument[] = [];
  const baseDocuments: Record<string, unknown>[] = [];
  const docExcluded = new Set(mapping.documents.exclude);
  for (const d of source.documents) {
    const mapped = mapper.document(d);
    if (!mapped) {
      report.dropped.push({
        kind: 'document',
        sourceId: d.id,
        name: d.title,
        why: docExcluded.has(d.id) ? T.excluded[lang] : T.docNotLinked[lang],
      });
      continue;
    }
    documents.push({ ...mapped, origin: origin(d.id, false) });
    baseDocuments.push(baseItem(d));
    report.adopted.push({ kind: 'document', id: mapped.id, sourceId: d.id, name: mapped.title });
  }

  // --- revision rules, onboarding, routines, glossary ------------------------------------------
  const revisions = source.revisions.flatMap((r) => {
    const m = mapper.revision(r);
    if (!m) {
      report.dropped.push({
        kind: 'revision',
        sourceId: r.id,
        name: r.title,
        why: T.revisionSubject[lang],
      });
      return [];
    }
    return [m];
  });
  const onboarding = source.onboarding.flatMap((p) => {
    const m = mapper.onboarding(p);
    if (!m) {
      report.dropped.push({
        kind: 'onboarding',
        sourceId: p.id,
        name: p.title,
        why: T.onboardingRoles[lang],
      });
      return [];
    }
    return [m];
  });
  const routines = source.routines.map((r) => mapper.routine(r)!);
  const glossary: GlossaryEntry[] = [];
  const terms = new Set<string>();
  for (const g of source.glossary) {
    const m = mapper.glossary(g);
    const key = m?.term.trim().toLowerCase();
    if (!m || key === undefined || terms.has(key)) {
      report.dropped.push({
        kind: 'glossary',
        sourceId: g.term,
        name: g.term,
        why: m ? T.glossaryDuplicate[lang] : T.glossaryDistrict[lang],
      });
      continue;
    }
    terms.add(key);
    glossary.push(m);
  }
  if (source.notes.length > 0) {
    report.dropped.push({
      kind: 'notes',
      sourceId: source.id,
      name: { nb: 'Merknader', nn: 'Merknader', en: 'Notes' }[lang],
      why: T.notes[lang],
    });
  }

  // --- what must be decided ---------------------------------------------------------------------
  const kept = (u: Undecided): boolean =>
    u.kind === 'structure'
      ? mapper.structureIds.has(u.id)
      : u.kind === 'document'
        ? mapper.documentIds.has(u.id)
        : u.kind === 'revision'
          ? revisions.some((r) => r.id === u.id)
          : u.kind === 'onboarding'
            ? onboarding.some((p) => p.id === u.id)
            : true;
  for (const u of mapper.undecided) {
    if (!kept(u)) continue;
    const name =
      u.kind === 'structure' ? (structures.find((s) => s.id === u.id)?.name ?? u.name) : u.name;
    report.toDecide.push({
      kind: u.kind,
      id: u.id,
      what: decisionText({ ...u, name }, roleTitles, lang),
    });
  }
  for (const s of structures) {
    const src = source.structures.find((x) => x.id === s.origin?.id);
    if (src && src.responsible.length > 0 && s.responsible.length === 0) {
      if (report.toDecide.some((d) => d.kind === 'structure' && d.id === s.id)) continue;
      report.toDecide.push({
        kind: 'structure',
        id: s.id,
        what: {
          nb: `«${s.name}» har ingen ansvarlig etter kartleggingen: avgjør hvem som har ansvaret`,
          nn: `«${s.name}» har ingen ansvarleg etter kartlegginga: avgjer kven som har ansvaret`,
          en: `«${s.name}» has no one responsible after mapping: decide who is`,
        }[lang],
      });
    }
  }
  // Texts that still name the source's schools or areas («Rødtvet, Ammerud og NSK», «Aktiv i
  // Grorud») were written for the source: flagged so the district rewrites them.
  const places = [
    ...org.schools.flatMap((x) => [x.name, ...x.aliases]),
    ...org.areas.flatMap((x) => [x.name, ...x.aliases]),
  ].filter((n) => n.length > 2);
  const named = (text: string) =>
    places.filter((n) =>
      new RegExp(`(^|[^\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(
        text,
      ),
    );
  const textsOf = (value: unknown, key = ''): string[] =>
    typeof value === 'string'
      ? key === 'id' || key === 'source'
        ? []
        : [value]
      : Array.isArray(value)
        ? value.flatMap((v) => textsOf(v))
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => (k === 'origin' ? [] : textsOf(v, k)))
          : [];
  const checkText = (kind: DecisionKind, id: string, item: unknown) => {
    const found = [...new Set(textsOf(item).flatMap(named))];
    if (found.length === 0) return;
    report.toDecide.push({
      kind,
      id,
      what: {
        nb: `teksten nevner kildebydelens ${found.map((f) => `«${f}»`).join(', ')}: skriv den om for bydelen`,
        nn: `teksten nemner kjeldebydelen sin ${found.map((f) => `«${f}»`).join(', ')}: skriv han om for bydelen`,
        en: `the text names the source district's ${found.map((f) => `«${f}»`).join(', ')}: rewrite it`,
      }[lang],
    });
  };
  for (const s of structures) checkText('structure', s.id, s);
  for (const d of documents) checkText('document', d.id, d);

  if (hasAreas) {
    for (const s of mapping.schools) {
      if (s.area !== undefined) continue;
      report.toDecide.push({
        kind: 'school',
        id: s.id,
        what: {
          nb: `«${s.name}» er ikke lagt i noe skoleområde`,
          nn: `«${s.name}» er ikkje lagd i noko skuleområde`,
          en: `«${s.name}» is in no school area`,
        }[lang],
      });
    }
  }

  // --- the model ----------------------------------------------------------------------------------
  const summary = {
    nb: `Tilpasset fra ${source.name} (${version})`,
    nn: `Tilpassa frå ${source.name} (${version})`,
    en: `Adapted from ${source.name} (${version})`,
  }[lang];
  const changes = [
    {
      nb: `${structures.length} strukturer, ${documents.length} dokumenter og ${roles.length} roller tatt i bruk`,
      nn: `${structures.length} strukturar, ${documents.length} dokument og ${roles.length} roller tekne i bruk`,
      en: `${structures.length} structures, ${documents.length} documents and ${roles.length} roles adopted`,
    }[lang],
    ...report.changed.map((c) => `${c.id}: ${c.what}`),
    {
      nb: `${report.toDecide.length} punkter må avgjøres`,
      nn: `${report.toDecide.length} punkt må avgjerast`,
      en: `${report.toDecide.length} points to decide`,
    }[lang],
  ];
  const model: Model = {
    schemaVersion: MODEL_SCHEMA_VERSION,
    id: mapping.model.id,
    name: mapping.model.name,
    language: source.language,
    source: summary,
    organisation: {
      district: {
        id: mapping.district.id,
        name: mapping.district.name,
        kommune: mapping.calendar?.kommune ?? mapping.district.kommune,
        aliases: [...mapping.district.aliases],
        notes: [],
      },
      units,
      areas: areas.map((a) => {
        const area: Model['organisation']['areas'][number] = {
          id: a.id,
          name: a.name,
          aliases: [],
          notes: [],
        };
        if (a.description !== undefined) area.description = a.description;
        return area;
      }),
      schools,
      institutions: [],
      notes: [],
    },
    roles,
    collectives: source.collectives.map((c) => mapper.collective(c)),
    structures,
    documents,
    revisions,
    revisionRecords: [],
    onboarding,
    routines,
    // Never carried over: the source district's newcomers are its own (and point at people).
    newcomers: [],
    glossary,
    changeLog: [
      {
        date: today,
        ...(mapping.model.schoolYear ? { schoolYear: mapping.model.schoolYear } : {}),
        summary,
        changes,
      },
    ],
    upstream: {
      model: { id: source.id, name: source.name, district: org.district.name },
      version,
      adoptedOn: today,
      mapping: options.mappingJson ?? json(mapping),
      base: {
        structures: baseStructures,
        documents: baseDocuments,
        roles: baseRoles,
        revisions: source.revisions
          .filter((r) => revisions.some((x) => x.id === r.id))
          .map(baseItem),
        onboarding: source.onboarding
          .filter((p) => onboarding.some((x) => x.id === p.id))
          .map(baseItem),
        routines: source.routines.map(baseItem),
      },
      known: {
        structures: source.structures.map((x) => x.id),
        documents: source.documents.map((x) => x.id),
        roles: source.roles.map((x) => x.id),
        revisions: source.revisions.map((x) => x.id),
        onboarding: source.onboarding.map((x) => x.id),
        routines: source.routines.map((x) => x.id),
      },
      conflicts: [],
    },
    notes: mapping.notes.map((text) => ({ kind: 'note' as const, text })),
  };
  if (mapping.model.description !== undefined) model.description = mapping.model.description;
  const schoolYear = mapping.model.schoolYear ?? source.schoolYear;
  if (schoolYear !== undefined) model.schoolYear = schoolYear;
  if (source.$schema !== undefined) model.$schema = source.$schema;
  return { model, report };
}

function cadenceText(c: Structure['cadence']): string {
  return typeof c === 'string' ? c : c.text;
}

function cadenceChange(from: Structure['cadence'], to: Structure['cadence'], lang: Lang): string {
  const a = cadenceText(from);
  const b = cadenceText(to);
  return {
    nb: `rytme: «${a}» → «${b}»`,
    nn: `rytme: «${a}» → «${b}»`,
    en: `rhythm: «${a}» → «${b}»`,
  }[lang];
}
