/**
 * Test fixtures: the full Grorud model (examples/grorud/grorudmodellen.json) and a small
 * extract of it (mini-model.json), read as plain JSON so tests can mutate copies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const GRORUD_PATH = here('../../../examples/grorud/grorudmodellen.json');
export const MINI_PATH = here('./mini-model.json');
export const MINI_V0_PATH = here('./mini-model-v0.json');

const cache = new Map<string, string>();
export function readText(path: string): string {
  let text = cache.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    cache.set(path, text);
  }
  return text;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A fresh, mutable copy of the Grorud model file. */
export function grorud(): Json {
  return JSON.parse(readText(GRORUD_PATH));
}

/** A fresh, mutable copy of the small fixture. */
export function mini(): Json {
  return JSON.parse(readText(MINI_PATH));
}

/** A fresh copy of the small fixture in the (invented) schema version 0. */
export function miniV0(): Json {
  return JSON.parse(readText(MINI_V0_PATH));
}

/** The index of the element with this id (throws when missing, so tests fail loudly). */
export function at(list: { id: string }[], id: string): number {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no element with id ${id}`);
  return i;
}
