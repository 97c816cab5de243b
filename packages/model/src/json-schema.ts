/**
 * The model's published JSON Schema, generated from the zod schema. The main entities are
 * named definitions (`#/$defs/Structure`, `#/$defs/Cadence`, …) so editors show readable
 * names; everything else is inlined with its description.
 */
import { z } from 'zod';
import {
  cadenceFieldSchema,
  ruleSchema,
  windowSchema,
  offsetSchema,
  timeOfDaySchema,
} from '@arshjul/recurrence';
import { idSchema, revisionRecordSchema, revisionRuleSchema } from '@arshjul/revision';
import { isoDateSchema, schoolYearDataSchema } from '@arshjul/school-calendar';
import * as m from './schema.js';

const NAMED: readonly [z.ZodType, string][] = [
  [idSchema, 'Id'],
  [isoDateSchema, 'IsoDate'],
  [m.noteSchema, 'Note'],
  [cadenceFieldSchema, 'Cadence'],
  [ruleSchema, 'Rule'],
  [windowSchema, 'Window'],
  [offsetSchema, 'Offset'],
  [timeOfDaySchema, 'TimeOfDay'],
  [m.districtSchema, 'District'],
  [m.unitSchema, 'Unit'],
  [m.areaSchema, 'Area'],
  [m.schoolSchema, 'School'],
  [m.membershipSchema, 'Membership'],
  [m.institutionSchema, 'Institution'],
  [m.roleSchema, 'Role'],
  [m.assignmentSchema, 'Assignment'],
  [m.personSchema, 'Person'],
  [m.collectiveSchema, 'Collective'],
  [m.structureSchema, 'Structure'],
  [m.scopeSchema, 'Scope'],
  [m.variationSchema, 'Variation'],
  [m.statusEntrySchema, 'StatusEntry'],
  [m.agendaRowSchema, 'AgendaRow'],
  [m.documentSchema, 'Document'],
  [revisionRuleSchema, 'RevisionRule'],
  [revisionRecordSchema, 'RevisionRecord'],
  [m.onboardingPlanSchema, 'OnboardingPlan'],
  [m.onboardingMeetingSchema, 'OnboardingMeeting'],
  [m.routineSchema, 'Routine'],
  [m.routineStepSchema, 'RoutineStep'],
  [m.glossaryEntrySchema, 'GlossaryEntry'],
  [m.modelSchoolCalendarSchema, 'SchoolCalendar'],
  [schoolYearDataSchema, 'SchoolYearData'],
  [m.newcomerSchema, 'Newcomer'],
  [m.originSchema, 'Origin'],
  [m.upstreamSchema, 'Upstream'],
];

/** zod's global metadata (descriptions, x-personal-data) plus an id for the named entities. */
function metadata(): z.core.$ZodRegistry<z.core.JSONSchemaMeta> {
  const names = new Map<unknown, string>(NAMED.map(([schema, id]) => [schema, id]));
  const merged = {
    get(schema: z.core.$ZodType) {
      const global = z.globalRegistry.get(schema);
      const id = names.get(schema);
      return id ? { ...global, id } : global;
    },
  };
  return merged as unknown as z.core.$ZodRegistry<z.core.JSONSchemaMeta>;
}

/** The model's JSON Schema (input side: what a file may contain). */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(m.modelSchema, {
    io: 'input',
    unrepresentable: 'any',
    metadata: metadata(),
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'Årshjulet collaboration model',
    description:
      'A district\'s collaboration model (e.g. Grorudmodellen): organisation, roles, structures in three levels, documents, revision cycles, onboarding plans, routines and glossary. Fields marked "x-personal-data" hold personal data and are stripped from every transfer export.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
