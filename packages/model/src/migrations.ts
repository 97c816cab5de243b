/**
 * Migrations: how a model file written with an older schema version is turned into the current
 * one when it is read. Each step goes from one version to the next and works on plain JSON
 * (the file as parsed), before the schema checks it.
 *
 * Version 1 is the first version of the format, so there are no migrations yet. When the
 * format changes, bump `MODEL_SCHEMA_VERSION` in schema.ts and add a step here, e.g.
 *
 * ```ts
 * { from: 1, to: 2, describe: 'structures[].oppfolging heter nå cadence', up: (v) => … }
 * ```
 */
import { MODEL_SCHEMA_VERSION } from './schema.js';
import { isPlainObject } from './paths.js';

export interface Migration {
  from: number;
  to: number;
  /** What the step changes, in words (shown when it fails). */
  describe: string;
  /** Turns a file of version `from` into one of version `to`; may throw on input it cannot read. */
  up(value: unknown): unknown;
}

/** The steps from each older schema version to the next, in order. Empty: version 1 is the first. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | {
      ok: true;
      /** The migrated file, with `schemaVersion` set to the target version. */
      value: unknown;
      from: number;
      to: number;
      /** The steps applied, in order (their `describe`). */
      applied: string[];
    }
  | {
      ok: false;
      code: 'migration.missing-step' | 'migration.failed';
      /** The version the file has. */
      version: number;
      /** The step that is missing or failed. */
      from: number;
      to: number;
      describe?: string;
      detail?: string;
    };

/**
 * Applies the migrations step by step, from the file's `schemaVersion` up to `target`
 * (`MODEL_SCHEMA_VERSION`). The input is not changed: the steps work on a copy. A file already
 * at the target version comes back as it is. Never throws.
 */
export function migrateModel(
  value: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = MODEL_SCHEMA_VERSION,
): MigrationResult {
  const version = isPlainObject(value) ? value.schemaVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ok: false,
      code: 'migration.failed',
      version: NaN,
      from: NaN,
      to: target,
      detail: 'schemaVersion',
    };
  }
  if (version >= target) return { ok: true, value, from: version, to: version, applied: [] };

  let current: unknown;
  try {
    current = structuredClone(value);
  } catch (e) {
    return {
      ok: false,
      code: 'migration.failed',
      version,
      from: version,
      to: target,
      detail: errorText(e),
    };
  }
  const applied: string[] = [];
  let at = version;
  while (at < target) {
    const step = migrations.find((m) => m.from === at);
    if (!step || step.to <= at) {
      return { ok: false, code: 'migration.missing-step', version, from: at, to: at + 1 };
    }
    try {
      current = step.up(current);
    } catch (e) {
      return {
        ok: false,
        code: 'migration.failed',
        version,
        from: step.from,
        to: step.to,
        describe: step.describe,
        detail: errorText(e),
      };
    }
    if (!isPlainObject(current)) {
      return {
        ok: false,
        code: 'migration.failed',
        version,
        from: step.from,
        to: step.to,
        describe: step.describe,
        detail: 'the step did not return an object',
      };
    }
    current.schemaVersion = step.to;
    applied.push(step.describe);
    at = step.to;
  }
  return { ok: true, value: current, from: version, to: at, applied };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
