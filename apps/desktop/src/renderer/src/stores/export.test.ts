import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { buildSlug, exportBuild, fileSlug, folderNames, FORMATS, runBuilds } from '@arshjul/export';
import type { Model } from '@arshjul/model';
import type { ArshjulApi, ExportRequest, ExportResult } from '../../../shared/api.js';
import { setApi } from '../platform/index.js';
import { setLang } from '../i18n/index.js';
import { useModelStore } from './model.js';
import { registry } from './view.js';
import {
  chosenFormats,
  choiceProblems,
  countFiles,
  defaultChoices,
  DISTRICT,
  exportName,
  FORMAT_CHOICES,
  buildFolders,
  jobAreas,
  jobFor,
  keepFile,
  leftOutFolders,
  progressText,
  sanitizeChoices,
  setExportEngine,
  useExportStore,
  type ExportChoices,
  type ExportEngine,
  type ExportedFile,
} from './export.js';

const YEARS = registry.kommune('oslo').years();

/** localStorage in memory (the tests run in Node). */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

function fakeApi(
  result: (r: ExportRequest) => ExportResult | null = (r) => ({ folder: `/ut/${r.name}` }),
): ArshjulApi & { requests: ExportRequest[]; opened: string[] } {
  const api = {
    platform: 'electron' as const,
    requests: [] as ExportRequest[],
    opened: [] as string[],
    openFile: vi.fn(async () => null),
    openRecent: vi.fn(async () => null),
    recentFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => null),
    exportFiles: vi.fn(async (r: ExportRequest) => {
      api.requests.push(r);
      return result(r);
    }),
    openFolder: vi.fn(async (folder: string) => {
      if (!folder.startsWith('/ut/')) throw new Error('Bare en mappe du har eksportert til.');
      api.opened.push(folder);
    }),
    print: vi.fn(async () => undefined),
    readRecovery: vi.fn(async () => null),
    writeRecovery: vi.fn(async () => undefined),
    clearRecovery: vi.fn(async () => undefined),
    setDirty: () => undefined,
    openExternal: vi.fn(async () => undefined),
    onSaveRequest: vi.fn(),
  };
  return api;
}

/**
 * An engine that makes real files for the cheap formats (calendars and the SVG wheel, with the
 * export package itself) and a placeholder named as the real engine names it for the others, in
 * the CLI's layout (a folder per build when there are several, the model file once).
 */
const realishEngine: ExportEngine = async (model, job, onProgress, signal) => {
  const builds = runBuilds(model, { areas: job.areas, year: job.year, lang: job.lang });
  const folders = folderNames(builds);
  const files: ExportedFile[] = [];
  const cheap = job.formats.filter((f) => f === 'ics' || f === 'svg');
  for (const build of builds) {
    const slug = buildSlug(build);
    const dir = builds.length > 1 ? `${folders.get(build.area)!}/` : '';
    const base = (kind: string) => `${kind}-${slug}-${job.year.name}`;
    if (cheap.length > 0) {
      for await (const f of exportBuild(build, model, {
        formats: cheap as ('ics' | 'svg')[],
        lang: job.lang,
        roles: job.roles,
        madeOn: job.madeOn,
      })) {
        files.push({ path: `${dir}${f.name}`, description: f.description, bytes: f.bytes });
      }
    }
    const other: Record<string, string[]> = {
      pdf: [`${base('arshjul')}-a3.pdf`, `${base('plan')}.pdf`],
      png: [`${base('arshjul')}.png`],
      docx: [`${base('plan')}.docx`],
      xlsx: [`${base('plan')}.xlsx`],
      html: [`${base('plan')}.html`],
      cards: [
        `rollekort-${slug}.html`,
        `rollekort-${slug}.pdf`,
        `kontaktark-${slug}.pdf`,
        `kontaktark-${slug}.docx`,
      ],
    };
    for (const format of job.formats) {
      for (const name of other[format] ?? []) {
        files.push({ path: `${dir}${name}`, description: format, bytes: new Uint8Array(10) });
      }
    }
    onProgress?.({ done: files.length, total: files.length, file: files.at(-1)?.path });
    if (signal?.aborted) throw new DOMException('avbrutt', 'AbortError');
  }
  if (job.formats.includes('glossary')) {
    for (const ext of ['html', 'pdf']) {
      const path = `ordliste-${fileSlug(model.organisation.district.name)}.${ext}`;
      files.push({ path, description: 'glossary', bytes: new Uint8Array(10) });
    }
  }
  if (job.formats.includes('json')) {
    files.push({
      path: `${model.id}.json`,
      description: 'Modellfil',
      bytes: new TextEncoder().encode('{}'),
    });
  }
  return files;
};

let grorud: Model;
let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  setActivePinia(createPinia());
  setLang('nb');
  api = fakeApi();
  setApi(api);
  const models = useModelStore();
  models.newFromTemplate();
  grorud = models.model!;
  setExportEngine(realishEngine);
});

afterEach(() => {
  setExportEngine(null);
  setApi(null);
  vi.unstubAllGlobals();
});

const areaIds = () => grorud.organisation.areas.map((a) => a.id);
const choose = (over: Partial<ExportChoices>): ExportChoices => ({
  ...defaultChoices(grorud, '2025-26', 'nb'),
  ...over,
});

describe('the choices and the job', () => {
  it('starts with every area and the district, every file but role calendars', () => {
    const c = defaultChoices(grorud, '2025-26', 'nb');
    expect(c.areas).toEqual([...areaIds(), DISTRICT]);
    expect(c.formats).toEqual(FORMAT_CHOICES.filter((f) => !f.needsRoles).map((f) => f.id));
    expect(c.formats).not.toContain('ics-role');
    expect(choiceProblems(c, YEARS)).toEqual([]);
    const year = registry.schoolYear('oslo', '2025-26');
    const job = jobFor(c, grorud, year, '2025-09-01');
    expect(job.areas).toEqual(['all']);
    // Every engine format once, in the engine's order: both PDFs come from 'pdf', the calendars
    // from 'ics'.
    expect(job.formats).toEqual([...FORMATS]);
    // The people holding the roles are on the cards unless the user leaves them out.
    expect(job).not.toHaveProperty('cardsPersonalData');
    expect(jobFor({ ...c, noPersons: true }, grorud, year, '2025-09-01')).toMatchObject({
      cardsPersonalData: false,
    });
    expect(job).toMatchObject({ roles: [], lang: 'nb', madeOn: '2025-09-01', year });
  });

  it('asks for the chosen areas, or for all and leaves out the areas not chosen', () => {
    expect(jobAreas(choose({ areas: ['omrade-romsas', 'omrade-ammerud'] }), grorud)).toEqual([
      'omrade-ammerud',
      'omrade-romsas',
    ]);
    expect(leftOutFolders(choose({ areas: ['omrade-ammerud'] }), grorud)).toEqual(new Set());
    const some = choose({ areas: [DISTRICT, 'omrade-romsas'] });
    expect(jobAreas(some, grorud)).toEqual(['all']);
    expect(leftOutFolders(some, grorud)).toEqual(new Set(['ammerud', 'grorud']));
    expect(buildFolders(grorud).get(DISTRICT)).toBe('bydel-grorud');
    expect(keepFile('ammerud/plan-ammerud-2025-26.pdf', FORMAT_CHOICES, new Set(['ammerud']))).toBe(
      false,
    );
    expect(keepFile('grorudmodellen.json', FORMAT_CHOICES, new Set(['ammerud']))).toBe(true);
  });

  it('asks role calendars of the engine only when roles are chosen', () => {
    const year = registry.schoolYear('oslo', '2025-26');
    const none = choose({ formats: ['ics-role'], roles: [] });
    expect(chosenFormats(none)).toEqual([]);
    expect(choiceProblems(none, YEARS)).toEqual(['exp.err.noRole', 'exp.err.noFormat']);
    const two = choose({ formats: ['ics-role'], roles: ['rektor', 'fau'] });
    expect(jobFor(two, grorud, year, '2025-09-01')).toMatchObject({
      formats: ['ics'],
      roles: ['rektor', 'fau'],
    });
    // Roles chosen but no role calendars: the engine gets no roles.
    expect(jobFor(choose({ roles: ['fau'] }), grorud, year, '2025-09-01').roles).toEqual([]);
  });

  it('says what is missing', () => {
    expect(choiceProblems(choose({ areas: [], formats: [] }), YEARS)).toEqual([
      'exp.err.noArea',
      'exp.err.noFormat',
    ]);
    expect(choiceProblems(choose({ schoolYear: '1999-00' }), YEARS)).toEqual(['exp.err.noYear']);
  });

  it('names the export after the district, or the one area', () => {
    expect(exportName(choose({}), grorud)).toBe('arshjul-grorud-2025-26');
    expect(exportName(choose({ areas: ['omrade-romsas'], schoolYear: '2026-27' }), grorud)).toBe(
      'arshjul-romsas-2026-27',
    );
    expect(exportName(choose({ areas: ['omrade-romsas', 'omrade-grorud'] }), grorud)).toBe(
      'arshjul-grorud-2025-26',
    );
  });

  it('keeps only the files of the chosen kinds, and any file no kind knows', () => {
    const only = (ids: string[]) => FORMAT_CHOICES.filter((f) => ids.includes(f.id));
    const plan = only(['pdf-plan']);
    expect(keepFile('ammerud/plan-ammerud-2025-26.pdf', plan)).toBe(true);
    expect(keepFile('ammerud/arshjul-ammerud-2025-26-a3.pdf', plan)).toBe(false);
    expect(keepFile('veiledning-ammerud-2025-26.txt', plan)).toBe(true);
    // The plan's web page and Word file are not the role cards' or the glossary's.
    expect(keepFile('ammerud/rollekort-ammerud.html', only(['html']))).toBe(false);
    expect(keepFile('ammerud/plan-ammerud-2025-26.html', only(['html']))).toBe(true);
    expect(keepFile('ammerud/kontaktark-ammerud.docx', only(['docx']))).toBe(false);
    expect(keepFile('ammerud/kontaktark-ammerud.docx', only(['cards']))).toBe(true);
    expect(keepFile('ordliste-bydel-grorud.pdf', only(['glossary']))).toBe(true);
    expect(keepFile('ordliste-bydel-grorud.pdf', only(['cards']))).toBe(false);
    const area = only(['ics-area']);
    expect(keepFile('arshjul-ammerud-2025-26.ics', area)).toBe(true);
    expect(keepFile('arshjul-ammerud-2025-26-rektor.ics', area)).toBe(false);
    expect(keepFile('arshjul-ammerud-2025-26-rektor.ics', only(['ics-role']))).toBe(true);
    expect(keepFile('arshjul-ammerud-2025-26.ics', only(['ics-role']))).toBe(false);
  });

  it('keeps remembered choices only where they still fit the model', () => {
    const fallback = defaultChoices(grorud, '2025-26', 'nb');
    const back = sanitizeChoices(
      {
        areas: ['omrade-ammerud', 'omrade-borte', 7],
        schoolYear: '2026-27',
        formats: ['docx', 'odt'],
        roles: ['rektor', 'pave'],
        lang: 'nn',
        noPersons: true,
      },
      grorud,
      YEARS,
      fallback,
    );
    expect(back).toEqual({
      areas: ['omrade-ammerud'],
      schoolYear: '2026-27',
      formats: ['docx'],
      roles: ['rektor'],
      lang: 'nn',
      noPersons: true,
    });
    expect(sanitizeChoices('tull', grorud, YEARS, fallback)).toBe(fallback);
    expect(
      sanitizeChoices({ areas: [], schoolYear: '1900-01', lang: 'sv' }, grorud, YEARS, fallback),
    ).toEqual(fallback);
  });

  it('writes the progress as «3 av 24 filer: name»', () => {
    expect(progressText({ done: 3, total: 24, file: 'ammerud/plan-ammerud-2025-26.pdf' })).toBe(
      '3 av 24 filer: plan-ammerud-2025-26.pdf',
    );
    setLang('en');
    expect(progressText({ done: 0, total: 5 })).toBe('0 of 5 files');
  });
});

describe('the file count matches what the engine makes', () => {
  const cases: [string, Partial<ExportChoices>][] = [
    ['everything, with a calendar for the rektor', { roles: ['rektor'] }],
    ['Ammerud, calendars for two roles', { areas: ['omrade-ammerud'], roles: ['rektor', 'fau'] }],
    [
      'Romsås and the district, the plan PDF and the model file',
      { areas: ['omrade-romsas', DISTRICT], formats: ['pdf-plan', 'json'] },
    ],
  ];
  it.each(cases)('%s', async (_name, over) => {
    const c = choose({
      ...over,
      formats: over.formats ?? [...defaultChoices(grorud, '', 'nb').formats, 'ics-role'],
    });
    const store = useExportStore();
    store.load('2025-26');
    store.choices = c;
    await store.run();
    expect(store.status).toBe('done');
    const written = api.requests[0]!.files;
    expect(written).toHaveLength(countFiles(c, grorud));
    expect(store.fileCount).toBe(written.length);
    expect(store.outcome?.files.map((f) => f.path)).toEqual(written.map((f) => f.name));
  });
});

describe('the export store', () => {
  it('exports, reports progress, writes through the platform and remembers the choices', async () => {
    const store = useExportStore();
    store.load('2025-26');
    store.madeOn = '2025-10-01';
    store.choices = choose({ areas: ['omrade-ammerud'], formats: ['ics-area', 'svg', 'json'] });
    const seen: number[] = [];
    store.$subscribe(() => {
      if (store.progress) seen.push(store.progress.done);
    });
    await store.run();
    expect(store.status).toBe('done');
    expect(seen.length).toBeGreaterThan(0);
    const request = api.requests[0]!;
    expect(request.name).toBe('arshjul-ammerud-2025-26');
    expect(request.files.map((f) => f.name)).toEqual([
      'arshjul-ammerud-2025-26.ics',
      'arshjul-ammerud-2025-26.svg',
      'grorudmodellen.json',
    ]);
    const ics = new TextDecoder().decode(request.files[0]!.bytes);
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('DTSTAMP:20251001');
    expect(store.outcome).toMatchObject({
      folder: '/ut/arshjul-ammerud-2025-26',
      downloaded: false,
      errors: [],
    });
    expect(store.outcome?.files[0]).toEqual({
      path: 'arshjul-ammerud-2025-26.ics',
      description: 'Kalender (iCalendar)',
      size: request.files[0]!.bytes.byteLength,
    });

    await store.openFolder();
    expect(api.opened).toEqual(['/ut/arshjul-ammerud-2025-26']);

    // Another store (the app started again) loads the same choices for the same model.
    setActivePinia(createPinia());
    useModelStore().newFromTemplate();
    const again = useExportStore();
    again.load('2024-25');
    expect(again.choices).toEqual(store.choices);
  });

  it('still writes the other files when one kind of file fails, and says which', async () => {
    setExportEngine(async (model, job, onProgress, signal) => {
      if (job.formats.includes('pdf')) throw new Error('skriften mangler');
      return realishEngine(model, job, onProgress, signal);
    });
    const store = useExportStore();
    store.load('2025-26');
    store.choices = choose({
      areas: ['omrade-ammerud'],
      formats: ['ics-area', 'pdf-plan', 'pdf-wheel', 'svg'],
    });
    await store.run();
    expect(store.status).toBe('done');
    expect(api.requests[0]!.files.map((f) => f.name)).toEqual([
      'arshjul-ammerud-2025-26.ics',
      'arshjul-ammerud-2025-26.svg',
    ]);
    expect(store.outcome?.errors).toEqual([
      'Kunne ikke lage Plan som PDF (A4), Årshjul som PDF (A3-plakat): skriften mangler',
    ]);
  });

  it('fails with the reason when nothing could be made, writing nothing', async () => {
    setExportEngine(async () => {
      throw new Error('Skoleruta mangler');
    });
    const store = useExportStore();
    store.load('2025-26');
    store.choices = choose({ areas: ['omrade-ammerud'], formats: ['docx'] });
    await store.run();
    expect(store.status).toBe('failed');
    expect(store.failure).toBe('Kunne ikke lage Plan i Word (DOCX): Skoleruta mangler');
    expect(api.requests).toEqual([]);
  });

  it('reports files the platform could not save', async () => {
    api = fakeApi((r) => ({
      folder: `/ut/${r.name}`,
      failed: [{ name: r.files[0]!.name, message: 'disken er full' }],
    }));
    setApi(api);
    const store = useExportStore();
    store.load('2025-26');
    store.choices = choose({ areas: ['omrade-ammerud'], formats: ['ics-area', 'svg'] });
    await store.run();
    expect(store.outcome?.files.map((f) => f.path)).toEqual(['arshjul-ammerud-2025-26.svg']);
    expect(store.outcome?.errors).toEqual([
      'Kunne ikke lagre arshjul-ammerud-2025-26.ics: disken er full',
    ]);
  });

  it('cancels at once, and writes nothing the engine still makes', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finish!: () => void;
    // An engine busy with a slow file: it notices the cancel only when that file is done.
    setExportEngine(
      (_m, _job, onProgress, signal) =>
        new Promise((resolve, reject) => {
          onProgress?.({ done: 1, total: 24, file: 'ammerud/plan-ammerud-2025-26.pdf' });
          finish = () =>
            signal?.aborted ? reject(new DOMException('avbrutt', 'AbortError')) : resolve([]);
          started();
        }),
    );
    const store = useExportStore();
    store.load('2025-26');
    const done = store.run();
    await running;
    expect(store.status).toBe('running');
    expect(progressText(store.progress!)).toBe('1 av 24 filer: plan-ammerud-2025-26.pdf');
    store.cancel();
    // The dialog says so before the engine has stopped.
    expect(store.status).toBe('cancelled');
    finish();
    await done;
    expect(store.status).toBe('cancelled');
    expect(api.requests).toEqual([]);
    store.again();
    expect(store.status).toBe('choosing');
  });

  it('goes back to the choices when the folder dialog is cancelled', async () => {
    api = fakeApi(() => null);
    setApi(api);
    const store = useExportStore();
    store.load('2025-26');
    store.choices = choose({ areas: ['omrade-ammerud'], formats: ['svg'] });
    await store.run();
    expect(api.requests).toHaveLength(1);
    expect(store.status).toBe('choosing');
    expect(store.outcome).toBeNull();
  });

  it('does not run with choices that are missing something', async () => {
    const store = useExportStore();
    store.load('2025-26');
    store.setAllAreas(false);
    expect(store.problems).toContain('exp.err.noArea');
    expect(store.fileCount).toBe(0);
    await store.run();
    expect(store.status).toBe('choosing');
    store.toggle('areas', 'omrade-grorud', true);
    expect(store.problems).toEqual([]);
    store.setAllAreas(true);
    expect(store.choices.areas).toEqual([...areaIds(), DISTRICT]);
  });

  it('shows why a folder cannot be opened', async () => {
    api = fakeApi((r) => ({ folder: `/annet/${r.name}` }));
    setApi(api);
    const store = useExportStore();
    store.load('2025-26');
    store.choices = choose({ areas: ['omrade-ammerud'], formats: ['svg'] });
    await store.run();
    await store.openFolder();
    expect(store.failure).toBe('Bare en mappe du har eksportert til.');
  });
});
