/**
 * A cadence: the user's own words ("Hver fjerde uke") and the structured rule they mean.
 * The zod schema is the source of the types; the model package embeds it.
 */
import { z } from 'zod';
import { NAMED_BREAKS, POINT_ANCHORS, type IsoDate } from '@arshjul/school-calendar';

export const weekdaySchema = z.number().int().min(1).max(7).describe('ISO weekday, 1 = Monday');

export const timeOfDaySchema = z
  .object({
    start: z.string().regex(/^\d{2}:\d{2}$/),
    end: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .optional(),
  })
  .strict()
  .describe('Local wall-clock time in the kommune (Europe/Oslo)');

export const PERIODS = ['week', 'month', 'quarter', 'half', 'year'] as const;
export type CountPeriod = (typeof PERIODS)[number];

export const INTERVAL_UNITS = ['day', 'week', 'month', 'year'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

const namedBreak = z.enum(NAMED_BREAKS);

export const windowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('school-year') }).strict(),
  z.object({ kind: z.literal('half'), half: z.enum(['høst', 'vår']) }).strict(),
  z.object({ kind: z.literal('month'), month: z.number().int().min(1).max(12) }).strict(),
  z.object({ kind: z.literal('break'), break: namedBreak }).strict(),
  z
    .object({ kind: z.literal('start-of-year'), weeks: z.number().int().min(1).optional() })
    .strict(),
  z.object({ kind: z.literal('end-of-year'), weeks: z.number().int().min(1).optional() }).strict(),
  z
    .object({
      kind: z.literal('before'),
      break: namedBreak,
      weeks: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('after'),
      break: namedBreak,
      weeks: z.number().int().min(1).optional(),
    })
    .strict(),
]);

export const GROUP_ANCHORS = ['før-hver-ferie', 'etter-hver-ferie'] as const;
export type AnchorName = (typeof POINT_ANCHORS)[number] | (typeof GROUP_ANCHORS)[number];
export const anchorNameSchema = z.enum([...POINT_ANCHORS, ...GROUP_ANCHORS] as unknown as [
  AnchorName,
  ...AnchorName[],
]);

export const offsetSchema = z
  .object({
    amount: z.number().int(),
    unit: z.enum(['day', 'week', 'school-day']),
  })
  .strict()
  .describe('Signed offset; negative is before');

export const QUALITATIVE_WORDS = ['jevnlig', 'fast', 'regelmessig', 'hyppig'] as const;

const common = {
  weekdays: z.array(weekdaySchema).optional(),
  time: timeOfDaySchema.optional(),
  approximate: z.boolean().optional(),
};

const intervalRule = z
  .object({
    kind: z.literal('interval'),
    every: z.number().int().min(1),
    unit: z.enum(INTERVAL_UNITS),
    /** For yearly intervals: a year it happened, to know which years it falls in. */
    since: z.number().int().optional(),
    ...common,
  })
  .strict();

const countRule = z
  .object({
    kind: z.literal('count'),
    min: z.number().int().min(1),
    max: z.number().int().min(1),
    per: z.enum(PERIODS),
    within: windowSchema.optional(),
    ...common,
  })
  .strict();

const dateRule = z
  .object({
    kind: z.literal('date'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    time: timeOfDaySchema.optional(),
  })
  .strict();

const weekRule = z
  .object({
    kind: z.literal('week'),
    week: z.number().int().min(1).max(53),
    weekdays: z.array(weekdaySchema).optional(),
    time: timeOfDaySchema.optional(),
  })
  .strict();

const anchorRule = z
  .object({
    kind: z.literal('anchor'),
    anchor: anchorNameSchema,
    offset: offsetSchema.optional(),
    time: timeOfDaySchema.optional(),
  })
  .strict();

const eventRule = z
  .object({
    kind: z.literal('event'),
    event: z.string().min(1),
    relation: z.enum(['at', 'before', 'after']),
    offset: offsetSchema.optional(),
    approximate: z.boolean().optional(),
  })
  .strict();

const onDemandRule = z.object({ kind: z.literal('on-demand') }).strict();
const continuousRule = z.object({ kind: z.literal('continuous') }).strict();
const qualitativeRule = z
  .object({ kind: z.literal('qualitative'), word: z.enum(QUALITATIVE_WORDS) })
  .strict();
const schoolChoiceRule = z.object({ kind: z.literal('school-choice') }).strict();
const rruleRule = z.object({ kind: z.literal('rrule'), rrule: z.string().min(1) }).strict();

const simpleRule = z.discriminatedUnion('kind', [
  intervalRule,
  countRule,
  dateRule,
  weekRule,
  anchorRule,
  eventRule,
  onDemandRule,
  continuousRule,
  qualitativeRule,
  schoolChoiceRule,
  rruleRule,
]);

const alternativesRule = z
  .object({
    kind: z.literal('alternatives'),
    options: z.array(simpleRule).min(2),
  })
  .strict();

export const ruleSchema = z.discriminatedUnion('kind', [...simpleRule.options, alternativesRule]);

export const ACTIONS = ['revision', 'adjustment', 'update', 'evaluation'] as const;

export const cadenceSchema = z
  .object({
    text: z.string().describe('The phrase as the user wrote it'),
    rule: ruleSchema,
    action: z
      .enum(ACTIONS)
      .optional()
      .describe('When the phrase says what is done: «Revideres …», «Justeres …»'),
  })
  .strict();

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type TimeOfDay = z.infer<typeof timeOfDaySchema>;
export type Window = z.infer<typeof windowSchema>;
export type Offset = z.infer<typeof offsetSchema>;
export type SimpleRule = z.infer<typeof simpleRule>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type Cadence = z.infer<typeof cadenceSchema>;
export type Action = (typeof ACTIONS)[number];
export type QualitativeWord = (typeof QUALITATIVE_WORDS)[number];
export type IntervalRule = z.infer<typeof intervalRule>;
export type CountRule = z.infer<typeof countRule>;

/** Kinds that never produce dates by themselves. */
export const UNSCHEDULED_KINDS: readonly RuleKind[] = [
  'on-demand',
  'continuous',
  'qualitative',
  'school-choice',
];

export type Placement = 'exact' | 'suggested';

export interface Occurrence {
  date: IsoDate;
  time?: TimeOfDay;
  /** `exact`: the rule fixes the date; `suggested`: a date spread within a period, to be confirmed. */
  placement: Placement;
  /** The stretch the rule allows for a suggested date (the month, half, or window). */
  window?: { from: IsoDate; to: IsoDate };
  /** Beyond the minimum of a range ("En til to ganger"): may be dropped. */
  optional?: boolean;
  /** Set when the date was moved off a holiday, break or day off. */
  moved?: { from: IsoDate; reason: string };
  /** Set when the date was kept on a day that is not a school day (why, in words). */
  nonSchoolDay?: string;
}

export type ExpansionStatus =
  | 'scheduled'
  | 'on-demand'
  | 'continuous'
  | 'needs-interval'
  | 'school-choice'
  | 'waiting-for-event'
  | 'not-this-year';

export interface Expansion {
  kind: RuleKind;
  status: ExpansionStatus;
  approximate: boolean;
  occurrences: Occurrence[];
  /** Dates the rule gives that were dropped, and why (EXDATEs in an export). */
  skipped: { date: IsoDate; reason: string }[];
  /** The RFC 5545 rule behind the dates, or null when the dates are not one RRULE. */
  rrule: string | null;
  /** DTSTART for `rrule` in this school year. */
  dtstart: IsoDate | null;
  /** Things the user should know, in words (nb). */
  notes: string[];
  /** For alternatives: each option expanded; the first is the one in `occurrences`. */
  options?: Expansion[];
}
