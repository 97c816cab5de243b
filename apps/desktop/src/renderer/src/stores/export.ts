/**
 * The export dialog's logic: the user's choices (areas, school year, formats, roles, language),
 * remembered per model in localStorage; the export job they make for the engine
 * (`export/exporter.ts`, injected so tests can pass their own); how many files that is; the run
 * with progress and cancel; and the result (files written, where, and what failed).
 *
 * The formats are data (`FORMAT_CHOICES`): a new kind of file is one more entry, with the engine
 * format it comes from and which of the engine's files it stands for.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Model } from '@arshjul/model';
import { isoDateOf, type IsoDate, type Lang, type SchoolYear } from '@arshjul/school-calendar';
import { folderNamesOf, slugify } from '@arshjul/export/pure';

export { formatSize } from '@arshjul/export/pure';
import type { ExportJob, ExportProgress, ExportedFile } from '../export/exporter.js';
import { getApi } from '../platform/index.js';
import { lang as appLang, t, type MessageKey } from '../i18n/index.js';
import { useModelStore } from './model.js';
import { useViewStore } from './view.js';

// --- The engine (export/exporter.ts) ------------------------------------------------------------

export type { ExportJob, ExportProgress, ExportedFile };

export type ExportEngine = (
  model: Model,
  job: ExportJob,
  onProgress?: (p: ExportProgress) => void,
  signal?: AbortSignal,
) => Promise<ExportedFile[]>;

/** The real engine, loaded when first used (it brings fonts, pdfkit and the PNG renderer). */
const realEngine: ExportEngine = async (model, job, onProgress, signal) => {
  const { runExport } = await import('../export/exporter.js');
  return runExport(model, job, onProgress, signal);
};

let engine: ExportEngine = realEngine;

/** Replaces the engine (tests); `null` puts the real one back. */
export function setExportEngine(next: ExportEngine | null): void {
  engine = next ?? realEngine;
}

// --- The choices ---------------------------------------------------------------------------------

/** The whole district, as an entry among the areas (the plan package's area id for it). */
export const DISTRICT = 'all';

export type FormatGroup = 'calendar' | 'documents' | 'pictures' | 'other';

export interface FormatChoice {
  id: string;
  group: FormatGroup;
  /** The engine format the files come from. */
  engine: string;
  label: MessageKey;
  /** Which of the engine's files (by name, without folder) this choice stands for. */
  claims: (name: string) => boolean;
  /** How many files it makes per area (per build), given the roles chosen. */
  perBuild: (roles: number) => number;
  /** Made once for the whole export, not per area (the model file, the glossary). */
  once?: boolean;
  /** How many files a `once` choice makes (default 1). */
  onceFiles?: number;
  /** Needs at least one role. */
  needsRoles?: boolean;
}

const ext = (e: string) => (name: string) => name.toLowerCase().endsWith(`.${e}`);
const one = () => 1;

/** Every kind of file the dialog offers, in the order shown. */
export const FORMAT_CHOICES: readonly FormatChoice[] = [
  {
    id: 'ics-area',
    group: 'calendar',
    engine: 'ics',
    label: 'exp.fmt.icsArea',
    // arshjul-ammerud-2025-26.ics (a role's calendar has the role after the year)
    claims: (n) => /-\d{4}-\d{2}\.ics$/i.test(n),
    perBuild: one,
  },
  {
    id: 'ics-role',
    group: 'calendar',
    engine: 'ics',
    label: 'exp.fmt.icsRole',
    claims: (n) => /-\d{4}-\d{2}-[^/]+\.ics$/i.test(n),
    perBuild: (roles) => roles,
    needsRoles: true,
  },
  {
    id: 'docx',
    group: 'documents',
    engine: 'docx',
    label: 'exp.fmt.docx',
    claims: (n) => /^plan-.*\.docx$/i.test(n),
    perBuild: one,
  },
  {
    id: 'xlsx',
    group: 'documents',
    engine: 'xlsx',
    label: 'exp.fmt.xlsx',
    claims: ext('xlsx'),
    perBuild: one,
  },
  {
    id: 'pdf-plan',
    group: 'documents',
    engine: 'pdf',
    label: 'exp.fmt.pdfPlan',
    claims: (n) => /^plan-.*\.pdf$/i.test(n),
    perBuild: one,
  },
  {
    id: 'pdf-wheel',
    group: 'pictures',
    engine: 'pdf',
    label: 'exp.fmt.pdfWheel',
    claims: (n) => /-a3\.pdf$/i.test(n),
    perBuild: one,
  },
  {
    id: 'svg',
    group: 'pictures',
    engine: 'svg',
    label: 'exp.fmt.svg',
    claims: ext('svg'),
    perBuild: one,
  },
  {
    id: 'png',
    group: 'pictures',
    engine: 'png',
    label: 'exp.fmt.png',
    claims: ext('png'),
    perBuild: one,
  },
  {
    id: 'html',
    group: 'other',
    engine: 'html',
    label: 'exp.fmt.html',
    claims: (n) => /^plan-.*\.html$/i.test(n),
    perBuild: one,
  },
  {
    id: 'cards',
    group: 'other',
    engine: 'cards',
    label: 'exp.fmt.cards',
    // rollekort-ammerud.html/.pdf and kontaktark-ammerud.pdf/.docx
    claims: (n) => /^(rollekort|kontaktark)-/i.test(n),
    perBuild: () => 4,
  },
  {
    id: 'glossary',
    group: 'other',
    engine: 'glossary',
    label: 'exp.fmt.glossary',
    claims: (n) => /^ordliste-/i.test(n),
    perBuild: () => 0,
    once: true,
    onceFiles: 2,
  },
  {
    id: 'json',
    group: 'other',
    engine: 'json',
    label: 'exp.fmt.json',
    claims: ext('json'),
    perBuild: () => 0,
    once: true,
  },
];

export const FORMAT_GROUPS: readonly FormatGroup[] = ['calendar', 'documents', 'pictures', 'other'];

export interface ExportChoices {
  /** Area ids and/or `DISTRICT`. */
  areas: string[];
  schoolYear: string;
  /** `FORMAT_CHOICES` ids. */
  formats: string[];
  roles: string[];
  lang: Lang;
  /** Leave the people holding the roles (name, phone, e-mail) off the role cards and contact sheet. */
  noPersons: boolean;
}

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

export function defaultChoices(model: Model | null, schoolYear: string, lang: Lang): ExportChoices {
  return {
    areas: [...(model?.organisation.areas.map((a) => a.id) ?? []), DISTRICT],
    schoolYear,
    formats: FORMAT_CHOICES.filter((f) => !f.needsRoles).map((f) => f.id),
    roles: [],
    lang,
    noPersons: false,
  };
}

/**
 * Choices read back from storage, kept only where they still fit the model (areas and roles it
 * has, years the kommune has, known formats); anything else falls back to the defaults.
 */
export function sanitizeChoices(
  raw: unknown,
  model: Model | null,
  years: readonly string[],
  fallback: ExportChoices,
): ExportChoices {
  if (typeof raw !== 'object' || raw === null) return fallback;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
  const areaIds = new Set([...(model?.organisation.areas.map((a) => a.id) ?? []), DISTRICT]);
  const roleIds = new Set(model?.roles.map((x) => x.id) ?? []);
  const formatIds = new Set(FORMAT_CHOICES.map((f) => f.id));
  const areas = strings(r['areas'])?.filter((a) => areaIds.has(a));
  const formats = strings(r['formats'])?.filter((f) => formatIds.has(f));
  const roles = strings(r['roles'])?.filter((x) => roleIds.has(x));
  const year = typeof r['schoolYear'] === 'string' ? r['schoolYear'] : '';
  const lang = LANGS.find((l) => l === r['lang']);
  return {
    areas: areas && areas.length > 0 ? areas : fallback.areas,
    schoolYear: years.includes(year) ? year : fallback.schoolYear,
    formats: formats && formats.length > 0 ? formats : fallback.formats,
    roles: roles ?? fallback.roles,
    lang: lang ?? fallback.lang,
    noPersons: typeof r['noPersons'] === 'boolean' ? r['noPersons'] : fallback.noPersons,
  };
}

/**
 * The engine's area list: the chosen areas, or `['all']` (every area and the district, like
 * `arshjul build --area all`) as soon as the district is chosen; the files of areas not chosen
 * are then left out (`leftOutFolders`).
 */
export function jobAreas(choices: ExportChoices, model: Model): string[] {
  if (choices.areas.includes(DISTRICT)) return [DISTRICT];
  const ids = model.organisation.areas.map((a) => a.id);
  return ids.filter((id) => choices.areas.includes(id));
}

/**
 * The folder of each build in an export of several (as the export package names them: the
 * area's or district's name as a file name, or the id when two would clash).
 */
export function buildFolders(model: Model): Map<string, string> {
  return folderNamesOf([
    ...model.organisation.areas.map((a) => ({ area: a.id, name: a.name })),
    { area: DISTRICT, name: model.organisation.district.name },
  ]);
}

/** The folders of the builds the engine makes but the user did not choose. */
export function leftOutFolders(choices: ExportChoices, model: Model): Set<string> {
  if (!choices.areas.includes(DISTRICT)) return new Set();
  const folders = buildFolders(model);
  return new Set(
    [...folders].filter(([id]) => !choices.areas.includes(id)).map(([, folder]) => folder),
  );
}

/** The chosen formats in dialog order, with role calendars only when roles are chosen. */
export function chosenFormats(choices: ExportChoices): FormatChoice[] {
  return FORMAT_CHOICES.filter(
    (f) => choices.formats.includes(f.id) && (!f.needsRoles || choices.roles.length > 0),
  );
}

/** What is missing before the export can run (message keys), in the order of the dialog. */
export function choiceProblems(choices: ExportChoices, years: readonly string[]): MessageKey[] {
  const problems: MessageKey[] = [];
  if (choices.areas.length === 0) problems.push('exp.err.noArea');
  if (!years.includes(choices.schoolYear)) problems.push('exp.err.noYear');
  if (choices.formats.includes('ics-role') && choices.roles.length === 0)
    problems.push('exp.err.noRole');
  if (chosenFormats(choices).length === 0) problems.push('exp.err.noFormat');
  return problems;
}

/** How many builds the chosen areas make (each area, and the district). */
export function buildCount(choices: ExportChoices, model: Model): number {
  const ids = new Set([...model.organisation.areas.map((a) => a.id), DISTRICT]);
  return choices.areas.filter((a) => ids.has(a)).length;
}

/** How many files the export will make. */
export function countFiles(choices: ExportChoices, model: Model): number {
  const builds = buildCount(choices, model);
  return chosenFormats(choices).reduce(
    (n, f) => n + (f.once ? (f.onceFiles ?? 1) : builds * f.perBuild(choices.roles.length)),
    0,
  );
}

/** The engine job for the choices (null when the school year is unknown). */
export function jobFor(
  choices: ExportChoices,
  model: Model,
  year: SchoolYear,
  madeOn: IsoDate,
): ExportJob {
  const formats = chosenFormats(choices);
  return {
    areas: jobAreas(choices, model),
    year,
    formats: [...new Set(formats.map((f) => f.engine))],
    roles: formats.some((f) => f.id === 'ics-role') ? [...choices.roles] : [],
    lang: choices.lang,
    madeOn,
    ...(choices.noPersons && formats.some((f) => f.id === 'cards')
      ? { cardsPersonalData: false }
      : {}),
  };
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Whether an engine file belongs to the export: the engine makes every file of a format
 * (both PDFs, the area's and the roles' calendars), so a file that only unchosen choices stand
 * for is left out. A file no choice knows (a newer kind of file) is kept.
 */
export function keepFile(
  path: string,
  chosen: readonly FormatChoice[],
  leftOut: ReadonlySet<string> = new Set(),
): boolean {
  const slash = path.indexOf('/');
  if (slash > 0 && leftOut.has(path.slice(0, slash))) return false;
  const name = fileName(path);
  const claimedBy = FORMAT_CHOICES.filter((f) => f.claims(name));
  return claimedBy.length === 0 || claimedBy.some((f) => chosen.includes(f));
}

/** The export's folder (or zip) name: `arshjul-grorud-2025-26`, `arshjul-ammerud-2025-26`. */
export function exportName(choices: ExportChoices, model: Model): string {
  const areas = choices.areas;
  const single =
    areas.length === 1 && areas[0] !== DISTRICT
      ? model.organisation.areas.find((a) => a.id === areas[0])?.name
      : undefined;
  const base = single ?? model.organisation.district.name.replace(/^bydel\s+/i, '');
  return `arshjul-${slugify(base) || 'eksport'}-${choices.schoolYear}`;
}

/** The store's words in the app's language (the dialog's, not the documents'). */
function say(key: MessageKey, params: Record<string, string | number> = {}): string {
  return t(key, params);
}

/** «3 av 24 filer: plan-ammerud-2025-26.pdf». */
export function progressText(p: ExportProgress): string {
  const head = say('exp.progress', { done: p.done, total: p.total });
  return p.file ? `${head}: ${fileName(p.file)}` : head;
}

// --- Remembered choices --------------------------------------------------------------------------

const STORAGE_PREFIX = 'arshjul.export.';

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

// --- The store -----------------------------------------------------------------------------------

export type ExportStatus = 'choosing' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ExportOutcome {
  /** The folder written to, or the download's name. */
  folder: string;
  downloaded: boolean;
  files: { path: string; description: string; size: number }[];
  /** What went wrong, one sentence per file or format; the other files were written. */
  errors: string[];
}

/** Today on the user's clock (the day the documents say they were made). */
function localToday(): IsoDate {
  const d = new Date();
  return isoDateOf(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && error.name === 'AbortError');
}

export const useExportStore = defineStore('export', () => {
  const models = useModelStore();
  const choices = ref<ExportChoices>(defaultChoices(null, '', appLang.value));
  const status = ref<ExportStatus>('choosing');
  const progress = ref<ExportProgress | null>(null);
  const outcome = shallowRef<ExportOutcome | null>(null);
  /** Why the whole export failed (nothing was written). */
  const failure = ref<string | null>(null);
  /** The day the documents say they were made (today; tests set it). */
  const madeOn = ref<IsoDate | null>(null);
  let controller: AbortController | null = null;
  let loadedFor: string | null = null;

  const model = computed(() => models.model);
  // The school years the views use: the bundled calendars with the model's own years on top,
  // so the files have the breaks the wheel shows (and `arshjul build` uses the same).
  const view = useViewStore();
  const kommune = computed(() => view.calendars.kommune(view.kommuneId));
  const years = computed(() => kommune.value.years());
  const areas = computed(() => model.value?.organisation.areas ?? []);
  const roles = computed(() => model.value?.roles ?? []);
  const problems = computed(() => choiceProblems(choices.value, years.value));
  const fileCount = computed(() =>
    model.value && problems.value.length === 0 ? countFiles(choices.value, model.value) : 0,
  );

  const storageKey = (id: string) => `${STORAGE_PREFIX}${id}`;

  /**
   * Loads the choices remembered for the open model (or the defaults: every area and the district,
   * `schoolYear`, every format but role calendars, the app's language). Called when the dialog opens.
   */
  function load(schoolYear: string): void {
    const m = model.value;
    const fallback = defaultChoices(m, schoolYear, appLang.value);
    let raw: unknown = null;
    try {
      const text = m ? storage()?.getItem(storageKey(m.id)) : null;
      raw = text ? JSON.parse(text) : null;
    } catch {
      raw = null;
    }
    choices.value = sanitizeChoices(raw, m, years.value, fallback);
    loadedFor = m?.id ?? null;
    status.value = 'choosing';
    progress.value = null;
    outcome.value = null;
    failure.value = null;
  }

  function remember(): void {
    const id = model.value?.id ?? loadedFor;
    if (!id) return;
    try {
      storage()?.setItem(storageKey(id), JSON.stringify(choices.value));
    } catch {
      // Storage full or blocked: remembering is a convenience.
    }
  }

  function toggle(list: 'areas' | 'formats' | 'roles', id: string, on: boolean): void {
    const current = choices.value[list];
    const next = on ? [...new Set([...current, id])] : current.filter((x) => x !== id);
    choices.value = { ...choices.value, [list]: next };
  }

  function setNoPersons(on: boolean): void {
    choices.value = { ...choices.value, noPersons: on };
  }

  /** Every area and the district («Alle»), or none. */
  function setAllAreas(on: boolean): void {
    choices.value = {
      ...choices.value,
      areas: on ? [...areas.value.map((a) => a.id), DISTRICT] : [],
    };
  }

  /** Runs the engine; when it fails, once more per kind of file so that the others are still made. */
  async function make(
    m: Model,
    job: ExportJob,
    chosen: FormatChoice[],
    signal: AbortSignal,
  ): Promise<{ files: ExportedFile[]; errors: string[] }> {
    const onProgress = (p: ExportProgress) => {
      progress.value = p;
    };
    try {
      return { files: await engine(m, job, onProgress, signal), errors: [] };
    } catch (error) {
      if (isAbort(error, signal)) throw error;
      const files: ExportedFile[] = [];
      const errors: string[] = [];
      const byEngine = [...new Set(chosen.map((f) => f.engine))];
      for (const format of byEngine) {
        try {
          files.push(...(await engine(m, { ...job, formats: [format] }, onProgress, signal)));
        } catch (e) {
          if (isAbort(e, signal)) throw e;
          const labels = chosen
            .filter((f) => f.engine === format)
            .map((f) => t(f.label))
            .join(', ');
          errors.push(say('exp.err.format', { what: labels, why: message(e) }));
        }
      }
      return { files, errors };
    }
  }

  /** Makes the files and writes them (a folder the user picks, or a download). */
  async function run(): Promise<void> {
    const m = model.value;
    if (!m || status.value === 'running' || problems.value.length > 0) return;
    let year: SchoolYear;
    try {
      year = kommune.value.year(choices.value.schoolYear);
    } catch (e) {
      failure.value = message(e);
      status.value = 'failed';
      return;
    }
    remember();
    const chosen = chosenFormats(choices.value);
    const job = jobFor(choices.value, m, year, madeOn.value ?? localToday());
    controller = new AbortController();
    const signal = controller.signal;
    status.value = 'running';
    failure.value = null;
    outcome.value = null;
    progress.value = { done: 0, total: countFiles(choices.value, m) };
    try {
      const made = await make(m, job, chosen, signal);
      // Cancelled while the last file was being made: the dialog has moved on already.
      if (signal.aborted) return;
      const leftOut = leftOutFolders(choices.value, m);
      const files = made.files.filter((f) => keepFile(f.path, chosen, leftOut));
      if (files.length === 0) {
        failure.value = made.errors.join(' ') || say('exp.err.nothing');
        status.value = 'failed';
        return;
      }
      const written = await getApi().exportFiles({
        name: exportName(choices.value, m),
        files: files.map((f) => ({ name: f.path, bytes: f.bytes })),
      });
      if (!written) {
        status.value = 'choosing';
        progress.value = null;
        return;
      }
      const failed = new Set(written.failed?.map((f) => f.name) ?? []);
      outcome.value = {
        folder: written.folder,
        downloaded: written.downloaded === true,
        files: files
          .filter((f) => !failed.has(f.path))
          .map((f) => ({ path: f.path, description: f.description, size: f.bytes.byteLength })),
        errors: [
          ...made.errors,
          ...(written.failed ?? []).map((f) =>
            say('exp.err.write', { file: f.name, why: f.message }),
          ),
        ],
      };
      status.value = 'done';
    } catch (error) {
      if (isAbort(error, signal)) {
        // `cancel` has said so already (and a new run may have started since).
        return;
      } else {
        failure.value = message(error);
        status.value = 'failed';
      }
    } finally {
      if (controller?.signal === signal) controller = null;
    }
  }

  /**
   * Stops the export at once: the engine stops at its next file (a PDF may take a moment on a
   * busy machine), but the dialog does not wait for it, and nothing it makes is written.
   */
  function cancel(): void {
    if (status.value !== 'running' || !controller) return;
    controller.abort();
    controller = null;
    status.value = 'cancelled';
  }

  /** Back to the choices (after a result, a failure or a cancel). */
  function again(): void {
    status.value = 'choosing';
    progress.value = null;
    outcome.value = null;
    failure.value = null;
  }

  async function openFolder(): Promise<void> {
    const folder = outcome.value?.folder;
    if (!folder || outcome.value?.downloaded) return;
    try {
      await getApi().openFolder(folder);
    } catch (e) {
      failure.value = message(e);
    }
  }

  return {
    choices,
    status,
    progress,
    outcome,
    failure,
    madeOn,
    years,
    areas,
    roles,
    problems,
    fileCount,
    load,
    remember,
    toggle,
    setNoPersons,
    setAllAreas,
    run,
    cancel,
    again,
    openFolder,
  };
});
