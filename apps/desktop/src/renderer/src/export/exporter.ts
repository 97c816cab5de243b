/**
 * The export bundle, made in the renderer: the same files, paths and bytes as `arshjul build`
 * (`@arshjul/export/browser`'s `exportRunWith`, the layout the CLI uses). The platform pieces a
 * browser has to bring are loaded once, on the first export: the Arimo fonts and resvg's
 * WebAssembly, both bundled by Vite as assets of the app (no network).
 *
 * The export dialog calls `runExport`; it reports progress after every file and yields to the
 * event loop between files so the page stays responsive, and stops at the next file when the
 * signal is aborted (rejecting with the signal's reason, an `AbortError`).
 */
import {
  browserPlatform,
  exportRunWith,
  FONT_STYLES,
  FORMATS,
  pngRenderOptions,
  runBuilds,
  runFileCount,
  type ExportPlatform,
  type FontBytes,
  type Format,
  type SvgToPng,
} from '@arshjul/export/browser';
import type { Model } from '@arshjul/model';
import type { IsoDate, Lang, SchoolYear } from '@arshjul/school-calendar';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import wasmUrl from '@resvg/resvg-wasm/index_bg.wasm?url';
import regularUrl from '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf?url';
import italicUrl from '@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf?url';

export interface ExportJob {
  /** Area ids, or `['all']` meaning every area plus the district (like `--area all`). */
  areas: string[];
  year: SchoolYear;
  /** The export package's FORMATS ('ics','docx','xlsx','pdf','svg','png','html','json'). */
  formats: string[];
  /** Role ids: also one calendar per role. */
  roles: string[];
  lang: Lang;
  /** The date the documents say they were made (the CLI uses today). */
  madeOn: IsoDate;
  /** False leaves the people holding the roles off the role cards and contact sheet (`--no-persons`). */
  cardsPersonalData?: boolean;
  asOf?: IsoDate;
  today?: IsoDate;
}

export interface ExportProgress {
  done: number;
  total: number;
  /** The path of the file just made. */
  file?: string;
}

export interface ExportedFile {
  /** Relative, with `/`: e.g. `ammerud/plan-ammerud-2025-26.pdf`. */
  path: string;
  description: string;
  bytes: Uint8Array;
}

/** A job the model cannot do (unknown area, format or role), in the job's language. */
export class ExportJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportJobError';
  }
}

const list = (items: readonly string[]) => items.map((x) => `«${x}»`).join(', ');

const PROBLEMS = {
  nb: {
    noArea: 'Velg minst ett område å eksportere.',
    area: (id: string, known: string[]) =>
      `Eksporten kan ikke lages: modellen har ikke området «${id}». Områdene er ${list(known)}, eller «all» for hele bydelen.`,
    noFormat: 'Velg minst ett format å eksportere.',
    format: (f: string) =>
      `Eksporten kan ikke lages: formatet «${f}» finnes ikke. Formatene er ${list(FORMATS)}.`,
    role: (id: string, known: string[]) =>
      `Eksporten kan ikke lages: modellen har ikke rollen «${id}». Rollene er ${list(known)}.`,
  },
  nn: {
    noArea: 'Vel minst eitt område å eksportere.',
    area: (id: string, known: string[]) =>
      `Eksporten kan ikkje lagast: modellen har ikkje området «${id}». Områda er ${list(known)}, eller «all» for heile bydelen.`,
    noFormat: 'Vel minst eitt format å eksportere.',
    format: (f: string) =>
      `Eksporten kan ikkje lagast: formatet «${f}» finst ikkje. Formata er ${list(FORMATS)}.`,
    role: (id: string, known: string[]) =>
      `Eksporten kan ikkje lagast: modellen har ikkje rolla «${id}». Rollene er ${list(known)}.`,
  },
  en: {
    noArea: 'Choose at least one area to export.',
    area: (id: string, known: string[]) =>
      `The export cannot be made: the model has no area «${id}». The areas are ${list(known)}, or «all» for the whole district.`,
    noFormat: 'Choose at least one format to export.',
    format: (f: string) =>
      `The export cannot be made: there is no format «${f}». The formats are ${list(FORMATS)}.`,
    role: (id: string, known: string[]) =>
      `The export cannot be made: the model has no role «${id}». The roles are ${list(known)}.`,
  },
} satisfies Record<Lang, unknown>;

/** Checks the job against the model; returns its formats in the export package's order. */
export function checkJob(model: Model, job: ExportJob): Format[] {
  const say = PROBLEMS[job.lang] ?? PROBLEMS.nb;
  const areaIds = model.organisation.areas.map((a) => a.id);
  if (job.areas.length === 0) throw new ExportJobError(say.noArea);
  for (const area of job.areas) {
    if (area !== 'all' && !areaIds.includes(area))
      throw new ExportJobError(say.area(area, areaIds));
  }
  if (job.formats.length === 0) throw new ExportJobError(say.noFormat);
  for (const format of job.formats) {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new ExportJobError(say.format(format));
  }
  const roleIds = model.roles.map((r) => r.id);
  for (const role of job.roles) {
    if (!roleIds.includes(role)) throw new ExportJobError(say.role(role, roleIds));
  }
  return FORMATS.filter((f) => job.formats.includes(f));
}

/** Lets the page draw and handle input before the next file. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The export with the given platform pieces (the tests give Node's font files and wasm). */
export async function runExportWith(
  platform: ExportPlatform,
  model: Model,
  job: ExportJob,
  onProgress?: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportedFile[]> {
  const formats = checkJob(model, job);
  signal?.throwIfAborted();
  const builds = runBuilds(model, {
    areas: job.areas,
    year: job.year,
    lang: job.lang,
    ...(job.asOf ? { asOf: job.asOf } : {}),
  });
  const options = {
    formats,
    lang: job.lang,
    roles: job.roles,
    madeOn: job.madeOn,
    ...(job.cardsPersonalData === false ? { cardsPersonalData: false } : {}),
    ...(job.today ? { today: job.today } : {}),
  };
  const total = runFileCount(builds.length, options);
  const files: ExportedFile[] = [];
  onProgress?.({ done: 0, total });
  await nextTask();
  for await (const file of exportRunWith(platform, model, builds, options)) {
    signal?.throwIfAborted();
    files.push({ path: file.path, description: file.description, bytes: file.bytes });
    onProgress?.({ done: files.length, total, file: file.path });
    await nextTask();
  }
  signal?.throwIfAborted();
  return files;
}

/** A PNG renderer on resvg's WebAssembly, with the given fonts only (as `arshjul build`). */
export function wasmSvgToPng(fonts: FontBytes): SvgToPng {
  const fontBuffers = FONT_STYLES.map((s) => fonts[s]);
  return async (svg, { width }) => {
    // Let the page show the progress so far; the rendering itself blocks for a moment.
    await nextTask();
    const base = pngRenderOptions(width);
    const resvg = new Resvg(svg, { ...base, font: { ...base.font, fontBuffers } });
    try {
      const image = resvg.render();
      try {
        return image.asPng();
      } finally {
        image.free();
      }
    } finally {
      resvg.free();
    }
  };
}

/**
 * The bytes of a bundled asset. The web build is served over http(s) and fetches it; the
 * Electron app's page is a file:// page, where `fetch` does not do files, so it reads it with
 * XMLHttpRequest.
 */
async function loadAsset(url: string): Promise<Uint8Array> {
  const absolute = new URL(url, document.baseURI);
  if (absolute.protocol === 'file:') {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('GET', absolute.href);
      request.responseType = 'arraybuffer';
      request.onload = () => resolve(new Uint8Array(request.response as ArrayBuffer));
      request.onerror = () => reject(new Error(`Fant ikke ${absolute.pathname}.`));
      request.send();
    });
  }
  const response = await fetch(absolute);
  if (!response.ok) throw new Error(`Fant ikke ${absolute.pathname} (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

let loading: Promise<ExportPlatform> | undefined;

/** Fetches the fonts and starts resvg's WebAssembly, once. */
export function loadPlatform(): Promise<ExportPlatform> {
  loading ??= (async () => {
    const [regular, bold, italic, wasm] = await Promise.all(
      [regularUrl, boldUrl, italicUrl, wasmUrl].map(loadAsset),
    );
    await initWasm(wasm!);
    const fonts: FontBytes = { regular: regular!, bold: bold!, italic: italic! };
    return browserPlatform({ fonts, svgToPng: wasmSvgToPng(fonts) });
  })();
  // A failed load may be tried again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Makes every file of the job, in the order and with the paths `arshjul build` writes them. */
export async function runExport(
  model: Model,
  job: ExportJob,
  onProgress?: (p: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportedFile[]> {
  checkJob(model, job);
  return runExportWith(await loadPlatform(), model, job, onProgress, signal);
}
