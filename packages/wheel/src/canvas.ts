/**
 * The wheel drawn on a 2D canvas: the same picture as `renderLayoutSvg` (months, breaks and
 * holidays, week numbers, rings, items, curved labels, today, title), without the legend, for a
 * screen that redraws the whole wheel on every edit in a few milliseconds instead of patching an
 * SVG document. The canvas is described by the minimal `Canvas2D` interface, so the drawing runs
 * (and is tested) anywhere.
 */
import type { WheelLayout } from './layout.js';
import { arcGlyphs, BASELINE_SHIFT, DEFAULT_FONT_FAMILY, point } from './svg.js';

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
  ctx.font = fontOf(opts.fontSize, opts.bold ?? false, family);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const down = opts.fontSize * BASELINE_SHIFT;
  const { k, bx, by } = view;
  for (const gl of arcGlyphs(text, opts)) {
    if (gl.char.trim() === '') continue;
    const r = gl.rotate * RAD;
    const cos = Math.cos(r) * k;
    const sin = Math.sin(r) * k;
    ctx.setTransform(cos, sin, -sin, cos, (gl.x - bx) * k, (gl.y - by) * k);
    ctx.fillText(gl.char, 0, down);
  }
  ctx.setTransform(k, 0, 0, k, -bx * k, -by * k);
}

/** Draws the wheel of a laid-out årshjul (not its legend) on `ctx`, clearing what was there. */
export function drawWheelCanvas(
  ctx: Canvas2D,
  layout: WheelLayout,
  options: CanvasOptions = {},
): void {
  const { spec, geometry: g } = layout;
  const { cx, cy } = g;
  const fs = g.fontSize;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const [bx, by, bw, bh] = options.box ?? [0, 0, g.size, g.size];
  const k = options.scale ?? 1;
  const view: View = { k, bx, by };
  ctx.setTransform(k, 0, 0, k, -bx * k, -by * k);
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
  if (options.weeks ?? true) {
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

  // Rings and their items.
  for (const ring of layout.rings) {
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

  // Labels along their arcs.
  ctx.fillStyle = '#1a1a1a';
  for (const it of layout.items) {
    const c = it.caption;
    if (!c.text) continue;
    arcLabel(
      ctx,
      c.text,
      {
        cx,
        cy,
        radius: c.radius,
        midAngle: (c.startAngle + c.endAngle) / 2,
        fontSize: c.fontSize,
        bold: c.bold || c.legendNumber !== undefined,
        flip: c.flip,
      },
      family,
      view,
    );
  }

  // Today.
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

  // Title in the centre.
  ctx.fillStyle = '#1a1a1a';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = fontOf(fs * 2, true, family);
  ctx.fillText(spec.title, cx, cy - (spec.subtitle ? fs * 0.9 : 0) + fs * 2 * BASELINE_SHIFT);
  if (spec.subtitle) {
    ctx.font = fontOf(fs * 1.2, false, family);
    ctx.fillText(spec.subtitle, cx, cy + fs * 1.4 + fs * 1.2 * BASELINE_SHIFT);
  }
}
