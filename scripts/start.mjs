// The main job, headless: check the Grorud model, then build every school area's årshjul and
// implementation plan (and the whole district's) in every format into out/. The desktop app
// (issue 6) will open the same model on top of this.
//
//   npm start                 the school year 2025-26
//   npm start -- 2026-27      another school year
import { spawnSync } from 'node:child_process';

const year = process.argv[2] ?? '2025-26';
const MODEL = 'examples/grorud/grorudmodellen.json';
const OUT = 'out';
const arshjul = (args) =>
  spawnSync(process.execPath, ['packages/cli/bin/arshjul.js', ...args], { stdio: 'inherit' });

const check = arshjul(['validate', MODEL]);
if (check.status !== 0) process.exit(check.status ?? 1);
console.log('');

const build = arshjul(['build', MODEL, '--area', 'all', '--year', year, '--out', OUT]);
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(
  `\nÅpne for eksempel ${OUT}/ammerud/arshjul-ammerud-${year}-a3.pdf (årshjulet som A3-plakat)` +
    ` og ${OUT}/ammerud/plan-ammerud-${year}.docx (implementeringsplanen).` +
    `\nPrøv selv: npx arshjul build ${MODEL} --area omrade-romsas --year ${year} --out ut --formats pdf,ics` +
    `   (npx arshjul --help)`,
);
