/**
 * The PDF writers (`pdf-core.ts`) with Node's platform: pdfkit and the fonts from the packages.
 */
import { nodePlatform } from './node-platform.js';
import {
  renderPlanPdfWith,
  renderWheelPdfWith,
  type PlanPdfOptions,
  type WheelPdfOptions,
} from './pdf-core.js';
import type { Outline } from './outline.js';

export * from './pdf-core.js';

/** The implementation plan on A4 portrait: title and facts, then every block of the outline. */
export async function renderPlanPdf(
  outline: Outline,
  wheelSvg: string,
  options: PlanPdfOptions = {},
): Promise<Uint8Array> {
  return renderPlanPdfWith(await nodePlatform(), outline, wheelSvg, options);
}

/** The årshjul as an A3 portrait poster, with an optional list of undated items below it. */
export async function renderWheelPdf(
  wheelSvg: string,
  options: WheelPdfOptions,
): Promise<Uint8Array> {
  return renderWheelPdfWith(await nodePlatform(), wheelSvg, options);
}
