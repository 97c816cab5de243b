import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  nameOf,
  rowsOf,
  combine,
  freshId,
  getAt,
  insertAt,
  moveAt,
  pathString,
  removeAt,
  serialize,
  setAt,
  type Json,
} from './edits.js';

const GRORUD = JSON.parse(
  readFileSync(
    new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
    'utf8',
  ),
) as Json;

describe('edits at a path', () => {
  it('reads values by keys and indexes', () => {
    expect(getAt(GRORUD, ['organisation', 'areas', 0, 'name'])).toBe('Ammerud');
    expect(getAt(GRORUD, ['organisation', 'areas', 99, 'name'])).toBeUndefined();
    expect(getAt(GRORUD, ['nope', 0])).toBeUndefined();
  });

  it('sets a value without changing the input, sharing what did not change', () => {
    const before = serialize(GRORUD);
    const next = setAt(['organisation', 'areas', 0, 'name'], 'Ammerud øst')(GRORUD);
    expect(getAt(next, ['organisation', 'areas', 0, 'name'])).toBe('Ammerud øst');
    expect(serialize(GRORUD)).toBe(before);
    expect(getAt(next, ['structures'])).toBe(getAt(GRORUD, ['structures']));
  });

  it('leaves an emptied optional text out of the file, unless told to keep it', () => {
    const withDesc = setAt(['organisation', 'areas', 0, 'description'], 'Nord')(GRORUD);
    const cleared = setAt(['organisation', 'areas', 0, 'description'], '')(withDesc);
    expect(getAt(cleared, ['organisation', 'areas', 0])).not.toHaveProperty('description');
    const kept = setAt(['organisation', 'areas', 0, 'description'], '', { keepEmpty: true })(
      withDesc,
    );
    expect(getAt(kept, ['organisation', 'areas', 0, 'description'])).toBe('');
  });

  it('creates missing containers on the way (a first variation)', () => {
    const doc = { structures: [{ id: 'T1' }] } as Json;
    const next = insertAt(['structures', 0, 'variations'], { school: 'a', takesPart: false })(doc);
    expect(getAt(next, ['structures', 0, 'variations'])).toEqual([
      { school: 'a', takesPart: false },
    ]);
  });

  it('returns the same value when nothing changes', () => {
    const name = getAt(GRORUD, ['organisation', 'areas', 0, 'name']) as string;
    expect(setAt(['organisation', 'areas', 0, 'name'], name)(GRORUD)).toBe(GRORUD);
    expect(removeAt(['organisation', 'areas', 99])(GRORUD)).toBe(GRORUD);
    expect(setAt(['organisation', 'areas', 99, 'name'], 'x')(GRORUD)).toBe(GRORUD);
  });

  it('inserts, removes and moves array elements', () => {
    const doc = { list: ['a', 'b', 'c'] } as Json;
    expect(getAt(insertAt(['list'], 'x', 1)(doc), ['list'])).toEqual(['a', 'x', 'b', 'c']);
    expect(getAt(removeAt(['list', 1])(doc), ['list'])).toEqual(['a', 'c']);
    expect(getAt(moveAt(['list'], 0, 2)(doc), ['list'])).toEqual(['b', 'c', 'a']);
    expect(getAt(removeAt(['list'])(doc), ['list'])).toBeUndefined();
  });

  it('combines edits into one', () => {
    const doc = { a: 1 } as Json;
    expect(combine(setAt(['b'], 2), setAt(['a'], undefined))(doc)).toEqual({ b: 2 });
  });

  it('formats paths as the validation issues do', () => {
    expect(pathString(['organisation', 'schools', 3, 'memberships', 0, 'to'])).toBe(
      'organisation.schools[3].memberships[0].to',
    );
  });

  it('makes new ids that are free and valid', () => {
    expect(freshId('Rektor', ['rektor'])).toBe('rektor-2');
    expect(freshId('Ny skole på Ålien!', [])).toBe('ny-skole-på-ålien');
    expect(freshId('!!!', [])).toBe('ny');
  });
});

describe('rows of the file', () => {
  it('are the elements of a list as written, none for anything else', () => {
    const units = rowsOf(getAt(GRORUD, ['organisation', 'units']));
    expect(units.length).toBeGreaterThan(10);
    expect(units[0]).toBe(getAt(GRORUD, ['organisation', 'units', 0]));
    expect(rowsOf(getAt(GRORUD, ['organisation', 'district']))).toEqual([]);
    expect(rowsOf(undefined)).toEqual([]);
  });

  it('are named by their name, else their id', () => {
    expect(nameOf({ id: 'fe', name: 'Forebyggende enhet' })).toBe('Forebyggende enhet');
    expect(nameOf({ id: 'fe', name: '' })).toBe('fe');
    expect(nameOf({ id: 'fe' })).toBe('fe');
  });
});
