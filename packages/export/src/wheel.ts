/**
 * The årshjul picture: SVG from `@arshjul/wheel`, and PNG rasterised with resvg (no browser),
 * drawn with the bundled Arimo font so it looks the same on every machine.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Arshjul } from '@arshjul/plan';
import type { Lang } from '@arshjul/school-calendar';
import { renderWheelSvg } from '@arshjul/wheel';
import { FONT_FAMILY, fontPath } from './fonts.js';
import { arshjulWheelSpec, type WheelSpecOptions } from './wheel-spec.js';

/** The SVG's font list: Arimo first (bundled for PNG and PDF), then what web pages have. */
export const WHEEL_FONT_FAMILY = `${FONT_FAMILY}, Arial, Helvetica, Liberation Sans, sans-serif`;

export interface WheelPictureOptions extends WheelSpecOptions {
  /** Width of the drawing in SVG user units (default 1000). */
  size?: number;
  /**
   * `elements` (default) for an SVG file any program can draw; `lists` for resvg (PNG), PDF and
   * web pages: the same picture with a tenth of the elements (see `@arshjul/wheel`'s SvgOptions).
   */
  glyphs?: 'elements' | 'lists';
}

/** The årshjul as a standalone SVG document. */
export function wheelSvg(
  arshjul: Arshjul,
  lang: Lang = 'nb',
  options: WheelPictureOptions = {},
): string {
  return renderWheelSvg(arshjulWheelSpec(arshjul, lang, options), {
    size: options.size ?? 1000,
    fontFamily: WHEEL_FONT_FAMILY,
    glyphs: options.glyphs ?? 'elements',
  });
}

export interface PngOptions {
  /** Pixel width (default 2000); the height follows the drawing's proportions. */
  width?: number;
}

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: options.width ?? 2000 },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [fontPath('regular'), fontPath('bold'), fontPath('italic')],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  };
}

/** Rasterises an SVG to PNG with the bundled fonts only (no system fonts: same pixels everywhere). */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  return new Uint8Array(new Resvg(svg, resvgOptions(options)).render().asPng());
}

/** The same on a worker thread, so other exports can run meanwhile. */
export async function svgToPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  return new Uint8Array((await renderAsync(svg, resvgOptions(options))).asPng());
}
