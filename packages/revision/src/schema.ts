/**
 * Revision rules and records as zod schemas. The model package embeds them; references to
 * documents, structures and parties are plain ids here and are checked by the model, which
 * knows what exists.
 */
import { z } from 'zod';
import { cadenceFieldSchema } from '@arshjul/recurrence';
import { isoDateSchema, schoolYearNameSchema } from '@arshjul/school-calendar';

/** Ids of everything in a model: letters, digits, «.», «_», «-»; e.g. `nsk`, `T1.4`, `rodtvet`. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]*$/, {
    message: 'er ikke en gyldig id (bruk bokstaver, tall, «.», «_» og «-»)',
  })
  .describe('An id: letters, digits, «.», «_», «-»');

/** A reference to a party (role, unit, school, area, institution or collective) by its id. */
export const partyRefSchema = idSchema.describe(
  'Id of a role, unit, school, area, institution or collective',
);

const noteObjectSchema = z
  .object({
    kind: z
      .enum(['inconsistency', 'interpretation', 'note'])
      .default('note')
      .describe(
        'inconsistency: the sources disagree and a reading was chosen; interpretation: not stated in the source',
      ),
    text: z.string().min(1).describe('The note in words'),
    alternative: z
      .string()
      .optional()
      .describe('For an inconsistency: the reading that was not chosen'),
    source: z.string().optional().describe('Where in the source documents'),
  })
  .strict();

/**
 * A note on an entity: plain text, or `{kind, text, alternative?, source?}`. Where the sources
 * contradict each other, `text` is the reading chosen and `alternative` the other one, with
 * `source` saying where each comes from. Plain text reads as `{kind: 'note', text}`.
 */
export const noteSchema = z.union([
  z
    .string()
    .min(1)
    .transform((text) => ({ kind: 'note' as const, text }))
    .describe('A note in plain words'),
  noteObjectSchema,
]);

export const REVISION_SUBJECT_KINDS = ['document', 'structure', 'model'] as const;
export type RevisionSubjectKind = (typeof REVISION_SUBJECT_KINDS)[number];

export const revisionSubjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), document: idSchema }).strict(),
  z.object({ kind: z.literal('structure'), structure: idSchema }).strict(),
  z
    .object({ kind: z.literal('model') })
    .strict()
    .describe('The collaboration model (the plan) as a whole'),
]);

export const leadTimeSchema = z
  .object({
    amount: z.number().int().min(0),
    unit: z.enum(['day', 'week']),
  })
  .strict()
  .describe('How long before the due date the proposal must be ready');

export const forumSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .describe("The forum or anchor in the source's words, e.g. «på SaLTo-møtet om våren»"),
    structure: idSchema
      .optional()
      .describe(
        "The structure (meeting) where the revision is made, when it is one of the model's",
      ),
  })
  .strict();

export const revisionRuleSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe('What is revised, in words'),
    subject: revisionSubjectSchema,
    cadence: cadenceFieldSchema.describe('How often, e.g. «Revideres en gang i året»'),
    forum: forumSchema.optional(),
    draftedBy: z
      .array(partyRefSchema)
      .default([])
      .describe('Who drafts the proposal (utarbeider forslag)'),
    draftLead: leadTimeSchema.optional(),
    input: z.array(partyRefSchema).default([]).describe('Who gives input (innspill)'),
    decidedBy: z.array(partyRefSchema).default([]).describe('Who decides (vedtar)'),
    publishedBy: z.array(partyRefSchema).default([]).describe('Who publishes'),
    continuous: z
      .boolean()
      .optional()
      .describe('Also revised continuously when things change («revidert fortløpende»)'),
    firstRevision: z
      .object({
        schoolYear: schoolYearNameSchema,
        text: z.string().optional().describe("In the source's words, e.g. «våren 2023»"),
      })
      .strict()
      .optional()
      .describe('The first school year the rule applies'),
    responsibleText: z.string().optional().describe('Who is responsible, verbatim from the source'),
    source: z.string().optional().describe('Where in the source documents the rule comes from'),
    notes: z.array(noteSchema).default([]),
  })
  .strict();

export const revisionRecordSchema = z
  .object({
    rule: idSchema.describe('The revision rule this record fulfils'),
    date: isoDateSchema,
    version: z.string().optional(),
    summary: z.string().min(1),
    by: z.array(partyRefSchema).default([]),
  })
  .strict();

export type RevisionSubject = z.infer<typeof revisionSubjectSchema>;
export type RevisionRule = z.output<typeof revisionRuleSchema>;
export type RevisionRuleInput = z.input<typeof revisionRuleSchema>;
export type RevisionRecord = z.output<typeof revisionRecordSchema>;
export type LeadTime = z.infer<typeof leadTimeSchema>;
export type Note = z.output<typeof noteSchema>;
export type RevisionRecordInput = z.input<typeof revisionRecordSchema>;
