/**
 * The whole wheel laid out: every ring, lane, item, label and legend number with its angles and
 * radii, in the coordinate system of the SVG (origin top left, y down). Both `renderWheelSvg`
 * and `hitTest` work from this object, so what is drawn is what is hit.
 */
import { dayNumber, formatShortDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import type { RingSpec, ShadedPeriod, WheelItem, WheelSpec } from './spec.js';
import {
  dateEndAngle,
  dateToAngle,
  monthSectors,
  offsetToAngle,
  weekTicks,
  type MonthSector,
  type WeekTick,
} from './time-scale.js';
import { laneBands, layoutRings, type LaneBand } from './ring-layout.js';
import { assignLanes } from './lanes.js';
import { arcLength, fitLabel, labelSlots, textWidth } from './labels.js';

export const DEFAULT_PALETTE: readonly string[] = [
  '#1b6ca8',
  '#2a9d5b',
  '#c2571a',
  '#7b4fa0',
  '#b8336a',
  '#3d7d80',
  '#8c6d1f',
  '#4d4d4d',
];

export interface LayoutOptions {
  /** Narrowest an item is drawn, in days (default 2): single days stay visible. */
  minItemDays?: number;
  /** Largest label font size; default `size / 80`. */
  fontSize?: number;
  /** Ring colours by position, used when a ring has no colour. */
  palette?: readonly string[];
  /** Columns in the legend below the wheel (default 2). */
  legendColumns?: number;
}

export interface WheelGeometry {
  /** Width of the drawing; the wheel is a `size × size` square at the top. */
  size: number;
  /** Height of the drawing: the wheel, then its legend below it. */
  height: number;
  cx: number;
  cy: number;
  /** The hole in the middle, for the title. */
  titleRadius: number;
  ringInner: number;
  ringOuter: number;
  weekInner: number;
  weekOuter: number;
  monthInner: number;
  monthOuter: number;
  /** Base font size for labels. */
  fontSize: number;
}

export interface LabelLayout {
  /** Drawn text: whole, shortened with «…», or the legend number. */
  text: string;
  full: string;
  shortened: boolean;
  legendNumber?: number;
  fontSize: number;
  bold: boolean;
  /** Radius of the text's middle line. */
  radius: number;
  /** Angular room the label may use in its lane, free of other items and labels. */
  slotStart: number;
  slotEnd: number;
  /** Angular interval the drawn text spans (within the slot, except a legend number). */
  startAngle: number;
  endAngle: number;
  /** Drawn anticlockwise so it reads left to right in the lower half. */
  flip: boolean;
}

export interface ItemLayout {
  id: string;
  ringId: string;
  ringIndex: number;
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** A single day: drawn as a mark; otherwise an arc. */
  mark: boolean;
  emphasis: boolean;
  colour: string;
  lane: number;
  /** Occupied angles (a mark grows to the minimum width around its day). */
  startAngle: number;
  endAngle: number;
  /** The mark's own angle: the middle of its day. */
  angle: number;
  inner: number;
  outer: number;
  /** Where and what to write. */
  caption: LabelLayout;
}

export interface RingLayout {
  id: string;
  label: string;
  index: number;
  colour: string;
  inner: number;
  outer: number;
  laneCount: number;
  lanes: LaneBand[];
  items: ItemLayout[];
}

export interface ShadedLayout extends ShadedPeriod {
  startAngle: number;
  endAngle: number;
  inner: number;
  outer: number;
}

export interface LegendEntry {
  number: number;
  itemId: string;
  ringId: string;
  label: string;
  from: IsoDate;
  to: IsoDate;
  colour: string;
  /** Where the entry's line starts (the number), baseline, below the wheel. */
  x: number;
  y: number;
  /** What follows the number: `label (dates)`, shortened with «…» to fit the column. */
  text: string;
  shortened: boolean;
}

/** A ring's line in the legend's colour key. */
export interface LegendRing {
  ringId: string;
  colour: string;
  /** The ring's label, shortened to the width of the drawing when needed. */
  text: string;
  x: number;
  y: number;
}

/**
 * The legend below the wheel: a colour key of the rings, then the numbered items in date order,
 * top to bottom and column by column. Every line fits its column; the drawing's height grows so
 * that the legend never runs off the bottom.
 */
export interface LegendLayout {
  fontSize: number;
  lineHeight: number;
  columns: number;
  columnWidth: number;
  /** Left edge and the baseline of the «rings» heading. */
  x: number;
  ringsHeadingY: number;
  rings: LegendRing[];
  /** Baseline of the heading above the numbered items (when there are any). */
  itemsHeadingY?: number;
  /** Lowest point of the legend's text. */
  bottom: number;
}

export interface WheelLayout {
  spec: WheelSpec;
  geometry: WheelGeometry;
  months: MonthSector[];
  weeks: WeekTick[];
  rings: RingLayout[];
  /** All items, ring by ring, each ring's items in input order. */
  items: ItemLayout[];
  shaded: ShadedLayout[];
  legend: LegendEntry[];
  legendLayout: LegendLayout;
  today?: { date: IsoDate; angle: number };
  /** Items left out because they lie wholly outside the wheel year. */
  omitted: { ringId: string; item: WheelItem }[];
}

interface Clipped {
  item: WheelItem;
  from: IsoDate;
  to: IsoDate;
}

function clip(item: WheelItem, spec: WheelSpec): Clipped | undefined {
  let from = item.from;
  let to = item.to ?? item.from;
  if (to < from) [from, to] = [to, from];
  if (to < spec.year.from || from > spec.year.to) return undefined;
  return {
    item,
    from: from < spec.year.from ? spec.year.from : from,
    to: to > spec.year.to ? spec.year.to : to,
  };
}

export function layoutWheel(
  spec: WheelSpec,
  size = 1000,
  options: LayoutOptions = {},
): WheelLayout {
  const year = spec.year;
  const start = dayNumber(year.from);
  const minDays = options.minItemDays ?? 2;
  const palette = options.palette && options.palette.length > 0 ? options.palette : DEFAULT_PALETTE;
  const baseFont = options.fontSize ?? size / 80;
  const R = size / 2 - size * 0.02;
  const geometry: WheelGeometry = {
    size,
    height: size,
    cx: size / 2,
    cy: size / 2,
    titleRadius: R * 0.27,
    ringInner: R * 0.3,
    ringOuter: R * 0.86,
    weekInner: R * 0.87,
    weekOuter: R * 0.915,
    monthInner: R * 0.925,
    monthOuter: R,
    fontSize: baseFont,
  };

  const omitted: WheelLayout['omitted'] = [];
  const prepared = spec.rings.map((ring: RingSpec, index) => {
    const kept: Clipped[] = [];
    for (const item of ring.items) {
      const c = clip(item, spec);
      if (c) kept.push(c);
      else omitted.push({ ringId: ring.id, item });
    }
    const lanes = assignLanes(
      kept.map((c) => ({ id: c.item.id, from: c.from, to: c.to })),
      { minDays },
    );
    return {
      ring,
      index,
      kept,
      lanes,
      colour: ring.colour ?? palette[index % palette.length]!,
    };
  });

  const bands = layoutRings(
    prepared.map((p) => ({
      id: p.ring.id,
      label: p.ring.label,
      weight: p.ring.weight ?? Math.max(1, p.lanes.laneCount),
    })),
    { innerRadius: geometry.ringInner, outerRadius: geometry.ringOuter, gap: R * 0.012 },
  );

  const dayAngle = (d: number) => Math.min(360, Math.max(0, offsetToAngle(d - start, year)));
  const rings: RingLayout[] = prepared.map((p, i) => {
    const band = bands[i]!;
    const lanes = laneBands(band, p.lanes.laneCount, R * 0.004);
    const items: ItemLayout[] = p.kept.map((c, k) => {
      const slot = p.lanes.slots[k]!;
      const lane = lanes[slot.lane]!;
      const mark = c.from === c.to;
      return {
        id: c.item.id,
        ringId: p.ring.id,
        ringIndex: i,
        label: c.item.label,
        from: c.from,
        to: c.to,
        mark,
        emphasis: c.item.emphasis ?? false,
        colour: p.colour,
        lane: slot.lane,
        startAngle: dayAngle(slot.start),
        endAngle: dayAngle(slot.end),
        angle: offsetToAngle(dayNumber(c.from) - start + 0.5, year),
        inner: lane.inner,
        outer: lane.outer,
        caption: {
          text: '',
          full: c.item.label,
          shortened: false,
          fontSize: 0,
          bold: false,
          radius: 0,
          slotStart: 0,
          slotEnd: 0,
          startAngle: 0,
          endAngle: 0,
          flip: false,
        },
      };
    });
    return {
      id: p.ring.id,
      label: p.ring.label,
      index: i,
      colour: p.colour,
      inner: band.inner,
      outer: band.outer,
      laneCount: p.lanes.laneCount,
      lanes,
      items,
    };
  });

  // Labels, lane by lane; those that do not fit get legend numbers in date order.
  const unfit: ItemLayout[] = [];
  for (const ring of rings) {
    for (const lane of ring.lanes) {
      const inLane = ring.items.filter((it) => it.lane === lane.lane);
      const radius = (lane.inner + lane.outer) / 2;
      const fontSize = Math.min(baseFont, (lane.outer - lane.inner) * 0.62);
      const slots = labelSlots(
        inLane.map((it) => ({ id: it.id, start: it.startAngle, end: it.endAngle, mark: it.mark })),
        { padding: (0.3 * 180 * fontSize) / (Math.PI * radius) },
      );
      inLane.forEach((it, j) => {
        const slot = slots[j]!;
        const bold = it.emphasis;
        const available = arcLength(radius, slot.end - slot.start);
        const fitted =
          fontSize >= size / 250
            ? fitLabel(it.label, available, fontSize, { bold })
            : { text: '', shortened: true, fits: false };
        it.caption = {
          text: fitted.text,
          full: it.label,
          shortened: fitted.shortened,
          fontSize,
          bold,
          radius,
          slotStart: slot.start,
          slotEnd: slot.end,
          startAngle: slot.start,
          endAngle: slot.end,
          flip: false,
        };
        if (!fitted.fits) unfit.push(it);
        placeText(it.caption, it.mark);
      });
    }
  }
  const ringOrder = new Map(rings.map((r) => [r.id, r.index]));
  unfit.sort(
    (a, b) =>
      a.from.localeCompare(b.from) ||
      (ringOrder.get(a.ringId) ?? 0) - (ringOrder.get(b.ringId) ?? 0) ||
      a.startAngle - b.startAngle,
  );
  const legend: LegendEntry[] = unfit.map((it, k) => {
    const number = k + 1;
    it.caption.legendNumber = number;
    it.caption.text = String(number);
    it.caption.shortened = true;
    placeText(it.caption, it.mark);
    return {
      number,
      itemId: it.id,
      ringId: it.ringId,
      label: it.caption.full,
      from: it.from,
      to: it.to,
      colour: it.colour,
      x: 0,
      y: 0,
      text: '',
      shortened: false,
    };
  });
  const legendLayout = layoutLegend(legend, rings, spec.lang, size, baseFont, options);
  geometry.height = legendLayout.bottom + size * 0.03;

  const ringById = new Map(rings.map((r) => [r.id, r]));
  const shaded: ShadedLayout[] = [];
  for (const s of spec.shaded ?? []) {
    const c = clip({ id: '', label: s.label, from: s.from, to: s.to }, spec);
    if (!c) continue;
    const ring = s.ring === undefined ? undefined : ringById.get(s.ring);
    if (s.ring !== undefined && !ring) continue;
    shaded.push({
      ...s,
      startAngle: dateToAngle(c.from, year),
      endAngle: dateEndAngle(c.to, year),
      inner: ring ? ring.inner : geometry.ringInner,
      outer: ring ? ring.outer : geometry.weekOuter,
    });
  }

  const parts = yearParts(year, spec.lang);
  const layout: WheelLayout = {
    spec,
    geometry,
    months: parts.months,
    weeks: parts.weeks,
    rings,
    items: rings.flatMap((r) => r.items),
    shaded,
    legend,
    legendLayout,
    omitted,
  };
  if (spec.today && spec.today >= year.from && spec.today <= year.to) {
    layout.today = {
      date: spec.today,
      angle: offsetToAngle(dayNumber(spec.today) - start + 0.5, year),
    };
  }
  return layout;
}

/**
 * Narrows a label's interval to the text it holds: centred in the slot for a period, starting
 * right after the mark for a single day; flipped in the lower half so it reads left to right.
 */
function placeText(label: LabelLayout, mark: boolean): void {
  const width = textWidth(label.text, label.fontSize, label.bold);
  const textSpan = (width / (Math.PI * label.radius)) * 180;
  const slotStart = label.slotStart;
  const slotEnd = Math.max(label.slotStart, label.slotEnd);
  // A legend number is drawn whole even where its slot is narrower.
  const span =
    label.legendNumber === undefined ? Math.min(slotEnd - slotStart, textSpan) : textSpan;
  const mid = mark ? slotStart + span / 2 : (slotStart + slotEnd) / 2;
  label.startAngle = mid - span / 2;
  label.endAngle = mid + span / 2;
  const m = ((mid % 360) + 360) % 360;
  label.flip = m > 90 && m < 270;
}

/**
 * The month sectors and week ticks of a year, worked out once per year and language: a wheel laid
 * out again after an edit shares them (the same arrays, so a drawing can tell they are unchanged).
 */
const yearPartsCache = new Map<string, { months: MonthSector[]; weeks: WeekTick[] }>();

function yearParts(
  year: WheelSpec['year'],
  lang: Lang,
): { months: MonthSector[]; weeks: WeekTick[] } {
  const key = `${year.from}|${year.to}|${lang}`;
  let parts = yearPartsCache.get(key);
  if (!parts) {
    if (yearPartsCache.size >= 32) yearPartsCache.clear();
    parts = { months: monthSectors(year, lang), weeks: weekTicks(year) };
    yearPartsCache.set(key, parts);
  }
  return parts;
}

const dateRanges = new Map<string, string>();

/** `3. okt.` or `22. sep.–26. sep.` in the wheel's language. */
export function formatDateRange(from: IsoDate, to: IsoDate, lang: Lang): string {
  const key = `${lang}|${from}|${to}`;
  let text = dateRanges.get(key);
  if (text === undefined) {
    text =
      from === to
        ? formatShortDate(from, lang)
        : `${formatShortDate(from, lang)}–${formatShortDate(to, lang)}`;
    if (dateRanges.size >= 10_000) dateRanges.clear();
    dateRanges.set(key, text);
  }
  return text;
}

/**
 * Places the legend below the wheel and fills in each entry's position and text. Entries keep
 * their (date) order, filling the first column top to bottom, then the next. An entry's text is
 * shortened with «…» so that number and text stay inside the column: the label is cut first, so
 * the dates stay whole; only when not even a few characters of the label fit is the whole line
 * cut.
 */
/**
 * Legend text is measured with Helvetica metrics; widths are divided by this so that a line still
 * fits its column when the renderer falls back to a wider sans-serif (DejaVu Sans is about 15%
 * wider).
 */
const LEGEND_WIDTH_RESERVE = 1.15;

function layoutLegend(
  legend: LegendEntry[],
  rings: readonly RingLayout[],
  lang: Lang,
  size: number,
  fontSize: number,
  options: LayoutOptions,
): LegendLayout {
  const lineHeight = fontSize * 1.5;
  const x = size * 0.05;
  const width = size * 0.9;
  const columns = Math.max(1, Math.floor(options.legendColumns ?? 2));
  const columnWidth = width / columns;
  let y = size + fontSize;
  const ringsHeadingY = y;
  const swatch = fontSize * 1.5;
  const legendRings: LegendRing[] = rings.map((ring) => {
    y += lineHeight;
    return {
      ringId: ring.id,
      colour: ring.colour,
      text: fitLabel(ring.label, (width - swatch) / LEGEND_WIDTH_RESERVE, fontSize, {
        minChars: 1,
      }).text,
      x,
      y,
    };
  });
  const out: LegendLayout = {
    fontSize,
    lineHeight,
    columns,
    columnWidth,
    x,
    ringsHeadingY,
    rings: legendRings,
    bottom: y + fontSize * 0.4,
  };
  if (legend.length === 0) return out;
  y += lineHeight * 1.5;
  out.itemsHeadingY = y;
  const rows = Math.ceil(legend.length / columns);
  const gutter = fontSize;
  const space = textWidth(' ', fontSize);
  legend.forEach((entry, k) => {
    const col = Math.floor(k / rows);
    const row = k % rows;
    entry.x = x + col * columnWidth;
    entry.y = y + (row + 1) * lineHeight;
    const available =
      (columnWidth - gutter - textWidth(String(entry.number), fontSize, true) - space) /
      LEGEND_WIDTH_RESERVE;
    const dates = ` (${formatDateRange(entry.from, entry.to, lang)})`;
    const whole = `${entry.label}${dates}`;
    if (textWidth(whole, fontSize) <= available) {
      entry.text = whole;
      entry.shortened = false;
      return;
    }
    const label = fitLabel(entry.label, available - textWidth(dates, fontSize), fontSize);
    entry.text = label.fits
      ? `${label.text}${dates}`
      : fitLabel(whole, available, fontSize, { minChars: 1 }).text;
    entry.shortened = true;
  });
  out.bottom = y + rows * lineHeight + fontSize * 0.4;
  return out;
}
