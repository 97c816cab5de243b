// The main job, as far as it exists today: Oslo's school year, the Grorud model checked, how
// its rhythms land on the school year, and which revisions fall due. The headless build of
// every area's årshjul and plan (issue 4) and the desktop app (issue 6) will take over this
// command.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const year = process.argv[2] ?? '2025-26';
const MODEL = 'examples/grorud/grorudmodellen.json';
const arshjul = (args) =>
  spawnSync(process.execPath, ['packages/cli/bin/arshjul.js', ...args], { encoding: 'utf8' });

process.stdout.write(arshjul(['calendar', '--kommune', 'oslo', '--year', year]).stdout + '\n');

const check = arshjul(['validate', MODEL]);
process.stdout.write(check.stdout + check.stderr + '\n');
if (check.status !== 0) process.exit(check.status ?? 1);

const STATUS = {
  'waiting-for-event': 'venter på at bydelen setter en dato',
  continuous: 'løpende, uten enkeltdatoer',
  'on-demand': 'ved behov, uten faste datoer',
  'needs-interval': 'trenger et intervall',
  'school-choice': 'avtales per skole',
};
// Every distinct rhythm phrase of the model's structures, in the order they first appear.
const model = JSON.parse(readFileSync(MODEL, 'utf8'));
const phrases = [
  ...new Set(
    model.structures.map((s) => (typeof s.cadence === 'string' ? s.cadence : s.cadence.text)),
  ),
];
console.log(`Rytmene i ${model.name}, lagt på skoleruta for Oslo ${year}:`);
for (const phrase of phrases) {
  const j = JSON.parse(arshjul(['cadence', phrase, '--year', year, '--json']).stdout);
  const n = j.occurrences.length;
  const dates = n
    ? `${n} ${n === 1 ? 'dato' : 'datoer'}, første ${j.occurrences[0]}`
    : (STATUS[j.status] ?? j.status);
  console.log(`  ${phrase.padEnd(36)} → ${j.description.padEnd(36)} ${dates}`);
}

console.log('');
process.stdout.write(arshjul(['revisions', MODEL, '--year', year]).stdout + '\n');
console.log(
  `\nPrøv selv: npx arshjul validate ${MODEL}   ·   npx arshjul cadence "<rytme>"   (npx arshjul --help)`,
);
