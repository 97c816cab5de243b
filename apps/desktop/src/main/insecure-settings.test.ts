// The "done when": grep finds none of Electron's insecure settings in the main and
// preload code (the sources, and the build in out/ when it exists).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const appDir = resolve(import.meta.dirname, '../..');
const INSECURE = [
  /nodeIntegration\s*:\s*true/,
  /nodeIntegrationInWorker\s*:\s*true/,
  /nodeIntegrationInSubFrames\s*:\s*true/,
  /contextIsolation\s*:\s*false/,
  /sandbox\s*:\s*false/,
  /webSecurity\s*:\s*false/,
  /allowRunningInsecureContent\s*:\s*true/,
  /enableRemoteModule/,
  /webviewTag\s*:\s*true/,
  /experimentalFeatures\s*:\s*true/,
];

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(c|m)?(j|t)s$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('no insecure Electron settings', () => {
  const targets = [
    ...files(join(appDir, 'src/main')),
    ...files(join(appDir, 'src/preload')),
    ...files(join(appDir, 'out/main')),
    ...files(join(appDir, 'out/preload')),
  ];

  it('scans the main and preload code', () => {
    expect(targets.some((p) => p.endsWith(join('src', 'main', 'index.ts')))).toBe(true);
    expect(targets.some((p) => p.endsWith(join('src', 'preload', 'index.ts')))).toBe(true);
  });

  it.each(INSECURE.map((re) => [re.source, re] as const))(
    'finds no %s',
    (_name: string, re: RegExp) => {
      const hits = targets.filter((path) => re.test(readFileSync(path, 'utf8')));
      expect(hits).toEqual([]);
    },
  );
});
