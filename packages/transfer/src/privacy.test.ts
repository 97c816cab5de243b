/**
 * Privacy of transfer files on the real Grorud model: it holds no personal data (its many
 * numbers — dates, periods, table rows, paragraph numbers — are not taken for phone numbers);
 * e-mail addresses and phone numbers injected into free text, and a person in an assignment, are
 * all found at their paths, stripped with the surrounding text kept, and never reach a transfer
 * file; a property test over random phone numbers, dates and years.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModelText, validateModel, type Model } from '@arshjul/model';
import {
  PersonalDataError,
  REMOVED_TEXT,
  assertNoPersonalData,
  findPersonalData,
  maskExcerpt,
  redactText,
  scanText,
  stripPersonalData,
  transferJson,
  type Finding,
} from './privacy.js';

const AS_OF = '2025-08-01';
const TEXT = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);

function grorud(): Model {
  const { model, errors } = loadModelText(TEXT, { asOf: AS_OF });
  if (!model) throw new Error(`Grorud does not load: ${JSON.stringify(errors.slice(0, 3))}`);
  return model;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** What a finding looks like, without the excerpt, for comparing lists. */
const where = (f: Finding): string => `${f.kind} ${f.path}`;

// ---------------------------------------------------------------------------------------------
// Texts that must and must not be flagged

const PHONES = [
  '22334455',
  '223 34 455',
  '22 33 44 55',
  '2233 4455',
  '22.33.44.55',
  '22-33-44-55',
  '934.56.789',
  '41-23-45-67',
  '22\u00a033\u00a044\u00a055',
  '+47 22 33 44 55',
  '+4741234567',
  '0047 934 56 789',
  '(+47) 2233 4455',
];

const NOT_PERSONAL = [
  '2025',
  'Skoleåret starter 2025-08-18 og slutter 18.08.2026.',
  'fra 10.06.20 til 31.12.22',
  'Prosjektperioden (10.06.20–31.12.22).',
  'Uke 2025-W34 og uke 34',
  'uke 34 35 36 37',
  'skoleåret 2025-26',
  'skoleårene 2025-2026 og 2026–2027',
  'planperioden 2024 2027',
  'Budsjettet er 4 500 000 kroner, i alt 45 000 000 over ti år.',
  'Tilskuddet er 4,5 millioner.',
  'Vedlegg 3, Tabell 4, rad 1 — §11.12',
  'Bydel Grorud, Ammerudveien 12, 0958 Oslo',
  'Org.nr. 974 778 742 og 974778742',
  'Kontonummer 1503 12 34567',
  'Møtet er kl. 20.00-21.30, før det 08.30-10.00.',
  'Møte 1 – varighet 15-30 min',
  'Pakken heter @arshjul/model.',
  'Skriv at det gjelder (at) alle.',
  'Se T6.8 og 5-10 trinn.',
];

describe('scanText', () => {
  it.each(PHONES)('finds the phone number %j in a sentence', (phone) => {
    const text = `Ring rektor på ${phone}, helst før kl. 15.`;
    expect(scanText(text)).toEqual([{ kind: 'phone', index: 15, text: phone }]);
  });

  it.each([
    'kari.nordmann@bydel-grorud.oslo.kommune.no',
    'ørjan.sæther@oslo.kommune.no',
    'Åse_Øvre+fau@skole.no',
    'navn (at) bydel.oslo.kommune.no',
    'navn [at] bgr.oslo.kommune.no',
  ])('finds the e-mail address %j in a sentence', (email) => {
    const text = `Skriv til ${email}. Takk!`;
    expect(scanText(text)).toEqual([{ kind: 'email', index: 10, text: email }]);
  });

  it.each(NOT_PERSONAL)('flags nothing in %j', (text) => {
    expect(scanText(text)).toEqual([]);
  });

  it('finds several in one text, in order, and an address with digits only once', () => {
    const found = scanText('Kari: 934 56 789 / kari22334455@skole.no; Ola: +47 41 23 45 67');
    expect(found.map((m) => `${m.kind}:${m.text}`)).toEqual([
      'phone:934 56 789',
      'email:kari22334455@skole.no',
      'phone:+47 41 23 45 67',
    ]);
  });

  it('masks all but the first and the last character', () => {
    expect(maskExcerpt('kari@bydel.no')).toBe('k…o');
    expect(maskExcerpt('+47 22 33 44 55')).toBe('+…5');
    expect(maskExcerpt('Kari Nordmann')).toBe('K…n');
    expect(maskExcerpt('Al')).toBe('A…');
  });

  it('redacts in place and keeps the rest of the text', () => {
    expect(redactText('Ring 22 33 44 55 eller skriv til ola@x.no i dag.')).toBe(
      'Ring [fjernet] eller skriv til [fjernet] i dag.',
    );
    expect(redactText('Ingen her 2025-08-18.')).toBe('Ingen her 2025-08-18.');
  });
});

// ---------------------------------------------------------------------------------------------
// The Grorud model

describe('the Grorud model', () => {
  it('holds no personal data, in the loaded model and in the file as written', () => {
    const model = grorud();
    expect(findPersonalData(model)).toEqual([]);
    expect(findPersonalData(JSON.parse(TEXT))).toEqual([]);
    // Its strings are full of numbers (dates, periods, table rows); none looks like a phone.
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(model);
    expect(strings.filter((s) => /\d{2}/.test(s)).length).toBeGreaterThan(100);
    expect(strings.flatMap((s) => scanText(s))).toEqual([]);
  });

  it('every assignment is a vacancy, and stripping changes nothing', () => {
    const model = grorud();
    expect(model.roles.flatMap((r) => r.assignments).length).toBeGreaterThan(19);
    const { model: stripped, removed } = stripPersonalData(model);
    expect(removed).toEqual([]);
    expect(stripped).toEqual(model);
    expect(stripped).not.toBe(model);
  });

  it('its transfer file is the model as JSON', () => {
    const model = grorud();
    const text = transferJson(model);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(model, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(model);
  });
});

// ---------------------------------------------------------------------------------------------
// Injected personal data

const EMAIL_1 = 'kari.nordmann@bydel-grorud.oslo.kommune.no';
const PHONE_1 = '934 56 789';
const EMAIL_2 = 'ola (at) grorud.oslo.kommune.no';
const PHONE_2 = '+47 22 33 44 55';
const PHONE_3 = '41234567';
const PHONE_4 = '(+47) 2233 4455';
const EMAIL_3 = 'per.hansen@fau-ammerud.no';
const PERSON = { name: 'Kari Nordmann', email: 'kari@privat.no', phone: '99887766' };
const INJECTED = [
  EMAIL_1,
  PHONE_1,
  EMAIL_2,
  PHONE_2,
  PHONE_3,
  PHONE_4,
  EMAIL_3,
  ...Object.values(PERSON),
];

interface Injected {
  model: Model;
  /** The texts as they were before the injection. */
  before: { description: string; glossary: string; agenda: string; note: string };
}

function injected(): Injected {
  const model = clone(grorud());
  const s = model.structures[3]!;
  const g = model.glossary[0]!;
  const a = model.onboarding[0]!.meetings[0]!.agenda[0]!;
  const n = model.notes[0]!;
  const before = {
    description: s.description ?? '',
    glossary: g.description ?? '',
    agenda: a.content,
    note: n.text,
  };
  s.description = `${before.description} Kontakt ${EMAIL_1} eller ring ${PHONE_1}.`;
  g.description = `Spør Ola på ${PHONE_2} eller ${EMAIL_2}.`;
  a.content = `${before.agenda} (tlf. ${PHONE_3})`;
  n.text = `${before.note} Spørsmål: ${PHONE_4} / ${EMAIL_3}`;
  model.roles[0]!.assignments[0]!.person = { ...PERSON };
  return { model, before };
}

const EXPECTED = [
  'person roles[0].assignments[0].person',
  'email structures[3].description',
  'phone structures[3].description',
  'phone onboarding[0].meetings[0].agenda[0].content',
  'phone glossary[0].description',
  'email glossary[0].description',
  'phone notes[0].text',
  'email notes[0].text',
];

describe('injected personal data', () => {
  it('is all found, at the right paths, masked', () => {
    const { model } = injected();
    const findings = findPersonalData(model);
    expect(findings.map(where)).toEqual(EXPECTED);
    expect(findings[0]).toEqual({
      path: 'roles[0].assignments[0].person',
      kind: 'person',
      excerpt: 'K…n',
    });
    expect(findings[1]).toEqual({
      path: 'structures[3].description',
      kind: 'email',
      excerpt: 'k…o',
    });
    expect(findings[2]!.excerpt).toBe('9…9');
    // No finding repeats what it found.
    const shown = JSON.stringify(findings);
    for (const s of INJECTED) expect(shown).not.toContain(s);
  });

  it('is found under a base path too, and in upstream and in a mapping', () => {
    const { model } = injected();
    expect(findPersonalData(model.structures[3], { basePath: 'structures[3]' }).map(where)).toEqual(
      ['email structures[3].description', 'phone structures[3].description'],
    );
    const mapping = {
      mappingVersion: 1,
      terms: { [`Ring ${PHONE_1}`]: 'Innsatsteam' },
      areas: [{ id: 'nord', name: 'Nord', description: `Skolene Kari følger opp (${EMAIL_1})` }],
    };
    expect(findPersonalData(mapping).map(where)).toEqual([
      'phone terms["Ring …"]',
      'email areas[0].description',
    ]);
  });

  it('is stripped: the persons go (assignments stay), the texts stay readable', () => {
    const { model, before } = injected();
    const snapshot = clone(model);
    const { model: stripped, removed } = stripPersonalData(model);
    expect(removed.map(where)).toEqual(EXPECTED);
    expect(findPersonalData(stripped)).toEqual([]);
    expect(model).toEqual(snapshot); // the input is left as it was

    expect(stripped.roles[0]!.assignments[0]).toEqual({
      area: 'omrade-ammerud',
      from: '2020-06-10',
      to: '2022-12-31',
      note: 'Prosjektstilling i prosjektperioden (10.06.20–31.12.22).',
    });
    expect(stripped.roles[0]!.assignments).toHaveLength(model.roles[0]!.assignments.length);
    expect(stripped.structures[3]!.description).toBe(
      `${before.description} Kontakt [fjernet] eller ring [fjernet].`,
    );
    expect(stripped.glossary[0]!.description).toBe('Spør Ola på [fjernet] eller [fjernet].');
    expect(stripped.onboarding[0]!.meetings[0]!.agenda[0]!.content).toBe(
      `${before.agenda} (tlf. [fjernet])`,
    );
    expect(stripped.notes[0]!.text).toBe(`${before.note} Spørsmål: [fjernet] / [fjernet]`);

    // Everything else is untouched, and the result is still a valid model.
    const original = grorud();
    expect(stripped.structures.slice(4)).toEqual(original.structures.slice(4));
    expect(stripped.documents).toEqual(original.documents);
    const result = validateModel(stripped, { asOf: AS_OF });
    expect(result.errors).toEqual([]);
  });

  it('is replaced in the language asked for, or the model’s own', () => {
    const { model } = injected();
    expect(stripPersonalData(model, { lang: 'en' }).model.glossary[0]!.description).toBe(
      'Spør Ola på [removed] eller [removed].',
    );
    const nynorsk = { ...model, language: 'nn' as const };
    expect(stripPersonalData(nynorsk).model.glossary[0]!.description).toBe(
      `Spør Ola på ${REMOVED_TEXT.nn} eller ${REMOVED_TEXT.nn}.`,
    );
  });

  it('never reaches a transfer file', () => {
    const { model } = injected();
    const text = transferJson(model);
    for (const s of INJECTED) expect(text).not.toContain(s);
    expect(text).not.toContain('"person"');
    expect(text).toContain('Kontakt [fjernet] eller ring [fjernet].');
    expect(findPersonalData(JSON.parse(text))).toEqual([]);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('an unstripped transfer file is refused, unless explicitly allowed', () => {
    const { model } = injected();
    expect(() => transferJson(model, { strip: false })).toThrow(PersonalDataError);
    const allowed = transferJson(model, { strip: false, allowPersonalData: true });
    for (const s of INJECTED) expect(allowed).toContain(s);
    expect(JSON.parse(allowed)).toEqual(model);
  });

  it('a mapping and a base in upstream are stripped too, or refused when not stripped', () => {
    const model = clone(grorud());
    const role = clone(model.roles[0]!);
    role.assignments[0]!.person = { ...PERSON };
    model.upstream = {
      model: { id: 'grorudmodellen', name: 'Grorudmodellen', district: 'Bydel Grorud' },
      version: '2025-26',
      adoptedOn: '2025-08-01',
      mapping: { mappingVersion: 1, notes: [`Spør Kari på ${PHONE_3}`] },
      known: {
        structures: [],
        documents: [],
        roles: [],
        revisions: [],
        onboarding: [],
        routines: [],
      },
      base: {
        structures: [],
        documents: [],
        roles: [role as unknown as Record<string, unknown>],
        revisions: [],
        onboarding: [],
        routines: [],
      },
      conflicts: [],
    };
    expect(findPersonalData(model).map(where)).toEqual([
      'phone upstream.mapping.notes[0]',
      'person upstream.base.roles[0].assignments[0].person',
    ]);
    const text = transferJson(model);
    expect(text).toContain('"Spør Kari på [fjernet]"');
    for (const s of [PHONE_3, ...Object.values(PERSON)]) expect(text).not.toContain(s);
    expect(() => transferJson(model, { strip: false })).toThrow(
      /upstream\.mapping\.notes\[0\]: telefonnummer «4…7»/,
    );
  });
});

describe('newcomers', () => {
  /** The Grorud model with a new rektor at Rødtvet (a newcomer points at a person). */
  function withNewcomer(): Model {
    const model = clone(grorud());
    const plan = model.onboarding.find((p) => p.trigger.roles.includes('rektor'))!;
    model.newcomers = [
      {
        id: 'ny-rektor-rodtvet',
        plan: plan.id,
        role: 'rektor',
        school: 'rodtvet',
        startsOn: '2026-01-05',
        notes: [],
      },
    ];
    expect(validateModel(model, { asOf: AS_OF, lint: false }).errors).toEqual([]);
    return model;
  }

  it('are found as pointing at a person, and never reach a transfer file', () => {
    const model = withNewcomer();
    expect(findPersonalData(model).map(where)).toEqual(['person newcomers[0]']);
    const { model: stripped, removed } = stripPersonalData(model);
    expect(stripped.newcomers).toEqual([]);
    expect(removed.map(where)).toEqual(['person newcomers[0]']);
    expect(model.newcomers).toHaveLength(1); // the input is not changed
    const text = transferJson(model);
    expect(text).not.toContain('ny-rektor-rodtvet');
    expect(JSON.parse(text).newcomers).toEqual([]);
    expect(() => transferJson(model, { strip: false })).toThrow(PersonalDataError);
  });
});

describe('assertNoPersonalData', () => {
  it('throws a PersonalDataError with the findings and a Norwegian message', () => {
    const { model } = injected();
    let error: unknown;
    try {
      assertNoPersonalData(model);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PersonalDataError);
    expect(error).toBeInstanceOf(Error);
    const e = error as PersonalDataError;
    expect(e.name).toBe('PersonalDataError');
    expect(e.findings.map(where)).toEqual(EXPECTED);
    expect(e.message).toBe(
      'Fila inneholder fortsatt personopplysninger (8 steder): ' +
        'roles[0].assignments[0].person: person «K…n», ' +
        'structures[3].description: e-postadresse «k…o», ' +
        'structures[3].description: telefonnummer «9…9», ' +
        'onboarding[0].meetings[0].agenda[0].content: telefonnummer «4…7», ' +
        'glossary[0].description: telefonnummer «+…5» og 3 til.',
    );
    for (const s of INJECTED) expect(e.message).not.toContain(s);
  });

  it('speaks nynorsk and English, and counts one place in the singular', () => {
    const one = { structures: [{ id: 'x', description: `Ring ${PHONE_1}` }] };
    expect(() => assertNoPersonalData(one)).toThrow(
      'Fila inneholder fortsatt personopplysninger (1 sted): structures[0].description: telefonnummer «9…9».',
    );
    expect(() => assertNoPersonalData(one, { lang: 'nn' })).toThrow(
      'Fila inneheld framleis personopplysningar (1 stad): structures[0].description: telefonnummer «9…9».',
    );
    expect(() => assertNoPersonalData(injected().model, { lang: 'en', listed: 1 })).toThrow(
      'The file still holds personal data (8 places): roles[0].assignments[0].person: person «K…n» and 7 more.',
    );
  });

  it('does not throw when there is none, or when allowed', () => {
    expect(() => assertNoPersonalData(grorud())).not.toThrow();
    expect(() => assertNoPersonalData(injected().model, { allowPersonalData: true })).not.toThrow();
    expect(() => assertNoPersonalData('Ring 22 33 44 55')).toThrow(/\(1 sted\): \(rot\)/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const WORDS = [
  'møte',
  'rektor',
  'skolen',
  'nærmiljøskolekoordinator',
  'foresatte',
  'elevrådet',
  'Ammerud',
  'Grorud',
  'samarbeid',
  'og',
  'i',
  'på',
  'hver',
  'måned',
  'høst',
  'vår',
  'ansvar',
  'BVK',
  'NSK',
  'FAU',
  'ønsker',
  'å',
  'gjennomgå',
];
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 0, maxLength: 6 }).map((w) => w.join(' '));

type Grouping = '8' | '3-2-3' | '2-2-2-2' | '4-4';
const GROUPS: Record<Grouping, number[]> = {
  '8': [8],
  '3-2-3': [3, 2, 3],
  '2-2-2-2': [2, 2, 2, 2],
  '4-4': [4, 4],
};

const phoneArb = fc
  .record({
    first: fc.integer({ min: 2, max: 9 }),
    rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
    grouping: fc.constantFrom<Grouping>('8', '3-2-3', '2-2-2-2', '4-4'),
    sep: fc.constantFrom(' ', '\u00a0', '.', '-'),
    prefix: fc.constantFrom('', '', '+47', '+47 ', '0047 ', '0047', '(+47) ', '(+47)'),
  })
  .map(({ first, rest, grouping, sep, prefix }) => {
    const digits = `${first}${rest.join('')}`;
    const parts: string[] = [];
    let at = 0;
    for (const n of GROUPS[grouping]) {
      parts.push(digits.slice(at, at + n));
      at += n;
    }
    return { digits, grouping, text: prefix + parts.join(sep) };
  })
  // The one documented exception: two years in a row (`2025-2026`) are a period, not a phone.
  .filter(
    ({ digits, grouping }) => !(grouping === '4-4' && /^(?:19|20)\d\d(?:19|20)\d\d$/.test(digits)),
  );

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Dates, years, school years, weeks, times, money, postal codes, org numbers. */
const numberish = fc.oneof(
  fc
    .record({
      y: fc.integer({ min: 1990, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      style: fc.constantFrom('iso', 'dmy', 'dmyy', 'd.m.yyyy', 'd. month yyyy'),
    })
    .map(({ y, m, d, style }) => {
      switch (style) {
        case 'iso':
          return `${y}-${pad2(m)}-${pad2(d)}`;
        case 'dmy':
          return `${pad2(d)}.${pad2(m)}.${y}`;
        case 'dmyy':
          return `${pad2(d)}.${pad2(m)}.${pad2(y % 100)}`;
        case 'd.m.yyyy':
          return `${d}.${m}.${y}`;
        default:
          return `${d}. august ${y}`;
      }
    }),
  fc.integer({ min: 1990, max: 2099 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2098 }), style: fc.integer({ min: 0, max: 4 }) })
    .map(
      ({ y, style }) =>
        [
          `${y}-${pad2((y + 1) % 100)}`,
          `${y}–${y + 1}`,
          `${y}-${y + 1}`,
          `${y}/${y + 1}`,
          `${y} ${y + 1}`,
        ][style]!,
    ),
  fc
    .record({ y: fc.integer({ min: 1990, max: 2099 }), w: fc.integer({ min: 1, max: 53 }) })
    .map(({ y, w }) => `${y}-W${pad2(w)}`),
  fc
    .record({
      h: fc.integer({ min: 0, max: 22 }),
      m: fc.constantFrom(0, 15, 30, 45),
      sep: fc.constantFrom('-', ' - ', '–'),
    })
    .map(({ h, m, sep }) => `kl. ${pad2(h)}.${pad2(m)}${sep}${pad2(h + 1)}.${pad2(m)}`),
  fc
    .integer({ min: 1000, max: 99_999_999 })
    .map((n) => `${n.toLocaleString('en-US').replace(/,/g, ' ')} kroner`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${Math.floor(n / 10)},${n % 10} millioner`),
  fc.integer({ min: 0, max: 9999 }).map((n) => `${String(n).padStart(4, '0')} Oslo`),
  fc
    .integer({ min: 800_000_000, max: 999_999_999 })
    .map((n) => String(n).replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3')),
  fc
    .record({ v: fc.integer({ min: 1, max: 6 }), t: fc.integer({ min: 1, max: 9 }) })
    .map(({ v, t }) => `Vedlegg 3, Tabell ${v}, rad ${t}`),
);

describe('properties', () => {
  it('a Norwegian phone number in any format, in any text, is always found', () => {
    fc.assert(
      fc.property(
        words,
        phoneArb,
        fc.constantFrom(' ', ': ', ' (', '\n', ' tlf. ', ' mobil: '),
        fc.constantFrom('', '.', ',', ')', ';', '!'),
        fc.constantFrom(' ', '\n', ' \n'),
        words,
        (before, phone, lead, trail, space, after) => {
          const text = `${before}${lead}${phone.text}${trail}${space}${after}`;
          const found = scanText(text).filter((m) => m.kind === 'phone');
          expect(found.map((m) => m.text)).toEqual([phone.text]);
          expect(redactText(text)).toBe(`${before}${lead}[fjernet]${trail}${space}${after}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('one in a Grorud structure is found at its path and stripped', () => {
    const model = grorud();
    fc.assert(
      fc.property(fc.nat({ max: model.structures.length - 1 }), phoneArb, (i, phone) => {
        const m = clone(model);
        m.structures[i]!.description = `${m.structures[i]!.description ?? ''} Ring ${phone.text}.`;
        expect(findPersonalData(m).map(where)).toEqual([`phone structures[${i}].description`]);
        expect(transferJson(m)).not.toContain(phone.text);
      }),
      { numRuns: 50 },
    );
  });

  it('dates, years, school years, weeks, times and amounts in any text are never flagged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(words, numberish), { minLength: 1, maxLength: 5 }),
        word,
        (pieces, last) => {
          // Numbers are separated by at least one word, as in running text.
          const text = `${pieces.map(([w, n]) => `${w} ${n} og`).join(' ')} ${last}`;
          expect(scanText(text)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('phones next to each other', () => {
  it('finds two phones separated by a space, with or without a country prefix', () => {
    expect(scanText('Ring 22334455 99887766 i dag').map((m) => m.text)).toEqual([
      '22334455',
      '99887766',
    ]);
    expect(scanText('Ring +47 22334455 +47 99887766.').map((m) => m.text)).toEqual([
      '+47 22334455',
      '+47 99887766',
    ]);
    const stripped = redactText('Ring 22334455 99887766 eller +47 22334455 +47 99887766.');
    expect(stripped).not.toMatch(/\d{4}/);
  });

  it('still leaves org numbers, account numbers and dates alone', () => {
    for (const t of ['org.nr. 974 778 742', 'konto 1503 12 34567', '18.08.2025', '2025-2026'])
      expect(scanText(t), t).toEqual([]);
  });
});

describe('phones after «tlf», «telefon», «mobil» or «ring»', () => {
  it('finds eight digits grouped any way', () => {
    for (const t of [
      'tlf. 913 42567',
      'Telefon: 91 342 567',
      'mobil 22 334455',
      'ring 47 91 34 25 67',
    ]) {
      const found = scanText(t).map((m) => m.kind);
      expect(found, t).toEqual(['phone']);
      expect(redactText(t), t).not.toMatch(/\d{3}/);
    }
  });

  it('does not take a date or a year after those words', () => {
    for (const t of ['ring 2026-06-01', 'telefon fra 2025', 'ring i uke 34'])
      expect(scanText(t), t).toEqual([]);
  });
});
