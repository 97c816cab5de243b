/**
 * Edits of the model file: pure functions from the file's JSON value to a new one. They work on
 * the JSON as written (a cadence stays a phrase), never on the validated model, so what is saved
 * is what the user wrote.
 */
import { formatPath } from '@arshjul/model';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** An edit: the file's JSON in, a new JSON value out (the input is never changed). */
export type Edit = (doc: Json) => Json;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Serialises as the model files are written: two spaces, a final newline. */
export function serialize(doc: Json): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Changes one structure (by id) with `change`; the rest of the file is shared, not copied. */
export function updateStructure(id: string, change: (s: JsonObject) => JsonObject): Edit {
  return (doc) => {
    if (!isObject(doc) || !Array.isArray(doc.structures)) return doc;
    const index = doc.structures.findIndex((s) => isObject(s) && s.id === id);
    if (index < 0) return doc;
    const structures = doc.structures.slice();
    structures[index] = change(structures[index] as JsonObject);
    return { ...doc, structures };
  };
}

/**
 * Sets a structure's cadence phrase. A cadence written as `{ text, rule }` keeps its other fields
 * but loses the rule: the new phrase is read from the text.
 */
export function setCadence(id: string, text: string): Edit {
  return updateStructure(id, (s) => {
    const old = s.cadence;
    if (isObject(old)) {
      const { rule: _rule, ...rest } = old;
      return { ...s, cadence: { ...rest, text } };
    }
    return { ...s, cadence: text };
  });
}

/** Sets a string field of a structure (`name`, `description`); an empty description is removed. */
export function setStructureField(id: string, field: 'name' | 'description', value: string): Edit {
  return updateStructure(id, (s) => {
    if (field === 'description' && value.trim() === '') {
      const { description: _d, ...rest } = s;
      return rest;
    }
    return { ...s, [field]: value };
  });
}

/** The cadence phrase of a structure as written in the file. */
export function cadenceTextOf(doc: Json, id: string): string | undefined {
  if (!isObject(doc) || !Array.isArray(doc.structures)) return undefined;
  const s = doc.structures.find((x) => isObject(x) && x.id === id);
  if (!isObject(s)) return undefined;
  const c = s.cadence;
  if (typeof c === 'string') return c;
  if (isObject(c) && typeof c.text === 'string') return c.text;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Edits at a path, for the editors of the organisation, roles, participation, documents,
// onboarding plans and glossary. A path is a list of keys and indexes, as in the validation
// issues (`['organisation', 'schools', 3, 'memberships', 0, 'to']`).

export type JsonPath = readonly (string | number)[];

/** The value at `path` in `doc`, or undefined when the path does not exist. */
export function getAt(doc: Json, path: JsonPath): Json | undefined {
  let cur: Json | undefined = doc;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObject(cur)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** Rebuilds the containers along `path` with `change` applied to the value at its end. */
function updateAt(
  doc: Json,
  path: JsonPath,
  change: (old: Json | undefined) => Json | undefined,
): Json {
  if (path.length === 0) return change(doc) ?? null;
  const [seg, ...rest] = path;
  if (typeof seg === 'number') {
    if (!Array.isArray(doc) || seg < 0 || seg >= doc.length) return doc;
    const next = updateAt(doc[seg]!, rest, change);
    if (next === doc[seg]) return doc;
    const out = doc.slice();
    out[seg] = next;
    return out;
  }
  const obj: JsonObject = isObject(doc) ? doc : {};
  if (rest.length === 0) {
    const value = change(obj[seg!]);
    if (value === obj[seg!] && (value !== undefined || !(seg! in obj))) return doc;
    if (value === undefined) {
      const { [seg!]: _gone, ...kept } = obj;
      return kept;
    }
    return { ...obj, [seg!]: value };
  }
  const child = obj[seg!];
  // Missing objects on the way are created (a first note, a first variation).
  const base: Json = child === undefined ? (typeof rest[0] === 'number' ? [] : {}) : child;
  const next = updateAt(base, rest, change);
  if (next === child) return doc;
  return { ...obj, [seg!]: next };
}

/**
 * Sets the value at `path`. `undefined` removes an object key; an empty string removes an
 * optional text (a field left empty is left out of the file rather than written as "").
 */
export function setAt(
  path: JsonPath,
  value: Json | undefined,
  opts: { keepEmpty?: boolean } = {},
): Edit {
  const v = value === '' && !opts.keepEmpty ? undefined : value;
  return (doc) => updateAt(doc, path, () => v);
}

/** Inserts `item` into the array at `path` (at `index`, or at the end); creates the array. */
export function insertAt(path: JsonPath, item: Json, index?: number): Edit {
  return (doc) =>
    updateAt(doc, path, (old) => {
      const list = Array.isArray(old) ? old.slice() : [];
      list.splice(
        index === undefined ? list.length : Math.max(0, Math.min(index, list.length)),
        0,
        item,
      );
      return list;
    });
}

/** Removes the array element or object key at `path`; an emptied optional array stays `[]`. */
export function removeAt(path: JsonPath): Edit {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') {
    return (doc) =>
      updateAt(doc, parent, (old) => {
        if (!Array.isArray(old) || last < 0 || last >= old.length) return old;
        return [...old.slice(0, last), ...old.slice(last + 1)];
      });
  }
  return setAt(path, undefined);
}

/** Moves an array element from `from` to `to` (for reordering rows). */
export function moveAt(path: JsonPath, from: number, to: number): Edit {
  return (doc) =>
    updateAt(doc, path, (old) => {
      if (!Array.isArray(old) || from === to || from < 0 || from >= old.length) return old;
      const list = old.slice();
      const [item] = list.splice(from, 1);
      list.splice(Math.max(0, Math.min(to, list.length)), 0, item!);
      return list;
    });
}

/** Several edits as one (one undo step). */
export function combine(...edits: Edit[]): Edit {
  return (doc) => edits.reduce((d, e) => e(d), doc);
}

/** `['organisation', 'schools', 3]` → `organisation.schools[3]`, as in the validation issues. */
export function pathString(path: JsonPath): string {
  return formatPath(path);
}

/** A new id from `base` that is not in `taken` (`rektor`, `rektor-2`, …). */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^a-z0-9æøå._-]+/g, '-')
      .replace(/^[^a-z0-9æøå]+|-+$/g, '') || 'ny';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

/** A key of a JSON object (undefined for anything else): for reading rows of the file. */
export function fieldOf(row: Json | undefined, key: string): Json | undefined {
  return isObject(row) ? row[key] : undefined;
}

/** A JSON value as text when it is a string, else ''. */
export function textOf(v: Json | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** A list of the file as rows, one per element whatever the validation says; none when not a list. */
export function rowsOf(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** How a row of the file is named in labels: its name, else its id. */
export function nameOf(row: Json): string {
  return textOf(fieldOf(row, 'name')) || textOf(fieldOf(row, 'id'));
}
