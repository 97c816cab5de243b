/**
 * The example files in examples/nordre-lia are what `arshjul adapt` and `arshjul update` write
 * (docs/brukerveiledning/overforing.md shows the commands): regenerate them with those commands
 * when the code changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, validateModel } from '@arshjul/model';
import { loadGrorud } from '../test-fixtures/grorud.js';
import { GRORUD_NEXT_FILE, NORDRE_LIA_MAPPING } from '../test-fixtures/nordre-lia.js';
import { adaptModel } from './adapt.js';
import { mappingSchema } from './mapping.js';
import { updateFromSource } from './merge.js';
import { stripPersonalData, transferJson } from './privacy.js';

const file = (name: string) =>
  readFileSync(new URL(`../../../examples/nordre-lia/${name}`, import.meta.url), 'utf8');

describe('examples/nordre-lia', () => {
  const adapted = adaptModel(loadGrorud(), mappingSchema.parse(NORDRE_LIA_MAPPING), {
    today: '2025-06-10',
  }).model;

  it('nordre-lia-modellen.json is the Grorud model adapted with kartlegging.json on 2025-06-10', () => {
    expect(file('nordre-lia-modellen.json')).toBe(transferJson(adapted));
  });

  it('nordre-lia-modellen-2026-27.json is it updated from Grorud 2026-27 on 2026-06-01', () => {
    const next = loadModelText(readFileSync(GRORUD_NEXT_FILE, 'utf8'), {
      asOf: '2026-08-01',
    }).model!;
    const local = loadModelText(file('nordre-lia-modellen.json'), { asOf: '2025-08-01' }).model!;
    const merged = updateFromSource(local, stripPersonalData(next).model, { today: '2026-06-01' });
    expect(file('nordre-lia-modellen-2026-27.json')).toBe(
      transferJson(merged.model, { allowPersonalData: true, strip: false }),
    );
  });

  it('are valid models', () => {
    for (const name of ['nordre-lia-modellen.json', 'nordre-lia-modellen-2026-27.json']) {
      const result = validateModel(JSON.parse(file(name)) as unknown, { asOf: '2026-08-01' });
      expect(result.errors, name).toEqual([]);
    }
  });
});
