/**
 * A standalone SVG of the wheel: no scripts, no external fonts or images, escaped text,
 * coordinates rounded to 2 decimals, the same string for the same input.
 */
import { formatShortDate, type Lang } from '@arshjul/school-calendar';
import type { WheelSpec } from './spec.js';
import { formatDateRange, layoutWheel, type LayoutOptions, type WheelLayout } from './layout.js';
import { textWidth } from './labels.js';

export interface SvgOptions extends LayoutOptions {
  /** Width of the drawing in user units (default 1000); the height follows the legend. */
  size?: number;
  /** CSS font-family list (default a sans-serif stack ending in `sans-serif`). */
  fontFamily?: string;
  /** Draw ISO week numbers (default true). */
  weeks?: boolean;
  /**
   * How curved text is written. `elements` (default): one `<text>` per character, which every
   * SVG renderer draws (librsvg, LibreOffice, Inkscape, browsers). `lists`: one `<text>` per
   * label with per-character `x`, `y` and `rotate` lists — a tenth of the elements, much faster
   * to turn into PDF, drawn by browsers, resvg and svg-to-pdfkit but not by librsvg.
   */
  glyphs?: 'elements' | 'lists';
}

/**
 * Family names are unquoted on purpose (valid CSS): resvg skips quoted names in the list and
 * falls back to its serif default.
 */
export const DEFAULT_FONT_FAMILY =
  'Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif';

const WORDS: Record<Lang, { today: string; legend: string; rings: string; desc: string[] }> = {
  nb: {
    today: 'I dag',
    legend: 'Nummererte hendelser',
    rings: 'Ringer',
    desc: ['Årshjul', 'ringer', 'hendelser', 'fra', 'til'],
  },
  nn: {
    today: 'I dag',
    legend: 'Nummererte hendingar',
    rings: 'Ringar',
    desc: ['Årshjul', 'ringar', 'hendingar', 'frå', 'til'],
  },
  en: {
    today: 'Today',
    legend: 'Numbered items',
    rings: 'Rings',
    desc: ['Year wheel', 'rings', 'items', 'from', 'to'],
  },
};

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Control characters other than tab and newlines are not allowed in XML 1.0.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/** A number rounded to 2 decimals, without `-0`. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** The point at radius `r` and `angle` (degrees, clockwise from the top) around `(cx, cy)`. */
export function point(cx: number, cy: number, r: number, angle: number): [number, number] {
  const a = (angle * Math.PI) / 180;
  return [cx + r * Math.sin(a), cy - r * Math.cos(a)];
}

/** An annular sector between two radii and two angles (degrees, clockwise from the top). */
export function sectorPath(
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  start: number,
  end: number,
): string {
  const span = Math.min(359.99, Math.max(0, end - start));
  const e = start + span;
  const large = span > 180 ? 1 : 0;
  const [x1, y1] = point(cx, cy, outer, start);
  const [x2, y2] = point(cx, cy, outer, e);
  const [x3, y3] = point(cx, cy, inner, e);
  const [x4, y4] = point(cx, cy, inner, start);
  return (
    `M${num(x1)} ${num(y1)}A${num(outer)} ${num(outer)} 0 ${large} 1 ${num(x2)} ${num(y2)}` +
    `L${num(x3)} ${num(y3)}A${num(inner)} ${num(inner)} 0 ${large} 0 ${num(x4)} ${num(y4)}Z`
  );
}

/** An open arc at radius `r`, clockwise from `start` to `end`, or anticlockwise when `reverse`. */
export function arcPath(
  cx: number,
  cy: number,
  r: number,
  start: number,
  end: number,
  reverse = false,
): string {
  const span = Math.min(359.99, Math.max(0.01, end - start));
  const [a, b] = reverse ? [start + span, start] : [start, start + span];
  const [x1, y1] = point(cx, cy, r, a);
  const [x2, y2] = point(cx, cy, r, b);
  return `M${num(x1)} ${num(y1)}A${num(r)} ${num(r)} 0 ${span > 180 ? 1 : 0} ${reverse ? 0 : 1} ${num(x2)} ${num(y2)}`;
}

function line(cx: number, cy: number, r1: number, r2: number, angle: number): string {
  const [x1, y1] = point(cx, cy, r1, angle);
  const [x2, y2] = point(cx, cy, r2, angle);
  return `x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}"`;
}

/** One character of a curved label, positioned and rotated on its own. */
export interface ArcGlyph {
  char: string;
  /** Centre of the character's advance on the arc. */
  x: number;
  y: number;
  /** Angle on the wheel (degrees, clockwise from the top) of the character's centre. */
  angle: number;
  /** Rotation of the glyph: tangential, turned by 180° in the lower half so it reads upright. */
  rotate: number;
  /** Advance along the arc, from `textWidth`. */
  width: number;
}

/** Fraction of the font size from a glyph's vertical middle down to its baseline. */
export const BASELINE_SHIFT = 0.35;

/**
 * Lays `text` out character by character along the circle of `radius`, centred on `midAngle`:
 * clockwise from the left when upright, anticlockwise (rotated by 180°) when `flip`, so that it
 * reads left to right in the lower half. Each character advances by its `textWidth`. Needs no
 * `<textPath>`, so every renderer draws it the same.
 */
export function arcGlyphs(
  text: string,
  options: {
    cx: number;
    cy: number;
    radius: number;
    midAngle: number;
    fontSize: number;
    bold?: boolean;
    flip?: boolean;
  },
): ArcGlyph[] {
  const { cx, cy, radius, midAngle, fontSize } = options;
  const bold = options.bold ?? false;
  const flip = options.flip ?? false;
  const chars = [...text];
  const total = textWidth(text, fontSize, bold);
  const toDegrees = 180 / (Math.PI * Math.max(radius, 1e-9));
  const dir = flip ? -1 : 1;
  const first = midAngle - (dir * total * toDegrees) / 2;
  const out: ArcGlyph[] = [];
  let advance = 0;
  for (const char of chars) {
    const width = textWidth(char, fontSize, bold);
    const angle = first + dir * (advance + width / 2) * toDegrees;
    advance += width;
    const [x, y] = point(cx, cy, radius, angle);
    let rotate = flip ? angle - 180 : angle;
    rotate = ((((rotate + 180) % 360) + 360) % 360) - 180;
    out.push({ char, x, y, angle, rotate, width });
  }
  return out;
}

/**
 * A curved label as SVG: a group hidden from assistive technology (the whole text is in a
 * `<title>` elsewhere) holding one `<text>` per visible character.
 */
function arcText(
  glyphs: readonly ArcGlyph[],
  fontSize: number,
  attrs: string,
  mode: 'elements' | 'lists' = 'elements',
): string {
  const dy = num(fontSize * BASELINE_SHIFT);
  if (mode === 'lists') return arcTextLists(glyphs, fontSize, attrs);
  const parts = glyphs
    .filter((gl) => gl.char.trim() !== '')
    .map(
      (gl) =>
        `<text transform="translate(${num(gl.x)} ${num(gl.y)}) rotate(${num(gl.rotate)})" y="${dy}">${escapeXml(gl.char)}</text>`,
    );
  return `<g aria-hidden="true" font-size="${num(fontSize)}" text-anchor="middle"${attrs}>${parts.join('')}</g>`;
}

/**
 * The same label as one `<text>` with a position and a rotation per character. Each character
 * starts at its own baseline point (text-anchor start), worked out from its middle on the arc,
 * because a text anchor would shift it horizontally rather than along its rotated baseline.
 */
function arcTextLists(glyphs: readonly ArcGlyph[], fontSize: number, attrs: string): string {
  const shown = glyphs.filter((gl) => gl.char.trim() !== '');
  if (shown.length === 0) return '';
  const xs: string[] = [];
  const ys: string[] = [];
  const rs: string[] = [];
  for (const gl of shown) {
    const r = (gl.rotate * Math.PI) / 180;
    const down = fontSize * BASELINE_SHIFT;
    xs.push(num(gl.x - (gl.width / 2) * Math.cos(r) - down * Math.sin(r)));
    ys.push(num(gl.y - (gl.width / 2) * Math.sin(r) + down * Math.cos(r)));
    rs.push(num(gl.rotate));
  }
  const text = shown.map((gl) => escapeXml(gl.char)).join('');
  return (
    `<g aria-hidden="true" font-size="${num(fontSize)}"${attrs}>` +
    `<text x="${xs.join(' ')}" y="${ys.join(' ')}" rotate="${rs.join(' ')}">${text}</text></g>`
  );
}

/**
 * A laid-out wheel drawn in parts, for a screen that redraws only what changed: the opening tag,
 * the background (page and months), the shaded periods with the week ticks, each ring's outline,
 * each item's sector and label by item id, the today mark, the title and each legend line. Joined in order they
 * are exactly `renderLayoutSvg`'s document.
 */
export interface SvgParts {
  /** `<?xml …?>` and `<svg …>` with the title and description. */
  open: string;
  /** The drawing's title, description and font, as plain text (for a screen's own `<svg>`). */
  titleText: string;
  description: string;
  fontFamily: string;
  /** The white page, the month sectors and names. */
  background: string;
  /** Breaks and holidays, then the week ticks and numbers. */
  shaded: string;
  /** Each ring's outline (a path) and its items' sectors. */
  rings: { id: string; outline: string; items: { id: string; svg: string }[] }[];
  labels: { id: string; svg: string }[];
  today: string;
  title: string;
  /** The legend's headings and ring keys. */
  legendHead: string;
  legendItems: { key: string; svg: string }[];
  legendFont: number;
}

/** Draws a laid-out wheel. */
export function renderLayoutSvg(layout: WheelLayout, options: SvgOptions = {}): string {
  const p = renderLayoutParts(layout, options);
  const out: string[] = [p.open, p.background, p.shaded, '<g class="rings">'];
  for (const ring of p.rings) {
    out.push(
      `<g class="ring" data-ring="${escapeXml(ring.id)}">`,
      ring.outline,
      ...ring.items.map((i) => i.svg),
      '</g>',
    );
  }
  out.push('</g>', '<g class="labels" fill="#1a1a1a">', ...p.labels.map((l) => l.svg), '</g>');
  if (p.today) out.push(p.today);
  out.push(p.title);
  out.push(
    `<g class="legend" font-size="${num(p.legendFont)}" fill="#1a1a1a">`,
    p.legendHead,
    ...p.legendItems.map((l) => l.svg),
    '</g>',
  );
  out.push('</svg>');
  return out.filter((x) => x !== '').join('\n') + '\n';
}

/** The parts of `renderLayoutSvg`'s drawing (see `SvgParts`). */
export function renderLayoutParts(layout: WheelLayout, options: SvgOptions = {}): SvgParts {
  const { spec, geometry: g } = layout;
  const { cx, cy } = g;
  const font = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const words = WORDS[spec.lang];
  const fs = g.fontSize;
  const itemCount = layout.items.length;
  const titleText = spec.subtitle ? `${spec.title} – ${spec.subtitle}` : spec.title;
  const desc =
    `${words.desc[0]} ${words.desc[3]} ${formatShortDate(spec.year.from, spec.lang)} ${spec.year.from.slice(0, 4)} ` +
    `${words.desc[4]} ${formatShortDate(spec.year.to, spec.lang)} ${spec.year.to.slice(0, 4)}: ` +
    `${spec.rings.length} ${words.desc[1]} (${spec.rings.map((r) => r.label).join(', ')}), ` +
    `${itemCount} ${words.desc[2]}.`;

  const open = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(g.size)} ${num(g.height)}" ` +
      `width="${num(g.size)}" height="${num(g.height)}" role="img" aria-labelledby="wheel-title wheel-desc" ` +
      `aria-label="${escapeXml(titleText)}" lang="${spec.lang === 'en' ? 'en' : spec.lang}" ` +
      `font-family="${escapeXml(font)}">`,
    `<title id="wheel-title">${escapeXml(titleText)}</title>`,
    `<desc id="wheel-desc">${escapeXml(desc)}</desc>`,
  ].join('\n');

  // Month sectors: alternating background, names along the outer band.
  const bg: string[] = [
    `<rect x="0" y="0" width="${num(g.size)}" height="${num(g.height)}" fill="#ffffff"/>`,
    '<g class="months">',
  ];
  layout.months.forEach((m, i) => {
    bg.push(
      `<path d="${sectorPath(cx, cy, g.ringInner, g.monthOuter, m.startAngle, m.endAngle)}" fill="${i % 2 ? '#f4f4f4' : '#fbfbfb'}"/>`,
    );
  });
  layout.months.forEach((m) => {
    bg.push(
      `<line ${line(cx, cy, g.ringInner, g.monthOuter, m.startAngle)} stroke="#9a9a9a" stroke-width="${num(g.size / 1000)}"/>`,
    );
  });
  layout.months.forEach((m) => {
    const midAngle = (m.startAngle + m.endAngle) / 2;
    const fontSize = fs * 1.5;
    const glyphs = arcGlyphs(m.name, {
      cx,
      cy,
      radius: (g.monthInner + g.monthOuter) / 2,
      midAngle,
      fontSize,
      bold: true,
      flip: midAngle > 90 && midAngle < 270,
    });
    bg.push(
      `<g class="month-name"><title>${escapeXml(m.name)}</title>` +
        arcText(glyphs, fontSize, ' font-weight="bold" fill="#333333"', options.glyphs) +
        '</g>',
    );
  });
  bg.push('</g>');

  // Shaded periods (breaks, holidays).
  const shaded: string[] = ['<g class="shaded">'];
  for (const s of layout.shaded) {
    const fill = s.kind === 'holiday' ? '#d9534f' : '#8a8a8a';
    const opacity = s.kind === 'holiday' ? 0.22 : 0.2;
    shaded.push(
      `<path d="${sectorPath(cx, cy, s.inner, s.outer, s.startAngle, s.endAngle)}" fill="${fill}" fill-opacity="${opacity}">` +
        `<title>${escapeXml(`${s.label} (${formatDateRange(s.from, s.to, spec.lang)})`)}</title></path>`,
    );
  }
  shaded.push('</g>');

  // Week ticks and numbers.
  if (options.weeks ?? true) {
    shaded.push('<g class="weeks" fill="#555555">');
    for (const w of layout.weeks) {
      shaded.push(
        `<line ${line(cx, cy, g.weekInner, g.weekOuter, w.angle)} stroke="#b0b0b0" stroke-width="${num(g.size / 2000)}"/>`,
      );
      const [x, y] = point(cx, cy, (g.weekInner + g.weekOuter) / 2, w.midAngle);
      shaded.push(
        `<text x="${num(x)}" y="${num(y + fs * 0.7 * BASELINE_SHIFT)}" font-size="${num(fs * 0.7)}" text-anchor="middle">${w.week}</text>`,
      );
    }
    shaded.push('</g>');
  }

  // Rings and their items.
  const rings: SvgParts['rings'] = layout.rings.map((ring) => ({
    id: ring.id,
    outline: `<path d="${sectorPath(cx, cy, ring.inner, ring.outer, 0, 360)}" fill="none" stroke="${escapeXml(ring.colour)}" stroke-opacity="0.35" stroke-width="${num(g.size / 1000)}"/>`,
    items: ring.items.map((it) => {
      const tip = `${it.label} (${formatDateRange(it.from, it.to, spec.lang)})`;
      const d = sectorPath(cx, cy, it.inner, it.outer, it.startAngle, it.endAngle);
      const svg = it.mark
        ? `<path d="${d}" fill="${escapeXml(it.colour)}"${it.emphasis ? ' stroke="#000000" stroke-width="1"' : ''}><title>${escapeXml(tip)}</title></path>`
        : `<path d="${d}" fill="${escapeXml(it.colour)}" fill-opacity="${it.emphasis ? 0.55 : 0.3}" stroke="${escapeXml(it.colour)}" stroke-width="${num(g.size / 1000)}"><title>${escapeXml(tip)}</title></path>`;
      return { id: it.id, svg };
    }),
  }));

  // Labels along their arcs.
  const labels: SvgParts['labels'] = [];
  for (const it of layout.items) {
    const c = it.caption;
    if (!c.text) continue;
    const numbered = c.legendNumber !== undefined;
    const bold = c.bold || numbered;
    const glyphs = arcGlyphs(c.text, {
      cx,
      cy,
      radius: c.radius,
      midAngle: (c.startAngle + c.endAngle) / 2,
      fontSize: c.fontSize,
      bold,
      flip: c.flip,
    });
    labels.push({
      id: it.id,
      svg: arcText(
        glyphs,
        c.fontSize,
        `${bold ? ' font-weight="bold"' : ''} data-item="${escapeXml(it.id)}"`,
        options.glyphs,
      ),
    });
  }

  // Today.
  let today = '';
  if (layout.today) {
    const a = layout.today.angle;
    const [tx, ty] = point(cx, cy, g.monthOuter + fs * 0.2, a);
    today =
      `<g class="today"><line ${line(cx, cy, g.ringInner, g.monthOuter, a)} stroke="#d62728" stroke-width="${num(g.size / 400)}"/>` +
      `<circle cx="${num(tx)}" cy="${num(ty)}" r="${num(fs * 0.35)}" fill="#d62728"/>` +
      `<title>${escapeXml(`${words.today}: ${formatShortDate(layout.today.date, spec.lang)}`)}</title></g>`;
  }

  // Title in the centre.
  const title = [
    `<g class="title" text-anchor="middle" fill="#1a1a1a"><text x="${num(cx)}" y="${num(cy - (spec.subtitle ? fs * 0.9 : 0) + fs * 2 * BASELINE_SHIFT)}" font-size="${num(fs * 2)}" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  if (spec.subtitle) {
    title.push(
      `<text x="${num(cx)}" y="${num(cy + fs * 1.4 + fs * 1.2 * BASELINE_SHIFT)}" font-size="${num(fs * 1.2)}">${escapeXml(spec.subtitle)}</text>`,
    );
  }
  title.push('</g>');

  // Legend: ring colours, then the numbered items in date order (positions from the layout).
  const lg = layout.legendLayout;
  const head: string[] = [
    `<text x="${num(lg.x)}" y="${num(lg.ringsHeadingY)}" font-weight="bold">${escapeXml(words.rings)}</text>`,
  ];
  for (const ring of lg.rings) {
    head.push(
      `<rect x="${num(ring.x)}" y="${num(ring.y - lg.fontSize * 0.8)}" width="${num(lg.fontSize)}" height="${num(lg.fontSize)}" fill="${escapeXml(ring.colour)}"/>` +
        `<text x="${num(ring.x + lg.fontSize * 1.5)}" y="${num(ring.y)}">${escapeXml(ring.text)}</text>`,
    );
  }
  if (lg.itemsHeadingY !== undefined) {
    head.push(
      `<text x="${num(lg.x)}" y="${num(lg.itemsHeadingY)}" font-weight="bold">${escapeXml(words.legend)}</text>`,
    );
  }
  const legendItems = layout.legend.map((e) => {
    const full = `${e.label} (${formatDateRange(e.from, e.to, spec.lang)})`;
    return {
      key: `${e.number}`,
      svg:
        `<text x="${num(e.x)}" y="${num(e.y)}">${e.shortened ? `<title>${escapeXml(full)}</title>` : ''}` +
        `<tspan font-weight="bold" fill="${escapeXml(e.colour)}">${e.number}</tspan> ${escapeXml(e.text)}</text>`,
    };
  });

  return {
    open,
    titleText,
    description: desc,
    fontFamily: font,
    background: bg.join('\n'),
    shaded: shaded.join('\n'),
    rings,
    labels,
    today,
    title: title.join('\n'),
    legendHead: head.join('\n'),
    legendItems,
    legendFont: lg.fontSize,
  };
}

/** Lays out and draws a wheel: a standalone SVG document as a string. */
export function renderWheelSvg(spec: WheelSpec, options: SvgOptions = {}): string {
  return renderLayoutSvg(layoutWheel(spec, options.size ?? 1000, options), options);
}

/** The smallest box holding a ring sector (angles in degrees, clockwise from the top). */
export function sectorBounds(
  cx: number,
  cy: number,
  inner: number,
  outer: number,
  startAngle: number,
  endAngle: number,
): { x: number; y: number; width: number; height: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  const add = (r: number, a: number) => {
    const [x, y] = point(cx, cy, r, a);
    xs.push(x);
    ys.push(y);
  };
  for (const r of [inner, outer]) {
    add(r, startAngle);
    add(r, endAngle);
  }
  // The extreme points of the arc: wherever it passes a multiple of 90°.
  for (let a = Math.ceil(startAngle / 90) * 90; a < endAngle; a += 90) add(outer, a);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The view box that shows one month of a laid-out wheel (its sector from the innermost ring to
 * the month names) with a margin, for zooming in on screen: `[x, y, width, height]`.
 */
export function monthViewBox(
  layout: WheelLayout,
  monthIndex: number,
  margin = 0.04,
): [number, number, number, number] | null {
  const m = layout.months[monthIndex];
  if (!m) return null;
  const g = layout.geometry;
  const b = sectorBounds(g.cx, g.cy, g.ringInner, g.monthOuter, m.startAngle, m.endAngle);
  const pad = g.size * margin;
  return [b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad];
}
