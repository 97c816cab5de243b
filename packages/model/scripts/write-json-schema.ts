// Writes docs/model.schema.json from the zod schema: `npm run schema -w @arshjul/model`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelJsonSchema } from '../src/json-schema.js';

const target = fileURLToPath(new URL('../../../docs/model.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(modelJsonSchema(), null, 2) + '\n');
console.log(`Skrev ${target}`);
