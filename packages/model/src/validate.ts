/**
 * Validating a model: the schema version (newer files are refused, older ones migrated), the
 * shape (zod, with plain messages), references and consistency, and the lint. Never throws;
 * the model is returned only when there are no errors.
 */
import { isValidIsoDate, type Lang } from '@arshjul/school-calendar';
import type { Issue, ValidateOptions, ValidationResult } from './issues.js';
import { makeIssue, describeValue, type MessageCode } from './messages.js';
import { MIGRATIONS, migrateModel } from './migrations.js';
import { isPlainObject } from './paths.js';
import { checkReferences } from './references.js';
import { lintModel } from './lint.js';
import { schemaIssues, type RawIssue } from './schema-issues.js';
import { MODEL_SCHEMA_VERSION, modelSchema } from './schema.js';
import { summarizeModel, summarizeValue } from './summary.js';

export const DEFAULT_MAX_ISSUES = 200;

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

/**
 * Validates a parsed model file (any JSON value). `options.asOf` is the day that decides which
 * schools take part (the lint and the summary); the caller gives it (the CLI: today), so the
 * result depends on nothing but the arguments.
 */
export function validateModel(value: unknown, given: ValidateOptions): ValidationResult {
  // A JavaScript caller may leave the options out: reported as an issue, never thrown.
  const options = (isPlainObject(given) ? given : {}) as ValidateOptions;
  const lang: Lang = LANGS.includes(options.lang as Lang) ? (options.lang as Lang) : 'nb';
  try {
    return finish(run(value, options, lang), options, lang);
  } catch (e) {
    let summary: ValidationResult['summary'] = null;
    try {
      if (isValidIsoDate(options.asOf)) summary = summarizeValue(value, options.asOf);
    } catch {
      summary = null;
    }
    return finish(
      {
        valid: false,
        errors: [internalIssue(e, lang)],
        warnings: [],
        summary,
      },
      options,
      lang,
    );
  }
}

/** The issue for a failure of the checker itself (a bug, not a fault in the file). */
export function internalIssue(e: unknown, lang: Lang): Issue {
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return makeIssue('error', '', 'internal', { detail: detail.slice(0, 300) }, lang);
}

function run(input: unknown, options: ValidateOptions, lang: Lang): ValidationResult {
  const fail = (
    path: string,
    code: MessageCode,
    params: Record<string, string | number | undefined>,
  ): ValidationResult => ({
    valid: false,
    errors: [makeIssue('error', path, code, params, lang)],
    warnings: [],
    summary: null,
  });
  if (typeof options.asOf !== 'string' || !isValidIsoDate(options.asOf)) {
    throw new Error(
      options.asOf === undefined
        ? 'the asOf option (the day that decides which schools take part, YYYY-MM-DD) is required'
        : `the asOf option «${String(options.asOf).slice(0, 20)}» is not a date (YYYY-MM-DD)`,
    );
  }
  const asOf = options.asOf;

  // (a) the root and the schema version
  if (!isPlainObject(input)) {
    return fail('', 'model.not-an-object', { received: describeValue(input, lang) });
  }
  const version = input.schemaVersion;
  if (version === undefined) {
    return {
      ...fail('schemaVersion', 'schema-version.missing', { supported: MODEL_SCHEMA_VERSION }),
      summary: summarizeValue(input, asOf),
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ...fail('schemaVersion', 'schema-version.invalid', {
        received: describeValue(version, lang),
      }),
      summary: summarizeValue(input, asOf),
    };
  }
  if (version > MODEL_SCHEMA_VERSION) {
    return fail('schemaVersion', 'schema-version.newer', {
      version,
      supported: MODEL_SCHEMA_VERSION,
    });
  }

  // (b) migrations
  let value: unknown = input;
  let migratedFrom: number | undefined;
  if (version < MODEL_SCHEMA_VERSION) {
    const migrated = migrateModel(input, options.migrations ?? MIGRATIONS, MODEL_SCHEMA_VERSION);
    if (!migrated.ok) {
      return fail('schemaVersion', migrated.code, {
        version: migrated.version,
        from: migrated.from,
        to: migrated.to,
        describe: migrated.describe,
        detail: migrated.detail,
      });
    }
    value = migrated.value;
    migratedFrom = migrated.from;
  }
  const withMigration = (r: ValidationResult): ValidationResult =>
    migratedFrom === undefined ? r : { ...r, migratedFrom };

  // (c) the shape
  const parsed = modelSchema.safeParse(value);
  if (!parsed.success) {
    return withMigration({
      valid: false,
      errors: schemaIssues(parsed.error.issues as unknown as RawIssue[], value, lang),
      warnings: [],
      summary: summarizeValue(value, asOf),
    });
  }
  const model = parsed.data;

  // (d) references and consistency, (e) lint
  const errors = checkReferences(model, lang);
  const warnings = options.lint === false ? [] : lintModel(model, { lang, asOf, input: value });
  return withMigration({
    valid: errors.length === 0,
    model,
    errors,
    warnings,
    summary: summarizeModel(model, asOf),
  });
}

/** Caps the issues, keeps `model` only when valid, and passes `source` through. */
function finish(result: ValidationResult, options: ValidateOptions, lang: Lang): ValidationResult {
  const asked = options.maxIssues;
  const max = Number.isFinite(asked) ? Math.max(1, Math.floor(asked!)) : DEFAULT_MAX_ISSUES;
  const cap = (issues: Issue[], severity: 'error' | 'warning'): Issue[] =>
    issues.length <= max
      ? issues
      : [
          ...issues.slice(0, max),
          makeIssue(
            severity,
            '',
            'too-many-issues',
            { count: issues.length - max, severity },
            lang,
          ),
        ];
  const errors = cap(result.errors, 'error');
  const warnings = cap(result.warnings, 'warning');
  const valid = errors.length === 0;
  const out: ValidationResult = { valid, errors, warnings, summary: result.summary };
  if (valid && result.model) out.model = result.model;
  if (result.migratedFrom !== undefined) out.migratedFrom = result.migratedFrom;
  if (options.source !== undefined) out.source = options.source;
  return out;
}
