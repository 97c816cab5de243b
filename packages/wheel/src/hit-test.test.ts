import { describe, expect, it } from 'vitest';
import { layoutWheel } from './layout.js';
import { fromPolar, hitTest, toPolar } from './hit-test.js';
import { angleToDate } from './time-scale.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

const layout = layoutWheel(osloSpec(), 1000);
const g = layout.geometry;

describe('hitTest', () => {
  it('finds each item at the middle of its sector', () => {
    for (const it of layout.items) {
      const angle = (it.startAngle + it.endAngle) / 2;
      const hit = hitTest(layout, fromPolar(layout, (it.inner + it.outer) / 2, angle));
      expect(hit?.kind).toBe('item');
      if (hit?.kind !== 'item') continue;
      expect(hit.item.id).toBe(it.id);
      expect(hit.ring.id).toBe(it.ringId);
      expect(hit.date).toBe(angleToDate(angle, layout.spec.year));
    }
  });

  it('finds the ring and its date where there is no item', () => {
    const ring = layout.rings[0]!;
    // Early August has no items in any ring of the fixture.
    const hit = hitTest(layout, fromPolar(layout, (ring.inner + ring.outer) / 2, 5));
    expect(hit?.kind).toBe('ring');
    if (hit?.kind === 'ring') {
      expect(hit.ring.id).toBe(ring.id);
      expect(hit.date).toBe('2025-08-06');
    }
  });

  it('reports the shaded periods under a point in a ring', () => {
    const autumn = layout.shaded.find((s) => s.kind === 'break' && s.ring === undefined)!;
    const ring = layout.rings[0]!;
    const angle = (autumn.startAngle + autumn.endAngle) / 2;
    const hit = hitTest(layout, fromPolar(layout, ring.inner + 0.1, angle));
    expect(hit?.kind).toBe('ring');
    if (hit?.kind === 'ring') expect(hit.shaded).toContainEqual(autumn);
  });

  it('finds the week in the week band', () => {
    for (const w of layout.weeks) {
      const hit = hitTest(layout, fromPolar(layout, (g.weekInner + g.weekOuter) / 2, w.midAngle));
      expect(hit?.kind).toBe('week');
      if (hit?.kind === 'week') expect(hit.week.week).toBe(w.week);
    }
  });

  it('finds the month in the month band', () => {
    for (const m of layout.months) {
      const angle = (m.startAngle + m.endAngle) / 2;
      const hit = hitTest(layout, fromPolar(layout, (g.monthInner + g.monthOuter) / 2, angle));
      expect(hit?.kind).toBe('month');
      if (hit?.kind === 'month') expect(hit.month.month).toBe(m.month);
    }
  });

  it('finds nothing in the centre or outside the wheel', () => {
    expect(hitTest(layout, { x: g.cx, y: g.cy })).toBeUndefined();
    expect(hitTest(layout, fromPolar(layout, g.titleRadius * 0.5, 123))).toBeUndefined();
    expect(hitTest(layout, { x: 1, y: 1 })).toBeUndefined();
    expect(hitTest(layout, { x: g.cx, y: g.size + 50 })).toBeUndefined();
  });
});

describe('toPolar / fromPolar', () => {
  it('round-trip, 0° at the top and clockwise', () => {
    for (let a = 0; a < 360; a += 7.3) {
      const p = toPolar(layout, fromPolar(layout, 321, a));
      expect(p.radius).toBeCloseTo(321, 9);
      expect(p.angle).toBeCloseTo(a, 9);
    }
    expect(fromPolar(layout, 100, 0).y).toBeCloseTo(g.cy - 100, 9);
    expect(fromPolar(layout, 100, 90).x).toBeCloseTo(g.cx + 100, 9);
  });
});
