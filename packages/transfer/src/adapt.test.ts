import { describe, expect, it } from 'vitest';
import { validateModel, type Model } from '@arshjul/model';
import { adaptModel } from './adapt.js';
import { mappingSchema, type MappingInput } from './mapping.js';
import { formatAdaptationReport } from './report.js';
import { loadGrorud } from '../test-fixtures/grorud.js';
import { NORDRE_LIA_MAPPING } from '../test-fixtures/nordre-lia.js';

const grorud = loadGrorud();
const mapping = mappingSchema.parse(NORDRE_LIA_MAPPING);
const { model, report } = adaptModel(grorud, mapping, { today: '2025-08-01' });

/** Every string value of a JSON value, with its path, leaving out the given top-level keys. */
function strings(value: unknown, skip: readonly string[], path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, skip, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      skip.includes(k) ? [] : strings(v, skip, path ? `${path}.${k}` : k),
    );
  }
  return [];
}

describe('adaptModel (Grorud → Bydel Nordre Lia)', () => {
  it('builds a model that validates without errors', () => {
    const result = validateModel(JSON.parse(JSON.stringify(model)), { asOf: '2025-08-01' });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.summary?.schools).toBe(5);
    expect(result.summary?.areas).toBe(0);
  });

  it("never carries the source's newcomers over", () => {
    const plan = grorud.onboarding.find((p) => p.trigger.roles.includes('rektor'))!;
    const source: Model = {
      ...grorud,
      newcomers: [
        {
          id: 'ny-rektor-rodtvet',
          plan: plan.id,
          role: 'rektor',
          school: 'rodtvet',
          startsOn: '2026-01-05',
          notes: [],
        },
      ],
    };
    const adapted = adaptModel(source, mapping, { today: '2025-08-01' }).model;
    expect(adapted.newcomers).toEqual([]);
    expect(JSON.stringify(adapted)).not.toContain('ny-rektor-rodtvet');
  });

  it('leaves no Grorud school, area or replaced role id outside upstream and origin', () => {
    const gone = new Set([
      ...grorud.organisation.schools.map((s) => s.id),
      ...grorud.organisation.areas.map((a) => a.id),
      ...grorud.organisation.institutions.map((i) => i.id),
      grorud.organisation.district.id,
      'nsk',
      'salto-koordinator',
      'fagleder-mottaksteam',
      'leder-ae',
      'salto',
      'bv',
      'ae',
    ]);
    const hits = strings(model, ['upstream', 'origin']).filter(([, v]) => gone.has(v));
    expect(hits).toEqual([]);
    // The sanity check of the scan: upstream does hold them.
    expect(strings(model.upstream, []).some(([, v]) => v === 'nsk')).toBe(true);
  });

  it('names T4.1 by the local term, with the local rhythm and its provenance', () => {
    const t41 = model.structures.find((s) => s.id === 'T4.1')!;
    expect(t41.name).toBe('Innsatsteam på hver skole');
    expect(typeof t41.cadence === 'string' ? t41.cadence : t41.cadence.text).toBe(
      'Cirka hver sjette uke',
    );
    expect(t41.origin).toEqual({
      model: 'grorudmodellen',
      version: '2025-26',
      id: 'T4.1',
      changed: true,
    });
    expect(t41.scope).toEqual({
      kind: 'schools',
      schools: ['lia', 'bekkestien', 'tjernlokka', 'furuhaugen', 'nordre-lia-us'],
    });
    expect(t41.responsible).toEqual(['oppvekstkoordinator']);
    expect(t41.participants).toEqual(['oppvekstkoordinator', 'skolene', 'bydel-nordre-lia']);
    expect(report.changed).toContainEqual({
      kind: 'structure',
      id: 'T4.1',
      what: 'rytme: «Hver fjerde uke» → «Cirka hver sjette uke»',
    });
  });

  it('marks a structure adopted as it is as unchanged', () => {
    const t14 = model.structures.find((s) => s.id === 'T1.4')!;
    expect(t14.origin).toEqual({
      model: 'grorudmodellen',
      version: '2025-26',
      id: 'T1.4',
      changed: false,
    });
    expect(t14.name).toBe('Konseptpapir for BVK i skolen');
    expect(t14.responsible).toEqual(['bvk', 'avdelingsleder-mottak', 'barnevernleder']);
    // A local name override counts as a change too.
    expect(model.structures.find((s) => s.id === 'T6.7')?.origin?.changed).toBe(true);
    expect(model.structures.find((s) => s.id === 'T6.7')?.name).toBe(
      'Foreldretreff for hele bydelen',
    );
  });

  it('lists the structures that depended on the SaLTo coordinator for a decision', () => {
    const structures = report.toDecide.filter((d) => d.kind === 'structure').map((d) => d.id);
    const dependent = grorud.structures
      .filter((s) =>
        [...s.responsible, ...s.contributors, ...s.participants].includes('salto-koordinator'),
      )
      .map((s) => s.id);
    expect(dependent).toEqual(['T1.1', 'T1.2']);
    expect(structures).toEqual(expect.arrayContaining(dependent));
    expect(report.toDecide.find((d) => d.id === 'T1.1')?.what).toContain(
      '«SaLTo-koordinator i bydel»',
    );
    const t11 = model.structures.find((s) => s.id === 'T1.1')!;
    expect(t11.responsible).toEqual(['oppvekstkoordinator']);
    expect(t11.name).toBe(
      'Samarbeid mellom bydel og skole justeres årlig på samordningsmøtet som arrangeres om våren',
    );
    expect(report.toDecide).toContainEqual(
      expect.objectContaining({ kind: 'revision', id: 'justering-av-samarbeidet' }),
    );
  });

  it('points the onboarding plans at the local coordinator instead of NSK', () => {
    expect(model.onboarding.map((p) => p.id)).toEqual(['plan-ny-rektor', 'plan-ny-nsk-bvk']);
    const [rektor, nskBvk] = model.onboarding;
    expect(rektor!.maintainedBy).toEqual(['oppvekstkoordinator']);
    expect(rektor!.convenedBy).toEqual(['oppvekstkoordinator']);
    expect(rektor!.meetings[0]!.participants).toEqual(['oppvekstkoordinator', 'bvk', 'rektor']);
    expect(rektor!.meetings[0]!.agenda[0]!.content).toBe(
      'Oppvekstkoordinator kaller inn BVK og rektor til en kort bli kjent samtale',
    );
    expect(nskBvk!.trigger.roles).toEqual(['oppvekstkoordinator', 'bvk']);
    const refs = strings(model.onboarding, []).filter(([, v]) => v === 'nsk');
    expect(refs).toEqual([]);
  });

  it('keeps the source items of exactly the adopted structures as the merge base', () => {
    const up = model.upstream!;
    expect(up.model).toEqual({
      id: 'grorudmodellen',
      name: 'Grorudmodellen',
      district: 'Bydel Grorud',
    });
    expect(up.version).toBe('2025-26');
    expect(up.adoptedOn).toBe('2025-08-01');
    expect(up.conflicts).toEqual([]);
    expect(up.base.structures.map((s) => s.id)).toEqual(model.structures.map((s) => s.id));
    const t41 = up.base.structures.find((s) => s.id === 'T4.1')!;
    expect(t41).toEqual(JSON.parse(JSON.stringify(grorud.structures.find((s) => s.id === 'T4.1'))));
    expect(up.base.documents.map((d) => d.id)).toEqual(model.documents.map((d) => d.id));
    expect(up.base.roles.map((r) => r.id)).toEqual(
      model.roles.filter((r) => r.origin).map((r) => r.origin!.id),
    );
    expect(up.base.roles.every((r) => !('assignments' in r))).toBe(true);
    expect((up.mapping as { district: { name: string } }).district.name).toBe('Bydel Nordre Lia');
  });

  it('adopts the shared base and the structures chosen per school, and nothing else', () => {
    const ids = model.structures.map((s) => s.id);
    expect(ids).not.toContain('T1.3'); // excluded
    expect(ids).not.toContain('T3.4'); // excluded
    expect(ids).not.toContain('T5.4'); // only at Rødtvet, not chosen
    expect(ids).toContain('T6.1'); // chosen per school
    expect(model.structures.find((s) => s.id === 'T6.1')?.scope).toEqual({
      kind: 'schools',
      schools: ['lia', 'tjernlokka', 'nordre-lia-us'],
    });
    expect(report.dropped).toContainEqual(
      expect.objectContaining({
        kind: 'structure',
        sourceId: 'T1.3',
        why: 'utelatt i kartleggingen',
      }),
    );
    expect(report.dropped.filter((d) => d.kind === 'institution')).toHaveLength(2);
    expect(model.organisation.institutions).toEqual([]);
  });

  it('builds the organisation from the mapping: no areas, schools from today, the owner unit', () => {
    const org = model.organisation;
    expect(org.district).toMatchObject({ id: 'bydel-nordre-lia', name: 'Bydel Nordre Lia' });
    expect(org.areas).toEqual([]);
    expect(org.schools.map((s) => s.memberships)).toEqual(
      Array.from({ length: 5 }, () => [{ from: '2025-08-01' }]),
    );
    expect(org.units[0]).toMatchObject({ id: 'barneverntjenesten', name: 'Barneverntjenesten' });
    expect(org.units.find((u) => u.id === 'fe')?.parent).toBe('barneverntjenesten');
    const coordinator = model.roles.find((r) => r.id === 'oppvekstkoordinator')!;
    expect(coordinator).toMatchObject({ title: 'Oppvekstkoordinator', unit: 'ungdom-og-fritid' });
    expect(coordinator.origin).toEqual({
      model: 'grorudmodellen',
      version: '2025-26',
      id: 'nsk',
      changed: false,
    });
    expect(model.roles.every((r) => r.assignments.length === 0)).toBe(true);
    expect(model.changeLog).toEqual([
      expect.objectContaining({
        date: '2025-08-01',
        summary: 'Tilpasset fra Grorudmodellen (2025-26)',
      }),
    ]);
  });

  it('replaces the mapped terms in free text and in the glossary', () => {
    const t67 = model.structures.find((s) => s.id === 'T6.7')!;
    expect(t67.description).toContain('Foreldretreff er en arena');
    expect(t67.description).not.toMatch(/foreldrecafe/i);
    expect(model.glossary.find((g) => g.refersTo === 'T4.1')?.term).toBe('innsatsteam');
    expect(model.glossary.find((g) => g.refersTo === 'oppvekstkoordinator')).toMatchObject({
      term: 'Oppvekstkoordinator',
      kind: 'term',
    });
    expect(model.glossary.some((g) => g.term === 'BGR')).toBe(false);
  });

  it('gives a valid model for a district with school areas too', () => {
    const input: MappingInput = {
      ...NORDRE_LIA_MAPPING,
      areas: [
        { id: 'omrade-nord', name: 'Nord' },
        { id: 'omrade-sor', name: 'Sør' },
      ],
      schools: NORDRE_LIA_MAPPING.schools.map((s, i) => ({
        ...s,
        area: i < 3 ? 'omrade-nord' : 'omrade-sor',
      })),
    };
    const adapted: Model = adaptModel(grorud, mappingSchema.parse(input), {
      today: '2025-08-01',
    }).model;
    const result = validateModel(JSON.parse(JSON.stringify(adapted)), { asOf: '2025-08-01' });
    expect(result.errors).toEqual([]);
    expect(adapted.organisation.schools[4]!.memberships).toEqual([
      { area: 'omrade-sor', from: '2025-08-01' },
    ]);
  });

  it('writes the report in Norwegian with counts in the headings', () => {
    const text = formatAdaptationReport(report, 'nb');
    expect(text).toContain(`Tatt i bruk (${report.adopted.length})`);
    expect(text).toContain('Endret lokalt (3)');
    expect(text).toContain(`Ikke tatt med (${report.dropped.length})`);
    expect(text).toContain(`Må avgjøres (${report.toDecide.length})`);
    expect(text).toContain('rolle oppvekstkoordinator «Oppvekstkoordinator» (fra nsk)');
    expect(
      formatAdaptationReport({ adopted: [], changed: [], dropped: [], toDecide: [] }, 'en'),
    ).toBe(
      'Adopted (0)\nNone.\n\nChanged locally (0)\nNone.\n\nNot adopted (0)\nNone.\n\nTo decide (0)\nNone.\n',
    );
  });
});

describe('texts written for the source', () => {
  it('lists adopted items whose texts still name the source’s schools or areas', () => {
    const { report } = adaptModel(grorud, mappingSchema.parse(NORDRE_LIA_MAPPING), {
      today: '2025-06-10',
    });
    expect(report.toDecide).toContainEqual({
      kind: 'document',
      id: 'konseptpapirer',
      what: 'teksten nevner kildebydelens «Grorud»: skriv den om for bydelen',
    });
  });
});
