import { describe, it, expect } from 'vitest';
import { parseWallTime, zonedInstant, zoneOffsetMinutes } from './zoned.js';
import { errorOf } from '../test-fixtures/error-of.js';

describe('zonedInstant (Europe/Oslo)', () => {
  it('runs in a machine time zone far from Oslo', () => {
    // vitest.shared.ts sets TZ so that nothing can lean on the machine's zone by accident.
    expect(process.env.TZ).toBe('America/New_York');
    expect(new Date('2025-10-20T12:00:00Z').getTimezoneOffset()).toBe(240);
  });

  it('keeps a meeting at 14:00 local time across the autumn clock change', () => {
    // Summer time (UTC+2) ends on Sunday 26 October 2025.
    expect(zonedInstant('2025-10-20', '14:00')).toBe('2025-10-20T12:00:00Z');
    expect(zonedInstant('2025-10-27', '14:00')).toBe('2025-10-27T13:00:00Z');
    expect(zoneOffsetMinutes('2025-10-20', '14:00')).toBe(120);
    expect(zoneOffsetMinutes('2025-10-27', '14:00')).toBe(60);
  });

  it('switches at 01:00 UTC on the last Sunday of March and October', () => {
    expect(zonedInstant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00Z');
    expect(zonedInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00Z');
    expect(zoneOffsetMinutes('2026-03-28', '12:00')).toBe(60);
    expect(zoneOffsetMinutes('2026-03-30', '12:00')).toBe(120);
  });

  it('rejects the hour skipped in spring: 02:30 on 29 March 2026 does not exist', () => {
    const e = errorOf(() => zonedInstant('2026-03-29', '02:30'));
    expect(e.code).toBe('time.nonexistent');
    expect(e.message).toContain('02:30');
    expect(e.message).toContain('2026-03-29');
    expect(errorOf(() => zoneOffsetMinutes('2026-03-29', '02:00')).code).toBe('time.nonexistent');
  });

  it('works for other zones and at midnight', () => {
    expect(zonedInstant('2026-01-15', '00:00')).toBe('2026-01-14T23:00:00Z');
    expect(zonedInstant('2026-07-01', '09:00', 'UTC')).toBe('2026-07-01T09:00:00Z');
    expect(zonedInstant('2026-07-01', '09:00', 'America/New_York')).toBe('2026-07-01T13:00:00Z');
  });

  it('rejects an unknown zone, a bad time and a date that does not exist', () => {
    expect(errorOf(() => zonedInstant('2026-01-15', '10:00', 'Europe/Atlantis')).code).toBe(
      'time.zone',
    );
    expect(errorOf(() => zonedInstant('2026-01-15', '24:00')).code).toBe('time.format');
    expect(errorOf(() => zonedInstant('2026-01-15', 'kl 10')).code).toBe('time.format');
    // Not a daylight-saving gap: the date itself does not exist.
    expect(errorOf(() => zonedInstant('2026-02-29', '10:00')).code).toBe('date.nonexistent');
  });
});

describe('parseWallTime', () => {
  it('accepts HH:MM and H:MM and pads the hour', () => {
    expect(parseWallTime('14:00')).toBe('14:00');
    expect(parseWallTime('9:05')).toBe('09:05');
    expect(parseWallTime(' 23:59 ')).toBe('23:59');
    expect(zonedInstant('2026-01-15', '9:05')).toBe('2026-01-15T08:05:00Z');
  });

  it('rejects anything else with a clear message', () => {
    for (const bad of ['24:00', '14:60', '14', '14.00', '']) {
      const e = errorOf(() => parseWallTime(bad, 'møte.tid'));
      expect(e.code).toBe('time.format');
      expect(e.message).toContain(`«${bad}»`);
      expect(e.where).toBe('møte.tid');
    }
  });
});
