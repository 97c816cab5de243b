/**
 * Pure helpers of the glossary editor: the entries in alphabetical order (Norwegian collation)
 * with a filter, duplicate terms, the aliases as one comma-separated text, and the choices of
 * what a term refers to.
 */
import { FOCI, LEVELS, type Model } from '@arshjul/model';
import type { Json, JsonObject } from './edits.js';
import type { RefChoice } from './documents.js';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One entry of the file as written (valid or not). */
export interface RawEntry {
  index: number;
  term: string;
  expansion: string;
  description: string;
  aliases: string[];
}

/** The glossary entries of the file (`glossary[]` as written). */
export function rawEntries(glossary: Json | undefined): RawEntry[] {
  if (!Array.isArray(glossary)) return [];
  return glossary.map((g, index) => {
    const o = isObject(g) ? g : {};
    return {
      index,
      term: typeof o.term === 'string' ? o.term : '',
      expansion: typeof o.expansion === 'string' ? o.expansion : '',
      description: typeof o.description === 'string' ? o.description : '',
      aliases: Array.isArray(o.aliases)
        ? o.aliases.filter((a): a is string => typeof a === 'string')
        : [],
    };
  });
}

/** The key two terms are the same by (as the model's validation compares them). */
export function termKey(term: string): string {
  return term.normalize('NFC').trim().toLocaleLowerCase('nb');
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * The indexes of the entries to show: those matching `filter` (in the term, its expansion,
 * aliases or description; case-insensitive), sorted by term in Norwegian order (æ, ø, å last).
 */
export function sortedIndexes(entries: readonly RawEntry[], filter = ''): number[] {
  const f = termKey(filter);
  return entries
    .filter(
      (e) =>
        f === '' ||
        [e.term, e.expansion, e.description, ...e.aliases].some((s) => termKey(s).includes(f)),
    )
    .sort((a, b) => collator.compare(a.term.trim(), b.term.trim()) || a.index - b.index)
    .map((e) => e.index);
}

/** Terms written more than once (case and spacing aside): each with the indexes of its entries. */
export function duplicateTerms(
  entries: readonly RawEntry[],
): { term: string; indexes: number[] }[] {
  const groups = new Map<string, { term: string; indexes: number[] }>();
  for (const e of entries) {
    const key = termKey(e.term);
    if (key === '') continue;
    const g = groups.get(key);
    if (g) g.indexes.push(e.index);
    else groups.set(key, { term: e.term.trim(), indexes: [e.index] });
  }
  return [...groups.values()].filter((g) => g.indexes.length > 1);
}

/** The entry that already has `term` (as its term), or undefined. */
export function existingTerm(entries: readonly RawEntry[], term: string): RawEntry | undefined {
  const key = termKey(term);
  return key === '' ? undefined : entries.find((e) => termKey(e.term) === key);
}

/** «a, b, c» → ['a', 'b', 'c'] (empty parts dropped). */
export function parseAliases(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** ['a', 'b'] → «a, b». */
export function formatAliases(list: readonly string[]): string {
  return list.join(', ');
}

/**
 * What a term can refer to: the parties (given), the structures, the documents, the levels and
 * foci (`level:…`, `focus:…`) and the concepts the glossary already uses (`concept:…`).
 */
export function refersToChoices(
  model: Model,
  parties: readonly RefChoice[],
  labels: {
    structure: string;
    document: string;
    level: (l: string) => string;
    focus: (f: string) => string;
    concept: string;
  },
): RefChoice[] {
  const concepts = [
    ...new Set(
      model.glossary
        .map((g) => g.refersTo)
        .filter((r): r is string => r !== undefined && r.startsWith('concept:')),
    ),
  ];
  return [
    ...parties,
    ...model.structures.map((s) => ({
      value: s.id,
      label: `${s.id} ${s.name.length > 50 ? `${s.name.slice(0, 49)}…` : s.name}`,
      group: labels.structure,
    })),
    ...model.documents.map((d) => ({
      value: d.id,
      label: d.title.length > 60 ? `${d.title.slice(0, 59)}…` : d.title,
      group: labels.document,
    })),
    ...LEVELS.map((l) => ({ value: `level:${l}`, label: labels.level(l), group: labels.concept })),
    ...FOCI.map((f) => ({ value: `focus:${f}`, label: labels.focus(f), group: labels.concept })),
    ...concepts.map((c) => ({
      value: c,
      label: c.slice('concept:'.length),
      group: labels.concept,
    })),
  ];
}
