import { describe, expect, it } from 'vitest';
import { LANGS, PARTS, t, type MessageKey } from './index.js';

describe('the dictionaries', () => {
  it('define every key once, across all word files', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, words] of Object.entries(PARTS)) {
      for (const key of Object.keys(words)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('have a non-empty text in nb, nn and en for every key', () => {
    const missing: string[] = [];
    for (const words of Object.values(PARTS)) {
      for (const [key, texts] of Object.entries(words)) {
        for (const l of LANGS) {
          const text = (texts as Record<string, string>)[l];
          if (!text || !text.trim()) missing.push(`${key}.${l}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('fill in placeholders', () => {
    expect(t('didYouMean' as MessageKey, { s: 'Hver uke' }, 'nb')).toBe('Mente du «Hver uke»?');
  });
});
