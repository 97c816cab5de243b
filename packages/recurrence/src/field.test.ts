import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CADENCE_ISSUE, cadenceFieldSchema } from './index.js';

const holder = z.object({ cadence: cadenceFieldSchema });

describe('cadence fields in a model file', () => {
  it('reads a bare phrase into text and rule', () => {
    expect(cadenceFieldSchema.parse('Hver fjerde uke')).toEqual({
      text: 'Hver fjerde uke',
      rule: { kind: 'interval', every: 4, unit: 'week' },
    });
  });

  it('keeps the action a phrase carries («Revideres …»)', () => {
    const c = cadenceFieldSchema.parse('Revideres en gang i året');
    expect(c.action).toBe('revision');
    expect(c.rule).toEqual({ kind: 'count', min: 1, max: 1, per: 'year' });
  });

  it('lets a written rule win over the words, keeping the words verbatim', () => {
    const c = cadenceFieldSchema.parse({
      text: 'En gang i året',
      rule: { kind: 'count', min: 1, max: 1, per: 'year', within: { kind: 'half', half: 'vår' } },
    });
    expect(c.text).toBe('En gang i året');
    expect(c.rule).toMatchObject({ within: { kind: 'half', half: 'vår' } });
  });

  it('reads {text} without a rule like the bare phrase, and an explicit action wins', () => {
    expect(cadenceFieldSchema.parse({ text: 'Ved behov', action: 'evaluation' })).toEqual({
      text: 'Ved behov',
      rule: { kind: 'on-demand' },
      action: 'evaluation',
    });
  });

  it('reports a phrase it does not understand at the field, with a suggestion', () => {
    const r = holder.safeParse({ cadence: 'hver fjerd uke' });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(['cadence']);
    expect(issue.message).toBe('«hver fjerd uke» er ikke forstått — mente du «Hver fjerde uke»?');
    expect((issue as { params?: Record<string, unknown> }).params).toEqual({
      code: CADENCE_ISSUE,
      text: 'hver fjerd uke',
    });
  });

  it('refuses an RRULE the engine cannot use', () => {
    const r = holder.safeParse({
      cadence: { text: 'x', rule: { kind: 'rrule', rrule: 'FREQ=SECONDLY' } },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/^RRULE-en kan ikke brukes/);
  });

  it('refuses a malformed rule with zod’s own issue at the rule’s path', () => {
    const r = holder.safeParse({
      cadence: { text: 'x', rule: { kind: 'interval', every: 0, unit: 'week' } },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.some((i) => i.path.join('.').startsWith('cadence'))).toBe(true);
  });
});
