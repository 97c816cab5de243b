import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ELLIPSIS,
  arcLength,
  fitLabel,
  labelSlots,
  textWidth,
  type LabelSlotInput,
} from './labels.js';

const words = fc
  .array(
    fc.constantFrom(
      'Frist',
      'møte',
      'Styringsgruppe',
      'NSK',
      'å',
      'Planarbeid',
      'i',
      'W',
      '–',
      'Ø',
      '7.',
      'trinn',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((w) => w.join(' '));

describe('textWidth', () => {
  it('is the sum of its parts, so it never shrinks as text grows', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (a, b, fs) => {
          expect(textWidth(a + b, fs)).toBeCloseTo(textWidth(a, fs) + textWidth(b, fs), 9);
          expect(textWidth(a + b, fs)).toBeGreaterThanOrEqual(textWidth(a, fs));
        },
      ),
    );
  });

  it('scales with the font size and is wider in bold', () => {
    expect(textWidth('', 12)).toBe(0);
    expect(textWidth('Årshjul', 20)).toBeCloseTo(2 * textWidth('Årshjul', 10), 9);
    expect(textWidth('Årshjul', 10, true)).toBeGreaterThan(textWidth('Årshjul', 10));
    expect(textWidth('i', 10)).toBeLessThan(textWidth('m', 10));
  });
});

describe('fitLabel', () => {
  it('never returns text wider than the room; shortened text ends with «…»', () => {
    fc.assert(
      fc.property(
        words,
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.boolean(),
        (text, available, bold) => {
          const r = fitLabel(text, available, 10, { bold });
          expect(textWidth(r.text, 10, bold)).toBeLessThanOrEqual(available + 1e-9);
          if (!r.shortened) {
            expect(r.text).toBe(text);
            expect(r.fits).toBe(true);
          } else if (r.fits) {
            expect(r.text.endsWith(ELLIPSIS)).toBe(true);
            expect(text.startsWith(r.text.slice(0, 4))).toBe(true);
          } else {
            expect(r.text).toBe('');
          }
        },
      ),
    );
  });

  it('keeps the whole label when it fits, with spaces tidied', () => {
    expect(fitLabel('  NSK-møte\n ', 1000, 10)).toEqual({
      text: 'NSK-møte',
      shortened: false,
      fits: true,
    });
  });

  it('cuts at a word boundary when that keeps most of the text', () => {
    const text = 'Revider rutine for bekymringsmelding';
    const r = fitLabel(text, textWidth('Revider rutine for bekym', 10), 10);
    expect(r).toEqual({ text: 'Revider rutine for…', shortened: true, fits: true });
  });

  it("gives '' and fits: false when not even a few characters fit", () => {
    expect(fitLabel('Styringsgruppemøte', 5, 10)).toEqual({
      text: '',
      shortened: true,
      fits: false,
    });
    expect(fitLabel('Styringsgruppemøte', 0, 10).fits).toBe(false);
    expect(fitLabel('Styringsgruppemøte', 0, 10).text).toBe('');
  });
});

/** Items of one lane: disjoint angular intervals, some of them single-day marks. */
const laneArb = fc
  .array(
    fc.record({
      gap: fc.double({ min: 0, max: 30, noNaN: true }),
      span: fc.double({ min: 0.5, max: 25, noNaN: true }),
      mark: fc.boolean(),
    }),
    { maxLength: 25 },
  )
  .map((raw) => {
    let a = 0;
    const items: LabelSlotInput[] = [];
    raw.forEach((r, i) => {
      const start = a + r.gap;
      const end = start + (r.mark ? 2 : r.span);
      if (end > 360) return;
      items.push({ id: `i${i}`, start, end, mark: r.mark });
      a = end;
    });
    return items;
  });

describe('labelSlots', () => {
  it('never lets a label overlap another item or another label in the lane', () => {
    fc.assert(
      fc.property(laneArb, fc.double({ min: 0, max: 1, noNaN: true }), (items, padding) => {
        const slots = labelSlots(items, { padding });
        expect(slots.map((s) => s.id)).toEqual(items.map((i) => i.id));
        slots.forEach((slot, i) => {
          const own = items[i]!;
          expect(slot.end).toBeLessThanOrEqual(360);
          if (slot.end <= slot.start) return; // no room at all
          if (own.mark) {
            expect(slot.start).toBeGreaterThanOrEqual(own.end);
            expect(slot.end - slot.start).toBeLessThanOrEqual(40 + 1e-9);
          } else {
            expect(slot.start).toBeGreaterThanOrEqual(own.start);
            expect(slot.end).toBeLessThanOrEqual(own.end);
          }
          items.forEach((other, j) => {
            if (j === i) return;
            expect(slot.end <= other.start || slot.start >= other.end).toBe(true);
            const s = slots[j]!;
            if (s.end > s.start) expect(slot.end <= s.start || slot.start >= s.end).toBe(true);
          });
        });
      }),
    );
  });

  it("runs a mark's label to the next item, at most maxMarkSpan, never past the year's end", () => {
    const slots = labelSlots(
      [
        { id: 'm', start: 10, end: 12, mark: true },
        { id: 'p', start: 20, end: 30, mark: false },
        { id: 'last', start: 350, end: 352, mark: true },
      ],
      { padding: 0.5, maxMarkSpan: 30 },
    );
    expect(slots).toEqual([
      { id: 'm', start: 12.5, end: 19.5 },
      { id: 'p', start: 20.5, end: 29.5 },
      { id: 'last', start: 352.5, end: 359.5 },
    ]);
  });
});

describe('arcLength', () => {
  it('is radius × angle in radians, never negative', () => {
    expect(arcLength(100, 180)).toBeCloseTo(100 * Math.PI, 9);
    expect(arcLength(100, -5)).toBe(0);
  });
});
