import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, validateModel, type Model, type Structure } from '@arshjul/model';
import { loadGrorud } from '../test-fixtures/grorud.js';
import { GRORUD_NEXT_FILE, NORDRE_LIA_MAPPING } from '../test-fixtures/nordre-lia.js';
import { adaptModel } from './adapt.js';
import { mappingSchema } from './mapping.js';
import { resolveConflict, TransferError, updateFromSource } from './merge.js';

const grorud = loadGrorud();
const next = loadModelText(readFileSync(GRORUD_NEXT_FILE, 'utf8'), { asOf: '2026-08-01' }).model!;
const { model: adapted } = adaptModel(grorud, mappingSchema.parse(NORDRE_LIA_MAPPING), {
  today: '2025-06-10',
});
const { model: merged, report } = updateFromSource(adapted, next, { today: '2026-06-01' });
const structure = (m: Model, id: string): Structure => m.structures.find((s) => s.id === id)!;

/** The adapted model with its JSON edited, loaded again (as a user's edit would be). */
function edited(model: Model, edit: (m: Model) => void): Model {
  const copy = structuredClone(model);
  edit(copy);
  const result = loadModelText(JSON.stringify(copy), { asOf: '2025-08-01' });
  if (!result.model) throw new Error(JSON.stringify(result.errors.slice(0, 2)));
  return result.model;
}

describe('updateFromSource: Grorud 2026-27 into Nordre Lia', () => {
  it('applies a source change where nothing local was in the way (T1.2 description)', () => {
    expect(report.applied).toEqual([
      { kind: 'structure', id: 'T1.2', sourceId: 'T1.2', field: 'description' },
    ]);
    expect(structure(merged, 'T1.2').description).toContain('Møtene har fast dagsorden');
    expect(structure(adapted, 'T1.2').description).not.toContain('Møtene har fast dagsorden');
  });

  it('keeps local changes the source did not touch (T4.7 rhythm, T6.7 name)', () => {
    expect(report.kept.map((c) => `${c.id}:${c.field}`).sort()).toEqual([
      'T4.7:cadence',
      'T6.7:name',
    ]);
    expect(structure(merged, 'T4.7').cadence.text).toBe('Tre ganger i halvåret');
    expect(structure(merged, 'T6.7').name).toBe('Foreldretreff for hele bydelen');
  });

  it('reports a conflict where both changed the same field, and keeps the local value meanwhile', () => {
    expect(report.conflicts).toHaveLength(1);
    const [c] = report.conflicts;
    expect(c).toMatchObject({ kind: 'structure', id: 'T4.1', sourceId: 'T4.1', field: 'cadence' });
    expect((c!.base as { text: string }).text).toBe('Hver fjerde uke');
    expect((c!.ours as { text: string }).text).toBe('Cirka hver sjette uke');
    expect((c!.theirs as { text: string }).text).toBe('Hver tredje uke');
    expect(structure(merged, 'T4.1').cadence.text).toBe('Cirka hver sjette uke');
    expect(merged.upstream!.conflicts).toEqual(report.conflicts);
  });

  it('adopts a new shared structure (T5.8) with its provenance, and offers nothing old as new', () => {
    expect(report.added).toEqual([{ kind: 'structure', id: 'T5.8', sourceId: 'T5.8', field: '*' }]);
    expect(structure(merged, 'T5.8').origin).toEqual({
      model: 'grorudmodellen',
      version: '2026-27',
      id: 'T5.8',
      changed: false,
    });
    expect(report.notAdopted).toEqual([]);
    expect(report.removed).toEqual([]);
  });

  it('moves every adopted item to the new version and marks which differ locally', () => {
    const changed = merged.structures
      .filter((s) => s.origin?.changed)
      .map((s) => s.id)
      .sort();
    expect(changed).toEqual(['T4.1', 'T4.7', 'T6.7']);
    for (const s of merged.structures) expect(s.origin?.version, s.id).toBe('2026-27');
    expect(merged.upstream).toMatchObject({ version: '2026-27', updatedOn: '2026-06-01' });
    expect(merged.upstream!.known.structures).toContain('T5.8');
  });

  it('follows the source into 2026-27 and records the update in the change log', () => {
    expect(adapted.schoolYear).toBe('2025-26');
    expect(merged.schoolYear).toBe('2026-27');
    expect(merged.changeLog.at(-1)).toEqual({
      date: '2026-06-01',
      schoolYear: '2026-27',
      summary: 'Oppdatert fra Grorudmodellen 2026-27',
      changes: [
        'Tatt inn fra kilden: struktur T1.2 (beskrivelse)',
        'Nytt fra kilden: struktur T5.8',
        'Må avgjøres: struktur T4.1 (rytme)',
      ],
    });
  });

  it('gives a valid model', () => {
    const result = validateModel(JSON.parse(JSON.stringify(merged)) as unknown, {
      asOf: '2026-08-01',
    });
    expect(result.errors).toEqual([]);
  });

  it('keeps a pending conflict pending when the same version is taken again, and changes nothing else', () => {
    const again = updateFromSource(merged, next, { today: '2026-06-02' });
    expect(again.report.applied).toEqual([]);
    expect(again.report.added).toEqual([]);
    expect(again.report.conflicts.map((c) => `${c.id}:${c.field}`)).toEqual(['T4.1:cadence']);
    expect(again.model.structures).toEqual(merged.structures);
  });

  it('resolves a conflict either way', () => {
    const conflict = merged.upstream!.conflicts[0]!;
    const theirs = resolveConflict(merged, conflict, 'theirs');
    expect(structure(theirs, 'T4.1').cadence.text).toBe('Hver tredje uke');
    expect(theirs.upstream!.conflicts).toEqual([]);
    const ours = resolveConflict(merged, conflict, 'ours');
    expect(structure(ours, 'T4.1').cadence.text).toBe('Cirka hver sjette uke');
    expect(ours.upstream!.conflicts).toEqual([]);
    expect(updateFromSource(ours, next, { today: '2026-06-02' }).report.conflicts).toEqual([]);
  });

  it('never loses a local change: every field that differs locally is kept or listed', () => {
    const local = edited(adapted, (m) => {
      for (const s of m.structures) s.description = `${s.description ?? ''} (lokal tekst)`;
    });
    const result = updateFromSource(local, next, { today: '2026-06-01' });
    for (const s of local.structures) {
      const after = structure(result.model, s.id);
      const listed = result.report.conflicts.some(
        (c) => c.id === s.id && c.field === 'description',
      );
      expect(after.description === s.description || listed, s.id).toBe(true);
    }
    expect(result.report.conflicts.map((c) => `${c.id}:${c.field}`)).toContain('T1.2:description');
  });
});

describe('updateFromSource: removed and dropped items', () => {
  it('removes what the source removed when it is unchanged here, and lists it when changed here', () => {
    const without = edited(next, (m) => {
      m.structures = m.structures.filter((s) => s.id !== 'T4.4' && s.id !== 'T6.7');
    });
    const { model, report } = updateFromSource(adapted, without, { today: '2026-06-01' });
    expect(report.removed.map((c) => c.id)).toEqual(['T4.4']);
    expect(model.structures.some((s) => s.id === 'T4.4')).toBe(false);
    // T6.7 has a local name: kept, and listed for a decision.
    expect(report.conflicts.some((c) => c.id === 'T6.7' && c.field === '*')).toBe(true);
    expect(structure(model, 'T6.7').name).toBe('Foreldretreff for hele bydelen');
  });

  it('does not offer again a structure the district dropped after adopting it', () => {
    const dropped = edited(adapted, (m) => {
      m.structures = m.structures.filter((s) => s.id !== 'T3.1');
    });
    const { model, report } = updateFromSource(dropped, next, { today: '2026-06-01' });
    expect(model.structures.some((s) => s.id === 'T3.1')).toBe(false);
    expect(report.added.map((c) => c.id)).toEqual(['T5.8']);
  });
});

describe('updateFromSource: bad input', () => {
  it('refuses an update from another source model', () => {
    const other = { ...next, id: 'alnamodellen', name: 'Alnamodellen' } as Model;
    expect(() => updateFromSource(adapted, other, { today: '2026-06-01' })).toThrow(TransferError);
    try {
      updateFromSource(adapted, other, { today: '2026-06-01' });
    } catch (e) {
      expect((e as TransferError).code).toBe('different-source');
      expect((e as Error).message).toContain('tilpasset fra «Grorudmodellen» (grorudmodellen)');
    }
  });

  it('refuses a model that was not adapted from another', () => {
    expect(() => updateFromSource(grorud, next, { today: '2026-06-01' })).toThrow(
      /ikke tilpasset fra en annen modell/,
    );
  });
});

describe('updateFromSource: the rest of the model, links and versions', () => {
  it('merges revision rules, onboarding plans and routines too', () => {
    const changed = edited(next, (m) => {
      m.revisions.find((r) => r.id === 'revisjon-plan-ny-rektor')!.title =
        'Revisjon av planen for oppstart av ny rektor (våren)';
      m.routines[0]!.steps[0]!.action = `${m.routines[0]!.steps[0]!.action} Innen to uker.`;
    });
    const local = edited(adapted, (m) => {
      m.routines[0]!.steps[0]!.action = 'Vår egen rutine for opplæring.';
    });
    const { model, report } = updateFromSource(local, changed, { today: '2026-06-01' });
    expect(report.applied).toContainEqual({
      kind: 'revision',
      id: 'revisjon-plan-ny-rektor',
      sourceId: 'revisjon-plan-ny-rektor',
      field: 'title',
    });
    expect(model.revisions.find((r) => r.id === 'revisjon-plan-ny-rektor')!.title).toBe(
      'Revisjon av planen for oppstart av ny rektor (våren)',
    );
    const routine = report.conflicts.find((c) => c.kind === 'routine');
    expect(routine).toMatchObject({ id: grorud.routines[0]!.id, field: 'steps' });
    expect(model.routines[0]!.steps[0]!.action).toBe('Vår egen rutine for opplæring.');
  });

  it('keeps the merged model valid when a source structure links a document the district left out', () => {
    const linked = edited(next, (m) => {
      m.structures.find((s) => s.id === 'T1.4')!.documents.push('kontaktliste');
    });
    const { model, report } = updateFromSource(adapted, linked, { today: '2026-06-01' });
    expect(structure(model, 'T1.4').documents).not.toContain('kontaktliste');
    expect(report.toDecide).toContainEqual({
      kind: 'structure',
      id: 'T1.4',
      what: 'lenke til dokument som ikke er tatt i bruk, er fjernet (kontaktliste)',
    });
    const result = validateModel(JSON.parse(JSON.stringify(model)) as unknown, {
      asOf: '2026-08-01',
    });
    expect(result.errors).toEqual([]);
  });

  it('lists a structure the source discontinued, and a new one that needs a role the district lacks', () => {
    const changed = edited(next, (m) => {
      m.structures.find((s) => s.id === 'T2.4')!.status = [
        { status: 'discontinued', from: '2026-06-01' },
      ];
      m.structures.push({
        ...structuredClone(m.structures.find((s) => s.id === 'T1.2')!),
        id: 'T1.9',
        name: 'Ny samordning',
        responsible: ['salto-koordinator'],
      });
    });
    const { report } = updateFromSource(adapted, changed, { today: '2026-06-01' });
    expect(report.toDecide.find((d) => d.id === 'T2.4')?.what).toContain('avsluttet i kilden');
    expect(report.added.map((a) => a.id)).toContain('T1.9');
    expect(report.toDecide.find((d) => d.id === 'T1.9')?.what).toContain('salto-koordinator');
  });

  it('refuses to go back to an older source version', () => {
    expect(() => updateFromSource(merged, grorud, { today: '2026-06-02' })).toThrow(
      /2025-26 er eldre enn versjonen .* bygger på \(2026-27\)/,
    );
  });

  it('keeps an item the district chose to keep after the source removed it', () => {
    const without = edited(next, (m) => {
      m.structures = m.structures.filter((s) => s.id !== 'T6.7');
    });
    const first = updateFromSource(adapted, without, { today: '2026-06-01' });
    const conflict = first.report.conflicts.find((c) => c.id === 'T6.7' && c.field === '*')!;
    const kept = resolveConflict(first.model, conflict, 'ours');
    const again = updateFromSource(kept, without, { today: '2026-06-02' });
    expect(again.report.conflicts.some((c) => c.id === 'T6.7')).toBe(false);
    expect(structure(again.model, 'T6.7').name).toBe('Foreldretreff for hele bydelen');
  });
});
