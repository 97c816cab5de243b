/**
 * A cadence as it is written in a model file: either the phrase alone («Hver fjerde uke»),
 * which is parsed when the file is read, or the phrase with a structured rule that is
 * authoritative (for when the rule says more than the words, e.g. an anchor taken from a name).
 */
import { z } from 'zod';
import { parseCadence } from './parse.js';
import { validateRRule } from './engine/rrule-adapter.js';
import { ACTIONS, ruleSchema, type Cadence } from './types.js';

export const CADENCE_ISSUE = 'cadence.not-understood';

export const cadenceObjectInputSchema = z
  .object({
    text: z.string().describe('The phrase as the user wrote it, kept verbatim'),
    rule: ruleSchema
      .optional()
      .describe('The structured rule; when left out it is read from the text'),
    action: z
      .enum(ACTIONS)
      .optional()
      .describe('When the phrase says what is done: «Revideres …», «Justeres …»'),
  })
  .strict();

/** A cadence field: a phrase, or `{ text, rule?, action? }`; always a full Cadence once read. */
export const cadenceFieldSchema = z
  .union([z.string().describe('A rhythm phrase, e.g. «Hver fjerde uke»'), cadenceObjectInputSchema])
  .transform((value, ctx): Cadence => {
    const input = typeof value === 'string' ? { text: value } : value;
    if (input.rule) {
      if (input.rule.kind === 'rrule') {
        try {
          validateRRule(input.rule.rrule);
        } catch (e) {
          ctx.issues.push({
            code: 'custom',
            input: value,
            message: `RRULE-en kan ikke brukes: ${(e as Error).message}`,
            params: { code: CADENCE_ISSUE, text: input.rule.rrule },
          });
          return z.NEVER;
        }
      }
      return input.action
        ? { text: input.text, rule: input.rule, action: input.action }
        : { text: input.text, rule: input.rule };
    }
    const parsed = parseCadence(input.text);
    if (!parsed.ok) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `«${input.text}» er ikke forstått${parsed.suggestion ? ` — mente du «${parsed.suggestion}»?` : `: ${parsed.reason}`}`,
        params: { code: CADENCE_ISSUE, text: input.text },
      });
      return z.NEVER;
    }
    const action = input.action ?? parsed.cadence.action;
    return action ? { ...parsed.cadence, action } : parsed.cadence;
  });

export type CadenceFieldInput = z.input<typeof cadenceFieldSchema>;
