import { describe, expect, it } from 'vitest';
import { buildPlan } from '@arshjul/plan';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { loadModelText, type Model } from '@arshjul/model';
import { getAt, insertAt, removeAt, serialize, type Json } from './edits.js';
import { TEMPLATE_TEXT } from './template.js';
import { structureIndexOf } from './participation.js';
import { addNote, noteView, setNoteKind } from './notes.js';

const doc = JSON.parse(TEMPLATE_TEXT) as Json;
const year = new CalendarRegistry().schoolYear('oslo', '2025-26');

function load(d: Json): Model {
  const result = loadModelText(serialize(d), { asOf: '2025-09-01' });
  expect(result.errors).toEqual([]);
  return result.model!;
}

const t11 = structureIndexOf(doc, 'T1.1');
const notesOf = (d: Json, i: number) => getAt(d, ['structures', i, 'notes']) as Json[];

describe('structure notes', () => {
  it('reads the Grorud model’s notes as kind, text and source', () => {
    const [first] = notesOf(doc, t11).map(noteView);
    expect(first).toMatchObject({ kind: 'interpretation', plain: false });
    expect(first!.text).toContain('En gang i året');
    expect(first!.source).toBe('Vedlegg 3, Tabell 1, rad 1');
    expect(noteView('Avklares på SaLTo-møtet')).toEqual({
      kind: 'note',
      text: 'Avklares på SaLTo-møtet',
      plain: true,
    });
  });

  it('adds a note that the implementation plan lists under «Merknader» once it is an inconsistency', () => {
    const i = structureIndexOf(doc, 'T4.1');
    const path = ['structures', i, 'notes'];
    const before = notesOf(doc, i)?.length ?? 0;
    const added = addNote(path, 'Nærmiljøteamet møtes hver fjerde uke')(doc);
    expect(notesOf(added, i)).toHaveLength(before + 1);
    const plain = (m: Model) =>
      buildPlan(m, { area: 'omrade-ammerud', year, lang: 'nb' }).notes.map((n) => n.text);
    expect(plain(load(added))).not.toContain('Nærmiljøteamet møtes hver fjerde uke');
    const inconsistent = setNoteKind(path, before, 'inconsistency')(added);
    expect(plain(load(inconsistent))).toContain('Nærmiljøteamet møtes hver fjerde uke');
    // Removed again: the file is as it was.
    expect(serialize(removeAt([...path, before])(inconsistent))).toBe(serialize(doc));
  });

  it('turns a note written as plain text into an object when its kind is chosen', () => {
    const path = ['structures', t11, 'notes'];
    const n = notesOf(doc, t11).length;
    const plainDoc = insertAt(path, 'Står bare som tekst')(doc);
    expect(noteView(notesOf(plainDoc, t11)[n]).plain).toBe(true);
    const changed = setNoteKind(path, n, 'interpretation')(plainDoc);
    expect(notesOf(changed, t11)[n]).toEqual({
      kind: 'interpretation',
      text: 'Står bare som tekst',
    });
    expect(
      load(changed)
        .structures.find((s) => s.id === 'T1.1')!
        .notes.at(-1),
    ).toMatchObject({
      kind: 'interpretation',
      text: 'Står bare som tekst',
    });
    // A note already an object keeps its other fields.
    const again = setNoteKind(path, 0, 'inconsistency')(doc);
    expect(notesOf(again, t11)[0]).toMatchObject({
      kind: 'inconsistency',
      source: 'Vedlegg 3, Tabell 1, rad 1',
    });
  });
});
