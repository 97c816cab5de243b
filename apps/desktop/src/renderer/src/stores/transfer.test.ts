import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { loadModelText, type Model } from '@arshjul/model';
import { checkMapping, createMapper, findPersonalData, mappingSchema } from '@arshjul/transfer';
import type { ArshjulApi } from '../../../shared/api.js';
// The CLI's own command, to compare the wizard with `arshjul adapt` on the same mapping.
import { adaptCommand } from '../../../../../../packages/cli/src/transfer.js';
import { setApi } from '../platform/index.js';
import { TEMPLATE_TEXT } from './template.js';
import { useModelStore } from './model.js';
import {
  addTerm,
  adopt,
  adoptsStructure,
  decide,
  conflictKey,
  freshMapping,
  issuesOfStep,
  mappingText,
  patchDoc,
  provenanceList,
  provenanceOf,
  readMapping,
  roleChoice,
  runUpdate,
  setLevelAdopted,
  setRoleChoice,
  setStructureAdopted,
  setStructureSchools,
  stepOfPath,
  structureGroups,
  termSuggestions,
  transferFile,
  useTransferStore,
} from './transfer.js';

const example = (p: string): string =>
  readFileSync(new URL(`../../../../../../examples/${p}`, import.meta.url), 'utf8');
const load = (text: string): Model =>
  loadModelText(text, { asOf: '2025-08-01', lang: 'nb' }).model!;

const grorud = load(TEMPLATE_TEXT);
const grorudNext = example('grorud/grorudmodellen-2026-27.json');
const kartleggingText = example('nordre-lia/kartlegging.json');
const nordreLiaText = example('nordre-lia/nordre-lia-modellen.json');
const nordreLiaNextText = example('nordre-lia/nordre-lia-modellen-2026-27.json');
const kartlegging = mappingSchema.parse(JSON.parse(kartleggingText));

/** What `arshjul adapt grorudmodellen.json --mapping kartlegging.json --date 2025-06-10` writes. */
async function cliAdapt(): Promise<string> {
  const files = new Map([
    ['kilde.json', TEMPLATE_TEXT],
    ['kart.json', kartleggingText],
  ]);
  let written = '';
  const errors: string[] = [];
  const code = await adaptCommand(
    ['kilde.json', '--mapping', 'kart.json', '--out', 'ut.json', '--date', '2025-06-10'],
    {
      out: () => {},
      err: (text) => errors.push(text),
      readFile: async (path) => files.get(path)!,
      today: () => '2025-06-10',
      writeFile: async (_path, bytes) => {
        written = new TextDecoder().decode(bytes);
      },
    },
  );
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  return written;
}

let cliText = '';

describe('the wizard’s state is the mapping', () => {
  it('gives, for the Nordre Lia mapping, the model `arshjul adapt` writes, byte for byte', async () => {
    cliText = await cliAdapt();
    const result = adopt(grorud, kartlegging, '2025-06-10');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.adoption.text).toBe(cliText);
    expect(JSON.parse(cliText).upstream.model.id).toBe('grorudmodellen');
    expect(result.adoption.report.toDecide.length).toBeGreaterThan(0);
    expect(result.adoption.reportText).toContain('Må avgjøres');
  });

  it('reads a mapping file, and saving it gives a file that reads back the same', () => {
    const read = readMapping(grorud, kartleggingText);
    expect('mapping' in read).toBe(true);
    if (!('mapping' in read)) return;
    const again = readMapping(grorud, mappingText(read.mapping));
    expect('mapping' in again && again.mapping).toEqual(read.mapping);
    const adopted = adopt(grorud, read.mapping, '2025-06-10');
    expect(adopted.ok && adopted.adoption.text).toBe(cliText);
  });

  it('refuses a file that is not a mapping, saying why', () => {
    const bad = readMapping(grorud, '{"mappingVersion": 1}');
    expect('error' in bad && bad.error).toMatch(/source|schools|model/);
    // A broken file: what is wrong and where, in Norwegian, not the parser's English.
    const broken = readMapping(grorud, '{\n  "mappingVersion": 1,\n}');
    expect('error' in broken && broken.error).toMatch(/linje 3/);
    expect('error' in broken && broken.error).not.toMatch(/Unexpected|position/);
  });

  it('starts from the starter mapping, whose example values are flagged at their step', () => {
    const m = freshMapping(grorud, '2025-06-10');
    const { issues } = checkMapping(grorud, m);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issuesOfStep(issues, 'district').map((i) => i.path)).toEqual(
      expect.arrayContaining(['district.name', 'district.id', 'model.name', 'owner.name']),
    );
    expect(issuesOfStep(issues, 'schools').map((i) => i.path)).toEqual(['schools[0].name']);
  });

  it('puts each check at its step', () => {
    expect(stepOfPath('schools[0].area')).toBe('schools');
    expect(stepOfPath('roles.nsk')).toBe('roles');
    expect(stepOfPath('newRoles[0].id')).toBe('roles');
    expect(stepOfPath('structures.perSchool["T4.1"][5]')).toBe('structures');
    expect(stepOfPath('owner.id')).toBe('district');
    expect(stepOfPath('calendar.kommune')).toBe('calendar');
    expect(stepOfPath('')).toBe('finish');
    const m = { ...kartlegging, schools: [{ ...kartlegging.schools[0]!, area: 'nord' }] };
    const errors = checkMapping(grorud, m).issues.filter((i) => i.severity === 'error');
    expect(issuesOfStep(errors, 'schools').map((i) => i.path)).toContain('schools[0].area');
    expect(adopt(grorud, m, '2025-06-10').ok).toBe(false);
  });
});

describe('roles', () => {
  it('reads Nordre Lia’s choices: kept, own title, dropped', () => {
    expect(roleChoice(kartlegging, 'rektor')).toMatchObject({ mode: 'keep' });
    expect(roleChoice(kartlegging, 'nsk')).toMatchObject({
      mode: 'own',
      title: 'Oppvekstkoordinator',
    });
    expect(roleChoice(kartlegging, 'salto-koordinator').mode).toBe('drop');
  });

  it('gives a role an own title as a new role whose id follows the title', () => {
    const m0 = freshMapping(grorud, '2025-06-10');
    const m1 = setRoleChoice(grorud, m0, 'nsk', 'own', 'Oppvekstkoordinator');
    expect(m1.roles.nsk).toBe('oppvekstkoordinator');
    expect(m1.newRoles).toEqual([
      { id: 'oppvekstkoordinator', title: 'Oppvekstkoordinator', side: 'district' },
    ]);
    const m2 = setRoleChoice(grorud, m1, 'nsk', 'own', 'Skolekoordinator');
    expect(m2.roles.nsk).toBe('skolekoordinator');
    expect(m2.newRoles.map((r) => r.id)).toEqual(['skolekoordinator']);
    expect(checkMapping(grorud, m2).issues.filter((i) => i.path.startsWith('roles'))).toEqual([]);
    const m3 = setRoleChoice(grorud, m2, 'nsk', 'drop');
    expect(m3.roles.nsk).toBeNull();
    expect(m3.newRoles).toEqual([]);
    const m4 = setRoleChoice(grorud, m3, 'nsk', 'keep');
    expect(m4.roles.nsk).toBe('nsk');
  });

  it('never gives a new role an id already in use', () => {
    const m = setRoleChoice(grorud, freshMapping(grorud, '2025-06-10'), 'nsk', 'own', 'Rektor');
    expect(m.roles.nsk).not.toBe('rektor');
    expect(checkMapping(grorud, m).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('terms', () => {
  it('suggests SaLTo, FE and AE from the Grorud model, and not what is mapped already', () => {
    const fresh = termSuggestions(grorud, freshMapping(grorud, '2025-06-10'));
    expect(fresh).toEqual(expect.arrayContaining(['SaLTo', 'FE', 'AE']));
    const withSalto = addTerm(freshMapping(grorud, '2025-06-10'), 'SaLTo', 'Samordning');
    expect(termSuggestions(grorud, withSalto)).not.toContain('SaLTo');
    expect(withSalto.terms).toEqual({ SaLTo: 'Samordning' });
  });
});

describe('structures', () => {
  it('adopts what the package’s mapper adopts', () => {
    const mapper = createMapper(grorud, kartlegging);
    const ours = grorud.structures.filter((s) => adoptsStructure(kartlegging, s)).map((s) => s.id);
    expect(ours).toEqual([...mapper.structureIds]);
    const rows = structureGroups(grorud, kartlegging).flatMap((g) => g.rows);
    expect(rows.filter((r) => r.adopted)).toHaveLength(ours.length);
    expect(rows.find((r) => r.id === 'T1.3')?.adopted).toBe(false);
  });

  it('toggles a base structure through «exclude» and a per-school one through its schools', () => {
    const m0 = freshMapping(grorud, '2025-06-10');
    const m1 = setStructureAdopted(grorud, m0, 'T1.3', false);
    expect(m1.structures.exclude).toContain('T1.3');
    expect(setStructureAdopted(grorud, m1, 'T1.3', true).structures.exclude).not.toContain('T1.3');
    const m2 = setStructureAdopted(grorud, m0, 'T4.1', true);
    expect(m2.structures.perSchool['T4.1']).toEqual(['skole-1']);
    expect(setStructureAdopted(grorud, m2, 'T4.1', false).structures.perSchool['T4.1']).toEqual([]);
    const m3 = setStructureSchools(kartlegging, 'T6.1', ['lia']);
    expect(adopt(grorud, m3, '2025-06-10').ok).toBe(true);
  });

  it('adopts a whole level, or none of it', () => {
    const none = setLevelAdopted(grorud, kartlegging, 'strategisk', false);
    const groups = structureGroups(grorud, none);
    expect(groups.find((g) => g.level === 'strategisk')!.rows.some((r) => r.adopted)).toBe(false);
    const all = setLevelAdopted(grorud, none, 'operativt', true);
    const operative = structureGroups(grorud, all).find((g) => g.level === 'operativt')!;
    expect(operative.rows.filter((r) => !r.discontinued).every((r) => r.adopted)).toBe(true);
    const result = adopt(grorud, all, '2025-06-10');
    expect(result.ok).toBe(true);
  });
});

describe('provenance', () => {
  const nordreLia = load(nordreLiaText);

  it('says where an adopted structure came from and what was changed locally', () => {
    const t11 = provenanceOf(nordreLia, 'structures', 'T1.1')!;
    expect(t11).toMatchObject({ model: 'grorudmodellen', modelName: 'Grorudmodellen' });
    expect(t11.version).toBe('2025-26');
    expect(t11.changes).toEqual([]);
    const t41 = provenanceOf(nordreLia, 'structures', 'T4.1')!;
    expect(t41.changed).toBe(true);
    expect(t41.changes).toEqual([
      { field: 'cadence', before: 'Hver fjerde uke', after: 'Cirka hver sjette uke' },
    ]);
    const t67 = provenanceOf(nordreLia, 'structures', 'T6.7')!;
    expect(t67.changes.map((c) => c.field)).toEqual(['name']);
    expect(t67.changes[0]!.after).toBe('Foreldretreff for hele bydelen');
  });

  it('lists every adopted item, and nothing for a model that was not adopted', () => {
    const list = provenanceList(nordreLia);
    expect(list.filter((x) => x.kind === 'structures')).toHaveLength(nordreLia.structures.length);
    // Exactly the items whose origin says they were changed show local changes.
    const changed = list.filter((x) => x.provenance.changes.length > 0).map((x) => x.id);
    const flagged = nordreLia.structures.filter((s) => s.origin?.changed).map((s) => s.id);
    expect(changed.filter((id) => /^T/.test(id))).toEqual(flagged);
    expect(provenanceList(grorud)).toEqual([]);
  });
});

describe('«Hent oppdateringer»', () => {
  const nordreLia = load(nordreLiaText);

  it('merges Grorud 2026-27 as the CLI does, with T4.1’s rhythm in conflict', () => {
    const result = runUpdate(nordreLia, grorudNext, '2026-06-01');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { model, report } = result.run;
    expect(report.conflicts.map((c) => `${c.id} ${c.field}`)).toEqual(['T4.1 cadence']);
    // «Decide later» records the conflict as the CLI does: the example file, byte for byte.
    const later = decide(model, { [conflictKey(report.conflicts[0]!)]: 'later' })!;
    const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    expect(json(later)).toEqual(json(load(nordreLiaNextText)));
  });

  it('applies nothing until every conflict is decided; theirs takes the source’s value', () => {
    const result = runUpdate(nordreLia, grorudNext, '2026-06-01');
    if (!result.ok) throw new Error(result.message);
    const { model } = result.run;
    expect(decide(model, {})).toBeNull();
    const c = model.upstream!.conflicts[0]!;
    const theirs = decide(model, { [conflictKey(c)]: 'theirs' })!;
    const t41 = theirs.structures.find((s) => s.id === 'T4.1')!;
    expect(t41.cadence).toEqual(c.theirs);
    expect(theirs.upstream!.conflicts).toEqual([]);
    const ours = decide(model, { [conflictKey(c)]: 'ours' })!;
    expect(ours.structures.find((s) => s.id === 'T4.1')!.cadence).toEqual(c.ours);
    expect(ours.upstream!.conflicts).toEqual([]);
  });

  it('says clearly why an update cannot be taken', () => {
    const notAdopted = runUpdate(grorud, grorudNext, '2026-06-01');
    expect(!notAdopted.ok && notAdopted.message).toMatch(/ingen «upstream»/);
    const bad = runUpdate(nordreLia, '{"schemaVersion": 1}', '2026-06-01');
    expect(!bad.ok && bad.message).toMatch(/kan ikke leses/);
  });

  it('patches only what the merge changed into the file as written', () => {
    const doc = JSON.parse(nordreLiaText) as Record<string, unknown>;
    // The user wrote T1.1's rhythm as a phrase: untouched by the merge, it stays a phrase.
    const structures = doc.structures as Record<string, unknown>[];
    const t11 = structures.find((s) => s.id === 'T1.1')!;
    t11.cadence = (t11.cadence as { text: string }).text;
    const result = runUpdate(nordreLia, grorudNext, '2026-06-01');
    if (!result.ok) throw new Error(result.message);
    const merged = decide(result.run.model, {
      [conflictKey(result.run.model.upstream!.conflicts[0]!)]: 'theirs',
    })!;
    const patched = patchDoc(doc as never, nordreLia, merged) as Record<string, unknown>;
    const ps = patched.structures as Record<string, unknown>[];
    expect(ps.find((s) => s.id === 'T1.1')!.cadence).toBe(t11.cadence);
    expect(ps.map((s) => s.id)).toEqual(merged.structures.map((s) => s.id));
    const reloaded = loadModelText(JSON.stringify(patched), { asOf: '2026-08-01' });
    expect(reloaded.valid).toBe(true);
    expect(reloaded.model!.structures.find((s) => s.id === 'T1.2')!.description).toBe(
      merged.structures.find((s) => s.id === 'T1.2')!.description,
    );
  });
});

describe('the transfer file', () => {
  it('holds no personal data, even when an assignment names a person', () => {
    const doc = JSON.parse(TEMPLATE_TEXT) as { roles: { assignments?: unknown[] }[] };
    doc.roles[0]!.assignments = [
      {
        person: {
          name: 'Kari Nordmann',
          email: 'kari.nordmann@example.no',
          phone: '+47 912 34 567',
        },
        from: '2025-08-01',
      },
    ];
    const model = load(JSON.stringify(doc));
    expect(findPersonalData(model).length).toBeGreaterThan(0);
    const { text, removed } = transferFile(model);
    expect(removed.length).toBeGreaterThan(0);
    expect(text).not.toContain('Kari Nordmann');
    expect(text).not.toContain('kari.nordmann@example.no');
    expect(findPersonalData(JSON.parse(text))).toEqual([]);
  });
});

describe('the store', () => {
  const saved: { text: string; name: string }[] = [];
  let toOpen: string[] = [];
  beforeEach(() => {
    setActivePinia(createPinia());
    saved.length = 0;
    toOpen = [];
    setApi({
      platform: 'web',
      openFile: async () => {
        const text = toOpen.shift();
        return text === undefined ? null : { path: 'f.json', name: 'f.json', text };
      },
      saveFile: async (_p: string | null, text: string, name: string) => {
        saved.push({ text, name });
        return { path: name, name };
      },
      setDirty: () => {},
      writeRecovery: async () => {},
      clearRecovery: async () => {},
    } as unknown as ArshjulApi);
  });

  it('walks the wizard with the Nordre Lia mapping and opens the model unsaved', async () => {
    const models = useModelStore();
    models.load(TEMPLATE_TEXT, { path: null, name: 'grorudmodellen.json' });
    const transfer = useTransferStore();
    transfer.ensureStarted();
    expect(transfer.sourceName).toBe('grorudmodellen.json');
    expect(transfer.step).toBe('source');
    toOpen.push(kartleggingText);
    expect(await transfer.openMapping()).toBe(true);
    transfer.adoptedOn = '2025-06-10';
    while (transfer.step !== 'finish') expect(transfer.next()).toBe(true);
    expect(transfer.finish()).toBe(true);
    expect(models.text).toBe(cliText || (await cliAdapt()));
    expect(models.path).toBeNull();
    expect(models.dirty).toBe(true);
    expect(models.name).toBe('nordre-lia-modellen.json');
    expect(transfer.adoption?.report.adopted.length).toBeGreaterThan(0);
    expect(await transfer.saveMapping()).toBe(true);
    // Saved under the name it was opened with.
    expect(saved[0]!.name).toBe('f.json');
    expect(JSON.parse(saved[0]!.text)).toEqual(JSON.parse(mappingText(kartlegging)));
  });

  it('will not go on from a step with errors', () => {
    const models = useModelStore();
    models.load(TEMPLATE_TEXT, { path: null, name: 'grorudmodellen.json' });
    const transfer = useTransferStore();
    transfer.ensureStarted();
    transfer.goTo('district');
    transfer.update((m) => ({ ...m, district: { ...m.district, name: '' } }));
    expect(transfer.next()).toBe(false);
    expect(transfer.step).toBe('district');
    expect(transfer.stepErrors('district')).toBe(1);
  });

  it('takes an update with a decision as one undoable edit, and exports without people', async () => {
    const models = useModelStore();
    models.load(nordreLiaText, { path: 'n.json', name: 'n.json' });
    const transfer = useTransferStore();
    toOpen.push(grorudNext);
    expect(await transfer.fetchUpdate()).toBe(true);
    expect(transfer.conflicts).toHaveLength(1);
    expect(transfer.applyUpdate()).toBe(false);
    transfer.setDecision(transfer.conflicts[0]!, 'later');
    expect(transfer.applyUpdate()).toBe(true);
    expect(models.model!.upstream!.conflicts).toHaveLength(1);
    expect(models.model!.upstream!.version).toBe('2026-27');
    expect(models.undo()).toBe(true);
    expect(models.text).toBe(nordreLiaText);
    expect(await transfer.exportTransfer()).toBe(true);
    expect(saved[0]!.name).toBe('nordre-lia-modellen-overforing.json');
    expect(findPersonalData(JSON.parse(saved[0]!.text))).toEqual([]);
  });
});
