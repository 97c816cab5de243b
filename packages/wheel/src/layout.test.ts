import { describe, expect, it } from 'vitest';
import { addDays, dayNumber } from '@arshjul/school-calendar';
import { layoutWheel, type WheelLayout } from './layout.js';
import { arcLength, textWidth } from './labels.js';
import type { WheelItem, WheelSpec } from './spec.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

const EPS = 1e-6;

/** The Oslo wheel with an extra ring of many weekly items with long labels: a full legend. */
function crowdedSpec(): WheelSpec {
  const spec = osloSpec();
  const items: WheelItem[] = [];
  for (let i = 0; i < 50; i++) {
    const from = addDays('2025-08-04', i * 7);
    items.push({
      id: `x${i}`,
      label: `Et svært langt navn på en hendelse som ikke får plass i hjulet, nummer ${i + 1}`,
      from,
    });
    items.push({
      id: `y${i}`,
      label: `Enda et langt navn, nummer ${i + 1}`,
      from: addDays(from, 1),
    });
  }
  spec.rings = [...spec.rings, { id: 'crowd', label: 'Tett ring', items }];
  return spec;
}

function checkGeometry(layout: WheelLayout): void {
  for (const ring of layout.rings) {
    for (const it of ring.items) {
      expect(it.inner).toBeGreaterThanOrEqual(ring.inner - EPS);
      expect(it.outer).toBeLessThanOrEqual(ring.outer + EPS);
      expect(it.inner).toBeLessThan(it.outer);
      expect(it.startAngle).toBeGreaterThanOrEqual(0);
      expect(it.endAngle).toBeLessThanOrEqual(360);
      expect(it.startAngle).toBeLessThan(it.endAngle);
    }
    for (const a of ring.items) {
      for (const b of ring.items) {
        if (a === b || a.lane !== b.lane) continue;
        expect(a.endAngle <= b.startAngle + EPS || b.endAngle <= a.startAngle + EPS).toBe(true);
      }
    }
  }
}

describe('layoutWheel with the Oslo fixture', () => {
  const spec = osloSpec();
  const layout = layoutWheel(spec, 1000);

  it('keeps every item inside its ring and lane, and no two items of a lane overlap', () => {
    expect(layout.items).toHaveLength(spec.rings.reduce((n, r) => n + r.items.length, 0));
    checkGeometry(layout);
    for (const ring of layout.rings) {
      for (const it of ring.items) {
        const lane = ring.lanes[it.lane]!;
        expect([it.inner, it.outer]).toEqual([lane.inner, lane.outer]);
        expect(it.ringId).toBe(ring.id);
      }
    }
  });

  it('orders the rings innermost first inside the ring area', () => {
    const g = layout.geometry;
    layout.rings.forEach((r, i) => {
      expect(r.id).toBe(spec.rings[i]!.id);
      expect(r.inner).toBeGreaterThanOrEqual(g.ringInner - EPS);
      expect(r.outer).toBeLessThanOrEqual(g.ringOuter + EPS);
      if (i > 0) expect(r.inner).toBeGreaterThanOrEqual(layout.rings[i - 1]!.outer);
    });
  });

  for (const [name, s] of [
    ['Oslo', osloSpec()],
    ['crowded', crowdedSpec()],
  ] as const) {
    it(`gives every label room in its slot or a legend number (${name})`, () => {
      const l = layoutWheel(s, 1000);
      checkGeometry(l);
      for (const it of l.items) {
        const c = it.caption;
        expect(c.full).toBe(it.label);
        if (c.legendNumber !== undefined) {
          expect(c.text).toBe(String(c.legendNumber));
          continue;
        }
        expect(c.text.length).toBeGreaterThan(0);
        expect(textWidth(c.text, c.fontSize, c.bold)).toBeLessThanOrEqual(
          arcLength(c.radius, c.slotEnd - c.slotStart) + EPS,
        );
        expect(c.startAngle).toBeGreaterThanOrEqual(c.slotStart - EPS);
        expect(c.endAngle).toBeLessThanOrEqual(c.slotEnd + EPS);
        expect(c.radius).toBeGreaterThan(it.inner);
        expect(c.radius).toBeLessThan(it.outer);
        const mid = ((((c.startAngle + c.endAngle) / 2) % 360) + 360) % 360;
        expect(c.flip).toBe(mid > 90 && mid < 270);
      }
    });

    it(`numbers the legend 1…n in date order (${name})`, () => {
      const l = layoutWheel(s, 1000);
      const numbered = l.items.filter((it) => it.caption.legendNumber !== undefined);
      expect(l.legend).toHaveLength(numbered.length);
      l.legend.forEach((e, k) => {
        expect(e.number).toBe(k + 1);
        const item = l.items.find((it) => it.id === e.itemId)!;
        expect(item.caption.legendNumber).toBe(e.number);
        if (k > 0) expect(e.from >= l.legend[k - 1]!.from).toBe(true);
      });
    });
  }

  it('actually uses the legend for the Oslo wheel', () => {
    expect(layout.legend.length).toBeGreaterThan(0);
  });

  it('lays the legend out below the wheel in columns that fit and never overlap', () => {
    const l = layoutWheel(crowdedSpec(), 1000);
    const lg = l.legendLayout;
    expect(l.legend.length).toBeGreaterThan(40);
    expect(lg.columns).toBe(2);
    expect(lg.ringsHeadingY).toBeGreaterThan(l.geometry.size - l.geometry.size * 0.02);
    expect(lg.itemsHeadingY).toBeGreaterThan(lg.rings.at(-1)!.y);
    const seen = new Set<string>();
    let shortened = 0;
    for (const e of l.legend) {
      const key = `${e.x},${e.y}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(e.y).toBeGreaterThan(lg.itemsHeadingY!);
      expect(e.y).toBeLessThanOrEqual(lg.bottom);
      const col = Math.round((e.x - lg.x) / lg.columnWidth);
      expect(col).toBeGreaterThanOrEqual(0);
      expect(col).toBeLessThan(lg.columns);
      const width = textWidth(`${e.number} `, lg.fontSize, true) + textWidth(e.text, lg.fontSize);
      expect(width).toBeLessThanOrEqual(lg.columnWidth - lg.fontSize + EPS);
      if (e.shortened) {
        shortened++;
        expect(e.text).toMatch(/… \(\d+\. \w+\.?\)$/u);
      }
    }
    expect(shortened).toBeGreaterThan(0);
    // Date order runs down the first column, then the second.
    const firstCol = l.legend.filter((e) => e.x === lg.x);
    expect(firstCol.length).toBe(Math.ceil(l.legend.length / 2));
    firstCol.forEach((e, k) => k > 0 && expect(e.y).toBeGreaterThan(firstCol[k - 1]!.y));
    expect(l.geometry.height).toBeGreaterThanOrEqual(lg.bottom);
    expect(l.geometry.height).toBeGreaterThan(layout.geometry.height);
  });

  it('is as tall as the wheel and its legend, with a small margin', () => {
    expect(layout.geometry.height).toBeCloseTo(layout.legendLayout.bottom + 1000 * 0.03, 9);
    expect(layout.legendLayout.bottom).toBeGreaterThan(1000);
  });

  it('leaves items outside the year out and clips those that cross its ends', () => {
    const s = osloSpec();
    s.rings[0]!.items = [
      ...s.rings[0]!.items,
      { id: 'before', label: 'Før', from: '2025-06-01', to: '2025-07-31' },
      { id: 'after', label: 'Etter', from: '2026-08-01' },
      { id: 'across', label: 'Over årsskiftet', from: '2025-07-20', to: '2025-08-10' },
    ];
    const l = layoutWheel(s, 1000);
    expect(l.omitted.map((o) => o.item.id).sort()).toEqual(['after', 'before']);
    expect(l.omitted.every((o) => o.ringId === s.rings[0]!.id)).toBe(true);
    expect(l.items.some((it) => it.id === 'before' || it.id === 'after')).toBe(false);
    const across = l.items.find((it) => it.id === 'across')!;
    expect(across.from).toBe('2025-08-01');
    expect(across.startAngle).toBe(0);
    expect(layoutWheel(osloSpec(), 1000).omitted).toEqual([]);
  });

  it('puts the today marker in the middle of its day, and none outside the year', () => {
    const days = dayNumber('2025-11-22') - dayNumber('2025-08-01');
    expect(layout.today?.date).toBe('2025-11-22');
    expect(layout.today?.angle).toBeCloseTo(((days + 0.5) / 365) * 360, 9);
    expect(layoutWheel(osloSpec({ today: '2026-08-01' })).today).toBeUndefined();
    expect(layoutWheel(osloSpec({ today: undefined })).today).toBeUndefined();
  });

  it('is the same for the same input', () => {
    expect(JSON.stringify(layoutWheel(osloSpec(), 1000))).toBe(JSON.stringify(layout));
  });
});
