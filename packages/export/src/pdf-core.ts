/**
 * PDF without a browser: the implementation plan on A4 (every block of the outline, in order) and
 * the årshjul as an A3 poster, drawn with pdfkit and the bundled Arimo font. The wheel stays
 * vector graphics (svg-to-pdfkit). Text is laid out here, line by line, so page breaks are ours:
 * headings stay with what follows them, table rows are not split unless a row is taller than a
 * page, and a table's header row is repeated on every page it continues on. The documents are
 * tagged (headings, paragraphs, lists, tables, the figure); headers, footers, rules and grid lines
 * are artifacts.
 *
 * Runs anywhere: the fonts and pdfkit's document class come in a `PdfPlatform` (Node's defaults
 * are in `pdf.ts`).
 */
// The package has no types: its declaration must come with this file wherever it is compiled
// (the desktop app type-checks the sources), which an import of a .d.ts cannot do.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./svg-to-pdfkit.d.ts" />
import svgToPdf from 'svg-to-pdfkit';
import type { Lang } from '@arshjul/school-calendar';
import type { FontBytes, PdfKitDocumentClass } from './platform.js';
import type { Block, Outline } from './outline.js';
import { LANGUAGE_TAG, pageOf } from './words.js';

// ---------------------------------------------------------------------------------------------
// Public API

/** A4 and A3 portrait in points. */
export const A4_SIZE: readonly [number, number] = [595.28, 841.89];
export const A3_SIZE: readonly [number, number] = [841.89, 1190.55];

export interface PdfInfo {
  /** Default: the outline's title (plan) or the poster's title. */
  title?: string;
  /** Default: «Årshjulet». */
  author?: string;
  /** Default: the outline's facts (plan) or the poster's title. */
  subject?: string;
  keywords?: string;
  /**
   * When the document was made: its CreationDate and ModDate. Without it the PDF has no dates at
   * all (the exports never read the clock), so the same input gives the same bytes.
   */
  date?: Date | string;
}

export interface PlanPdfOptions {
  info?: PdfInfo;
}

export interface WheelPdfOptions {
  /** The poster's title (document metadata and the figure's text alternative). */
  title: string;
  lang: Lang;
  /** A compact two-column list below the wheel's own legend, e.g. «Uten fast dato». */
  undated?: { title: string; lines: string[] };
  info?: PdfInfo;
}

/** What the PDF writers need from the platform: pdfkit's document class and the fonts. */
export interface PdfPlatform {
  PDFDocument: PdfKitDocumentClass;
  fonts: FontBytes;
}

/** The implementation plan on A4 portrait: title and facts, then every block of the outline. */
export async function renderPlanPdfWith(
  platform: PdfPlatform,
  outline: Outline,
  wheelSvg: string,
  options: PlanPdfOptions = {},
): Promise<Uint8Array> {
  const doc = createDocument(platform, A4_SIZE, PLAN_MARGINS, outline.lang, {
    title: outline.title,
    subject: outline.meta.map((m) => `${m.label}: ${m.value}`).join('; '),
    ...options.info,
  });
  const bytes = collect(doc);
  new PlanWriter(doc, outline, wheelSvg).write();
  doc.end();
  return bytes;
}

/** The årshjul as an A3 portrait poster, with an optional list of undated items below it. */
export async function renderWheelPdfWith(
  platform: PdfPlatform,
  wheelSvg: string,
  options: WheelPdfOptions,
): Promise<Uint8Array> {
  const doc = createDocument(platform, A3_SIZE, POSTER_MARGINS, options.lang, {
    title: options.title,
    subject: options.title,
    ...options.info,
  });
  const bytes = collect(doc);
  writePoster(doc, wheelSvg, options);
  doc.end();
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// Words of the layout itself (the rest comes from the outline)

const PDF_LANG = LANGUAGE_TAG;

// ---------------------------------------------------------------------------------------------
// Document, fonts, metadata

type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;
type Margins = { top: number; bottom: number; left: number; right: number };

const FONT = { regular: 'Arimo', bold: 'Arimo-Bold', italic: 'Arimo-Italic' } as const;
type FontName = (typeof FONT)[keyof typeof FONT];

/** 20 mm at the sides; room for the running header and the page numbers. */
const PLAN_MARGINS: Margins = { top: 62, bottom: 62, left: 56.69, right: 56.69 };
const POSTER_MARGINS: Margins = { top: 36, bottom: 36, left: 36, right: 36 };

/** Fixed stand-in used only to derive the file ID when the caller gives no date. */
const NO_DATE = new Date(Date.UTC(2000, 0, 1));

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

function createDocument(
  { PDFDocument, fonts }: PdfPlatform,
  size: readonly [number, number],
  margins: Margins,
  lang: Lang,
  info: PdfInfo,
): Doc {
  const date = info.date === undefined ? undefined : toDate(info.date);
  const docInfo: PDFKit.DocumentInfo = {
    Title: info.title ?? '',
    Author: info.author ?? 'Årshjulet',
    Creator: 'Årshjulet',
    Producer: 'Årshjulet (PDFKit)',
    CreationDate: date ?? NO_DATE,
    ...(info.subject ? { Subject: info.subject } : {}),
    ...(info.keywords ? { Keywords: info.keywords } : {}),
    ...(date ? { ModDate: date } : {}),
  };
  const doc = new PDFDocument({
    size: [size[0], size[1]],
    margins,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: PDF_LANG[lang],
    displayTitle: true,
    info: docInfo,
    // No default font: pdfkit's browser build has no standard fonts; Arimo is set below.
    font: null as unknown as string,
  });
  // The file ID is a hash of the info, so it is stable. Without a date the Info dictionary has
  // none; pdfkit's XMP packet cannot do without one and gets the stand-in (hidden from the Info).
  if (!date) Object.defineProperty(doc.info, 'CreationDate', { value: NO_DATE, enumerable: false });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.italic, fonts.italic);
  doc.font(FONT.regular);
  return doc;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Text

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  /** Line height in points. */
  leading: number;
}

const style = (font: FontName, size: number, color = '#1a1a1a', leading = 1.25): TextStyle => ({
  font,
  size,
  color,
  leading: size * leading,
});

const S = {
  title: style(FONT.bold, 20, '#1a1a1a', 1.2),
  h1: style(FONT.bold, 17, '#1a1a1a', 1.2),
  h2: style(FONT.bold, 14, '#1a1a1a', 1.2),
  h3: style(FONT.bold, 11.5, '#1a1a1a', 1.2),
  body: style(FONT.regular, 10),
  lead: style(FONT.regular, 11, '#1a1a1a', 1.3),
  small: style(FONT.regular, 8.5, '#444444'),
  metaLabel: style(FONT.bold, 9.5, '#444444'),
  metaValue: style(FONT.regular, 9.5),
  caption: style(FONT.bold, 9.5, '#1a1a1a', 1.25),
  figureCaption: style(FONT.italic, 8.5, '#444444'),
  running: style(FONT.regular, 8, '#666666'),
};

interface CellStyles {
  cell: TextStyle;
  bold: TextStyle;
}
const CELLS: CellStyles = {
  cell: style(FONT.regular, 8.5, '#1a1a1a', 1.22),
  bold: style(FONT.bold, 8.5, '#1a1a1a', 1.22),
};
const SMALL_CELLS: CellStyles = {
  cell: style(FONT.regular, 7.5, '#1a1a1a', 1.22),
  bold: style(FONT.bold, 7.5, '#1a1a1a', 1.22),
};

const HEADING_STYLE = { 1: S.h1, 2: S.h2, 3: S.h3 } as const;
/** Room kept above a full-page wheel for its heading (points). */
const FIGURE_HEADING_ROOM = 48;

const HEADING_SPACE_BEFORE = { 1: 20, 2: 16, 3: 10 } as const;
const HEADING_SPACE_AFTER = { 1: 8, 2: 6, 3: 4 } as const;

/**
 * Breaks text into lines no wider than `width`: at spaces, keeping explicit line breaks; a word
 * wider than the line is broken where it must be.
 */
export function wrapText(doc: Doc, text: string, st: TextStyle, width: number): string[] {
  doc.font(st.font).fontSize(st.size);
  const fits = (s: string) => doc.widthOfString(s) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (!fits(rest) && rest.length > 1) {
        let n = rest.length - 1;
        while (n > 1 && !fits(rest.slice(0, n))) n--;
        // Rather after a hyphen or a slash than anywhere.
        const soft = Math.max(rest.lastIndexOf('-', n - 1), rest.lastIndexOf('/', n - 1));
        if (soft >= 2) n = soft + 1;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function drawLine(doc: Doc, text: string, st: TextStyle, x: number, y: number): void {
  if (text === '') return;
  doc.font(st.font).fontSize(st.size).fillColor(st.color).text(text, x, y, { lineBreak: false });
}

function artifact(doc: Doc, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

/** A structure element added (and so attached) to its parent; content goes in with `.add(draw)`. */
function tag(
  doc: Doc,
  parent: StructElement,
  type: string,
  options: { alt?: string; scope?: 'Row' | 'Column' } = {},
): StructElement {
  const element = doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  parent.add(element);
  return element;
}

// ---------------------------------------------------------------------------------------------
// The wheel SVG

type SvgToPdf = (
  doc: Doc,
  svg: string,
  x: number,
  y: number,
  options?: {
    width?: number;
    height?: number;
    assumePt?: boolean;
    preserveAspectRatio?: string;
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      fontOptions: { fauxBold?: boolean; fauxItalic?: boolean },
    ) => string;
    warningCallback?: (message: string) => void;
  },
) => void;

const drawSvgWith = svgToPdf as SvgToPdf;

export interface SvgExtent {
  /** The viewBox width and height. */
  width: number;
  height: number;
  /** Below this (user units) the drawing is empty: the wheel and its legend end here. */
  contentBottom: number;
  /** The legend's font size (user units). */
  legendFontSize: number;
}

const num = (attrs: string, name: string): number | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="(-?[\\d.]+)"`).exec(attrs);
  return m ? Number(m[1]) : undefined;
};

/**
 * How much of the wheel SVG is drawn: the wheel is as tall as the drawing is wide, the legend
 * below it is text in plain x/y positions; the rest, down to the A3 height, is empty.
 */
export function svgExtent(svg: string): SvgExtent {
  const root = /<svg\b([^>]*)>/.exec(svg)?.[1] ?? '';
  const viewBox = /viewBox="([^"]*)"/
    .exec(root)?.[1]
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = viewBox?.[2] ?? num(root, 'width') ?? 1000;
  const height = viewBox?.[3] ?? num(root, 'height') ?? width * Math.SQRT2;
  const legendFontSize =
    Number(/<g class="legend"[^>]*font-size="([\d.]+)"/.exec(svg)?.[1]) || width * 0.0125;
  let bottom = width;
  for (const m of svg.matchAll(/<text\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    if (attrs.includes('transform=')) continue;
    const y = num(attrs, 'y');
    if (y !== undefined) bottom = Math.max(bottom, y + legendFontSize * 0.4);
  }
  for (const m of svg.matchAll(/<rect\b([^>]*)>/g)) {
    const attrs = m[1] ?? '';
    const y = num(attrs, 'y') ?? 0;
    const h = num(attrs, 'height') ?? 0;
    const w = num(attrs, 'width') ?? 0;
    const background = y <= 0 && (w >= width * 0.99 || h >= height * 0.9);
    if (!background) bottom = Math.max(bottom, y + h);
  }
  return {
    width,
    height,
    contentBottom: Math.min(height, bottom + width * 0.015),
    legendFontSize,
  };
}

/** The SVG with its viewBox cut off below `bottom`. */
export function cropSvg(svg: string, bottom: number): string {
  return svg.replace(/<svg\b[^>]*>/, (tagText) => {
    const ext = svgExtent(tagText + '</svg>');
    return tagText
      .replace(/viewBox="[^"]*"/, `viewBox="0 0 ${ext.width} ${bottom}"`)
      .replace(/(\s)height="[^"]*"/, `$1height="${bottom}"`);
  });
}

const svgFont = (_family: string, bold: boolean, italic: boolean): string =>
  bold ? FONT.bold : italic ? FONT.italic : FONT.regular;

/** Draws the (cropped) SVG into the box, clipped to it. */
function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number, height: number): void {
  doc.save();
  doc.rect(x, y, width, height).clip();
  drawSvgWith(doc, svg, x, y, {
    width,
    height,
    assumePt: true,
    preserveAspectRatio: 'xMidYMin meet',
    fontCallback: svgFont,
    warningCallback: () => undefined,
  });
  doc.restore();
}

// ---------------------------------------------------------------------------------------------
// The plan

interface CellLayout {
  lines: string[];
  st: TextStyle;
}

const LIST_INDENT = 14;
const PARAGRAPH_AFTER = 6;
/** Lists up to this tall (points) are not split across pages. */
const SHORT_LIST = 120;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const GRID = '#b4b4b4';
const HEADER_FILL = '#e4e8ec';

class PlanWriter {
  private readonly top: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly width: number;
  private y: number;
  private readonly root: StructElement;
  private readonly bookmarks: PDFKit.PDFOutline[] = [];
  private readonly wheel: { svg: string; ratio: number };

  constructor(
    private readonly doc: Doc,
    private readonly outline: Outline,
    wheelSvg: string,
  ) {
    const page = doc.page;
    this.top = page.margins.top;
    this.bottom = page.height - page.margins.bottom;
    this.left = page.margins.left;
    this.width = page.width - page.margins.left - page.margins.right;
    this.y = this.top;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    const ext = svgExtent(wheelSvg);
    this.wheel = {
      svg: cropSvg(wheelSvg, ext.contentBottom),
      ratio: ext.contentBottom / ext.width,
    };
  }

  write(): void {
    this.titleBlock();
    this.outline.blocks.forEach((block, i) => this.block(block, i));
    this.root.end();
    this.runningHeadAndFoot();
  }

  // --- Page flow

  private get contentHeight(): number {
    return this.bottom - this.top;
  }

  private get atTop(): boolean {
    return this.y <= this.top + 0.5;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below (or we are already at the top). */
  private ensure(height: number): void {
    if (!this.atTop && this.y + height > this.bottom) this.newPage();
  }

  private space(points: number): void {
    if (!this.atTop) this.y = Math.min(this.bottom, this.y + points);
  }

  /**
   * Writes wrapped lines at `x`, breaking pages as needed: never one line alone at the bottom of
   * a page or at the top of the next. Each page's part is one marked content of `element`.
   */
  private flowLines(lines: string[], st: TextStyle, x: number, element: StructElement): void {
    this.ensure(Math.min(lines.length, 2) * st.leading);
    let i = 0;
    while (i < lines.length) {
      let fit = Math.floor((this.bottom - this.y) / st.leading + 1e-6);
      if (fit < lines.length - i && lines.length - i - fit === 1 && fit > 1) fit -= 1;
      if (fit <= 0 || (fit === 1 && lines.length - i > 1 && !this.atTop)) {
        this.newPage();
        continue;
      }
      const part = lines.slice(i, i + fit);
      const y0 = this.y;
      element.add(() =>
        part.forEach((line, k) => drawLine(this.doc, line, st, x, y0 + k * st.leading)),
      );
      this.y += part.length * st.leading;
      i += part.length;
      if (i < lines.length) this.newPage();
    }
  }

  // --- Title and facts

  private titleBlock(): void {
    const { doc, outline } = this;
    const lines = wrapText(doc, outline.title, S.title, this.width);
    const h1 = tag(doc, this.root, 'H1');
    this.flowLines(lines, S.title, this.left, h1);
    this.bookmarks[1] = doc.outline.addItem(outline.title);
    this.y += 10;
    const labelWidth = Math.max(
      70,
      ...outline.meta.map((m) => {
        doc.font(S.metaLabel.font).fontSize(S.metaLabel.size);
        return doc.widthOfString(m.label) + 12;
      }),
    );
    for (const m of outline.meta) {
      const values = wrapText(doc, m.value, S.metaValue, this.width - labelWidth);
      const p = tag(doc, this.root, 'P');
      const y0 = this.y;
      p.add(() => {
        drawLine(doc, m.label, S.metaLabel, this.left, y0);
        values.forEach((v, k) =>
          drawLine(doc, v, S.metaValue, this.left + labelWidth, y0 + k * S.metaValue.leading),
        );
      });
      this.y += values.length * S.metaValue.leading + 2;
    }
    this.y += 8;
    const ruleY = this.y;
    artifact(doc, () =>
      doc
        .moveTo(this.left, ruleY)
        .lineTo(this.left + this.width, ruleY)
        .lineWidth(0.75)
        .strokeColor('#999999')
        .stroke(),
    );
    this.y += 6;
  }

  // --- Blocks

  /**
   * A table's caption is left out when it only repeats the heading it stands under (the first
   * table after a heading with the same text).
   */
  private captionIsHeading(index: number): boolean {
    const block = this.outline.blocks[index];
    if (block?.kind !== 'table') return false;
    for (let i = index - 1; i >= 0; i--) {
      const before = this.outline.blocks[i];
      if (before?.kind === 'heading') return before.text === block.caption;
      if (before?.kind === 'table' || before?.kind === 'wheel') return false;
    }
    return false;
  }

  private block(block: Block, index: number): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block, index);
      case 'paragraph':
        return this.paragraph(block.text, block.style);
      case 'list':
        return this.list(block.items);
      case 'table':
        return this.table(block, this.captionIsHeading(index));
      case 'wheel':
        return this.figure(block.alt);
      case 'pagebreak':
        if (!this.atTop) this.newPage();
        return;
    }
  }

  /** The least height that must fit on the page with block `index` (for keeping together). */
  private keepHeight(index: number, depth = 0): number {
    const block = this.outline.blocks[index];
    if (!block || depth > 4) return 0;
    switch (block.kind) {
      case 'heading': {
        const st = HEADING_STYLE[block.level];
        const lines = wrapText(this.doc, block.text, st, this.width).length;
        const own = lines * st.leading + HEADING_SPACE_AFTER[block.level];
        // A short introduction goes along with the heading, and so does the start of what follows.
        const next = this.outline.blocks[index + 1];
        if (next?.kind === 'paragraph') {
          const pst = this.paragraphStyle(next.style);
          const plines = wrapText(this.doc, next.text, pst, this.width).length;
          if (plines <= 3) {
            return (
              own + plines * pst.leading + PARAGRAPH_AFTER + this.keepHeight(index + 2, depth + 1)
            );
          }
        }
        return own + this.keepHeight(index + 1, depth + 1);
      }
      case 'paragraph': {
        const st = this.paragraphStyle(block.style);
        return Math.min(2, wrapText(this.doc, block.text, st, this.width).length) * st.leading;
      }
      case 'list': {
        const whole = this.listHeight(block.items);
        if (whole <= SHORT_LIST) return whole;
        const first = block.items[0] ?? '';
        const lines = wrapText(this.doc, first, S.body, this.width - LIST_INDENT).length;
        return Math.min(2, lines) * S.body.leading;
      }
      case 'table': {
        const t = this.tableLayout(block, this.captionIsHeading(index));
        return t.captionHeight + t.header.height + this.firstRowPart(t.rows[0]?.height ?? 0, t);
      }
      case 'wheel':
        return this.figureSize(block.alt).total;
      case 'pagebreak':
        return 0;
    }
  }

  private heading(block: Extract<Block, { kind: 'heading' }>, index: number): void {
    const { doc } = this;
    const st = HEADING_STYLE[block.level];
    this.space(HEADING_SPACE_BEFORE[block.level]);
    this.ensure(Math.min(this.keepHeight(index), this.contentHeight));
    const lines = wrapText(doc, block.text, st, this.width);
    const element = tag(doc, this.root, `H${block.level}`);
    const y0 = this.y;
    element.add(() =>
      lines.forEach((line, k) => drawLine(doc, line, st, this.left, y0 + k * st.leading)),
    );
    this.y += lines.length * st.leading + HEADING_SPACE_AFTER[block.level];
    // Bookmarks: under the nearest higher level.
    const parent = this.bookmarks
      .slice(0, block.level)
      .reverse()
      .find((b) => b !== undefined);
    const item = (parent ?? doc.outline).addItem(block.text);
    this.bookmarks[block.level] = item;
    this.bookmarks.length = block.level + 1;
  }

  private paragraphStyle(kind: 'lead' | 'small' | undefined): TextStyle {
    return kind === 'lead' ? S.lead : kind === 'small' ? S.small : S.body;
  }

  private paragraph(text: string, kind?: 'lead' | 'small'): void {
    const st = this.paragraphStyle(kind);
    const lines = wrapText(this.doc, text, st, this.width);
    this.flowLines(lines, st, this.left, tag(this.doc, this.root, 'P'));
    this.y += PARAGRAPH_AFTER;
  }

  private listHeight(items: string[]): number {
    return items.reduce(
      (h, item) =>
        h + wrapText(this.doc, item, S.body, this.width - LIST_INDENT).length * S.body.leading + 2,
      0,
    );
  }

  private list(items: string[]): void {
    const { doc } = this;
    const whole = this.listHeight(items);
    if (whole <= SHORT_LIST) this.ensure(whole);
    const list = tag(doc, this.root, 'L');
    for (const item of items) {
      const lines = wrapText(doc, item, S.body, this.width - LIST_INDENT);
      this.ensure(Math.min(lines.length, 2) * S.body.leading);
      const li = tag(doc, list, 'LI');
      const y0 = this.y;
      tag(doc, li, 'Lbl').add(() => drawLine(doc, '•', S.body, this.left + 4, y0));
      this.flowLines(lines, S.body, this.left + LIST_INDENT, tag(doc, li, 'LBody'));
      this.y += 2;
    }
    list.end();
    this.y += 4;
  }

  // --- Figure

  /**
   * The wheel at full width, or smaller to fit `room`: by default a page less room for the
   * heading above it, so heading and wheel always fit one page together.
   */
  private figureSize(
    alt: string,
    room = this.contentHeight - FIGURE_HEADING_ROOM,
  ): {
    width: number;
    height: number;
    caption: string[];
    total: number;
  } {
    const caption = wrapText(this.doc, alt, S.figureCaption, this.width);
    const captionHeight = 6 + caption.length * S.figureCaption.leading;
    let width = this.width;
    let height = width * this.wheel.ratio;
    if (height + captionHeight > room) {
      height = room - captionHeight;
      width = height / this.wheel.ratio;
    }
    return { width, height, caption, total: height + captionHeight };
  }

  private figure(alt: string): void {
    const { doc } = this;
    const size = this.figureSize(alt);
    this.ensure(size.total);
    const x = this.left + (this.width - size.width) / 2;
    const y0 = this.y;
    tag(doc, this.root, 'Figure', { alt }).add(() =>
      drawSvg(doc, this.wheel.svg, x, y0, size.width, size.height),
    );
    this.y += size.height + 6;
    this.flowLines(size.caption, S.figureCaption, this.left, tag(doc, this.root, 'P'));
    this.y += 8;
  }

  // --- Tables

  private tableLayout(
    block: Extract<Block, { kind: 'table' }>,
    captionIsHeading: boolean,
  ): {
    widths: number[];
    caption: string[];
    captionHeight: number;
    header: { cells: CellLayout[]; height: number };
    rows: { cells: CellLayout[]; height: number }[];
    styles: CellStyles;
  } {
    const { doc } = this;
    // Row headers are bold when they are names and dates, not when they are whole sentences.
    const boldRowHeaders =
      block.rowHeaders === true && block.rows.every((row) => (row[0] ?? '').length <= 80);
    // Narrow columns get a smaller type.
    const styles = this.width / block.columns.length < 72 ? SMALL_CELLS : CELLS;
    const widths = this.columnWidths(block, boldRowHeaders, styles);
    const inner = (k: number) => Math.max(8, (widths[k] ?? 0) - 2 * CELL_PAD_X);
    const measure = (texts: string[], bold: (k: number) => boolean) => {
      const cells = widths.map((_, k) => {
        const st = bold(k) ? styles.bold : styles.cell;
        return { lines: wrapText(doc, texts[k] ?? '', st, inner(k)), st };
      });
      const lines = Math.max(1, ...cells.map((c) => c.lines.length));
      return { cells, height: lines * styles.cell.leading + 2 * CELL_PAD_Y };
    };
    const caption = captionIsHeading ? [] : wrapText(doc, block.caption, S.caption, this.width);
    return {
      widths,
      caption,
      captionHeight: caption.length > 0 ? caption.length * S.caption.leading + 4 : 0,
      header: measure(
        block.columns.map((c) => c.header),
        () => true,
      ),
      rows: block.rows.map((row) => measure(row, (k) => k === 0 && boldRowHeaders)),
      styles,
    };
  }

  /**
   * Column widths from the relative widths, except that a column too narrow for its longest word
   * takes room from columns that have some to spare (so words are not broken if avoidable).
   */
  private columnWidths(
    block: Extract<Block, { kind: 'table' }>,
    boldRowHeaders: boolean,
    styles: CellStyles,
  ): number[] {
    const { doc } = this;
    const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
    const widths = block.columns.map((c) => (this.width * c.width) / total);
    const longestWord = (text: string, st: TextStyle) => {
      doc.font(st.font).fontSize(st.size);
      const words = text.split(/\s+/).flatMap((w) => w.split(/(?<=[-/])(?=.{2})/));
      return Math.max(0, ...words.map((w) => doc.widthOfString(w)));
    };
    const least = block.columns.map((c, k) =>
      Math.min(
        this.width * 0.3,
        2 * CELL_PAD_X +
          0.5 +
          Math.max(
            longestWord(c.header, styles.bold),
            ...block.rows.map((row) =>
              longestWord(row[k] ?? '', k === 0 && boldRowHeaders ? styles.bold : styles.cell),
            ),
          ),
      ),
    );
    const deficit = widths.reduce((sum, w, k) => sum + Math.max(0, (least[k] ?? 0) - w), 0);
    if (deficit <= 0) return widths;
    // Take from columns with room to spare, first only from those with plenty.
    const room = (factor: number) =>
      widths.map((w, k) => Math.max(0, w - factor * (least[k] ?? 0)));
    let spare = room(1.6);
    if (spare.reduce((a, b) => a + b, 0) < deficit) spare = room(1);
    const spareTotal = spare.reduce((a, b) => a + b, 0);
    if (spareTotal <= 0) return widths;
    const moved = Math.min(deficit, spareTotal);
    return widths.map((w, k) => {
      const l = least[k] ?? 0;
      return l > w ? w + ((l - w) * moved) / deficit : w - ((spare[k] ?? 0) * moved) / spareTotal;
    });
  }

  /** What of a table's first row must fit below its header: all of it, unless it needs pages. */
  private firstRowPart(
    height: number,
    layout: { header: { height: number }; styles: CellStyles },
  ): number {
    return height <= this.contentHeight - layout.header.height
      ? height
      : Math.min(height, 3 * layout.styles.cell.leading + 2 * CELL_PAD_Y);
  }

  private table(block: Extract<Block, { kind: 'table' }>, captionIsHeading: boolean): void {
    const { doc } = this;
    const layout = this.tableLayout(block, captionIsHeading);
    const { widths, header, rows } = layout;
    const xs = widths.map((_, k) => this.left + widths.slice(0, k).reduce((a, b) => a + b, 0));
    const leading = layout.styles.cell.leading;
    const minRow = (h: number) => Math.min(h, 3 * leading + 2 * CELL_PAD_Y);
    this.ensure(
      layout.captionHeight + header.height + this.firstRowPart(rows[0]?.height ?? 0, layout),
    );

    const table = tag(doc, this.root, 'Table');
    if (layout.caption.length > 0) {
      const y0 = this.y;
      tag(doc, table, 'Caption').add(() =>
        layout.caption.forEach((line, k) =>
          drawLine(doc, line, S.caption, this.left, y0 + k * S.caption.leading),
        ),
      );
      this.y += layout.captionHeight;
    }

    /** Cell backgrounds and grid of one row part. */
    const grid = (y: number, height: number, fill?: string) =>
      artifact(doc, () => {
        if (fill) doc.rect(this.left, y, this.width, height).fillColor(fill).fill();
        doc.lineWidth(0.5).strokeColor(GRID);
        widths.forEach((w, k) => doc.rect(xs[k] ?? 0, y, w, height).stroke());
      });
    /** Lines `from`–`to` of every cell, starting at the current y. */
    const drawCells = (
      cells: CellLayout[],
      from: number,
      to: number,
      elements: StructElement[] | undefined,
    ) => {
      const y0 = this.y + CELL_PAD_Y;
      cells.forEach((cell, k) => {
        const draw = () =>
          cell.lines
            .slice(from, to)
            .forEach((line, n) =>
              drawLine(doc, line, cell.st, (xs[k] ?? 0) + CELL_PAD_X, y0 + n * leading),
            );
        const element = elements?.[k];
        if (element) element.add(draw);
        else artifact(doc, draw, 'Pagination');
      });
    };
    const drawHeader = (tagged: boolean) => {
      grid(this.y, header.height, HEADER_FILL);
      let elements: StructElement[] | undefined;
      if (tagged) {
        const tr = tag(doc, table, 'TR');
        elements = header.cells.map(() => tag(doc, tr, 'TH', { scope: 'Column' }));
      }
      drawCells(header.cells, 0, Number.MAX_SAFE_INTEGER, elements);
      this.y += header.height;
    };
    const continueOnNewPage = () => {
      this.newPage();
      drawHeader(false);
    };

    drawHeader(true);
    rows.forEach((row) => {
      const tr = tag(doc, table, 'TR');
      const elements = row.cells.map((_, k) =>
        tag(
          doc,
          tr,
          k === 0 && block.rowHeaders ? 'TH' : 'TD',
          k === 0 && block.rowHeaders ? { scope: 'Row' } : {},
        ),
      );
      if (this.y + row.height > this.bottom) {
        if (row.height <= this.contentHeight - header.height) continueOnNewPage();
        else if (this.bottom - this.y < minRow(row.height)) continueOnNewPage();
      }
      // Draw the row, in parts if it is taller than what is left of the page.
      const lineCount = Math.max(1, ...row.cells.map((c) => c.lines.length));
      let from = 0;
      while (from < lineCount) {
        const fit = Math.floor((this.bottom - this.y - 2 * CELL_PAD_Y) / leading + 1e-6);
        const to = Math.min(lineCount, from + Math.max(1, fit));
        const height = (to - from) * leading + 2 * CELL_PAD_Y;
        grid(this.y, height);
        drawCells(row.cells, from, to, elements);
        this.y += height;
        from = to;
        if (from < lineCount) continueOnNewPage();
      }
    });
    table.end();
    this.y += 10;
  }

  // --- Running header and page numbers

  private runningHeadAndFoot(): void {
    const { doc, outline } = this;
    const range = doc.bufferedPageRange();
    const pages = range.count;
    for (let i = 0; i < pages; i++) {
      doc.switchToPage(range.start + i);
      const page = doc.page;
      artifact(
        doc,
        () => {
          const st = S.running;
          if (i > 0) {
            const head = wrapText(doc, outline.title, st, this.width)[0] ?? '';
            drawLine(doc, head, st, this.left, 30);
            doc
              .moveTo(this.left, 42)
              .lineTo(this.left + this.width, 42)
              .lineWidth(0.5)
              .strokeColor('#bbbbbb')
              .stroke();
          }
          const foot = pageOf(outline.lang, i + 1, pages);
          doc.font(st.font).fontSize(st.size);
          const x = this.left + this.width - doc.widthOfString(foot);
          drawLine(doc, foot, st, x, page.height - 40);
        },
        'Pagination',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The poster

function writePoster(doc: Doc, wheelSvg: string, options: WheelPdfOptions): void {
  const page = doc.page;
  const left = page.margins.left;
  const top = page.margins.top;
  const width = page.width - left - page.margins.right;
  const bottom = page.height - page.margins.bottom;
  const ext = svgExtent(wheelSvg);
  const svg = cropSvg(wheelSvg, ext.contentBottom);

  // The undated list follows the legend's look: same font size, same two columns.
  const undated = options.undated && options.undated.lines.length > 0 ? options.undated : undefined;
  const listAt = (scale: number) => {
    const size = Math.max(6, ext.legendFontSize * scale);
    const body = style(FONT.regular, size, '#1a1a1a', 1.35);
    const head = style(FONT.bold, size, '#1a1a1a', 1.5);
    const columnWidth = ext.width * 0.45 * scale;
    const lines = (undated?.lines ?? []).map((l) => wrapText(doc, l, body, columnWidth - size));
    // Fill the first column top to bottom, then the second, at about equal heights.
    const totalLines = lines.reduce((n, l) => n + l.length, 0);
    let split = lines.length;
    for (let k = 0, n = 0; k < lines.length; k++) {
      n += lines[k]!.length;
      if (n >= totalLines / 2) {
        split = k + 1;
        break;
      }
    }
    const columns = [lines.slice(0, split), lines.slice(split)];
    const rows = Math.max(...columns.map((c) => c.reduce((n, l) => n + l.length, 0)));
    const height = undated ? size * 1.5 + head.leading + rows * body.leading : 0;
    return { body, head, columns, columnWidth, height, size };
  };

  let scale = Math.min(width / ext.width, (bottom - top) / ext.contentBottom);
  for (let k = 0; k < 40; k++) {
    const needed = ext.contentBottom * scale + listAt(scale).height;
    if (top + needed <= bottom) break;
    scale *= 0.97;
  }
  const drawWidth = ext.width * scale;
  const drawHeight = ext.contentBottom * scale;
  const x0 = left + (width - drawWidth) / 2;

  const root = doc.struct('Document');
  doc.addStructure(root);
  tag(doc, root, 'Figure', { alt: options.title }).add(() =>
    drawSvg(doc, svg, x0, top, drawWidth, drawHeight),
  );

  if (undated) {
    const list = listAt(scale);
    const x = x0 + ext.width * 0.05 * scale;
    let y = top + drawHeight + list.size * 1.5 - list.head.size;
    const headY = y;
    tag(doc, root, 'H2').add(() => drawLine(doc, undated.title, list.head, x, headY));
    y += list.head.leading;
    const l = tag(doc, root, 'L');
    list.columns.forEach((column, c) => {
      let cy = y;
      const cx = x + c * list.columnWidth;
      for (const itemLines of column) {
        const y0 = cy;
        tag(doc, tag(doc, l, 'LI'), 'LBody').add(() =>
          itemLines.forEach((line, n) =>
            drawLine(
              doc,
              line,
              list.body,
              cx + (n === 0 ? 0 : list.size),
              y0 + n * list.body.leading,
            ),
          ),
        );
        cy += itemLines.length * list.body.leading;
      }
    });
    l.end();
  }
  root.end();
}
