// Makes examples/grorud/grorudmodellen-2026-27.json: the Grorud model as revised at the spring
// SaLTo meeting 2026 (a fictional revision, for the transfer example in
// docs/brukerveiledning/overforing.md). Run after `npm ci`: node scripts/grorud-2026-27.mjs
/* global structuredClone */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadModelText, nextYearModel, reviseModel } from '@arshjul/model';

const text = readFileSync('examples/grorud/grorudmodellen.json', 'utf8');
const current = loadModelText(text, { asOf: '2026-05-20' }).model;
const { model: next } = nextYearModel(current, { date: '2026-05-20' });
const edited = structuredClone(next);
const structure = (id) => edited.structures.find((s) => s.id === id);

// 1. A clearer description of the SaLTo meetings (the shared base: every adopter gets it).
const t12 = structure('T1.2');
t12.description = `${t12.description.replace(/\.?\s*$/, '.')} Møtene har fast dagsorden, og referatet sendes til rektorene og seksjonslederne.`;
// 2. The nærmiljøteam meets every third week instead of every fourth.
structure('T4.1').cadence = 'Hver tredje uke';
// 3. A new measure for all schools.
edited.structures.push({
  ...structuredClone(structure('T5.5')),
  id: 'T5.8',
  name: 'Trivselsuke på skolene',
  description:
    'En uke om høsten med aktiviteter for trivsel og inkludering, planlagt av skolene sammen med NSK og fritidstilbudene i bydelen.',
  cadence: 'En gang i forkant av høstferien',
  scope: { kind: 'all-schools' },
  scopeText: 'Alle skoler',
  variations: [],
  notes: [],
  source: 'Revisjon våren 2026',
});

const reparsed = loadModelText(JSON.stringify(edited), { asOf: '2026-08-01' });
if (!reparsed.model) throw new Error(JSON.stringify(reparsed.errors.slice(0, 3), null, 2));
const { model } = reviseModel(next, reparsed.model, {
  date: '2026-05-20',
  summary: 'Revidert på SaLTo-møtet våren 2026',
});
writeFileSync('examples/grorud/grorudmodellen-2026-27.json', `${JSON.stringify(model, null, 2)}\n`);
console.log(model.changeLog.at(-1));
