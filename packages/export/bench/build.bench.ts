/**
 * `npm run bench`: how fast an årshjul and a plan are built and exported.
 *
 * Speed is printed as medians and as ratios against peers measured in the same run (never as
 * timed assertions):
 *
 * A. Rebuilding one area's årshjul and plan after an edit (what the app does while the user
 *    types), against loading and validating the model file (the peer) and a 16.7 ms frame. Two
 *    edits: a description (every rhythm already expanded) and a rhythm (one new expansion).
 * B. The full export bundle (ICS, SVG, PNG, PDF A3 + A4, DOCX, XLSX, HTML) for one area and for
 *    every area and the district, each format's share of the time.
 * C. The plan build at programme size: 1, 2, 4, 8 and 15 synthetic districts (12 schools,
 *    60 structures each) × 5 school years; time per district-year should stay flat (linear
 *    growth), and 15 × 5 should take well under a second.
 *
 * Targets (issue 4): A well under 16 ms; B one area under 2 s; C 15 × 5 under 1 s, linear.
 */
import { readFileSync } from 'node:fs';
import { loadModelText, type Model } from '@arshjul/model';
import { buildAll, buildArshjul, buildPlan, type AreaBuild } from '@arshjul/plan';
import { CalendarRegistry, deriveOsloSchoolYear, type SchoolYear } from '@arshjul/school-calendar';
import { exportBuild, type Format } from '../src/index.js';
import { syntheticDistrict } from './synthetic.js';

const QUICK = process.argv.includes('--quick');
const TEXT = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const registry = new CalendarRegistry();
const year = registry.schoolYear('oslo', '2025-26');

function load(text: string): Model {
  const r = loadModelText(text, { asOf: '2025-08-01' });
  if (!r.model) throw new Error(r.errors[0]?.message);
  return r.model;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median milliseconds of `fn` over `runs` runs after `warm` warm-up runs. */
async function time(fn: () => unknown, runs: number, warm = 2): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const row = (...cells: string[]) =>
  console.log(
    `  ${cells[0]!.padEnd(44)}${cells
      .slice(1)
      .map((c) => c.padStart(12))
      .join('')}`,
  );

// ---------------------------------------------------------------------------------------------
console.log(`Årshjulet bench${QUICK ? ' (quick)' : ''} — Node ${process.version}\n`);
console.log('A. Rebuild one area (Ammerud) after an edit');
const json = JSON.parse(TEXT) as {
  structures: { id: string; description?: string; cadence: unknown }[];
};
const base = load(TEXT);
const runs = QUICK ? 20 : 200;
const rebuild = (model: Model) => {
  buildArshjul(model, { area: 'omrade-ammerud', year });
  buildPlan(model, { area: 'omrade-ammerud', year });
};
const peer = await time(() => load(TEXT), QUICK ? 10 : 60);
let k = 0;
const descriptionEdit = await time(() => {
  const m = {
    ...base,
    structures: base.structures.map((s) =>
      s.id === 'T4.1' ? { ...s, description: `${s.description} ${k++}` } : s,
    ),
  };
  rebuild(m as Model);
}, runs);
// A rhythm edit: T4.1 gets an interval it has not had before in this run (a new expansion).
const models = Array.from({ length: 40 }, (_, i) => {
  const j = structuredClone(json);
  j.structures.find((s) => s.id === 'T4.1')!.cadence = `Hver ${i + 2}. uke`;
  return load(JSON.stringify(j));
});
let m = 0;
const rhythmEdit = await time(() => rebuild(models[m++ % models.length]!), Math.min(runs, 38), 0);
row('', 'median', 'vs load', 'vs frame');
row('peer: load + validate the model file', ms(peer), '1.00×', ratio(peer, 16.7));
row(
  'rebuild after a description edit',
  ms(descriptionEdit),
  ratio(descriptionEdit, peer),
  ratio(descriptionEdit, 16.7),
);
row(
  'rebuild after a rhythm edit',
  ms(rhythmEdit),
  ratio(rhythmEdit, peer),
  ratio(rhythmEdit, 16.7),
);

// ---------------------------------------------------------------------------------------------
console.log('\nB. Export bundle (all formats)');
const builds = buildAll(base, { year });
const ammerud = builds.find((b) => b.area === 'omrade-ammerud')!;
const perFormat: Record<string, number[]> = {};
async function bundle(build: AreaBuild, record = false): Promise<number> {
  let bytes = 0;
  let t = performance.now();
  for await (const file of exportBuild(build, base, {
    formats: ['ics', 'svg', 'png', 'pdf', 'docx', 'xlsx', 'html'] as Format[],
  })) {
    const now = performance.now();
    if (record) (perFormat[file.name.replace(/^.*?-\d{4}-\d{2}/, '')] ??= []).push(now - t);
    bytes += file.bytes.length;
    t = performance.now();
  }
  return bytes;
}
const bundleRuns = QUICK ? 2 : 6;
const one = await time(() => bundle(ammerud, true), bundleRuns, 1);
const all = await time(
  async () => {
    for (const b of builds) await bundle(b);
  },
  QUICK ? 1 : 3,
  1,
);
const buildOnly = await time(() => buildAll(base, { year }), QUICK ? 10 : 50);
row('', 'median', 'vs 1 area');
row('one area (Ammerud), every format', ms(one), '1.00×');
for (const [name, xs] of Object.entries(perFormat))
  row(`  ${name}`, ms(median(xs)), ratio(median(xs), one));
row(`all ${builds.length} builds (3 areas + district)`, ms(all), ratio(all, one));
row('peer: buildAll without export', ms(buildOnly), ratio(buildOnly, one));

// ---------------------------------------------------------------------------------------------
console.log(
  '\nC. Programme size: synthetic districts (12 schools, 60 structures) × 5 school years',
);
// Oslo's bundled years are 2024-25 … 2027-28; the fifth is derived from the same rules.
registry.addFile({
  schemaVersion: 1,
  kommune: { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' },
  years: [deriveOsloSchoolYear(2028)],
});
const years: SchoolYear[] = ['2024-25', '2025-26', '2026-27', '2027-28', '2028-29'].map((y) =>
  registry.schoolYear('oslo', y),
);
const districts = Array.from({ length: 15 }, (_, i) => syntheticDistrict(i + 1));
const sizes = QUICK ? [1, 4, 15] : [1, 2, 4, 8, 15];
row('districts × years', 'median', 'per d×y', 'growth');
let first: number | undefined;
for (const n of sizes) {
  const t = await time(
    () => {
      for (const d of districts.slice(0, n)) for (const y of years) buildAll(d, { year: y });
    },
    QUICK ? 2 : 5,
    1,
  );
  const per = t / (n * years.length);
  first ??= per;
  row(`${n} × ${years.length}`, ms(t), ms(per), ratio(per, first));
}
console.log(
  '\n  «growth» is the time per district-year against 1 district: about 1× means linear.',
);
