import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOf } from '../test-fixtures/grorud.js';
import { A4, columnTwips, pngSize, renderDocx, stampZip, TEXT_WIDTH, wheelBox } from './docx.js';
import { planOutline, type Block, type Outline } from './outline.js';
import { svgToPng, wheelSvg } from './wheel.js';

type TableBlock = Extract<Block, { kind: 'table' }>;

interface Unzipped {
  files: string[];
  text: (path: string) => Promise<string>;
}

async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    files: Object.keys(zip.files),
    text: async (path) => {
      const file = zip.file(path);
      if (!file) throw new Error(`no ${path} in the package`);
      return file.async('string');
    },
  };
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The tables of document.xml, each as its rows' XML (tables are not nested here). */
function tablesOf(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
    [...m[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!),
  );
}

/** The text of some XML (all w:t runs joined). */
function textOf(part: string): string {
  return [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const build = buildOf('omrade-romsas');
const png = svgToPng(wheelSvg(build.arshjul, 'nb'), { width: 400 });

describe('renderDocx (Romsås, bokmål)', () => {
  let outline: Outline;
  let bytes: Uint8Array;
  let pkg: Unzipped;
  let doc: string;

  beforeAll(async () => {
    outline = planOutline(build, { lang: 'nb', madeOn: '2026-03-01' });
    bytes = await renderDocx(outline, png, { date: '2026-03-01' });
    pkg = await unzip(bytes);
    doc = await pkg.text('word/document.xml');
  });

  it('is an A4 portrait page with margins', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(doc)?.[1] ?? '';
    expect(margin).toMatch(/w:left="1134"/);
    expect(margin).toMatch(/w:right="1134"/);
    expect(A4.width - 2 * 1134).toBe(TEXT_WIDTH);
  });

  it('has the title as Heading 1 and the outline headings as Heading 2 and 3', async () => {
    const paragraphs = [...doc.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => m[1]!);
    const styled = (style: string) =>
      paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map(textOf);
    expect(styled('Heading1')).toEqual([xml(outline.title)]);
    const headings = outline.blocks.filter((b) => b.kind === 'heading');
    expect(styled('Heading2')).toEqual(
      headings.filter((h) => h.level === 2).map((h) => xml(h.text)),
    );
    expect(styled('Heading3')).toEqual(
      headings.filter((h) => h.level === 3).map((h) => xml(h.text)),
    );
    const styles = await pkg.text('word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
  });

  it('writes the meta list under the title', () => {
    for (const m of outline.meta) expect(doc).toContain(xml(`${m.label}: `));
    expect(doc).toContain('søndag 1. mars 2026 fra samarbeidsmodellen');
  });

  it('has every outline table, with a repeating header row on exactly the first row', () => {
    const blocks = outline.blocks.filter((b): b is TableBlock => b.kind === 'table');
    const tables = tablesOf(doc);
    expect(tables).toHaveLength(blocks.length);
    tables.forEach((rows, i) => {
      const block = blocks[i]!;
      expect(rows).toHaveLength(block.rows.length + 1);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).filter((r) => r.includes('<w:tblHeader/>'))).toEqual([]);
      // Rows of the body may break across pages; the header row is bold and shaded.
      expect(rows.slice(1).filter((r) => r.includes('<w:cantSplit/>'))).toEqual([]);
      expect(rows[0]).toMatch(/<w:shd [^>]*w:fill="DCE6F0"/);
      expect(rows[0]).toContain('<w:b/>');
      expect(textOf(rows[0]!)).toBe(block.columns.map((c) => xml(c.header)).join(''));
    });
  });

  it('lays tables out fixed, full text width, columns from the relative widths', () => {
    const first = outline.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    const tbl = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(doc)![1]!;
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
    expect(tbl).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(columnTwips(first.columns.map((c) => c.width)));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it("has every plan table row's first cell", () => {
    const tables = outline.blocks.filter((b): b is TableBlock => b.kind === 'table');
    let checked = 0;
    for (const t of tables) {
      for (const row of t.rows) {
        const first = (row[0] ?? '').split('\n')[0]!;
        if (!first) continue;
        expect(doc).toContain(`>${xml(first)}</w:t>`);
        checked++;
      }
    }
    for (const t of build.plan.tables) {
      for (const r of t.rows) expect(doc).toContain(`>${xml(r.formellStruktur)}</w:t>`);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps the Romsås note and æøå intact', () => {
    expect(doc).toContain(
      'Romsås har ingen ungdomsskole med i samarbeidet etter at Bjøråsen ungdomskole gikk ut i mai 2021.',
    );
    expect(doc).toContain('Årshjul for Romsås 2025–26');
    expect(doc).toContain('«Måned for måned»');
    expect(doc).not.toMatch(/Ã|Â/);
  });

  it('has the wheel as an inline PNG with alt text and a caption', async () => {
    const wheel = outline.blocks.find((b) => b.kind === 'wheel')!;
    const media = pkg.files.filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    const zip = await JSZip.loadAsync(bytes);
    const stored = await zip.file(media[0]!)!.async('uint8array');
    expect(pngSize(stored)).toEqual(pngSize(png));
    const docPr = /<wp:docPr ([^>]*)\/>/.exec(doc)![1]!;
    expect(docPr).toContain(`descr="${xml(wheel.alt)}"`);
    expect(docPr).toContain(`title="${xml(wheel.alt)}"`);
    expect(doc).toContain('<wp:inline');
    // The picture keeps its proportions.
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(doc)!.slice(1).map(Number);
    const { width, height } = pngSize(png);
    expect(cy! / cx!).toBeCloseTo(height / width, 2);
    expect(cx!).toBeLessThanOrEqual(TEXT_WIDTH * 635);
    // The caption right after the picture.
    const after = doc.slice(doc.indexOf('</w:drawing>'));
    expect(after).toMatch(
      new RegExp(`^[\\s\\S]*?<w:pStyle w:val="Caption"/>[\\s\\S]*?>${escapeRe(xml(wheel.alt))}<`),
    );
  });

  it('has bullet lists with real numbering', async () => {
    const numbering = await pkg.text('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="bullet"/>');
    const items = outline.blocks.filter((b) => b.kind === 'list').flatMap((b) => b.items);
    expect(doc.match(/<w:numPr>/g)?.length).toBe(items.length);
    expect(doc).toContain('>Svarttjern barneskole (barneskole)</w:t>');
  });

  it('starts a new page where the outline has a page break', () => {
    const breaks = outline.blocks.filter((b) => b.kind === 'pagebreak').length;
    expect(breaks).toBeGreaterThan(0);
    expect(doc.match(/<w:pageBreakBefore\/>/g)?.length).toBe(breaks);
    const i = doc.indexOf('<w:pageBreakBefore/>');
    expect(textOf(doc.slice(i, doc.indexOf('</w:p>', i)))).toBe('Formelle strukturer');
  });

  it('has page numbers in the footer and the title in the header', async () => {
    const footers = pkg.files.filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) {
      const footer = await pkg.text(f);
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(footer).toContain('>Side </w:t>');
      expect(footer).toContain('> av </w:t>');
    }
    const headers = await Promise.all(
      pkg.files.filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => pkg.text(f)),
    );
    expect(headers.some((h) => h.includes(xml(outline.title)))).toBe(true);
  });

  it('sets the language, font and document properties', async () => {
    const styles = await pkg.text('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="nb-NO"/>');
    expect(styles).toContain('w:ascii="Arial"');
    const core = await pkg.text('docProps/core.xml');
    expect(core).toContain(`<dc:title>${xml(outline.title)}</dc:title>`);
    expect(core).toContain('<dc:creator>Årshjulet</dc:creator>');
    expect(core).toContain('<dc:language>nb-NO</dc:language>');
    expect(core).toContain('2026-03-01T00:00:00Z</dcterms:modified>');
  });

  it('gives the same bytes for the same outline', async () => {
    const again = await renderDocx(outline, png, { date: '2026-03-01' });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('renderDocx in other languages', () => {
  it('writes nynorsk and English page numbers and languages', async () => {
    for (const [lang, tag, page, of] of [
      ['nn', 'nn-NO', 'Side ', ' av '],
      ['en', 'en-GB', 'Page ', ' of '],
    ] as const) {
      const outline = planOutline(build, { lang, madeOn: '2026-03-01' });
      const pkg = await unzip(await renderDocx(outline, png));
      expect(await pkg.text('word/styles.xml')).toContain(`<w:lang w:val="${tag}"/>`);
      const footer = await pkg.text('word/footer1.xml');
      expect(footer).toContain(`>${page}</w:t>`);
      expect(footer).toContain(`>${of}</w:t>`);
      const doc = await pkg.text('word/document.xml');
      expect(doc).toContain(xml(outline.title));
      // Without a date the package has no created time.
      expect(await pkg.text('docProps/core.xml')).not.toContain('dcterms:created');
    }
  });

  it('renders the whole district too', async () => {
    const all = buildOf('all');
    const outline = planOutline(all, { madeOn: '2026-03-01' });
    const doc = await (await unzip(await renderDocx(outline, png))).text('word/document.xml');
    expect(tablesOf(doc)).toHaveLength(outline.blocks.filter((b) => b.kind === 'table').length);
    // The participation matrix's narrow school columns have upward headers in a tall row.
    const participation = tablesOf(doc).find((rows) => rows[0]!.includes('Ammerud barneskole'))!;
    expect(participation[0]).toContain('<w:textDirection w:val="btLr"/>');
    expect(participation[0]).toMatch(/<w:trHeight [^>]*w:hRule="atLeast"/);
  });
});

describe('helpers', () => {
  it('reads the PNG size from the IHDR chunk', () => {
    const size = pngSize(png);
    expect(size.width).toBe(400);
    expect(size.height).toBeGreaterThan(400);
    expect(() => pngSize(new Uint8Array(30))).toThrow(/PNG/);
  });

  it('uses the given pixel size over the PNG header', async () => {
    const outline = planOutline(build, { madeOn: '2026-03-01' });
    const doc = await (
      await unzip(await renderDocx(outline, png, { wheelWidthPx: 100, wheelHeightPx: 100 }))
    ).text('word/document.xml');
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(doc)!.slice(1).map(Number);
    expect(cx).toBe(cy);
  });

  it('splits the text width by relative widths', () => {
    expect(columnTwips([1, 1], 1000)).toEqual([500, 500]);
    expect(columnTwips([22, 30, 16, 16, 16]).reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(columnTwips([1, 2, 1], 1001)).toEqual([250, 500, 251]);
  });

  it('fits the wheel to the text width or the page height', () => {
    const square = wheelBox(1000, 1000);
    expect(square.width).toBe(Math.floor(TEXT_WIDTH / 15));
    const tall = wheelBox(1000, 1414);
    expect(tall.width).toBeLessThan(square.width);
    expect(tall.height / tall.width).toBeCloseTo(1.414, 2);
  });

  it('stamps every file of a zip with one date', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'æøå', { date: new Date(2024, 5, 6, 7, 8, 10) });
    zip.file('b.txt', 'b');
    const stamped = stampZip(await zip.generateAsync({ type: 'uint8array' }), '2026-03-01');
    const back = await JSZip.loadAsync(stamped);
    expect(await back.file('a.txt')!.async('string')).toBe('æøå');
    for (const f of Object.values(back.files)) {
      expect(f.date.toISOString().slice(0, 10)).toBe('2026-03-01');
    }
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
