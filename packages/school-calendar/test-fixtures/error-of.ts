// Test helper: the ArshjulError a function throws (fails the test if it throws nothing else).
import { expect } from 'vitest';
import { ArshjulError } from '../src/errors.js';

export function errorOf(fn: () => unknown): ArshjulError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArshjulError);
    return e as ArshjulError;
  }
  throw new Error('expected an ArshjulError, but nothing was thrown');
}
