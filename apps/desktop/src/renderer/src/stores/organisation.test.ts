import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { TEMPLATE_TEXT } from './template.js';
import { combine, getAt, insertAt, serialize, setAt, type Json } from './edits.js';
import {
  areaMembersAt,
  currentSchoolYearStart,
  defaultGrades,
  choicesWith,
  newArea,
  newSchool,
  newInstitution,
  newUnit,
  nextMembership,
  partyIdsOf,
  schoolState,
  schoolsOverview,
  schoolYearOf,
} from './organisation.js';

const ASOF = '2026-11-22';
const doc = JSON.parse(TEMPLATE_TEXT) as Json;

function load(d: Json, asOf = ASOF) {
  return loadModelText(serialize(d), { asOf, lang: 'nb' });
}
const grorud: Model = load(doc).model!;
const school = (id: string) => grorud.organisation.schools.find((s) => s.id === id)!;

describe('party ids', () => {
  it('lists every id of the shared namespace in the Grorud file', () => {
    const ids = partyIdsOf(doc);
    expect(ids[0]).toBe('bydel-grorud');
    expect(ids).toEqual(
      expect.arrayContaining(['fe', 'omrade-romsas', 'bjorasen', 'nsk', 'felles', 'skolene']),
    );
    const expected =
      1 +
      grorud.organisation.units.length +
      grorud.organisation.areas.length +
      grorud.organisation.schools.length +
      grorud.organisation.institutions.length +
      grorud.roles.length +
      grorud.collectives.length;
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads nothing from a file that is not a model', () => {
    expect(partyIdsOf(null)).toEqual([]);
    expect(partyIdsOf({ organisation: { areas: 'x' } })).toEqual([]);
  });
});

describe('school years', () => {
  it('start on 1 August', () => {
    expect(schoolYearOf('2026-11-22')).toBe('2026-27');
    expect(schoolYearOf('2026-07-31')).toBe('2025-26');
    expect(schoolYearOf('2026-08-01')).toBe('2026-27');
    expect(schoolYearOf('2099-12-31')).toBe('2099-00');
    expect(currentSchoolYearStart('2026-11-22')).toBe('2026-08-01');
    expect(currentSchoolYearStart('2027-03-01')).toBe('2026-08-01');
  });

  it('give each stage its usual grades', () => {
    expect(defaultGrades('barneskole')).toEqual({ from: 1, to: 7 });
    expect(defaultGrades('ungdomsskole')).toEqual({ from: 8, to: 10 });
    expect(defaultGrades('kombinert')).toEqual({ from: 1, to: 10 });
    expect(defaultGrades('videregående')).toEqual({ from: 11, to: 13 });
    expect(defaultGrades('annen')).toBeUndefined();
  });
});

describe('new rows', () => {
  it('an area gets an id from its name that no party has', () => {
    expect(newArea('  Kalbakken ', doc)).toEqual({ id: 'kalbakken', name: 'Kalbakken' });
    // «Grorud» is taken by the school with id «grorud».
    expect(newArea('Grorud', doc).id).toBe('grorud-2');
  });

  it('a unit takes its id from the abbreviation, else the name', () => {
    expect(newUnit('Nærmiljøteam', 'NMT', doc)).toEqual({
      id: 'nmt',
      name: 'Nærmiljøteam',
      abbreviation: 'NMT',
      kind: 'unit',
    });
    expect(newUnit('Forebyggende enhet', 'FE', doc).id).toBe('fe-2');
    expect(newUnit('Helsestasjon', '', doc)).toEqual({
      id: 'helsestasjon-2',
      name: 'Helsestasjon',
      kind: 'unit',
    });
  });

  it('an institution takes its id from its name, apart from every other party', () => {
    expect(newInstitution('  Ammerud barnehage ', 'barnehage', doc)).toEqual({
      id: 'ammerud-barnehage',
      name: 'Ammerud barnehage',
      kind: 'barnehage',
    });
    // Taken by the family kindergarten already in the Grorud model.
    expect(newInstitution('Humlebakken familiehage', 'annen', doc).id).toBe(
      'humlebakken-familiehage-2',
    );
  });

  it('a school gets its usual grades and a first membership in the first area', () => {
    const s = newSchool('Kalbakken skole', 'barneskole', doc, ASOF);
    expect(s).toEqual({
      id: 'kalbakken-skole',
      name: 'Kalbakken skole',
      stage: 'barneskole',
      grades: { from: 1, to: 7 },
      memberships: [{ area: 'omrade-ammerud', from: '2026-08-01' }],
    });
    // Added to the Grorud file it validates, and the school takes part now.
    const result = load(insertAt(['organisation', 'schools'], s)(doc));
    expect(result.errors).toEqual([]);
    const added = result.model!.organisation.schools.at(-1)!;
    expect(schoolState(added, ASOF)).toEqual({
      state: 'member',
      area: 'omrade-ammerud',
      since: '2026-08-01',
    });
    expect(newSchool('Annen skole', 'annen', doc, ASOF)).not.toHaveProperty('grades');
  });

  it('a school added to a district without areas has a period without area', () => {
    const noAreas = setAt(['organisation', 'areas'], [])(doc);
    expect(newSchool('X', 'kombinert', noAreas, ASOF).memberships).toEqual([
      { from: '2026-08-01' },
    ]);
  });

  it('the next membership period follows the last one', () => {
    const bjorasen = getAt(doc, ['organisation', 'schools', 8, 'memberships']);
    expect(nextMembership(bjorasen, ASOF)).toEqual({ area: 'omrade-romsas', from: '2021-06-01' });
    const ammerud = getAt(doc, ['organisation', 'schools', 0, 'memberships']);
    expect(nextMembership(ammerud, ASOF)).toEqual({ area: 'omrade-ammerud', from: '2026-08-01' });
    expect(nextMembership(undefined, ASOF)).toEqual({ from: '2026-08-01' });
  });
});

describe('where schools stand', () => {
  it('Bjøråsen left Romsås at the end of May 2021; the others take part', () => {
    expect(schoolState(school('bjorasen'), ASOF)).toEqual({ state: 'left', since: '2021-05-31' });
    expect(schoolState(school('bjorasen'), '2021-01-01')).toEqual({
      state: 'member',
      area: 'omrade-romsas',
      since: '2020-06-10',
      until: '2021-05-31',
    });
    expect(schoolState(school('tiurleiken'), ASOF)).toMatchObject({
      state: 'member',
      area: 'omrade-romsas',
    });
    expect(schoolState(school('ammerud'), '2020-01-01')).toEqual({
      state: 'upcoming',
      from: '2020-06-10',
    });
    const overview = schoolsOverview(grorud, ASOF);
    expect(overview.members).toHaveLength(8);
    expect(overview.left).toEqual(['bjorasen']);
    expect(overview.upcoming).toEqual([]);
  });

  it('a membership end date makes a school leave after that day', () => {
    const ended = load(
      setAt(['organisation', 'schools', 7, 'memberships', 0, 'to'], '2026-06-19')(doc),
    );
    expect(ended.errors).toEqual([]);
    const m = ended.model!;
    expect(schoolsOverview(m, ASOF).left).toEqual(['tiurleiken', 'bjorasen']);
    expect(schoolsOverview(m, '2026-06-19').members).toContain('tiurleiken');
  });

  it('a school without dates that say anything is neither member nor gone', () => {
    const odd = load(
      combine(
        setAt(['organisation', 'schools', 0, 'memberships', 0, 'from'], '2020-01-01'),
        setAt(['organisation', 'schools', 0, 'memberships', 0, 'to'], '2020-02-01'),
      )(doc),
    ).model!;
    expect(schoolState(odd.organisation.schools[0]!, '2020-03-01')).toEqual({
      state: 'left',
      since: '2020-02-01',
    });
  });

  it('lists the member schools of each area', () => {
    const byArea = areaMembersAt(grorud, ASOF);
    expect(byArea.get('omrade-romsas')).toEqual(['svarttjern', 'tiurleiken']);
    expect(byArea.get('omrade-ammerud')).toEqual(['ammerud', 'rodtvet', 'apallokka']);
    expect(areaMembersAt(grorud, '2021-01-01').get('omrade-romsas')).toEqual([
      'svarttjern',
      'tiurleiken',
      'bjorasen',
    ]);
  });
});

describe('select choices', () => {
  it('keep an unknown value of the file', () => {
    const known = [{ value: 'oslo', label: 'Oslo' }];
    expect(choicesWith(known, 'oslo')).toEqual([{ value: 'oslo', label: 'Oslo' }]);
    expect(choicesWith(known, 'bergen')).toEqual([
      { value: 'oslo', label: 'Oslo' },
      { value: 'bergen', label: 'bergen' },
    ]);
    expect(choicesWith(known, undefined)).toHaveLength(1);
    expect(choicesWith(known, '')).toHaveLength(1);
    expect(known).toHaveLength(1);
  });
});
