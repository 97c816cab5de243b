import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelSchema, type Model, type ModelInput } from './schema.js';
import {
  activeSchools,
  appliesToDistrict,
  isRunning,
  isSchoolActive,
  periodCovers,
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
/** A day in the school year 2025-26, when all 37 structures are in operation. */
const NOW = { asOf: '2025-10-01' };

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
    expect(partyNames(grorud, ['rektor', 'nsk', 'bvk'], 'en')).toBe('Rektor, NSK and BVK');
  });
});

describe('schools and areas over time', () => {
  it('reads membership periods tolerantly: what is not a period covers nothing', () => {
    expect(periodCovers({ from: '2020-06-10', to: '2021-05-31' }, '2021-05-31')).toBe(true);
    expect(periodCovers({ from: '2020-06-10', to: '2021-05-31' }, '2021-06-01')).toBe(false);
    expect(periodCovers({}, '2021-06-01')).toBe(true);
    expect(periodCovers({ from: '2020-02-30' }, '2021-06-01')).toBe(false);
    expect(periodCovers({ to: 5 }, '2021-06-01')).toBe(false);
    expect(isSchoolActive({ memberships: [null, 'x', { from: '2020-06-10' }] }, '2025-08-01')).toBe(
      true,
    );
    expect(isSchoolActive({ memberships: 'x' }, '2025-08-01')).toBe(false);
    expect(isSchoolActive({}, '2025-08-01')).toBe(false);
  });

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
    expect([isRunning(s('T9.9'), '2020-12-31'), isRunning(s('T9.9'), '2022-01-01')]).toEqual([
      false,
      true,
    ]);
    expect([isRunning(s('T9.9'), '2024-06-30'), isRunning(s('T4.1'), '2024-06-30')]).toEqual([
      false,
      true,
    ]);
  });

  it('takes the area from the membership that names one (one definition for queries and lint)', () => {
    // Two memberships cover the day, the first without an area: the school is in Romsås.
    const m = small();
    const ammerud = m.organisation.schools.find((x) => x.id === 'ammerud')!;
    const school = {
      ...ammerud,
      memberships: [{ from: '2020-06-10' }, { area: 'omrade-romsas', from: '2020-06-10' }],
    };
    const model: Model = {
      ...m,
      organisation: {
        ...m.organisation,
        schools: m.organisation.schools.map((x) => (x.id === 'ammerud' ? school : x)),
      },
    };
    expect(schoolArea(model, 'ammerud', '2025-08-01')).toBe('omrade-romsas');
    const t66 = model.structures.find((x) => x.id === 'T6.6')!;
    expect(schoolsInScope(model, t66, '2025-08-01')).toEqual(['ammerud', 'svarttjern']);
    expect(schoolsInArea(model, 'omrade-romsas', '2025-08-01').map((x) => x.id)).toEqual([
      'ammerud',
      'svarttjern',
    ]);
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
  });

  it('in January 2021 gives an area nothing: every structure was still planned', () => {
    // Every structure of the Grorud model is in operation from 2023-01-01 and planned before.
    expect(new Set(grorud.structures.map((x) => structureStatusAt(x, '2021-01-15')))).toEqual(
      new Set(['planned']),
    );
    expect(structuresForArea(grorud, 'omrade-romsas', { asOf: '2021-01-15' })).toEqual([]);
    expect(structuresForSchool(grorud, 'bjorasen', { asOf: '2021-01-15' })).toEqual([]);
    // Asked for, the planned structures show where Bjøråsen, still a member, was meant to be.
    const planned = structuresForArea(grorud, 'omrade-romsas', {
      asOf: '2021-01-15',
      includePlanned: true,
    });
    expect(planned.find((x) => x.structure.id === 'T1.1')?.schools).toContain('bjorasen');
    expect(structuresForArea(grorud, 'omrade-romsas', { asOf: '2023-01-01' })).toHaveLength(
      planned.length,
    );
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

  it('in January 2021 has Bjøråsen as a column but no rows: nothing was in operation yet', () => {
    // The model's structures are in operation from 2023-01-01 and planned before, so on
    // 2021-01-15 the nine member schools (Bjøråsen left in May 2021) take part in nothing.
    const matrix = participationMatrix(grorud, { asOf: '2021-01-15' });
    expect(matrix.schools.map((s) => s.id)).toEqual([...COLUMNS, 'bjorasen']);
    expect(matrix.schools.at(-1)?.area).toBe('omrade-romsas');
    expect(matrix.rows).toEqual([]);
    expect(matrix.counts).toEqual(
      Object.fromEntries([...COLUMNS, 'bjorasen', 'bydel-grorud'].map((id) => [id, 0])),
    );
    // Asked for, the planned rows show the structures as planned for the nine schools.
    const planned = participationMatrix(grorud, { asOf: '2021-01-15', includePlanned: true });
    expect(planned.rows).toHaveLength(37);
    const t11 = planned.rows.find((r) => r.structure.id === 'T1.1')!;
    expect(t11.cells['bjorasen']).toBe('yes');
    expect(planned.counts['bjorasen']).toBeGreaterThan(0);
    // From the day they went into operation, the schools take part.
    expect(participationMatrix(grorud, { asOf: '2023-01-01' }).rows).toHaveLength(37);
  });

  it('counts pilot and in-operation structures, not planned or discontinued ones', () => {
    const m = small();
    const t57 = m.structures.find((x) => x.id === 'T5.7')!;
    const planned = {
      ...t57,
      id: 'T5.8',
      status: [
        { status: 'planned' as const, from: '2025-01-01' },
        { status: 'pilot' as const, from: '2026-01-01' },
      ],
    };
    const model: Model = { ...m, structures: [...m.structures, planned] };
    const rowIds = (asOf: string) =>
      participationMatrix(model, { asOf }).rows.map((r) => r.structure.id);
    expect(rowIds('2023-08-01')).toEqual(['T4.1', 'T5.7', 'T6.6', 'T3.4', 'T9.9']); // T9.9 pilot
    expect(rowIds('2025-08-01')).toEqual(['T4.1', 'T5.7', 'T6.6', 'T3.4']); // T5.8 planned
    expect(rowIds('2026-01-01')).toEqual(['T4.1', 'T5.7', 'T6.6', 'T3.4', 'T5.8']); // T5.8 pilot
    expect(
      structuresForSchool(model, 'ammerud', { asOf: '2025-08-01' }).map((x) => x.structure.id),
    ).toEqual(['T4.1', 'T5.7']);
    expect(
      structuresForSchool(model, 'ammerud', { asOf: '2025-08-01', includePlanned: true }).map(
        (x) => x.structure.id,
      ),
    ).toEqual(['T4.1', 'T5.7', 'T5.8']);
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
    const nsk = responsibilitiesOf(grorud, 'nsk', NOW);
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
    expect(responsibilitiesOf(grorud, 'bvk', NOW).revisions.drafts).toContain(bvkPaper!.id);
    expect(responsibilitiesOf(grorud, 'nsk', NOW).revisions.drafts).toContain(nskPaper!.id);
    expect(responsibilitiesOf(grorud, 'nsk', NOW).revisions.drafts).not.toContain(bvkPaper!.id);
  });

  it('keeps collectives as themselves in the direct lists', () => {
    const all = responsibilities(grorud, NOW);
    const skolene = all.find((r) => r.party.id === 'skolene');
    expect(skolene?.party.kind).toBe('collective');
    expect(skolene?.responsibleFor).toEqual(expect.arrayContaining(['T4.2', 'T4.3']));
    // Not expanded onto the schools' own lists …
    expect(responsibilitiesOf(grorud, 'ammerud', NOW).responsibleFor).not.toContain('T4.2');
    // … but listed as what falls to them through «Skolene».
    expect(responsibilitiesOf(grorud, 'ammerud', NOW).throughCollectives[0]).toMatchObject({
      collective: 'skolene',
      responsibleFor: expect.arrayContaining(['T4.2']),
    });
  });

  it('gives Rødtvet what falls to it through «Skolene» and «Felles»', () => {
    const rodtvet = responsibilitiesOf(grorud, 'rodtvet', NOW);
    // Its own: the nærværsplan (T5.4) and the work with Ammerud and Apalløkka (T5.5).
    expect(rodtvet.responsibleFor).toEqual(['T5.4', 'T5.5']);
    expect(rodtvet.throughCollectives).toEqual([
      {
        collective: 'skolene',
        // From the file: every structure with «skolene» responsible whose scope includes
        // Rødtvet — all-school rows (T2.4, T2.5, T4.7, T5.6, T6.5, T6.8) and those listing
        // Rødtvet (T4.2, T4.3, T6.2, T6.3, T6.4); not T5.1 (Nordtvet, Grorud, Groruddalen only).
        responsibleFor: [
          'T2.4',
          'T2.5',
          'T4.2',
          'T4.3',
          'T4.7',
          'T5.6',
          'T6.2',
          'T6.3',
          'T6.4',
          'T6.5',
          'T6.8',
        ],
        contributesTo: [],
        // «skolene» among the participants: T4.1 (Rødtvet listed), T4.4 (all), T6.1 (listed).
        participatesIn: ['T4.1', 'T4.4', 'T6.1'],
      },
      // «Felles» = «skolene» and the district: T6.1, which lists Rødtvet.
      { collective: 'felles', responsibleFor: ['T6.1'], contributesTo: [], participatesIn: [] },
    ]);
    // Svarttjern is not in T4.2, T4.7 applies to all: the scope decides, per school.
    const svarttjern = responsibilitiesOf(grorud, 'svarttjern', NOW).throughCollectives;
    expect(svarttjern.map((c) => c.collective)).toEqual(['skolene']);
    expect(svarttjern[0]!.responsibleFor).not.toContain('T4.2');
    expect(svarttjern[0]!.responsibleFor).toContain('T4.7');
    // Bjøråsen took part in 2021 (through «Skolene», in the all-school structures), not now.
    expect(responsibilitiesOf(grorud, 'bjorasen', NOW).throughCollectives).toEqual([]);
    expect(
      responsibilitiesOf(grorud, 'bjorasen', { asOf: '2021-01-15' }).throughCollectives[0]
        ?.responsibleFor,
    ).toEqual(['T2.4', 'T2.5', 'T4.7', 'T5.6', 'T6.5', 'T6.8']);
    // «Skolene» itself is part of «Felles».
    expect(responsibilitiesOf(grorud, 'skolene', NOW).throughCollectives).toEqual([
      { collective: 'felles', responsibleFor: ['T6.1'], contributesTo: [], participatesIn: [] },
    ]);
  });

  it('follows explicit members: a school, an area, a role, a collective in a collective', () => {
    const m = small({
      collectives: [
        { id: 'skolene', name: 'Skolene' },
        { id: 'romsas-skolene', name: 'Skolene på Romsås', members: ['omrade-romsas'] },
        { id: 'ammerud-og-nsk', name: 'Ammerud og NSK', members: ['ammerud', 'nsk'] },
        { id: 'alle', name: 'Alle', members: ['romsas-skolene', 'alle'] },
      ],
    });
    const structure = (id: string, responsible: string[]) => ({
      id,
      name: id,
      level: 'operativt' as const,
      cadence: { text: 'Ved behov', rule: { kind: 'on-demand' as const } },
      responsible,
      contributors: [],
      participants: [],
      scope: { kind: 'all-schools' as const },
      secondaryLevels: [],
      variations: [],
      status: [],
      documents: [],
      agenda: [],
      notes: [],
    });
    const model: Model = {
      ...m,
      structures: [
        ...m.structures,
        structure('X1', ['romsas-skolene']),
        structure('X2', ['ammerud-og-nsk']),
        structure('X3', ['alle']),
      ],
    };
    const through = (id: string) =>
      responsibilitiesOf(model, id, { asOf: '2025-08-01' }).throughCollectives.map((c) => [
        c.collective,
        c.responsibleFor,
      ]);
    // «Skolene» (no members) is responsible for T9.9, discontinued in 2024 yet a structure of
    // the model: listed like the direct lists, which cover every structure.
    expect(through('svarttjern')).toEqual([
      ['skolene', ['T9.9']],
      ['romsas-skolene', ['X1']],
      ['alle', ['X3']],
    ]);
    expect(through('ammerud')).toEqual([
      ['skolene', ['T9.9']],
      ['ammerud-og-nsk', ['X2']],
    ]);
    expect(through('nsk')).toEqual([['ammerud-og-nsk', ['X2']]]);
    // Bjøråsen only while it was a member.
    expect(through('bjorasen')).toEqual([]);
    expect(
      responsibilitiesOf(model, 'bjorasen', { asOf: '2021-01-15' }).throughCollectives.map(
        (c) => c.collective,
      ),
    ).toEqual(['skolene', 'romsas-skolene', 'alle']);
    // a party with shares only through collectives is listed among all responsibilities
    expect(responsibilities(model, { asOf: '2025-08-01' }).map((r) => r.party.id)).toContain(
      'svarttjern',
    );
  });

  it('covers onboarding plans: NSK maintains the plan for a new rektor, rektor the other', () => {
    const nsk = responsibilitiesOf(grorud, 'nsk', NOW);
    const rektor = responsibilitiesOf(grorud, 'rektor', NOW);
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
    const ids = responsibilities(grorud, NOW).map((r) => r.party.id);
    expect(ids.indexOf('nsk')).toBeLessThan(ids.indexOf('skolene'));
    const none = responsibilitiesOf(grorud, 'omrade-ammerud', NOW);
    expect(none.responsibleFor).toEqual([]);
    expect(responsibilitiesOf(grorud, 'ukjent', NOW).party).toEqual({
      kind: 'unknown',
      id: 'ukjent',
      name: 'ukjent',
    });
  });
});
