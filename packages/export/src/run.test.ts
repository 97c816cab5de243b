import { describe, expect, it } from 'vitest';
import { grorud, oslo2025 } from '../test-fixtures/grorud.js';
import {
  exportRun,
  fileSlug,
  folderNames,
  runBuilds,
  runFileCount,
  type RunFile,
} from './bundle.js';

async function collect(files: AsyncIterable<RunFile>): Promise<RunFile[]> {
  const out: RunFile[] = [];
  for await (const f of files) out.push(f);
  return out;
}

describe('a whole run', { timeout: 60_000 }, () => {
  const areas = grorud.organisation.areas;

  it('builds every area and the district for all, one area when asked', () => {
    const all = runBuilds(grorud, { areas: ['all'], year: oslo2025 });
    expect(all.map((b) => b.area)).toEqual([...areas.map((a) => a.id), 'all']);
    const one = runBuilds(grorud, { areas: [areas[0]!.id], year: oslo2025 });
    expect(one.map((b) => b.area)).toEqual([areas[0]!.id]);
    expect(one[0]!.plan.area?.name).toBe(areas[0]!.name);
  });

  it('puts each build in its own folder for all, and the model file once at the top', async () => {
    const builds = runBuilds(grorud, { areas: ['all'], year: oslo2025 });
    const options = { formats: ['ics', 'svg', 'json'] as const, roles: ['rektor'] };
    const files = await collect(exportRun(grorud, builds, options));
    expect(files.length).toBe(runFileCount(builds.length, options));
    const folders = folderNames(builds);
    expect(new Set(folders.values()).size).toBe(builds.length);
    for (const build of builds) {
      const mine = files.filter((f) => f.area === build.area);
      expect(mine.length).toBe(3);
      for (const f of mine) expect(f.path).toBe(`${folders.get(build.area)}/${f.name}`);
    }
    const district = fileSlug(grorud.organisation.district.name);
    expect(folders.get('all')).toBe(district);
    const model = files.filter((f) => f.format === 'json');
    expect(model.map((f) => f.path)).toEqual([`modell-${district}.json`]);
    expect(files.at(-1)).toBe(model[0]);
  });

  it('writes one area’s files without a folder, with a calendar per role', async () => {
    const builds = runBuilds(grorud, { areas: ['omrade-romsas'], year: oslo2025 });
    const options = { formats: ['ics'] as const, roles: ['rektor', 'bvk'] };
    const files = await collect(exportRun(grorud, builds, options));
    expect(files.map((f) => f.path)).toEqual([
      'arshjul-romsas-2025-26.ics',
      'arshjul-romsas-2025-26-rektor.ics',
      'arshjul-romsas-2025-26-bvk.ics',
    ]);
    expect(runFileCount(1, options)).toBe(3);
  });

  it('counts the files of every format', () => {
    // ics + 1 role, svg, 2 pdf, png, docx, xlsx, html and 4 role-card files per build; the
    // glossary (2 files) and the model once.
    expect(runFileCount(2, { roles: ['rektor'] })).toBe(2 * 13 + 2 + 1);
    expect(runFileCount(2, { formats: ['cards', 'glossary'] })).toBe(2 * 4 + 2);
    expect(runFileCount(3, { formats: ['json'] })).toBe(1);
  });
});
