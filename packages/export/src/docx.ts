/**
 * The implementation plan as an editable Word document (.docx), rendered from the plan outline
 * with `docx`: A4 portrait, real heading styles (Heading 1 for the title, Heading 2 and 3 for the
 * outline's headings, so Word's navigation pane and tables of contents work), bulleted lists,
 * tables whose header row repeats on every page, the wheel as an inline picture with alt text,
 * the title in the page header and «Side X av Y» in the footer.
 *
 * Everything the document says comes from the outline; this file only decides how it looks.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  PageBreak,
  PageNumber,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  WidthType,
} from 'docx';
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import type { Block, Outline } from './outline.js';
import { LANGUAGE_TAG, pageOf } from './words.js';

export interface DocxOptions {
  /** Pixel width of the wheel PNG (read from the PNG header when not given). */
  wheelWidthPx?: number;
  /** Pixel height of the wheel PNG (read from the PNG header when not given). */
  wheelHeightPx?: number;
  /**
   * The document's date: written as its created and modified time and on the files in the
   * package. Without it the package carries a fixed 1980 date, so the bytes never depend on the
   * clock.
   */
  date?: IsoDate;
}

/** A4 portrait in twips (1/20 pt). */
export const A4 = { width: 11906, height: 16838 } as const;
/** Page margins in twips: 2 cm at the sides, 2.2 cm at the top and bottom. */
const MARGIN = { top: 1247, bottom: 1247, left: 1134, right: 1134, header: 567, footer: 567 };
/** The width the text runs in, in twips. */
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Word reads Arial; Arimo (what the PNG and PDF draw with) has the same metrics. */
const BODY_FONT = 'Arial';
const TEXT_COLOUR = '1F2933';
const HEADING_COLOUR = '1B4F72';
const MUTED_COLOUR = '52606D';
const BORDER_COLOUR = 'A0AEC0';
const HEADER_FILL = 'DCE6F0';

const LANGUAGE = LANGUAGE_TAG;

/** The footer's page numbers: the two parts that go around the PAGE and NUMPAGES fields. */
const PAGE_OF = (lang: Lang): [string, string] => {
  const [before, after] = pageOf(lang, '\u0000', '\u0000').split('\u0000');
  return [before!, after!];
};

const BULLETS = 'arshjul-bullets';

/** Width and height of a PNG, from its IHDR chunk (bytes 16–23, big-endian). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) {
    throw new Error('The wheel picture is not a PNG');
  }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** docProps/core.xml of our own, so the times come from the options, not the clock. */
function coreXml(outline: Outline, date: IsoDate | undefined): string {
  const time = date
    ? ['created', 'modified']
        .map((n) => `<dcterms:${n} xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:${n}>`)
        .join('')
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(outline.title)}</dc:title>` +
    '<dc:creator>Årshjulet</dc:creator>' +
    '<cp:lastModifiedBy>Årshjulet</cp:lastModifiedBy>' +
    `<dc:language>${LANGUAGE[outline.lang]}</dc:language>` +
    '<cp:revision>1</cp:revision>' +
    time +
    '</cp:coreProperties>'
  );
}

/**
 * Sets the modification time of every file in a zip (local headers and central directory) to
 * `date`, or to 1 January 1980 (the earliest a zip can say), so the same document gives the same
 * bytes.
 */
export function stampZip(zip: Uint8Array, date?: IsoDate): Uint8Array {
  const [y, m, d] = date ? date.split('-').map(Number) : [1980, 1, 1];
  const dosDate = (((y ?? 1980) - 1980) << 9) | ((m ?? 1) << 5) | (d ?? 1);
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let i = 0; i + 46 <= out.length;) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) {
      view.setUint16(i + 10, 0, true);
      view.setUint16(i + 12, dosDate, true);
      const size = view.getUint32(i + 18, true);
      i += 30 + view.getUint16(i + 26, true) + view.getUint16(i + 28, true) + size;
    } else if (sig === 0x02014b50) {
      view.setUint16(i + 12, 0, true);
      view.setUint16(i + 14, dosDate, true);
      i +=
        46 +
        view.getUint16(i + 28, true) +
        view.getUint16(i + 30, true) +
        view.getUint16(i + 32, true);
    } else break;
  }
  return out;
}

/** The height the text runs in, in twips. */
export const TEXT_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;

/**
 * The wheel's size on the page in pixels at 96 dpi (1 px = 15 twips): the text width, or less
 * when the picture would then not fit on a page with its heading and caption (3.5 cm).
 */
export function wheelBox(pxWidth: number, pxHeight: number): { width: number; height: number } {
  const maxWidth = TEXT_WIDTH / 15;
  const maxHeight = (TEXT_HEIGHT - 2000) / 15;
  const scale = Math.min(maxWidth / pxWidth, maxHeight / pxHeight);
  return { width: Math.floor(pxWidth * scale), height: Math.floor(pxHeight * scale) };
}

/** Cell text that may hold line breaks, as paragraphs. */
function cellParagraphs(text: string, bold: boolean): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        style: 'TableText',
        children: line ? [new TextRun({ text: line, bold })] : [],
      }),
  );
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR };

/** Column widths in twips from relative widths, filling the text width exactly. */
export function columnTwips(widths: readonly number[], total = TEXT_WIDTH): number[] {
  const sum = widths.reduce((a, b) => a + Math.max(0, b), 0) || widths.length || 1;
  const out = widths.map((w) =>
    Math.floor((total * (sum === widths.length && w <= 0 ? 1 : Math.max(0, w))) / sum),
  );
  const rest = total - out.reduce((a, b) => a + b, 0);
  if (out.length > 0) out[out.length - 1]! += rest;
  return out;
}

/** Whether a header is set upwards: its longest word does not fit across its narrow column. */
export function rotated(header: string, twips: number): boolean {
  const longest = Math.max(0, ...header.split(/\s+/).map((w) => w.length));
  // About 105 twips a character in 9 pt bold Arial, and 160 twips of cell padding.
  return twips < 1200 && longest * 105 > twips - 160;
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnTwips(block.columns.map((c) => c.width));
  const cell = (text: string, col: number, header: boolean, rowHeader: boolean) =>
    new TableCell({
      children: cellParagraphs(text, header || rowHeader),
      width: { size: widths[col] ?? 0, type: WidthType.DXA },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
      // A narrow column's header (a school in the participation matrix) runs upwards.
      ...(header && rotated(text, widths[col] ?? 0)
        ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT }
        : {}),
    });
  // Upward headers need the row tall enough for them (LibreOffice does not grow it).
  const upward = block.columns.filter((c, i) => rotated(c.header, widths[i] ?? 0));
  const upwardHeight = Math.max(0, ...upward.map((c) => c.header.length * 100 + 200));
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    ...(upwardHeight > 0 ? { height: { value: upwardHeight, rule: HeightRule.ATLEAST } } : {}),
    children: block.columns.map((c, i) => cell(c.header, i, true, false)),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        children: block.columns.map((_, i) =>
          cell(r[i] ?? '', i, false, i === 0 && block.rowHeaders === true),
        ),
      }),
  );
  return new Table({
    rows: [headerRow, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    borders: {
      top: cellBorder,
      bottom: cellBorder,
      left: cellBorder,
      right: cellBorder,
      insideHorizontal: cellBorder,
      insideVertical: cellBorder,
    },
  });
}

/** The outline as a Word document. */
export async function renderDocx(
  outline: Outline,
  wheelPng: Uint8Array,
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const lang = outline.lang;
  const language = { value: LANGUAGE[lang] };
  const children: (Paragraph | Table)[] = [];
  let breakBefore = false;
  /** A paragraph, starting a new page when a page break came just before it. */
  const para = (options: ConstructorParameters<typeof Paragraph>[0] & object) => {
    const p = new Paragraph({ ...options, ...(breakBefore ? { pageBreakBefore: true } : {}) });
    breakBefore = false;
    children.push(p);
  };

  // The title and the facts under it.
  para({ heading: HeadingLevel.HEADING_1, children: [new TextRun(outline.title)] });
  for (const m of outline.meta) {
    para({
      style: 'Meta',
      children: [new TextRun({ text: `${m.label}: `, bold: true }), new TextRun(m.value)],
    });
  }

  let lastHeading: string | undefined;
  const size = {
    width: options.wheelWidthPx ?? 0,
    height: options.wheelHeightPx ?? 0,
  };
  // A document without the wheel (role cards, the glossary) needs no picture.
  const hasWheel = outline.blocks.some((b) => b.kind === 'wheel');
  if (hasWheel && (!size.width || !size.height)) {
    const read = pngSize(wheelPng);
    size.width ||= read.width;
    size.height ||= read.height;
  }
  for (const block of outline.blocks) {
    switch (block.kind) {
      case 'heading':
        para({
          heading:
            block.level === 1
              ? HeadingLevel.HEADING_1
              : block.level === 2
                ? HeadingLevel.HEADING_2
                : HeadingLevel.HEADING_3,
          children: [new TextRun(block.text)],
        });
        lastHeading = block.text;
        continue;
      case 'paragraph':
        para({
          ...(block.style === 'lead'
            ? { style: 'Lead' }
            : block.style === 'small'
              ? { style: 'Small' }
              : {}),
          children: [new TextRun(block.text)],
        });
        break;
      case 'list':
        for (const item of block.items) {
          para({ numbering: { reference: BULLETS, level: 0 }, children: [new TextRun(item)] });
        }
        break;
      case 'table':
        if (block.caption !== lastHeading || breakBefore) {
          para({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] });
        }
        children.push(table(block));
        // Word joins two tables that touch; a small paragraph keeps them apart.
        children.push(new Paragraph({ style: 'AfterTable', children: [] }));
        break;
      case 'wheel': {
        // As wide as the text, unless then too tall to share a page with its heading and caption.
        const { width, height } = wheelBox(size.width, size.height);
        para({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: 'png',
              data: wheelPng,
              transformation: { width, height },
              altText: { id: '1', name: 'arshjul.png', title: block.alt, description: block.alt },
            }),
          ],
        });
        para({ style: 'Caption', children: [new TextRun(block.alt)] });
        break;
      }
      case 'pagebreak':
        breakBefore = true;
        break;
    }
    lastHeading = undefined;
  }
  if (breakBefore) children.push(new Paragraph({ children: [new PageBreak()] }));

  const footer = new Footer({
    children: [
      new Paragraph({
        style: 'PageFooter',
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [
              PAGE_OF(lang)[0],
              PageNumber.CURRENT,
              PAGE_OF(lang)[1],
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
  const header = new Header({
    children: [
      new Paragraph({
        style: 'PageHeader',
        alignment: AlignmentType.RIGHT,
        children: [new TextRun(outline.title)],
      }),
    ],
  });

  const doc = new Document({
    title: outline.title,
    creator: 'Årshjulet',
    lastModifiedBy: 'Årshjulet',
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 21, color: TEXT_COLOUR, language },
          paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: BODY_FONT, size: 36, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 0, after: 200 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { font: BODY_FONT, size: 28, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { font: BODY_FONT, size: 24, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true },
        },
        caption: {
          run: { font: BODY_FONT, size: 18, italics: true, color: MUTED_COLOUR },
          paragraph: { spacing: { before: 80, after: 80 } },
        },
        listParagraph: { paragraph: { spacing: { after: 60 } } },
      },
      paragraphStyles: [
        {
          id: 'Meta',
          name: 'Meta',
          basedOn: 'Normal',
          run: { size: 20 },
          paragraph: { spacing: { after: 40 } },
        },
        {
          id: 'Lead',
          name: 'Lead',
          basedOn: 'Normal',
          run: { size: 24 },
          paragraph: { spacing: { before: 120, after: 160 } },
        },
        {
          id: 'Small',
          name: 'Small',
          basedOn: 'Normal',
          run: { size: 18, color: MUTED_COLOUR },
        },
        {
          id: 'TableText',
          name: 'Table Text',
          basedOn: 'Normal',
          run: { size: 18 },
          paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: 'AfterTable',
          name: 'After Table',
          basedOn: 'Normal',
          run: { size: 12 },
          paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: 'PageHeader',
          name: 'Page Header',
          basedOn: 'Normal',
          run: { size: 16, color: MUTED_COLOUR },
          paragraph: { spacing: { after: 0 } },
        },
        {
          id: 'PageFooter',
          name: 'Page Footer',
          basedOn: 'Normal',
          run: { size: 16, color: MUTED_COLOUR },
          paragraph: { spacing: { after: 0 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 260 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: MARGIN,
          },
        },
        headers: { default: header, first: new Header({ children: [] }) },
        footers: { default: footer, first: footer },
        children,
      },
    ],
  });
  const bytes = await Packer.toArrayBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(outline, options.date) },
  ]);
  return stampZip(new Uint8Array(bytes), options.date);
}
