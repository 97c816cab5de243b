/**
 * Concentric rings: the radial space between an inner and an outer radius is shared out between
 * rings by weight, with a gap between neighbours. The first ring is the innermost.
 */

export interface RingInput {
  id: string;
  label: string;
  /** Share of the radial space, relative to the others (default 1). */
  weight?: number;
}

export interface RingBand {
  id: string;
  label: string;
  index: number;
  inner: number;
  outer: number;
}

export interface RingLayoutOptions {
  innerRadius: number;
  outerRadius: number;
  /** Space between neighbouring rings (default 0). */
  gap?: number;
}

/** Radii for each ring, innermost first, in the given order. */
export function layoutRings(rings: readonly RingInput[], options: RingLayoutOptions): RingBand[] {
  const { innerRadius, outerRadius } = options;
  const gap = options.gap ?? 0;
  if (!(outerRadius > innerRadius) || innerRadius < 0) {
    throw new RangeError(`Bad ring radii: ${innerRadius} … ${outerRadius}`);
  }
  if (rings.length === 0) return [];
  const weights = rings.map((r) => {
    const w = r.weight ?? 1;
    if (!(w > 0) || !Number.isFinite(w)) throw new RangeError(`Ring ${r.id}: weight must be > 0`);
    return w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const usable = outerRadius - innerRadius - gap * (rings.length - 1);
  if (!(usable > 0)) throw new RangeError('Ring gaps leave no room for the rings');
  const out: RingBand[] = [];
  let r = innerRadius;
  rings.forEach((ring, index) => {
    const width = (usable * (weights[index] ?? 1)) / total;
    const outer = index === rings.length - 1 ? outerRadius : r + width;
    out.push({ id: ring.id, label: ring.label, index, inner: r, outer });
    r = outer + gap;
  });
  return out;
}

export interface LaneBand {
  lane: number;
  inner: number;
  outer: number;
}

/** Splits a ring into `laneCount` equal lanes, lane 0 outermost (nearest the month names). */
export function laneBands(
  band: { inner: number; outer: number },
  laneCount: number,
  gap = 0,
): LaneBand[] {
  const n = Math.max(1, Math.floor(laneCount));
  const g = Math.min(gap, (band.outer - band.inner) / (2 * n));
  const width = (band.outer - band.inner - g * (n - 1)) / n;
  return Array.from({ length: n }, (_, lane) => {
    const outer = band.outer - lane * (width + g);
    return { lane, inner: outer - width, outer };
  });
}
