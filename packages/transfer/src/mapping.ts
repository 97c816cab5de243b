/**
 * The mapping a receiving district writes to adapt another district's model: who it is, its
 * schools and areas (or none), which source roles are which of its own (or have no
 * counterpart), its own names for meeting arenas and services, which structures it adopts
 * (the shared base by default, operative ones per school), its own rhythms, and its kommune's
 * school calendar. One zod schema is the source of the type and of docs/mapping.schema.json.
 */
import { z } from 'zod';
import { SCHOOL_STAGES } from '@arshjul/model';
import { idSchema } from '@arshjul/revision';
import { cadenceFieldSchema } from '@arshjul/recurrence';

export const MAPPING_VERSION = 1;

const schoolSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    stage: z.enum(SCHOOL_STAGES),
    grades: z
      .object({ from: z.number().int().min(1).max(13), to: z.number().int().min(1).max(13) })
      .strict()
      .optional(),
    area: idSchema.optional().describe('The area the school belongs to, when there are areas'),
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

const areaSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    description: z
      .string()
      .optional()
      .describe('E.g. «Skolene Kari Nordmann følger opp» — a grouping by the person responsible'),
  })
  .strict();

const newRoleSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    abbreviation: z.string().optional(),
    side: z.enum(['district', 'school', 'parents', 'pupils', 'partner']).optional(),
    mandate: z.string().optional(),
    perArea: z.boolean().optional(),
    perSchool: z.boolean().optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    $schema: z.string().optional(),
    mappingVersion: z.literal(MAPPING_VERSION),
    source: z
      .object({
        model: idSchema.describe('Id of the source model, e.g. «grorudmodellen»'),
        version: z
          .string()
          .optional()
          .describe('Its version (school year) the mapping was written for'),
      })
      .strict(),
    model: z
      .object({
        id: idSchema,
        name: z.string().min(1),
        description: z.string().optional(),
        schoolYear: z.string().optional(),
      })
      .strict()
      .describe('The new model'),
    district: z
      .object({
        id: idSchema,
        name: z.string().min(1).describe('E.g. «Bydel Nordre Lia»'),
        kommune: z.string().min(1).default('oslo').describe('Kommune id of the school calendar'),
        aliases: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    owner: z
      .object({ id: idSchema, name: z.string().min(1) })
      .strict()
      .describe(
        'The unit that owns the work in the receiving district (e.g. the child welfare service instead of the youth department); source units without a counterpart in `units` become this one',
      ),
    units: z
      .record(z.string(), idSchema.nullable())
      .default({})
      .describe('Source unit id → local unit id (listed in `newUnits`), or null for none'),
    newUnits: z.array(z.object({ id: idSchema, name: z.string().min(1) }).strict()).default([]),
    areas: z
      .union([z.literal('none'), z.array(areaSchema).min(1)])
      .default('none')
      .describe('The school areas, or «none»'),
    schools: z.array(schoolSchema).min(1),
    roles: z
      .record(z.string(), idSchema.nullable())
      .default({})
      .describe(
        'Source role id → local role id (a source role kept under its own id, or one of `newRoles`), or null: the district has no such role',
      ),
    newRoles: z.array(newRoleSchema).default([]),
    terms: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        'Source name → local name of meeting arenas and services, e.g. «Nærmiljøteam» → «Innsatsteam»',
      ),
    structures: z
      .object({
        adopt: z
          .union([z.literal('base'), z.literal('all'), z.array(z.string().min(1))])
          .default('base')
          .describe(
            '«base»: the shared base (structures for all schools, the district or a stage); «all»; or a list of source ids',
          ),
        exclude: z.array(z.string().min(1)).default([]),
        perSchool: z
          .record(z.string(), z.array(idSchema))
          .default({})
          .describe('Source structure id → the local schools that take part (adopts it for them)'),
        cadences: z
          .record(z.string(), cadenceFieldSchema)
          .default({})
          .describe('Source structure id → the local rhythm'),
        names: z
          .record(z.string(), z.string().min(1))
          .default({})
          .describe('Source structure id → a local name'),
      })
      .strict()
      .default({ adopt: 'base', exclude: [], perSchool: {}, cadences: {}, names: {} }),
    documents: z
      .object({
        exclude: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ exclude: [] }),
    calendar: z
      .object({
        kommune: z.string().min(1).optional().describe('Defaults to district.kommune'),
        file: z
          .string()
          .optional()
          .describe('A school-calendar data file for a kommune not bundled'),
      })
      .strict()
      .optional(),
    notes: z.array(z.string()).default([]).describe("Kept as the new model's notes"),
    instructions: z
      .array(z.string())
      .default([])
      .describe('Help for whoever fills the mapping in (the starter writes it); not copied'),
  })
  .strict();

export type MappingInput = z.input<typeof mappingSchema>;
export type Mapping = z.output<typeof mappingSchema>;
