/**
 * The export bundle (`bundle-core.ts`) and the whole run (`run.ts`) with Node's platform: fonts
 * from the font package, PNG from resvg-js, pdfkit (see `node-platform.ts`).
 */
import type { Model } from '@arshjul/model';
import type { AreaBuild } from '@arshjul/plan';
import { exportBuildWith, type BundleOptions, type ExportFile } from './bundle-core.js';
import { nodePlatform } from './node-platform.js';
import { exportRunWith, type RunFile, type RunOptions } from './run.js';

export * from './bundle-core.js';
export * from './run.js';

/** The files of one build, made in Node. */
export async function* exportBuild(
  build: AreaBuild,
  model: Model,
  options: BundleOptions = {},
): AsyncGenerator<ExportFile> {
  yield* exportBuildWith(await nodePlatform(), build, model, options);
}

/** Every file of a run (see `exportRunWith`), made in Node. */
export async function* exportRun(
  model: Model,
  builds: readonly AreaBuild[],
  options: RunOptions = {},
): AsyncGenerator<RunFile> {
  yield* exportRunWith(await nodePlatform(), model, builds, options);
}
