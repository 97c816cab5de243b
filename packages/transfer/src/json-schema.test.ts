import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { mappingJsonSchema } from './json-schema.js';
import { NORDRE_LIA_FILE } from '../test-fixtures/nordre-lia.js';

const DOCS_SCHEMA = new URL('../../../docs/mapping.schema.json', import.meta.url);

describe('docs/mapping.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema -w @arshjul/transfer`)', () => {
    const published = JSON.parse(readFileSync(DOCS_SCHEMA, 'utf8')) as unknown;
    expect(published).toEqual(JSON.parse(JSON.stringify(mappingJsonSchema())));
  });

  it('accepts the Nordre Lia mapping and refuses one with an unknown field', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(mappingJsonSchema());
    const mapping = JSON.parse(readFileSync(NORDRE_LIA_FILE, 'utf8')) as Record<string, unknown>;
    expect(validate(mapping), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...mapping, skoler: [] })).toBe(false);
  });
});
