// The user guide (docs/brukerveiledning): every picture it shows is there, every page it links to
// exists, and every picture is one the end-to-end tests take (so `npm run guide-images` can
// refresh it from a run).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const app = fileURLToPath(new URL('..', import.meta.url));
const guide = join(app, '..', '..', 'docs', 'brukerveiledning');
const pages = readdirSync(guide).filter((f) => f.endsWith('.md'));
const e2eFiles = readdirSync(join(app, 'e2e'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(app, 'e2e', f), 'utf8'));

describe('the user guide', () => {
  it('has an index that links every page', () => {
    const index = readFileSync(join(guide, 'README.md'), 'utf8');
    for (const page of pages.filter((p) => p !== 'README.md')) {
      expect(index, page).toContain(`](${page})`);
    }
  });

  for (const page of pages) {
    const text = readFileSync(join(guide, page), 'utf8');
    it(`${page}: its pictures and links exist`, () => {
      for (const m of text.matchAll(/\]\(([^)#\s]+)\)/g)) {
        const target = m[1]!;
        if (/^https?:/.test(target)) continue;
        expect(existsSync(join(guide, target)), `${page} → ${target}`).toBe(true);
      }
    });
    it(`${page}: its pictures are taken by the end-to-end tests`, () => {
      for (const m of text.matchAll(/\(bilder\/([^)\s]+)\.png\)/g)) {
        const name = m[1]!;
        // A screenshot's name appears in an e2e file literally, or as two string literals of one
        // file that make it up: a prefix (`steps(page, 'revision-')`) and the rest ('dashboard').
        const taken = e2eFiles.some(
          (source) =>
            source.includes(`${name}.png`) ||
            source.includes(`'${name}'`) ||
            [...name].some(
              (_, i) =>
                i > 0 &&
                source.includes(`'${name.slice(0, i)}'`) &&
                source.includes(`'${name.slice(i)}'`),
            ),
        );
        expect(taken, `${page} → bilder/${name}.png`).toBe(true);
      }
    });
  }
});
