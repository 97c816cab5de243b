import { describe, expect, it } from 'vitest';
import { parseCadence } from '@arshjul/recurrence';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { describeCadence, parseCadenceCached } from './cadence.js';

const year = new CalendarRegistry().schoolYear('oslo', '2025-26');

describe('parseCadenceCached', () => {
  it('parses a phrase as parseCadence does, once per phrase and language', () => {
    const first = parseCadenceCached('Hver andre uke', 'nb');
    expect(first).toEqual(parseCadence('Hver andre uke', { lang: 'nb' }));
    expect(first.ok).toBe(true);
    // The same phrase again (the store, then the editor, on one keystroke): the same result.
    expect(parseCadenceCached('Hver andre uke', 'nb')).toBe(first);
    expect(parseCadenceCached('Hver andre uke', 'en')).not.toBe(first);
  });

  it('keeps why a phrase is not understood', () => {
    const result = parseCadenceCached('Hver blåe uke', 'nb');
    expect(result).toEqual(parseCadence('Hver blåe uke', { lang: 'nb' }));
    expect(result.ok).toBe(false);
    expect(parseCadenceCached('Hver blåe uke', 'nb')).toBe(result);
  });

  it('forgets the oldest phrases, not the ones in use', () => {
    const kept = parseCadenceCached('Hver fjerde uke', 'nb');
    for (let n = 2; n < 400; n++) {
      parseCadenceCached(`Hver ${n}. uke`, 'nb');
      if (n % 50 === 0) expect(parseCadenceCached('Hver fjerde uke', 'nb')).toBe(kept);
    }
    expect(parseCadenceCached('Hver fjerde uke', 'nb')).toBe(kept);
  });
});

describe('describeCadence', () => {
  it('gives the meaning and the next dates of a phrase, or why it is not understood', () => {
    const ok = describeCadence('Hver andre uke', year, 'nb', '2025-10-01');
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.dates).toHaveLength(5);
      expect(ok.dates.every((d) => d.date >= '2025-10-01')).toBe(true);
    }
    const bad = describeCadence('Hver blåe uke', year, 'nb', '2025-10-01');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason.length).toBeGreaterThan(0);
  });
});
