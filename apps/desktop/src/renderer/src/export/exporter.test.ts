import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  exportRun,
  FONT_FILES,
  FORMATS,
  nodeFonts,
  PNG_WIDTH,
  runBuilds,
  svgToPng,
  wheelSvg,
  type RunFile,
} from '@arshjul/export';
import { loadModelText, type Model } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { initWasm } from '@resvg/resvg-wasm';
import { browserPlatform } from '@arshjul/export/browser';
import { ExportJobError, runExportWith, wasmSvgToPng, type ExportJob } from './exporter.js';

// (Hoisted above the imports.) Vite resolves `pdfkit` to its browser build in the app; so does this test (in Node, pdfkit's
// `exports` would give its Node build).
vi.mock('pdfkit', async () => {
  const require = createRequire(import.meta.url);
  return import(join(dirname(require.resolve('pdfkit')), 'pdfkit.browser.mjs'));
});

const require = createRequire(import.meta.url);
const grorudText = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const loaded = loadModelText(grorudText, { asOf: '2025-08-01' });
const grorud: Model = loaded.model!;
const year = new CalendarRegistry().schoolYear('oslo', '2025-26');

/** The fonts as a browser gets them: the bytes of the same files. */
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve(FONT_FILES.regular))),
  bold: new Uint8Array(readFileSync(require.resolve(FONT_FILES.bold))),
  italic: new Uint8Array(readFileSync(require.resolve(FONT_FILES.italic))),
};
const platform = browserPlatform({ fonts, svgToPng: wasmSvgToPng(fonts) });

const job = (over: Partial<ExportJob> = {}): ExportJob => ({
  areas: ['omrade-ammerud'],
  year,
  formats: [...FORMATS],
  roles: ['rektor'],
  lang: 'nb',
  madeOn: '2025-09-15',
  ...over,
});

beforeAll(async () => {
  await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
});

describe('the PNG from resvg’s WebAssembly', () => {
  it('has the same bytes as resvg-js makes for the CLI, with the same fonts', async () => {
    expect(grorud).toBeTruthy();
    const [build] = runBuilds(grorud, { areas: ['omrade-ammerud'], year });
    const svg = wheelSvg(build!.arshjul, 'nb', { glyphs: 'lists' });
    const fromWasm = await wasmSvgToPng(fonts)(svg, { width: PNG_WIDTH });
    const fromNode = svgToPng(svg, { width: PNG_WIDTH });
    expect(fromWasm.length).toBeGreaterThan(10_000);
    expect(Buffer.compare(fromWasm, fromNode)).toBe(0);
    // The same font files the Node side reads.
    expect(Buffer.compare(fonts.bold, nodeFonts().bold)).toBe(0);
  });
});

describe('runExport', { timeout: 180_000 }, () => {
  it('makes the files arshjul build makes, with the same paths and bytes, reporting each', async () => {
    const progress: { done: number; total: number; file?: string }[] = [];
    const files = await runExportWith(platform, grorud, job(), (p) => progress.push(p));

    const options = { formats: FORMATS, roles: ['rektor'], lang: 'nb' as const };
    const cli: RunFile[] = [];
    for await (const f of exportRun(
      grorud,
      runBuilds(grorud, { areas: ['omrade-ammerud'], year }),
      {
        ...options,
        madeOn: '2025-09-15',
      },
    ))
      cli.push(f);

    expect(files.map((f) => f.path)).toEqual(cli.map((f) => f.path));
    expect(files.map((f) => f.path)).toContain('plan-ammerud-2025-26.pdf');
    for (const [i, file] of files.entries()) {
      expect(Buffer.compare(file.bytes, cli[i]!.bytes), file.path).toBe(0);
      expect(file.description).toBe(cli[i]!.description);
    }

    expect(progress[0]).toEqual({ done: 0, total: files.length });
    expect(progress.slice(1)).toEqual(
      files.map((f, i) => ({ done: i + 1, total: files.length, file: f.path })),
    );
  });

  it('puts every area and the district in its own folder for all, the model file once', async () => {
    const files = await runExportWith(
      platform,
      grorud,
      job({ areas: ['all'], formats: ['ics', 'json'] }),
    );
    const folders = new Set(
      files.filter((f) => f.path.includes('/')).map((f) => f.path.split('/')[0]),
    );
    expect(folders.size).toBe(grorud.organisation.areas.length + 1);
    expect(folders).toContain('ammerud');
    expect(files.filter((f) => f.path.endsWith('.json')).map((f) => f.path)).toEqual([
      'modell-bydel-grorud.json',
    ]);
    // Each folder has the area calendar and the role's.
    for (const folder of folders) {
      expect(files.filter((f) => f.path.startsWith(`${folder}/`)).length).toBe(2);
    }
  });

  it('stops at the next file when cancelled, with an AbortError', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runExportWith(
      platform,
      grorud,
      job({ formats: ['ics', 'svg', 'html'] }),
      (p) => {
        seen.push(p.done);
        if (p.done === 1) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 1]);
  });

  it('refuses an unknown area, format or role, saying which in Norwegian', async () => {
    await expect(
      runExportWith(platform, grorud, job({ areas: ['omrade-ukjent'] })),
    ).rejects.toThrow(/modellen har ikke området «omrade-ukjent»\. Områdene er «omrade-ammerud»/);
    await expect(runExportWith(platform, grorud, job({ formats: ['pdf', 'odt'] }))).rejects.toThrow(
      ExportJobError,
    );
    await expect(runExportWith(platform, grorud, job({ formats: ['odt'] }))).rejects.toThrow(
      /formatet «odt» finnes ikke/,
    );
    await expect(runExportWith(platform, grorud, job({ roles: ['rektr'] }))).rejects.toThrow(
      /ikke rollen «rektr»/,
    );
    await expect(
      runExportWith(platform, grorud, job({ roles: ['rektr'], lang: 'nn' })),
    ).rejects.toThrow(/ikkje rolla «rektr»/);
    await expect(runExportWith(platform, grorud, job({ formats: [] }))).rejects.toThrow(
      'Velg minst ett format',
    );
  });
});
