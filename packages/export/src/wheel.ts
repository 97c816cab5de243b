/**
 * The årshjul picture in Node: the SVG (`wheel-svg.ts`) and PNG rasterised with resvg-js (native,
 * no browser), drawn with the bundled Arimo font so it looks the same on every machine. A browser
 * uses `@resvg/resvg-wasm` with the same options (`pngRenderOptions`) and gets the same bytes.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontPath } from './fonts.js';
import { FONT_STYLES, pngRenderOptions } from './platform.js';
import type { PngOptions } from './wheel-svg.js';

export * from './wheel-svg.js';

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  const base = pngRenderOptions(options.width ?? 2000);
  return { ...base, font: { ...base.font, fontFiles: FONT_STYLES.map((s) => fontPath(s)) } };
}

/** Rasterises an SVG to PNG with the bundled fonts only (no system fonts: same pixels everywhere). */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  return new Uint8Array(new Resvg(svg, resvgOptions(options)).render().asPng());
}

/** The same on a worker thread, so other exports can run meanwhile. */
export async function svgToPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  return new Uint8Array((await renderAsync(svg, resvgOptions(options))).asPng());
}
