/**
 * `@arshjul/export/browser`: the whole export bundle with no Node imports, for the desktop app's
 * renderer and the web build. The caller brings what a browser has to load itself — the Arimo
 * font files as bytes and a PNG rasteriser (e.g. `@resvg/resvg-wasm` with `pngRenderOptions`) —
 * and gets the same files, byte for byte, as `arshjul build` makes in Node:
 *
 * ```ts
 * const platform = browserPlatform({ fonts, svgToPng });
 * for await (const file of exportRunWith(platform, model, runBuilds(model, { areas: ['all'], year })))
 *   save(file.path, file.bytes);
 * ```
 *
 * `pdfkit` resolves to its browser build in a bundler (its `exports` give Node its Node build).
 */
import PDFDocument from 'pdfkit';
import type { ExportPlatform, FontBytes, SvgToPng } from './platform.js';

export * from './bundle-core.js';
export * from './cards.js';
export * from './docx.js';
export * from './glossary-page.js';
export * from './html.js';
export * from './ics.js';
export * from './model-json.js';
export * from './outline.js';
export * from './pdf-core.js';
export * from './platform.js';
export * from './run.js';
export * from './wheel-spec.js';
export * from './wheel-svg.js';
export * from './words.js';
export * from './xlsx.js';

/** The platform of a browser: the given fonts and PNG rasteriser, and pdfkit. */
export function browserPlatform(pieces: { fonts: FontBytes; svgToPng: SvgToPng }): ExportPlatform {
  return { fonts: pieces.fonts, svgToPng: pieces.svgToPng, PDFDocument };
}
