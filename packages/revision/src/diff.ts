/**
 * Generic change logs: what was added, removed and changed between two versions of a list of
 * entities (structures, documents, rules …), field by field, and the same in words.
 *
 * Values are plain JSON data (what a model file holds). The model package builds the yearly
 * model diff on top of `diffCollections`.
 */
import { ArshjulError, parseIsoDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import { revisionMessage } from './messages.js';

/** One changed field; `path` is relative to the entity, e.g. `cadence.text`, `scope.schools[2]`. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface EntityChange {
  collection: string;
  id: string;
  name?: string;
  kind: 'added' | 'removed' | 'changed';
  /** The changed fields (empty for added and removed entities). */
  fields: FieldChange[];
}

type PlainObject = Record<string, unknown>;

function isPlainObject(v: unknown): v is PlainObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Keys with a defined value: a key set to `undefined` counts as absent. */
function definedKeys(o: PlainObject): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = definedKeys(a);
    const kb = definedKeys(b);
    return ka.length === kb.length && ka.every((k) => b[k] !== undefined && deepEqual(a[k], b[k]));
  }
  return false;
}

type IdKey = string | number;

/** The ids of an array whose elements are all objects with a unique string or number `id`. */
function idsOf(arr: readonly unknown[]): IdKey[] | undefined {
  const ids: IdKey[] = [];
  for (const v of arr) {
    if (!isPlainObject(v)) return undefined;
    const id = v.id;
    if (typeof id !== 'string' && typeof id !== 'number') return undefined;
    ids.push(id);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Field-level differences of two JSON values (objects by key; arrays of objects by index, or by
 * `id` when every element has a unique one; an array of plain values as one field).
 *
 * Paths: `a.b` for object keys, `a[2]` for array indexes, `a[id=x]` for elements matched by id.
 * An element or key that is only on one side gives one change with `undefined` on the other.
 * When elements matched by id keep their content but change order, the change is reported at
 * the array's own path with the lists of ids before and after.
 */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...definedKeys(before)];
    for (const k of definedKeys(after)) if (!keys.includes(k)) keys.push(k);
    return keys.flatMap((k) => diffValues(before[k], after[k], join(path, k)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeIds = idsOf(before);
    const afterIds = idsOf(after);
    if (beforeIds && afterIds && beforeIds.length + afterIds.length > 0)
      return diffById(before as PlainObject[], after as PlainObject[], beforeIds, afterIds, path);
    // A list of plain values (ids, names, weekdays) is one field: «[T1.4, T1.5] → [T1.5]» says
    // what happened, where index by index («[0] T1.4 → T1.5; [1] T1.5 → (none)») does not.
    if (before.every(isScalar) && after.every(isScalar)) return [{ path, before, after }];
    const out: FieldChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...diffValues(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  return [{ path, before, after }];
}

function diffById(
  before: readonly PlainObject[],
  after: readonly PlainObject[],
  beforeIds: readonly IdKey[],
  afterIds: readonly IdKey[],
  path: string,
): FieldChange[] {
  const out: FieldChange[] = [];
  const old = new Map(beforeIds.map((id, i) => [id, before[i]!]));
  const kept = new Set(afterIds);
  afterIds.forEach((id, i) => {
    out.push(...diffValues(old.get(id), after[i], `${path}[id=${id}]`));
  });
  beforeIds.forEach((id, i) => {
    if (!kept.has(id)) out.push({ path: `${path}[id=${id}]`, before: before[i], after: undefined });
  });
  const common = new Set(beforeIds.filter((id) => kept.has(id)));
  const orderBefore = beforeIds.filter((id) => common.has(id));
  const orderAfter = afterIds.filter((id) => common.has(id));
  if (orderBefore.some((id, i) => id !== orderAfter[i]))
    out.push({ path, before: [...beforeIds], after: [...afterIds] });
  return out;
}

function defaultKey(e: unknown): string {
  const id = isPlainObject(e) ? e.id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  throw new ArshjulError(
    'revision.diff-key',
    'Et element i listen har ingen id; oppgi en nøkkel (key) for å sammenligne listene.',
  );
}

function defaultName(e: unknown): string | undefined {
  if (!isPlainObject(e)) return undefined;
  for (const k of ['name', 'title', 'label']) {
    const v = e[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

function keyed<T>(collection: string, list: readonly T[], key: (e: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const e of list) {
    const k = key(e);
    if (map.has(k))
      throw new ArshjulError(
        'revision.diff-duplicate',
        `«${k}» finnes to ganger i ${collection}; listene kan ikke sammenlignes.`,
        collection,
      );
    map.set(k, e);
  }
  return map;
}

/** Entities matched by a key (default `id`): added, removed, changed (with fields). Order: the `after` order, removed ones last. */
export function diffCollections<T>(
  collection: string,
  before: readonly T[],
  after: readonly T[],
  options: { key?: (e: T) => string; name?: (e: T) => string | undefined } = {},
): EntityChange[] {
  const key = options.key ?? defaultKey;
  const nameOf = options.name ?? defaultName;
  const old = keyed(collection, before, key);
  const now = keyed(collection, after, key);
  const change = (e: T, id: string, kind: EntityChange['kind'], fields: FieldChange[]) => {
    const name = nameOf(e);
    return { collection, id, ...(name !== undefined ? { name } : {}), kind, fields };
  };
  const out: EntityChange[] = [];
  for (const [id, e] of now) {
    const prev = old.get(id);
    if (!old.has(id)) out.push(change(e, id, 'added', []));
    else {
      const fields = diffValues(prev, e);
      if (fields.length) out.push(change(e, id, 'changed', fields));
    }
  }
  for (const [id, e] of old) if (!now.has(id)) out.push(change(e, id, 'removed', []));
  return out;
}

// ---------------------------------------------------------------------------------------------
// In words

const MAX_VALUE = 40;
const MAX_FIELDS = 5;

function truncate(s: string, max = MAX_VALUE): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Before → after. Two long texts that begin alike are shown from a little before where they
 * differ («…sendes til rektorene»), so the change is visible and not cut off.
 */
export function formatValues(before: unknown, after: unknown, lang: Lang = 'nb'): string {
  if (typeof before === 'string' && typeof after === 'string') {
    const a = before.replace(/\s+/g, ' ').trim();
    const b = after.replace(/\s+/g, ' ').trim();
    if (a.length > MAX_VALUE || b.length > MAX_VALUE) {
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      const from = Math.max(0, a.lastIndexOf(' ', Math.max(0, i - 12)));
      if (from > 0) {
        const cut = (t: string) => `«…${truncate(t.slice(from).trimStart(), MAX_VALUE - 1)}»`;
        return `${cut(a)} → ${cut(b)}`;
      }
    }
  }
  return `${formatValue(before, lang)} → ${formatValue(after, lang)}`;
}

/** A value shown short: strings in «», other values as JSON, long ones cut with «…». */
export function formatValue(value: unknown, lang: Lang = 'nb'): string {
  if (value === undefined || value === null) return revisionMessage('value.none', {}, lang);
  if (typeof value === 'string') return `«${truncate(value)}»`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return truncate(`[${value.join(', ')}]`);
  return truncate(JSON.stringify(value) ?? String(value));
}

function label(change: EntityChange, nameOnly: boolean): string {
  const { id, name } = change;
  if (!name || name === id) return `«${truncate(id)}»`;
  if (nameOnly) return `«${truncate(name, 60)}»`;
  return `«${truncate(name.startsWith(`${id} `) ? name : `${id} ${name}`, 60)}»`;
}

/** One change in words, e.g. «Endret structures «T4.1 Nærmiljøteam på hver skole»: cadence.text «Hver fjerde uke» → «Hver tredje uke»». */
export interface FormatChangeOptions {
  /** The word for the collection in the sentence (e.g. «struktur» for `structures`). */
  noun?: string;
  /** Show only the entity's name, not its id before it (for entities whose ids are technical). */
  nameOnly?: boolean;
  /** A field path in words (e.g. `cadence` → «rytme»); the path as it is when left out. */
  field?: (path: string) => string;
}

export function formatChange(
  change: EntityChange,
  lang: Lang = 'nb',
  options: FormatChangeOptions = {},
): string {
  const base = {
    collection: options.noun ?? change.collection,
    label: label(change, options.nameOnly ?? false),
  };
  if (change.kind === 'added') return revisionMessage('change.added', base, lang);
  if (change.kind === 'removed') return revisionMessage('change.removed', base, lang);
  const shown = change.fields.slice(0, MAX_FIELDS).map((f) => {
    const values = formatValues(f.before, f.after, lang);
    return f.path ? `${options.field ? options.field(f.path) : f.path} ${values}` : values;
  });
  const rest = change.fields.length - shown.length;
  if (rest > 0) shown.push(revisionMessage('more-fields', { n: rest }, lang));
  return revisionMessage('change.changed', { ...base, fields: shown.join('; ') }, lang);
}

/** A change-log entry: the date, the school year, a summary and every change in words. */
export function changeLogEntry(
  changes: readonly EntityChange[],
  options: {
    date: IsoDate;
    schoolYear?: string;
    summary: string;
    lang?: Lang;
    /** How to write one change; `formatChange` in `lang` when left out. */
    format?: (change: EntityChange) => string;
  },
): { date: IsoDate; schoolYear?: string; summary: string; changes: string[] } {
  const date = parseIsoDate(options.date, 'endringslogg: dato');
  return {
    date,
    ...(options.schoolYear !== undefined ? { schoolYear: options.schoolYear } : {}),
    summary: options.summary,
    changes: changes.map((c) =>
      options.format ? options.format(c) : formatChange(c, options.lang),
    ),
  };
}
