import { describe, it, expect } from 'vitest';
import { ArshjulError, isArshjulError } from './errors.js';
import { parseIsoDate } from './dates.js';

describe('ArshjulError', () => {
  it('carries a code, a message, where it happened and a hint', () => {
    const e = new ArshjulError('x.code', 'Noe er galt.', 'fil.json years[0]', 'Prøv igjen.');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ArshjulError');
    expect(e.describe()).toBe('fil.json years[0]: Noe er galt.\nPrøv igjen.');
    expect(new ArshjulError('x', 'Bare tekst.').describe()).toBe('Bare tekst.');
  });

  it('is recognised by isArshjulError, also across copies of the package', () => {
    let caught: unknown;
    try {
      parseIsoDate('2025-04-31', 'dato');
    } catch (e) {
      caught = e;
    }
    expect(isArshjulError(caught)).toBe(true);
    const foreign = Object.assign(new Error('fra en annen kopi'), { name: 'ArshjulError' });
    expect(isArshjulError(foreign)).toBe(true);
    expect(isArshjulError(new Error('vanlig'))).toBe(false);
    expect(isArshjulError('ArshjulError')).toBe(false);
  });
});
