// Writes docs/mapping.schema.json from the zod schema: `npm run schema -w @arshjul/transfer`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mappingJsonSchema } from '../src/json-schema.js';

const target = fileURLToPath(new URL('../../../docs/mapping.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(mappingJsonSchema(), null, 2) + '\n');
console.log(`Skrev ${target}`);
