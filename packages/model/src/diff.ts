/**
 * The differences between two versions of a model, per entity and field: what the yearly
 * revision changed, and what `arshjul diff <old> <new>` prints as the change log.
 *
 * Entities are matched by id (revision records by rule and date, glossary entries by term, the
 * district as the one it is), so a renamed entity is a change of its `name`, not a removal and an
 * addition. The change log itself (`changeLog`) is not compared. Notes are compared as lists, as
 * fields of the entity they belong to (the model's and the organisation's notes as fields of the
 * `model` entity, e.g. `notes[1].text`).
 */
import {
  diffCollections,
  formatChange,
  type EntityChange,
  type FieldChange,
} from '@arshjul/revision';
import type { Lang } from '@arshjul/school-calendar';
import { fieldWord } from './field-words.js';
import type { Model } from './schema.js';

export interface ModelDiff {
  changes: EntityChange[];
  counts: { added: number; removed: number; changed: number };
}

/** The model's own fields compared as the `model` entity (everything but the collections). */
const MODEL_FIELDS = [
  '$schema',
  'schemaVersion',
  'id',
  'name',
  'description',
  'schoolYear',
  'language',
  'source',
  'notes',
] as const;

/** The collections in the order they are reported. */
export const MODEL_COLLECTIONS = [
  'model',
  'district',
  'units',
  'areas',
  'schools',
  'institutions',
  'roles',
  'collectives',
  'structures',
  'documents',
  'revisions',
  'revisionRecords',
  'onboarding',
  'routines',
  'schoolYears',
  'newcomers',
  'glossary',
] as const;
export type ModelCollection = (typeof MODEL_COLLECTIONS)[number];

function modelFields(model: Model): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of MODEL_FIELDS) if (model[key] !== undefined) out[key] = model[key];
  out['organisation.notes'] = model.organisation.notes;
  // The model's own school calendar: its kommune and source here, its years as `schoolYears`.
  if (model.schoolCalendar?.kommune) out['schoolCalendar.kommune'] = model.schoolCalendar.kommune;
  if (model.schoolCalendar?.source) out['schoolCalendar.source'] = model.schoolCalendar.source;
  return out;
}

/** The key of a revision record: its rule and date (a rule is revised at most once a day). */
export function revisionRecordKey(record: { rule: string; date: string }): string {
  return `${record.rule}@${record.date}`;
}

/** Field-level differences of two models: added, removed and changed entities. */
/**
 * A cadence whose words changed is one change, «Hver fjerde uke» → «Hver tredje uke»: the rule
 * read from the words follows them and is not the user's edit. A rule that changed under the
 * same words keeps its field-level changes (`cadence.rule.every`).
 */
function collapseCadences(fields: FieldChange[]): FieldChange[] {
  const texts = fields.filter((f) => /(^|\.)cadence\.text$/.test(f.path));
  if (!texts.length) return fields;
  const prefixes = texts.map((f) => f.path.slice(0, -'.text'.length));
  return fields.flatMap((f) => {
    const prefix = prefixes.find((p) => f.path.startsWith(`${p}.`));
    if (!prefix) return [f];
    return f.path === `${prefix}.text` ? [{ ...f, path: prefix }] : [];
  });
}

export function diffModels(before: Model, after: Model): ModelDiff {
  const byId = { key: (e: { id: string }) => e.id };
  const changes: EntityChange[] = [
    ...diffCollections('model', [modelFields(before)], [modelFields(after)], {
      // One entity on each side: the key is the model's (new) name, so messages read «Grorudmodellen».
      key: () => after.name,
      name: () => after.name,
    }),
    ...diffCollections('district', [before.organisation.district], [after.organisation.district], {
      key: () => after.organisation.district.name,
      name: () => after.organisation.district.name,
    }),
    ...diffCollections('units', before.organisation.units, after.organisation.units, {
      ...byId,
      name: (u) => u.name,
    }),
    ...diffCollections('areas', before.organisation.areas, after.organisation.areas, {
      ...byId,
      name: (a) => a.name,
    }),
    ...diffCollections('schools', before.organisation.schools, after.organisation.schools, {
      ...byId,
      name: (s) => s.name,
    }),
    ...diffCollections(
      'institutions',
      before.organisation.institutions,
      after.organisation.institutions,
      { ...byId, name: (i) => i.name },
    ),
    ...diffCollections('roles', before.roles, after.roles, {
      ...byId,
      name: (r) => (r.abbreviation ? `${r.abbreviation} (${r.title})` : r.title),
    }),
    ...diffCollections('collectives', before.collectives, after.collectives, {
      ...byId,
      name: (c) => c.name,
    }),
    ...diffCollections('structures', before.structures, after.structures, {
      ...byId,
      name: (s) => `${s.id} ${s.name}`,
    }),
    ...diffCollections('documents', before.documents, after.documents, {
      ...byId,
      name: (d) => d.title,
    }),
    ...diffCollections('revisions', before.revisions, after.revisions, {
      ...byId,
      name: (r) => r.title,
    }),
    ...diffCollections('revisionRecords', before.revisionRecords, after.revisionRecords, {
      key: revisionRecordKey,
      name: (r) => `${r.rule} ${r.date}`,
    }),
    ...diffCollections('onboarding', before.onboarding, after.onboarding, {
      ...byId,
      name: (p) => p.title,
    }),
    ...diffCollections('routines', before.routines, after.routines, {
      ...byId,
      name: (r) => r.name,
    }),
    ...diffCollections(
      'schoolYears',
      before.schoolCalendar?.years ?? [],
      after.schoolCalendar?.years ?? [],
      { key: (y) => y.year, name: (y) => y.year },
    ),
    ...diffCollections('newcomers', before.newcomers, after.newcomers, {
      ...byId,
      name: (n) => `${n.id} (${n.startsOn})`,
    }),
    ...diffCollections('glossary', before.glossary, after.glossary, {
      key: (g) => g.term,
      name: (g) => g.term,
    }),
  ];
  for (const c of changes) c.fields = collapseCadences(c.fields);
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return { changes, counts };
}

const NO_CHANGES: Record<Lang, string> = {
  nb: 'Ingen endringer.',
  nn: 'Ingen endringar.',
  en: 'No changes.',
};

/** One line per changed entity, in words (nb, nn or en); empty when nothing changed. */
/** The word for each collection in a change-log sentence. */
const NOUNS: Record<Lang, Record<ModelCollection, string>> = {
  nb: {
    model: 'modellen',
    district: 'bydelen',
    units: 'enheten',
    areas: 'skoleområdet',
    schools: 'skolen',
    institutions: 'institusjonen',
    roles: 'rollen',
    collectives: 'gruppen',
    structures: 'strukturen',
    documents: 'dokumentet',
    revisions: 'revisjonsregelen',
    revisionRecords: 'revisjonen',
    onboarding: 'oppstartsplanen',
    routines: 'rutinen',
    schoolYears: 'skoleåret',
    newcomers: 'oppstarten',
    glossary: 'ordlisteoppslaget',
  },
  nn: {
    model: 'modellen',
    district: 'bydelen',
    units: 'eininga',
    areas: 'skuleområdet',
    schools: 'skulen',
    institutions: 'institusjonen',
    roles: 'rolla',
    collectives: 'gruppa',
    structures: 'strukturen',
    documents: 'dokumentet',
    revisions: 'revisjonsregelen',
    revisionRecords: 'revisjonen',
    onboarding: 'oppstartsplanen',
    routines: 'rutinen',
    schoolYears: 'skuleåret',
    newcomers: 'oppstarten',
    glossary: 'ordlisteoppslaget',
  },
  en: {
    model: 'the model',
    district: 'the district',
    units: 'unit',
    areas: 'school area',
    schools: 'school',
    institutions: 'institution',
    roles: 'role',
    collectives: 'group',
    structures: 'structure',
    documents: 'document',
    revisions: 'revision rule',
    revisionRecords: 'revision',
    onboarding: 'onboarding plan',
    routines: 'routine',
    schoolYears: 'school year',
    newcomers: 'newcomer',
    glossary: 'glossary entry',
  },
};

/** One change in words, e.g. «Endret strukturen «T4.1 Nærmiljøteam på hver skole»: cadence.text …». */
export function formatModelChange(change: EntityChange, lang: Lang = 'nb'): string {
  return formatChange(change, lang, {
    noun: NOUNS[lang][change.collection as ModelCollection] ?? change.collection,
    // Structure ids (T4.1) mean something to users; other ids are technical.
    nameOnly: change.collection !== 'structures',
    field: (path) => fieldWord(path, lang),
  });
}

/** One line per change. */
export function formatModelDiff(diff: ModelDiff, lang: Lang = 'nb'): string[] {
  return diff.changes.map((c) => formatModelChange(c, lang));
}

/** «2 lagt til, 1 fjernet, 3 endret» — or «Ingen endringer.». */
export function summarizeModelDiff(diff: ModelDiff, lang: Lang = 'nb'): string {
  const { added, removed, changed } = diff.counts;
  if (added + removed + changed === 0) return NO_CHANGES[lang];
  const words: Record<Lang, [string, string, string]> = {
    nb: ['lagt til', 'fjernet', 'endret'],
    nn: ['lagt til', 'fjerna', 'endra'],
    en: ['added', 'removed', 'changed'],
  };
  const [a, r, c] = words[lang];
  return `${added} ${a}, ${removed} ${r}, ${changed} ${c}`;
}
