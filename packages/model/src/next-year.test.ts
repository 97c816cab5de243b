import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isArshjulError } from '@arshjul/school-calendar';
import { modelSchema, structureSchema, type Model } from './schema.js';
import { nextSchoolYearName, nextYearModel, reviseModel } from './next-year.js';

const GRORUD_FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);
const grorud: Model = modelSchema.parse({
  ...JSON.parse(readFileSync(GRORUD_FILE, 'utf8')),
  schoolYear: '2025-26',
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A copy of the Grorud model, edited, then frozen. */
function frozenVariant(edit: (m: Model) => void = () => {}): Model {
  const copy = structuredClone(grorud);
  edit(copy);
  return deepFreeze(copy);
}

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

const discontinue = (m: Model, id: string, from: string) => {
  m.structures.find((s) => s.id === id)!.status.push({ status: 'discontinued', from });
};

describe('nextYearModel', () => {
  it('advances the school year and records it, without touching the input', () => {
    const input = frozenVariant();
    const before = JSON.stringify(input);
    const { model, changes, notices } = nextYearModel(input, { date: '2026-06-20' });
    expect(JSON.stringify(input)).toBe(before);
    expect(model.schoolYear).toBe('2026-27');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ collection: 'model', kind: 'changed' });
    expect(changes[0]!.fields).toEqual([
      { path: 'schoolYear', before: '2025-26', after: '2026-27' },
    ]);
    expect(notices).toEqual([]);
    expect(model.changeLog).toHaveLength(grorud.changeLog.length + 1);
    const entry = model.changeLog.at(-1)!;
    expect(entry).toMatchObject({
      date: '2026-06-20',
      schoolYear: '2026-27',
      summary: 'Skoleåret 2026-27 laget fra 2025-26',
    });
    expect(entry.changes).toHaveLength(1);
    expect(entry.changes[0]).toContain('2026-27');
  });

  it('keeps structures, schools (also those that left long ago) and revision records', () => {
    const input = frozenVariant((m) => {
      m.revisionRecords.push({
        rule: m.revisions[0]!.id,
        date: '2026-04-20',
        summary: 'Revidert på SaLTo-møtet',
        by: ['nsk'],
      });
    });
    const { model } = nextYearModel(input, { date: '2026-06-20' });
    expect(model.structures).toEqual(input.structures);
    expect(model.structures).toHaveLength(37);
    expect(model.organisation.schools.map((s) => s.id)).toContain('bjorasen');
    expect(model.revisionRecords).toEqual(input.revisionRecords);
    expect(model.revisions).toEqual(input.revisions);
  });

  it('gives a model that reads back as the same model', () => {
    const { model } = nextYearModel(frozenVariant(), { date: '2026-06-20' });
    expect(modelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it('drops structures discontinued before the new year, keeps those discontinued later', () => {
    const input = frozenVariant((m) => {
      discontinue(m, 'T6.7', '2026-06-01');
      discontinue(m, 'T6.6', '2027-01-01');
    });
    const { model, changes } = nextYearModel(input, { date: '2026-06-20' });
    const ids = model.structures.map((s) => s.id);
    expect(ids).not.toContain('T6.7');
    expect(ids).toContain('T6.6');
    expect(changes.map((c) => `${c.kind} ${c.collection} ${c.id}`)).toEqual([
      'changed model Grorudmodellen',
      'removed structures T6.7',
    ]);
    const lines = model.changeLog.at(-1)!.changes;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('T6.7');
  });

  it('removes references to a dropped structure, and its revision rule with the records', () => {
    const rule = grorud.revisions.find(
      (r) => r.subject.kind === 'structure' && r.subject.structure === 'T2.1',
    )!;
    const other = grorud.revisions.find((r) => r.id !== rule.id)!;
    const input = frozenVariant((m) => {
      discontinue(m, 'T2.1', '2026-05-01');
      m.revisionRecords.push(
        { rule: rule.id, date: '2026-03-01', summary: 'Revidert', by: ['nsk'] },
        { rule: other.id, date: '2026-04-20', summary: 'Revidert', by: ['nsk'] },
      );
    });
    const { model, changes } = nextYearModel(input, { date: '2026-06-20' });
    expect(model.revisions.map((r) => r.id)).not.toContain(rule.id);
    expect(model.revisionRecords.map((r) => r.rule)).toEqual([other.id]);
    expect(
      changes.filter((c) => c.kind === 'removed').map((c) => `${c.collection} ${c.id}`),
    ).toEqual(['structures T2.1', `revisions ${rule.id}`, `revisionRecords ${rule.id}@2026-03-01`]);
    // Every remaining reference to a structure points to one that exists.
    const ids = new Set(model.structures.map((s) => s.id));
    const refs = [
      ...model.documents.flatMap((d) => d.structures),
      ...model.routines.flatMap((r) => r.structures),
      ...model.onboarding.flatMap((p) => (p.structure ? [p.structure] : [])),
      ...model.revisions.flatMap((r) => [
        ...(r.subject.kind === 'structure' ? [r.subject.structure] : []),
        ...(r.forum?.structure ? [r.forum.structure] : []),
      ]),
    ];
    expect(refs.filter((id) => !ids.has(id))).toEqual([]);
    expect(model.structures.map((s) => s.id)).not.toContain('T2.1');
    expect(model.documents.flatMap((d) => d.structures)).not.toContain('T2.1');
    expect(model.routines.flatMap((r) => r.structures)).not.toContain('T2.1');
    expect(model.onboarding.map((p) => p.structure)).not.toContain('T2.1');
    for (const r of model.revisions) {
      expect(r.subject.kind === 'structure' && r.subject.structure === 'T2.1').toBe(false);
      expect(r.forum?.structure).not.toBe('T2.1');
    }
    // The onboarding plan itself is kept.
    expect(model.onboarding).toHaveLength(grorud.onboarding.length);
  });

  it('keeps a school that left during the year and reports it', () => {
    const input = frozenVariant((m) => {
      const school = m.organisation.schools.find((s) => s.id === 'tiurleiken')!;
      school.memberships.at(-1)!.to = '2026-06-30';
    });
    const { model, notices } = nextYearModel(input, { date: '2026-06-20' });
    expect(model.organisation.schools.map((s) => s.id)).toContain('tiurleiken');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Tiurleiken');
    expect(notices[0]).toContain('2026-06-30');
    expect(model.changeLog.at(-1)!.changes).toContain(notices[0]);
    const en = nextYearModel(input, { date: '2026-06-20', lang: 'en' });
    expect(en.notices[0]).toContain('no longer takes part');
    expect(en.model.changeLog.at(-1)!.summary).toBe('School year 2026-27 made from 2025-26');
  });

  it('takes the new school year and the summary from the options', () => {
    const { model } = nextYearModel(frozenVariant(), {
      schoolYear: '2027/28',
      date: '2026-06-20',
      summary: 'Ny versjon etter SaLTo-møtet',
    });
    expect(model.schoolYear).toBe('2027-28');
    expect(model.changeLog.at(-1)!.summary).toBe('Ny versjon etter SaLTo-møtet');
  });

  it('needs a school year when the model has none, and a later one than the model', () => {
    const none = frozenVariant((m) => delete m.schoolYear);
    const e1 = errorOf(() => nextYearModel(none, { date: '2026-06-20' }));
    expect(isArshjulError(e1) && e1.code).toBe('model.next-year.no-school-year');
    expect((e1 as Error).message).toContain('skoleår');
    expect(
      nextYearModel(none, { schoolYear: '2026-27', date: '2026-06-20' }).model.schoolYear,
    ).toBe('2026-27');
    const e2 = errorOf(() =>
      nextYearModel(frozenVariant(), { schoolYear: '2024-25', date: '2026-06-20' }),
    );
    expect(isArshjulError(e2) && e2.code).toBe('model.next-year.not-later');
    const e3 = errorOf(() => nextYearModel(frozenVariant(), { date: '2026-02-30' }));
    expect(isArshjulError(e3)).toBe(true);
  });

  it('names the next school year', () => {
    expect(nextSchoolYearName('2025-26')).toBe('2026-27');
    expect(nextSchoolYearName('2099-00')).toBe('2100-01');
  });
});

describe('reviseModel: the yearly revision after the SaLTo meeting', () => {
  it('lists exactly what the NSK changed in next year’s model', () => {
    const rolled = deepFreeze(nextYearModel(frozenVariant(), { date: '2026-05-01' }).model);
    const edited = structuredClone(rolled);
    edited.structures.find((s) => s.id === 'T6.4')!.cadence = {
      text: 'Hver 2. uke',
      rule: { kind: 'interval', every: 2, unit: 'week' },
    };
    edited.structures.push(
      structureSchema.parse({
        id: 'T7.1',
        name: 'Felles årshjul for skolene i området',
        level: 'operativt',
        focus: 'samhandling',
        cadence: 'En gang i året',
        responsible: ['nsk'],
        scope: { kind: 'all-schools' },
      }),
    );
    discontinue(edited, 'T6.6', '2026-08-01');
    deepFreeze(edited);

    const { model, changes } = reviseModel(rolled, edited, {
      date: '2026-06-15',
      summary: 'Revidert etter SaLTo-møtet våren 2026',
    });
    expect(changes.map((c) => `${c.kind} ${c.collection} ${c.id}`)).toEqual([
      'changed structures T6.4',
      'changed structures T6.6',
      'added structures T7.1',
    ]);
    expect(changes[0]!.fields.map((f) => f.path)).toEqual(['cadence']);
    expect(changes[1]!.fields.map((f) => f.path)).toEqual([
      `status[${grorud.structures.find((s) => s.id === 'T6.6')!.status.length}]`,
    ]);

    expect(model.changeLog.slice(0, -1)).toEqual(rolled.changeLog);
    const entry = model.changeLog.at(-1)!;
    expect(entry.date).toBe('2026-06-15');
    expect(entry.schoolYear).toBe('2026-27');
    expect(entry.summary).toBe('Revidert etter SaLTo-møtet våren 2026');
    expect(entry.changes).toHaveLength(3);
    expect(entry.changes[0]).toContain('T6.4');
    expect(entry.changes[1]).toContain('T6.6');
    expect(entry.changes[2]).toContain('T7.1');
    // Everything else is the edited model.
    expect({ ...model, changeLog: [] }).toEqual({ ...edited, changeLog: [] });
  });

  it('rejects a bad date', () => {
    const e = errorOf(() =>
      reviseModel(grorud, grorud, { date: '15.06.2026', summary: 'Revidert' }),
    );
    expect(isArshjulError(e)).toBe(true);
  });
});
