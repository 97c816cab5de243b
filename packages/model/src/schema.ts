/**
 * The collaboration model as one zod schema: organisation, roles, structures in three levels,
 * documents, revision rules, onboarding plans, event-triggered routines and a glossary.
 *
 * This schema is the single source of the model's TypeScript types (`ModelInput` is what a file
 * may contain, `Model` is what it reads as) and of the published JSON Schema
 * (`docs/model.schema.json`, written by `npm run schema -w @arshjul/model`).
 *
 * References between entities are ids. All ids of organisation entities, roles and collectives
 * share one namespace, so a reference such as `"nsk"` or `"rodtvet"` is unambiguous; structures,
 * documents, revision rules, onboarding plans and routines each have their own.
 */
import { z } from 'zod';
import { cadenceFieldSchema } from '@arshjul/recurrence';
import {
  isoDateSchema,
  schoolYearDataSchema,
  schoolYearNameSchema,
} from '@arshjul/school-calendar';
import {
  idSchema,
  noteSchema,
  partyRefSchema,
  revisionRecordSchema,
  revisionRuleSchema,
} from '@arshjul/revision';

/** The version this code writes. Older files are migrated on read (see migrations.ts). */
export const MODEL_SCHEMA_VERSION = 1;

/** Marks personal data in the JSON Schema; transfer exports strip every field carrying it. */
const PERSONAL = { 'x-personal-data': true } as const;

export { noteSchema };
export type { Note } from '@arshjul/revision';

const notes = z.array(noteSchema).default([]);
const aliases = z
  .array(z.string().min(1))
  .default([])
  .describe('Other names the source uses for the same thing');

const periodFields = {
  from: isoDateSchema.optional().describe('First day (inclusive); open when left out'),
  to: isoDateSchema.optional().describe('Last day (inclusive); open when left out'),
};

/**
 * Where an adopted item came from (issue 5: transfer). Written by `@arshjul/transfer` when a
 * district adapts another district's model; `changed` says whether it differs locally from the
 * source item as mapped (roles, terms, schools), e.g. a local rhythm or text.
 */
export const originSchema = z
  .object({
    model: idSchema.describe('Id of the source model, e.g. «grorudmodellen»'),
    version: z
      .string()
      .min(1)
      .describe('Version of the source model, e.g. its school year «2025-26»'),
    id: z.string().min(1).describe('The item id in the source model'),
    changed: z.boolean().default(false).describe('Changed locally since it was adopted'),
  })
  .strict()
  .describe('Provenance of an adopted item');

const origin = originSchema.optional();

// ---------------------------------------------------------------------------------------------
// Organisation

export const districtSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).describe('E.g. «Bydel Grorud»'),
    kommune: z
      .string()
      .min(1)
      .default('oslo')
      .describe('Kommune id in the school-calendar registry, e.g. «oslo»'),
    aliases,
    notes,
  })
  .strict();

export const UNIT_KINDS = [
  'department',
  'unit',
  'section',
  'service',
  'team',
  'network',
  'external',
] as const;

export const unitSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    abbreviation: z.string().optional().describe('E.g. «FE», «AE», «BV»'),
    kind: z.enum(UNIT_KINDS).default('unit'),
    parent: idSchema.optional().describe('The unit this one belongs to'),
    areas: z
      .array(idSchema)
      .default([])
      .describe('School areas the unit is organised by, when it is'),
    description: z.string().optional(),
    aliases,
    notes,
  })
  .strict();

export const areaSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).describe('E.g. «Ammerud»'),
    aliases,
    description: z.string().optional(),
    notes,
  })
  .strict();

export const SCHOOL_STAGES = [
  'barneskole',
  'ungdomsskole',
  'kombinert',
  'videregående',
  'annen',
] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

export const membershipSchema = z
  .object({
    area: idSchema
      .optional()
      .describe('The school area in this period; left out when the district has no areas'),
    ...periodFields,
    note: z.string().optional().describe('E.g. why the school left'),
  })
  .strict()
  .describe('A period in which the school takes part in the collaboration');

export const schoolSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).describe('E.g. «Rødtvet skole»'),
    stage: z.enum(SCHOOL_STAGES),
    grades: z
      .object({ from: z.number().int().min(1).max(13), to: z.number().int().min(1).max(13) })
      .strict()
      .optional()
      .describe('Trinn, e.g. 1–7'),
    memberships: z
      .array(membershipSchema)
      .min(1)
      .describe(
        'When and in which area the school takes part; a school that left has a closed period',
      ),
    aliases,
    notes,
  })
  .strict();

/** What an institution (not a school) is: a kindergarten, an open kindergarten, or another. */
export const INSTITUTION_KINDS = ['barnehage', 'åpen barnehage', 'annen'] as const;

export const institutionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    kind: z.enum(INSTITUTION_KINDS).default('barnehage'),
    area: idSchema.optional(),
    aliases,
    notes,
  })
  .strict();

export const organisationSchema = z
  .object({
    district: districtSchema,
    units: z.array(unitSchema).default([]),
    areas: z.array(areaSchema).default([]).describe('Skoleområder; a district may have none'),
    schools: z.array(schoolSchema).default([]),
    institutions: z.array(institutionSchema).default([]),
    notes,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Roles and collectives

export const personSchema = z
  .object({
    name: z.string().min(1).meta(PERSONAL),
    email: z.string().optional().meta(PERSONAL),
    phone: z.string().optional().meta(PERSONAL),
  })
  .strict()
  .meta({
    ...PERSONAL,
    description:
      'Personal data: kept only here, in a role assignment, and stripped from every transfer export',
  });

export const assignmentSchema = z
  .object({
    area: idSchema.optional(),
    school: idSchema.optional(),
    ...periodFields,
    person: personSchema.optional(),
    note: z.string().optional(),
  })
  .strict()
  .describe('Who holds the role where, over a period; a vacancy is an assignment without person');

export const roleSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe("The district's own title, e.g. «Nærmiljøskolekoordinator»"),
    abbreviation: z.string().optional().describe('E.g. «NSK»'),
    side: z
      .enum(['district', 'school', 'parents', 'pupils', 'partner'])
      .optional()
      .describe('Which side of the collaboration the role belongs to'),
    unit: idSchema.optional().describe('The unit that employs the role'),
    mandate: z.string().optional().describe('What the role is for'),
    perArea: z.boolean().optional().describe('One holder per school area (e.g. NSK, BVK)'),
    perSchool: z.boolean().optional().describe('One holder per school (e.g. rektor)'),
    assignments: z.array(assignmentSchema).default([]),
    aliases,
    origin,
    notes,
  })
  .strict();

export const collectiveSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).describe('E.g. «Skolene», «Felles»'),
    members: z
      .array(partyRefSchema)
      .default([])
      .describe('Who the collective stands for; empty means the participating schools'),
    description: z.string().optional(),
    notes,
  })
  .strict()
  .describe('A group named as responsible, such as «Skolene» or «Felles»');

// ---------------------------------------------------------------------------------------------
// Structures

export const LEVELS = ['strategisk', 'organisatorisk', 'operativt'] as const;
export type Level = (typeof LEVELS)[number];
export const FOCI = ['samhandling', 'elevene', 'elever-og-foresatte'] as const;
export type Focus = (typeof FOCI)[number];
export const STATUSES = ['planned', 'pilot', 'in-operation', 'discontinued'] as const;
export type StructureStatus = (typeof STATUSES)[number];

export const scopeSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('all-schools'),
        district: z.boolean().optional().describe('Also at district level'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('stage'),
        stages: z.array(z.enum(SCHOOL_STAGES)).min(1),
        district: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('areas'),
        areas: z.array(idSchema).min(1),
        district: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('schools'),
        schools: z.array(idSchema).min(1),
        district: z.boolean().optional(),
      })
      .strict(),
    z
      .object({ kind: z.literal('district') })
      .strict()
      .describe('District level only, no school'),
  ])
  .describe('Which schools the structure applies to');

export const variationSchema = z
  .object({
    school: idSchema,
    takesPart: z
      .boolean()
      .optional()
      .describe(
        'false: the school does not take part; true: it takes part although outside the scope',
      ),
    cadence: cadenceFieldSchema.optional().describe("The school's own rhythm"),
    localName: z.string().optional().describe("The school's own name for the meeting arena"),
    note: z.string().optional(),
  })
  .strict();

export const statusEntrySchema = z
  .object({
    status: z.enum(STATUSES),
    from: isoDateSchema.describe('From this day on'),
    note: z.string().optional(),
  })
  .strict();

export const agendaRowSchema = z
  .object({
    content: z.string().min(1).describe('Innhold'),
    purpose: z.string().optional().describe('Hensikt / formål'),
    documents: z
      .array(z.string().min(1))
      .default([])
      .describe("Document ids of the model, or a document's name when it is not in the model"),
    responsible: z.array(partyRefSchema).default([]),
    responsibleText: z.string().optional().describe('Ansvar, verbatim'),
    note: z.string().optional(),
  })
  .strict();

export const structureSchema = z
  .object({
    id: idSchema.describe('E.g. «T4.1» (table 4, row 1 of the implementation plan)'),
    name: z.string().min(1).describe('Formell struktur, verbatim'),
    description: z.string().optional().describe('Beskrivelse, verbatim'),
    level: z.enum(LEVELS),
    secondaryLevels: z.array(z.enum(LEVELS)).default([]),
    focus: z
      .enum(FOCI)
      .optional()
      .describe(
        'For operative structures: aimed at samhandling, at elevene, or at elever og foresatte',
      ),
    kind: z
      .enum(['meeting', 'presence', 'measure', 'document', 'decision', 'programme'])
      .optional()
      .describe('What sort of thing the structure is'),
    cadence: cadenceFieldSchema.describe('Oppfølging: the rhythm, verbatim text and its rule'),
    responsible: z.array(partyRefSchema).default([]).describe('Ansvar for oppfølging'),
    contributors: z
      .array(partyRefSchema)
      .default([])
      .describe('Those who give input, when the source separates them from those responsible'),
    responsibleText: z.string().optional().describe('Ansvar for oppfølgning, verbatim'),
    participants: z.array(partyRefSchema).default([]),
    scope: scopeSchema,
    scopeText: z.string().optional().describe('Grunnskolene det gjelder, verbatim'),
    variations: z.array(variationSchema).default([]),
    status: z
      .array(statusEntrySchema)
      .default([])
      .describe('Status over time, in date order; none means in operation'),
    documents: z.array(idSchema).default([]).describe('Linked documents'),
    agenda: z.array(agendaRowSchema).default([]).describe('Agenda template for a meeting'),
    source: z.string().optional(),
    origin,
    notes,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Documents, onboarding plans, routines, glossary

export const DOCUMENT_KINDS = [
  'agreement',
  'concept-paper',
  'plan',
  'web-text',
  'catalogue',
  'contact-list',
  'template',
  'other',
] as const;

export const documentSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    kind: z.enum(DOCUMENT_KINDS).default('other'),
    description: z.string().optional(),
    audience: z.string().optional().describe('Who the document is for'),
    owner: z.array(partyRefSchema).default([]),
    ownerText: z.string().optional().describe("The owner in the source's words"),
    contributors: z.array(partyRefSchema).default([]),
    keptAt: z.string().optional().describe('Where the document is kept'),
    structures: z.array(idSchema).default([]).describe('Structures the document belongs to'),
    containsPersonalData: z
      .boolean()
      .optional()
      .describe(
        'The document itself holds personal data (e.g. a contact list); only its description is in the model',
      ),
    source: z.string().optional(),
    origin,
    notes,
  })
  .strict();

export const durationSchema = z
  .object({
    min: z.number().int().min(1).describe('Minutes'),
    max: z.number().int().min(1).describe('Minutes'),
  })
  .strict();

export const onboardingMeetingSchema = z
  .object({
    title: z.string().min(1).describe('E.g. «Møte 1 – varighet 15-30 min»'),
    duration: durationSchema.optional(),
    participants: z.array(partyRefSchema).default([]),
    participantsText: z.string().optional().describe('Deltagere, verbatim'),
    agenda: z.array(agendaRowSchema).min(1),
    notes,
  })
  .strict();

export const onboardingPlanSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).describe('E.g. «Plan for ny rektor»'),
    trigger: z
      .object({
        roles: z.array(idSchema).min(1).describe('A new person in one of these roles'),
        at: z.enum(['school', 'area', 'district']).default('school'),
        text: z.string().optional(),
      })
      .strict(),
    maintainedBy: z.array(partyRefSchema).default([]),
    convenedBy: z
      .array(partyRefSchema)
      .default([])
      .describe('Who is responsible for starting the collaboration with the newcomer'),
    structure: idSchema.optional().describe('The implementation-plan row the plan belongs to'),
    document: idSchema.optional(),
    meetings: z.array(onboardingMeetingSchema).min(1),
    source: z.string().optional(),
    notes,
  })
  .strict();

export const routineStepSchema = z
  .object({
    action: z.string().min(1),
    responsible: z.array(partyRefSchema).default([]),
    timing: z
      .object({
        amount: z.number().int().min(0).optional(),
        unit: z.enum(['day', 'week', 'month', 'school-day']).optional(),
        relation: z
          .enum(['after-trigger', 'after-previous', 'before-deadline'])
          .default('after-previous'),
        text: z.string().optional().describe('E.g. «innen en uke»'),
      })
      .strict()
      .optional(),
    preconditions: z.array(z.string().min(1)).default([]).describe('E.g. «samtykke fra familien»'),
    documents: z.array(idSchema).default([]),
  })
  .strict();

export const routineSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    trigger: z
      .object({
        event: z.string().min(1).describe('E.g. «ny medarbeider på skolen»'),
        text: z.string().optional(),
      })
      .strict(),
    steps: z.array(routineStepSchema).min(1),
    structures: z.array(idSchema).default([]),
    source: z.string().optional(),
    notes,
  })
  .strict()
  .describe('An event-triggered routine: it belongs in the plan, not on calendar dates');

export const GLOSSARY_KINDS = ['abbreviation', 'term', 'alias'] as const;

export const glossaryEntrySchema = z
  .object({
    term: z.string().min(1).describe('E.g. «NSK», «delbydel»'),
    kind: z.enum(GLOSSARY_KINDS).default('term'),
    expansion: z.string().optional().describe('What an abbreviation stands for'),
    refersTo: z
      .string()
      .optional()
      .describe(
        'The concept the term maps to: an id in the model, or «level:strategisk», «focus:elevene», «concept:skoleområde»',
      ),
    aliases,
    description: z.string().optional(),
    notes,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// The model's own school calendar and its newcomers (issue 7)

export const modelKommuneSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9æøå-]+$/, {
        message: 'kommune-id skrives med små bokstaver, f.eks. «oslo»',
      })
      .describe('Kommune id, e.g. «nord-fron»'),
    name: z.string().min(1).describe('E.g. «Nord-Fron»'),
    timeZone: z.string().min(1).default('Europe/Oslo'),
  })
  .strict()
  .describe("Only needed when the district's kommune has no bundled calendar");

export const modelSchoolCalendarSchema = z
  .object({
    kommune: modelKommuneSchema.optional(),
    years: z
      .array(schoolYearDataSchema)
      .default([])
      .describe(
        "School years (skoleruta) of the district's kommune; each replaces the bundled or derived year of the same name",
      ),
    source: z.string().optional().describe('Where the dates come from, e.g. the skoleruta file'),
  })
  .strict()
  .describe("The district's own school calendar: breaks and days off that rules resolve against");

export const newcomerSchema = z
  .object({
    id: idSchema,
    plan: idSchema.describe('The onboarding plan (an id in `onboarding`)'),
    role: idSchema.describe("The newcomer's role: one of the plan's trigger roles"),
    school: idSchema
      .optional()
      .describe("The school; required when the plan's trigger is at school"),
    area: idSchema
      .optional()
      .describe("The school area; required when the plan's trigger is at area"),
    startsOn: isoDateSchema.describe("The newcomer's first working day"),
    meetingDates: z
      .array(isoDateSchema)
      .optional()
      .describe(
        'Chosen dates, one per meeting of the plan in order; meetings without a date get a suggested one',
      ),
    notes,
  })
  .strict()
  .describe('Someone starting in a role who gets an onboarding plan; never a name');

// ---------------------------------------------------------------------------------------------
// Upstream: the model this one was adapted from

const jsonObject = z.record(z.string(), z.unknown());

export const upstreamConflictSchema = z
  .object({
    kind: z.enum(['structure', 'document', 'role', 'revision', 'onboarding', 'routine']),
    id: z.string().min(1).describe('The local item id'),
    sourceId: z.string().min(1),
    field: z.string().min(1),
    base: z.unknown().describe('The value as adopted (mapped to local names)'),
    ours: z.unknown().describe('The local value'),
    theirs: z.unknown().describe("The source's new value (mapped to local names)"),
  })
  .strict();

export const upstreamSchema = z
  .object({
    model: z
      .object({ id: idSchema, name: z.string().min(1), district: z.string().min(1) })
      .strict()
      .describe('The source model'),
    version: z.string().min(1).describe('The source version the local items are based on'),
    adoptedOn: isoDateSchema,
    updatedOn: isoDateSchema.optional(),
    mapping: jsonObject.describe('The mapping the model was adapted with (see docs/mapping.md)'),
    base: z
      .object({
        structures: z.array(jsonObject).default([]),
        documents: z.array(jsonObject).default([]),
        roles: z.array(jsonObject).default([]),
        revisions: z.array(jsonObject).default([]),
        onboarding: z.array(jsonObject).default([]),
        routines: z.array(jsonObject).default([]),
      })
      .strict()
      .describe(
        'The adopted source items as they were in that version (without personal data): the base of a three-way merge',
      ),
    known: z
      .object({
        structures: z.array(z.string()).default([]),
        documents: z.array(z.string()).default([]),
        roles: z.array(z.string()).default([]),
        revisions: z.array(z.string()).default([]),
        onboarding: z.array(z.string()).default([]),
        routines: z.array(z.string()).default([]),
      })
      .strict()
      .default({
        structures: [],
        documents: [],
        roles: [],
        revisions: [],
        onboarding: [],
        routines: [],
      })
      .describe(
        'Every item id of that source version, adopted or not: an update offers only what is new',
      ),
    conflicts: z
      .array(upstreamConflictSchema)
      .default([])
      .describe('Source changes that met a local change and wait for a decision'),
  })
  .strict()
  .describe('The model this one was adapted from, for taking its yearly updates');

// ---------------------------------------------------------------------------------------------
// The model

export const modelSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z
      .literal(MODEL_SCHEMA_VERSION)
      .describe('The version of this file format; older files are migrated when read'),
    id: idSchema,
    name: z.string().min(1).describe('E.g. «Grorudmodellen»'),
    description: z.string().optional(),
    schoolYear: schoolYearNameSchema
      .optional()
      .describe('The school year this version of the model is for'),
    language: z.enum(['nb', 'nn', 'en']).default('nb'),
    source: z.string().optional().describe('Where the model comes from'),
    organisation: organisationSchema,
    roles: z.array(roleSchema).default([]),
    collectives: z.array(collectiveSchema).default([]),
    structures: z.array(structureSchema).default([]),
    documents: z.array(documentSchema).default([]),
    revisions: z.array(revisionRuleSchema).default([]),
    revisionRecords: z.array(revisionRecordSchema).default([]),
    onboarding: z.array(onboardingPlanSchema).default([]),
    routines: z.array(routineSchema).default([]),
    schoolCalendar: modelSchoolCalendarSchema.optional(),
    newcomers: z
      .array(newcomerSchema)
      .default([])
      .describe('People starting in a role who get an onboarding plan; never names'),
    glossary: z.array(glossaryEntrySchema).default([]),
    changeLog: z
      .array(
        z
          .object({
            date: isoDateSchema,
            schoolYear: schoolYearNameSchema.optional(),
            summary: z.string().min(1),
            changes: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .default([])
      .describe('What changed between versions of the model, newest last'),
    upstream: upstreamSchema.optional(),
    notes,
  })
  .strict();

export type ModelInput = z.input<typeof modelSchema>;
export type Model = z.output<typeof modelSchema>;
export type Organisation = Model['organisation'];
export type District = Organisation['district'];
export type Unit = z.output<typeof unitSchema>;
export type Area = z.output<typeof areaSchema>;
export type School = z.output<typeof schoolSchema>;
export type Membership = z.output<typeof membershipSchema>;
export type Institution = z.output<typeof institutionSchema>;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type Role = z.output<typeof roleSchema>;
export type Assignment = z.output<typeof assignmentSchema>;
export type Person = z.output<typeof personSchema>;
export type Collective = z.output<typeof collectiveSchema>;
export type Structure = z.output<typeof structureSchema>;
export type StructureInput = z.input<typeof structureSchema>;
export type Scope = z.output<typeof scopeSchema>;
export type Variation = z.output<typeof variationSchema>;
export type StatusEntry = z.output<typeof statusEntrySchema>;
export type AgendaRow = z.output<typeof agendaRowSchema>;
export type ModelDocument = z.output<typeof documentSchema>;
export type OnboardingPlan = z.output<typeof onboardingPlanSchema>;
export type OnboardingMeeting = z.output<typeof onboardingMeetingSchema>;
export type Routine = z.output<typeof routineSchema>;
export type RoutineStep = z.output<typeof routineStepSchema>;
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;
export type ModelSchoolCalendar = z.output<typeof modelSchoolCalendarSchema>;
export type ModelKommune = z.output<typeof modelKommuneSchema>;
export type Newcomer = z.output<typeof newcomerSchema>;
export type NewcomerInput = z.input<typeof newcomerSchema>;
export type ChangeLogEntry = Model['changeLog'][number];
export type Origin = z.output<typeof originSchema>;
export type Upstream = z.output<typeof upstreamSchema>;
export type UpstreamConflict = z.output<typeof upstreamConflictSchema>;
