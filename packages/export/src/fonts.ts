/**
 * The font every export draws with: Arimo (SIL OFL), metric-compatible with Arial and Helvetica,
 * so the wheel's label widths (Helvetica metrics) hold in the PNG and the PDF, and æøå, «», – and
 * … are always there, whatever fonts the machine has. In Node the files are read from the
 * `@expo-google-fonts/arimo` package on first use; a browser fetches the same files as assets
 * and passes their bytes in (see `platform.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FONT_FILES, FONT_STYLES, type FontBytes, type FontStyle } from './platform.js';

export { FONT_FAMILY, FONT_FILES, type FontBytes, type FontStyle } from './platform.js';

const require = createRequire(import.meta.url);

/** Absolute path of a font file. */
export function fontPath(style: FontStyle): string {
  return require.resolve(FONT_FILES[style]);
}

const cache = new Map<FontStyle, Uint8Array>();

/** The bytes of a font file (read once). */
export function fontData(style: FontStyle): Uint8Array {
  let data = cache.get(style);
  if (!data) cache.set(style, (data = new Uint8Array(readFileSync(fontPath(style)))));
  return data;
}

/** The bytes of all three styles. */
export function nodeFonts(): FontBytes {
  return Object.fromEntries(FONT_STYLES.map((s) => [s, fontData(s)])) as Record<
    FontStyle,
    Uint8Array
  >;
}
