// Writes src/data/oslo.json from the Oslo rules (oslo-rules.ts). Run: npm run generate:oslo
import { writeFileSync } from 'node:fs';
import { deriveOsloSchoolYear } from '../src/oslo-rules.js';
import { CALENDAR_SCHEMA_VERSION } from '../src/schema.js';

export const OSLO_BUNDLED_START_YEARS = [2024, 2025, 2026, 2027];

const file = {
  $schema: '../../../../docs/school-calendar.schema.json',
  schemaVersion: CALENDAR_SCHEMA_VERSION,
  kommune: { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' },
  years: OSLO_BUNDLED_START_YEARS.map(deriveOsloSchoolYear),
};
writeFileSync(
  new URL('../src/data/oslo.json', import.meta.url),
  JSON.stringify(file, null, 2) + '\n',
);
console.log(`Skrev src/data/oslo.json (${file.years.map((y) => y.year).join(', ')})`);
