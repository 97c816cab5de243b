import { describe, expect, it } from 'vitest';
import { layoutWheel } from '@arshjul/wheel';
import { buildOf } from '../test-fixtures/grorud.js';
import { arshjulWheelSpec, RING_ORDER } from './wheel-spec.js';

describe('arshjulWheelSpec', () => {
  const { arshjul } = buildOf('omrade-ammerud');
  const spec = arshjulWheelSpec(arshjul, 'nb', { today: '2025-11-21' });
  const entries = arshjul.rings.flatMap((r) => r.entries);

  it('is the school year from 1 August, titled with the area, rings from breaks outwards', () => {
    expect(spec.year).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(spec.title).toBe('Ammerud');
    expect(spec.subtitle).toBe('Årshjul 2025–26');
    expect(spec.rings.map((r) => r.id)).toEqual([...RING_ORDER]);
    expect(spec.today).toBe('2025-11-21');
  });

  it('draws every entry, a weekly series as one band from its first to its last date', () => {
    const weekly = arshjul.series.filter((s) => s.entries.length > 15);
    const items = spec.rings.flatMap((r) => r.items);
    const inWeekly = new Set(weekly.flatMap((s) => s.entries));
    expect(items.length).toBe(entries.filter((e) => !inWeekly.has(e.id)).length + weekly.length);
    for (const s of weekly) {
      const band = items.find((i) => i.id === `serie:${s.id}`)!;
      const dates = entries.filter((e) => e.series === s.id).map((e) => e.date);
      expect(band.from).toBe(dates[0]);
      expect(band.to).toBe(dates[dates.length - 1]);
      expect(band.label).toContain(s.structureId);
    }
  });

  it('emphasises revisions and shades breaks across the wheel and holidays in the breaks ring', () => {
    const revisions = spec.rings.find((r) => r.id === 'revisjon')!.items;
    const due = entries.filter((e) => e.kind === 'revision').map((e) => e.id);
    expect(revisions.filter((i) => i.emphasis).map((i) => i.id)).toEqual(due);
    // The school year's breaks, and the end of last summer's before the first school day.
    const breaks = spec.shaded!.filter((s) => s.kind === 'break');
    expect(breaks).toHaveLength(arshjul.breaks.length + 1);
    expect(breaks[0]).toMatchObject({ from: '2025-08-01', to: '2025-08-17', kind: 'break' });
    expect(arshjul.firstSchoolDay).toBe('2025-08-18');
    expect(spec.shaded!.filter((s) => s.kind === 'holiday').every((s) => s.ring === 'ferier')).toBe(
      true,
    );
  });

  it('lays out on the wheel with every item inside the year', () => {
    const layout = layoutWheel(spec, 1000);
    expect(layout.omitted).toEqual([]);
    expect(layout.items.length).toBe(spec.rings.reduce((n, r) => n + r.items.length, 0));
  });

  it('uses the district name for the whole district', () => {
    expect(arshjulWheelSpec(buildOf('all').arshjul).title).toBe('Bydel Grorud');
  });
});
