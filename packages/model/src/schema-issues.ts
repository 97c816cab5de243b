/**
 * From zod's issues to plain messages: «skal være tekst, men er et tall», «mangler», «ukjent felt
 * «kommnue» — mente du «kommune»?», «2025-02-29 finnes ikke (februar 2025 har 28 dager)»,
 * ««hver fjerd uke» er ikke forstått — mente du «hver fjerde uke»?». For a union the most
 * helpful branch is chosen: the one that matched the value's type.
 */
import { CADENCE_ISSUE, parseCadence, validateRRule } from '@arshjul/recurrence';
import { isValidIsoDate, type Lang } from '@arshjul/school-calendar';
import type { z } from 'zod';
import type { Issue } from './issues.js';
import {
  describeValue,
  makeIssue,
  nonexistentDateReason,
  orList,
  quotedOrList,
  short,
  typeWord,
} from './messages.js';
import { formatPath, isPlainObject, knownKeysAt, valueAt } from './paths.js';
import { nearest } from './suggest.js';
import { modelSchema } from './schema.js';

/** The fields of a zod 4 issue this module reads (all optional but code and path). */
export interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  pattern?: string;
  errors?: RawIssue[][];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  params?: Record<string, unknown>;
}

const CADENCE_HINT: Record<Lang, string> = {
  nb: 'skriv hvor ofte, for eksempel «Hver fjerde uke», «To ganger i året» eller «Ved behov»',
  nn: 'skriv kor ofte, til dømes «Kvar fjerde veke», «To gonger i året» eller «Ved behov»',
  en: 'say how often, e.g. «Hver fjerde uke», «To ganger i året» or «Ved behov»',
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Maps zod's issues for a value (the file as parsed) to issues with paths and messages. `schema`
 * is the one the value was checked against (the model's by default; the transfer mapping uses it
 * too), for suggesting the nearest known field.
 */
export function schemaIssues(
  issues: readonly RawIssue[],
  input: unknown,
  lang: Lang,
  schema: z.ZodType = modelSchema,
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) out.push(...mapIssue(issue, [], input, lang, schema));
  return out;
}

function mapIssue(
  iss: RawIssue,
  prefix: PropertyKey[],
  input: unknown,
  lang: Lang,
  schema: z.ZodType,
): Issue[] {
  const path = [...prefix, ...(iss.path ?? [])];
  const where = formatPath(path);
  const at = valueAt(input, path);
  const missing = !at.found || at.value === undefined;
  const err = (
    code: Parameters<typeof makeIssue>[2],
    params: Record<string, string | number | undefined>,
  ) => makeIssue('error', where, code, params, lang);
  /** A value outside a fixed set (an enum, a literal, a union's tag), with the nearest allowed. */
  const notAllowed = (values: readonly unknown[]): Issue => {
    const allowed = values.length === 1 ? `«${String(values[0])}»` : quotedOrList(values, lang);
    if (missing) return err('schema.missing', { expected: allowed });
    const v = at.value;
    const shown = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    const names = values.filter((x): x is string => typeof x === 'string');
    return err('schema.invalid-value', {
      value: shown ? short(String(v), 40) : undefined,
      allowed,
      suggestion: typeof v === 'string' ? nearest(v, names) : undefined,
    });
  };

  switch (iss.code) {
    case 'invalid_type': {
      const expected = typeWord(iss.expected ?? 'unknown', lang);
      if (missing) return [err('schema.missing', { expected })];
      if (iss.expected === 'int' && typeof at.value === 'number') {
        return [err('schema.not-integer', { value: String(at.value) })];
      }
      return [err('schema.invalid-type', { expected, received: describeValue(at.value, lang) })];
    }

    case 'unrecognized_keys': {
      const known = knownKeysAt(schema, path, input);
      return (iss.keys ?? []).map((key) =>
        err('schema.unknown-key', { key: short(key, 40), suggestion: nearest(key, known) }),
      );
    }

    case 'invalid_value':
      return [notAllowed(iss.values ?? [])];

    case 'too_small': {
      const min = Number(iss.minimum ?? 0);
      if (iss.origin === 'string') {
        return [
          min <= 1 ? err('schema.empty-text', {}) : err('schema.invalid', { detail: iss.message }),
        ];
      }
      if (iss.origin === 'array' || iss.origin === 'set') {
        const count = Array.isArray(at.value) ? at.value.length : 0;
        return [err('schema.too-few', { min, count })];
      }
      return [err('schema.too-small', { min, value: String(at.value) })];
    }

    case 'too_big': {
      const max = Number(iss.maximum ?? 0);
      if (iss.origin === 'string') return [err('schema.too-long', { max })];
      if (iss.origin === 'array' || iss.origin === 'set') {
        const count = Array.isArray(at.value) ? at.value.length : 0;
        return [err('schema.too-many', { max, count })];
      }
      return [err('schema.too-big', { max, value: String(at.value) })];
    }

    case 'invalid_format': {
      const value = typeof at.value === 'string' ? short(at.value, 40) : String(at.value);
      const pattern = String(iss.pattern ?? '');
      if (iss.format === 'regex' || iss.format === undefined) {
        if (pattern.includes('\\d{4}-\\d{2}-\\d{2}'))
          return [err('schema.invalid-date', { value })];
        if (pattern.includes('A-Za-z0-9ÆØÅæøå')) return [err('schema.invalid-id', { value })];
        if (pattern.includes('\\d{4}-\\d{2}$'))
          return [err('schema.invalid-school-year', { value })];
        if (pattern.includes('\\d{2}:\\d{2}')) return [err('schema.invalid-time', { value })];
      }
      return [err('schema.invalid-format', { value })];
    }

    case 'custom': {
      if (iss.params?.code === CADENCE_ISSUE) return [cadenceIssue(iss, at.value, where, lang)];
      const v = at.value;
      if (typeof v === 'string' && DATE_RE.test(v) && !isValidIsoDate(v)) {
        return [
          err('schema.nonexistent-date', { value: v, reason: nonexistentDateReason(v, lang) }),
        ];
      }
      return [err('schema.invalid', { detail: short(iss.message, 200) })];
    }

    case 'invalid_union': {
      if (iss.discriminator !== undefined || iss.note === 'No matching discriminator') {
        return [notAllowed(iss.options ?? [])];
      }
      return unionIssues(iss, path, input, lang, where, missing, at.value, schema);
    }

    default:
      return [err('schema.invalid', { detail: short(iss.message, 200) })];
  }
}

/** A branch that failed only because the value has another type than the branch wants. */
function isTypeMismatch(branch: readonly RawIssue[]): boolean {
  return (
    branch.length === 1 &&
    branch[0]!.code === 'invalid_type' &&
    (branch[0]!.path ?? []).length === 0
  );
}

function unionIssues(
  iss: RawIssue,
  path: PropertyKey[],
  input: unknown,
  lang: Lang,
  where: string,
  missing: boolean,
  value: unknown,
  schema: z.ZodType,
): Issue[] {
  const branches = iss.errors ?? [];
  const fitting = branches.filter((b) => b.length > 0 && !isTypeMismatch(b));
  if (fitting.length > 0) {
    const best = [...fitting].sort((a, b) => a.length - b.length)[0]!;
    return best.flatMap((i) => mapIssue(i, path, input, lang, schema));
  }
  const expected = [
    ...new Set(
      branches.flatMap((b) =>
        b.filter((i) => i.code === 'invalid_type').map((i) => typeWord(i.expected ?? '', lang)),
      ),
    ),
  ];
  const words = expected.length ? orList(expected, lang) : typeWord('unknown', lang);
  if (missing) return [makeIssue('error', where, 'schema.missing', { expected: words }, lang)];
  return [
    makeIssue(
      'error',
      where,
      'schema.invalid-type',
      { expected: words, received: describeValue(value, lang) },
      lang,
    ),
  ];
}

/** Matches the case of the first letter of a suggestion to what the user wrote. */
function matchCase(suggestion: string, text: string): string {
  const first = text.trim()[0];
  if (first && first === first.toLowerCase() && first !== first.toUpperCase()) {
    return suggestion[0]!.toLowerCase() + suggestion.slice(1);
  }
  return suggestion;
}

function cadenceIssue(iss: RawIssue, value: unknown, where: string, lang: Lang): Issue {
  const text = typeof iss.params?.text === 'string' ? iss.params.text : '';
  if (isPlainObject(value) && isPlainObject(value.rule) && value.rule.kind === 'rrule') {
    let detail = iss.message;
    try {
      validateRRule(text);
    } catch (e) {
      detail = e instanceof Error ? e.message : String(e);
    }
    return makeIssue('error', where, 'cadence.bad-rrule', { text: short(text, 80), detail }, lang);
  }
  const parsed = parseCadence(text, { lang });
  if (parsed.ok) {
    return makeIssue('error', where, 'schema.invalid', { detail: short(iss.message, 200) }, lang);
  }
  const suggestion = parsed.suggestion ? matchCase(parsed.suggestion, text) : undefined;
  const reason = parsed.code === 'unknown' ? CADENCE_HINT[lang] : parsed.reason;
  return makeIssue(
    'error',
    where,
    'cadence.not-understood',
    { text: short(text, 80), suggestion, reason: suggestion ? undefined : reason },
    lang,
  );
}
