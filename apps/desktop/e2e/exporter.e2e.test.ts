/**
 * End-to-end test of the export in the browser: the web build's `exporter.js` (the renderer's
 * `export/e2e-entry.ts`) is imported into the page, under the page's own Content-Security-Policy
 * (this context does not bypass it), and makes Ammerud 2025-26 in every format with a role
 * calendar. Every file must have the path and the bytes (SHA-256) of the file `arshjul build`
 * writes for the same job, run here with the same «made on» day (`SOURCE_DATE_EPOCH`).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FORMATS } from '@arshjul/export';
import { cliBuild, filesUnder, GRORUD, HAS_CHROMIUM, openApp, type Session } from './harness.js';

const MADE_ON = '2025-09-15';
const TODAY = '2025-10-01';
const ROLE = 'rektor';

interface PageFile {
  path: string;
  description: string;
  size: number;
  sha256: string;
}

interface ExporterModule {
  loadModelText: (t: string, o: { asOf: string }) => { model: unknown };
  CalendarRegistry: new () => { schoolYear(k: string, y: string): unknown };
  runExport: (
    model: unknown,
    job: object,
    onProgress: (p: { done: number; total: number; file?: string }) => void,
  ) => Promise<{ path: string; description: string; bytes: Uint8Array }[]>;
}

interface PageRun {
  files: PageFile[];
  progress: { done: number; total: number; file?: string }[];
  violations: string[];
}

/** The CLI's files for the same job: relative path → SHA-256 and size. */
function cliFiles(out: string): Map<string, { size: number; sha256: string }> {
  cliBuild(out, MADE_ON, [
    '--area',
    'ammerud',
    '--year',
    '2025-26',
    '--role',
    ROLE,
    '--today',
    TODAY,
  ]);
  const files = new Map<string, { size: number; sha256: string }>();
  for (const path of filesUnder(out)) {
    const bytes = readFileSync(join(out, path));
    files.set(path, {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return files;
}

describe.skipIf(!HAS_CHROMIUM)('the export in the browser', () => {
  let session: Session;
  let context: BrowserContext;
  let page: Page;
  let out: string;

  beforeAll(async () => {
    session = await openApp();
    // A page that keeps the Content-Security-Policy, to prove the export lives with it.
    context = await session.browser.newContext({ bypassCSP: false });
    page = await context.newPage();
    await page.goto(session.server.url);
    out = mkdtempSync(join(tmpdir(), 'arshjul-export-e2e-'));
  });

  afterAll(async () => {
    await context?.close();
    await session?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('makes every file of arshjul build, with the same paths and bytes, under the page’s CSP', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/'unsafe-eval'/);

    // The module through the page's own loader (as a string: vitest would rewrite an import()).
    await page.evaluate(
      `import(${JSON.stringify(`${session.server.url}exporter.js`)}).then((m) => { window.__arshjulExport = m; })`,
    );
    const modelText = readFileSync(GRORUD, 'utf8');
    const asOf = new Date().toISOString().slice(0, 10);
    const run = await page.evaluate(
      async ({ modelText, asOf, madeOn, today, role, formats }): Promise<PageRun> => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
        const m = (window as unknown as { __arshjulExport: ExporterModule }).__arshjulExport;
        const model = m.loadModelText(modelText, { asOf }).model;
        const year = new m.CalendarRegistry().schoolYear('oslo', '2025-26');
        const progress: PageRun['progress'] = [];
        const made = await m.runExport(
          model,
          {
            areas: ['omrade-ammerud'],
            year,
            formats,
            roles: [role],
            lang: 'nb',
            madeOn,
            today,
          },
          (p) => progress.push(p),
        );
        const hex = (buffer: ArrayBuffer) =>
          [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
        const files: PageFile[] = [];
        for (const f of made) {
          files.push({
            path: f.path,
            description: f.description,
            size: f.bytes.length,
            sha256: hex(await crypto.subtle.digest('SHA-256', f.bytes as Uint8Array<ArrayBuffer>)),
          });
        }
        return { files, progress, violations };
      },
      { modelText, asOf, madeOn: MADE_ON, today: TODAY, role: ROLE, formats: [...FORMATS] },
    );

    expect(run.violations).toEqual([]);
    const cli = cliFiles(out);
    expect(run.files.map((f) => f.path).sort()).toEqual([...cli.keys()].sort());
    expect(run.files.map((f) => f.path)).toContain(`arshjul-ammerud-2025-26-${ROLE}.ics`);
    for (const file of run.files) {
      expect({ path: file.path, size: file.size, sha256: file.sha256 }).toEqual({
        path: file.path,
        ...cli.get(file.path),
      });
      expect(file.description.length).toBeGreaterThan(3);
    }
    // One progress report before the first file, then one per file, in order.
    expect(run.progress.map((p) => p.done)).toEqual(
      run.files.map((_, i) => i).concat(run.files.length),
    );
    expect(run.progress.slice(1).map((p) => p.file)).toEqual(run.files.map((f) => f.path));
    expect(new Set(run.progress.map((p) => p.total))).toEqual(new Set([run.files.length]));
  });
});
