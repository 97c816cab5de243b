/**
 * The årshjul picture as SVG, from `@arshjul/wheel`, in the bundled Arimo font first. Runs
 * anywhere; the PNG is made from it by the platform's rasteriser (see `platform.ts`).
 */
import type { Arshjul } from '@arshjul/plan';
import type { Lang } from '@arshjul/school-calendar';
import { renderWheelSvg } from '@arshjul/wheel';
import { FONT_FAMILY } from './platform.js';
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
