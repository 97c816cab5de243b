// Writes docs/school-calendar.schema.json (at the repository root) from the zod schema in
// src/schema.ts. Run: npm run schema. src/schema.test.ts fails when the file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calendarJsonSchema } from '../src/schema.js';

const target = new URL('../../../docs/school-calendar.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, JSON.stringify(calendarJsonSchema(), null, 2) + '\n');
console.log(`Skrev ${fileURLToPath(target)}`);
