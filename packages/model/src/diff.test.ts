import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelSchema, type Model } from './schema.js';
import { diffModels, formatModelDiff, summarizeModelDiff } from './diff.js';

const GRORUD_FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);
/** The file as written (input side), so variants are edited the way a user edits the file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;
const raw: Raw = JSON.parse(readFileSync(GRORUD_FILE, 'utf8'));
const grorud: Model = modelSchema.parse(raw);

/** The Grorud model with one edit made to a copy of the file's contents. */
function variant(edit: (m: Raw) => void): Model {
  const copy = structuredClone(raw);
  edit(copy);
  return modelSchema.parse(copy);
}
const byId = (list: Raw[], id: string): Raw => list.find((e: Raw) => e.id === id);

describe('diffModels on the Grorud model', () => {
  it('finds nothing between the model and itself, or a fresh read of the same file', () => {
    const same = diffModels(grorud, grorud);
    expect(same.changes).toEqual([]);
    expect(same.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(diffModels(grorud, modelSchema.parse(raw)).changes).toEqual([]);
    expect(formatModelDiff(same)).toEqual([]);
    expect(summarizeModelDiff(same)).toBe('Ingen endringer.');
    expect(summarizeModelDiff(same, 'en')).toBe('No changes.');
  });

  it('reports a changed cadence as one change of T4.1, in the user’s words', () => {
    const after = variant((m) => {
      byId(m.structures, 'T4.1').cadence = 'Hver tredje uke';
    });
    const diff = diffModels(grorud, after);
    expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    const [change] = diff.changes;
    expect(change).toMatchObject({
      collection: 'structures',
      id: 'T4.1',
      name: 'T4.1 Nærmiljøteam på hver skole',
      kind: 'changed',
    });
    // The words changed; the rule read from them is not reported as a second edit.
    expect(change!.fields).toEqual([
      { path: 'cadence', before: 'Hver fjerde uke', after: 'Hver tredje uke' },
    ]);
    const [line] = formatModelDiff(diff);
    expect(line).toContain('T4.1 Nærmiljøteam på hver skole');
    expect(line).toBe(
      'Endret strukturen «T4.1 Nærmiljøteam på hver skole»: rytme «Hver fjerde uke» → «Hver tredje uke»',
    );
    expect(summarizeModelDiff(diff)).toBe('0 lagt til, 0 fjernet, 1 endret');
  });

  it('reports a new wording of the same rule as a text change only', () => {
    const after = variant((m) => {
      byId(m.structures, 'T4.1').cadence = 'Hver 4. uke';
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.fields).toEqual([
      { path: 'cadence', before: 'Hver fjerde uke', after: 'Hver 4. uke' },
    ]);
  });

  it('reports a changed rule under the same text', () => {
    const after = variant((m) => {
      byId(m.structures, 'T4.1').cadence = {
        text: 'Hver fjerde uke',
        rule: { kind: 'interval', every: 4, unit: 'week', weekdays: [2] },
      };
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ collection: 'structures', id: 'T4.1' });
    expect(changes[0]!.fields).toEqual([
      { path: 'cadence.rule.weekdays', before: undefined, after: [2] },
    ]);
  });

  it('reports an added school, and nothing else', () => {
    const after = variant((m) => {
      m.organisation.schools.push({
        id: 'kalbakken',
        name: 'Kalbakken skole',
        stage: 'barneskole',
        memberships: [{ area: 'omrade-grorud', from: '2026-08-01' }],
      });
    });
    const diff = diffModels(grorud, after);
    expect(diff.changes).toEqual([
      {
        collection: 'schools',
        id: 'kalbakken',
        name: 'Kalbakken skole',
        kind: 'added',
        fields: [],
      },
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(formatModelDiff(diff)).toEqual(['Lagt til skolen «Kalbakken skole»']);
    expect(formatModelDiff(diff, 'en')).toEqual(['Added school «Kalbakken skole»']);
  });

  it('reports a removed document, and nothing else', () => {
    const last = grorud.documents.at(-1)!;
    const after = variant((m) => {
      m.documents = m.documents.filter((d: Raw) => d.id !== last.id);
    });
    const diff = diffModels(grorud, after);
    expect(diff.changes).toEqual([
      { collection: 'documents', id: last.id, name: last.title, kind: 'removed', fields: [] },
    ]);
    expect(diff.counts).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(formatModelDiff(diff)[0]).toMatch(/^Fjernet dokumentet «/);
  });

  it('reports a renamed role as a change of its title', () => {
    const after = variant((m) => {
      byId(m.roles, 'nsk').title = 'Nærmiljøkoordinator';
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ collection: 'roles', id: 'nsk', kind: 'changed' });
    expect(changes[0]!.name).toContain('NSK');
    expect(changes[0]!.fields).toEqual([
      {
        path: 'title',
        before: grorud.roles.find((r) => r.id === 'nsk')!.title,
        after: 'Nærmiljøkoordinator',
      },
    ]);
    // Role ids are technical: the line names the role, not «nsk».
    expect(formatModelDiff({ changes, counts: { added: 0, removed: 0, changed: 1 } })[0]).toMatch(
      /^Endret rollen «NSK \(Nærmiljøkoordinator\)»: tittel «Nærmiljøskolekoordinator» → «Nærmiljøkoordinator»$/,
    );
  });

  it('reports a school leaving as the end of its membership', () => {
    const after = variant((m) => {
      const school = byId(m.organisation.schools, 'tiurleiken');
      school.memberships[school.memberships.length - 1].to = '2026-06-30';
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toHaveLength(1);
    const n = grorud.organisation.schools.find((s) => s.id === 'tiurleiken')!.memberships.length;
    expect(changes[0]).toMatchObject({ collection: 'schools', id: 'tiurleiken', kind: 'changed' });
    expect(changes[0]!.fields).toEqual([
      { path: `memberships[${n - 1}].to`, before: undefined, after: '2026-06-30' },
    ]);
  });

  it("reports the model's own fields as the `model` entity", () => {
    const after = variant((m) => {
      m.schoolYear = '2026-27';
      m.notes = [...(m.notes ?? []), { text: 'Ny merknad' }];
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      collection: 'model',
      id: 'Grorudmodellen',
      name: 'Grorudmodellen',
      kind: 'changed',
    });
    expect(formatModelDiff({ changes, counts: { added: 0, removed: 0, changed: 1 } })[0]).toMatch(
      /^Endret modellen «Grorudmodellen»: skoleår «2025-26» → «2026-27»/,
    );
    // The field words are in the user's language.
    expect(
      formatModelDiff({ changes, counts: { added: 0, removed: 0, changed: 1 } }, 'en')[0],
    ).toMatch(/: school year «2025-26» → «2026-27»/);
    const paths = changes[0]!.fields.map((f) => f.path);
    expect(paths).toContain('schoolYear');
    expect(paths).toContain(`notes[${grorud.notes.length}]`);
  });

  it('reports a renamed model or district as a change of its name, not an addition', () => {
    const after = variant((m) => {
      m.name = 'Grorudmodellen 2.0';
      m.organisation.district.name = 'Bydel Grorud (Oslo)';
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toEqual([
      {
        collection: 'model',
        id: 'Grorudmodellen 2.0',
        name: 'Grorudmodellen 2.0',
        kind: 'changed',
        fields: [{ path: 'name', before: 'Grorudmodellen', after: 'Grorudmodellen 2.0' }],
      },
      {
        collection: 'district',
        id: 'Bydel Grorud (Oslo)',
        name: 'Bydel Grorud (Oslo)',
        kind: 'changed',
        fields: [{ path: 'name', before: 'Bydel Grorud', after: 'Bydel Grorud (Oslo)' }],
      },
    ]);
  });

  it('matches revision records by rule and date, and ignores the change log', () => {
    const rule = grorud.revisions[0]!.id;
    const after = variant((m) => {
      m.revisionRecords = [
        ...(m.revisionRecords ?? []),
        { rule, date: '2026-04-20', summary: 'Revidert på SaLTo-møtet' },
      ];
      m.changeLog = [...(m.changeLog ?? []), { date: '2026-04-21', summary: 'Revidert' }];
    });
    const { changes } = diffModels(grorud, after);
    expect(changes).toEqual([
      {
        collection: 'revisionRecords',
        id: `${rule}@2026-04-20`,
        name: `${rule} 2026-04-20`,
        kind: 'added',
        fields: [],
      },
    ]);
  });

  it('lists changes in collection order with removed ones last within a collection', () => {
    const first = grorud.structures[0]!;
    const after = variant((m) => {
      m.structures = m.structures.filter((s: Raw) => s.id !== first.id);
      m.structures.push({
        id: 'T7.1',
        name: 'Felles årshjul for skoleområdet',
        level: 'operativt',
        focus: 'samhandling',
        cadence: 'En gang i året',
        responsible: ['nsk'],
        scope: { kind: 'all-schools' },
      });
      byId(m.roles, 'bvk').title = 'Barnevernskonsulent';
    });
    const diff = diffModels(grorud, after);
    expect(diff.changes.map((c) => `${c.kind} ${c.collection} ${c.id}`)).toEqual([
      'changed roles bvk',
      'added structures T7.1',
      `removed structures ${first.id}`,
    ]);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    const en = formatModelDiff(diff, 'en');
    const nn = formatModelDiff(diff, 'nn');
    expect(en).toHaveLength(3);
    expect(nn).toHaveLength(3);
    expect(en[1]).toContain('T7.1');
    expect(en[1]).not.toEqual(formatModelDiff(diff, 'nb')[1]);
  });
});
