import { describe, expect, it } from 'vitest';
import { validateModel } from './validate.js';
import { detectPersonalData, findPersonalData, lintModel, LINT_CODES } from './lint.js';
import { formatIssue } from './messages.js';
import { modelSchema } from './schema.js';
import type { Lang } from '@arshjul/school-calendar';
import { at, grorud, mini, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

/** The warnings of a mutated small fixture as `path: message` (it has none as it is). */
function warningsAfter(change: (m: Json) => void, lang: Lang = 'nb', asOf = AS_OF): string[] {
  const m = mini();
  change(m);
  const r = validateModel(m, { lang, asOf });
  expect(r.errors.map((e) => formatIssue(e))).toEqual([]);
  expect(r.valid).toBe(true);
  expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
  return r.warnings.map((w) => formatIssue(w, lang));
}

// Personal data for the tests, assembled at run time from obviously fake parts.
const FAKE_EMAIL = ['kontakt', 'example.invalid'].join('@');
const FAKE_PHONE = ['+47', '400', '00', '000'].join(' ');

describe('the Grorud model', () => {
  it('gets exactly these warnings, each a true gap of the source', () => {
    const r = validateModel(grorud(), { asOf: AS_OF });
    expect(r.valid).toBe(true);
    const warnings = r.warnings.map((w) => `${w.code} ${w.path}`);
    expect(warnings).toEqual([
      // §4 R14 / §5 D5: the contact list («Oversikt over og kontaktopplysninger …») has no
      // revision cycle in the source — «Skolene er ansvarlig for å oppdatere dokumentet», but
      // no when. Every other document is revised through its T1/T2 row.
      'no-revision-cycle documents[4]',
    ]);
    expect(r.warnings[0]!.message).toBe(
      'Dokumentet «Oversikt over og kontaktopplysninger til sentrale medarbeidere på sko…» blir aldri revidert: ingen revisjonsregel gjelder dokumentet eller en struktur det hører til.',
    );
  });

  it('in the spring of 2021, the structures (planned then) apply to Bjøråsen, still a member', () => {
    // Every structure is planned until 2023-01-01: none runs, but each applies to its schools,
    // so no school is without a structure and the strategic forum T1.1 is there.
    const r = validateModel(grorud(), { asOf: '2021-03-01' });
    expect(r.warnings.map((w) => w.code)).toEqual(['no-revision-cycle']);
  });

  it('a discontinued structure no longer applies; a planned one already does', () => {
    const m = grorud();
    for (const s of m.structures) s.status = [{ status: 'discontinued', from: '2024-08-01' }];
    const codes = (asOf: string) =>
      validateModel(m, { asOf }).warnings.map((w) => `${w.code} ${w.path}`);
    expect(codes('2025-10-01')).toEqual([
      'no-strategic-forum ',
      'no-revision-cycle documents[4]',
      ...m.organisation.schools
        .map((_: unknown, i: number) => `school-takes-part-in-nothing organisation.schools[${i}]`)
        .filter((_: string, i: number) => m.organisation.schools[i].id !== 'bjorasen'),
    ]);
    for (const s of m.structures) s.status = [{ status: 'planned', from: '2024-08-01' }];
    expect(codes('2025-10-01')).toEqual(['no-revision-cycle documents[4]']);
  });

  it('the lint codes are the documented ones', () => {
    expect([...LINT_CODES].sort()).toEqual([
      'document-without-owner',
      'focus-on-non-operative',
      'inactive-school-in-scope',
      'no-revision-cycle',
      'no-strategic-forum',
      'nobody-responsible',
      'personal-data-outside-assignment',
      'qualitative-needs-interval',
      'role-nobody-holds',
      'school-takes-part-in-nothing',
    ]);
  });
});

describe('no-strategic-forum', () => {
  it('warns when no strategic structure is a meeting', () => {
    expect(warningsAfter((m) => (m.structures[0].kind = 'decision'))).toEqual([
      '(roten): Modellen har ingen strategisk møteplass: ingen struktur på strategisk nivå er et møte med fast rytme. Det er der samarbeidet mellom bydel og skole justeres (som på SaLTo-møtet i Grorudmodellen).',
    ]);
    expect(warningsAfter((m) => (m.structures[0].level = 'organisatorisk'), 'en')).toEqual([
      '(root): The model has no strategic forum: no structure on the strategic level is a meeting with a fixed rhythm. That is where the collaboration between district and schools is adjusted (like the SaLTo meeting in the Grorud model).',
    ]);
  });

  it('a strategic secondary level counts, and so does a scheduled structure of no kind', () => {
    expect(
      warningsAfter((m) => {
        m.structures[0].level = 'organisatorisk';
        m.structures[0].secondaryLevels = ['strategisk'];
      }),
    ).toEqual([]);
    expect(warningsAfter((m) => delete m.structures[0].kind)).toEqual([]);
    // … but not one that only revises a document, nor one held «ved behov»
    expect(
      warningsAfter((m) => {
        delete m.structures[0].kind;
        m.structures[0].cadence = 'Ved behov';
      }).map((l) => l.slice(0, 40)),
    ).toEqual(['(roten): Modellen har ingen strategisk m']);
  });

  it('a discontinued forum is no forum', () => {
    expect(
      warningsAfter(
        (m) => (m.structures[0].status = [{ status: 'discontinued', from: '2024-08-01' }]),
      ).length,
    ).toBe(1);
  });
});

describe('no-revision-cycle', () => {
  it('warns once when the model has no revision rules at all', () => {
    expect(warningsAfter((m) => (m.revisions = []))).toEqual([
      '(roten): Modellen har ingen revisjonsregler: ingen dokument eller struktur har en fast tid for revisjon.',
    ]);
  });

  it('warns per document no rule covers, directly or through a structure', () => {
    expect(
      warningsAfter((m) => {
        m.documents.push(
          { id: 'bydelskatalog', title: 'Bydelskatalog', owner: ['nsk'] },
          {
            id: 'mal-naermiljoteam',
            title: 'Mal for nærmiljøteam',
            owner: ['nsk'],
            structures: ['T4.1'],
          },
        );
        m.structures[3].documents = ['mal-naermiljoteam'];
      }),
    ).toEqual([
      'documents[1]: Dokumentet «Bydelskatalog» blir aldri revidert: ingen revisjonsregel gjelder dokumentet eller en struktur det hører til.',
      'documents[2]: Dokumentet «Mal for nærmiljøteam» blir aldri revidert: ingen revisjonsregel gjelder dokumentet eller en struktur det hører til.',
    ]);
    // covered through a structure: the rule is about T4.1, and the document belongs to it
    expect(
      warningsAfter((m) => {
        m.documents.push({
          id: 'mal',
          title: 'Mal for nærmiljøteam',
          owner: ['nsk'],
          structures: ['T4.1'],
        });
        m.revisions.push({
          id: 'r-t41',
          title: 'Evaluering av nærmiljøteamet',
          subject: { kind: 'structure', structure: 'T4.1' },
          cadence: 'En gang i året',
        });
      }),
    ).toEqual([]);
  });
});

describe('qualitative-needs-interval', () => {
  it('flags «Jevnlig» in structures, variations and revision rules', () => {
    expect(
      warningsAfter((m) => {
        m.structures[2].cadence = 'Jevnlig';
        m.structures[3].variations[0].cadence = 'Jevnlig';
        m.revisions[0].cadence = 'Jevnlig';
      }),
    ).toEqual([
      'structures[2].cadence: Rytmen «Jevnlig» for strukturen «Fast ukentlig kontordag på hver skole for NSK og BVK» (T3.3) sier ikke hvor ofte («jevnlig»); skriv et intervall, for eksempel «Hver fjerde uke», så den kommer med i årshjulet.',
      'structures[3].variations[0].cadence: Rytmen «Jevnlig» for strukturen «Nærmiljøteam på hver skole» (T4.1) på «Rødtvet skole» sier ikke hvor ofte («jevnlig»); skriv et intervall, for eksempel «Hver fjerde uke», så den kommer med i årshjulet.',
      'revisions[0].cadence: Rytmen «Jevnlig» for revisjonsregelen «Revisjon av konseptpapiret for NSK» (revisjon-konseptpapir-nsk) sier ikke hvor ofte («jevnlig»); skriv et intervall, for eksempel «Hver fjerde uke», så den kommer med i årshjulet.',
    ]);
  });

  it('flags a qualitative alternative too', () => {
    expect(
      warningsAfter(
        (m) =>
          (m.structures[2].cadence = {
            text: 'Hver uke eller jevnlig',
            rule: {
              kind: 'alternatives',
              options: [
                { kind: 'interval', every: 1, unit: 'week' },
                { kind: 'qualitative', word: 'jevnlig' },
              ],
            },
          }),
        'en',
      ),
    ).toEqual([
      'structures[2].cadence: The rhythm «Hver uke eller jevnlig» of the structure «Fast ukentlig kontordag på hver skole for NSK og BVK» (T3.3) does not say how often («jevnlig»); give an interval such as «Hver fjerde uke» so that it appears in the annual wheel.',
    ]);
  });
});

describe('nobody-responsible, focus-on-non-operative, document-without-owner', () => {
  it('warns with the structure and document by name', () => {
    expect(
      warningsAfter((m) => {
        m.structures[2].responsible = [];
        m.structures[3].responsible = [];
        m.structures[3].responsibleText = 'Skolene og bydelen';
        m.structures[1].focus = 'samhandling';
        m.documents[0].owner = [];
        m.documents[0].ownerText = 'Bydelen';
      }),
    ).toEqual([
      'structures[1].focus: Strukturen «Konseptpapir for NSK» (T1.5) er på strategisk nivå, men har fokus «samhandling»; fokus brukes bare for operative strukturer.',
      'structures[2].responsible: Ingen er ansvarlig for strukturen «Fast ukentlig kontordag på hver skole for NSK og BVK» (T3.3).',
      'structures[3].responsible: Ingen er ansvarlig for strukturen «Nærmiljøteam på hver skole» (T4.1) (ansvarsteksten «Skolene og bydelen» peker ikke på noen rolle, enhet eller skole).',
      'documents[0].owner: Dokumentet «Konseptpapir NSK» har ingen eier (eierteksten «Bydelen» peker ikke på noen rolle, enhet eller skole); noen må ha ansvar for å holde det oppdatert.',
    ]);
  });

  it('in English', () => {
    expect(
      warningsAfter((m) => {
        m.structures[2].responsible = [];
        m.structures[2].focus = 'elevene';
      }, 'en'),
    ).toEqual([
      'structures[2].responsible: Nobody is responsible for the structure «Fast ukentlig kontordag på hver skole for NSK og BVK» (T3.3).',
      'structures[2].focus: The structure «Fast ukentlig kontordag på hver skole for NSK og BVK» (T3.3) is on the organisational level but has the focus «elevene»; a focus is only for operative structures.',
    ]);
  });
});

describe('school-takes-part-in-nothing and inactive-school-in-scope', () => {
  it('an active school no structure applies to', () => {
    const nothingForAll = (m: Json) => {
      for (const s of m.structures)
        if (s.scope.kind === 'all-schools') s.scope = { kind: 'district' };
    };
    expect(warningsAfter(nothingForAll)).toEqual([]);
    expect(
      warningsAfter((m) => {
        nothingForAll(m);
        m.structures[3].variations.push({ school: 'tiurleiken', takesPart: false });
      }),
    ).toEqual([
      'organisation.schools[3]: Skolen «Tiurleiken skole» er med i samarbeidet per 2025-10-01, men ingen struktur gjelder skolen.',
    ]);
  });

  it('follows areas on the date, stages and variations', () => {
    const only = (m: Json, scope: Json, variations: Json[] = []) => {
      for (const s of m.structures) {
        s.scope = { kind: 'district' };
        s.variations = [];
      }
      m.structures[3].scope = scope;
      m.structures[3].variations = variations;
    };
    const codes = (change: (m: Json) => void) =>
      warningsAfter(change).map((l) => l.slice(0, l.indexOf(':')));
    expect(
      codes((m) => only(m, { kind: 'areas', areas: ['omrade-ammerud', 'omrade-grorud'] })),
    ).toEqual(['organisation.schools[3]']);
    expect(codes((m) => only(m, { kind: 'stage', stages: ['barneskole'] }))).toEqual([
      'organisation.schools[1]',
    ]);
    expect(
      codes((m) =>
        only(m, { kind: 'stage', stages: ['barneskole'] }, [
          { school: 'apallokka', takesPart: true },
        ]),
      ),
    ).toEqual([]);
    // a combined school (1–10) counts as a barneskole
    expect(
      codes((m) => {
        only(m, { kind: 'stage', stages: ['barneskole'] });
        m.organisation.schools[1].stage = 'kombinert';
      }),
    ).toEqual([]);
  });

  it('a school that left is not expected to take part, but is flagged when still listed', () => {
    expect(warningsAfter((m) => m.structures[3].scope.schools.push('bjorasen'))).toEqual([
      'structures[3].scope.schools[4]: Skolen «Bjøråsen skole» er ikke med i samarbeidet per 2025-10-01, men står i strukturen «Nærmiljøteam på hver skole» (T4.1).',
    ]);
    // before it left, it is fine
    expect(
      warningsAfter((m) => m.structures[3].scope.schools.push('bjorasen'), 'nb', '2021-02-01'),
    ).toEqual([]);
  });
});

describe('role-nobody-holds', () => {
  it('a role without any assignment', () => {
    expect(warningsAfter((m) => (m.roles[3].assignments = []))).toEqual([
      'roles[3]: Ingen har rollen «SaLTo-koordinator i bydel»: rollen har ingen tildelinger. Legg inn hvem som har den (eller en ledig stilling) per skoleområde eller skole.',
    ]);
    expect(warningsAfter((m) => (m.roles[0].assignments = []), 'en')).toEqual([
      'roles[0]: Nobody holds the role «Nærmiljøskolekoordinator (NSK)»: the role has no assignments. Add who holds it (or a vacancy) per area or school.',
    ]);
  });
});

describe('personal-data-outside-assignment', () => {
  it('finds e-mail addresses and phone numbers, without echoing them', () => {
    const lines = warningsAfter((m) => {
      m.structures[3].description = `Kontakt NSK på ${FAKE_EMAIL} for å bli med.`;
      m.organisation.schools[0].notes = [{ text: `Sentralbord ${FAKE_PHONE}` }];
      m.roles[0].assignments[0].person = { name: '(navn)', email: FAKE_EMAIL, phone: FAKE_PHONE };
    });
    expect(lines).toEqual([
      'organisation.schools[0].notes[0].text: ser ut til å inneholde et telefonnummer (40…); personopplysninger hører bare hjemme i roles[].assignments[].person, som aldri følger med når modellen deles',
      'structures[3].description: ser ut til å inneholde en e-postadresse (k…@e…); personopplysninger hører bare hjemme i roles[].assignments[].person, som aldri følger med når modellen deles',
    ]);
    for (const l of lines) {
      expect(l).not.toContain(FAKE_EMAIL);
      expect(l).not.toContain('400 00 000');
    }
  });

  it('reads Norwegian number formats and leaves other numbers alone', () => {
    const phone = (s: string) => detectPersonalData(s)?.kind === 'phone';
    expect(phone('ring 22334455')).toBe(true);
    expect(phone('ring 22 33 44 55')).toBe(true);
    expect(phone('ring 223 34 455')).toBe(true);
    expect(phone('ring 4000 0000')).toBe(true);
    expect(phone('ring +47 22334455')).toBe(true);
    expect(phone('ring 0047 22 33 44 55')).toBe(true);
    expect(phone('Totalt 13 500 000 kroner')).toBe(false);
    expect(phone('Bokført 12456043')).toBe(false);
    expect(phone('fra 20230101')).toBe(false);
    expect(phone('2022-12-31')).toBe(false);
    expect(phone('1234567')).toBe(false);
    expect(phone('223344556')).toBe(false);
    expect(phone('T1.1 og T2.3')).toBe(false);
    expect(detectPersonalData('skriv til post@skole')?.kind).toBeUndefined();
  });

  it('looks everywhere but roles[].assignments[].person', () => {
    const value = {
      a: [{ b: FAKE_EMAIL }],
      roles: [{ assignments: [{ person: { email: FAKE_EMAIL }, note: FAKE_PHONE }] }],
      'odd key': FAKE_PHONE,
    };
    expect(findPersonalData(value).map((h) => `${h.kind} ${h.path}`)).toEqual([
      'email a[0].b',
      'phone roles[0].assignments[0].note',
      'phone ["odd key"]',
    ]);
  });
});

describe('lintModel on its own', () => {
  it('works on a parsed model, with the model as input by default', () => {
    const model = modelSchema.parse(mini());
    expect(lintModel(model, { asOf: AS_OF })).toEqual([]);
    model.revisions = [];
    expect(lintModel(model, { asOf: AS_OF, lang: 'nn' }).map((w) => w.message)).toEqual([
      'Modellen har ingen revisjonsreglar: ingen dokument eller struktur har ei fast tid for revisjon.',
    ]);
  });

  it('a school with only a future membership is not active yet', () => {
    const m = grorud();
    const i = at(m.organisation.schools, 'tiurleiken');
    m.organisation.schools[i].memberships[0].from = '2026-08-01';
    const t41 = at(m.structures, 'T4.1');
    const r = validateModel(m, { asOf: AS_OF });
    expect(r.summary?.activeSchools).toBe(7);
    expect(r.warnings.map((w) => `${w.code} ${w.path}`)).toContain(
      `inactive-school-in-scope structures[${t41}].scope.schools[5]`,
    );
  });
});
