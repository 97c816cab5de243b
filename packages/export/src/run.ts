/**
 * A whole export run, laid out the way `arshjul build` writes it and the desktop app saves it:
 * which builds (one area, several, or `all` = every area and the whole district), a folder per
 * build when there are several, the model file once at the top, and the role calendars with each
 * build's calendar. No I/O: relative paths (always with `/`) and bytes.
 */
import type { Model } from '@arshjul/model';
import { buildAll, buildArshjul, buildPlan, type AreaBuild } from '@arshjul/plan';
import type { IsoDate, Lang, SchoolYear } from '@arshjul/school-calendar';
import {
  exportBuildWith,
  exportGlossaryFiles,
  exportModelFile,
  FORMATS,
  type BundleOptions,
  type ExportFile,
  type Format,
} from './bundle-core.js';
import type { ExportPlatform } from './platform.js';
import { folderNamesOf } from './words.js';

export interface RunBuildOptions {
  /** Area ids of the model, or `['all']`: every area and the whole district. */
  areas: readonly string[];
  year: SchoolYear;
  lang?: Lang;
  /** The day that decides which schools and structures are included (default: the first school day). */
  asOf?: IsoDate;
}

/** The builds of a run: each area asked for, or every area and the district for `all`. */
export function runBuilds(model: Model, options: RunBuildOptions): AreaBuild[] {
  const base = {
    year: options.year,
    lang: options.lang ?? 'nb',
    ...(options.asOf ? { asOf: options.asOf } : {}),
  };
  if (options.areas.includes('all')) return buildAll(model, base);
  return options.areas.map((area) => ({
    area,
    arshjul: buildArshjul(model, { ...base, area }),
    plan: buildPlan(model, { ...base, area }),
  }));
}

/** The folder of each build when a run has several (`folderNamesOf` with the builds' names). */
export function folderNames(builds: readonly AreaBuild[]): Map<string, string> {
  return folderNamesOf(
    builds.map((b) => ({ area: b.area, name: b.plan.area?.name ?? b.plan.district })),
  );
}

export interface RunOptions extends Omit<BundleOptions, 'formats'> {
  /** Formats to write (default all); `json` is the model file, written once for the run. */
  formats?: readonly Format[];
}

export interface RunFile extends ExportFile {
  /** Where the file goes, relative to the run's folder: `ammerud/plan-ammerud-2025-26.pdf`. */
  path: string;
  /** The build's area id (`all` for the district), or `model` for the model file. */
  area: string;
}

/** How many files a run writes (for progress): the per-build files, and the model file once. */
export function runFileCount(builds: number, options: RunOptions = {}): number {
  const formats = new Set(options.formats ?? FORMATS);
  const perBuild =
    (formats.has('ics') ? 1 + (options.roles?.length ?? 0) : 0) +
    (formats.has('svg') ? 1 : 0) +
    (formats.has('pdf') ? 2 : 0) +
    (formats.has('png') ? 1 : 0) +
    (formats.has('docx') ? 1 : 0) +
    (formats.has('xlsx') ? 1 : 0) +
    (formats.has('html') ? 1 : 0) +
    (formats.has('cards') ? 4 : 0);
  return builds * perBuild + (formats.has('glossary') ? 2 : 0) + (formats.has('json') ? 1 : 0);
}

/**
 * Every file of a run, in order: each build's files (in its folder when several), then the files
 * that are the same for every area — the glossary and the model file — once, at the top.
 */
export async function* exportRunWith(
  platform: ExportPlatform,
  model: Model,
  builds: readonly AreaBuild[],
  options: RunOptions = {},
): AsyncGenerator<RunFile> {
  const formats = options.formats ?? FORMATS;
  const perBuild = formats.filter((f) => f !== 'json' && f !== 'glossary');
  const folders = folderNames(builds);
  const several = builds.length > 1;
  if (perBuild.length > 0) {
    for (const build of builds) {
      const dir = several ? `${folders.get(build.area)!}/` : '';
      for await (const file of exportBuildWith(platform, build, model, {
        ...options,
        formats: perBuild,
      })) {
        yield { ...file, path: `${dir}${file.name}`, area: build.area };
      }
    }
  }
  if (formats.includes('glossary')) {
    for await (const file of exportGlossaryFiles(platform, model, options)) {
      yield { ...file, path: file.name, area: 'model' };
    }
  }
  if (formats.includes('json')) {
    const file = exportModelFile(model, options);
    yield { ...file, path: file.name, area: 'model' };
  }
}
