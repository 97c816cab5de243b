/**
 * The wheel drawn on a 2D canvas: the same picture as `renderLayoutSvg` (months, breaks and
 * holidays, week numbers, rings, items, curved labels, today, title), without the legend, for a
 * screen that redraws the whole wheel on every edit in a few milliseconds instead of patching an
 * SVG document. The canvas is described by the minimal `Canvas2D` interface, so the drawing runs
 * (and is tested) anywhere.
 */
import type { WheelLayout } from './layout.js';
import { textWidth } from './labels.js';
import { arcGlyphs, BASELINE_SHIFT, DEFAULT_FONT_FAMILY, point, type ArcGlyph } from './svg.js';

/** The part of `CanvasRenderingContext2D` the drawing uses. */
export interface Canvas2D {
  /** Set to CSS colours only (a browser's context also takes gradients and patterns). */
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number, anticlockwise?: boolean): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

export interface CanvasOptions {
  /** The part of the drawing to show, `[x, y, width, height]` in layout units (default: the wheel). */
  box?: readonly [number, number, number, number];
  /** Canvas pixels per layout unit along x (default 1). */
  scale?: number;
  /** CSS font-family list (default as in the SVG). */
  fontFamily?: string;
  /** Draw ISO week numbers (default true). */
  weeks?: boolean;
}

const RAD = Math.PI / 180;

/** Angles on the wheel run clockwise from the top; the canvas's run clockwise from 3 o'clock. */
function canvasAngle(angle: number): number {
  return (angle - 90) * RAD;
}

function sector(
  ctx: Canvas2D,
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  start: number,
  end: number,
): void {
  ctx.beginPath();
  const [x0, y0] = point(cx, cy, outer, start);
  ctx.moveTo(x0, y0);
  ctx.arc(cx, cy, outer, canvasAngle(start), canvasAngle(end), false);
  if (inner > 0) ctx.arc(cx, cy, inner, canvasAngle(end), canvasAngle(start), true);
  else ctx.lineTo(cx, cy);
  ctx.closePath();
}

function radialLine(
  ctx: Canvas2D,
  cx: number,
  cy: number,
  r1: number,
  r2: number,
  angle: number,
): void {
  const [x1, y1] = point(cx, cy, r1, angle);
  const [x2, y2] = point(cx, cy, r2, angle);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function fontOf(size: number, bold: boolean, family: string): string {
  return `${bold ? 'bold ' : ''}${size}px ${family}`;
}

/** The drawing's transform: `scale` canvas pixels per unit, the box's corner at the origin. */
interface View {
  k: number;
  bx: number;
  by: number;
}

/**
 * Text along an arc, a character at a time, as the SVG's curved labels. Each character gets its
 * whole transform at once (no save and restore per character), then the view's is put back.
 */
function arcLabel(
  ctx: Canvas2D,
  text: string,
  opts: Parameters<typeof arcGlyphs>[1],
  family: string,
  view: View,
): void {
  writeGlyphs(ctx, arcGlyphs(text, opts), opts, family, view, 0, 0);
  ctx.setTransform(view.k, 0, 0, view.k, -view.bx * view.k, -view.by * view.k);
}

/** Writes laid-out characters, each turned to its angle, `ox` and `oy` pixels left and up. */
function writeGlyphs(
  ctx: Canvas2D,
  glyphs: readonly ArcGlyph[],
  opts: { fontSize: number; bold?: boolean },
  family: string,
  view: View,
  ox: number,
  oy: number,
): void {
  ctx.font = fontOf(opts.fontSize, opts.bold ?? false, family);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const down = opts.fontSize * BASELINE_SHIFT;
  const { k, bx, by } = view;
  for (const gl of glyphs) {
    if (gl.char.trim() === '') continue;
    const r = gl.rotate * RAD;
    const cos = Math.cos(r) * k;
    const sin = Math.sin(r) * k;
    ctx.setTransform(cos, sin, -sin, cos, (gl.x - bx) * k - ox, (gl.y - by) * k - oy);
    ctx.fillText(gl.char, 0, down);
  }
}

/** What every part of the drawing needs: the layout's centre and font size, the family, the view. */
interface Frame {
  layout: WheelLayout;
  family: string;
  view: View;
  box: readonly [number, number, number, number];
  weeks: boolean;
  /** Where texts drawn once are kept and copied from (a painter's); without it, text is set. */
  sprites?: Sprites;
}

function frameOf(layout: WheelLayout, options: CanvasOptions): Frame {
  const g = layout.geometry;
  const [bx, by, bw, bh] = options.box ?? [0, 0, g.size, g.size];
  const k = options.scale ?? 1;
  return {
    layout,
    family: options.fontFamily ?? DEFAULT_FONT_FAMILY,
    view: { k, bx, by },
    box: [bx, by, bw, bh],
    weeks: options.weeks ?? true,
  };
}

function setView(ctx: Canvas2D, { k, bx, by }: View): void {
  ctx.setTransform(k, 0, 0, k, -bx * k, -by * k);
}

/** The background: white, the month sectors with their names, breaks and holidays, the weeks. */
function drawBase(ctx: Canvas2D, f: Frame): void {
  const { layout, family, view } = f;
  const g = layout.geometry;
  const { cx, cy } = g;
  const fs = g.fontSize;
  const [bx, by, bw, bh] = f.box;
  setView(ctx, view);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(bx, by, bw, bh);

  // Month sectors, their borders and names.
  layout.months.forEach((m, i) => {
    ctx.fillStyle = i % 2 ? '#f4f4f4' : '#fbfbfb';
    sector(ctx, cx, cy, g.ringInner, g.monthOuter, m.startAngle, m.endAngle);
    ctx.fill();
  });
  ctx.strokeStyle = '#9a9a9a';
  ctx.lineWidth = g.size / 1000;
  for (const m of layout.months) radialLine(ctx, cx, cy, g.ringInner, g.monthOuter, m.startAngle);
  ctx.fillStyle = '#333333';
  for (const m of layout.months) {
    const midAngle = (m.startAngle + m.endAngle) / 2;
    arcLabel(
      ctx,
      m.name,
      {
        cx,
        cy,
        radius: (g.monthInner + g.monthOuter) / 2,
        midAngle,
        fontSize: fs * 1.5,
        bold: true,
        flip: midAngle > 90 && midAngle < 270,
      },
      family,
      view,
    );
  }

  // Breaks and holidays.
  for (const s of layout.shaded) {
    ctx.fillStyle = s.kind === 'holiday' ? '#d9534f' : '#8a8a8a';
    ctx.globalAlpha = s.kind === 'holiday' ? 0.22 : 0.2;
    sector(ctx, cx, cy, s.inner, s.outer, s.startAngle, s.endAngle);
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  // Week ticks and numbers.
  if (f.weeks) {
    ctx.strokeStyle = '#b0b0b0';
    ctx.lineWidth = g.size / 2000;
    ctx.fillStyle = '#555555';
    ctx.font = fontOf(fs * 0.7, false, family);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    for (const w of layout.weeks) {
      radialLine(ctx, cx, cy, g.weekInner, g.weekOuter, w.angle);
      const [x, y] = point(cx, cy, (g.weekInner + g.weekOuter) / 2, w.midAngle);
      ctx.fillText(String(w.week), x, y + fs * 0.7 * BASELINE_SHIFT);
    }
  }
}

/** A ring's outline and its items. */
function drawRing(ctx: Canvas2D, f: Frame, ring: WheelLayout['rings'][number]): void {
  const g = f.layout.geometry;
  const { cx, cy } = g;
  ctx.strokeStyle = ring.colour;
  ctx.globalAlpha = 0.35;
  ctx.lineWidth = g.size / 1000;
  sector(ctx, cx, cy, ring.inner, ring.outer, 0, 360);
  ctx.stroke();
  ctx.globalAlpha = 1;
  for (const it of ring.items) {
    sector(ctx, cx, cy, it.inner, it.outer, it.startAngle, it.endAngle);
    ctx.fillStyle = it.colour;
    if (it.mark) {
      ctx.fill();
      if (it.emphasis) {
        ctx.strokeStyle = '#000000';
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    } else {
      ctx.globalAlpha = it.emphasis ? 0.55 : 0.3;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.strokeStyle = it.colour;
      ctx.lineWidth = g.size / 1000;
      ctx.stroke();
    }
  }
}

/** The items' labels along their arcs. */
function drawLabels(ctx: Canvas2D, f: Frame, items: WheelLayout['items']): void {
  const { cx, cy } = f.layout.geometry;
  const sprites = f.sprites;
  ctx.fillStyle = LABEL_COLOUR;
  // Kept labels are copied pixel for pixel: no transform.
  if (sprites) ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (const it of items) {
    const c = it.caption;
    if (!c.text) continue;
    const opts = labelOptions(c, cx, cy);
    if (!sprites) {
      arcLabel(ctx, c.text, opts, f.family, f.view);
      continue;
    }
    if (sprites.put(ctx as LayerContext2D, labelKey(c), () => labelSprite(c.text, opts, f))) {
      continue;
    }
    arcLabel(ctx, c.text, opts, f.family, f.view);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }
  if (sprites) setView(ctx, f.view);
}

const LABEL_COLOUR = '#1a1a1a';

type Caption = WheelLayout['items'][number]['caption'];

/** Where and how an item's label is written. */
function labelOptions(c: Caption, cx: number, cy: number): Parameters<typeof arcGlyphs>[1] {
  return {
    cx,
    cy,
    radius: c.radius,
    midAngle: (c.startAngle + c.endAngle) / 2,
    fontSize: c.fontSize,
    bold: c.bold || c.legendNumber !== undefined,
    flip: c.flip,
  };
}

/** Everything a label's pixels depend on in one view. */
function labelKey(c: Caption): string {
  const bold = c.bold || c.legendNumber !== undefined ? 1 : 0;
  return `${c.text}\u0000${c.fontSize}\u0000${bold}\u0000${c.radius}\u0000${c.startAngle + c.endAngle}\u0000${c.flip ? 1 : 0}`;
}

/** A label on a canvas of its own: the pixels its characters may reach, and how to write them. */
function labelSprite(text: string, opts: Parameters<typeof arcGlyphs>[1], f: Frame): SpriteDrawing {
  const glyphs = arcGlyphs(text, opts);
  const { k, bx, by } = f.view;
  // A character lies within a font size of its place on the arc (its middle, at the baseline
  // shift), whatever its rotation; two pixels more for smoothing.
  const reach = opts.fontSize * k + 2;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const gl of glyphs) {
    if (gl.char.trim() === '') continue;
    const x = (gl.x - bx) * k;
    const y = (gl.y - by) * k;
    box[0] = Math.min(box[0], x - reach);
    box[1] = Math.min(box[1], y - reach);
    box[2] = Math.max(box[2], x + reach);
    box[3] = Math.max(box[3], y + reach);
  }
  return {
    box,
    write: (c, ox, oy) => {
      c.fillStyle = LABEL_COLOUR;
      writeGlyphs(c, glyphs, opts, f.family, f.view, ox, oy);
    },
  };
}

/** Today's line and dot, then the title in the centre: drawn over everything. */
function drawTop(ctx: Canvas2D, f: Frame): void {
  const { layout, family } = f;
  const g = layout.geometry;
  const { cx, cy } = g;
  const fs = g.fontSize;
  if (layout.today) {
    const a = layout.today.angle;
    ctx.strokeStyle = '#d62728';
    ctx.lineWidth = g.size / 400;
    radialLine(ctx, cx, cy, g.ringInner, g.monthOuter, a);
    const [tx, ty] = point(cx, cy, g.monthOuter + fs * 0.2, a);
    ctx.fillStyle = '#d62728';
    ctx.beginPath();
    ctx.arc(tx, ty, fs * 0.35, 0, 2 * Math.PI);
    ctx.fill();
  }

  const sprites = f.sprites;
  if (!sprites) {
    writeTitle(ctx, layout, family);
    return;
  }
  // The title as a kept picture too: setting a font on the screen's canvas makes the browser
  // work out the page's styles first, in the middle of an edit.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const kept = sprites.put(ctx as LayerContext2D, titleKey(layout), () => titleSprite(f));
  setView(ctx, f.view);
  if (!kept) writeTitle(ctx, layout, family);
}

/** The title as a picture: the pixels its two lines may reach, and how to write them. */
function titleSprite(f: Frame): SpriteDrawing {
  const { layout, family } = f;
  const { spec, geometry: g } = layout;
  const { cx, cy } = g;
  const fs = g.fontSize;
  const { k, bx, by } = f.view;
  // Half the title's width by its metrics, with room for a wider font, and its two lines.
  const half =
    Math.max(textWidth(spec.title, fs * 2, true), textWidth(spec.subtitle ?? '', fs * 1.2)) * 0.65 +
    fs * 2;
  return {
    box: [
      (cx - half - bx) * k,
      (cy - fs * 4 - by) * k,
      (cx + half - bx) * k,
      (cy + fs * 3.5 - by) * k,
    ],
    write: (c, ox, oy) => {
      c.setTransform(k, 0, 0, k, -bx * k - ox, -by * k - oy);
      writeTitle(c, layout, family);
    },
  };
}

/**
 * Makes the pictures of the items' labels and the title that a paint will copy, before it copies
 * any (see `Sprites.prepare`).
 */
function prepareTexts(f: Frame, items: WheelLayout['items']): void {
  const sprites = f.sprites;
  if (!sprites) return;
  const { cx, cy } = f.layout.geometry;
  for (const it of items) {
    const c = it.caption;
    if (!c.text) continue;
    const opts = labelOptions(c, cx, cy);
    sprites.prepare(labelKey(c), () => labelSprite(c.text, opts, f));
  }
  sprites.prepare(titleKey(f.layout), () => titleSprite(f));
}

/** The title's key among the kept pictures (no label's starts so). */
function titleKey(layout: WheelLayout): string {
  return `\u0001${layout.spec.title}\u0000${layout.spec.subtitle ?? ''}`;
}

/** The title and subtitle in the centre, in the drawing's units. */
function writeTitle(ctx: Canvas2D, layout: WheelLayout, family: string): void {
  const { spec, geometry: g } = layout;
  const { cx, cy } = g;
  const fs = g.fontSize;
  ctx.fillStyle = LABEL_COLOUR;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = fontOf(fs * 2, true, family);
  ctx.fillText(spec.title, cx, cy - (spec.subtitle ? fs * 0.9 : 0) + fs * 2 * BASELINE_SHIFT);
  if (spec.subtitle) {
    ctx.font = fontOf(fs * 1.2, false, family);
    ctx.fillText(spec.subtitle, cx, cy + fs * 1.4 + fs * 1.2 * BASELINE_SHIFT);
  }
}

/** Draws the wheel of a laid-out årshjul (not its legend) on `ctx`, clearing what was there. */
export function drawWheelCanvas(
  ctx: Canvas2D,
  layout: WheelLayout,
  options: CanvasOptions = {},
): void {
  const f = frameOf(layout, options);
  drawBase(ctx, f);
  drawRest(ctx, f);
}

/** Everything over the background: the rings and their items, the labels, today, the title. */
function drawRest(ctx: Canvas2D, f: Frame): void {
  for (const ring of f.layout.rings) drawRing(ctx, f, ring);
  drawLabels(ctx, f, f.layout.items);
  drawTop(ctx, f);
}

/** A 2D context that can also clip to a rectangle and copy another canvas (for `WheelPainter`). */
export interface LayerContext2D extends Canvas2D {
  rect(x: number, y: number, w: number, h: number): void;
  clip(): void;
  /** Copies `image` at `(dx, dy)`, or its part `(sx, sy, sw, sh)` to `(dx, dy, dw, dh)`. */
  drawImage(image: never, ...place: number[]): void;
}

/** A canvas of its own for the background the painter keeps (a DOM or an offscreen canvas). */
export interface LayerCanvas {
  width: number;
  height: number;
  /** With `{ alpha: false }` for the background: opaque, so copying it back is a plain copy. */
  getContext(kind: '2d', options?: { alpha?: boolean }): unknown;
}

/** What the last `paint` did (for measuring). */
export interface PaintReport {
  /** The whole wheel was drawn (the first time, or after a change of more than some items). */
  full: boolean;
  /** The rectangles drawn again, in canvas pixels `[x, y, width, height]` (none after a whole drawing). */
  rects: [number, number, number, number][];
  /** How many items (with their labels) were drawn. */
  items: number;
  /** How many pictures of labels (and the title) the painter keeps after this paint. */
  kept: number;
  /** How many of them this paint wrote (new or changed labels); the others were copied. */
  written: number;
}

/** A box in layout units: `[left, top, right, bottom]`. */
type Box = [number, number, number, number];

/** A text to keep as a picture: the canvas pixels it may reach, and how to write it there. */
interface SpriteDrawing {
  box: Box;
  /** Writes the text on `c`, whose top left corner is the screen's pixel `(ox, oy)`. */
  write(c: Canvas2D, ox: number, oy: number): void;
}

/** A kept picture: where it lies on its page, and the screen pixel its top left corner goes on. */
interface Sprite {
  page: Page;
  /** The page's use when it was written (a page used again drops what it had). */
  use: number;
  sx: number;
  sy: number;
  w: number;
  h: number;
  x: number;
  y: number;
}

/** A canvas that pictures are packed on in rows (shelves), left to right, top to bottom. */
interface Page {
  canvas: LayerCanvas;
  ctx: LayerContext2D;
  /** How often the page has been cleared and used again. */
  use: number;
  /** The keys of the pictures on it. */
  keys: string[];
  x: number;
  y: number;
  row: number;
}

/** Keys of labels off the canvas kept at most (then forgotten, and worked out again). */
const MOST_UNSEEN = 10_000;

/** Options of a `WheelPainter`'s store of label pictures. */
export interface SpriteOptions {
  /** The side of a page of pictures, in pixels (default 512). */
  pageSize?: number;
  /** Most pages kept (default 32: 32 MB at four bytes a pixel); then the oldest is used again. */
  pages?: number;
}

/**
 * Texts drawn once and then copied: setting text a character at a time (a label follows its arc)
 * is most of the time a drawing takes, and an edit changes few labels. Pictures are packed on a
 * few large canvases (pages) — no canvas per label — at whole-pixel offsets in the screen's view,
 * so copying one gives the pixels writing the text there gives. Kept for one view (scale, box,
 * canvas size); a new view starts afresh. When the pages are full, the oldest is cleared and used
 * again (its labels are written again when next drawn).
 */
class Sprites {
  private kept = new Map<string, Sprite | 'unseen'>();
  private pages: Page[] = [];
  /** The page written on now (an index into `pages`). */
  private current = 0;
  private viewKey = '';
  private width = 0;
  private height = 0;
  private readonly pageSize: number;
  private readonly maxPages: number;
  /** Pictures made since the count was last taken. */
  made = 0;
  /** How many keys are kept of labels off the canvas. */
  private unseen = 0;

  constructor(
    private readonly makeLayer: (width: number, height: number) => LayerCanvas | null,
    options: SpriteOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 512;
    this.maxPages = Math.max(1, options.pages ?? 32);
  }

  /** Starts a paint in `viewKey` (everything the pictures' pixels depend on besides the text). */
  begin(viewKey: string, width: number, height: number): void {
    const key = `${width}x${height}\u0000${viewKey}`;
    if (key === this.viewKey) return;
    this.clear();
    this.viewKey = key;
    this.width = width;
    this.height = height;
  }

  /** Drops every picture (the pages are cleared as they are written on again). */
  clear(): void {
    this.kept.clear();
    this.unseen = 0;
    for (const page of this.pages) this.reuse(page);
    this.current = 0;
  }

  /** How many pictures are kept. */
  get size(): number {
    return this.kept.size;
  }

  /**
   * Makes the picture for `key` with `drawing()` now, unless it is kept. A paint makes every
   * picture it needs before it copies any: a page written on after it was copied is copied whole
   * by the browser first (the copy it gave stays as it was), once per picture written.
   */
  prepare(key: string, drawing: () => SpriteDrawing): void {
    this.get(key, drawing);
  }

  /**
   * Copies the picture kept as `key` onto `ctx` (its transform the identity), making it first
   * with `drawing()`; false when it cannot be kept (no canvas, or larger than a page), for the
   * caller to write the text itself.
   */
  put(ctx: LayerContext2D, key: string, drawing: () => SpriteDrawing): boolean {
    const sprite = this.get(key, drawing);
    if (sprite === null) return false;
    if (sprite !== 'unseen') {
      const { page, sx, sy, w, h, x, y } = sprite;
      ctx.drawImage(page.canvas as never, sx, sy, w, h, x, y, w, h);
    }
    return true;
  }

  private get(key: string, drawing: () => SpriteDrawing): Sprite | 'unseen' | null {
    const sprite = this.kept.get(key);
    if (sprite !== undefined && (sprite === 'unseen' || sprite.use === sprite.page.use)) {
      return sprite;
    }
    const made = this.make(drawing());
    if (made === null) return null;
    this.kept.set(key, made);
    if (made === 'unseen') {
      // Labels off the canvas (zoomed in) cost a key each: forgotten once there are many.
      if (++this.unseen > MOST_UNSEEN) this.forgetUnseen();
    } else made.page.keys.push(key);
    return made;
  }

  private forgetUnseen(): void {
    for (const [key, sprite] of this.kept) if (sprite === 'unseen') this.kept.delete(key);
    this.unseen = 0;
  }

  private make(d: SpriteDrawing): Sprite | 'unseen' | null {
    const { width, height } = this;
    // Only the part on the canvas, in whole pixels.
    const x0 = Math.max(0, Math.floor(d.box[0]));
    const y0 = Math.max(0, Math.floor(d.box[1]));
    const x1 = Math.min(width, Math.ceil(d.box[2]));
    const y1 = Math.min(height, Math.ceil(d.box[3]));
    if (!(x1 > x0 && y1 > y0)) return 'unseen';
    const w = x1 - x0;
    const h = y1 - y0;
    const spot = this.place(w, h);
    if (!spot) return null;
    const { page, sx, sy } = spot;
    const c = page.ctx;
    // Written inside its place only: a character reaching further would spoil a neighbour.
    c.save();
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.beginPath();
    c.rect(sx, sy, w, h);
    c.clip();
    d.write(c, x0 - sx, y0 - sy);
    c.restore();
    this.made++;
    return { page, use: page.use, sx, sy, w, h, x: x0, y: y0 };
  }

  /** A free place of `w × h` pixels on a page: the current one, a new one, or the oldest again. */
  private place(w: number, h: number): { page: Page; sx: number; sy: number } | null {
    const size = this.pageSize;
    if (w > size || h > size) return null;
    for (let tries = 0; tries <= this.maxPages; tries++) {
      const page = this.pages[this.current] ?? this.newPage();
      if (!page) return null;
      if (page.x + w > size) {
        page.y += page.row;
        page.x = 0;
        page.row = 0;
      }
      if (page.y + h <= size) {
        const spot = { page, sx: page.x, sy: page.y };
        page.x += w;
        page.row = Math.max(page.row, h);
        return spot;
      }
      // Full: the next page (a new one while there may be more, else the oldest, cleared).
      this.current = (this.current + 1) % this.maxPages;
      const next = this.pages[this.current];
      if (next) this.reuse(next);
    }
    return null;
  }

  private newPage(): Page | null {
    const canvas = this.makeLayer(this.pageSize, this.pageSize);
    const ctx = canvas?.getContext('2d') as LayerContext2D | null | undefined;
    if (!canvas || !ctx) return null;
    const page: Page = { canvas, ctx, use: 0, keys: [], x: 0, y: 0, row: 0 };
    this.pages[this.current] = page;
    return page;
  }

  /** Clears a page to write on it again; the pictures it had are written again when drawn. */
  private reuse(page: Page): void {
    for (const key of page.keys) {
      const sprite = this.kept.get(key);
      if (sprite !== undefined && sprite !== 'unseen' && sprite.page === page)
        this.kept.delete(key);
    }
    page.keys = [];
    page.use++;
    page.x = 0;
    page.y = 0;
    page.row = 0;
    // Setting the size clears a canvas.
    page.canvas.width = this.pageSize;
  }
}

/** What the painter remembers of each item: its key and the box its ink lies in. */
type ItemMemory = Map<string, { key: string; box: Box }>;

/**
 * Above this share of the canvas, or of the items to draw again, or this many rectangles, a
 * whole drawing (over the kept background) is as quick as drawing the parts again.
 */
const MOST_OF_IT = 0.6;
const MOST_ITEMS = 0.5;
const MOST_RECTS = 4;
/** Items changed (before and after) above which the rectangles are not worked out. */
const MOST_BOXES = 64;

/**
 * Draws a wheel on the same canvas again and again, drawing only what changed. The background
 * (months, breaks and holidays, weeks) is kept on a canvas of its own. When only items changed
 * (a rhythm edit adds, moves or removes some, and legend numbers after them shift), only the
 * rectangles where they are or were are drawn again: clipped to each rectangle (whole canvas
 * pixels, so the edges are drawn exactly as in a whole drawing), the kept background is copied
 * back, then every item and label that reaches into it is drawn in the usual order, with today's
 * line and the title over them. The picture is, pixel for pixel, the one a whole drawing gives.
 *
 * Labels and the title are written once, on pages of pictures (see `Sprites`), and copied from
 * there: a whole drawing after an edit writes only the labels the edit changed, and no text is
 * set on the screen's canvas at all (a font set there makes a browser work out the page's styles
 * first, in the middle of an edit).
 *
 * `makeLayer(width, height)` makes the painter's own canvases (`document.createElement('canvas')`
 * or an `OffscreenCanvas`): the background and the pages; without one (or when it gives none)
 * every paint is a whole drawing that writes every text. `spriteOptions` sizes the pages.
 * The canvas painted on must keep its pixels between paints: call `reset()` when it was cleared
 * (resized) or drawn on by anything else.
 */
export class WheelPainter {
  private base: { key: string; canvas: LayerCanvas } | null = null;
  /** The last paint: its frame, its layout, and (once asked for) what it drew of each item. */
  private last: { key: string; layout: WheelLayout; items?: ItemMemory } | null = null;
  /** The labels and the title, kept as pictures on pages. */
  private readonly sprites: Sprites | null;

  constructor(
    private readonly makeLayer?: (width: number, height: number) => LayerCanvas | null,
    spriteOptions?: SpriteOptions,
  ) {
    this.sprites = makeLayer ? new Sprites(makeLayer, spriteOptions) : null;
  }

  /** Forgets what is on the canvas: the next paint draws the whole wheel. */
  reset(): void {
    this.last = null;
  }

  /**
   * Paints `layout` on `ctx` (a canvas of `width × height` pixels), as `drawWheelCanvas` would,
   * drawing again only what changed since the last paint.
   */
  paint(
    ctx: LayerContext2D,
    layout: WheelLayout,
    options: CanvasOptions & { width: number; height: number },
  ): PaintReport {
    const { width, height } = options;
    const f = frameOf(layout, options);
    const sprites = this.sprites;
    if (sprites) {
      const { k, bx, by } = f.view;
      const { cx, cy } = layout.geometry;
      sprites.begin(
        `${k}\u0000${bx}\u0000${by}\u0000${cx}\u0000${cy}\u0000${f.family}`,
        width,
        height,
      );
      f.sprites = sprites;
    }
    const drawn = this.paintFrame(ctx, layout, f, width, height);
    const written = sprites?.made ?? 0;
    if (sprites) sprites.made = 0;
    return { ...drawn, kept: sprites?.size ?? 0, written };
  }

  private paintFrame(
    ctx: LayerContext2D,
    layout: WheelLayout,
    f: Frame,
    width: number,
    height: number,
  ): Omit<PaintReport, 'kept' | 'written'> {
    const baseKey = baseKeyOf(f, width, height);
    const frameKey = `${baseKey}\u0001${topKeyOf(layout)}\u0001${ringsKeyOf(layout)}`;
    const base = this.baseFor(f, baseKey, width, height);
    const last = this.last;
    // What each item drew is worked out only when the frame stayed (parts may then be enough).
    const same = base !== null && last !== null && last.key === frameKey;
    const memory = same ? itemMemory(layout) : undefined;
    this.last = { key: frameKey, layout, ...(memory ? { items: memory } : {}) };
    const rects =
      same && memory
        ? dirtyRects(last.items ?? itemMemory(last.layout), memory, f, width, height)
        : null;
    if (!base || !rects || !memory) {
      prepareTexts(f, layout.items);
      if (base) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.globalAlpha = 1;
        ctx.drawImage(base as never, 0, 0);
        setView(ctx, f.view);
      } else drawBase(ctx, f);
      drawRest(ctx, f);
      return { full: true, rects: [], items: layout.items.length };
    }
    // What reaches into each rectangle; when that is most of the wheel, a whole drawing is quicker.
    const { k, bx, by } = f.view;
    const parts = rects.map(([x, y, w, h]) => {
      const inside: Box = [x / k + bx, y / k + by, (x + w) / k + bx, (y + h) / k + by];
      return layout.rings.map((ring) =>
        ring.items.filter((it) => overlaps(memory.get(itemKey(it))!.box, inside)),
      );
    });
    const drawn = parts.reduce((sum, rings) => sum + rings.reduce((n, r) => n + r.length, 0), 0);
    if (rects.length > MOST_RECTS || drawn > MOST_ITEMS * layout.items.length) {
      prepareTexts(f, layout.items);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.drawImage(base as never, 0, 0);
      setView(ctx, f.view);
      drawRest(ctx, f);
      return { full: true, rects: [], items: layout.items.length };
    }
    prepareTexts(f, parts.flat(2));
    rects.forEach(([x, y, w, h], i) => {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
      ctx.globalAlpha = 1;
      ctx.drawImage(base as never, 0, 0);
      setView(ctx, f.view);
      const items: WheelLayout['items'] = [];
      layout.rings.forEach((ring, r) => {
        const some = parts[i]![r]!;
        items.push(...some);
        drawRing(ctx, f, { ...ring, items: some });
      });
      drawLabels(ctx, f, items);
      drawTop(ctx, f);
      ctx.restore();
    });
    return { full: false, rects, items: drawn };
  }

  /** The background on its own canvas, drawn again only when it changed. */
  private baseFor(f: Frame, key: string, width: number, height: number): LayerCanvas | null {
    if (this.base?.key === key) return this.base.canvas;
    const canvas =
      this.base && this.base.canvas.width === width && this.base.canvas.height === height
        ? this.base.canvas
        : (this.makeLayer?.(width, height) ?? null);
    const ctx = canvas?.getContext('2d', { alpha: false }) as Canvas2D | null | undefined;
    if (!canvas || !ctx) {
      this.base = null;
      return null;
    }
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    drawBase(ctx, f);
    this.base = { key, canvas };
    return canvas;
  }
}

/** Counts items that share an id with another (each gets a key of its own, never seen again). */
let duplicates = 0;

function itemKey(it: WheelLayout['items'][number]): string {
  return `${it.ringId}\u0000${it.id}`;
}

function overlaps(a: Box, b: Box): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** Degrees a length of `units` takes at `radius`. */
function degrees(units: number, radius: number): number {
  return (units / (Math.PI * Math.max(radius, 1e-9))) * 180;
}

/** The box around the part of the ring between `inner` and `outer` from `start` to `end` degrees. */
function sectorBox(
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  start: number,
  end: number,
): Box {
  if (end - start >= 360) return [cx - outer, cy - outer, cx + outer, cy + outer];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (r: number, angle: number) => {
    const [x, y] = point(cx, cy, r, angle);
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  };
  for (const r of [inner, outer]) {
    add(r, start);
    add(r, end);
  }
  // The sector's outermost points: where it crosses 12, 3, 6 and 9 o'clock.
  for (let a = Math.ceil(start / 90) * 90; a <= end; a += 90) add(outer, a);
  return box;
}

/**
 * Each item's key (everything its drawing depends on) and the box its ink lies in: its sector and
 * its label's, the label widened for a font wider than the metrics it was measured with, and a
 * margin for strokes and smoothing.
 */
function itemMemory(layout: WheelLayout): ItemMemory {
  const memory: ItemMemory = new Map();
  const { cx, cy, size } = layout.geometry;
  const margin = size / 200;
  for (const ring of layout.rings) {
    for (const it of ring.items) {
      const c = it.caption;
      const key = `${ring.colour}:${it.startAngle}:${it.endAngle}:${it.inner}:${it.outer}:${it.mark ? 1 : 0}${it.emphasis ? 1 : 0}:${it.colour}:${c.text}:${c.fontSize}:${c.bold ? 1 : 0}:${c.legendNumber ?? ''}:${c.radius}:${c.startAngle}:${c.endAngle}:${c.flip ? 1 : 0}`;
      const box = sectorBox(cx, cy, it.inner, it.outer, it.startAngle, it.endAngle);
      if (c.text) {
        const widen = (c.endAngle - c.startAngle) * 0.25 + degrees(c.fontSize, c.radius);
        const label = sectorBox(
          cx,
          cy,
          c.radius - c.fontSize,
          c.radius + c.fontSize,
          c.startAngle - widen,
          c.endAngle + widen,
        );
        box[0] = Math.min(box[0], label[0]);
        box[1] = Math.min(box[1], label[1]);
        box[2] = Math.max(box[2], label[2]);
        box[3] = Math.max(box[3], label[3]);
      }
      const id = itemKey(it);
      // Two items with one id cannot be told apart: a key no other paint gives draws it again.
      const seen = memory.has(id);
      memory.set(seen ? `${id}\u0000${memory.size}` : id, {
        key: seen ? `\u0000${++duplicates}` : key,
        box: [box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin],
      });
    }
  }
  return memory;
}

/**
 * Where the wheel changed, as whole-pixel rectangles of the canvas: around the items gone, new or
 * changed (as they were and as they are), overlapping ones merged; null when that is most of the
 * canvas (a whole drawing then).
 */
function dirtyRects(
  before: ItemMemory,
  after: ItemMemory,
  f: Frame,
  width: number,
  height: number,
): [number, number, number, number][] | null {
  const boxes: Box[] = [];
  for (const [id, was] of before) {
    const now = after.get(id);
    if (!now || now.key !== was.key) boxes.push(was.box);
  }
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || was.key !== now.key) boxes.push(now.box);
  }
  // Many changes: they are all over the wheel (and merging them would take longer than drawing).
  if (boxes.length > MOST_BOXES) return null;
  const { k, bx, by } = f.view;
  const rects: Box[] = [];
  for (const [x0, y0, x1, y1] of boxes) {
    const r: Box = [
      Math.max(0, Math.floor((x0 - bx) * k) - 1),
      Math.max(0, Math.floor((y0 - by) * k) - 1),
      Math.min(width, Math.ceil((x1 - bx) * k) + 1),
      Math.min(height, Math.ceil((y1 - by) * k) + 1),
    ];
    if (r[2] > r[0] && r[3] > r[1]) rects.push(r);
  }
  // Merge overlapping rectangles until none overlap.
  let merged = true;
  while (merged && rects.length > 1) {
    merged = false;
    for (let i = 0; i < rects.length && !merged; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        if (overlaps(a, b)) {
          rects[i] = [
            Math.min(a[0], b[0]),
            Math.min(a[1], b[1]),
            Math.max(a[2], b[2]),
            Math.max(a[3], b[3]),
          ];
          rects.splice(j, 1);
          merged = true;
          break;
        }
      }
    }
  }
  const area = rects.reduce((sum, r) => sum + (r[2] - r[0]) * (r[3] - r[1]), 0);
  if (area > MOST_OF_IT * width * height) return null;
  return rects.map(([x0, y0, x1, y1]) => [x0, y0, x1 - x0, y1 - y0]);
}

const r2 = (n: number) => Math.round(n * 1e4) / 1e4;

/** Everything the background depends on. */
function baseKeyOf(f: Frame, width: number, height: number): string {
  const { layout } = f;
  const g = layout.geometry;
  const months = layout.months.map((m) => `${m.name}:${r2(m.startAngle)}:${r2(m.endAngle)}`);
  const shaded = layout.shaded.map(
    (s) => `${s.kind}:${r2(s.inner)}:${r2(s.outer)}:${r2(s.startAngle)}:${r2(s.endAngle)}`,
  );
  const weeks = f.weeks ? layout.weeks.map((w) => `${w.week}:${r2(w.angle)}`).join(',') : '-';
  return [
    width,
    height,
    f.box.join(','),
    f.view.k,
    f.family,
    g.size,
    g.ringInner,
    g.weekInner,
    g.weekOuter,
    g.monthInner,
    g.monthOuter,
    g.fontSize,
    months.join(','),
    shaded.join(','),
    weeks,
  ].join('\u0000');
}

/** What is drawn over every ring: today and the title. */
function topKeyOf(layout: WheelLayout): string {
  return `${layout.today?.angle ?? ''}\u0000${layout.spec.title}\u0000${layout.spec.subtitle ?? ''}`;
}

/** The rings' places and outlines: a change there is drawn whole. */
function ringsKeyOf(layout: WheelLayout): string {
  return layout.rings.map((r) => `${r.id}:${r.colour}:${r.inner}:${r.outer}`).join(',');
}
