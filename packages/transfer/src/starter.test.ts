import { describe, expect, it } from 'vitest';
import { validateModel } from '@arshjul/model';
import { adaptModel } from './adapt.js';
import { checkMapping } from './check.js';
import { mappingSchema } from './mapping.js';
import { starterMapping } from './starter.js';
import { loadGrorud } from '../test-fixtures/grorud.js';

const grorud = loadGrorud();

describe('starterMapping', () => {
  const starter = starterMapping(grorud, { today: '2025-09-15' });

  it('parses and passes checkMapping against its source, warning only about what to fill in', () => {
    expect(mappingSchema.safeParse(starter).success).toBe(true);
    const result = checkMapping(grorud, JSON.parse(JSON.stringify(starter)));
    expect(result.mapping).toBeDefined();
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'district.name: «Bydel Navn» er eksempelverdien fra startkartleggingen; fyll inn bydelens egen',
      'district.id: «bydel-ny» er eksempelverdien fra startkartleggingen; fyll inn bydelens egen',
      'model.name: «Navnet på den nye modellen» er eksempelverdien fra startkartleggingen; fyll inn bydelens egen',
      'owner.name: «Enheten som eier arbeidet» er eksempelverdien fra startkartleggingen; fyll inn bydelens egen',
      'schools[0].name: «Skolens navn» er eksempelverdien fra startkartleggingen; fyll inn bydelens egen',
    ]);
  });

  it('lists every source role mapped to itself, in the order of the source', () => {
    expect(Object.keys(starter.roles ?? {})).toEqual(grorud.roles.map((r) => r.id));
    expect(Object.entries(starter.roles ?? {}).every(([k, v]) => k === v)).toBe(true);
    expect(starter.source).toEqual({ model: 'grorudmodellen', version: '2025-26' });
    expect(starter.model.schoolYear).toBe('2025-26');
  });

  it('lists the operative structures run at chosen schools, with no school yet', () => {
    const perSchool = starter.structures?.perSchool ?? {};
    expect(Object.keys(perSchool)).toEqual(
      grorud.structures
        .filter((s) => s.level === 'operativt' && s.scope.kind === 'schools')
        .map((s) => s.id),
    );
    expect(Object.keys(perSchool)).toContain('T4.1');
    expect(Object.values(perSchool).every((schools) => schools.length === 0)).toBe(true);
    expect(starter.areas).toBe('none');
    expect(starter.schools).toEqual([{ id: 'skole-1', name: 'Skolens navn', stage: 'barneskole' }]);
  });

  it('adapts as it is into a model that validates (the shared base only)', () => {
    const { model } = adaptModel(grorud, mappingSchema.parse(starter), { today: '2025-09-15' });
    const result = validateModel(JSON.parse(JSON.stringify(model)), { asOf: '2025-09-15' });
    expect(result.errors).toEqual([]);
    expect(model.structures.some((s) => s.id === 'T4.1')).toBe(false);
    expect(model.structures.some((s) => s.id === 'T1.1')).toBe(true);
  });
});
