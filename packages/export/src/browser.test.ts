import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { grorud, oslo2025 } from '../test-fixtures/grorud.js';
import { exportRun, FORMATS, runBuilds as nodeRunBuilds, type RunFile } from './index.js';
import { nodeFonts } from './fonts.js';
import { svgToPngAsync } from './wheel.js';

// A bundler resolves `pdfkit` to its browser build (pdfkit's `exports` give Node its Node build);
// so does this test, to run the browser entry as a browser would.
vi.mock('pdfkit', async () => {
  const require = createRequire(import.meta.url);
  return import(join(dirname(require.resolve('pdfkit')), 'pdfkit.browser.mjs'));
});

const { browserPlatform, exportRunWith, runBuilds } = await import('./browser.js');

async function collect(files: AsyncIterable<RunFile>): Promise<RunFile[]> {
  const out: RunFile[] = [];
  for await (const f of files) out.push(f);
  return out;
}

describe('the browser entry', { timeout: 120_000 }, () => {
  it('imports nothing of Node, directly or through the modules it uses', () => {
    const seen = new Set<string>();
    const outside = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      for (const m of source.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        if (spec.startsWith('./')) visit(spec.replace(/\.js$/, '.ts'));
        else outside.add(spec);
      }
    };
    visit('./browser.ts');
    expect(seen.has('./pdf-core.ts')).toBe(true);
    expect(seen.has('./bundle-core.ts')).toBe(true);
    expect(seen).not.toContain('./fonts.ts');
    expect(seen).not.toContain('./node-platform.ts');
    expect(seen).not.toContain('./wheel.ts');
    const node = [...outside].filter(
      (s) =>
        s.startsWith('node:') ||
        ['fs', 'path', 'module', 'url'].includes(s) ||
        s.includes('resvg-js'),
    );
    expect(node).toEqual([]);
    expect(outside).toContain('pdfkit');
  });

  it('makes the same files, byte for byte, as the Node entry (Ammerud 2025-26, every format)', async () => {
    const options = {
      formats: FORMATS,
      roles: ['rektor', 'bvk'],
      lang: 'nb' as const,
      madeOn: '2025-09-15',
      today: '2025-10-01',
    };
    const job = { areas: ['omrade-ammerud'], year: oslo2025 };
    const platform = browserPlatform({
      fonts: nodeFonts(),
      svgToPng: (svg, o) => svgToPngAsync(svg, o),
    });
    const inBrowser = await collect(
      exportRunWith(platform, grorud, runBuilds(grorud, job), options),
    );
    const inNode = await collect(exportRun(grorud, nodeRunBuilds(grorud, job), options));

    expect(inBrowser.map((f) => f.path)).toEqual(inNode.map((f) => f.path));
    expect(new Set(inBrowser.map((f) => f.format))).toEqual(new Set(FORMATS));
    expect(inBrowser.map((f) => f.path)).toContain('arshjul-ammerud-2025-26-rektor.ics');
    for (const [i, file] of inBrowser.entries()) {
      const other = inNode[i]!;
      expect(file.bytes.length, file.path).toBe(other.bytes.length);
      expect(Buffer.compare(file.bytes, other.bytes), file.path).toBe(0);
      expect(file.description).toBe(other.description);
    }
  });
});
