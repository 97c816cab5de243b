/** The Grorud model and the Oslo 2025-26 school year for the tests; variants from edited JSON. */
import { readFileSync } from 'node:fs';
import { loadModelText, type Model } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';

const text = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);

function load(source: string): Model {
  const result = loadModelText(source, { asOf: '2025-08-01' });
  if (!result.model) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.model;
}

export const grorud: Model = load(text);
export const oslo2025 = new CalendarRegistry().schoolYear('oslo', '2025-26');

interface JsonStructure {
  id: string;
  [key: string]: unknown;
}

/** The Grorud model with some structures edited in the file's JSON. */
export function variant(edit: (structures: Map<string, JsonStructure>) => void): Model {
  const json = JSON.parse(text) as { structures: JsonStructure[] };
  edit(new Map(json.structures.map((s) => [s.id, s])));
  return load(JSON.stringify(json));
}
