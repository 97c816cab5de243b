import { describe, expect, it } from 'vitest';
import { checkMapping } from './check.js';
import { loadGrorud } from '../test-fixtures/grorud.js';
import { NORDRE_LIA_MAPPING } from '../test-fixtures/nordre-lia.js';

const grorud = loadGrorud();
const base = (): Record<string, unknown> =>
  structuredClone(NORDRE_LIA_MAPPING) as Record<string, unknown>;
const errorsOf = (input: unknown, lang?: 'nb' | 'nn' | 'en') =>
  checkMapping(grorud, input, lang).issues.filter((i) => i.severity === 'error');

describe('checkMapping', () => {
  it('accepts the Nordre Lia mapping with no issues at all', () => {
    const result = checkMapping(grorud, NORDRE_LIA_MAPPING);
    expect(result.issues).toEqual([]);
    expect(result.mapping?.district.name).toBe('Bydel Nordre Lia');
  });

  it('reports a role that is not in the source with the nearest one', () => {
    const m = base();
    m.roles = { ...(m.roles as object), nks: 'nks' };
    const errors = errorsOf(m);
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'roles.nks',
        code: 'mapping.unknown-role',
        message: 'Rollen «nks» finnes ikke i kildemodellen — mente du «nsk»?',
      }),
    );
  });

  it('reports a role target that is neither kept nor new', () => {
    const m = base();
    m.roles = { ...(m.roles as object), nsk: 'oppvekstkordinator' };
    expect(errorsOf(m)).toContainEqual(
      expect.objectContaining({
        path: 'roles.nsk',
        code: 'mapping.role-target',
        message:
          'rollen «oppvekstkordinator» finnes ikke lokalt: den er verken en rolle som beholdes, eller med i «newRoles» — mente du «oppvekstkoordinator»?',
      }),
    );
  });

  it('reports a local role given to two source roles', () => {
    const m = base();
    m.roles = { ...(m.roles as object), 'salto-koordinator': 'oppvekstkoordinator' };
    const errors = errorsOf(m);
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'roles["salto-koordinator"]',
        code: 'mapping.role-twice',
      }),
    ]);
    expect(errors[0]!.message).toBe(
      'rollen «oppvekstkoordinator» er brukt for både nsk og salto-koordinator; én lokal rolle kan bare stå for én rolle i kilden',
    );
  });

  it('reports a unit that is not in the source, and a unit target that does not exist', () => {
    const m = base();
    m.units = { ...(m.units as object), barnevern: 'barneverntjenesten', fe: 'forebygging' };
    const errors = errorsOf(m);
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'units.barnevern', code: 'mapping.unknown-unit' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'units.fe', code: 'mapping.unit-target' }),
    );
  });

  it('reports a school area that is not among the areas, and an area when there are none', () => {
    const none = base();
    (none.schools as { area?: string }[])[1]!.area = 'omrade-nord';
    expect(errorsOf(none)).toEqual([
      expect.objectContaining({
        path: 'schools[1].area',
        code: 'mapping.area-without-areas',
        message:
          'skolen har området «omrade-nord», men «areas» er «none»: legg inn områdene eller fjern «area»',
      }),
    ]);
    const some = base();
    some.areas = [{ id: 'omrade-nord', name: 'Nord' }];
    (some.schools as { area?: string }[])[2]!.area = 'omrade-nrd';
    expect(errorsOf(some)).toEqual([
      expect.objectContaining({
        path: 'schools[2].area',
        code: 'mapping.unknown-area',
        message: 'skoleområdet «omrade-nrd» finnes ikke blant «areas» — mente du «omrade-nord»?',
      }),
    ]);
  });

  it('reports duplicate school and area ids', () => {
    const m = base();
    const schools = m.schools as { id: string }[];
    schools[3]!.id = 'lia';
    m.areas = [
      { id: 'nord', name: 'Nord' },
      { id: 'nord', name: 'Nord igjen' },
    ];
    const errors = errorsOf(m);
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'schools[3].id',
        code: 'mapping.duplicate-id',
        message:
          'id-en «lia» er brukt to ganger (også i schools[0].id); hver id kan bare brukes én gang',
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ path: 'areas[1].id', code: 'mapping.duplicate-id' }),
    );
  });

  it('reports structure ids that are not in the source wherever they are used', () => {
    const m = base();
    m.structures = {
      adopt: ['T4.1', 'T9.9'],
      exclude: ['T1.33'],
      perSchool: { 'T4.11': ['lia'] },
      cadences: { T41: 'Ukentlig' },
      names: { 'T7.1': 'Nytt navn' },
    };
    const paths = errorsOf(m).map((i) => [i.path, i.code]);
    expect(paths).toEqual([
      ['structures.adopt[1]', 'mapping.unknown-structure'],
      ['structures.exclude[0]', 'mapping.unknown-structure'],
      ['structures.perSchool["T4.11"]', 'mapping.unknown-structure'],
      ['structures.cadences.T41', 'mapping.unknown-structure'],
      ['structures.names["T7.1"]', 'mapping.unknown-structure'],
    ]);
    expect(errorsOf(m)[1]!.message).toBe(
      'Strukturen «T1.33» finnes ikke i kildemodellen — mente du «T1.3»?',
    );
  });

  it('reports a school chosen per structure that is not among the mapping’s schools', () => {
    const m = base();
    (m.structures as { perSchool: Record<string, string[]> }).perSchool['T6.1'] = [
      'lia',
      'bekkestein',
    ];
    expect(errorsOf(m)).toEqual([
      expect.objectContaining({
        path: 'structures.perSchool["T6.1"][1]',
        code: 'mapping.unknown-school',
        message:
          'Skolen «bekkestein» finnes ikke blant skolene i kartleggingen — mente du «bekkestien»?',
      }),
    ]);
  });

  it('reports a mapping written for another source model', () => {
    const m = base();
    m.source = { model: 'alnamodellen' };
    expect(errorsOf(m)).toEqual([
      expect.objectContaining({
        path: 'source.model',
        code: 'mapping.wrong-source',
        message: 'kartleggingen er skrevet for «alnamodellen», men kilden er «grorudmodellen»',
      }),
    ]);
    expect(errorsOf(m, 'en')[0]!.message).toBe(
      'the mapping is written for «alnamodellen», but the source is «grorudmodellen»',
    );
  });

  it('reports every fault of shape at once, with its path, and never throws', () => {
    const m = base();
    delete m.schools;
    m.areas = 'ingen';
    m.distrct = {};
    (m.district as Record<string, unknown>).id = 'bydel nordre lia';
    const result = checkMapping(grorud, m);
    expect(result.mapping).toBeUndefined();
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.message]));
    // The same messages as for a model file (@arshjul/model's schemaIssues).
    expect(byPath).toMatchObject({
      schools: 'mangler (skal være en liste)',
      '': 'ukjent felt «distrct» — mente du «district»?',
      'district.id':
        '«bydel nordre lia» er ikke en gyldig id (bruk bokstaver, tall, «.», «_» og «-», og begynn med en bokstav eller et tall)',
    });
    expect(result.issues.find((i) => i.path === 'areas')?.message).toContain('«ingen»');
    expect(checkMapping(grorud, 'ikke en kartlegging').issues[0]).toMatchObject({
      path: '',
      code: 'mapping.not-an-object',
    });
    expect(() => checkMapping(grorud, null)).not.toThrow();
  });

  it('warns about a source role the mapping does not mention', () => {
    const m = base();
    const roles = { ...(m.roles as Record<string, string | null>) };
    delete roles.fau;
    m.roles = roles;
    const result = checkMapping(grorud, m);
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'mapping.role-unmentioned',
        message: 'rollen «fau» (FAU) er ikke nevnt i «roles»; den tas med under sin egen id',
      }),
    ]);
    expect(result.mapping).toBeDefined();
  });
});
