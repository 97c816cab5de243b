import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOf } from '../test-fixtures/grorud.js';
import { planOutline, type Outline } from './outline.js';
import {
  A3_SIZE,
  A4_SIZE,
  cropSvg,
  renderPlanPdf,
  renderWheelPdf,
  svgExtent,
  wrapText,
} from './pdf.js';
import { wheelSvg } from './wheel.js';

// ---------------------------------------------------------------------------------------------
// A minimal PDF reader: pdfkit writes every object uncompressed except content streams.

/** The file as one byte per character. */
const raw = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** `/Type /Page` objects (not `/Pages`). */
const pageCount = (pdf: string) => pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

const mediaBoxes = (pdf: string) =>
  [...pdf.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) =>
    (m[1] ?? '').trim().split(/\s+/).map(Number),
  );

function objectBody(pdf: string, id: number): string {
  const m = new RegExp(`(?:^|\\n)${id} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(pdf);
  if (!m) throw new Error(`no object ${id}`);
  return m[1] ?? '';
}

/** A PDF literal string `(…)`: escapes undone, UTF-16BE decoded when it starts with a BOM. */
function literal(text: string): string {
  const inner = /^\s*\(([\s\S]*)\)\s*$/.exec(text)?.[1];
  if (inner === undefined) throw new Error(`not a literal string: ${text.slice(0, 40)}`);
  const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  const bytes = inner.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (map[c] ?? c),
  );
  if (bytes.startsWith('\xfe\xff')) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      out += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
    }
    return out;
  }
  return bytes;
}

/** The Info dictionary's entries (pdfkit writes each value as its own object). */
function info(pdf: string): Record<string, string> {
  const infoId = Number(/\/Info (\d+) 0 R/.exec(pdf)?.[1]);
  const dict = objectBody(pdf, infoId);
  const out: Record<string, string> = {};
  for (const m of dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    out[m[1]!] = literal(objectBody(pdf, Number(m[2])));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text through pdftotext (poppler-utils), when the machine has it.

const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPdftotext = existsSync(PDFTOTEXT);
const scratch = mkdtempSync(join(tmpdir(), 'arshjul-pdf-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let fileNumber = 0;
/** The text of each page. */
function pagesText(bytes: Uint8Array): string[] {
  const file = join(scratch, `doc-${++fileNumber}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}
const flat = (text: string) => text.replace(/\s+/g, ' ');

// ---------------------------------------------------------------------------------------------
// Fixtures (rendered once)

const DATE = '2026-03-01T12:00:00Z';

interface Rendered {
  outline: Outline;
  svg: string;
  bytes: Uint8Array;
  pdf: string;
}
const cache = new Map<string, Promise<Rendered>>();
function plan(area: string): Promise<Rendered> {
  let p = cache.get(area);
  if (!p) {
    p = (async () => {
      const build = buildOf(area);
      const outline = planOutline(build, { madeOn: '2026-03-01' });
      const svg = wheelSvg(build.arshjul, 'nb');
      const bytes = await renderPlanPdf(outline, svg, { info: { date: DATE } });
      return { outline, svg, bytes, pdf: raw(bytes) };
    })();
    cache.set(area, p);
  }
  return p;
}

function undatedOf(area: string) {
  const { arshjul } = buildOf(area);
  return {
    title: 'Uten fast dato',
    lines: arshjul.undated.map((u) => `${u.structure.id} ${u.structure.name} – ${u.text}`),
  };
}

// ---------------------------------------------------------------------------------------------

describe('renderPlanPdf: structure', () => {
  it('is a PDF with A4 portrait pages only', async () => {
    const { pdf } = await plan('omrade-ammerud');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(8);
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(pages);
    for (const box of boxes) expect(box).toEqual([0, 0, ...A4_SIZE]);
  });

  it('embeds the Arimo font (TrueType, subset) in all three styles', async () => {
    const { pdf } = await plan('omrade-ammerud');
    expect(pdf).toContain('/FontFile2');
    const names = [...pdf.matchAll(/\/BaseFont\s*\/([\w+-]+)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+Arimo/);
    expect(names.some((n) => n?.endsWith('Arimo-Bold'))).toBe(true);
    expect(names.some((n) => n?.endsWith('Arimo-Italic'))).toBe(true);
    // No standard (unembedded) font sneaks in.
    expect(pdf).not.toMatch(/\/BaseFont\s*\/Helvetica/);
  });

  it('has the metadata: title, author, subject, dates, language', async () => {
    const { pdf, outline } = await plan('omrade-ammerud');
    const meta = info(pdf);
    expect(meta.Title).toBe(outline.title);
    expect(meta.Title).toBe('Implementeringsplan for Ammerud 2025–26');
    expect(meta.Author).toBe('Årshjulet');
    expect(meta.Subject).toContain('Ammerud barneskole');
    expect(meta.CreationDate).toBe('D:20260301120000Z');
    expect(meta.ModDate).toBe('D:20260301120000Z');
    expect(pdf).toMatch(/\/Lang \(nb-NO\)/);
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
  });

  it('is tagged: headings, tables with header cells, a figure with its text alternative', async () => {
    const { pdf, outline } = await plan('omrade-ammerud');
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toMatch(/\/Marked true/);
    for (const type of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD']) {
      expect(pdf, type).toMatch(new RegExp(`/S /${type}\\b`));
    }
    const tables = outline.blocks.filter((b) => b.kind === 'table').length;
    expect(pdf.match(/\/S \/Table\b/g)).toHaveLength(tables);
    const figure = /\/S \/Figure[\s\S]*?\/Alt (\([^\n]*\))/.exec(pdf);
    const alt = outline.blocks.find((b) => b.kind === 'wheel')?.alt;
    expect(figure && literal(figure[1]!)).toBe(alt);
    // Bookmarks for the headings.
    expect(pdf).toContain('/Outlines');
  });

  it('gives the same bytes for the same input', async () => {
    const { outline, svg, bytes } = await plan('omrade-romsas');
    const again = await renderPlanPdf(outline, svg, { info: { date: DATE } });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect(raw(again)).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/);
  });

  it('has no dates when none are given (and stays deterministic)', async () => {
    const { outline, svg } = await plan('omrade-romsas');
    const [a, b] = await Promise.all([renderPlanPdf(outline, svg), renderPlanPdf(outline, svg)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const meta = info(raw(a));
    expect(meta.CreationDate).toBeUndefined();
    expect(meta.ModDate).toBeUndefined();
    expect(meta.Title).toBe(outline.title);
  });

  it('takes title and subject from the options', async () => {
    const { outline, svg } = await plan('omrade-romsas');
    const bytes = await renderPlanPdf(outline, svg, {
      info: { title: 'Plan «Romsås» (utkast)', subject: 'Utkast', keywords: 'årshjul' },
    });
    const meta = info(raw(bytes));
    expect(meta.Title).toBe('Plan «Romsås» (utkast)');
    expect(meta.Subject).toBe('Utkast');
    expect(meta.Keywords).toBe('årshjul');
  });
});

describe.skipIf(!hasPdftotext)('renderPlanPdf: text (pdftotext)', () => {
  it('says what the Romsås plan says, with æøå intact', async () => {
    const { bytes, pdf } = await plan('omrade-romsas');
    const pages = pagesText(bytes);
    expect(pages).toHaveLength(pageCount(pdf));
    const all = flat(pages.join(' '));
    expect(all).toContain('Romsås har ingen ungdomsskole');
    expect(all).toContain('Bjøråsen');
    expect(all).toContain('Implementeringsplan for Romsås 2025–26');
    for (const word of ['Årshjul', 'Måned for måned', 'Skoleår', 'Nærmiljøteam', 'Møte']) {
      expect(all).toContain(word);
    }
    expect(all).not.toContain('\ufffd');
  });

  it('numbers every page «Side X av N» and puts the title in the header from page 2', async () => {
    for (const area of ['omrade-romsas', 'omrade-ammerud']) {
      const { bytes, pdf, outline } = await plan(area);
      const pages = pagesText(bytes);
      const n = pageCount(pdf);
      pages.forEach((text, i) => {
        expect(text, `${area} page ${i + 1}`).toContain(`Side ${i + 1} av ${n}`);
        if (i > 0) expect(text.trimStart().startsWith(outline.title)).toBe(true);
      });
    }
  });

  it('has every heading and every table caption of the outline, in order', async () => {
    const { bytes, outline } = await plan('omrade-ammerud');
    const all = flat(pagesText(bytes).join(' '));
    let from = 0;
    for (const block of outline.blocks) {
      if (block.kind !== 'heading' && block.kind !== 'table') continue;
      const text = flat(block.kind === 'heading' ? block.text : block.caption);
      const at = all.indexOf(text, from);
      expect(at, text).toBeGreaterThanOrEqual(0);
      if (block.kind === 'heading') from = at;
    }
    // Paragraphs and list items too.
    for (const block of outline.blocks) {
      if (block.kind === 'paragraph') expect(all).toContain(flat(block.text).slice(0, 60));
      if (block.kind === 'list')
        for (const item of block.items) expect(all).toContain(flat(item).slice(0, 50));
    }
  });

  it('repeats the header row on every page a long table continues on', async () => {
    const { bytes, outline } = await plan('omrade-ammerud');
    const pages = pagesText(bytes).map(flat);
    const months = outline.blocks.find(
      (b) => b.kind === 'table' && b.caption === 'Måned for måned',
    );
    if (months?.kind !== 'table') throw new Error('no month table');
    // The page where the table starts (the wheel's caption also names «Måned for måned»).
    const firstRow = months.rows[0]![1]!;
    const start = pages.findIndex((p) => p.includes('Måned for måned') && p.includes(firstRow));
    const end = pages.findIndex((p, i) => i > start && p.includes('Uten fast dato'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end - start).toBeGreaterThanOrEqual(3);
    const lastRow = months.rows.at(-1)!;
    for (let i = start + 1; i <= end; i++) {
      if (i === end && !pages[i]!.includes(lastRow[1]!)) continue;
      for (const column of months.columns)
        expect(pages[i], `page ${i + 1}`).toContain(column.header);
    }
  });

  it('never leaves a heading last on a page', async () => {
    for (const area of ['omrade-romsas', 'omrade-ammerud']) {
      const { bytes, outline } = await plan(area);
      const headings = new Set(
        outline.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
      );
      pagesText(bytes).forEach((text, i) => {
        const lines = text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/^Side \d+ av \d+$/.test(l));
        expect(headings.has(lines.at(-1) ?? ''), `${area} page ${i + 1}: ${lines.at(-1)}`).toBe(
          false,
        );
        // Nor a table's header row without a row under it.
        const tail = lines.slice(-3).join(' ');
        expect(tail, `${area} page ${i + 1}`).not.toMatch(/Ansvar for oppfølging Skoler$/);
      });
    }
  });

  it('splits a row taller than a page, repeating the header and losing no text', async () => {
    const words = Array.from({ length: 1400 }, (_, i) => `ord${i + 1}`);
    const outline: Outline = {
      lang: 'en',
      title: 'A tall row',
      meta: [],
      blocks: [
        { kind: 'heading', level: 2, text: 'Table', id: 'table' },
        {
          kind: 'table',
          id: 't',
          caption: 'One tall row',
          columns: [
            { header: 'Head A', width: 1 },
            { header: 'Head B', width: 3 },
          ],
          rows: [
            ['short', 'first'],
            ['tall', words.join(' ')],
            ['after', 'last'],
          ],
          rowHeaders: true,
        },
      ],
    };
    const { svg } = await plan('omrade-romsas');
    const bytes = await renderPlanPdf(outline, svg);
    const pages = pagesText(bytes).map(flat);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain('Head B');
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const all = pages.join(' ');
    let from = 0;
    for (const word of [...words, 'last']) {
      const at = all.indexOf(`${word} `, from);
      expect(at, word).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('speaks nynorsk and English in the footer', async () => {
    const build = buildOf('omrade-romsas');
    for (const [lang, footer] of [
      ['nn', 'Side 1 av'],
      ['en', 'Page 1 of'],
    ] as const) {
      const outline = planOutline(build, { lang });
      const bytes = await renderPlanPdf(outline, wheelSvg(build.arshjul, lang));
      expect(pagesText(bytes)[0]).toContain(footer);
      expect(raw(bytes)).toContain(lang === 'nn' ? '/Lang (nn-NO)' : '/Lang (en-GB)');
    }
  });
});

describe('renderWheelPdf', () => {
  it('is one A3 portrait page with the wheel, the font and the metadata', async () => {
    const { svg } = await plan('omrade-ammerud');
    const bytes = await renderWheelPdf(svg, {
      title: 'Årshjul for Ammerud 2025–26',
      lang: 'nb',
      undated: undatedOf('omrade-ammerud'),
      info: { date: DATE },
    });
    const pdf = raw(bytes);
    expect(pageCount(pdf)).toBe(1);
    expect(mediaBoxes(pdf)).toEqual([[0, 0, ...A3_SIZE]]);
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Arimo/);
    const meta = info(pdf);
    expect(meta.Title).toBe('Årshjul for Ammerud 2025–26');
    expect(meta.Author).toBe('Årshjulet');
    expect(meta.CreationDate).toBe('D:20260301120000Z');
    expect(pdf).toMatch(/\/S \/Figure/);
  });

  it.skipIf(!hasPdftotext)('lists the undated items below the legend', async () => {
    const { svg } = await plan('omrade-ammerud');
    const undated = undatedOf('omrade-ammerud');
    const bytes = await renderWheelPdf(svg, { title: 'Årshjul', lang: 'nb', undated });
    const [page, ...rest] = pagesText(bytes);
    expect(rest).toHaveLength(0);
    const text = flat(page!);
    expect(text).toContain('Nummererte hendelser');
    expect(text.indexOf('Uten fast dato')).toBeGreaterThan(text.indexOf('Operativt nivå'));
    for (const line of undated.lines) expect(text).toContain(flat(line));
  });

  it.skipIf(!hasPdftotext)('makes room for a long list by drawing the wheel smaller', async () => {
    const { svg } = await plan('omrade-ammerud');
    const lines = Array.from(
      { length: 90 },
      (_, i) => `T${i + 1}.1 Et møte som ikke har noen fast dato i årshjulet – ved behov`,
    );
    const bytes = await renderWheelPdf(svg, {
      title: 'Årshjul',
      lang: 'nb',
      undated: { title: 'Uten fast dato', lines },
    });
    expect(pageCount(raw(bytes))).toBe(1);
    const text = flat(pagesText(bytes)[0]!);
    for (const line of lines) expect(text).toContain(line);
  });

  it('draws without an undated list', async () => {
    const { svg } = await plan('omrade-romsas');
    const bytes = await renderWheelPdf(svg, { title: 'Årshjul', lang: 'en' });
    const pdf = raw(bytes);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf).toContain('/Lang (en-GB)');
    expect(info(pdf).CreationDate).toBeUndefined();
  });
});

describe('helpers', () => {
  it('finds where the wheel drawing ends and crops the rest', async () => {
    const { svg } = await plan('omrade-ammerud');
    const ext = svgExtent(svg);
    expect(ext.width).toBe(1000);
    expect(ext.height).toBeGreaterThan(1000);
    // Below the wheel (as tall as wide) and the legend, not below the drawing.
    expect(ext.contentBottom).toBeGreaterThan(1000);
    expect(ext.contentBottom).toBeLessThanOrEqual(ext.height);
    const lastLegendY = Math.max(
      ...[...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1])),
    );
    expect(ext.contentBottom).toBeGreaterThan(lastLegendY);
    const cropped = cropSvg(svg, ext.contentBottom);
    expect(cropped).toContain(`viewBox="0 0 1000 ${ext.contentBottom}"`);
    expect(cropped).toContain(` height="${ext.contentBottom}"`);
    expect(cropped).toContain('width="1000"');
    expect(svgExtent(cropped).height).toBe(ext.contentBottom);
    // An A3-tall drawing with empty space under the legend is cut just below the legend.
    const tall = svg.replace(/<svg\b[^>]*>/, (t) =>
      t
        .replace(/viewBox="[^"]*"/, 'viewBox="0 0 1000 1414.21"')
        .replace(/ height="[^"]*"/, ' height="1414.21"'),
    );
    expect(svgExtent(tall).height).toBeCloseTo(1414.21, 2);
    expect(svgExtent(tall).contentBottom).toBeCloseTo(ext.contentBottom, 2);
  });

  it('wraps text within the width, breaking long words after a hyphen', () => {
    const doc = new PDFDocument({ autoFirstPage: true });
    const st = { font: 'Helvetica' as never, size: 10, color: '#000', leading: 12 };
    const text = 'Samarbeid mellom bydel og skole justeres årlig på SaLTo-koordineringsgruppemøtet';
    const lines = wrapText(doc, text, st, 90);
    expect(lines.length).toBeGreaterThan(2);
    doc.font('Helvetica').fontSize(10);
    for (const line of lines) expect(doc.widthOfString(line)).toBeLessThanOrEqual(90);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    expect(lines).toContain('SaLTo-');
    expect(wrapText(doc, 'a\nb', st, 90)).toEqual(['a', 'b']);
  });
});
