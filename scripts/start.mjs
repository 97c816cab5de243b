// Placeholder main job until the headless build and the desktop app land (issues 4 and 6):
// shows the Oslo school year and how Grorud's cadences are understood.
import { spawnSync } from 'node:child_process';
const run = (args) => spawnSync(process.execPath, ['packages/cli/bin/arshjul.js', ...args], { stdio: 'inherit' });
run(['calendar', '--kommune', 'oslo', '--year', '2025-26']);
