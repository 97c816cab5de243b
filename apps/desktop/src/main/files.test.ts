import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT,
  atomicWrite,
  clearRecovery,
  loadRecent,
  readRecovery,
  readTextLimited,
  rememberRecent,
  updateRecent,
  writeRecovery,
  type FsLike,
} from './files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arshjul-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomicWrite', () => {
  it('writes a new file without leaving a temporary file or a backup', async () => {
    const target = join(dir, 'modell.json');
    await atomicWrite(fs, target, '{"a":1}', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir)).toEqual(['modell.json']);
  });

  it('keeps the previous version as .bak', async () => {
    const target = join(dir, 'modell.json');
    await writeFile(target, 'v1');
    await atomicWrite(fs, target, 'v2', { backup: true });
    await atomicWrite(fs, target, 'v3', { backup: true });
    expect(await readFile(target, 'utf8')).toBe('v3');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v2');
    expect((await readdir(dir)).sort()).toEqual(['modell.json', 'modell.json.bak']);
  });

  it('writes through <path>.tmp-<pid> and renames it over the target', async () => {
    const calls: string[] = [];
    const spy: FsLike = {
      ...fs,
      writeFile: async (p, d, o) => {
        calls.push(`write ${p}`);
        await fs.writeFile(p, d, o);
      },
      rename: async (a, b) => {
        calls.push(`rename ${a} -> ${b}`);
        await fs.rename(a, b);
      },
      copyFile: async (a, b) => {
        calls.push(`copy ${a} -> ${b}`);
        await fs.copyFile(a, b);
      },
    };
    const target = join(dir, 'm.json');
    await writeFile(target, 'old');
    await atomicWrite(spy, target, 'new', { backup: true, pid: 42 });
    expect(calls).toEqual([
      `write ${target}.tmp-42`,
      `copy ${target} -> ${target}.bak`,
      `rename ${target}.tmp-42 -> ${target}`,
    ]);
  });

  it('leaves the old file untouched and removes the temporary file when the rename fails', async () => {
    const target = join(dir, 'modell.json');
    await writeFile(target, 'old');
    const failing: FsLike = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('boom'), { code: 'ENOSPC' });
      },
    };
    await expect(atomicWrite(failing, target, 'new')).rejects.toThrow(
      /Kunne ikke lagre.*disken er full/,
    );
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['modell.json']);
  });
});

describe('readTextLimited', () => {
  it('strips a byte-order mark', async () => {
    const p = join(dir, 'bom.json');
    await writeFile(p, '\ufeff{}');
    expect(await readTextLimited(fs, p)).toBe('{}');
  });

  it('refuses a file above the limit', async () => {
    const p = join(dir, 'big.json');
    await writeFile(p, 'x'.repeat(100));
    await expect(readTextLimited(fs, p, 10)).rejects.toThrow(/for stor/);
  });

  it('says so in Norwegian when the file is missing', async () => {
    await expect(readTextLimited(fs, join(dir, 'nope.json'))).rejects.toThrow(/finnes ikke/);
  });
});

describe('recent list', () => {
  it('is null before the first start and [] when unreadable', async () => {
    expect(await loadRecent(fs, dir)).toBeNull();
    await writeFile(join(dir, 'recent.json'), 'not json');
    expect(await loadRecent(fs, dir)).toEqual([]);
  });

  it('moves a path to the front without duplicates and keeps at most MAX_RECENT', () => {
    let list = updateRecent([], '/a/x.json', new Date('2025-01-01T00:00:00Z'));
    list = updateRecent(list, '/a/y.json');
    list = updateRecent(list, '/a/x.json');
    expect(list.map((e) => e.path)).toEqual(['/a/x.json', '/a/y.json']);
    expect(list[0]?.name).toBe('x.json');
    for (let i = 0; i < 20; i++) list = updateRecent(list, `/a/${i}.json`);
    expect(list).toHaveLength(MAX_RECENT);
  });

  it('is stored in userData/recent.json', async () => {
    await rememberRecent(fs, dir, '/a/x.json', new Date('2025-08-01T10:00:00Z'));
    expect(await loadRecent(fs, dir)).toEqual([
      { path: '/a/x.json', name: 'x.json', openedAt: '2025-08-01T10:00:00.000Z' },
    ]);
  });
});

describe('recovery', () => {
  it('writes, reads and clears the recovery copy', async () => {
    expect(await readRecovery(fs, dir)).toBeNull();
    await writeRecovery(fs, dir, { text: '{}', savedAt: '2025-08-01T10:00:00.000Z', path: null });
    expect(await readRecovery(fs, dir)).toEqual({
      text: '{}',
      savedAt: '2025-08-01T10:00:00.000Z',
      path: null,
    });
    await clearRecovery(fs, dir);
    await clearRecovery(fs, dir);
    expect(await readRecovery(fs, dir)).toBeNull();
  });
});
