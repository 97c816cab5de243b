import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { laneBands, layoutRings } from './ring-layout.js';

const rings = (weights: number[]) =>
  weights.map((weight, i) => ({ id: `r${i}`, label: `R${i}`, weight }));

describe('layoutRings', () => {
  it('orders bands innermost first, without overlap, filling inner to outer radius', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (weights, gap) => {
          const bands = layoutRings(rings(weights), { innerRadius: 100, outerRadius: 400, gap });
          expect(bands.map((b) => b.id)).toEqual(weights.map((_, i) => `r${i}`));
          expect(bands[0]!.inner).toBe(100);
          expect(bands.at(-1)!.outer).toBe(400);
          bands.forEach((b, i) => {
            expect(b.index).toBe(i);
            expect(b.outer).toBeGreaterThan(b.inner);
            const next = bands[i + 1];
            if (next) expect(next.inner - b.outer).toBeCloseTo(gap, 9);
          });
        },
      ),
    );
  });

  it('shares the radial space in proportion to the weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (weights) => {
          const gap = 2;
          const bands = layoutRings(rings(weights), { innerRadius: 50, outerRadius: 450, gap });
          const usable = 400 - gap * (weights.length - 1);
          const total = weights.reduce((a, b) => a + b, 0);
          bands.forEach((b, i) => {
            expect(b.outer - b.inner).toBeCloseTo((usable * weights[i]!) / total, 6);
          });
        },
      ),
    );
  });

  it('uses weight 1 by default and returns nothing for no rings', () => {
    const bands = layoutRings(
      [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B', weight: 3 },
      ],
      { innerRadius: 0, outerRadius: 100 },
    );
    expect(bands.map((b) => [b.inner, b.outer])).toEqual([
      [0, 25],
      [25, 100],
    ]);
    expect(layoutRings([], { innerRadius: 0, outerRadius: 10 })).toEqual([]);
  });

  it('throws RangeError for bad radii, weights and gaps', () => {
    const one = rings([1]);
    expect(() => layoutRings(one, { innerRadius: 100, outerRadius: 100 })).toThrow(RangeError);
    expect(() => layoutRings(one, { innerRadius: 200, outerRadius: 100 })).toThrow(RangeError);
    expect(() => layoutRings(one, { innerRadius: -1, outerRadius: 100 })).toThrow(RangeError);
    expect(() => layoutRings(one, { innerRadius: 0, outerRadius: NaN })).toThrow(RangeError);
    for (const w of [0, -1, NaN, Infinity]) {
      expect(() => layoutRings(rings([1, w]), { innerRadius: 0, outerRadius: 100 })).toThrow(
        RangeError,
      );
    }
    expect(() => layoutRings(rings([1, 1]), { innerRadius: 0, outerRadius: 10, gap: 10 })).toThrow(
      RangeError,
    );
  });
});

describe('laneBands', () => {
  it('splits a band into equal lanes, lane 0 outermost, inside the band and apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (n, gap) => {
          const band = { inner: 200, outer: 260 };
          const lanes = laneBands(band, n, gap);
          expect(lanes).toHaveLength(n);
          expect(lanes[0]!.outer).toBe(260);
          expect(lanes.at(-1)!.inner).toBeCloseTo(200, 9);
          const width = lanes[0]!.outer - lanes[0]!.inner;
          lanes.forEach((l, i) => {
            expect(l.lane).toBe(i);
            expect(l.outer - l.inner).toBeCloseTo(width, 9);
            expect(l.inner).toBeGreaterThanOrEqual(band.inner - 1e-9);
            const next = lanes[i + 1];
            if (next) expect(next.outer).toBeLessThanOrEqual(l.inner + 1e-9);
          });
        },
      ),
    );
  });

  it('gives at least one lane', () => {
    expect(laneBands({ inner: 0, outer: 10 }, 0)).toEqual([{ lane: 0, inner: 0, outer: 10 }]);
  });
});
