import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { modelJsonSchema } from './json-schema.js';

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

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

describe('the published schema, as an editor uses it', () => {
  const schema = JSON.parse(readFileSync(DOCS_SCHEMA, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  const grorud = JSON.parse(
    readFileSync(new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

  it('accepts the Grorud model file', () => {
    expect(check(grorud), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
  });

  it('refuses what the zod schema refuses in shape: an unknown field, a bad level, a bad date', () => {
    const copy = structuredClone(grorud) as { structures: Record<string, unknown>[] };
    copy.structures[0]!.nivå = 'strategisk';
    expect(check(copy)).toBe(false);
    const copy2 = structuredClone(grorud) as { structures: Record<string, unknown>[] };
    copy2.structures[0]!.level = 'taktisk';
    expect(check(copy2)).toBe(false);
    const copy3 = structuredClone(grorud) as {
      organisation: { schools: { memberships: { from?: string }[] }[] };
    };
    copy3.organisation.schools[0]!.memberships[0]!.from = '1. august 2020';
    expect(check(copy3)).toBe(false);
  });
});
