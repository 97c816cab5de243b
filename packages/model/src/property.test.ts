/**
 * Property tests: the Grorud model (and the small fixture) mutated thousands of times — fields
 * deleted, values replaced with values of other types, array elements duplicated or removed,
 * ids renamed, references pointed elsewhere, dates swapped — and validation must hold up:
 * never throw, never fail internally, name for every issue a path into the mutated file, and
 * return the model exactly when there are no errors. What validates must also be usable: it
 * reads back the same, `diffModels` compares it with the original both ways, and
 * `nextYearModel` makes next year's model from it.
 *
 * Speed: a mutated model is not a fresh copy of the file. The fixture is parsed and frozen once,
 * with every node listed once; a run copies only the containers on the path to what it changes
 * and shares the rest (copy on write), and carries several mutations into each validation. The
 * freezing also proves that validation never writes into its input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ArshjulError } from '@arshjul/school-calendar';
import { validateModel } from './validate.js';
import { loadModelText } from './load.js';
import { modelSchema, type Model } from './schema.js';
import { diffModels } from './diff.js';
import { nextYearModel } from './next-year.js';
import { isPlainObject, valueAt } from './paths.js';
import { short } from './messages.js';
import type { Issue, ValidationResult } from './issues.js';
import { grorud, mini, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';
const TOP_LEVEL = new Set(Object.keys(modelSchema.shape));
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const NEXT_YEAR = { date: '2026-06-20', schoolYear: '2026-27' } as const;

/**
 * The only issues whose path may be `` (the root): those about the file as a whole, and an
 * unknown field of the root object (reported, like every unknown field, at the object holding
 * it, with the field in `params.key`).
 */
const ROOT_ERRORS = new Set([
  'file.too-large',
  'file.empty',
  'json.syntax',
  'model.not-an-object',
  'too-many-issues',
  'schema.unknown-key',
]);
const ROOT_WARNINGS = new Set(['no-strategic-forum', 'no-revision-cycle', 'too-many-issues']);

type Seg = string | number;

/** `structures[12].cadence`, `a["b c"]` → segments. */
function parsePath(path: string): Seg[] | undefined {
  const segs: Seg[] = [];
  const re = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;
  let rest = path;
  while (rest) {
    const m = re.exec(rest);
    if (!m) return undefined;
    segs.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
    rest = rest.slice(m[0].length);
  }
  return segs;
}

// ---------------------------------------------------------------------------------------------
// A frozen base with its nodes listed once, and drafts that copy on write

interface Site {
  path: Seg[];
  value: unknown;
}

interface Base {
  root: Json;
  model: Model;
  all: Site[];
  arrays: Site[];
  /** The model's own lists (`structures`, `organisation.schools`, `glossary` …). */
  collections: Site[];
  ids: Site[];
  strings: Site[];
  dates: Site[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function makeBase(read: () => Json): Base {
  const root = deepFreeze(read());
  const all: Site[] = [];
  const walk = (v: unknown, path: Seg[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        all.push({ path: [...path, i], value: x });
        walk(x, [...path, i]);
      });
    } else if (isPlainObject(v)) {
      for (const k of Object.keys(v)) {
        all.push({ path: [...path, k], value: v[k] });
        walk(v[k], [...path, k]);
      }
    }
  };
  walk(root, []);
  return {
    root,
    model: modelSchema.parse(read()),
    all,
    arrays: all.filter((n) => Array.isArray(n.value) && n.value.length > 0),
    collections: all.filter(
      (n) => Array.isArray(n.value) && n.value.length > 0 && n.path.length <= 2,
    ),
    ids: all.filter((n) => n.path.at(-1) === 'id' && typeof n.value === 'string'),
    strings: all.filter((n) => typeof n.value === 'string'),
    dates: all.filter((n) => typeof n.value === 'string' && DATE_RE.test(n.value)),
  };
}

/** A mutable view of a frozen base: containers on a written path are copied once, the rest shared. */
class Draft {
  root: Json;
  private readonly owned = new Set<object>();
  /** Mutations that changed something. */
  applied = 0;

  constructor(base: Json) {
    this.root = base;
  }

  private own<T extends object>(v: T): T {
    if (this.owned.has(v)) return v;
    const copy = (Array.isArray(v) ? [...v] : { ...v }) as T;
    this.owned.add(copy);
    return copy;
  }

  /** The container at `path`, writable; undefined when the path no longer leads to one. */
  container(path: readonly Seg[]): Json | undefined {
    this.root = this.own(this.root);
    let cur: Json = this.root;
    for (const seg of path) {
      const at = valueAt(cur, [seg]);
      if (!at.found || at.value === null || typeof at.value !== 'object') return undefined;
      const next = this.own(at.value);
      cur[seg] = next;
      cur = next;
    }
    return cur;
  }

  get(path: readonly Seg[]): { found: boolean; value: unknown } {
    return valueAt(this.root, path);
  }

  /** Sets the value at an existing path. */
  set(path: readonly Seg[], value: unknown): boolean {
    if (!this.get(path).found) return false;
    this.container(path.slice(0, -1))[path.at(-1)!] = value;
    this.applied++;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations

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
  'NSK',
  ' Nsk ',
  'omrade-grorud',
  'justering-av-samarbeidet',
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

function mutate(draft: Draft, base: Base, m: Mutation): void {
  const site = base.all[m.pick % base.all.length]!;
  switch (m.op) {
    case 'delete': {
      if (!draft.get(site.path).found) return;
      const parent = draft.container(site.path.slice(0, -1))!;
      const key = site.path.at(-1)!;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      draft.applied++;
      return;
    }
    case 'replace':
      draft.set(site.path, m.value);
      return;
    case 'duplicate':
    case 'remove': {
      // one time in three an element of the model's own lists: a structure, a glossary entry …
      const pool = m.pick2 % 3 === 0 ? base.collections : base.arrays;
      const at = pool[m.pick % pool.length]!;
      const list = draft.get(at.path).value;
      if (!Array.isArray(list) || list.length === 0) return;
      const writable = draft.container(at.path) as unknown[];
      const i = m.pick2 % writable.length;
      if (m.op === 'duplicate') writable.splice(i, 0, structuredClone(writable[i]));
      else writable.splice(i, 1);
      draft.applied++;
      return;
    }
    case 'rename-id':
    case 'point-elsewhere': {
      const from = base.ids[m.pick2 % base.ids.length]!;
      const now = draft.get(from.path);
      const other = typeof now.value === 'string' ? now.value : (from.value as string);
      const target =
        m.op === 'rename-id'
          ? base.ids[m.pick % base.ids.length]!
          : base.strings[m.pick % base.strings.length]!;
      const value = m.pick2 % 3 === 0 ? other : m.pick2 % 3 === 1 ? `${other}x` : other.slice(1);
      draft.set(target.path, value);
      return;
    }
    case 'swap-dates': {
      const a = base.dates[m.pick % base.dates.length]!;
      const b = base.dates[m.pick2 % base.dates.length]!;
      const va = draft.get(a.path);
      const vb = draft.get(b.path);
      if (!va.found || !vb.found) return;
      draft.set(a.path, vb.value);
      draft.set(b.path, va.value);
      if (a === b) draft.set(a.path, '2019-01-01');
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** A path that is the root only where allowed, and otherwise leads into the input (or to a field missing there). */
function checkPath(issue: Issue, input: unknown, rootCodes: ReadonlySet<string>) {
  const where = `${issue.code} at «${issue.path}»`;
  if (issue.path === '') {
    expect(rootCodes.has(issue.code), where).toBe(true);
    if (issue.code === 'schema.unknown-key' && isPlainObject(input)) {
      const key = String(issue.params?.key ?? '');
      expect(
        Object.keys(input).some((k) => short(k, 40) === key),
        where,
      ).toBe(true);
    }
    return;
  }
  const segs = parsePath(issue.path);
  expect(segs, where).toBeDefined();
  expect(TOP_LEVEL.has(String(segs![0])), where).toBe(true);
  if (input === undefined) return;
  const found = valueAt(input, segs!).found || valueAt(input, segs!.slice(0, -1)).found;
  expect(found, where).toBe(true);
}

/** The invariants every result must satisfy; `input` is the value validated, when there is one. */
function checkResult(r: ValidationResult, input?: unknown) {
  expect(typeof r.valid).toBe('boolean');
  expect(r.valid).toBe(r.errors.length === 0);
  expect(r.model !== undefined).toBe(r.valid);
  for (const issue of [...r.errors, ...r.warnings]) {
    expect(issue.code).not.toBe('internal');
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  r.errors.forEach((e) => {
    expect(e.severity).toBe('error');
    checkPath(e, input, ROOT_ERRORS);
  });
  r.warnings.forEach((w) => {
    expect(w.severity).toBe('warning');
    checkPath(w, input, ROOT_WARNINGS);
  });
}

/** What validates is usable by the other functions of the package. */
function checkUsable(model: Model, original: Model) {
  // it reads back as it is
  const again = validateModel(JSON.parse(JSON.stringify(model)), { asOf: AS_OF, lint: false });
  expect(again.errors).toEqual([]);
  // it can be compared with the original, both ways
  expect(() => diffModels(original, model)).not.toThrow();
  expect(() => diffModels(model, original)).not.toThrow();
  // next year's model can be made from it — unless the model is for that year or later, which
  // the option, not the model, is to blame for
  if (model.schoolYear !== undefined && model.schoolYear >= NEXT_YEAR.schoolYear) {
    expect(() => nextYearModel(model, NEXT_YEAR)).toThrow(ArshjulError);
  } else {
    expect(() => nextYearModel(model, NEXT_YEAR)).not.toThrow();
  }
}

interface Tally {
  runs: number;
  mutations: number;
  valid: number;
}

function property(base: Base, numRuns: number, seed: number, tally: Tally) {
  fc.assert(
    fc.property(
      fc.array(mutationArb, { minLength: 2, maxLength: 6 }),
      fc.constantFrom('nb', 'en', 'nn'),
      (muts, lang) => {
        const draft = new Draft(base.root);
        for (const m of muts) mutate(draft, base, m);
        let r: ValidationResult | undefined;
        expect(
          () => (r = validateModel(draft.root, { lang: lang as 'nb', asOf: AS_OF })),
        ).not.toThrow();
        checkResult(r!, draft.root);
        if (r!.valid) checkUsable(r!.model!, base.model);
        tally.runs++;
        tally.mutations += draft.applied;
        if (r!.valid) tally.valid++;
      },
    ),
    { numRuns, seed },
  );
}

/** The Grorud model a year on, with its records of the spring revisions (to mutate those too). */
function grorudWithRecords(): Json {
  const m = grorud();
  m.revisionRecords = [
    { rule: 'justering-av-samarbeidet', date: '2026-04-07', summary: 'Justert', by: ['nsk'] },
    { rule: 'revisjon-konseptpapir-nsk', date: '2026-04-07', summary: 'Revidert', by: ['nsk'] },
    { rule: 'revisjon-konseptpapir-bvk', date: '2026-04-21', summary: 'Revidert', by: ['bvk'] },
  ];
  return m;
}

describe('validateModel under random mutations', () => {
  it('holds for the Grorud model, over 2,000 mutations', { timeout: 60_000 }, () => {
    const tally: Tally = { runs: 0, mutations: 0, valid: 0 };
    property(makeBase(grorudWithRecords), 600, 20251001, tally);
    expect(tally.mutations).toBeGreaterThanOrEqual(2000);
    // both sides are exercised: models that fail and models that validate
    expect(tally.valid).toBeGreaterThan(50);
    expect(tally.runs - tally.valid).toBeGreaterThan(50);
  });

  it('holds for the small fixture', { timeout: 60_000 }, () => {
    const tally: Tally = { runs: 0, mutations: 0, valid: 0 };
    property(makeBase(mini), 800, 424242, tally);
    expect(tally.mutations).toBeGreaterThanOrEqual(3000);
    expect(tally.valid).toBeGreaterThan(20);
  });

  it('catches what diffModels and nextYearModel would refuse: duplicate keys', () => {
    // The mutations above reach these only by chance; here they are made on purpose.
    const base = makeBase(grorud);
    const cases: ((d: Draft) => void)[] = [
      (d) => d.container(['glossary'])!.push({ term: ' nsk ' }),
      (d) => d.container(['glossary'])!.push({ term: 'NSK' }),
      (d) =>
        d.set(
          ['revisionRecords'],
          [
            { rule: 'justering-av-samarbeidet', date: '2026-04-07', summary: 'a', by: ['nsk'] },
            { rule: 'justering-av-samarbeidet', date: '2026-04-07', summary: 'b', by: ['nsk'] },
          ],
        ),
    ];
    for (const change of cases) {
      const draft = new Draft(base.root);
      change(draft);
      const r = validateModel(draft.root, { asOf: AS_OF });
      checkResult(r, draft.root);
      expect(r.valid).toBe(false);
    }
  });

  it('holds for arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        checkResult(validateModel(value, { asOf: AS_OF }), value);
        if (isPlainObject(value)) {
          const withVersion = { ...value, schemaVersion: 1 };
          checkResult(validateModel(withVersion, { asOf: AS_OF }), withVersion);
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
          let input: unknown;
          try {
            input = JSON.parse(garbled);
          } catch {
            input = undefined;
          }
          checkResult(r, input);
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
