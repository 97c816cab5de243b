import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '@arshjul/model';
import { getAt, serialize, type Json } from './edits.js';
import { addRoutine, addRoutineStep } from './routines.js';

const TEXT = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const DOC = JSON.parse(TEXT) as Json;
const load = (doc: Json) => loadModelText(serialize(doc), { asOf: '2025-09-01', lang: 'nb' });

describe('routines', () => {
  it('adds a routine the model accepts, with an id of its own', () => {
    const { edit, id } = addRoutine(DOC, {
      name: 'Ny rutine',
      event: 'når dette skjer',
      action: 'Hva som gjøres',
    });
    expect(id).toBe('ny-rutine');
    const next = edit(DOC);
    const result = load(next);
    expect(result.errors).toEqual([]);
    const added = result.model!.routines.at(-1)!;
    expect(added).toMatchObject({ id, name: 'Ny rutine', trigger: { event: 'når dette skjer' } });
    expect(added.steps.map((s) => s.action)).toEqual(['Hva som gjøres']);
    // A second one with the same name gets an id of its own.
    expect(addRoutine(next, { name: 'Ny rutine', event: 'x', action: 'y' }).id).toBe('ny-rutine-2');
  });

  it('adds a step after the last one of a routine', () => {
    const index = (DOC as { routines: { id: string }[] }).routines.findIndex(
      (r) => r.id === 'bekymring-for-elev',
    );
    const next = addRoutineStep(index, 'BVK følger opp')(DOC);
    const steps = getAt(next, ['routines', index, 'steps']) as { action: string }[];
    expect(steps).toHaveLength(3);
    expect(steps[2]).toEqual({ action: 'BVK følger opp' });
    expect(load(next).errors).toEqual([]);
  });
});
