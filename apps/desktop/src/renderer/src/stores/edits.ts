/**
 * Edits of the model file: pure functions from the file's JSON value to a new one. They work on
 * the JSON as written (a cadence stays a phrase), never on the validated model, so what is saved
 * is what the user wrote.
 */
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
