// The main job, as far as it exists today: the time layer. Shows Oslo's school year and how the
// rhythms of the Grorud implementation plan land on it. The headless build of every area's
// årshjul and plan (issue 4) and the desktop app (issue 6) will take over this command.
import { spawnSync } from 'node:child_process';

const year = process.argv[2] ?? '2025-26';
const arshjul = (args) =>
  spawnSync(process.execPath, ['packages/cli/bin/arshjul.js', ...args], { encoding: 'utf8' });

process.stdout.write(arshjul(['calendar', '--kommune', 'oslo', '--year', year]).stdout + '\n');

const GRORUD = [
  'Hver fjerde uke',
  'Hver 6. uke',
  'Ukentlig',
  'Hvert kvartal',
  'Fire ganger i året',
  'En gang i forkant av sommerferien',
  'En gang i semesteret',
  'En til to ganger i året',
  'Revideres en gang i året',
  'Hver uke / hver 2. uke',
  'Ved budsjettlegging i bydelen',
  'Samlinger gjennom hele året',
  'Ved behov',
];
const STATUS = {
  'waiting-for-event': 'venter på at bydelen setter en dato',
  continuous: 'løpende, uten enkeltdatoer',
  'on-demand': 'ved behov, uten faste datoer',
  'needs-interval': 'trenger et intervall',
  'school-choice': 'avtales per skole',
};
console.log(`Rytmene i Grorud-modellen, lagt på skoleruta for Oslo ${year}:`);
for (const phrase of GRORUD) {
  const r = arshjul(['cadence', phrase, '--year', year, '--json']);
  const j = JSON.parse(r.stdout);
  const n = j.occurrences.length;
  const dates = n
    ? `${n} ${n === 1 ? 'dato' : 'datoer'}, første ${j.occurrences[0]}`
    : (STATUS[j.status] ?? j.status);
  console.log(`  ${phrase.padEnd(36)} → ${j.description.padEnd(36)} ${dates}`);
}
console.log('\nPrøv selv: npx arshjul cadence "<rytme>" --year 2025-26   (npx arshjul --help)');
