/**
 * Taking the source district's next yearly version: a three-way merge per item and field.
 *
 * base   = the source item as adopted (kept in `upstream.base`), mapped to local names;
 * theirs = the same item in the new source version, mapped the same way;
 * ours   = the local item.
 *
 * Where only the source changed a field, the new value is applied; where only the district
 * changed it, the local value stays; where both changed it differently, the local value stays
 * and the field is listed as a conflict (in the report and in `upstream.conflicts`) for a
 * decision. Items the source added are adopted when the mapping would have adopted them, and
 * listed otherwise; items it removed are removed when unchanged locally and listed otherwise.
 * No local change is ever lost silently.
 */
import type { Model, ModelDocument, Role, Structure, UpstreamConflict } from '@arshjul/model';
import type { IsoDate } from '@arshjul/school-calendar';
import { createMapper, type Mapper } from './map.js';
import { mappingSchema } from './mapping.js';

export type ItemKind = 'structure' | 'document' | 'role';

export interface MergeChange {
  kind: ItemKind;
  /** The local id. */
  id: string;
  sourceId: string;
  /** The field, or `*` for the whole item (added or removed). */
  field: string;
}

export interface UpdateReport {
  from: string;
  to: string;
  /** Source changes applied (nothing local was in the way). */
  applied: MergeChange[];
  /** Local changes kept (the source did not change those fields). */
  kept: MergeChange[];
  /** Both changed a field differently: the local value stays until decided. */
  conflicts: UpstreamConflict[];
  /** New in the source and adopted under the mapping. */
  added: MergeChange[];
  /** Removed from the source and unchanged locally: removed here too. */
  removed: MergeChange[];
  /** New in the source but outside what the mapping adopts, for a decision. */
  notAdopted: { kind: ItemKind; sourceId: string; name: string }[];
}

export class TransferError extends Error {
  constructor(
    readonly code: 'not-adapted' | 'different-source' | 'bad-mapping' | 'same-version',
    message: string,
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

type Json = Record<string, unknown>;

/** Field names in words (the model's own names are English). */
const FIELD_WORDS: Record<string, string> = {
  name: 'navn',
  title: 'tittel',
  description: 'beskrivelse',
  cadence: 'rytme',
  responsible: 'ansvar',
  responsibleText: 'ansvar (tekst)',
  contributors: 'bidrar',
  participants: 'deltakere',
  scope: 'skoler',
  scopeText: 'skoler (tekst)',
  level: 'nivå',
  focus: 'fokus',
  kind: 'type',
  documents: 'dokumenter',
  agenda: 'dagsorden',
  status: 'status',
  owner: 'eier',
  ownerText: 'eier (tekst)',
  mandate: 'mandat',
  abbreviation: 'forkortelse',
  notes: 'merknader',
  '*': 'hele',
};

/** A field of a structure, document or role in Norwegian («cadence» → «rytme»). */
export function fieldWord(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

const KIND_WORD: Record<ItemKind, string> = {
  structure: 'struktur',
  document: 'dokument',
  role: 'rolle',
};

const KINDS: { kind: ItemKind; key: 'structures' | 'documents' | 'roles' }[] = [
  { kind: 'structure', key: 'structures' },
  { kind: 'document', key: 'documents' },
  { kind: 'role', key: 'roles' },
];

/** Fields that are not content: never merged. */
const IGNORED = new Set(['origin', 'assignments']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function mapItem(mapper: Mapper, kind: ItemKind, item: Json): Json | undefined {
  const mapped =
    kind === 'structure'
      ? mapper.structure(item as unknown as Structure)
      : kind === 'document'
        ? mapper.document(item as unknown as ModelDocument)
        : mapper.role(item as unknown as Role);
  return mapped as unknown as Json | undefined;
}

function fields(...items: (Json | undefined)[]): string[] {
  const out = new Set<string>();
  for (const item of items)
    for (const k of Object.keys(item ?? {})) if (!IGNORED.has(k)) out.add(k);
  return [...out].sort();
}

export interface UpdateOptions {
  today: IsoDate;
}

/** The local model with the source's new version merged in, and what happened. */
export function updateFromSource(
  local: Model,
  next: Model,
  options: UpdateOptions,
): { model: Model; report: UpdateReport } {
  const upstream = local.upstream;
  if (!upstream) {
    throw new TransferError(
      'not-adapted',
      `«${local.name}» er ikke tilpasset fra en annen modell (den har ingen «upstream»), så det finnes ingen kilde å hente oppdateringer fra.`,
    );
  }
  if (next.id !== upstream.model.id) {
    throw new TransferError(
      'different-source',
      `Oppdateringen er fra «${next.name}» (${next.id}), men «${local.name}» er tilpasset fra «${upstream.model.name}» (${upstream.model.id}). Hent oppdateringer fra samme kildemodell.`,
    );
  }
  const parsed = mappingSchema.safeParse(upstream.mapping);
  if (!parsed.success) {
    throw new TransferError(
      'bad-mapping',
      `Kartleggingen som er lagret i «${local.name}» (upstream.mapping) er ikke gyldig: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const mapping = parsed.data;
  const mapper = createMapper(next, mapping);
  const version = next.schoolYear ?? upstream.version;

  const report: UpdateReport = {
    from: upstream.version,
    to: version,
    applied: [],
    kept: [],
    conflicts: [],
    added: [],
    removed: [],
    notAdopted: [],
  };
  const model = structuredClone(local) as Model;
  const base: Record<'structures' | 'documents' | 'roles', Json[]> = {
    structures: [],
    documents: [],
    roles: [],
  };

  for (const { kind, key } of KINDS) {
    const ours = model[key] as unknown as Json[];
    const oursBySource = new Map<string, Json>();
    for (const item of ours) {
      const origin = item.origin as { model: string; id: string } | undefined;
      if (origin && origin.model === upstream.model.id) oursBySource.set(origin.id, item);
    }
    const baseItems = upstream.base[key] as Json[];
    // Ids the previous source version had, adopted or not: only the rest is new.
    const baseIds = new Set([...baseItems.map((b) => String(b.id)), ...upstream.known[key]]);
    const theirsById = new Map((next[key] as unknown as Json[]).map((t) => [String(t.id), t]));

    for (const b of baseItems) {
      const sourceId = String(b.id);
      const o = oursBySource.get(sourceId);
      const t = theirsById.get(sourceId);
      const mb = mapItem(mapper, kind, b);
      if (!o) {
        // Dropped locally after adoption: remembered as adopted, so it is not offered again.
        base[key].push(t ?? b);
        continue;
      }
      const id = String(o.id);
      if (!t) {
        const unchanged = mb !== undefined && fields(mb, o).every((f) => same(mb[f], o[f]));
        if (unchanged) {
          ours.splice(ours.indexOf(o), 1);
          report.removed.push({ kind, id, sourceId, field: '*' });
        } else {
          base[key].push(b);
          report.conflicts.push({
            kind,
            id,
            sourceId,
            field: '*',
            base: mb ?? null,
            ours: strip(o),
            theirs: null,
          });
        }
        continue;
      }
      base[key].push(t);
      const mt = mapItem(mapper, kind, t);
      if (!mt || !mb) continue;
      for (const f of fields(mb, mt, o)) {
        const [bv, tv, ov] = [mb[f], mt[f], o[f]];
        if (same(tv, bv)) {
          if (!same(ov, bv)) report.kept.push({ kind, id, sourceId, field: f });
          continue;
        }
        if (same(ov, bv)) {
          if (tv === undefined) delete o[f];
          else o[f] = structuredClone(tv);
          report.applied.push({ kind, id, sourceId, field: f });
        } else if (!same(ov, tv)) {
          report.conflicts.push({
            kind,
            id,
            sourceId,
            field: f,
            base: bv ?? null,
            ours: ov ?? null,
            theirs: tv ?? null,
          });
        }
      }
    }

    // New in the source.
    for (const [sourceId, t] of theirsById) {
      if (baseIds.has(sourceId) || oursBySource.has(sourceId)) continue;
      const mt = mapItem(mapper, kind, t);
      if (!mt) {
        report.notAdopted.push({ kind, sourceId, name: String(t.name ?? t.title ?? sourceId) });
        continue;
      }
      if (ours.some((x) => x.id === mt.id)) {
        report.notAdopted.push({ kind, sourceId, name: String(t.name ?? t.title ?? sourceId) });
        continue;
      }
      ours.push({ ...mt, origin: { model: next.id, version, id: sourceId, changed: false } });
      base[key].push(t);
      report.added.push({ kind, id: String(mt.id), sourceId, field: '*' });
    }
  }

  // Conflicts from an earlier update stay pending until decided: while the local value is the
  // one that was kept, and no new conflict replaces them.
  for (const prev of upstream.conflicts) {
    if (
      report.conflicts.some(
        (c) => c.kind === prev.kind && c.id === prev.id && c.field === prev.field,
      )
    )
      continue;
    const key = KINDS.find((k) => k.kind === prev.kind)!.key;
    const item = (model[key] as unknown as Json[]).find((x) => x.id === prev.id);
    const current = prev.field === '*' ? (item ? strip(item) : null) : item?.[prev.field];
    if (item && same(current ?? null, prev.ours)) report.conflicts.push(prev);
  }

  // Provenance: the version and whether each item now differs from the source as mapped.
  for (const { kind, key } of KINDS) {
    const baseById = new Map(base[key].map((b) => [String(b.id), b]));
    for (const item of model[key] as unknown as Json[]) {
      const origin = item.origin as
        { model: string; id: string; version: string; changed: boolean } | undefined;
      if (!origin || origin.model !== upstream.model.id) continue;
      const b = baseById.get(origin.id);
      if (!b) continue;
      const mb = mapItem(mapper, kind, b);
      origin.version = version;
      origin.changed = mb === undefined || fields(mb, item).some((f) => !same(mb[f], item[f]));
    }
  }

  // The local model follows the source into its new school year, unless it has moved on its own.
  if (
    next.schoolYear &&
    (model.schoolYear === undefined || model.schoolYear === upstream.version)
  ) {
    model.schoolYear = next.schoolYear;
  }
  if (
    version !== upstream.version ||
    report.applied.length + report.added.length + report.removed.length > 0
  ) {
    const item = (c: MergeChange) =>
      `${KIND_WORD[c.kind]} ${c.id}${c.field === '*' ? '' : ` (${fieldWord(c.field)})`}`;
    model.changeLog = [
      ...model.changeLog,
      {
        date: options.today,
        ...(model.schoolYear ? { schoolYear: model.schoolYear } : {}),
        summary: `Oppdatert fra ${upstream.model.name} ${version}`,
        changes: [
          ...report.applied.map((c) => `Tatt inn fra kilden: ${item(c)}`),
          ...report.added.map((c) => `Nytt fra kilden: ${item(c)}`),
          ...report.removed.map((c) => `Fjernet i kilden: ${item(c)}`),
          ...report.conflicts.map((c) => `Må avgjøres: ${item({ ...c })}`),
        ],
      },
    ];
  }

  model.upstream = {
    ...upstream,
    version,
    updatedOn: options.today,
    base: {
      structures: base.structures.map(withoutPersons),
      documents: base.documents.map(withoutPersons),
      roles: base.roles.map(withoutPersons),
    },
    known: {
      structures: next.structures.map((x) => x.id),
      documents: next.documents.map((x) => x.id),
      roles: next.roles.map((x) => x.id),
    },
    conflicts: report.conflicts,
  };
  return { model, report };
}

/** Decides one conflict: keep the local value (`ours`) or take the source's (`theirs`). */
export function resolveConflict(
  model: Model,
  conflict: UpstreamConflict,
  choice: 'ours' | 'theirs',
): Model {
  const out = structuredClone(model) as Model;
  const key = KINDS.find((k) => k.kind === conflict.kind)!.key;
  const items = out[key] as unknown as Json[];
  const item = items.find((x) => x.id === conflict.id);
  if (choice === 'theirs') {
    if (conflict.field === '*') {
      if (conflict.theirs === null && item) items.splice(items.indexOf(item), 1);
    } else if (item) {
      if (conflict.theirs === null || conflict.theirs === undefined) delete item[conflict.field];
      else item[conflict.field] = structuredClone(conflict.theirs);
    }
  }
  if (out.upstream) {
    out.upstream.conflicts = out.upstream.conflicts.filter(
      (c) => !(c.kind === conflict.kind && c.id === conflict.id && c.field === conflict.field),
    );
  }
  return out;
}

function strip(item: Json): Json {
  const { origin: _origin, ...rest } = item;
  return rest;
}

function withoutPersons(item: Json): Json {
  if (!Array.isArray(item.assignments)) return item;
  return {
    ...item,
    assignments: (item.assignments as Json[]).map(({ person: _person, ...rest }) => rest),
  };
}
