import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateModel, type Migration } from './migrations.js';
import { validateModel } from './validate.js';
import { formatIssue } from './messages.js';
import { MODEL_SCHEMA_VERSION } from './schema.js';
import { isPlainObject } from './paths.js';
import { mini, miniV0 } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

/**
 * An invented step for the tests: in «version 0» a structure's rhythm was the string field
 * `oppfolging` (the column name in the implementation plan); version 1 calls it `cadence`.
 */
const V0_TO_V1: Migration = {
  from: 0,
  to: 1,
  describe: 'structures[].oppfolging heter nå cadence',
  up(value) {
    if (!isPlainObject(value)) throw new Error('not an object');
    const structures = Array.isArray(value.structures) ? value.structures : [];
    for (const s of structures) {
      if (isPlainObject(s) && 'oppfolging' in s) {
        s.cadence = s.oppfolging;
        delete s.oppfolging;
      }
    }
    return value;
  },
};

describe('MIGRATIONS', () => {
  it('is empty: version 1 is the first version of the format', () => {
    expect(MODEL_SCHEMA_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });
});

describe('migrateModel', () => {
  it('applies the steps in order and sets the version', () => {
    const v0 = miniV0();
    const before = JSON.stringify(v0);
    const r = migrateModel(v0, [V0_TO_V1]);
    expect(r).toMatchObject({ ok: true, from: 0, to: 1, applied: [V0_TO_V1.describe] });
    if (!r.ok) return;
    const value = r.value as { schemaVersion: number; structures: Record<string, unknown>[] };
    expect(value.schemaVersion).toBe(1);
    expect(value.structures[3]).toMatchObject({ id: 'T4.1', cadence: 'Hver fjerde uke' });
    expect(value.structures[3]).not.toHaveProperty('oppfolging');
    // the input is left as it was
    expect(JSON.stringify(v0)).toBe(before);
  });

  it('chains several steps, whatever order they are listed in', () => {
    const steps: Migration[] = [
      { from: 1, to: 2, describe: 'b', up: (v) => ({ ...(v as object), b: true }) },
      { from: 0, to: 1, describe: 'a', up: (v) => ({ ...(v as object), a: true }) },
    ];
    const r = migrateModel({ schemaVersion: 0 }, steps, 2);
    expect(r).toEqual({
      ok: true,
      value: { schemaVersion: 2, a: true, b: true },
      from: 0,
      to: 2,
      applied: ['a', 'b'],
    });
  });

  it('leaves a current file as it is', () => {
    const m = mini();
    const r = migrateModel(m);
    expect(r).toEqual({ ok: true, value: m, from: 1, to: 1, applied: [] });
  });

  it('says which step is missing', () => {
    expect(migrateModel({ schemaVersion: -1 }, [V0_TO_V1])).toEqual({
      ok: false,
      code: 'migration.missing-step',
      version: -1,
      from: -1,
      to: 0,
    });
  });

  it('reports a step that fails, and never throws', () => {
    const broken: Migration = {
      from: 0,
      to: 1,
      describe: 'noe',
      up: () => {
        throw new Error('uventet form');
      },
    };
    expect(migrateModel({ schemaVersion: 0 }, [broken])).toMatchObject({
      ok: false,
      code: 'migration.failed',
      from: 0,
      to: 1,
      describe: 'noe',
      detail: 'uventet form',
    });
    const notObject: Migration = { from: 0, to: 1, describe: 'x', up: () => 42 };
    expect(migrateModel({ schemaVersion: 0 }, [notObject])).toMatchObject({
      ok: false,
      code: 'migration.failed',
    });
  });
});

describe('validateModel with migrations', () => {
  it('reads a version-0 file with the injected step', () => {
    const r = validateModel(miniV0(), { migrations: [V0_TO_V1], asOf: AS_OF });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.migratedFrom).toBe(0);
    expect(r.model?.schemaVersion).toBe(1);
    expect(r.model?.structures[3]?.cadence).toEqual({
      text: 'Hver fjerde uke',
      rule: { kind: 'interval', every: 4, unit: 'week' },
    });
    expect(r.summary?.structures.total).toBe(6);
  });

  it('refuses a version-0 file without the step, saying why', () => {
    const r = validateModel(miniV0(), { asOf: AS_OF });
    expect(r.valid).toBe(false);
    expect(r.model).toBeUndefined();
    expect(r.errors.map((e) => formatIssue(e))).toEqual([
      'schemaVersion: Fila har skjemaversjon 0, men denne versjonen av Årshjulet vet ikke hvordan versjon 0 gjøres om til versjon 1, og kan ikke lese fila.',
    ]);
    expect(validateModel(miniV0(), { asOf: AS_OF, lang: 'en' }).errors[0]!.message).toBe(
      'The file has schema version 0, but this version of Årshjulet does not know how to turn version 0 into version 1, and cannot read the file.',
    );
  });

  it('reports a failing step as an error', () => {
    const r = validateModel(miniV0(), {
      asOf: AS_OF,
      migrations: [
        {
          ...V0_TO_V1,
          up: () => {
            throw new Error('uventet form');
          },
        },
      ],
    });
    expect(r.errors.map((e) => formatIssue(e))).toEqual([
      'schemaVersion: Fila kunne ikke gjøres om fra skjemaversjon 0 til 1 (structures[].oppfolging heter nå cadence): uventet form',
    ]);
  });

  it('reports what is still wrong after migrating, with the version it came from', () => {
    const v0 = miniV0();
    v0.structures[2].oppfolging = 'hver fjerd uke';
    const r = validateModel(v0, { migrations: [V0_TO_V1], asOf: AS_OF });
    expect(r.migratedFrom).toBe(0);
    expect(r.errors.map((e) => formatIssue(e))).toEqual([
      'structures[2].cadence: «hver fjerd uke» er ikke forstått — mente du «hver fjerde uke»?',
    ]);
  });
});
