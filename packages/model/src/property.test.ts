/**
 * Property tests: the Grorud model (and the small fixture) mutated thousands of times — fields
 * deleted, values replaced with values of other types, array elements duplicated or removed,
 * ids renamed, references pointed elsewhere, dates swapped — and validation must hold up:
 * never throw, never fail internally, give every issue a path into the model, and return the
 * model exactly when there are no errors.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateModel } from './validate.js';
import { loadModelText } from './load.js';
import { modelSchema } from './schema.js';
import type { ValidationResult } from './issues.js';
import { grorud, mini, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';
const TOP_LEVEL = new Set(Object.keys(modelSchema.shape));
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

type Seg = string | number;
interface Node {
  /** The container holding the value, and the value's key in it. */
  parent: Json;
  key: Seg;
  value: unknown;
}

/** Every node of a JSON value with its container and key (the root excluded). */
function nodes(value: unknown): Node[] {
  const out: Node[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        out.push({ parent: v, key: i, value: v[i] });
        walk(v[i]);
      }
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k, value: v[k] });
        walk(v[k]);
      }
    }
  };
  walk(value);
  return out;
}

function setAt(node: Node, value: unknown) {
  node.parent[node.key] = value;
}

const OPS = [
  'delete',
  'replace',
  'duplicate',
  'remove',
  'rename-id',
  'point-elsewhere',
  'swap-dates',
] as const;
type Op = (typeof OPS)[number];

interface Mutation {
  op: Op;
  pick: number;
  pick2: number;
  value: unknown;
}

const tricky = fc.constantFrom<unknown>(
  '2025-02-29',
  '2025-2-1',
  '2026-13-01',
  'hver fjerd uke',
  'Jevnlig',
  'Ved behov',
  'FREQ=BOGUS',
  '',
  ' ',
  'x'.repeat(300),
  'ha ha',
  'T1.1',
  'nsk',
  'omrade-grorud',
  ['kontakt', 'example.invalid'].join('@'),
  ['+47', '400', '00', '000'].join(' '),
  0,
  -1,
  1.5,
  1e21,
  2,
  true,
  null,
  [],
  {},
  { kind: 'bogus' },
  { text: 'x', rule: { kind: 'rrule', rrule: 'FREQ=BOGUS' } },
  { text: 'x', rule: { kind: 'qualitative', word: 'jevnlig' } },
);

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  pick: fc.nat(),
  pick2: fc.nat(),
  value: fc.oneof(
    { weight: 3, arbitrary: tricky },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  ),
});

function mutate(model: Json, m: Mutation): void {
  const all = nodes(model);
  if (all.length === 0) return;
  const node = all[m.pick % all.length]!;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
      else delete node.parent[node.key];
      return;
    case 'replace':
      setAt(node, m.value);
      return;
    case 'duplicate':
    case 'remove': {
      const arrays = all.filter((n) => Array.isArray(n.value) && (n.value as unknown[]).length > 0);
      if (!arrays.length) return;
      const list = arrays[m.pick % arrays.length]!.value as unknown[];
      const i = m.pick2 % list.length;
      if (m.op === 'duplicate') list.splice(i, 0, structuredClone(list[i]));
      else list.splice(i, 1);
      return;
    }
    case 'rename-id':
    case 'point-elsewhere': {
      const ids = all.filter((n) => n.key === 'id' && typeof n.value === 'string');
      const strings = all.filter((n) => typeof n.value === 'string');
      if (!ids.length || !strings.length) return;
      const other = ids[m.pick2 % ids.length]!.value as string;
      const target =
        m.op === 'rename-id' ? ids[m.pick % ids.length]! : strings[m.pick % strings.length]!;
      const value =
        m.pick2 % 3 === 0 ? other : m.pick2 % 3 === 1 ? `${other}x` : (other as string).slice(1);
      setAt(target, value);
      return;
    }
    case 'swap-dates': {
      const dates = all.filter((n) => typeof n.value === 'string' && DATE_RE.test(n.value));
      if (dates.length < 1) return;
      const a = dates[m.pick % dates.length]!;
      const b = dates[m.pick2 % dates.length]!;
      setAt(a, b.value);
      setAt(b, a.value);
      if (a === b) setAt(a, '2019-01-01');
      return;
    }
  }
}

/** The invariants every result must satisfy. */
function checkResult(r: ValidationResult) {
  expect(typeof r.valid).toBe('boolean');
  expect(r.valid).toBe(r.errors.length === 0);
  expect(r.model !== undefined).toBe(r.valid);
  for (const issue of [...r.errors, ...r.warnings]) {
    expect(issue.code).not.toBe('internal');
    expect(typeof issue.path).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    if (issue.path !== '') {
      const head = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(issue.path)?.[0];
      expect(TOP_LEVEL.has(head ?? ''), issue.path).toBe(true);
    }
  }
  r.errors.forEach((e) => expect(e.severity).toBe('error'));
  r.warnings.forEach((w) => expect(w.severity).toBe('warning'));
}

function property(base: () => Json, numRuns: number, seed: number) {
  fc.assert(
    fc.property(
      fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
      fc.constantFrom('nb', 'en', 'nn'),
      (muts, lang) => {
        const model = base();
        for (const m of muts) mutate(model, m);
        let r: ValidationResult | undefined;
        expect(() => (r = validateModel(model, { lang: lang as 'nb', asOf: AS_OF }))).not.toThrow();
        checkResult(r!);
        if (r!.valid) {
          // what was read validates again as it is
          const again = validateModel(JSON.parse(JSON.stringify(r!.model)), { asOf: AS_OF });
          expect(again.errors).toEqual([]);
        }
      },
    ),
    { numRuns, seed },
  );
}

describe('validateModel under random mutations', () => {
  it('holds for the Grorud model', { timeout: 60_000 }, () => {
    property(grorud, 500, 20251001);
  });

  it('holds for the small fixture', { timeout: 60_000 }, () => {
    property(mini, 1500, 424242);
  });

  it('holds for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        checkResult(validateModel(value, { asOf: AS_OF }));
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          checkResult(validateModel({ ...value, schemaVersion: 1 }, { asOf: AS_OF }));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('loadModelText holds for cut-off and garbled files', () => {
    const text = JSON.stringify(mini(), null, 2);
    fc.assert(
      fc.property(
        fc.nat({ max: text.length }),
        fc.nat({ max: text.length }),
        fc.string({ maxLength: 3 }),
        (cut, at, junk) => {
          const garbled = text.slice(0, at) + junk + text.slice(at, Math.max(at, cut));
          const r = loadModelText(garbled, { asOf: AS_OF });
          checkResult(r);
          for (const e of r.errors) {
            if (e.code === 'json.syntax') {
              expect(e.params?.line).toBeGreaterThanOrEqual(1);
              expect(e.params?.column).toBeGreaterThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300, seed: 99 },
    );
  });
});
