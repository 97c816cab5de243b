import { describe, expect, it } from 'vitest';
import { angleToDate, augustYear, dateToAngle, monthSectors, weekTicks } from './time-scale.js';

const y2025 = augustYear(2025);

describe('time scale', () => {
  it('puts 1 August at 0°, 1 February near 180° and 31 July just before 360°', () => {
    expect(dateToAngle('2025-08-01', y2025)).toBe(0);
    expect(dateToAngle('2026-02-01', y2025)).toBeCloseTo((184 / 365) * 360, 9);
    const last = dateToAngle('2026-07-31', y2025);
    expect(last).toBeLessThan(360);
    expect(360 - last).toBeCloseTo(360 / 365, 9);
  });

  it('round-trips every day, leap year included', () => {
    for (const year of [y2025, augustYear(2027)]) {
      for (let a = 0; a < 360; a += 0.37) {
        const d = angleToDate(a, year);
        expect(dateToAngle(d, year)).toBeLessThanOrEqual(a + 1e-9);
      }
      expect(angleToDate(dateToAngle('2028-02-29', augustYear(2027)), augustYear(2027))).toBe(
        '2028-02-29',
      );
    }
  });

  it('has twelve month sectors covering the circle with nb names', () => {
    const months = monthSectors(y2025, 'nb');
    expect(months.map((m) => m.name)).toEqual([
      'august',
      'september',
      'oktober',
      'november',
      'desember',
      'januar',
      'februar',
      'mars',
      'april',
      'mai',
      'juni',
      'juli',
    ]);
    expect(months[0]!.startAngle).toBe(0);
    expect(months.at(-1)!.endAngle).toBeCloseTo(360, 9);
  });

  it('includes ISO week 53 when the year has one', () => {
    const weeks = weekTicks(augustYear(2026)).map((w) => w.week);
    expect(weeks).toContain(53);
    expect(weekTicks(y2025).map((w) => w.week)).not.toContain(53);
  });
});
