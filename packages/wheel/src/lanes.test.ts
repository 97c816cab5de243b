import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayNumber, isoDate } from '@arshjul/school-calendar';
import { assignLanes, occupiedSpan, type LaneItem, type LaneSlot } from './lanes.js';

const base = dayNumber('2025-08-01');

const itemsArb = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 120 }), length: fc.integer({ min: 0, max: 30 }) }),
  { maxLength: 40 },
);

const toItems = (raw: { start: number; length: number }[]): LaneItem[] =>
  raw.map((r, i) => ({
    id: `i${i}`,
    from: isoDate(base + r.start),
    ...(r.length > 0 ? { to: isoDate(base + r.start + r.length) } : {}),
  }));

const overlaps = (a: LaneSlot, b: LaneSlot) => a.start < b.end && b.start < a.end;

/** The largest number of spans covering one moment (a maximum is always at some span's start). */
function maxOverlap(slots: readonly LaneSlot[]): number {
  let best = 0;
  for (const s of slots) {
    best = Math.max(best, slots.filter((t) => t.start <= s.start && s.start < t.end).length);
  }
  return best;
}

describe('assignLanes', () => {
  it('never puts overlapping items in one lane and uses as many lanes as the largest overlap', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 5 }), (raw, minDays) => {
        const items = toItems(raw);
        const { laneCount, slots } = assignLanes(items, { minDays });
        expect(slots.map((s) => s.id)).toEqual(items.map((i) => i.id));
        for (let a = 0; a < slots.length; a++) {
          for (let b = a + 1; b < slots.length; b++) {
            if (slots[a]!.lane === slots[b]!.lane) {
              expect(overlaps(slots[a]!, slots[b]!)).toBe(false);
            }
          }
        }
        expect(laneCount).toBe(maxOverlap(slots));
        for (const s of slots) {
          expect(s.lane).toBeGreaterThanOrEqual(0);
          expect(s.lane).toBeLessThan(Math.max(laneCount, 1));
          expect(s.end - s.start).toBeGreaterThanOrEqual(minDays - 1e-9);
        }
      }),
    );
  });

  it('keeps the required gap between items in one lane', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 7 }), (raw, gapDays) => {
        const { slots } = assignLanes(toItems(raw), { gapDays });
        for (const a of slots) {
          for (const b of slots) {
            if (a !== b && a.lane === b.lane && a.start <= b.start) {
              expect(b.start - a.end).toBeGreaterThanOrEqual(gapDays);
            }
          }
        }
      }),
    );
  });

  it('puts items that only touch in one lane', () => {
    const { laneCount } = assignLanes([
      { id: 'a', from: '2025-09-01', to: '2025-09-05' },
      { id: 'b', from: '2025-09-06', to: '2025-09-10' },
      { id: 'c', from: '2025-09-11' },
    ]);
    expect(laneCount).toBe(1);
    expect(assignLanes([]).laneCount).toBe(0);
  });
});

describe('occupiedSpan', () => {
  it('covers whole days, inclusive of the last', () => {
    expect(occupiedSpan({ id: 'a', from: '2025-08-01', to: '2025-08-03' })).toEqual({
      start: base,
      end: base + 3,
    });
  });

  it('grows a short item evenly around its middle', () => {
    // 2 August is [base + 1, base + 2); three days around its middle 1.5.
    expect(occupiedSpan({ id: 'a', from: '2025-08-02' }, 3)).toEqual({
      start: base,
      end: base + 3,
    });
    expect(occupiedSpan({ id: 'a', from: '2025-08-02' }, 2)).toEqual({
      start: base + 0.5,
      end: base + 2.5,
    });
  });
});
