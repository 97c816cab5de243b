import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from './json-schema.js';

const DOCS_SCHEMA = new URL('../../../docs/model.schema.json', import.meta.url);

describe('docs/model.schema.json', () => {
  const schema = modelJsonSchema() as {
    $defs: Record<string, { properties?: Record<string, { description?: string }> }>;
    properties: Record<string, unknown>;
    required: string[];
  };

  it('is up to date with the zod schema (run `npm run schema -w @arshjul/model`)', () => {
    const published = JSON.parse(readFileSync(DOCS_SCHEMA, 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('names the main entities and keeps the field descriptions', () => {
    expect(Object.keys(schema.$defs)).toEqual(
      expect.arrayContaining(['Structure', 'Cadence', 'Rule', 'School', 'Role', 'RevisionRule']),
    );
    expect(Object.keys(schema.$defs).some((k) => k.startsWith('__'))).toBe(false);
    expect(schema.$defs.Structure!.properties!.scopeText!.description).toBe(
      'Grunnskolene det gjelder, verbatim',
    );
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'name', 'organisation']),
    );
  });

  it('marks personal data so exports can strip it', () => {
    const text = JSON.stringify(schema.$defs.Person);
    expect(text).toContain('"x-personal-data":true');
    // Nowhere else: personal data lives only in role assignments.
    const elsewhere = Object.entries(schema.$defs)
      .filter(([k]) => k !== 'Person')
      .filter(([, v]) => JSON.stringify(v).includes('x-personal-data'));
    expect(elsewhere.map(([k]) => k)).toEqual([]);
  });

  it('accepts a cadence as a phrase or as {text, rule}', () => {
    const cadence = JSON.stringify(schema.$defs.Cadence);
    expect(cadence).toContain('"anyOf"');
    expect(cadence).toContain('"#/$defs/Rule"');
  });
});
