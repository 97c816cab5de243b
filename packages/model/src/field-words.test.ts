import { describe, expect, it } from 'vitest';
import { fieldWord } from './field-words.js';

describe('fieldWord', () => {
  it('names the fields a user changes in their language', () => {
    expect(fieldWord('cadence')).toBe('rytme');
    expect(fieldWord('description', 'nn')).toBe('skildring');
    expect(fieldWord('schoolYear', 'en')).toBe('school year');
  });

  it('translates the first part of a deeper path and keeps the rest', () => {
    expect(fieldWord('scope.schools')).toBe('skoler › schools');
    expect(fieldWord('notes[3]')).toBe('merknader › [3]');
  });

  it('leaves a field it has no word for as it is', () => {
    expect(fieldWord('upstream')).toBe('upstream');
    expect(fieldWord('')).toBe('');
  });
});
