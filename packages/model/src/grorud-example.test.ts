/**
 * The complete Grorudmodellen as a model file (examples/grorud/grorudmodellen.json): it reads
 * against the schema, holds what the source holds (3 areas, 9 schools, 37 structures, 5 shared
 * documents, 2 onboarding plans with 15 agenda rows), keeps the source's words verbatim, resolves
 * every reference, and records every inconsistency of the source. Expected strings below are
 * copied from the source (Vedlegg 3, Tabell 1–6; Vedlegg 3a), for a sample of rows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCadence, type RuleKind } from '@arshjul/recurrence';
import { modelSchema, type Model, type Structure } from './schema.js';

const FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(FILE, 'utf8'));
const parsed = modelSchema.safeParse(raw);
const model: Model = parsed.success ? parsed.data : (undefined as never);

const ACTIVE = [
  'ammerud',
  'rodtvet',
  'apallokka',
  'grorud',
  'nordtvet',
  'groruddalen',
  'svarttjern',
  'tiurleiken',
];

function structure(id: string): Structure {
  const s = model.structures.find((x) => x.id === id);
  if (!s) throw new Error(`no structure ${id}`);
  return s;
}

/** Every string in a JSON value (keys included), with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      [`${path}.${k}#key`, k] as [string, string],
      ...strings(v, `${path}.${k}`),
    ]);
  }
  return [];
}

/** Every note object ({kind, text, …}) anywhere in a JSON value. */
function noteObjects(value: unknown): { text: string; source?: string; kind?: string }[] {
  if (Array.isArray(value)) return value.flatMap(noteObjects);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const own =
        k === 'notes' && Array.isArray(v)
          ? v.filter((n): n is { text: string } => typeof n === 'object' && n !== null)
          : [];
      return [...own, ...noteObjects(v)];
    });
  }
  return [];
}

describe('examples/grorud/grorudmodellen.json', () => {
  it('is a valid model file', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(model).toMatchObject({
      schemaVersion: 1,
      id: 'grorudmodellen',
      name: 'Grorudmodellen',
      schoolYear: '2025-26',
      language: 'nb',
    });
    expect((raw as { $schema: string }).$schema).toBe('../../docs/model.schema.json');
    expect(model.source).toMatch(/sluttrapport/);
    expect(model.source).toMatch(/Vedlegg 3 /);
    expect(model.source).toMatch(/Vedlegg 3a/);
    expect(model.revisionRecords).toEqual([]);
  });

  describe('organisation', () => {
    it('has the district in Oslo, three areas and nine schools', () => {
      expect(model.organisation.district).toMatchObject({
        id: 'bydel-grorud',
        name: 'Bydel Grorud',
        kommune: 'oslo',
      });
      expect(model.organisation.areas.map((a) => [a.id, a.name])).toEqual([
        ['omrade-ammerud', 'Ammerud'],
        ['omrade-grorud', 'Grorud'],
        ['omrade-romsas', 'Romsås'],
      ]);
      expect(model.organisation.schools.map((s) => s.id)).toEqual([...ACTIVE, 'bjorasen']);
      const byArea = (area: string) =>
        model.organisation.schools
          .filter((s) => s.memberships.some((m) => m.area === area))
          .map((s) => s.id);
      expect(byArea('omrade-ammerud')).toEqual(['ammerud', 'rodtvet', 'apallokka']);
      expect(byArea('omrade-grorud')).toEqual(['grorud', 'nordtvet', 'groruddalen']);
      expect(byArea('omrade-romsas')).toEqual(['svarttjern', 'tiurleiken', 'bjorasen']);
    });

    it('has six barneskoler (1–7) and three ungdomsskoler (8–10)', () => {
      const stage = (st: string) =>
        model.organisation.schools.filter((s) => s.stage === st).map((s) => s.id);
      expect(stage('barneskole')).toEqual([
        'ammerud',
        'rodtvet',
        'grorud',
        'nordtvet',
        'svarttjern',
        'tiurleiken',
      ]);
      expect(stage('ungdomsskole')).toEqual(['apallokka', 'groruddalen', 'bjorasen']);
      for (const s of model.organisation.schools) {
        expect(s.grades).toEqual(
          s.stage === 'barneskole' ? { from: 1, to: 7 } : { from: 8, to: 10 },
        );
      }
    });

    it('closes Bjøråsen at the end of May 2021 and keeps the others open from the project start', () => {
      for (const s of model.organisation.schools) {
        expect(s.memberships).toHaveLength(1);
        const [m] = s.memberships;
        expect(m!.from).toBe('2020-06-10');
        if (s.id === 'bjorasen') {
          expect(m).toMatchObject({ area: 'omrade-romsas', to: '2021-05-31' });
          expect(m!.note).toMatch(/mai 2021/);
          expect(m!.note).toMatch(/omorganisering/);
          expect(m!.note).toMatch(/undervisningskvaliteten/);
        } else {
          expect(m!.to).toBeUndefined();
        }
      }
    });

    it('keeps the school names as the source writes them, with the other forms as aliases', () => {
      const school = (id: string) => model.organisation.schools.find((s) => s.id === id)!;
      expect(school('groruddalen').name).toBe('Groruddalen ungdomskole');
      expect(school('groruddalen').aliases).toContain('Groruddalen ungdomsskole');
      expect(school('ammerud').aliases).toEqual(
        expect.arrayContaining(['Ammerud skole', 'Ammerudskole']),
      );
      expect(school('rodtvet').aliases).toContain('Rødtvet skole');
    });
  });

  describe('structures', () => {
    it('has the 37 rows of Tabell 1–6 in source order', () => {
      const expected = [5, 6, 4, 7, 7, 8].flatMap((n, t) =>
        Array.from({ length: n }, (_, r) => `T${t + 1}.${r + 1}`),
      );
      expect(model.structures.map((s) => s.id)).toEqual(expected);
    });

    it('has 11 strategic, 4 organisational and 22 operative structures', () => {
      const count = (level: string) => model.structures.filter((s) => s.level === level).length;
      expect([count('strategisk'), count('organisatorisk'), count('operativt')]).toEqual([
        11, 4, 22,
      ]);
    });

    it('gives every operative structure its focus: 7 samhandling, 7 elevene, 8 elever og foresatte', () => {
      const focus = (f: string) => model.structures.filter((s) => s.focus === f).map((s) => s.id);
      expect(focus('samhandling')).toHaveLength(7);
      expect(focus('elevene')).toHaveLength(7);
      expect(focus('elever-og-foresatte')).toHaveLength(8);
      for (const s of model.structures) {
        const table = Number(s.id[1]);
        expect(s.focus, s.id).toBe(
          ({ 4: 'samhandling', 5: 'elevene', 6: 'elever-og-foresatte' } as Record<number, string>)[
            table
          ],
        );
        expect(s.source).toBe(`Vedlegg 3, Tabell ${table}, rad ${s.id.slice(3)}`);
      }
    });

    // Copied from Vedlegg 3 (Formell struktur | Beskrivelse | Oppfølging | Ansvar for oppfølgning |
    // Grunnskolene det gjelder), PDF line wraps joined by single spaces, typos kept.
    const VERBATIM: Record<
      string,
      { name: string; description: string; cadence: string; responsible: string; scope: string }
    > = {
      'T1.1': {
        name: 'Samarbeid mellom bydel og skole justeres årlig på SaLTo-møtet som arrangeres om våren',
        description:
          'Ansvaret for rammen og koordineringen av samarbeidet flyttes fra styringsgruppen og prosjektledelsen til SaLTo-møtene',
        cadence: 'En gang i året',
        responsible:
          'SaLTo-koordinator i bydel sammen med NSK koordinerer. Rektorer og seksjonssjefer er ansvarlige for innspill',
        scope: 'Alle skoler',
      },
      'T1.4': {
        name: 'Konseptpapir for BVK i skolen',
        description:
          'Det er utarbeidet et konseptpapir for BVK som beskriver hvordan arbeidet er organisert, målet med arbeidet og potensialet for samarbeid Se vedlegg',
        cadence: 'Justeres en gang i året',
        responsible: 'BVK, avdelingsleder for Mottak og barnevernleder',
        scope: 'Alle skoler',
      },
      'T2.4': {
        name: 'Stillingsbeskrivelse av NSK på hjemmesiden til skolene',
        description:
          'Beskrivelse av NSK sin rolle og funksjon. Beskrivelsen er rettet mot foresatte og ungdom',
        cadence: 'En gang i året',
        responsible: 'NSK utarbeider og reviderer dokumentet. Skolene legger det ut på hjemmesiden',
        scope: 'Alle skoler',
      },
      'T2.6': {
        name: 'Bydelskatalog over tjenester i bydelen',
        description:
          'Til bruk for skolene. Oppdatert digital oversikt over tjenester i bydelen som er relevante for elevene på skolene',
        cadence: 'Revideres en ganger i året',
        responsible: 'NSK',
        scope: 'Alle skoler',
      },
      'T3.2': {
        name: 'Jevnlige møter mellom seksjonssjefer i bydelen og NSK, enten individuelt eller på avdelingsmøter for avdeling Oppvekst',
        description:
          'Møtearena som gir seksjonsledere mulighet til å inkludere NSK i det strategisk forebyggende arbeidet som skjer i bydelen. NSK får mulighet til å videreføre arbeidet som skjer i bydelen inn på skolen',
        cadence: 'Ved behov',
        responsible: 'NSK og seksjonsledere',
        scope: 'Alle skoler',
      },
      'T3.4': {
        name: 'NSK har to ukentlige kontordager i bydelen for bydelssaker. BVK har en ukentlig kontordag i bydelen for bydelssaker',
        description: 'NSK og BVK er fysisk tilstede i bydelens arena.',
        cadence: 'Ukentlig',
        responsible: 'NSK og BVK',
        scope: 'Bydel Grorud',
      },
      'T4.1': {
        name: 'Nærmiljøteam på hver skole',
        description:
          'Et team bestående av representanter fra skolen, bydelen og aktører fra nærmiljøet. Møtes jevnlig for å samarbeide om tiltak og prosjekter på gruppe- og systemnivå. Målet er å ivareta bydelens befolkning på en helhetlig måte, styrke samarbeidet mellom aktørene og sikre fremdrift saker. Møtet gir videre mulighet for å etablere kontakt mellom relevante aktører i nærmiljøet',
        cadence: 'Hver fjerde uke',
        responsible: 'NSK',
        scope: 'Nordtvet, Grorud, Ammerud, Apalløkka og Rødtvet skole, Tiurleiken.',
      },
      'T4.4': {
        name: 'Informasjonsmøte om barnevernstjenesten',
        description:
          'BVK informerer ansatte på skolene om barneverntjenesten og samarbeidsrutiner mellom barnevern og skole',
        cadence: 'En gang i året',
        responsible: 'BVK/BVK',
        scope: 'Alle skolene',
      },
      'T5.3': {
        name: 'FLYT- programmet',
        description:
          'FLYT-programmet har som formål å forberede ungdommene til videregående opplæring gjennom å styrke deres livsmestringsferdigheter. Et samarbeid mellom bydel Grorud og Kronprinsparets Fond',
        cadence: 'Samlinger gjennom hele året',
        responsible: 'NSK er prosjektleder',
        scope: 'Apalløkka og Groruddalen skole',
      },
      'T5.5': {
        name: 'Språk- og holdningskampanje',
        description:
          'Målet med kampanjen er å fokusere på inkludering og aksept i et flerkulturell samfunn',
        cadence: 'En gang i året',
        responsible: 'Rødtvet, Ammerud, Apalløkka skole og NSK',
        scope: 'Ammerud, Apalløkka, Rødtvet skole og Bydel Grorud',
      },
      'T6.3': {
        name: 'BVK deltar på skolens sos.ped.møter/ elevdrøftingsmøter (statusmøter)',
        description:
          'Drøfting av enkeltelever og status på skolen (trender, hva som rører seg i skolemiljøet osv.)',
        cadence: 'En gang i uken/ved behov',
        responsible: 'Skolene',
        scope: 'Groruddalen skole, Rødtvet skole, Grorud, Groruddalen, Nordtvet',
      },
      'T6.4': {
        name: 'BVK deltar på ukentlig drøftingsmøte vedrørende sårbare elever',
        description:
          'Møte hvor BVK og skoleledelsen/sosiallærer drøfter særlig sårbare elever. Målet er å sikre helhetlige perspektiv, gode samarbeid og sikre fremdrift',
        cadence: 'Hver uke / hver 2. uke',
        responsible: 'Skole og BVK',
        scope: 'Nordtvet-, Ammerud, Rødtvet- og Apalløkka skole',
      },
    };

    it.each(Object.entries(VERBATIM))('%s keeps the words of the source', (id, v) => {
      const s = structure(id);
      expect(s.name).toBe(v.name);
      expect(s.description).toBe(v.description);
      expect(s.cadence.text).toBe(v.cadence);
      expect(s.responsibleText).toBe(v.responsible);
      expect(s.scopeText).toBe(v.scope);
    });

    it('samples every table', () => {
      expect(new Set(Object.keys(VERBATIM).map((id) => id[1]))).toEqual(
        new Set(['1', '2', '3', '4', '5', '6']),
      );
    });

    // The normalised cadences of the source (grorud-model.md §2.3), as rule kinds.
    const KINDS: Record<string, RuleKind> = {
      'T1.1': 'count',
      'T1.2': 'count',
      'T1.3': 'event',
      'T1.4': 'count',
      'T1.5': 'count',
      'T2.1': 'count',
      'T2.2': 'count',
      'T2.3': 'count',
      'T2.4': 'count',
      'T2.5': 'count',
      'T2.6': 'count',
      'T3.1': 'on-demand',
      'T3.2': 'on-demand',
      'T3.3': 'interval',
      'T3.4': 'interval',
      'T4.1': 'interval',
      'T4.2': 'on-demand',
      'T4.3': 'on-demand',
      'T4.4': 'count',
      'T4.5': 'interval',
      'T4.6': 'on-demand',
      'T4.7': 'count',
      'T5.1': 'count',
      'T5.2': 'count',
      'T5.3': 'continuous',
      'T5.4': 'count',
      'T5.5': 'count',
      'T5.6': 'on-demand',
      'T5.7': 'count',
      'T6.1': 'interval',
      'T6.2': 'on-demand',
      'T6.3': 'alternatives',
      'T6.4': 'alternatives',
      'T6.5': 'on-demand',
      'T6.6': 'on-demand',
      'T6.7': 'count',
      'T6.8': 'count',
    };

    it('reads every cadence as the rule kind of the normalised cadence, and every phrase parses', () => {
      expect(Object.keys(KINDS)).toEqual(model.structures.map((s) => s.id));
      for (const s of model.structures) {
        expect(s.cadence.rule.kind, s.id).toBe(KINDS[s.id]);
        const r = parseCadence(s.cadence.text);
        expect(r.ok, s.id).toBe(true);
        if (r.ok) expect(r.cadence.rule.kind, s.id).toBe(KINDS[s.id]);
      }
    });

    it('reads the rhythms more precisely where the source says more', () => {
      expect(structure('T1.1').cadence).toEqual({
        text: 'En gang i året',
        rule: { kind: 'count', min: 1, max: 1, per: 'year', within: { kind: 'half', half: 'vår' } },
        action: 'adjustment',
      });
      expect(structure('T1.2').cadence.rule).toMatchObject({ kind: 'count', per: 'quarter' });
      expect(structure('T4.1').cadence.rule).toMatchObject({
        kind: 'interval',
        every: 4,
        unit: 'week',
      });
      expect(structure('T4.5').cadence.rule).toMatchObject({
        kind: 'interval',
        every: 6,
        unit: 'week',
      });
      expect(structure('T5.1').cadence.rule).toMatchObject({
        kind: 'count',
        within: { kind: 'before', break: 'sommerferie' },
      });
      expect(structure('T5.2').cadence.rule).toMatchObject({ kind: 'count', per: 'half' });
      expect(structure('T5.4').cadence.rule).toMatchObject({ kind: 'count', min: 2, max: 2 });
      expect(structure('T6.8').cadence.rule).toMatchObject({ kind: 'count', min: 1, max: 2 });
      expect(structure('T2.6').cadence.action).toBe('revision');
    });

    it('parses the Ansvar column into parties', () => {
      expect(structure('T1.1')).toMatchObject({
        responsible: ['salto-koordinator', 'nsk'],
        contributors: ['rektor', 'seksjonssjef'],
      });
      expect(structure('T1.2').contributors).toEqual(['rektor', 'seksjonssjef']);
      expect(structure('T1.3').responsible).toEqual(['oppvekstsjef']);
      expect(structure('T1.4').responsible).toEqual([
        'bvk',
        'avdelingsleder-mottak',
        'barnevernleder',
      ]);
      expect(structure('T4.5').responsible).toEqual(['leder-fe']);
      expect(structure('T5.5').responsible).toEqual(['rodtvet', 'ammerud', 'apallokka', 'nsk']);
      expect(structure('T5.7').responsible).toEqual(['bv', 'bvk', 'helsestasjon']);
      expect(structure('T6.1').responsible).toEqual(['felles']);
      expect(structure('T6.5').responsible).toEqual(['nsk', 'fau', 'skolene']);
      for (const s of model.structures) expect(s.responsible.length, s.id).toBeGreaterThan(0);
    });

    /** The schools a structure applies to in 2025-26, and whether it also lives in the district. */
    function participation(s: Structure): { schools: string[]; district: boolean } {
      const sc = s.scope;
      switch (sc.kind) {
        case 'all-schools':
          return { schools: ACTIVE, district: sc.district === true };
        case 'stage': {
          const schools = model.organisation.schools
            .filter((x) => ACTIVE.includes(x.id) && sc.stages.includes(x.stage))
            .map((x) => x.id);
          return { schools, district: sc.district === true };
        }
        case 'areas':
          throw new Error('the Grorud file names schools, not areas');
        case 'schools':
          return { schools: sc.schools, district: sc.district === true };
        case 'district':
          return { schools: [], district: true };
      }
    }

    it('resolves «Grunnskolene det gjelder» to the participation matrix of the source', () => {
      // Per school: how many of the 37 structures apply (grorud-model.md §2.4, «count» row).
      const perSchool = Object.fromEntries(ACTIVE.map((id) => [id, 0])) as Record<string, number>;
      let district = 0;
      for (const s of model.structures) {
        const p = participation(s);
        expect(new Set(p.schools).size, s.id).toBe(p.schools.length);
        for (const id of p.schools) perSchool[id]! += 1;
        if (p.district) district += 1;
      }
      expect(perSchool).toEqual({
        ammerud: 27,
        rodtvet: 30,
        apallokka: 26,
        grorud: 26,
        nordtvet: 27,
        groruddalen: 25,
        svarttjern: 21,
        tiurleiken: 24,
      });
      expect(district).toBe(7);
      expect(structure('T5.7').scope).toEqual({ kind: 'stage', stages: ['barneskole'] });
      expect(structure('T3.4').scope).toEqual({ kind: 'district' });
      expect(structure('T6.3').scope).toEqual({
        kind: 'schools',
        schools: ['groruddalen', 'rodtvet', 'grorud', 'nordtvet'],
      });
      expect(structure('T5.6').scope).toEqual({ kind: 'all-schools', district: true });
    });

    it('puts every structure in operation from 1 January 2023 and invents no per-school variations', () => {
      for (const s of model.structures) {
        expect(
          s.status.map((x) => [x.status, x.from]),
          s.id,
        ).toEqual([['in-operation', '2023-01-01']]);
        expect(s.variations).toEqual([]);
      }
    });

    it('links the strategic documents to the shared documents', () => {
      const links = Object.fromEntries(
        model.structures.filter((s) => s.documents.length > 0).map((s) => [s.id, s.documents]),
      );
      expect(links).toEqual({
        'T1.4': ['konseptpapirer'],
        'T1.5': ['konseptpapirer'],
        'T2.1': ['oppstartsplaner'],
        'T2.2': ['oppstartsplaner'],
        'T2.3': ['hjemmesidetekster'],
        'T2.4': ['hjemmesidetekster'],
        'T2.5': ['hjemmesidetekster'],
        'T2.6': ['bydelskatalog'],
      });
    });
  });

  describe('documents and revisions', () => {
    it('has the five shared documents of Vedlegg 3a, the contact list described but not copied', () => {
      expect(model.documents.map((d) => [d.id, d.kind])).toEqual([
        ['hjemmesidetekster', 'web-text'],
        ['konseptpapirer', 'concept-paper'],
        ['oppstartsplaner', 'plan'],
        ['bydelskatalog', 'catalogue'],
        ['kontaktliste', 'contact-list'],
      ]);
      const list = model.documents.find((d) => d.id === 'kontaktliste')!;
      expect(list.containsPersonalData).toBe(true);
      expect(list.owner).toEqual(['skolene']);
      expect(list.ownerText).toBe('Skolene er ansvarlig for å oppdatere dokumentet');
      for (const d of model.documents) {
        expect(d.owner.length, d.id).toBeGreaterThan(0);
        if (d.id !== 'kontaktliste') expect(d.containsPersonalData, d.id).toBeUndefined();
      }
    });

    it('keeps the documents and the structures that point at each other in step', () => {
      for (const d of model.documents) {
        for (const id of d.structures) expect(structure(id).documents, d.id).toContain(d.id);
      }
      for (const s of model.structures) {
        for (const id of s.documents) {
          expect(model.documents.find((d) => d.id === id)!.structures, s.id).toContain(s.id);
        }
      }
    });

    it('covers every document with a revision rule, except the contact list, which has no rhythm', () => {
      const covered = (docId: string) =>
        model.revisions.filter((r) =>
          r.subject.kind === 'document'
            ? r.subject.document === docId
            : r.subject.kind === 'structure' &&
              structure(r.subject.structure).documents.includes(docId),
        );
      for (const d of model.documents) {
        if (d.id === 'kontaktliste') {
          expect(covered(d.id)).toEqual([]);
          expect(d.notes.map((n) => n.text).join(' ')).toMatch(/revisjonsregel/);
        } else {
          expect(covered(d.id).length, d.id).toBeGreaterThan(0);
        }
      }
    });

    it('has the revision cycles of the source, with their subjects and verbatim rhythms', () => {
      const bySubject = Object.fromEntries(
        model.revisions.map((r) => [
          r.subject.kind === 'structure' ? r.subject.structure : r.subject.kind,
          r,
        ]),
      );
      expect(Object.keys(bySubject)).toEqual([
        'model',
        'T1.5',
        'T1.4',
        'T2.1',
        'T2.2',
        'T2.3',
        'T2.4',
        'T2.5',
        'T2.6',
        'T5.4',
      ]);
      expect(bySubject.model).toMatchObject({
        forum: { text: 'på SaLTo-møtet som arrangeres om våren', structure: 'T1.1' },
        draftedBy: ['salto-koordinator', 'nsk'],
        input: ['rektor', 'seksjonssjef'],
      });
      expect(bySubject['T1.5']).toMatchObject({
        cadence: {
          text: 'Justeres en gang i året',
          rule: { within: { kind: 'half', half: 'vår' } },
        },
        draftedBy: ['nsk'],
        input: ['rektor', 'seksjonssjef'],
        continuous: true,
        firstRevision: { schoolYear: '2022-23', text: 'våren 2023' },
        responsibleText: 'NSK',
      });
      expect(bySubject['T1.4']).toMatchObject({
        cadence: { text: 'hvert vår semester', action: 'revision' },
        forum: { text: 'evalueringsmøte av samarbeidsavtalen' },
        draftedBy: ['bvk'],
        input: ['rektor', 'mottaksleder', 'fagleder-mottaksteam'],
        firstRevision: { schoolYear: '2022-23', text: 'våren 2023' },
      });
      expect(bySubject['T1.4']!.cadence.rule).toMatchObject({ within: { half: 'vår' } });
      expect(bySubject['T2.4']!.publishedBy).toEqual(['skolene']);
      expect(bySubject['T2.5']!.publishedBy).toEqual(['skolene']);
      // A rule over a structure keeps the Ansvar text of that structure.
      for (const r of model.revisions) {
        if (r.subject.kind === 'structure') {
          expect(r.responsibleText, r.id).toBe(structure(r.subject.structure).responsibleText);
        }
        expect(r.source, r.id).toMatch(/^Vedlegg 3, Tabell \d, rad \d/);
      }
    });
  });

  describe('onboarding', () => {
    it('has both plans, with 2 meetings each and 8 + 7 agenda rows', () => {
      expect(model.onboarding.map((p) => [p.id, p.title])).toEqual([
        ['plan-ny-rektor', 'Plan for ny rektor'],
        ['plan-ny-nsk-bvk', 'Plan for ny NSK og BVK'],
      ]);
      expect(model.onboarding.map((p) => p.meetings.map((m) => m.agenda.length))).toEqual([
        [3, 5],
        [3, 4],
      ]);
      for (const p of model.onboarding) {
        expect(p.meetings.map((m) => m.duration)).toEqual([
          { min: 15, max: 30 },
          { min: 60, max: 60 },
        ]);
        expect(p.document).toBe('oppstartsplaner');
        for (const m of p.meetings) {
          for (const row of m.agenda) {
            expect(row.responsible.length).toBeGreaterThan(0);
            expect(row.responsibleText).toBeDefined();
          }
        }
      }
    });

    it('makes the counterpart responsible: NSK for a new rektor, rektor for a new NSK or BVK', () => {
      const [rektor, nskBvk] = model.onboarding;
      expect(rektor).toMatchObject({
        trigger: { roles: ['rektor'], at: 'school' },
        maintainedBy: ['nsk'],
        convenedBy: ['nsk'],
        structure: 'T2.1',
      });
      expect(nskBvk).toMatchObject({
        trigger: { roles: ['nsk', 'bvk'], at: 'school' },
        maintainedBy: ['rektor'],
        convenedBy: ['rektor'],
        structure: 'T2.2',
      });
    });

    it('keeps the agenda words and links the shared documents by id', () => {
      const [rektor, nskBvk] = model.onboarding;
      const row = rektor!.meetings[1]!.agenda[1]!;
      expect(row.content).toBe(
        'NSK og BVK informerer rektor om samarbeidet man har hatt på skolen: • Møtestrukturer • Møtets innhold • Samarbeidsavtalen bvtj • Felles prosjekter som har vært mellom skole, bydel og relevante aktører',
      );
      expect(row.documents).toEqual(
        '• Samarbeidsavtale mellom Grorud barnverntjenesten og skolene • Mal for skolehelseteam • Mal for nærmiljøteam'
          .split('•')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      expect(rektor!.meetings[0]!.agenda[1]!.documents).toEqual(['konseptpapirer']);
      expect(rektor!.meetings[1]!.agenda[2]!.documents).toEqual(['Strategiske plan']);
      expect(rektor!.meetings[1]!.agenda[3]!.documents).toEqual(['bydelskatalog']);
      expect(rektor!.meetings[0]!.participantsText).toBe('NSK, BVK og rektor');
      expect(nskBvk!.meetings[1]!.participantsText).toBe(
        'NSK, BVK, rektor og en annen fra skolens ledelse (bydel bør ha egen opplæringsplan for ny NSK/BVK, ny NSK/BVK bør få en annen NSK/BVK som mentor, denne mentoren er med på dette møtet)',
      );
      const first = nskBvk!.meetings[0]!.agenda[0]!;
      expect(first.content).toBe(
        'Stikkord for presentasjon: • Utdanning • Arbeidserfaring • Hvor lenge rektor har jobbet på skolen • Utveksle kontaktinformasjon • Hvordan kontakter vi hverandre? • PRAKTISKE avklaringer som arbeidsrom, digitale plattformer, tilganger osv som må være på plass',
      );
      expect(first.purpose).toBe('Bli kjent samtale');
      expect(first.responsibleText).toBe('BVK/NSK; Rektor');
      expect(first.responsible).toEqual(['bvk', 'nsk', 'rektor']);
    });
  });

  describe('roles, collectives, routines and glossary', () => {
    it('gives every role at least one assignment, and no assignment a person', () => {
      for (const r of model.roles) {
        expect(r.assignments.length, r.id).toBeGreaterThan(0);
        for (const a of r.assignments) expect(a.person, r.id).toBeUndefined();
      }
    });

    it('has one NSK and one BVK per area, permanent from 2023, after the project positions', () => {
      for (const id of ['nsk', 'bvk']) {
        const role = model.roles.find((r) => r.id === id)!;
        expect(role.perArea).toBe(true);
        const permanent = role.assignments.filter((a) => a.from === '2023-01-01');
        expect(permanent.map((a) => [a.area, a.to])).toEqual([
          ['omrade-ammerud', undefined],
          ['omrade-grorud', undefined],
          ['omrade-romsas', undefined],
        ]);
        const project = role.assignments.filter((a) => a.from === '2020-06-10');
        expect(project.every((a) => a.to === '2022-12-31')).toBe(true);
        expect(role.assignments.every((a) => a.school === undefined)).toBe(true);
      }
      expect(model.roles.find((r) => r.id === 'nsk')!.unit).toBe('ae');
      expect(model.roles.find((r) => r.id === 'bvk')!.unit).toBe('bv');
    });

    it("has one rektor per school, Bjøråsen's until the school left", () => {
      const rektor = model.roles.find((r) => r.id === 'rektor')!;
      expect(rektor.perSchool).toBe(true);
      expect(rektor.assignments.map((a) => [a.school, a.from, a.to])).toEqual([
        ...ACTIVE.map((s) => [s, '2020-06-10', undefined]),
        ['bjorasen', '2020-06-10', '2021-05-31'],
      ]);
    });

    it('has the collectives the Ansvar column uses', () => {
      expect(model.collectives.map((c) => [c.id, c.name])).toEqual([
        ['skolene', 'Skolene'],
        ['felles', 'Felles'],
      ]);
      expect(model.collectives[0]!.members).toEqual([]);
    });

    it('has the event-triggered routines of the source', () => {
      expect(model.routines.map((r) => r.id)).toEqual([
        'opplaering-taushetsplikt',
        'jente-og-guttegrupper',
        'bekymring-for-elev',
      ]);
      const worry = model.routines.find((r) => r.id === 'bekymring-for-elev')!;
      expect(worry.structures).toEqual(['T6.1']);
      expect(worry.steps.flatMap((s) => s.preconditions)).toEqual(['samtykke fra familien']);
      const training = model.routines.find((r) => r.id === 'opplaering-taushetsplikt')!;
      expect(training.steps[0]!.responsible).toEqual(['jurist-bv']);
    });

    it('explains the abbreviations and maps the synonyms', () => {
      const entry = (term: string) => model.glossary.find((g) => g.term === term);
      for (const abbr of ['NSK', 'BVK', 'FE', 'BV', 'SaLTo', 'AE', 'FAU', 'UDE', 'BGR', 'OT']) {
        expect(entry(abbr)?.kind, abbr).toBe('abbreviation');
        expect(entry(abbr)?.expansion, abbr).toBeDefined();
      }
      expect(entry('NSK')).toMatchObject({
        expansion: 'Nærmiljøskolekoordinator',
        refersTo: 'nsk',
      });
      expect(entry('BVK')).toMatchObject({
        expansion: 'Barnevernskonsulent i skolen',
        refersTo: 'bvk',
      });
      for (const t of ['skoledistrikt', 'delbydel', 'område']) {
        expect(entry(t)?.refersTo, t).toBe('concept:skoleområde');
      }
      expect(entry('Organisering')?.refersTo).toBe('level:organisatorisk');
      expect(entry('rettet mot foresatte')?.refersTo).toBe('focus:elever-og-foresatte');
      for (const t of ['nærmiljøskole', 'felles grunnpakke', 'individuelle tilpasninger']) {
        expect(entry(t)?.description, t).toBeDefined();
      }
    });
  });

  describe('references', () => {
    const parties = new Set([
      model.organisation.district.id,
      ...model.organisation.units.map((x) => x.id),
      ...model.organisation.areas.map((x) => x.id),
      ...model.organisation.schools.map((x) => x.id),
      ...model.organisation.institutions.map((x) => x.id),
      ...model.roles.map((x) => x.id),
      ...model.collectives.map((x) => x.id),
    ]);
    const structureIds = new Set(model.structures.map((s) => s.id));
    const documentIds = new Set(model.documents.map((d) => d.id));

    it('uses each party id once', () => {
      const all = [
        model.organisation.district.id,
        ...model.organisation.units.map((x) => x.id),
        ...model.organisation.areas.map((x) => x.id),
        ...model.organisation.schools.map((x) => x.id),
        ...model.organisation.institutions.map((x) => x.id),
        ...model.roles.map((x) => x.id),
        ...model.collectives.map((x) => x.id),
      ];
      expect(all.length).toBe(parties.size);
    });

    it('resolves every party reference', () => {
      const refs: [string, string][] = [];
      const add = (where: string, ids: readonly string[]) =>
        ids.forEach((id) => refs.push([where, id]));
      for (const u of model.organisation.units) {
        if (u.parent) add(`unit ${u.id}`, [u.parent]);
        add(`unit ${u.id}`, u.areas);
      }
      for (const s of model.organisation.schools) {
        add(
          `school ${s.id}`,
          s.memberships.flatMap((m) => (m.area ? [m.area] : [])),
        );
      }
      for (const r of model.roles) {
        if (r.unit) add(`role ${r.id}`, [r.unit]);
        for (const a of r.assignments) {
          add(`role ${r.id}`, [...(a.area ? [a.area] : []), ...(a.school ? [a.school] : [])]);
        }
      }
      for (const c of model.collectives) add(`collective ${c.id}`, c.members);
      for (const s of model.structures) {
        add(s.id, [...s.responsible, ...s.contributors, ...s.participants]);
        if (s.scope.kind === 'schools') add(s.id, s.scope.schools);
      }
      for (const d of model.documents) add(d.id, [...d.owner, ...d.contributors]);
      for (const r of model.revisions) {
        add(r.id, [...r.draftedBy, ...r.input, ...r.decidedBy, ...r.publishedBy]);
      }
      for (const p of model.onboarding) {
        add(p.id, [...p.trigger.roles, ...p.maintainedBy, ...p.convenedBy]);
        for (const m of p.meetings) {
          add(p.id, m.participants);
          for (const row of m.agenda) add(p.id, row.responsible);
        }
      }
      for (const r of model.routines) for (const st of r.steps) add(r.id, st.responsible);
      expect(refs.length).toBeGreaterThan(200);
      expect(refs.filter(([, id]) => !parties.has(id))).toEqual([]);
    });

    it('resolves every structure and document reference', () => {
      const bad: string[] = [];
      const structureRef = (where: string, id: string) =>
        structureIds.has(id) || bad.push(`${where} → structure ${id}`);
      const documentRef = (where: string, id: string) =>
        documentIds.has(id) || bad.push(`${where} → document ${id}`);
      for (const s of model.structures) s.documents.forEach((d) => documentRef(s.id, d));
      for (const d of model.documents) d.structures.forEach((s) => structureRef(d.id, s));
      for (const r of model.revisions) {
        if (r.subject.kind === 'structure') structureRef(r.id, r.subject.structure);
        if (r.subject.kind === 'document') documentRef(r.id, r.subject.document);
        if (r.forum?.structure) structureRef(r.id, r.forum.structure);
      }
      for (const p of model.onboarding) {
        if (p.structure) structureRef(p.id, p.structure);
        if (p.document) documentRef(p.id, p.document);
      }
      for (const r of model.routines) {
        r.structures.forEach((s) => structureRef(r.id, s));
        r.steps.forEach((st) => st.documents.forEach((d) => documentRef(r.id, d)));
      }
      for (const g of model.glossary) {
        if (g.refersTo && !/^(level|focus|concept):/.test(g.refersTo)) {
          if (!parties.has(g.refersTo) && !structureIds.has(g.refersTo)) {
            bad.push(`glossary ${g.term} → ${g.refersTo}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  });

  describe('notes and personal data', () => {
    it('records every inconsistency of the source (§11.1–§11.16) in a note', () => {
      const sources = noteObjects(raw).map((n) => n.source ?? '');
      const missing = Array.from({ length: 16 }, (_, i) => i + 1).filter(
        (n) => !sources.some((s) => new RegExp(`§11\\.${n}(?!\\d)`).test(s)),
      );
      expect(missing).toEqual([]);
    });

    it('gives every inconsistency both the chosen reading and the other one', () => {
      const inconsistencies = noteObjects(raw).filter((n) => n.kind === 'inconsistency');
      expect(inconsistencies.length).toBeGreaterThanOrEqual(14);
      for (const n of inconsistencies) {
        expect(n.text.length).toBeGreaterThan(0);
        expect((n as { alternative?: string }).alternative, n.text).toBeTruthy();
        expect(n.source, n.text).toBeTruthy();
      }
    });

    // An e-mail address, or a Norwegian phone number: eight digits, alone or grouped 2-2-2-2 or
    // 3-2-3, optionally after +47 or 0047.
    const EMAIL = /[^\s@«»()<>]+@[^\s@«»()<>]+\.[a-z]{2,}/i;
    const PHONE =
      /(?<![\d.:/-])(?:(?:\+|00)47[\s-]?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{3} \d{2} \d{3})(?![\d.:/-])/;

    it('recognises what it looks for', () => {
      // Built at run time so that no test file holds anything that looks like contact data.
      const digits = '4' + '0'.repeat(7);
      expect(PHONE.test(digits)).toBe(true);
      expect(PHONE.test(`+47 ${digits.replace(/(\d{2})(?=\d)/g, '$1 ')}`)).toBe(true);
      expect(PHONE.test('2020-06-10')).toBe(false);
      expect(PHONE.test('10.06.20–31.12.22')).toBe(false);
      expect(EMAIL.test(['ola', 'example.org'].join('@'))).toBe(true);
    });

    it('holds no e-mail address, phone number or person', () => {
      const found = strings(raw).filter(([, s]) => EMAIL.test(s) || PHONE.test(s));
      expect(found).toEqual([]);
      expect(strings(raw).filter(([path]) => /\.person(\.|#)/.test(path))).toEqual([]);
    });
  });
});
