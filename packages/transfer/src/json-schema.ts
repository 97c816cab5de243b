/** The mapping's published JSON Schema (docs/mapping.schema.json), generated from the zod schema. */
import { z } from 'zod';
import { mappingSchema } from './mapping.js';

export function mappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    title: 'Årshjulet mapping: adapting a collaboration model for another district',
    description:
      "What a receiving district writes to adapt another district's model with `arshjul adapt`: its district, schools and areas, role and term mappings, which structures it adopts and its own rhythms. See docs/mapping.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
