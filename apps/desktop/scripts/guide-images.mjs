#!/usr/bin/env node
// Copies the screenshots the user guide uses (docs/brukerveiledning/bilder/*.png) from the last
// end-to-end run (apps/desktop/e2e/output/) into the guide, so the pictures show the app as it is.
// Run after `npm run e2e -w @arshjul/desktop`: `npm run guide-images -w @arshjul/desktop`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const app = fileURLToPath(new URL('..', import.meta.url));
const guide = join(app, '..', '..', 'docs', 'brukerveiledning');
const output = join(app, 'e2e', 'output');
const images = join(guide, 'bilder');

const wanted = new Set();
for (const page of readdirSync(guide).filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(join(guide, page), 'utf8');
  for (const m of text.matchAll(/\(bilder\/([^)\s]+\.png)\)/g)) wanted.add(m[1]);
}
mkdirSync(images, { recursive: true });
const missing = [];
for (const name of [...wanted].sort()) {
  const from = join(output, name);
  if (existsSync(from)) copyFileSync(from, join(images, name));
  else missing.push(name);
}
console.log(`${wanted.size - missing.length} bilder kopiert til ${images}`);
if (missing.length > 0) {
  console.log(`Ikke laget av E2E-kjøringen (kjør den først): ${missing.join(', ')}`);
  process.exitCode = 1;
}
