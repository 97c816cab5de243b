/**
 * End to end: the real `arshjul` executable, as `npx arshjul` runs it from the repository root.
 * It runs ../dist, which the turbo `test` task builds first (`npm run build` by hand).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { hasStackTrace, REPO_ROOT } from '../test-fixtures/fake-io.js';

const BIN = 'packages/cli/bin/arshjul.js';

function arshjul(args: string[], command: string[] = [process.execPath, BIN]) {
  const [exe, ...pre] = command as [string, ...string[]];
  const r = spawnSync(exe, [...pre, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ARSHJUL_DEBUG: '' },
  });
  if (r.error) throw r.error;
  return r;
}

describe('the arshjul executable', { timeout: 30_000 }, () => {
  it('has been built (dist/index.js exists)', () => {
    expect(
      existsSync(join(REPO_ROOT, 'packages/cli/dist/index.js')),
      'run `npm run build` at the repository root first',
    ).toBe(true);
  });

  it('node packages/cli/bin/arshjul.js cadence "Hver fjerde uke" --year 2025-26 --json', () => {
    const r = arshjul(['cadence', 'Hver fjerde uke', '--year', '2025-26', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({
      text: 'Hver fjerde uke',
      understood: true,
      kind: 'interval',
      rrule: 'FREQ=WEEKLY;INTERVAL=4;BYDAY=MO;WKST=MO',
      approximate: false,
      description: 'Hver 4. uke',
    });
    const occurrences = body.occurrences as string[];
    expect(occurrences).toHaveLength(12);
    expect(occurrences).toContain('2026-04-07');
    expect(occurrences).not.toContain('2026-03-30');
    const year = new CalendarRegistry().schoolYear('oslo', '2025-26');
    for (const d of occurrences) expect(year.isSchoolDay(d), d).toBe(true);
  });

  it('exits 1 for a phrase that is not understood, with the reason on stderr', () => {
    const r = arshjul(['cadence', 'hver 0. uke', '--year', '2025-26']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('intervallet må være minst 1');
  });

  it('exits 2 for an unknown kommune with a message and no stack trace', () => {
    const r = arshjul(['calendar', '--kommune', 'bergen', '--year', '2025-26']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Ukjent kommune «bergen»');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('exits 2 for a date that does not exist with a message and no stack trace', () => {
    const r = arshjul(['calendar', '--date', '2026-02-29']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Datoen 2026-02-29 finnes ikke');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('is linked as node_modules/.bin/arshjul, which is what `npx arshjul` runs', () => {
    const link = join(REPO_ROOT, 'node_modules/.bin/arshjul');
    expect(existsSync(link), 'run `npm ci` at the repository root first').toBe(true);
    const r = arshjul(['calendar', '--date', '2025-10-01'], [link]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('høstferie');
  });
});
