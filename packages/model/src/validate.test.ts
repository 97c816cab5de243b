import { describe, expect, it } from 'vitest';
import { validateModel } from './validate.js';
import { formatIssue } from './messages.js';
import { summarizeModel } from './summary.js';
import { activeSchools } from './queries.js';
import { MODEL_SCHEMA_VERSION } from './schema.js';
import type { Issue, ValidationResult } from './issues.js';
import { at, grorud, mini, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

/** The errors as `path: message`, for compact assertions. */
const lines = (issues: Issue[]) => issues.map((i) => formatIssue(i));

/** Validates and expects exactly one error; returns it. */
function oneError(value: unknown, lang: 'nb' | 'nn' | 'en' = 'nb'): Issue {
  const r = validateModel(value, { lang, asOf: AS_OF });
  expect(r.valid).toBe(false);
  expect(r.model).toBeUndefined();
  expect(r.errors, lines(r.errors).join('\n')).toHaveLength(1);
  return r.errors[0]!;
}

function mutated(change: (m: Json) => void): Json {
  const m = grorud();
  change(m);
  return m;
}

const S = (m: Json, id: string) => m.structures[at(m.structures, id)];

describe('the Grorud model', () => {
  it('is valid, with 11 strategic, 4 organisational and 22 operative structures', () => {
    const r = validateModel(grorud(), { asOf: AS_OF });
    expect(lines(r.errors)).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.model?.structures).toHaveLength(37);
    expect(r.summary).toEqual({
      structures: { strategisk: 11, organisatorisk: 4, operativt: 22, total: 37 },
      schools: 9,
      activeSchools: 8,
      areas: 3,
      documents: 5,
      roles: 19,
      revisions: 10,
      onboardingPlans: 2,
      routines: 3,
    });
    expect(r.migratedFrom).toBeUndefined();
  });

  it('counts Bjøråsen as active before it left in May 2021', () => {
    const r = validateModel(grorud(), { asOf: '2021-01-15' });
    expect(r.summary?.activeSchools).toBe(9);
    expect(summarizeModel(r.model!, '2021-06-01').activeSchools).toBe(8);
  });

  it('counts active schools as the queries do, on every day around the changes', () => {
    const model = validateModel(grorud(), { asOf: AS_OF }).model!;
    for (const day of ['2020-06-09', '2020-06-10', '2021-05-31', '2021-06-01']) {
      expect(summarizeModel(model, day).activeSchools).toBe(activeSchools(model, day).length);
    }
    expect(
      ['2020-06-09', '2020-06-10', '2021-05-31', '2021-06-01'].map(
        (d) => activeSchools(model, d).length,
      ),
    ).toEqual([0, 9, 9, 8]);
  });

  it('reads the cadences into rules', () => {
    const r = validateModel(grorud(), { asOf: AS_OF });
    const t41 = r.model!.structures.find((s) => s.id === 'T4.1')!;
    expect(t41.cadence).toEqual({
      text: 'Hver fjerde uke',
      rule: { kind: 'interval', every: 4, unit: 'week' },
    });
  });

  it('the small fixture is valid too, with no warnings', () => {
    const r = validateModel(mini(), { asOf: AS_OF });
    expect(lines(r.errors)).toEqual([]);
    expect(lines(r.warnings)).toEqual([]);
    expect(r.summary?.structures).toEqual({
      strategisk: 2,
      organisatorisk: 1,
      operativt: 3,
      total: 6,
    });
    expect(r.summary?.activeSchools).toBe(4);
  });

  it('passes the source through and skips the lint when asked', () => {
    const m = mini();
    m.revisions = [];
    const r = validateModel(m, { asOf: AS_OF, source: 'mini.json', lint: false });
    expect(r.source).toBe('mini.json');
    expect(r.warnings).toEqual([]);
    expect(validateModel(m, { asOf: AS_OF }).warnings.map((w) => w.code)).toContain(
      'no-revision-cycle',
    );
  });
});

describe('the root and the schema version', () => {
  it.each([
    [null, 'Modellen skal være et JSON-objekt ({ … }), men er null.'],
    [[], 'Modellen skal være et JSON-objekt ({ … }), men er en liste.'],
    ['Grorud', 'Modellen skal være et JSON-objekt ({ … }), men er tekst («Grorud»).'],
    [42, 'Modellen skal være et JSON-objekt ({ … }), men er et tall (42).'],
    [undefined, 'Modellen skal være et JSON-objekt ({ … }), men er tom.'],
  ])('refuses %j', (value, message) => {
    const e = oneError(value);
    expect(e).toMatchObject({ path: '', code: 'model.not-an-object', message, severity: 'error' });
    expect(formatIssue(e)).toBe(`(roten): ${message}`);
  });

  it('says so when schemaVersion is missing, and still counts', () => {
    const m = grorud();
    delete m.schemaVersion;
    const r = validateModel(m, { asOf: AS_OF });
    expect(lines(r.errors)).toEqual([
      'schemaVersion: mangler: fila må si hvilken skjemaversjon den følger, for eksempel «"schemaVersion": 1»',
    ]);
    expect(r.summary?.structures.total).toBe(37);
  });

  it('wants a whole number', () => {
    const e = oneError(mutated((m) => (m.schemaVersion = '1')));
    expect(formatIssue(e)).toBe(
      'schemaVersion: skal være et heltall (skjemaversjonen), men er tekst («1»)',
    );
    expect(oneError(mutated((m) => (m.schemaVersion = 1.5))).code).toBe('schema-version.invalid');
  });

  it('refuses a file from a newer version of Årshjulet', () => {
    const newer = MODEL_SCHEMA_VERSION + 1;
    const m = mutated((m) => (m.schemaVersion = newer));
    const e = oneError(m);
    expect(e).toMatchObject({ path: 'schemaVersion', code: 'schema-version.newer' });
    expect(e.message).toBe(
      `Fila er laget med en nyere versjon av Årshjulet (skjemaversjon ${newer}); denne versjonen leser til og med versjon ${MODEL_SCHEMA_VERSION}. Oppdater programmet.`,
    );
    expect(oneError(m, 'en').message).toBe(
      `The file was made with a newer version of Årshjulet (schema version ${newer}); this version reads up to and including version ${MODEL_SCHEMA_VERSION}. Update the program.`,
    );
    expect(validateModel(m, { asOf: AS_OF }).summary).toBeNull();
  });
});

describe('shape errors, in plain words', () => {
  it('wrong types', () => {
    const m = mutated((m) => {
      m.structures[0].name = 5;
      m.structures[1].responsible = 'nsk';
      m.organisation.schools[4].memberships = null;
    });
    const r = validateModel(m, { asOf: AS_OF });
    expect(lines(r.errors)).toEqual([
      'organisation.schools[4].memberships: skal være en liste, men er null',
      'structures[0].name: skal være tekst, men er et tall (5)',
      'structures[1].responsible: skal være en liste, men er tekst («nsk»)',
    ]);
    expect(r.model).toBeUndefined();
    expect(r.summary?.structures.total).toBe(37);
    const en = validateModel(m, { lang: 'en', asOf: AS_OF });
    expect(lines(en.errors)[1]).toBe('structures[0].name: must be text, but is a number (5)');
  });

  it('a missing field', () => {
    const e = oneError(mutated((m) => delete m.structures[3].level));
    expect(formatIssue(e)).toBe(
      'structures[3].level: mangler (skal være «strategisk», «organisatorisk» eller «operativt»)',
    );
    expect(oneError(mutated((m) => delete m.organisation.district.name)).message).toBe(
      'mangler (skal være tekst)',
    );
  });

  it('an unknown field, with the nearest known one', () => {
    expect(formatIssue(oneError(mutated((m) => (m.organisation.district.kommnue = 'oslo'))))).toBe(
      'organisation.district: ukjent felt «kommnue» — mente du «kommune»?',
    );
    const e = oneError(
      mutated((m) => {
        m.structures[2].levle = m.structures[2].level;
      }),
      'en',
    );
    expect(formatIssue(e, 'en')).toBe(
      'structures[2]: unknown field «levle» — did you mean «level»?',
    );
    expect(formatIssue(oneError(mutated((m) => (m.foo = 1))))).toBe('(roten): ukjent felt «foo»');
    // inside a union branch (the scope) and inside a cadence object
    expect(
      formatIssue(oneError(mutated((m) => (S(m, 'T4.1').scope.shcools = ['rodtvet'])))),
    ).toMatch(/^structures\[\d+\]\.scope: ukjent felt «shcools» — mente du «schools»\?$/);
  });

  it('a value not among the allowed ones', () => {
    expect(formatIssue(oneError(mutated((m) => (m.structures[3].level = 'strategsk'))))).toBe(
      'structures[3].level: «strategsk» er ikke en gyldig verdi; skal være «strategisk», «organisatorisk» eller «operativt» — mente du «strategisk»?',
    );
    expect(
      formatIssue(oneError(mutated((m) => (m.structures[3].scope = { kind: 'skoler' })))),
    ).toBe(
      'structures[3].scope.kind: «skoler» er ikke en gyldig verdi; skal være «all-schools», «stage», «areas», «schools» eller «district»',
    );
    expect(formatIssue(oneError(mutated((m) => (m.structures[3].scope = {}))), 'en')).toBe(
      'structures[3].scope.kind: mangler (skal være «all-schools», «stage», «areas», «schools» eller «district»)',
    );
    const en = oneError(
      mutated(
        (m) =>
          (m.structures[3].cadence = {
            text: 'x',
            rule: { kind: 'interval', every: 2, unit: 'weak' },
          }),
      ),
      'en',
    );
    expect(formatIssue(en, 'en')).toBe(
      'structures[3].cadence.rule.unit: «weak» is not a valid value; must be «day», «week», «month» or «year» — did you mean «week»?',
    );
  });

  it('too small, too big, empty', () => {
    const r = validateModel(
      mutated((m) => {
        m.structures[9].name = '';
        m.onboarding[0].meetings = [];
        m.organisation.schools[3].grades = { from: 1.5, to: 20 };
        m.structures[10].cadence = {
          text: 'x',
          rule: { kind: 'interval', every: 0, unit: 'week' },
        };
      }),
      { asOf: AS_OF },
    );
    expect(lines(r.errors)).toEqual([
      'organisation.schools[3].grades.from: skal være et heltall, men er 1.5',
      'organisation.schools[3].grades.to: skal være høyst 13, men er 20',
      'structures[9].name: kan ikke være tom tekst',
      'structures[10].cadence.rule.every: skal være minst 1, men er 0',
      'onboarding[0].meetings: skal ha minst 1 element, men har 0',
    ]);
  });

  it('dates: the form, and dates that do not exist', () => {
    const r = validateModel(
      mutated((m) => {
        m.organisation.schools[0].memberships[0].from = '2025-02-29';
        m.organisation.schools[1].memberships[0].from = '2025-2-1';
        m.organisation.schools[2].memberships[0].from = '2025-13-01';
        m.organisation.schools[3].memberships[0].from = '2024-04-31';
      }),
      { asOf: AS_OF },
    );
    expect(lines(r.errors)).toEqual([
      'organisation.schools[0].memberships[0].from: 2025-02-29 finnes ikke (februar 2025 har 28 dager)',
      'organisation.schools[1].memberships[0].from: «2025-2-1» er ikke en dato på formen ÅÅÅÅ-MM-DD',
      'organisation.schools[2].memberships[0].from: 2025-13-01 finnes ikke (måned 13 finnes ikke)',
      'organisation.schools[3].memberships[0].from: 2024-04-31 finnes ikke (april 2024 har 30 dager)',
    ]);
    expect(r.model).toBeUndefined();
    const en = validateModel(
      mutated((m) => (m.organisation.schools[0].memberships[0].from = '2025-02-29')),
      { asOf: AS_OF, lang: 'en' },
    );
    expect(lines(en.errors)).toEqual([
      'organisation.schools[0].memberships[0].from: 2025-02-29 does not exist (February 2025 has 28 days)',
    ]);
    // 2024 is a leap year
    expect(
      validateModel(
        mutated((m) => (m.organisation.schools[0].memberships[0].from = '2024-02-29')),
        { asOf: AS_OF },
      ).valid,
    ).toBe(true);
  });

  it('ids and school years', () => {
    expect(formatIssue(oneError(mutated((m) => (m.organisation.schools[2].id = 'ha ha'))))).toBe(
      'organisation.schools[2].id: «ha ha» er ikke en gyldig id (bruk bokstaver, tall, «.», «_» og «-», og begynn med en bokstav eller et tall)',
    );
    expect(formatIssue(oneError(mutated((m) => (m.schoolYear = '2025/26'))), 'en')).toBe(
      'schoolYear: «2025/26» er ikke et skoleår på formen 2025-26',
    );
    expect(
      formatIssue(
        oneError(
          mutated((m) => (m.schoolYear = '2025/26')),
          'en',
        ),
        'en',
      ),
    ).toBe('schoolYear: «2025/26» is not a school year in the form 2025-26');
  });

  it('a cadence that is not understood, with the nearest phrase', () => {
    const m = mutated((m) => (S(m, 'T4.1').cadence = 'hver fjerd uke'));
    const i = at(m.structures, 'T4.1');
    expect(formatIssue(oneError(m))).toBe(
      `structures[${i}].cadence: «hver fjerd uke» er ikke forstått — mente du «hver fjerde uke»?`,
    );
    expect(formatIssue(oneError(m, 'en'), 'en')).toBe(
      `structures[${i}].cadence: «hver fjerd uke» is not understood — did you mean «hver fjerde uke»?`,
    );
    expect(oneError(m, 'nn').message).toBe(
      '«hver fjerd uke» er ikkje forstått — meinte du «hver fjerde uke»?',
    );
    expect(oneError(m).params).toEqual({ text: 'hver fjerd uke', suggestion: 'hver fjerde uke' });
    // Capitalised as written
    expect(oneError(mutated((m) => (S(m, 'T4.1').cadence = 'Hver fjerd uke'))).message).toBe(
      '«Hver fjerd uke» er ikke forstått — mente du «Hver fjerde uke»?',
    );
  });

  it('a cadence with no near phrase says how to write one', () => {
    expect(oneError(mutated((m) => (m.revisions[0].cadence = 'hmm hmm'))).message).toBe(
      '«hmm hmm» er ikke forstått: skriv hvor ofte, for eksempel «Hver fjerde uke», «To ganger i året» eller «Ved behov»',
    );
  });

  it('a cadence of the wrong type, and a bad RRULE', () => {
    expect(formatIssue(oneError(mutated((m) => (m.structures[6].cadence = 42))))).toBe(
      'structures[6].cadence: skal være tekst eller et objekt, men er et tall (42)',
    );
    const e = oneError(
      mutated(
        (m) =>
          (m.structures[7].cadence = { text: 'x', rule: { kind: 'rrule', rrule: 'FREQ=BOGUS' } }),
      ),
    );
    expect(e).toMatchObject({ path: 'structures[7].cadence', code: 'cadence.bad-rrule' });
    expect(e.message).toMatch(/^RRULE-en kan ikke brukes: .*BOGUS/);
  });

  it('caps the number of errors', () => {
    const m = grorud();
    for (const s of m.structures) {
      s.name = 1;
      s.level = 'x';
      s.cadence = true;
      s.scope = 5;
      s.extra = 1;
      s.responsible = 'x';
    }
    const r = validateModel(m, { asOf: AS_OF, maxIssues: 100 });
    expect(r.errors).toHaveLength(101);
    expect(formatIssue(r.errors[100]!)).toBe('(roten): … og 122 feil til');
    expect(validateModel(m, { asOf: AS_OF, maxIssues: 100, lang: 'en' }).errors[100]!.message).toBe(
      '… and 122 more errors',
    );
    const all = validateModel(m, { asOf: AS_OF });
    expect(all.errors).toHaveLength(201);
    expect(all.errors[200]!.message).toBe('… og 22 feil til');
  });

  it('nynorsk', () => {
    expect(
      oneError(
        mutated((m) => delete m.structures[3].level),
        'nn',
      ).message,
    ).toBe('manglar (skal vere «strategisk», «organisatorisk» eller «operativt»)');
    expect(
      formatIssue(
        oneError(
          mutated((m) => (m.foo = 1)),
          'nn',
        ),
        'nn',
      ),
    ).toBe('(rota): ukjent felt «foo»');
  });
});

describe('never throws', () => {
  it('reports an internal failure as an issue', () => {
    const m = mini();
    Object.defineProperty(m, 'structures', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    let r: ValidationResult | undefined;
    expect(() => (r = validateModel(m, { asOf: AS_OF }))).not.toThrow();
    expect(r!.valid).toBe(false);
    expect(r!.errors[0]).toMatchObject({ path: '', code: 'internal', severity: 'error' });
    expect(r!.errors[0]!.message).toContain('boom');
  });

  it('treats a bad asOf option as an internal error', () => {
    const r = validateModel(mini(), { asOf: '2025-02-30' });
    expect(r.errors.map((e) => e.code)).toEqual(['internal']);
    expect(r.model).toBeUndefined();
  });

  it('needs the date: it never reads the clock', () => {
    for (const options of [undefined, {}, { lang: 'en' }]) {
      const r = validateModel(mini(), options as unknown as { asOf: string });
      expect(r.errors.map((e) => e.code)).toEqual(['internal']);
      expect(r.errors[0]!.message).toContain('asOf');
      expect(r.summary).toBeNull();
    }
  });
});
