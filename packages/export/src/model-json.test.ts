import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { grorud } from '../test-fixtures/grorud.js';
import { modelJson } from './model-json.js';

/** The Grorud model with a person in one role assignment. */
function withPerson(): Model {
  const roles = grorud.roles.map((r, i) =>
    i === 0
      ? {
          ...r,
          assignments: [
            ...r.assignments,
            {
              person: { name: 'Kari Nordmann', email: 'kari@example.no', phone: '+47 912 34 567' },
            },
          ],
        }
      : r,
  );
  return { ...grorud, roles } as Model;
}

describe('modelJson', () => {
  it('writes a model that loads back to the same model', () => {
    const result = loadModelText(modelJson(grorud), { asOf: '2025-08-01' });
    expect(result.errors).toEqual([]);
    expect(result.model).toEqual(grorud);
  });

  it('leaves out every person from role assignments unless asked to keep them', () => {
    const model = withPerson();
    const stripped = modelJson(model);
    expect(stripped).not.toContain('Kari Nordmann');
    expect(stripped).not.toContain('kari@example.no');
    expect(stripped).not.toContain('912 34 567');
    const back = loadModelText(stripped, { asOf: '2025-08-01' }).model!;
    expect(back.roles[0]!.assignments.length).toBe(model.roles[0]!.assignments.length);
    expect(modelJson(model, { keepPersonalData: true })).toContain('Kari Nordmann');
  });
});
