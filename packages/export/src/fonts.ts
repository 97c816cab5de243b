/**
 * The font every export draws with: Arimo (SIL OFL), metric-compatible with Arial and Helvetica,
 * so the wheel's label widths (Helvetica metrics) hold in the PNG and the PDF, and æøå, «», – and
 * … are always there, whatever fonts the machine has. Read from the `@expo-google-fonts/arimo`
 * package on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'Arimo';

export const FONT_FILES = {
  regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
  bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
  italic: '@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** Absolute path of a font file. */
export function fontPath(style: FontStyle): string {
  return require.resolve(FONT_FILES[style]);
}

const cache = new Map<FontStyle, Buffer>();

/** The bytes of a font file (read once). */
export function fontData(style: FontStyle): Buffer {
  let data = cache.get(style);
  if (!data) cache.set(style, (data = readFileSync(fontPath(style))));
  return data;
}
