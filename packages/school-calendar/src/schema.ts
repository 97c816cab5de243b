/**
 * The school-calendar data format (skoleruta) for one kommune, as a zod schema.
 * `docs/school-calendar.schema.json` is generated from it (scripts/write-json-schema.ts).
 */
import { z } from 'zod';
import { ArshjulError } from './errors.js';
import { isValidIsoDate } from './dates.js';

export const CALENDAR_SCHEMA_VERSION = 1;

export const BREAK_KINDS = [
  'høstferie',
  'juleferie',
  'vinterferie',
  'påskeferie',
  'sommerferie',
  'annen ferie',
] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];
/** The breaks every Norwegian school year has and that rules can name. */
export const NAMED_BREAKS = [
  'høstferie',
  'juleferie',
  'vinterferie',
  'påskeferie',
  'sommerferie',
] as const;
export type NamedBreak = (typeof NAMED_BREAKS)[number];

export const DAY_OFF_KINDS = ['planleggingsdag', 'inneklemt dag', 'valgdag', 'elevfri'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export const YEAR_STATUSES = ['derived', 'published', 'imported', 'user'] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];

// The pattern and format reach the JSON Schema (editors check them); the refinement, which
// rejects dates that do not exist such as 2026-02-29, only runs here.
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'er ikke en dato på formen ÅÅÅÅ-MM-DD', abort: true })
  .refine(isValidIsoDate, { message: 'er ikke en dato som finnes (bruk ÅÅÅÅ-MM-DD)' })
  .meta({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });

export const schoolYearNameSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: 'skoleår skrives som 2025-26', abort: true })
  .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), {
    message: 'er ikke et skoleår: et skoleår går fra ett år til det neste (for eksempel 2025-26)',
  })
  .describe('School year, e.g. 2025-26');

export const breakSchema = z
  .object({
    kind: z.enum(BREAK_KINDS),
    from: isoDateSchema.describe('First day of the break'),
    to: isoDateSchema.describe('Last day of the break (inclusive)'),
    name: z
      .string()
      .optional()
      .describe('Label when kind is "annen ferie" or the kommune uses its own name'),
  })
  .strict();

export const dayOffSchema = z
  .object({
    kind: z.enum(DAY_OFF_KINDS),
    date: isoDateSchema,
    name: z.string().optional(),
  })
  .strict();

export const schoolYearDataSchema = z
  .object({
    year: schoolYearNameSchema,
    status: z
      .enum(YEAR_STATUSES)
      .describe(
        "derived: computed from the kommune's rules, to be checked against the published skoleruta; published: copied from it; imported: from an .ics file; user: entered by a user",
      ),
    source: z.string().optional().describe('Where the dates come from'),
    firstSchoolDay: isoDateSchema,
    lastSchoolDay: isoDateSchema,
    breaks: z.array(breakSchema).default([]),
    daysOff: z.array(dayOffSchema).default([]),
  })
  .strict();

export const kommuneCalendarFileSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CALENDAR_SCHEMA_VERSION, {
      error: `schemaVersion må være ${CALENDAR_SCHEMA_VERSION}`,
    }),
    kommune: z
      .object({
        id: z
          .string()
          .regex(/^[a-z0-9æøå-]+$/, 'kommune-id skrives med små bokstaver, f.eks. «oslo»'),
        name: z.string().min(1),
        timeZone: z.string().default('Europe/Oslo'),
      })
      .strict(),
    years: z.array(schoolYearDataSchema),
  })
  .strict();

export type BreakData = z.infer<typeof breakSchema>;
export type DayOffData = z.infer<typeof dayOffSchema>;
export type SchoolYearData = z.infer<typeof schoolYearDataSchema>;
export type KommuneCalendarFile = z.infer<typeof kommuneCalendarFileSchema>;
export type KommuneCalendarFileInput = z.input<typeof kommuneCalendarFileSchema>;

/** Turns zod's issues into one readable message naming every field concerned. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], source: string): string {
  return issues
    .slice(0, 8)
    .map((i) => {
      const path = i.path.length
        ? i.path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
            .join('')
            .replace(/^\./, '')
        : '(roten)';
      return `${source} ${path}: ${i.message}`;
    })
    .join('\n');
}

/** Validates a parsed JSON value as a kommune calendar file. */
export function parseCalendarFile(value: unknown, source = 'kalenderfil'): KommuneCalendarFile {
  const result = kommuneCalendarFileSchema.safeParse(value, {
    // zod's own message for a missing field is «Invalid input: expected string, received undefined».
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'mangler' : undefined,
  });
  if (!result.success) {
    throw new ArshjulError(
      'calendar.invalid',
      `Kalenderfilen er ugyldig:\n${describeIssues(result.error.issues, source)}`,
      source,
    );
  }
  return result.data;
}

export function calendarJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(kommuneCalendarFileSchema, { io: 'input' }) as Record<string, unknown>;
}
