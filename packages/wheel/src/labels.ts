/**
 * Labels that stay legible without a DOM: text width from a per-character table (Helvetica /
 * Arial metrics, which most sans-serif fallbacks match closely), shortening with «…», and a
 * legend number when even a short label does not fit.
 */

/** Advance widths in 1/1000 em (Helvetica metrics). */
const WIDTHS: Record<string, number> = {
  ' ': 278,
  '!': 278,
  '"': 355,
  '#': 556,
  $: 556,
  '%': 889,
  '&': 667,
  "'": 191,
  '(': 333,
  ')': 333,
  '*': 389,
  '+': 584,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 278,
  ';': 278,
  '<': 584,
  '=': 584,
  '>': 584,
  '?': 556,
  '@': 1015,
  '[': 278,
  '\\': 278,
  ']': 278,
  _: 556,
  '–': 556,
  '—': 1000,
  '…': 1000,
  '«': 556,
  '»': 556,
  '·': 278,
  '§': 556,
  '°': 400,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
  æ: 889,
  ø: 611,
  å: 556,
  é: 556,
  è: 556,
  ä: 556,
  ö: 556,
  ü: 556,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  Æ: 1000,
  Ø: 778,
  Å: 667,
  É: 667,
  Ä: 667,
  Ö: 778,
  Ü: 722,
};
for (const d of '0123456789') WIDTHS[d] = 556;
const DEFAULT_WIDTH = 556;
/**
 * Bold text is about this much wider (between Helvetica Bold and the wider DejaVu Sans Bold that
 * many systems fall back to, so that bold characters placed one by one do not touch).
 */
const BOLD_FACTOR = 1.15;

export const ELLIPSIS = '…';

/** Estimated width of `text` at `fontSize` (same unit as the font size). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += WIDTHS[ch] ?? DEFAULT_WIDTH;
  return (w / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

export interface FitOptions {
  bold?: boolean;
  /** Fewest characters of the original a shortened label keeps before «…» (default 4). */
  minChars?: number;
}

export interface FittedLabel {
  /** What to draw: the whole label, a shortened one ending in «…», or '' when nothing fits. */
  text: string;
  shortened: boolean;
  /** False when not even `minChars` characters and «…» fit: give the item a legend number. */
  fits: boolean;
}

/**
 * Fits `text` into `available` width: the whole text, else the longest prefix (cut at a word
 * boundary when that keeps most of it) followed by «…».
 */
export function fitLabel(
  text: string,
  available: number,
  fontSize: number,
  options: FitOptions = {},
): FittedLabel {
  const bold = options.bold ?? false;
  const minChars = options.minChars ?? 4;
  // A wheel laid out again after an edit fits mostly the same labels into the same room.
  const key = `${available}\u0000${fontSize}\u0000${bold ? 1 : 0}\u0000${minChars}\u0000${text}`;
  const known = fitted.get(key);
  if (known) return { ...known };
  const result = fitUncached(text, available, fontSize, bold, minChars);
  if (fitted.size >= FIT_CACHE_SIZE) fitted.clear();
  fitted.set(key, result);
  return { ...result };
}

/** Labels already fitted (pure, so kept by their inputs), cleared when it grows past its size. */
const fitted = new Map<string, FittedLabel>();
const FIT_CACHE_SIZE = 20_000;

function fitUncached(
  text: string,
  available: number,
  fontSize: number,
  bold: boolean,
  minChars: number,
): FittedLabel {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (textWidth(clean, fontSize, bold) <= available) {
    return { text: clean, shortened: false, fits: clean.length > 0 };
  }
  const chars = [...clean];
  let lo = 0;
  let hi = chars.length - 1;
  // Longest prefix p with width(p + …) ≤ available.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (textWidth(candidate, fontSize, bold) <= available) lo = mid;
    else hi = mid - 1;
  }
  if (lo < minChars) return { text: '', shortened: true, fits: false };
  let prefix = chars.slice(0, lo).join('');
  const space = prefix.lastIndexOf(' ');
  if (space >= Math.max(minChars, prefix.length * 0.6)) prefix = prefix.slice(0, space);
  prefix = prefix.replace(/[\s,.;:–-]+$/, '');
  return { text: prefix + ELLIPSIS, shortened: true, fits: true };
}

/** An angular interval a label may use, in degrees. */
export interface LabelSlotInput {
  id: string;
  /** Where the item sits: `[start, end)` in degrees; `start === end` style marks use `mark`. */
  start: number;
  end: number;
  /** A single-day mark: its label starts just after the mark and runs into free space. */
  mark: boolean;
}

export interface LabelSlot {
  id: string;
  /** The angular interval the label may fill. */
  start: number;
  end: number;
}

/**
 * Angular room for each label in one lane so that no two labels (or a label and another item)
 * collide: a period's label stays inside its arc; a mark's label runs from just after the mark
 * to the next item in the lane (at most `maxMarkSpan` degrees), never past the end of the year.
 */
export function labelSlots(
  items: readonly LabelSlotInput[],
  options: { padding?: number; maxMarkSpan?: number; yearEnd?: number } = {},
): LabelSlot[] {
  const pad = options.padding ?? 0.4;
  const maxMark = options.maxMarkSpan ?? 40;
  const yearEnd = options.yearEnd ?? 360;
  const sorted = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
  const out = new Map<string, LabelSlot>();
  sorted.forEach((item, i) => {
    if (!item.mark) {
      out.set(item.id, { id: item.id, start: item.start + pad, end: item.end - pad });
      return;
    }
    let limit = Math.min(yearEnd, item.end + maxMark);
    for (let j = i + 1; j < sorted.length; j++) {
      const next = sorted[j]!;
      if (next.start >= item.end) {
        limit = Math.min(limit, next.start);
        break;
      }
    }
    out.set(item.id, {
      id: item.id,
      start: item.end + pad,
      end: Math.max(item.end + pad, limit - pad),
    });
  });
  return items.map((item) => out.get(item.id)!);
}

/** Length of an arc of `degrees` at `radius`. */
export function arcLength(radius: number, degrees: number): number {
  return (Math.max(0, degrees) * Math.PI * radius) / 180;
}
