/**
 * First start: the recent list is seeded with the Grorud example, so the renderer, which opens
 * the most recent file at startup (unless it offers a recovery copy), shows the Grorud model.
 */
import { join } from 'node:path';
import { loadRecent, saveRecent, updateRecent, type FsLike } from './files.js';

export const EXAMPLE_FILE = 'grorudmodellen.json';

/**
 * Where the example may be: a packaged app's resources (`extraResources: examples/grorud`),
 * next to the app, or the monorepo's `examples/grorud` when run from apps/desktop.
 */
export function exampleCandidates(appPath: string, resourcesPath: string | undefined): string[] {
  const candidates = [
    join(appPath, 'examples', 'grorud', EXAMPLE_FILE),
    join(appPath, '..', '..', 'examples', 'grorud', EXAMPLE_FILE),
  ];
  if (resourcesPath) candidates.unshift(join(resourcesPath, 'examples', 'grorud', EXAMPLE_FILE));
  return candidates;
}

/**
 * On first start (no recent.json yet) puts the first example found into the recent list.
 * Returns the example's path, or null when this is not the first start or none was found.
 */
export async function seedFirstStart(
  fs: FsLike,
  userData: string,
  candidates: readonly string[],
  now: Date = new Date(),
): Promise<string | null> {
  if ((await loadRecent(fs, userData)) !== null) return null;
  let found: string | null = null;
  for (const candidate of candidates) {
    try {
      if ((await fs.stat(candidate)).isFile()) {
        found = candidate;
        break;
      }
    } catch {
      // Not here; try the next place.
    }
  }
  await saveRecent(fs, userData, found ? updateRecent([], found, now) : []);
  return found;
}
