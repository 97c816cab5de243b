import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelSchema, type Model, type ModelInput } from './schema.js';
import {
  activeSchools,
  appliesToDistrict,
  joinNames,
  participationMatrix,
  partyName,
  partyNames,
  resolveParty,
  responsibilities,
  responsibilitiesOf,
  schoolArea,
  schoolsInArea,
  schoolsInScope,
  schoolYearStart,
  structureStatusAt,
  structuresByLevel,
  structuresForArea,
  structuresForSchool,
} from './queries.js';

const GRORUD_FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);
const grorud: Model = modelSchema.parse(JSON.parse(readFileSync(GRORUD_FILE, 'utf8')));

const AREAS = {
  ammerud: 'omrade-ammerud',
  rodtvet: 'omrade-ammerud',
  apallokka: 'omrade-ammerud',
  grorud: 'omrade-grorud',
  nordtvet: 'omrade-grorud',
  groruddalen: 'omrade-grorud',
  svarttjern: 'omrade-romsas',
  tiurleiken: 'omrade-romsas',
} as const;
const EIGHT = Object.keys(AREAS);

/** A small model shaped like the Grorud one, for cases the real file does not have. */
function small(extra: Partial<ModelInput> = {}): Model {
  const school = (
    id: string,
    name: string,
    stage: 'barneskole' | 'ungdomsskole',
    area: string,
  ) => ({
    id,
    name,
    stage,
    memberships: [{ area, from: '2020-06-10' }],
  });
  return modelSchema.parse({
    schemaVersion: 1,
    id: 'liten',
    name: 'Liten modell',
    organisation: {
      district: { id: 'bydel-grorud', name: 'Bydel Grorud' },
      units: [{ id: 'fe', name: 'Forebyggende enhet', abbreviation: 'FE' }],
      areas: [
        { id: 'omrade-ammerud', name: 'Ammerud' },
        { id: 'omrade-romsas', name: 'Romsås' },
      ],
      schools: [
        school('ammerud', 'Ammerud skole', 'barneskole', 'omrade-ammerud'),
        school('apallokka', 'Apalløkka skole', 'ungdomsskole', 'omrade-ammerud'),
        school('svarttjern', 'Svarttjern skole', 'barneskole', 'omrade-romsas'),
        {
          id: 'bjorasen',
          name: 'Bjøråsen skole',
          stage: 'ungdomsskole',
          memberships: [{ area: 'omrade-romsas', from: '2020-06-10', to: '2021-05-31' }],
        },
      ],
    },
    roles: [
      { id: 'nsk', title: 'Nærmiljøskolekoordinator', abbreviation: 'NSK', perArea: true },
      { id: 'bvk', title: 'Barnevernskonsulent i skolen', abbreviation: 'BVK', perArea: true },
      { id: 'rektor', title: 'Rektor', perSchool: true },
    ],
    collectives: [{ id: 'skolene', name: 'Skolene' }],
    structures: [
      {
        id: 'T4.1',
        name: 'Nærmiljøteam på hver skole',
        level: 'operativt',
        focus: 'samhandling',
        cadence: 'Hver fjerde uke',
        responsible: ['nsk'],
        scope: { kind: 'schools', schools: ['ammerud', 'apallokka'] },
        variations: [
          { school: 'apallokka', cadence: 'Hver sjette uke', localName: 'Nærmiljøforum' },
          { school: 'svarttjern', takesPart: true },
        ],
      },
      {
        id: 'T5.7',
        name: 'Vold og Sosial-undervisning på 1. trinn',
        level: 'operativt',
        focus: 'elevene',
        cadence: 'En gang i året',
        responsible: ['bvk'],
        scope: { kind: 'stage', stages: ['barneskole'] },
      },
      {
        id: 'T6.6',
        name: 'Områdeinndelt foreldrecafe',
        level: 'operativt',
        focus: 'elever-og-foresatte',
        cadence: 'Ved behov',
        responsible: ['nsk'],
        scope: { kind: 'areas', areas: ['omrade-romsas'] },
      },
      {
        id: 'T3.4',
        name: 'Kontordager i bydelen',
        level: 'organisatorisk',
        cadence: 'Ukentlig',
        responsible: ['nsk', 'bvk'],
        scope: { kind: 'district' },
      },
      {
        id: 'T9.9',
        name: 'Nedlagt møte',
        level: 'organisatorisk',
        cadence: 'Ukentlig',
        responsible: ['skolene'],
        scope: { kind: 'all-schools', district: true },
        status: [
          { status: 'pilot', from: '2021-01-01' },
          { status: 'discontinued', from: '2024-06-30' },
        ],
      },
    ],
    ...extra,
  });
}

describe('parties', () => {
  it('resolves every kind of party in the one namespace', () => {
    expect(resolveParty(grorud, 'nsk')).toMatchObject({ kind: 'role', abbreviation: 'NSK' });
    expect(resolveParty(grorud, 'rodtvet')).toMatchObject({ kind: 'school', id: 'rodtvet' });
    expect(resolveParty(grorud, 'omrade-romsas')).toMatchObject({ kind: 'area', name: 'Romsås' });
    expect(resolveParty(grorud, 'bydel-grorud')).toMatchObject({
      kind: 'district',
      name: 'Bydel Grorud',
    });
    expect(resolveParty(grorud, 'skolene')).toMatchObject({ kind: 'collective' });
    expect(resolveParty(grorud, 'finnes-ikke')).toBeUndefined();
    expect(resolveParty(small(), 'fe')).toMatchObject({ kind: 'unit', abbreviation: 'FE' });
  });

  it('names roles by abbreviation, others by name, unknown ids as they are', () => {
    expect(partyName(grorud, 'nsk')).toBe('NSK');
    expect(partyName(grorud, 'bvk')).toBe('BVK');
    expect(partyName(grorud, 'rektor')).toBe('Rektor');
    expect(partyName(grorud, 'skolene')).toBe('Skolene');
    expect(partyName(grorud, 'rodtvet')).toMatch(/^Rødtvet/);
    expect(partyName(grorud, 'ukjent-id')).toBe('ukjent-id');
  });

  it('joins names Norwegian-style', () => {
    expect(partyNames(grorud, ['nsk'])).toBe('NSK');
    expect(partyNames(grorud, ['nsk', 'bvk'])).toBe('NSK og BVK');
    expect(partyNames(grorud, ['rektor', 'nsk', 'bvk'])).toBe('Rektor, NSK og BVK');
    expect(partyNames(grorud, [])).toBe('');
    expect(joinNames(['A', 'B', 'C'], 'en')).toBe('A, B and C');
  });
});

describe('schools and areas over time', () => {
  it('has the eight schools after Bjøråsen left, nine before', () => {
    expect(activeSchools(grorud, '2025-08-01').map((s) => s.id)).toEqual(
      expect.arrayContaining(EIGHT),
    );
    expect(activeSchools(grorud, '2025-08-01')).toHaveLength(8);
    expect(activeSchools(grorud, '2021-01-15').map((s) => s.id)).toContain('bjorasen');
    expect(activeSchools(grorud, '2021-01-15')).toHaveLength(9);
  });

  it('knows the area of each school, and none for a school that has left', () => {
    for (const [school, area] of Object.entries(AREAS)) {
      expect(schoolArea(grorud, school, '2025-08-01')).toBe(area);
    }
    expect(schoolArea(grorud, 'bjorasen', '2021-01-15')).toBe('omrade-romsas');
    expect(schoolArea(grorud, 'bjorasen', '2025-08-01')).toBeUndefined();
    expect(schoolArea(grorud, 'ukjent', '2025-08-01')).toBeUndefined();
  });

  it('lists the schools of an area on a date', () => {
    const ids = (asOf: string) => schoolsInArea(grorud, 'omrade-romsas', asOf).map((s) => s.id);
    expect(ids('2025-08-01').sort()).toEqual(['svarttjern', 'tiurleiken']);
    expect(ids('2021-01-15').sort()).toEqual(['bjorasen', 'svarttjern', 'tiurleiken']);
    expect(schoolsInArea(grorud, 'omrade-ammerud', '2025-08-01')).toHaveLength(3);
  });

  it('gives the first day of a school year from its name', () => {
    expect(schoolYearStart('2025-26')).toBe('2025-08-01');
  });
});

describe('scope', () => {
  const m = small();
  const s = (id: string) => m.structures.find((x) => x.id === id)!;

  it('applies schools, stage and area scopes with variations and membership', () => {
    // T4.1: two named schools plus Svarttjern by exception.
    expect(schoolsInScope(m, s('T4.1'), '2025-08-01')).toEqual([
      'ammerud',
      'apallokka',
      'svarttjern',
    ]);
    // T5.7: the barneskoler.
    expect(schoolsInScope(m, s('T5.7'), '2025-08-01')).toEqual(['ammerud', 'svarttjern']);
    // T6.6: the Romsås area, with Bjøråsen only while it was a member.
    expect(schoolsInScope(m, s('T6.6'), '2025-08-01')).toEqual(['svarttjern']);
    expect(schoolsInScope(m, s('T6.6'), '2021-01-15')).toEqual(['svarttjern', 'bjorasen']);
    expect(schoolsInScope(m, s('T3.4'), '2025-08-01')).toEqual([]);
  });

  it('drops a school whose variation says it does not take part', () => {
    const grorudT41 = grorud.structures.find((x) => x.id === 'T4.1')!;
    const edited = {
      ...grorudT41,
      variations: [...grorudT41.variations, { school: 'ammerud', takesPart: false }],
    };
    expect(schoolsInScope(grorud, grorudT41, '2025-08-01')).toContain('ammerud');
    expect(schoolsInScope(grorud, edited, '2025-08-01')).not.toContain('ammerud');
  });

  it('knows which structures live at district level', () => {
    expect(appliesToDistrict(s('T3.4'))).toBe(true);
    expect(appliesToDistrict(s('T9.9'))).toBe(true);
    expect(appliesToDistrict(s('T4.1'))).toBe(false);
    const ids = grorud.structures.filter(appliesToDistrict).map((x) => x.id);
    expect(ids).toEqual(['T3.4', 'T4.5', 'T4.6', 'T5.5', 'T5.6', 'T6.5', 'T6.7']);
  });

  it('reads a structure status over time', () => {
    expect(structureStatusAt(s('T9.9'), '2020-12-31')).toBe('planned');
    expect(structureStatusAt(s('T9.9'), '2022-01-01')).toBe('pilot');
    expect(structureStatusAt(s('T9.9'), '2024-06-30')).toBe('discontinued');
    expect(structureStatusAt(s('T4.1'), '2024-06-30')).toBe('in-operation');
  });
});

describe('structures for a school or an area', () => {
  it("gives the school's own cadence and local name from its variation", () => {
    const m = small();
    const list = structuresForSchool(m, 'apallokka', { asOf: '2025-08-01' });
    expect(list.map((x) => x.structure.id)).toEqual(['T4.1']);
    expect(list[0]!.cadence.text).toBe('Hver sjette uke');
    expect(list[0]!.cadence.rule).toMatchObject({ kind: 'interval', every: 6, unit: 'week' });
    expect(list[0]!.localName).toBe('Nærmiljøforum');
    const ammerud = structuresForSchool(m, 'ammerud', { asOf: '2025-08-01' });
    expect(ammerud.map((x) => x.structure.id)).toEqual(['T4.1', 'T5.7']);
    expect(ammerud[0]!.cadence.text).toBe('Hver fjerde uke');
    expect(ammerud[0]!.variation).toBeUndefined();
  });

  it('leaves out discontinued structures unless asked', () => {
    const m = small();
    const ids = (asOf: string, includeDiscontinued?: boolean) =>
      structuresForSchool(m, 'svarttjern', { asOf, includeDiscontinued }).map(
        (x) => x.structure.id,
      );
    expect(ids('2023-08-01')).toEqual(['T4.1', 'T5.7', 'T6.6', 'T9.9']);
    expect(ids('2025-08-01')).toEqual(['T4.1', 'T5.7', 'T6.6']);
    expect(ids('2025-08-01', true)).toEqual(['T4.1', 'T5.7', 'T6.6', 'T9.9']);
  });

  it('gives Rødtvet its 30 structures in model order (§2.4)', () => {
    const list = structuresForSchool(grorud, 'rodtvet', { asOf: '2025-08-01' });
    expect(list).toHaveLength(30);
    const ids = list.map((x) => x.structure.id);
    expect(ids).toContain('T5.4');
    expect(ids).not.toContain('T5.1');
    const order = grorud.structures.map((x) => x.id);
    expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids);
  });

  it('gives an area the structures of its schools, with the schools that take part', () => {
    const romsas = structuresForArea(grorud, 'omrade-romsas', { asOf: '2025-08-01' });
    const byId = Object.fromEntries(romsas.map((x) => [x.structure.id, x.schools]));
    expect(byId['T6.6']?.sort()).toEqual(['svarttjern', 'tiurleiken']);
    expect(byId['T5.2']).toEqual(['tiurleiken']);
    expect(byId['T4.1']).toEqual(['tiurleiken']);
    expect(byId['T4.2']).toBeUndefined(); // Romsås-area schools are absent from T4.2
    expect(byId['T3.4']).toBeUndefined(); // district level only
    const before = structuresForArea(grorud, 'omrade-romsas', { asOf: '2021-01-15' });
    expect(before.find((x) => x.structure.id === 'T1.1')?.schools).toContain('bjorasen');
  });

  it('groups the 37 structures by level (11 + 4 + 22)', () => {
    const byLevel = structuresByLevel(grorud);
    expect(byLevel.strategisk).toHaveLength(11);
    expect(byLevel.organisatorisk).toHaveLength(4);
    expect(byLevel.operativt).toHaveLength(22);
  });
});

describe('participation matrix', () => {
  // grorud-model.md §2.4; columns: Ammerud, Rødtvet, Apalløkka, Grorud, Nordtvet, Groruddalen,
  // Svarttjern, Tiurleiken | Bydel.
  const EXPECTED: Record<string, string> = {
    'T1.1': 'xxxxxxxx|',
    'T1.2': 'xxxxxxxx|',
    'T1.3': 'xxxxxxxx|',
    'T1.4': 'xxxxxxxx|',
    'T1.5': 'xxxxxxxx|',
    'T2.1': 'xxxxxxxx|',
    'T2.2': 'xxxxxxxx|',
    'T2.3': 'xxxxxxxx|',
    'T2.4': 'xxxxxxxx|',
    'T2.5': 'xxxxxxxx|',
    'T2.6': 'xxxxxxxx|',
    'T3.1': 'xxxxxxxx|',
    'T3.2': 'xxxxxxxx|',
    'T3.3': 'xxxxxxxx|',
    'T3.4': '........|x',
    'T4.1': 'xxxxx..x|',
    'T4.2': 'xxxxxx..|',
    'T4.3': 'xxxxxx..|',
    'T4.4': 'xxxxxxxx|',
    'T4.5': '........|x',
    'T4.6': '........|x',
    'T4.7': 'xxxxxxxx|',
    'T5.1': '...xxx..|',
    'T5.2': '.....x.x|',
    'T5.3': '..x..x..|',
    'T5.4': '.x......|',
    'T5.5': 'xxx.....|x',
    'T5.6': 'xxxxxxxx|x',
    'T5.7': 'xx.xx.xx|',
    'T6.1': 'xxxxx..x|',
    'T6.2': 'xx......|',
    'T6.3': '.x.xxx..|',
    'T6.4': 'xxx.x...|',
    'T6.5': 'xxxxxxxx|x',
    'T6.6': '.x....xx|',
    'T6.7': '........|x',
    'T6.8': 'xxxxxxxx|',
  };
  const COLUMNS = [
    'ammerud',
    'rodtvet',
    'apallokka',
    'grorud',
    'nordtvet',
    'groruddalen',
    'svarttjern',
    'tiurleiken',
  ];

  it('equals the §2.4 table for 2025-26', () => {
    const matrix = participationMatrix(grorud, { asOf: '2025-08-01' });
    expect(matrix.schools.map((s) => s.id)).toEqual(COLUMNS);
    expect(matrix.schools.map((s) => s.area)).toEqual(COLUMNS.map((id) => AREAS[id as 'ammerud']));
    const actual = Object.fromEntries(
      matrix.rows.map((row) => [
        row.structure.id,
        COLUMNS.map((id) => (row.cells[id] === 'no' ? '.' : 'x')).join('') +
          '|' +
          (row.district ? 'x' : ''),
      ]),
    );
    expect(actual).toEqual(EXPECTED);
    expect(matrix.rows.map((r) => r.structure.id)).toEqual(Object.keys(EXPECTED));
  });

  it('has the §2.4 counts row: 27, 30, 26, 26, 27, 25, 21, 24 and Bydel 7', () => {
    const { counts, district } = participationMatrix(grorud, { asOf: '2025-08-01' });
    expect(COLUMNS.map((id) => counts[id])).toEqual([27, 30, 26, 26, 27, 25, 21, 24]);
    expect(district.id).toBe('bydel-grorud');
    expect(counts['bydel-grorud']).toBe(7);
  });

  it('carries level and focus of each row', () => {
    const { rows } = participationMatrix(grorud, { asOf: '2025-08-01' });
    expect(rows.find((r) => r.structure.id === 'T1.1')?.structure.level).toBe('strategisk');
    expect(rows.find((r) => r.structure.id === 'T4.1')?.structure).toMatchObject({
      level: 'operativt',
      focus: 'samhandling',
    });
    expect(rows.find((r) => r.structure.id === 'T6.8')?.structure.focus).toBe(
      'elever-og-foresatte',
    );
  });

  it('shows Bjøråsen in January 2021, when it was still a member', () => {
    const matrix = participationMatrix(grorud, { asOf: '2021-01-15' });
    expect(matrix.schools.map((s) => s.id)).toEqual([...COLUMNS, 'bjorasen']);
    expect(matrix.schools.at(-1)?.area).toBe('omrade-romsas');
    const t11 = matrix.rows.find((r) => r.structure.id === 'T1.1')!;
    expect(t11.cells['bjorasen']).toBe('yes');
    expect(matrix.counts['bjorasen']).toBeGreaterThan(0);
  });

  it('marks a school with its own cadence or by exception as a variation', () => {
    const matrix = participationMatrix(small(), { asOf: '2025-08-01' });
    const t41 = matrix.rows.find((r) => r.structure.id === 'T4.1')!;
    expect(t41.cells).toEqual({ ammerud: 'yes', apallokka: 'variation', svarttjern: 'variation' });
    expect(matrix.rows.map((r) => r.structure.id)).not.toContain('T9.9');
    expect(matrix.counts).toEqual({ ammerud: 2, apallokka: 1, svarttjern: 3, 'bydel-grorud': 1 });
  });
});

describe('responsibilities', () => {
  it('lists what NSK is responsible for', () => {
    const nsk = responsibilitiesOf(grorud, 'nsk');
    expect(nsk.party).toEqual({ kind: 'role', id: 'nsk', name: 'NSK' });
    const expected = grorud.structures
      .filter((s) => s.responsible.includes('nsk'))
      .map((s) => s.id);
    expect(nsk.responsibleFor).toEqual(expected);
    expect(nsk.responsibleFor).toEqual(expect.arrayContaining(['T1.5', 'T2.1', 'T2.6', 'T4.1']));
    expect(nsk.responsibleFor).not.toContain('T2.2');
  });

  it('knows who drafts the concept papers', () => {
    const rule = (structure: string) =>
      grorud.revisions.find(
        (r) => r.subject.kind === 'structure' && r.subject.structure === structure,
      ) ??
      grorud.revisions.find(
        (r) =>
          r.subject.kind === 'document' &&
          grorud.documents
            .find((d) => d.id === (r.subject as { document: string }).document)
            ?.structures.includes(structure),
      );
    const bvkPaper = rule('T1.4');
    const nskPaper = rule('T1.5');
    expect(bvkPaper).toBeDefined();
    expect(nskPaper).toBeDefined();
    expect(responsibilitiesOf(grorud, 'bvk').revisions.drafts).toContain(bvkPaper!.id);
    expect(responsibilitiesOf(grorud, 'nsk').revisions.drafts).toContain(nskPaper!.id);
    expect(responsibilitiesOf(grorud, 'nsk').revisions.drafts).not.toContain(bvkPaper!.id);
  });

  it('keeps collectives as themselves', () => {
    const all = responsibilities(grorud);
    const skolene = all.find((r) => r.party.id === 'skolene');
    expect(skolene?.party.kind).toBe('collective');
    expect(skolene?.responsibleFor).toEqual(expect.arrayContaining(['T4.2', 'T4.3']));
    // Not expanded onto the schools.
    expect(responsibilitiesOf(grorud, 'ammerud').responsibleFor).not.toContain('T4.2');
  });

  it('covers onboarding plans: NSK maintains the plan for a new rektor, rektor the other', () => {
    const nsk = responsibilitiesOf(grorud, 'nsk');
    const rektor = responsibilitiesOf(grorud, 'rektor');
    const planFor = (structure: string) =>
      grorud.onboarding.find((p) => p.structure === structure)?.id;
    expect(nsk.onboarding.maintains).toContain(planFor('T2.1'));
    expect(rektor.onboarding.maintains).toContain(planFor('T2.2'));
    expect(nsk.onboarding.agendaRows.length).toBeGreaterThan(0);
    const row = nsk.onboarding.agendaRows[0]!;
    const plan = grorud.onboarding.find((p) => p.id === row.plan)!;
    expect(plan.meetings[row.meeting]!.agenda[row.row]!.responsible).toContain('nsk');
  });

  it('orders parties by namespace and gives a party with nothing empty lists', () => {
    const ids = responsibilities(grorud).map((r) => r.party.id);
    expect(ids.indexOf('nsk')).toBeLessThan(ids.indexOf('skolene'));
    const none = responsibilitiesOf(grorud, 'omrade-ammerud');
    expect(none.responsibleFor).toEqual([]);
    expect(responsibilitiesOf(grorud, 'ukjent').party).toEqual({
      kind: 'unknown',
      id: 'ukjent',
      name: 'ukjent',
    });
  });
});
