import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { cli, hasStackTrace, REPO_ROOT } from '../test-fixtures/fake-io.js';
import { sourceDate } from './build.js';

const GRORUD = join(REPO_ROOT, 'examples/grorud/grorudmodellen.json');
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('arshjul build', { timeout: 120_000 }, () => {
  it('builds one area in the formats asked for, a line per file and a summary', async () => {
    const r = await cli([
      'build',
      GRORUD,
      '--area',
      'omrade-romsas',
      '--year',
      '2025-26',
      '--out',
      'ut/',
      '--formats',
      'ics,svg,html',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect([...r.written.keys()].sort()).toEqual([
      'ut/arshjul-romsas-2025-26.ics',
      'ut/arshjul-romsas-2025-26.svg',
      'ut/plan-romsas-2025-26.html',
    ]);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Bygger Romsås for skoleåret 2025-26 (Oslo)');
    for (const path of r.written.keys()) expect(r.out).toContain(`  ${path}  `);
    expect(lines.at(-1)).toMatch(/^Ferdig: 1 årshjul og plan, 3 filer \([\d,]+ kB\) i ut\/\.$/);
    const one = await cli([
      'build',
      GRORUD,
      '--area',
      'omrade-romsas',
      '--out',
      'u',
      '--formats',
      'svg',
    ]);
    expect(one.out.split('\n').at(-1)).toMatch(/^Ferdig: 1 årshjul og plan, 1 fil \(/);
    expect(text(r.written.get('ut/arshjul-romsas-2025-26.ics'))).toContain('BEGIN:VCALENDAR');
    expect(text(r.written.get('ut/plan-romsas-2025-26.html'))).toContain(
      'Romsås har ingen ungdomsskole med i samarbeidet etter at Bjøråsen ungdomskole gikk ut i mai 2021.',
    );
  });

  it('builds every area and the whole district into their own folders, the model once', async () => {
    const r = await cli([
      'build',
      GRORUD,
      '--area',
      'all',
      '--year',
      '2025-26',
      '--out',
      'out',
      '--formats',
      'ics,json',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const body = r.json<{
      builds: { area: string; name: string; files: { path: string; format: string }[] }[];
      model_file: string;
    }>();
    expect(body.builds.map((b) => b.name)).toEqual(['Ammerud', 'Grorud', 'Romsås', 'Bydel Grorud']);
    expect(body.builds.map((b) => b.files.map((f) => f.path))).toEqual([
      ['out/ammerud/arshjul-ammerud-2025-26.ics'],
      ['out/grorud/arshjul-grorud-2025-26.ics'],
      ['out/romsas/arshjul-romsas-2025-26.ics'],
      ['out/bydel-grorud/arshjul-bydel-grorud-2025-26.ics'],
    ]);
    expect(body.model_file).toBe('out/modell-bydel-grorud.json');
    expect(JSON.parse(text(r.written.get('out/modell-bydel-grorud.json')))).toMatchObject({
      organisation: { district: { name: 'Bydel Grorud' } },
    });
  });

  it('builds a district without school areas (Nordre Lia, adapted from Grorud) with --area all', async () => {
    const r = await cli([
      'build',
      join(REPO_ROOT, 'examples/nordre-lia/nordre-lia-modellen.json'),
      '--area',
      'all',
      '--year',
      '2025-26',
      '--out',
      'nl',
      '--formats',
      'ics,html',
    ]);
    expect(r.code).toBe(0);
    expect([...r.written.keys()]).toEqual([
      'nl/arshjul-bydel-nordre-lia-2025-26.ics',
      'nl/plan-bydel-nordre-lia-2025-26.html',
    ]);
    const html = text(r.written.get('nl/plan-bydel-nordre-lia-2025-26.html'));
    expect(html).toContain('Implementeringsplan for Bydel Nordre Lia 2025–26');
    expect(html).toContain('Innsatsteam på hver skole');
    expect(text(r.written.get('nl/arshjul-bydel-nordre-lia-2025-26.ics'))).toContain(
      'SUMMARY:Innsatsteam på hver skole',
    );
    const area = await cli([
      'build',
      join(REPO_ROOT, 'examples/nordre-lia/nordre-lia-modellen.json'),
      '--area',
      'omrade-ammerud',
      '--out',
      'x',
    ]);
    expect(area.err).toContain('Den har ingen områder; bruk «--area all».');
  });

  it('writes a calendar per role on request', async () => {
    const r = await cli([
      'build',
      GRORUD,
      '--area',
      'omrade-ammerud',
      '--year',
      '2025-26',
      '--out',
      'o',
      '--formats',
      'ics',
      '--role',
      'nsk',
    ]);
    expect(r.code).toBe(0);
    expect([...r.written.keys()]).toEqual([
      'o/arshjul-ammerud-2025-26.ics',
      'o/arshjul-ammerud-2025-26-nsk.ics',
    ]);
  });

  it.each([
    [
      ['--area', 'omrade-lindeberg'],
      /Modellen har ikke området «omrade-lindeberg»\. Områdene er «omrade-ammerud», «omrade-grorud», «omrade-romsas», eller «all»/,
    ],
    [
      ['--area', 'all', '--formats', 'pdf,odt'],
      /Ukjent format «odt» i --formats\. Formatene er ics, docx/,
    ],
    [['--area', 'all', '--role', 'rektr'], /Modellen har ikke rollen «rektr»/],
    [['--area', 'all', '--year', '2025-27'], /2025-27/],
    [['--area', 'all', '--today', '2026-02-30'], /2026-02-30/],
  ])('refuses %j with a clear message, writing nothing', async (extra, message) => {
    const r = await cli(['build', GRORUD, '--out', 'x', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(hasStackTrace(r.err)).toBe(false);
    expect(r.written.size).toBe(0);
  });

  it('takes an area by its name too, and suggests the nearest id for a slip', async () => {
    const byName = await cli([
      'build',
      GRORUD,
      '--area',
      'Romsås',
      '--out',
      'r',
      '--formats',
      'svg',
    ]);
    expect(byName.code).toBe(0);
    expect([...byName.written.keys()]).toEqual(['r/arshjul-romsas-2025-26.svg']);
    const slip = await cli(['build', GRORUD, '--area', 'omrade-romas', '--out', 'r']);
    expect(slip.err).toContain('mente du «omrade-romsas»?');
  });

  it('refuses a --date outside the school year and an --out that is a file, writing nothing', async () => {
    const early = await cli([
      'build',
      GRORUD,
      '--area',
      'all',
      '--year',
      '2025-26',
      '--date',
      '2019-01-01',
      '--out',
      'x',
    ]);
    expect(early.code).toBe(2);
    expect(early.err).toContain(
      '--date 2019-01-01 ligger utenfor skoleåret 2025-26 (2025-08-01–2026-07-31)',
    );
    const file = await cli(['build', GRORUD, '--area', 'all', '--out', 'package.json'], {
      kinds: { 'package.json': 'file' },
    });
    expect(file.code).toBe(2);
    expect(file.err).toContain('--out package.json er en fil, ikke en mappe');
    expect(file.out).toBe('');
    expect(early.written.size + file.written.size).toBe(0);
  });

  it('gives areas whose names make the same folder their ids as folders', async () => {
    const json = JSON.parse((await import('node:fs')).readFileSync(GRORUD, 'utf8')) as {
      organisation: { areas: { id: string; name: string }[] };
    };
    json.organisation.areas.find((a) => a.id === 'omrade-grorud')!.name = 'Ammerud';
    const r = await cli(
      ['build', 'm.json', '--area', 'all', '--year', '2025-26', '--out', 'o', '--formats', 'svg'],
      {
        files: { 'm.json': JSON.stringify(json) },
      },
    );
    expect(r.code).toBe(0);
    expect([...r.written.keys()]).toEqual([
      'o/omrade-ammerud/arshjul-ammerud-2025-26.svg',
      'o/omrade-grorud/arshjul-ammerud-2025-26.svg',
      'o/romsas/arshjul-romsas-2025-26.svg',
      'o/bydel-grorud/arshjul-bydel-grorud-2025-26.svg',
    ]);
  });

  it('asks for --area and --out', async () => {
    expect((await cli(['build', GRORUD, '--out', 'x'])).err).toMatch(/build trenger --area/);
    expect((await cli(['build', GRORUD, '--area', 'all'])).err).toMatch(/build trenger --out/);
  });

  it('refuses an invalid model (exit 1) and an unreadable one (exit 2)', async () => {
    const broken = JSON.parse((await import('node:fs')).readFileSync(GRORUD, 'utf8')) as {
      structures: { cadence: unknown }[];
    };
    broken.structures[0]!.cadence = 'hver fjerd uke';
    const invalid = await cli(['build', 'm.json', '--area', 'all', '--out', 'x'], {
      files: { 'm.json': JSON.stringify(broken) },
    });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('hver fjerd uke');
    expect(invalid.written.size).toBe(0);
    const missing = await cli(['build', 'nope.json', '--area', 'all', '--out', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.json.*finnes ikke/s);
  });

  it('says which file it could not write', async () => {
    const r = await cli(
      ['build', GRORUD, '--area', 'omrade-romsas', '--out', 'ro', '--formats', 'svg'],
      {
        writeError: 'EACCES',
      },
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /ro\/arshjul-romsas-2025-26\.svg.*Kan ikke skrive filen: du har ikke lov til å skrive her\./s,
    );
    expect(hasStackTrace(r.err)).toBe(false);
  });
});

describe('the day the documents say they were made', { timeout: 120_000 }, () => {
  afterEach(() => vi.unstubAllEnvs());
  const stamps = (ics: string) => new Set([...ics.matchAll(/^DTSTAMP:(\d{8})/gm)].map((m) => m[1]));
  const build = () =>
    cli(['build', GRORUD, '--area', 'omrade-romsas', '--out', 'u', '--formats', 'ics'], {
      today: '2025-11-01',
    });

  it('is today, or the day of SOURCE_DATE_EPOCH when that is set', async () => {
    const today = await build();
    expect(stamps(text(today.written.get('u/arshjul-romsas-2025-26.ics')))).toEqual(
      new Set(['20251101']),
    );
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2025, 8, 15, 12) / 1000));
    const fixed = await build();
    expect(stamps(text(fixed.written.get('u/arshjul-romsas-2025-26.ics')))).toEqual(
      new Set(['20250915']),
    );
  });

  it('reads SOURCE_DATE_EPOCH as seconds since 1970 in UTC, and ignores what is not a number', () => {
    expect(sourceDate(String(Date.UTC(2026, 1, 28, 23, 59) / 1000))).toBe('2026-02-28');
    expect(sourceDate('0')).toBe('1970-01-01');
    expect(sourceDate(undefined)).toBeUndefined();
    expect(sourceDate('2025-09-15')).toBeUndefined();
    expect(sourceDate('')).toBeUndefined();
  });
});
