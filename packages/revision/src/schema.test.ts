import { describe, expect, it } from 'vitest';
import { noteSchema, revisionRuleSchema } from './schema.js';

describe('notes on revision rules', () => {
  it('read plain text as a note, so files written before notes had a kind still open', () => {
    const rule = revisionRuleSchema.parse({
      id: 'R12',
      title: 'Revisjon av bydelskatalogen',
      subject: { kind: 'structure', structure: 'T2.6' },
      cadence: 'Revideres en ganger i året',
      notes: ['«en ganger» er en skrivefeil i kilden.'],
    });
    expect(rule.notes).toEqual([{ kind: 'note', text: '«en ganger» er en skrivefeil i kilden.' }]);
  });

  it('keep a chosen reading and the other one', () => {
    expect(
      noteSchema.parse({
        kind: 'inconsistency',
        text: 'NSK reviderer katalogen.',
        alternative: 'Bydelen oppdaterer katalogen.',
        source: '§11.7',
      }),
    ).toEqual({
      kind: 'inconsistency',
      text: 'NSK reviderer katalogen.',
      alternative: 'Bydelen oppdaterer katalogen.',
      source: '§11.7',
    });
    expect(noteSchema.parse({ text: 'Uten slag' })).toEqual({ kind: 'note', text: 'Uten slag' });
    expect(noteSchema.safeParse('').success).toBe(false);
    expect(noteSchema.safeParse({ kind: 'merknad', text: 'x' }).success).toBe(false);
  });
});
