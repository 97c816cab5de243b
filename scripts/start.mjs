// The main job: check the Grorud model, build every school area's årshjul and implementation
// plan (and the whole district's) in every format into out/, then open the desktop app with the
// Grorud example.
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
    `   (npx arshjul --help)\n`,
);

// The desktop app. Electron fetches its binary the first time it is used; where that cannot
// be done (no network, as on the build machines), the same app runs as a web page.
const electron = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
  encoding: 'utf8',
  timeout: 300_000,
});
const binary = electron.status === 0 ? electron.stdout.trim() : '';
const web = 'npx vite preview --config apps/desktop/vite.web.config.ts';
if (!binary) {
  console.log(
    'Skrivebordsprogrammet: Electron kan ikke hentes på denne maskinen.' +
      `\nSamme program som nettside: npm run build -w @arshjul/desktop && ${web}`,
  );
  process.exit(0);
}
const app = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@arshjul/desktop', '--output-logs=errors-only'],
  {
    stdio: 'inherit',
  },
);
if (app.status !== 0) process.exit(app.status ?? 1);
console.log('Åpner skrivebordsprogrammet med Grorud-eksemplet …');
const run = spawnSync(binary, ['apps/desktop'], { stdio: 'inherit' });
process.exit(run.status ?? 0);
