import { describe, expect, it } from 'vitest';
import { loadModelText, schoolsInScope, type Model } from '@arshjul/model';
import { getAt, serialize, type Json } from './edits.js';
import { TEMPLATE_TEXT } from './template.js';
import {
  addStatusEntry,
  addStructureAfter,
  addVariation,
  buildMatrix,
  cadenceTextAt,
  nextStructureId,
  scopeIncludes,
  setCadenceAt,
  setInList,
  setScopeKind,
  setTakesPart,
  structureIndexOf,
  toggleParticipation,
  variationPathOf,
} from './participation.js';

const AS_OF = '2025-09-01';
const doc = JSON.parse(TEMPLATE_TEXT) as Json;

function load(d: Json): Model {
  const result = loadModelText(serialize(d), { asOf: AS_OF });
  expect(result.errors).toEqual([]);
  return result.model!;
}
const grorud = load(doc);
const structure = (m: Model, id: string) => m.structures.find((s) => s.id === id)!;

describe('the participation matrix', () => {
  it('shows the Ammerud schools and every structure, grouped like the plan', () => {
    const matrix = buildMatrix(grorud, AS_OF, 'omrade-ammerud');
    expect(matrix.schools.map((s) => s.id)).toEqual(['ammerud', 'rodtvet', 'apallokka']);
    expect(matrix.groups.map((g) => g.key)).toEqual([
      'strategisk:',
      'organisatorisk:',
      'operativt:samhandling',
      'operativt:elevene',
      'operativt:elever-og-foresatte',
    ]);
    expect(matrix.groups.map((g) => g.rows.length)).toEqual([11, 4, 7, 7, 8]);
    const t41 = matrix.groups[2]!.rows[0]!;
    expect(t41.structure.id).toBe('T4.1');
    expect(t41.cells['rodtvet']).toEqual({
      takesPart: true,
      byScope: true,
      exception: null,
      own: false,
      hasVariation: false,
    });
    // T5.2 Åpent friminutt: Groruddalen and Tiurleiken only.
    const t52 = matrix.groups[3]!.rows.find((r) => r.structure.id === 'T5.2')!;
    expect(Object.values(t52.cells).map((c) => c.takesPart)).toEqual([false, false, false]);
    // T3.4 is district only; T5.5 also at district level.
    const t34 = matrix.groups[1]!.rows.find((r) => r.structure.id === 'T3.4')!;
    expect(t34.district).toBe(true);
    expect(t34.cells['ammerud']!.takesPart).toBe(false);
    expect(t34.status).toBe('in-operation');
    expect(t34.statusFrom).toBe('2023-01-01');
  });

  it('shows all eight participating schools for the whole district (not Bjøråsen)', () => {
    const matrix = buildMatrix(grorud, AS_OF, 'all');
    expect(matrix.schools).toHaveLength(8);
    expect(matrix.schools.map((s) => s.id)).not.toContain('bjorasen');
    // Rødtvet: 11 strategic + 3 of table 3 + T4.1–T4.4, T4.7 + T5.4–T5.7 + T6.1–T6.4, T6.5, T6.6, T6.8.
    expect(matrix.counts['rodtvet']).toBe(
      grorud.structures.filter((s) => schoolsInScope(grorud, s, AS_OF).includes('rodtvet')).length,
    );
  });

  it('marks a discontinued structure by its status and does not count it', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const next = addStatusEntry(i, 'discontinued', '2025-08-01')(doc);
    const m = load(next);
    const matrix = buildMatrix(m, AS_OF, 'omrade-ammerud');
    const row = matrix.groups[2]!.rows[0]!;
    expect(row.status).toBe('discontinued');
    expect(row.statusFrom).toBe('2025-08-01');
    expect(matrix.counts['rodtvet']).toBe(
      buildMatrix(grorud, AS_OF, 'omrade-ammerud').counts['rodtvet']! - 1,
    );
  });
});

describe('toggling a school in a structure', () => {
  it('takes Rødtvet out of T4.1 with a variation, and back in by removing it', () => {
    const out = toggleParticipation(grorud, 'T4.1', 'rodtvet', AS_OF)(doc);
    const i = structureIndexOf(out, 'T4.1');
    expect(getAt(out, ['structures', i, 'variations'])).toEqual([
      { school: 'rodtvet', takesPart: false },
    ]);
    const m = load(out);
    expect(schoolsInScope(m, structure(m, 'T4.1'), AS_OF)).not.toContain('rodtvet');
    const cell = buildMatrix(m, AS_OF, 'omrade-ammerud').groups[2]!.rows[0]!.cells['rodtvet']!;
    expect(cell).toMatchObject({ takesPart: false, byScope: true, exception: 'out' });

    const back = toggleParticipation(m, 'T4.1', 'rodtvet', AS_OF)(out);
    // The file is exactly as before: no empty variation, no empty list.
    expect(serialize(back)).toBe(serialize(doc));
  });

  it('brings Svarttjern into T4.1 although it is outside the scope', () => {
    expect(scopeIncludes(grorud, structure(grorud, 'T4.1'), 'svarttjern', AS_OF)).toBe(false);
    const next = toggleParticipation(grorud, 'T4.1', 'svarttjern', AS_OF)(doc);
    const m = load(next);
    expect(schoolsInScope(m, structure(m, 'T4.1'), AS_OF)).toContain('svarttjern');
    const cell = buildMatrix(m, AS_OF, 'omrade-romsas').groups[2]!.rows[0]!.cells['svarttjern']!;
    expect(cell).toMatchObject({ takesPart: true, byScope: false, exception: 'in' });
  });

  it('keeps a variation that has more in it, removing only takesPart', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const withOwn = setCadenceAt(
      ['structures', i, 'variations', 0, 'cadence'],
      'Hver andre uke',
    )(addVariation('T4.1', 'ammerud')(doc));
    const out = setTakesPart('T4.1', 'ammerud', false, true)(withOwn);
    expect(getAt(out, ['structures', i, 'variations'])).toEqual([
      { school: 'ammerud', cadence: 'Hver andre uke', takesPart: false },
    ]);
    const back = setTakesPart('T4.1', 'ammerud', true, true)(out);
    expect(getAt(back, ['structures', i, 'variations'])).toEqual([
      { school: 'ammerud', cadence: 'Hver andre uke' },
    ]);
    const m = load(back);
    const cell = buildMatrix(m, AS_OF, 'omrade-ammerud').groups[2]!.rows[0]!.cells['ammerud']!;
    expect(cell).toMatchObject({ takesPart: true, exception: null, own: true, hasVariation: true });
    const schoolT41 = m.structures.find((s) => s.id === 'T4.1')!.variations[0]!;
    expect(schoolT41.cadence?.text).toBe('Hver andre uke');
  });

  it('does nothing when the school already takes part as the scope says', () => {
    expect(setTakesPart('T4.1', 'rodtvet', true, true)(doc)).toBe(doc);
    expect(setTakesPart('T9.9', 'rodtvet', false, true)(doc)).toBe(doc);
  });
});

describe('variations', () => {
  it('adds one empty variation per school and finds its path', () => {
    expect(variationPathOf(doc, 'T4.1', 'rodtvet')).toBeNull();
    const next = addVariation('T4.1', 'rodtvet')(doc);
    const path = variationPathOf(next, 'T4.1', 'rodtvet');
    expect(path).toEqual(['structures', structureIndexOf(doc, 'T4.1'), 'variations', 0]);
    expect(addVariation('T4.1', 'rodtvet')(next)).toBe(next);
    load(next);
  });

  it('sets and clears a cadence phrase, also one written as { text, rule }', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const path = ['structures', i, 'cadence'];
    expect(cadenceTextAt(doc, path)).toBe('Hver fjerde uke');
    const asObject = JSON.parse(serialize(doc)) as Json;
    (asObject as { structures: Record<string, Json>[] }).structures[i]!.cadence = {
      text: 'Hver fjerde uke',
      rule: { kind: 'x' },
      note: 'kept',
    };
    const next = setCadenceAt(path, 'Hver uke')(asObject);
    expect(getAt(next, path)).toEqual({ text: 'Hver uke', note: 'kept' });
    expect(cadenceTextAt(next, path)).toBe('Hver uke');
    expect(getAt(setCadenceAt(path, ' ')(doc), path)).toBeUndefined();
  });
});

describe('the structure editor', () => {
  const ids = grorud.structures.map((s) => s.id);

  it('gives a new structure the next free number of its table', () => {
    expect(nextStructureId(ids, 'T4.1')).toBe('T4.8');
    expect(nextStructureId(ids, 'T6.3')).toBe('T6.9');
    expect(nextStructureId([...ids, 'T4.8'], 'T4.1')).toBe('T4.9');
    expect(nextStructureId(['a'], 'a')).toBe('a-2');
  });

  it('adds a valid structure after the last one of the table, at the same level and focus', () => {
    const next = addStructureAfter('T4.1', 'T4.8', 'Ny struktur')(doc);
    const m = load(next);
    const i = m.structures.findIndex((s) => s.id === 'T4.8');
    expect(m.structures[i - 1]!.id).toBe('T4.7');
    expect(m.structures[i]).toMatchObject({
      level: 'operativt',
      focus: 'samhandling',
      name: 'Ny struktur',
      scope: { kind: 'all-schools' },
    });
    expect(m.structures).toHaveLength(38);
  });

  it('switches the scope kind, keeping the schools it covered and the district flag', () => {
    const i = structureIndexOf(doc, 'T5.5');
    const path = ['structures', i, 'scope'];
    const covered = schoolsInScope(grorud, structure(grorud, 'T5.5'), AS_OF);
    const toAll = setScopeKind(path, 'all-schools', covered)(doc);
    expect(getAt(toAll, path)).toEqual({ kind: 'all-schools', district: true });
    const back = setScopeKind(path, 'schools', covered)(toAll);
    expect(getAt(back, path)).toEqual({
      kind: 'schools',
      schools: ['ammerud', 'rodtvet', 'apallokka'],
      district: true,
    });
    load(back);
    // An empty list of stages is an error at the scope (the user picks one).
    const stage = setScopeKind(path, 'stage', covered)(doc);
    const result = loadModelText(serialize(stage), { asOf: AS_OF });
    expect(result.errors.some((e) => e.path.startsWith(`structures[${i}].scope`))).toBe(true);
    expect(setScopeKind(path, 'schools', covered)(doc)).toBe(doc);
  });

  it('adds and removes ids in a list (responsible, documents)', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const path = ['structures', i, 'responsible'];
    const more = setInList(path, 'bvk', true)(doc);
    expect(getAt(more, path)).toEqual(['nsk', 'bvk']);
    expect(setInList(path, 'bvk', true)(more)).toBe(more);
    expect(getAt(setInList(path, 'nsk', false)(more), path)).toEqual(['bvk']);
    const docs = setInList(['structures', i, 'documents'], 'bydelskatalog', true)(doc);
    expect(load(docs).structures.find((s) => s.id === 'T4.1')!.documents).toEqual([
      'bydelskatalog',
    ]);
  });

  it('reports an unknown party in the responsible list as an error at that field', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const bad = setInList(['structures', i, 'responsible'], 'nobody', true)(doc);
    const result = loadModelText(serialize(bad), { asOf: AS_OF });
    expect(result.errors.some((e) => e.path.startsWith(`structures[${i}].responsible`))).toBe(true);
  });
});
