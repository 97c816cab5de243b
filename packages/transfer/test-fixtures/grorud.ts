/**
 * The Grorud model (examples/grorud/grorudmodellen.json), loaded once for the tests of the
 * transfer package: the source every adaptation test starts from.
 */
import { readFileSync } from 'node:fs';
import { loadModelText, type Model } from '@arshjul/model';

export const GRORUD_FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);

/** The text of the file, as the CLI would read it. */
export const grorudText = (): string => readFileSync(GRORUD_FILE, 'utf8');

let cached: Model | undefined;

/** The Grorud model as loaded (a fresh copy each time, so a test may change it). */
export function loadGrorud(): Model {
  if (!cached) {
    const { model, errors } = loadModelText(grorudText(), { asOf: '2025-08-01' });
    if (!model) throw new Error(`grorudmodellen.json does not load: ${JSON.stringify(errors[0])}`);
    cached = model;
  }
  return structuredClone(cached);
}
