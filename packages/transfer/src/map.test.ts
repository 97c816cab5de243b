import { describe, expect, it } from 'vitest';
import type { Structure } from '@arshjul/model';
import { createMapper } from './map.js';
import { mappingSchema, type MappingInput } from './mapping.js';
import { loadGrorud } from '../test-fixtures/grorud.js';
import { NORDRE_LIA_MAPPING } from '../test-fixtures/nordre-lia.js';

const grorud = loadGrorud();
const mapper = createMapper(grorud, mappingSchema.parse(NORDRE_LIA_MAPPING));
const structure = (id: string): Structure => grorud.structures.find((s) => s.id === id)!;
const withMapping = (patch: Partial<MappingInput>) =>
  createMapper(grorud, mappingSchema.parse({ ...NORDRE_LIA_MAPPING, ...patch }));

describe('createMapper', () => {
  it('replaces terms as whole words, keeping the case of the text', () => {
    expect(mapper.text('Nærmiljøteam på hver skole')).toBe('Innsatsteam på hver skole');
    expect(mapper.text('Mal for nærmiljøteam')).toBe('Mal for innsatsteam');
    expect(mapper.text('Foreldrecafe er en arena')).toBe('Foreldretreff er en arena');
    expect(mapper.text('justeres på SaLTo-møtet om våren')).toBe(
      'justeres på samordningsmøtet om våren',
    );
    // Not inside another word, nor in a compound with a hyphen.
    expect(mapper.text('nærmiljøteamene og NSK-stillingen')).toBe(
      'nærmiljøteamene og NSK-stillingen',
    );
    // The role given a new local role: its abbreviation and title, a capital at a sentence start.
    expect(mapper.text('NSK har kontordag. Rektor og NSK møtes')).toBe(
      'Oppvekstkoordinator har kontordag. Rektor og oppvekstkoordinator møtes',
    );
    expect(mapper.text('Bydel Grorud har tre skoleområder')).toBe(
      'Bydel Nordre Lia har tre skoleområder',
    );
  });

  it('applies an explicit term given in another case, upper case included', () => {
    const m = withMapping({ terms: { 'SaLTo-møte': 'Samordningsmøte' } });
    expect(m.text('et SaLTo-møte i mai')).toBe('et Samordningsmøte i mai');
    expect(m.text('et salto-møte i mai')).toBe('et samordningsmøte i mai');
    expect(m.text('SALTO-MØTE')).toBe('SAMORDNINGSMØTE');
  });

  it('maps a structure chosen per school to those schools, without variations or origin', () => {
    const t41 = mapper.structure(structure('T4.1'))!;
    expect(t41.scope).toEqual({
      kind: 'schools',
      schools: ['lia', 'bekkestien', 'tjernlokka', 'furuhaugen', 'nordre-lia-us'],
    });
    // The local rhythm is an override, not mapped.
    expect(t41.cadence).toEqual(structure('T4.1').cadence);
    expect(t41.origin).toBeUndefined();
    expect(t41.variations).toEqual([]);
    expect(mapper.overrides('T4.1').cadence).toMatchObject({ text: 'Cirka hver sjette uke' });
    expect(mapper.overrides('T6.7')).toEqual({ name: 'Foreldretreff for hele bydelen' });
    expect(mapper.overrides('T1.4')).toEqual({});
  });

  it('returns undefined for structures not adopted, and keeps the base ones', () => {
    expect(mapper.structure(structure('T5.4'))).toBeUndefined();
    expect(mapper.structure(structure('T1.3'))).toBeUndefined(); // excluded
    expect(mapper.structure(structure('T5.7'))?.scope).toEqual({
      kind: 'stage',
      stages: ['barneskole'],
    });
    expect(mapper.structure(structure('T6.7'))?.scope).toEqual({ kind: 'district' });
    expect(mapper.structureIds.has('T4.1')).toBe(true);
    expect(mapper.structureIds.has('T4.2')).toBe(false);
  });

  it('adopts a structure listed in adopt for all schools when no school is chosen', () => {
    const m = withMapping({ structures: { adopt: ['T5.4', 'T1.1'] } });
    const t54 = m.structure(structure('T5.4'))!;
    expect(t54.scope).toEqual({ kind: 'all-schools' });
    // Rødtvet was responsible; it has no counterpart and is left out.
    expect(t54.responsible).toEqual(['oppvekstkoordinator']);
    expect(t54.scopeText).toBe('Alle skoler');
    expect(m.structure(structure('T1.4'))).toBeUndefined();
    expect(
      withMapping({ structures: { adopt: 'all' } }).structure(structure('T6.6'))?.scope,
    ).toEqual({ kind: 'all-schools' });
  });

  it('maps areas scope to all the local areas, or to all schools when there are none', () => {
    const s: Structure = {
      ...structure('T4.4'),
      scope: { kind: 'areas', areas: ['omrade-romsas'] },
    };
    expect(mapper.structure(s)).toBeUndefined(); // not base, not chosen
    const all = withMapping({ structures: { adopt: 'all' } });
    expect(all.structure(s)?.scope).toEqual({ kind: 'all-schools' });
    const areas = withMapping({
      areas: [
        { id: 'nord', name: 'Nord' },
        { id: 'sor', name: 'Sør' },
      ],
      structures: { adopt: 'all' },
    });
    expect(areas.structure(s)?.scope).toEqual({ kind: 'areas', areas: ['nord', 'sor'] });
  });

  it('removes a role mapped to null and lists the structure for a decision', () => {
    const t11 = mapper.structure(structure('T1.1'))!;
    expect(t11.responsible).toEqual(['oppvekstkoordinator']);
    expect(t11.participants).toEqual(['oppvekstkoordinator', 'rektor', 'seksjonssjef']);
    expect(mapper.undecided.filter((u) => u.kind === 'structure')).toEqual([
      expect.objectContaining({
        id: 'T1.1',
        roles: ['salto-koordinator'],
        fields: ['responsible', 'participants'],
      }),
      expect.objectContaining({ id: 'T1.2', roles: ['salto-koordinator'] }),
    ]);
  });

  it('maps units to the owner, a new unit, themselves, or nothing', () => {
    const t61 = mapper.structure(structure('T6.1'))!;
    expect(t61.participants).toEqual([
      'skolene',
      'helsestasjon',
      'barneverntjenesten',
      'fe',
      'bvk',
    ]);
    expect(mapper.unitTarget('oppvekst')).toBe('barneverntjenesten'); // not listed: the owner
    expect(mapper.unitTarget('salto')).toBeNull();
    expect(mapper.party('kronprinsparets-fond')).toBeUndefined();
    expect(mapper.party('bydel-grorud')).toBe('bydel-nordre-lia');
    expect(mapper.party('rodtvet')).toBeUndefined();
    expect(mapper.party('omrade-ammerud')).toBeUndefined();
  });

  it('maps roles: a new role replaces title and abbreviation, assignments are never adopted', () => {
    const nsk = mapper.role(grorud.roles.find((r) => r.id === 'nsk')!)!;
    expect(nsk).toMatchObject({
      id: 'oppvekstkoordinator',
      title: 'Oppvekstkoordinator',
      unit: 'ungdom-og-fritid',
      perArea: false,
      assignments: [],
    });
    expect(nsk.abbreviation).toBeUndefined();
    const bvk = mapper.role(grorud.roles.find((r) => r.id === 'bvk')!)!;
    expect(bvk).toMatchObject({
      id: 'bvk',
      title: 'Barnevernskonsulent i skolen',
      abbreviation: 'BVK',
    });
    expect(bvk.assignments).toEqual([]);
    expect(bvk.perArea).toBeUndefined(); // no areas in Nordre Lia
    expect(mapper.role(grorud.roles.find((r) => r.id === 'salto-koordinator')!)).toBeUndefined();
  });

  it('adopts the documents linked to adopted structures, minus the excluded ones', () => {
    expect([...mapper.documentIds]).toEqual([
      'hjemmesidetekster',
      'konseptpapirer',
      'oppstartsplaner',
      'bydelskatalog',
    ]);
    const doc = grorud.documents.find((d) => d.id === 'bydelskatalog')!;
    expect(mapper.document(doc)?.owner).toEqual(['oppvekstkoordinator']);
    const m = withMapping({ documents: { exclude: ['bydelskatalog'] } });
    expect(m.document(doc)).toBeUndefined();
    expect(m.documentIds.has('bydelskatalog')).toBe(false);
  });

  it('keeps an onboarding row whose only responsible is unmapped, and lists it', () => {
    const m = withMapping({
      roles: { ...NORDRE_LIA_MAPPING.roles, rektor: null },
    });
    const plan = m.onboarding(grorud.onboarding.find((p) => p.id === 'plan-ny-nsk-bvk')!)!;
    expect(plan.maintainedBy).toEqual([]);
    const row = plan.meetings[0]!.agenda[2]!;
    expect(row.content).toBe('Sette dato og tidspunkt');
    expect(row.responsible).toEqual([]);
    expect(m.undecided).toContainEqual(
      expect.objectContaining({
        kind: 'onboarding',
        id: 'plan-ny-nsk-bvk',
        fields: expect.arrayContaining(['maintainedBy', 'meetings[0].agenda[2].responsible']),
      }),
    );
    // A plan triggered only by a role the district does not have is not adopted.
    expect(m.onboarding(grorud.onboarding.find((p) => p.id === 'plan-ny-rektor')!)).toBeUndefined();
  });
});
