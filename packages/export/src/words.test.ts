import { describe, expect, it } from 'vitest';
import { grorud, oslo2025 } from '../test-fixtures/grorud.js';
import { folderNames, runBuilds } from './run.js';
import { folderNamesOf, formatSize, slugify } from './words.js';

describe('formatSize', () => {
  it('gives bytes, kilobytes and megabytes with the language’s decimal mark', () => {
    expect(formatSize(512, 'nb')).toBe('512 B');
    expect(formatSize(182 * 1024 + 100, 'nb')).toBe('182 kB');
    const mb = Math.round(1.4 * 1024 * 1024);
    expect(formatSize(mb, 'nb')).toBe('1,4 MB');
    expect(formatSize(mb, 'nn')).toBe('1,4 MB');
    expect(formatSize(mb, 'en')).toBe('1.4 MB');
  });
});

describe('folderNamesOf', () => {
  const areas = grorud.organisation.areas;
  const named = [
    ...areas.map((a) => ({ area: a.id, name: a.name })),
    { area: 'all', name: grorud.organisation.district.name },
  ];

  it('names the folders as a run of every area and the district does', () => {
    const builds = runBuilds(grorud, { areas: ['all'], year: oslo2025 });
    const folders = folderNamesOf(named);
    expect(folders).toEqual(folderNames(builds));
    for (const a of areas) expect(folders.get(a.id)).toBe(slugify(a.name));
    expect(new Set(folders.values()).size).toBe(named.length);
  });

  it('falls back to the id when two names clash or a name has no letters', () => {
    const [first, second] = areas;
    const folders = folderNamesOf([
      { area: first!.id, name: 'Samme' },
      { area: second!.id, name: 'Samme' },
      { area: 'x', name: '—' },
    ]);
    expect(folders.get(first!.id)).toBe(slugify(first!.id));
    expect(folders.get(second!.id)).toBe(slugify(second!.id));
    expect(folders.get('x')).toBe('x');
  });
});
