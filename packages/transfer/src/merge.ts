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
import type {
  Model,
  ModelDocument,
  OnboardingPlan,
  Role,
  Routine,
  Structure,
  UpstreamConflict,
} from '@arshjul/model';
import { fieldWord as modelFieldWord } from '@arshjul/model';
import type { RevisionRule } from '@arshjul/revision';
import type { IsoDate } from '@arshjul/school-calendar';
import { createMapper, type Mapper } from './map.js';
import { mappingSchema } from './mapping.js';

export type ItemKind = 'structure' | 'document' | 'role' | 'revision' | 'onboarding' | 'routine';

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
  /** What the district has to look at: items the source stopped or the mapping no longer takes, new items that need a role the district lacks, links that had to go. */
  toDecide: { kind: ItemKind; id: string; what: string }[];
}

export class TransferError extends Error {
  constructor(
    readonly code: 'not-adapted' | 'different-source' | 'bad-mapping' | 'older-version',
    message: string,
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

type Json = Record<string, unknown>;

/** A field of a structure, document or role in Norwegian («cadence» → «rytme»; `*` the whole item). */
export function fieldWord(field: string): string {
  return field === '*' ? 'hele' : modelFieldWord(field, 'nb');
}

export const KIND_WORD: Record<ItemKind, string> = {
  structure: 'struktur',
  document: 'dokument',
  role: 'rolle',
  revision: 'revisjon',
  onboarding: 'oppstartsplan',
  routine: 'rutine',
};

type Key = 'structures' | 'documents' | 'roles' | 'revisions' | 'onboarding' | 'routines';

/** What is merged. Structures, documents and roles carry `origin`; the rest keep their ids. */
const KINDS: { kind: ItemKind; key: Key; origin: boolean }[] = [
  { kind: 'structure', key: 'structures', origin: true },
  { kind: 'document', key: 'documents', origin: true },
  { kind: 'role', key: 'roles', origin: true },
  { kind: 'revision', key: 'revisions', origin: false },
  { kind: 'onboarding', key: 'onboarding', origin: false },
  { kind: 'routine', key: 'routines', origin: false },
];

/** Fields that are not content: never merged. */
const IGNORED = new Set(['origin', 'assignments']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function mapItem(mapper: Mapper, kind: ItemKind, item: Json): Json | undefined {
  const as = <T>() => item as unknown as T;
  const mapped =
    kind === 'structure'
      ? mapper.structure(as<Structure>())
      : kind === 'document'
        ? mapper.document(as<ModelDocument>())
        : kind === 'role'
          ? mapper.role(as<Role>())
          : kind === 'revision'
            ? mapper.revision(as<RevisionRule>())
            : kind === 'onboarding'
              ? mapper.onboarding(as<OnboardingPlan>())
              : mapper.routine(as<Routine>());
  return mapped as unknown as Json | undefined;
}

/** Whether a source structure has stopped (its last status is «discontinued»). */
function discontinued(item: Json): boolean {
  const status = item.status as { status: string }[] | undefined;
  return (
    status !== undefined &&
    status.length > 0 &&
    status[status.length - 1]!.status === 'discontinued'
  );
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
  if (
    /^\d{4}-\d{2}$/.test(version) &&
    /^\d{4}-\d{2}$/.test(upstream.version) &&
    version < upstream.version
  ) {
    throw new TransferError(
      'older-version',
      `«${next.name}» ${version} er eldre enn versjonen «${local.name}» bygger på (${upstream.version}); en oppdatering kan ikke gå bakover.`,
    );
  }

  const report: UpdateReport = {
    from: upstream.version,
    to: version,
    applied: [],
    kept: [],
    conflicts: [],
    added: [],
    removed: [],
    notAdopted: [],
    toDecide: [],
  };
  const model = structuredClone(local) as Model;
  const base: Record<Key, Json[]> = {
    structures: [],
    documents: [],
    roles: [],
    revisions: [],
    onboarding: [],
    routines: [],
  };
  const undecided = new Map(mapper.undecided.map((u) => [`${u.kind}:${u.id}`, u]));

  for (const { kind, key, origin: hasOrigin } of KINDS) {
    const ours = model[key] as unknown as Json[];
    const oursBySource = new Map<string, Json>();
    for (const item of ours) {
      const origin = item.origin as { model: string; id: string } | undefined;
      if (origin && origin.model === upstream.model.id) oursBySource.set(origin.id, item);
      else if (!hasOrigin) oursBySource.set(String(item.id), item);
    }
    const baseItems = (upstream.base[key] ?? []) as Json[];
    // Ids the previous source version had, adopted or not: only the rest is new.
    const baseIds = new Set([
      ...baseItems.map((b) => String(b.id)),
      ...(upstream.known[key] ?? []),
    ]);
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
      if (kind === 'structure' && discontinued(t) && !discontinued(b)) {
        report.toDecide.push({ kind, id, what: 'avsluttet i kilden: avgjør om dere fortsetter' });
      } else if (!mt && mb) {
        report.toDecide.push({
          kind,
          id,
          what: 'kartleggingen tar den ikke lenger med (endret i kilden): avgjør om dere beholder den',
        });
      }
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
      ours.push(
        hasOrigin
          ? { ...mt, origin: { model: next.id, version, id: sourceId, changed: false } }
          : mt,
      );
      base[key].push(t);
      report.added.push({ kind, id: String(mt.id), sourceId, field: '*' });
      const u = undecided.get(`${kind}:${sourceId}`);
      if (u)
        report.toDecide.push({
          kind,
          id: String(mt.id),
          what: `ny fra kilden og trenger en rolle bydelen ikke har (${u.roles.join(', ')}): avgjør hvem som gjør dette`,
        });
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
    if (item && same(current ?? null, prev.ours)) {
      report.conflicts.push(prev);
      report.kept = report.kept.filter(
        (k) => !(k.kind === prev.kind && k.id === prev.id && k.field === prev.field),
      );
    }
  }

  dropDanglingLinks(model, report);

  // Provenance: the version and whether each item now differs from the source as mapped.
  for (const { kind, key, origin: hasOrigin } of KINDS) {
    if (!hasOrigin) continue;
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
      revisions: base.revisions,
      onboarding: base.onboarding,
      routines: base.routines,
    },
    known: {
      structures: next.structures.map((x) => x.id),
      documents: next.documents.map((x) => x.id),
      roles: next.roles.map((x) => x.id),
      revisions: next.revisions.map((x) => x.id),
      onboarding: next.onboarding.map((x) => x.id),
      routines: next.routines.map((x) => x.id),
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
  if (out.upstream && choice === 'ours' && conflict.field === '*') {
    // Kept although the source removed it: from now on the district's own item.
    const list = out.upstream.base[key] as Json[];
    out.upstream.base[key] = list.filter((b) => String(b.id) !== conflict.sourceId);
    const mine = items.find((x) => x.id === conflict.id);
    const origin = mine?.origin as { changed: boolean } | undefined;
    if (origin) origin.changed = true;
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

/**
 * Links that point at nothing after the merge (a source structure that now links a document
 * the district did not adopt, a revision rule for a structure it dropped) are removed and
 * listed, so the merged model is always valid.
 */
function dropDanglingLinks(model: Model, report: UpdateReport): void {
  const structures = new Set(model.structures.map((s) => s.id));
  const documents = new Set(model.documents.map((d) => d.id));
  for (const s of model.structures) {
    const gone = s.documents.filter((d) => !documents.has(d));
    if (gone.length === 0) continue;
    s.documents = s.documents.filter((d) => documents.has(d));
    report.toDecide.push({
      kind: 'structure',
      id: s.id,
      what: `lenke til dokument som ikke er tatt i bruk, er fjernet (${gone.join(', ')})`,
    });
  }
  for (const d of model.documents) {
    const gone = d.structures.filter((s) => !structures.has(s));
    if (gone.length === 0) continue;
    d.structures = d.structures.filter((s) => structures.has(s));
    report.toDecide.push({
      kind: 'document',
      id: d.id,
      what: `lenke til struktur som ikke er med, er fjernet (${gone.join(', ')})`,
    });
  }
  model.revisions = model.revisions.filter((r) => {
    const subject = r.subject as { kind: string; structure?: string; document?: string };
    const ok =
      subject.kind === 'structure'
        ? structures.has(subject.structure ?? '')
        : subject.kind === 'document'
          ? documents.has(subject.document ?? '')
          : true;
    if (!ok)
      report.toDecide.push({
        kind: 'revision',
        id: r.id,
        what: 'gjelder noe som ikke er med lenger, og er tatt ut',
      });
    return ok;
  });
}
