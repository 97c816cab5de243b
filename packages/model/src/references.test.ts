import { describe, expect, it } from 'vitest';
import { validateModel } from './validate.js';
import { checkReferences, indexModel } from './references.js';
import { formatIssue } from './messages.js';
import { modelSchema } from './schema.js';
import type { Lang } from '@arshjul/school-calendar';
import { at, grorud, mini, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

/** The errors of a mutated Grorud model as `path: message`. */
function errorsAfter(change: (m: Json) => void, lang: Lang = 'nb'): string[] {
  const m = grorud();
  change(m);
  const r = validateModel(m, { lang, asOf: AS_OF, lint: false });
  expect(r.valid).toBe(r.errors.length === 0);
  if (r.errors.length) expect(r.model).toBeUndefined();
  return r.errors.map((e) => formatIssue(e, lang));
}

const idx = (list: { id: string }[], id: string) => at(list, id);

describe('duplicate ids', () => {
  it('names both entities that clash in the party namespace', () => {
    const m = grorud();
    const area = idx(m.organisation.areas, 'omrade-grorud');
    const school = idx(m.organisation.schools, 'grorud');
    expect(
      errorsAfter((m) => {
        m.organisation.areas[area].id = 'grorud';
        // keep the references to the area pointing at it
        for (const s of m.organisation.schools) {
          for (const ms of s.memberships) if (ms.area === 'omrade-grorud') ms.area = 'grorud';
        }
        for (const r of m.roles) {
          for (const a of r.assignments ?? []) if (a.area === 'omrade-grorud') a.area = 'grorud';
        }
        for (const u of m.organisation.units) {
          if (u.areas) u.areas = u.areas.map((a: string) => (a === 'omrade-grorud' ? 'grorud' : a));
        }
      }),
    ).toEqual(
      expect.arrayContaining([
        `organisation.schools[${school}].id: Skolen «Grorud barneskole» har samme id («grorud») som skoleområdet «Grorud» (organisation.areas[${area}]); bydelen, enhetene, skoleområdene, skolene, institusjonene, rollene og gruppene deler de samme id-ene, så hver id kan bare brukes én gang`,
      ]),
    );
  });

  it('within structures, documents and revision rules', () => {
    const m = grorud();
    const t12 = idx(m.structures, 'T1.2');
    expect(
      errorsAfter((m) => {
        m.structures[t12].id = 'T1.1';
        m.documents[1].id = m.documents[0].id;
        m.revisions[2].id = m.revisions[1].id;
      }).filter((l) => l.includes('samme id')),
    ).toEqual([
      `structures[${t12}].id: Strukturen «Løpende saker i samarbeidet mellom bydel og skole behandles på SaLTo-…» har samme id («T1.1») som strukturen «Samarbeid mellom bydel og skole justeres årlig på SaLTo-møtet som arr…» (structures[0]); id-ene til strukturene må være unike`,
      `documents[1].id: Dokumentet «${m.documents[1].title.slice(0, 69)}…» har samme id («${m.documents[0].id}») som dokumentet «${m.documents[0].title.slice(0, 69)}…» (documents[0]); id-ene til dokumentene må være unike`,
      `revisions[2].id: Revisjonsregelen «${m.revisions[2].title}» har samme id («${m.revisions[1].id}») som revisjonsregelen «${m.revisions[1].title}» (revisions[1]); id-ene til revisjonsreglene må være unike`,
    ]);
  });

  it('in English', () => {
    const m = mini();
    m.collectives.push({ id: 'nsk', name: 'NSK-ene' });
    const r = validateModel(m, { lang: 'en', asOf: AS_OF });
    expect(r.errors.map((e) => formatIssue(e, 'en'))).toEqual([
      'collectives[1].id: The group «NSK-ene» has the same id («nsk») as the role «Nærmiljøskolekoordinator» (roles[0]); the district, the units, the areas, the schools, the institutions, the roles and the groups share one set of ids, so each id can be used only once',
    ]);
  });
});

describe('unknown ids', () => {
  it('suggests the nearest id of the right kind', () => {
    const m = grorud();
    const t41 = idx(m.structures, 'T4.1');
    expect(
      errorsAfter((m) => {
        m.structures[t41].responsible = ['nks'];
        m.structures[t41].scope.schools[0] = 'nordvet';
      }),
    ).toEqual([
      `structures[${t41}].responsible[0]: «nks» finnes ikke blant rollene, enhetene, skolene, skoleområdene, institusjonene, gruppene eller bydelen — mente du «nsk»?`,
      `structures[${t41}].scope.schools[0]: «nordvet» finnes ikke blant skolene — mente du «nordtvet»?`,
    ]);
  });

  it('in English', () => {
    const m = grorud();
    const t41 = idx(m.structures, 'T4.1');
    expect(errorsAfter((m) => (m.structures[t41].scope.schools[0] = 'nordvet'), 'en')).toEqual([
      `structures[${t41}].scope.schools[0]: «nordvet» is not among the schools — did you mean «nordtvet»?`,
    ]);
  });

  it('says what an id of the wrong kind is', () => {
    const m = grorud();
    const t41 = idx(m.structures, 'T4.1');
    expect(
      errorsAfter((m) => {
        m.structures[t41].scope.schools[0] = 'omrade-grorud';
        m.onboarding[0].trigger.roles = ['bv'];
        m.revisions[1].subject = { kind: 'document', document: 'T1.5' };
      }),
    ).toEqual([
      `structures[${t41}].scope.schools[0]: «omrade-grorud» er et skoleområde («Grorud»), ikke en skole — mente du «grorud»?`,
      'revisions[1].subject.document: «T1.5» er en struktur («Konseptpapir for NSK»), ikke et dokument',
      'onboarding[0].trigger.roles[0]: «bv» er en enhet («Barnevernstjenesten»), ikke en rolle — mente du «bvk»?',
    ]);
    expect(errorsAfter((m) => (m.onboarding[0].trigger.roles = ['bv']), 'en')).toEqual([
      'onboarding[0].trigger.roles[0]: «bv» is a unit («Barnevernstjenesten»), not a role — did you mean «bvk»?',
    ]);
  });

  it('checks every kind of reference', () => {
    const m = mini();
    m.organisation.units[1].parent = 'opvekst';
    m.organisation.units[1].areas = ['omrade-x'];
    m.organisation.schools[0].memberships[0].area = 'ammerud';
    m.organisation.institutions = [{ id: 'bhg', name: 'En barnehage', area: 'omrade-ammerdu' }];
    m.roles[0].unit = 'ea';
    m.roles[0].assignments[0].area = 'rodtvet';
    m.roles[2].assignments[0].school = 'omrade-ammerud';
    m.collectives[0].members = ['rektr'];
    const s = m.structures[3];
    s.contributors = ['x1'];
    s.participants = ['bvk', 'x2'];
    s.variations.push({ school: 'nordtvt' });
    s.documents = ['konseptpapir-nks'];
    s.agenda = [
      {
        content: 'Gjennomgang',
        documents: ['Mal for nærmiljøteam', 'konseptpapir-nsk'],
        responsible: ['x3'],
      },
    ];
    m.structures[5].scope = { kind: 'areas', areas: ['omrade-amerud'] };
    m.documents[0].owner = ['x4'];
    m.documents[0].contributors = ['x5'];
    m.documents[0].structures = ['T1.6'];
    const r = m.revisions[0];
    r.subject = { kind: 'structure', structure: 'T9' };
    r.forum.structure = 'T1.2';
    r.draftedBy = ['x6'];
    r.input = ['x7'];
    r.decidedBy = ['x8'];
    r.publishedBy = ['x9'];
    m.revisionRecords = [
      { rule: 'revisjon-konseptpapir-nks', date: '2023-05-01', summary: 'Revidert', by: ['x10'] },
    ];
    const o = m.onboarding[0];
    o.maintainedBy = ['x11'];
    o.convenedBy = ['x12'];
    o.structure = 'T2.1';
    o.document = 'plan';
    o.meetings[0].participants = ['x13'];
    o.meetings[0].agenda[0].responsible = ['x14'];
    m.routines = [
      {
        id: 'ny-medarbeider',
        name: 'Opplæring om taushetsplikt',
        trigger: { event: 'ny medarbeider' },
        steps: [{ action: 'Juristen gir opplæring', responsible: ['x15'], documents: ['taushet'] }],
        structures: ['T3.3', 'T3.9'],
      },
    ];
    m.glossary.push({ term: 'BVK', refersTo: 'bvk' }, { term: 'X', refersTo: 'focus:elever' });
    const res = validateModel(m, { asOf: AS_OF, lint: false });
    const paths = res.errors.map((e) => `${e.path} ${e.code}`);
    expect(paths).toEqual([
      'organisation.units[1].parent ref.unknown',
      'organisation.units[1].areas[0] ref.unknown',
      'organisation.schools[0].memberships[0].area ref.unknown',
      'organisation.institutions[0].area ref.unknown',
      'roles[0].unit ref.unknown',
      'roles[0].assignments[0].area ref.wrong-kind',
      'roles[2].assignments[0].school ref.wrong-kind',
      'collectives[0].members[0] ref.unknown',
      'structures[3].contributors[0] ref.unknown',
      'structures[3].participants[1] ref.unknown',
      'structures[3].variations[1].school ref.unknown',
      'structures[3].documents[0] ref.unknown',
      'structures[3].agenda[0].responsible[0] ref.unknown',
      'structures[5].scope.areas[0] ref.unknown',
      'documents[0].owner[0] ref.unknown',
      'documents[0].contributors[0] ref.unknown',
      'documents[0].structures[0] ref.unknown',
      'revisions[0].subject.structure ref.unknown',
      'revisions[0].forum.structure ref.unknown',
      'revisions[0].draftedBy[0] ref.unknown',
      'revisions[0].input[0] ref.unknown',
      'revisions[0].decidedBy[0] ref.unknown',
      'revisions[0].publishedBy[0] ref.unknown',
      'revisionRecords[0].rule ref.unknown',
      'revisionRecords[0].by[0] ref.unknown',
      'onboarding[0].maintainedBy[0] ref.unknown',
      'onboarding[0].convenedBy[0] ref.unknown',
      'onboarding[0].structure ref.unknown',
      'onboarding[0].document ref.unknown',
      'onboarding[0].meetings[0].participants[0] ref.unknown',
      'onboarding[0].meetings[0].agenda[0].responsible[0] ref.unknown',
      'routines[0].steps[0].responsible[0] ref.unknown',
      'routines[0].steps[0].documents[0] ref.unknown',
      'routines[0].structures[1] ref.unknown',
      'glossary[4].refersTo ref.bad-concept',
    ]);
    const suggestions = Object.fromEntries(
      res.errors.filter((e) => e.params?.suggestion).map((e) => [e.path, e.params!.suggestion]),
    );
    expect(suggestions).toEqual({
      'organisation.units[1].parent': 'oppvekst',
      'organisation.schools[0].memberships[0].area': 'omrade-ammerud',
      'organisation.institutions[0].area': 'omrade-ammerud',
      'roles[0].unit': 'ae',
      'collectives[0].members[0]': 'rektor',
      'structures[3].variations[1].school': 'nordtvet',
      'structures[3].documents[0]': 'konseptpapir-nsk',
      'structures[5].scope.areas[0]': 'omrade-ammerud',
      'documents[0].structures[0]': 'T1.1',
      'revisions[0].forum.structure': 'T1.1',
      'onboarding[0].structure': 'T1.1',
      'revisionRecords[0].rule': 'revisjon-konseptpapir-nsk',
      'routines[0].structures[1]': 'T3.3',
      'glossary[4].refersTo': 'elevene',
    });
  });

  it('agenda documents that are not ids are document names', () => {
    const m = mini();
    m.structures[0].agenda = [
      { content: 'Innspill', documents: ['Strategiske plan', 'Bydelskatalog'] },
    ];
    expect(validateModel(m, { asOf: AS_OF }).valid).toBe(true);
  });

  it('glossary references: ids anywhere, and level:, focus:, concept:', () => {
    expect(
      errorsAfter((m) => {
        m.glossary = [
          { term: 'a', refersTo: 'T4.1' },
          { term: 'b', refersTo: 'konseptpapirer' },
          { term: 'c', refersTo: 'level:strategisk' },
          { term: 'd', refersTo: 'focus:elevene' },
          { term: 'e', refersTo: 'concept:delbydel' },
          { term: 'f', refersTo: 'level:strategic' },
          { term: 'g', refersTo: 'nivå:x' },
          { term: 'h', refersTo: 'T9.9' },
        ];
      }),
    ).toEqual([
      'glossary[5].refersTo: «level:strategic»: «strategic» er ikke et nivå; bruk «strategisk», «organisatorisk» eller «operativt» — mente du «strategisk»?',
      'glossary[6].refersTo: «nivå:x»: «nivå:» er ikke en kjent form; bruk «level:…», «focus:…» eller «concept:…»',
      'glossary[7].refersTo: «T9.9» finnes ikke blant id-ene i modellen',
    ]);
  });
});

describe('consistency', () => {
  it('a school in two areas at once', () => {
    const m = grorud();
    const s = idx(m.organisation.schools, 'ammerud');
    expect(
      errorsAfter((m) =>
        m.organisation.schools[s].memberships.push({
          area: 'omrade-grorud',
          from: '2022-01-01',
          to: '2022-12-31',
        }),
      ),
    ).toEqual([
      `organisation.schools[${s}].memberships[1]: Skolen «Ammerud barneskole» er i to skoleområder samtidig: «Ammerud» (fra 2020-06-10) og «Grorud» (fra 2022-01-01 til 2022-12-31)`,
    ]);
    expect(
      errorsAfter(
        (m) =>
          m.organisation.schools[s].memberships.push({ area: 'omrade-grorud', to: '2020-06-10' }),
        'en',
      ),
    ).toEqual([
      `organisation.schools[${s}].memberships[1]: The school «Ammerud barneskole» is in two areas at once: «Ammerud» (from 2020-06-10) and «Grorud» (until 2020-06-10)`,
    ]);
  });

  it('moving from one area to another is fine', () => {
    expect(
      errorsAfter((m) => {
        const s = m.organisation.schools[0];
        s.memberships = [
          { area: 'omrade-grorud', from: '2020-06-10', to: '2022-07-31' },
          { area: 'omrade-ammerud', from: '2022-08-01' },
        ];
      }),
    ).toEqual([]);
  });

  it('dates out of order in memberships and assignments', () => {
    const m = grorud();
    const nsk = idx(m.roles, 'nsk');
    expect(
      errorsAfter((m) => {
        m.organisation.schools[1].memberships[0].to = '2019-01-01';
        m.roles[nsk].assignments[0].from = '2024-01-01';
        m.roles[nsk].assignments[0].to = '2023-12-31';
      }),
    ).toEqual([
      'organisation.schools[1].memberships[0].to: perioden slutter (2019-01-01) før den begynner (2020-06-10)',
      `roles[${nsk}].assignments[0].to: perioden slutter (2023-12-31) før den begynner (2024-01-01)`,
    ]);
  });

  it('statuses out of date order; revision records in any order are fine', () => {
    const m = grorud();
    const t64 = idx(m.structures, 'T6.4');
    expect(
      errorsAfter((m) => {
        m.structures[t64].status = [
          { status: 'in-operation', from: '2023-01-01' },
          { status: 'pilot', from: '2021-08-16' },
        ];
        m.revisionRecords = [
          { rule: m.revisions[1].id, date: '2024-05-01', summary: 'Revidert' },
          { rule: m.revisions[1].id, date: '2023-05-01', summary: 'Revidert første gang' },
        ];
      }),
    ).toEqual([
      `structures[${t64}].status[1].from: statusen fra 2021-08-16 står etter statusen fra 2023-01-01; statusene skal stå i datorekkefølge`,
    ]);
  });

  it('a duration whose minimum is above its maximum', () => {
    expect(
      errorsAfter((m) => (m.onboarding[0].meetings[0].duration = { min: 30, max: 15 }), 'en'),
    ).toEqual([
      'onboarding[0].meetings[0].duration: the shortest duration (30 min) is longer than the longest (15 min)',
    ]);
  });

  it('grades out of order', () => {
    expect(errorsAfter((m) => (m.organisation.schools[0].grades = { from: 7, to: 1 }))).toEqual([
      'organisation.schools[0].grades: trinnene går fra 7 til 1; det første kan ikke være større enn det siste',
    ]);
  });

  it('a variation for the same school twice', () => {
    const m = grorud();
    const t41 = idx(m.structures, 'T4.1');
    expect(
      errorsAfter((m) => {
        m.structures[t41].variations = [
          { school: 'rodtvet', localName: 'Nærmiljøteamet' },
          { school: 'ammerud' },
          { school: 'rodtvet', cadence: 'En gang i måneden' },
        ];
      }),
    ).toEqual([
      `structures[${t41}].variations[2].school: Skolen «Rødtvet barneskole» har to variasjoner i strukturen «Nærmiljøteam på hver skole» (T4.1) (også variations[0]); slå dem sammen`,
    ]);
  });

  it('a unit placed under itself', () => {
    const m = grorud();
    const fe = idx(m.organisation.units, 'fe');
    const oppvekst = idx(m.organisation.units, 'oppvekst');
    expect(
      errorsAfter((m) => {
        m.organisation.units[oppvekst].parent = 'fe';
        m.organisation.units[fe].parent = 'oppvekst';
      }),
    ).toEqual([
      `organisation.units[${oppvekst}].parent: Enheten «Avdeling Oppvekst» ligger under seg selv: «Avdeling Oppvekst» → «Forebyggende enhet» → «Avdeling Oppvekst»`,
    ]);
    expect(errorsAfter((m) => (m.organisation.units[fe].parent = 'fe'))).toEqual([
      `organisation.units[${fe}].parent: Enheten «Forebyggende enhet» ligger under seg selv: «Forebyggende enhet» → «Forebyggende enhet»`,
    ]);
  });
});

describe('keys the change log matches by: glossary terms and revision records', () => {
  it('a glossary term twice, whatever the case and the spaces around it', () => {
    const m = grorud();
    const last = m.glossary.length;
    const add = (m: Json) => {
      m.glossary.push({
        term: ' nsk ',
        kind: 'abbreviation',
        expansion: 'Nærmiljøskolekoordinator',
      });
      m.glossary.push({ term: 'NSK', kind: 'term' });
    };
    expect(errorsAfter(add)).toEqual([
      `glossary[${last}].term: «nsk» står allerede i ordlisten som «NSK» (glossary[0]); hvert ord skal stå én gang — slå oppslagene sammen`,
      `glossary[${last + 1}].term: «NSK» står allerede i ordlisten som «NSK» (glossary[0]); hvert ord skal stå én gang — slå oppslagene sammen`,
    ]);
    expect(errorsAfter(add, 'nn')[0]).toBe(
      `glossary[${last}].term: «nsk» står alt i ordlista som «NSK» (glossary[0]); kvart ord skal stå éin gong — slå oppslaga saman`,
    );
    expect(errorsAfter(add, 'en')[0]).toBe(
      `glossary[${last}].term: «nsk» is already in the glossary as «NSK» (glossary[0]); each term goes in once — merge the entries`,
    );
    const r = validateModel(
      (() => {
        const x = grorud();
        add(x);
        return x;
      })(),
      { asOf: AS_OF },
    );
    expect(r.errors.map((e) => [e.code, e.params?.otherPath])).toEqual([
      ['glossary.duplicate', 'glossary[0]'],
      ['glossary.duplicate', 'glossary[0]'],
    ]);
  });

  it('two records of the same revision rule on the same day', () => {
    const m = grorud();
    const rule = m.revisions[idx(m.revisions, 'justering-av-samarbeidet')];
    const record = (date: string, summary: string) => ({
      rule: rule.id,
      date,
      summary,
      by: ['nsk'],
    });
    const add = (m: Json) => {
      m.revisionRecords = [
        record('2026-04-07', 'Justert på SaLTo-møtet'),
        record('2025-04-08', 'Justert i fjor'),
        record('2026-04-07', 'Justert på SaLTo-møtet (ført to ganger)'),
      ];
    };
    expect(errorsAfter(add)).toEqual([
      `revisionRecords[2]: Revisjonen etter revisjonsregelen «${rule.title}» (${rule.id}) den 2026-04-07 er registrert to ganger (også revisionRecords[0]); slå registreringene sammen`,
    ]);
    expect(errorsAfter(add, 'nn')).toEqual([
      `revisionRecords[2]: Revisjonen etter revisjonsregelen «${rule.title}» (${rule.id}) den 2026-04-07 er registrert to gonger (også revisionRecords[0]); slå registreringane saman`,
    ]);
    expect(errorsAfter(add, 'en')).toEqual([
      `revisionRecords[2]: The revision under the revision rule «${rule.title}» (${rule.id}) on 2026-04-07 is recorded twice (also revisionRecords[0]); merge the records`,
    ]);
    // the same day for two rules, or two days for one rule, is fine
    expect(
      errorsAfter((m) => {
        add(m);
        m.revisionRecords[2].date = '2026-04-08';
      }),
    ).toEqual([]);
  });

  it('checkReferences finds them in a parsed model', () => {
    // Both duplicates made diffModels (and so nextYearModel) refuse a model that validated.
    const glossary = modelSchema.parse({
      ...grorud(),
      glossary: [...grorud().glossary, { term: 'NSK' }],
    });
    const records = modelSchema.parse({
      ...grorud(),
      revisionRecords: [
        { rule: 'justering-av-samarbeidet', date: '2026-04-07', summary: 'a', by: ['nsk'] },
        { rule: 'justering-av-samarbeidet', date: '2026-04-07', summary: 'b', by: ['nsk'] },
      ],
    });
    for (const model of [glossary, records]) {
      expect(checkReferences(model).map((e) => e.code)).toEqual([
        model === glossary ? 'glossary.duplicate' : 'record.duplicate',
      ]);
    }
  });
});

describe('indexModel and checkReferences on their own', () => {
  it('indexes every entity of the Grorud model', () => {
    const model = modelSchema.parse(grorud());
    const index = indexModel(model);
    expect(index.party.get('nsk')?.kind).toBe('role');
    expect(index.party.get('omrade-romsas')).toMatchObject({ kind: 'area', name: 'Romsås' });
    expect(index.byKind.structure.size).toBe(37);
    expect(checkReferences(model)).toEqual([]);
  });
});
