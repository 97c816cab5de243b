import * as fs from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleCandidates, seedFirstStart } from './example.js';
import { loadRecent } from './files.js';

const appPath = resolve(import.meta.dirname, '../..');
let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'arshjul-example-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('first start', () => {
  it('finds the Grorud example from apps/desktop', async () => {
    const candidates = exampleCandidates(appPath, undefined);
    const found = await seedFirstStart(fs, userData, candidates);
    expect(found).toBe(resolve(appPath, '../../examples/grorud/grorudmodellen.json'));
    expect(await loadRecent(fs, userData)).toMatchObject([
      { path: found, name: 'grorudmodellen.json' },
    ]);
  });

  it('seeds only once', async () => {
    const candidates = exampleCandidates(appPath, undefined);
    await seedFirstStart(fs, userData, []);
    expect(await seedFirstStart(fs, userData, candidates)).toBeNull();
    expect(await loadRecent(fs, userData)).toEqual([]);
  });

  it('prefers a packaged copy in resources', () => {
    expect(exampleCandidates('/app', '/res')[0]).toBe('/res/examples/grorud/grorudmodellen.json');
  });
});
