/**
 * What the writers need from the platform they run on, passed in so one code path serves Node
 * (the CLI) and a browser (the desktop app's renderer, the web build): the Arimo font files as
 * bytes, a PNG rasteriser, and pdfkit's document class. Nothing here reads files or the clock.
 *
 * Node's pieces are in `node-platform.ts` (fs, `@resvg/resvg-js`); a browser brings its own
 * (fetched font assets, `@resvg/resvg-wasm`), see `browser.ts`.
 */
import type PDFDocument from 'pdfkit';

/** The font every export draws with (see `fonts.ts`). */
export const FONT_FAMILY = 'Arimo';

/** The three Arimo styles, as package paths in `@expo-google-fonts/arimo`. */
export const FONT_FILES = {
  regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
  bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
  italic: '@expo-google-fonts/arimo/400Regular_Italic/Arimo_400Regular_Italic.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** The bytes of the three font files (TrueType). */
export type FontBytes = Readonly<Record<FontStyle, Uint8Array>>;

/** Rasterises an SVG to a PNG of the given pixel width, with the bundled fonts only. */
export type SvgToPng = (svg: string, options: { width: number }) => Promise<Uint8Array>;

/** pdfkit's document class (its browser build in both Node and browsers, see node-platform.ts). */
export type PdfKitDocumentClass = typeof PDFDocument;

export interface ExportPlatform {
  fonts: FontBytes;
  svgToPng: SvgToPng;
  PDFDocument: PdfKitDocumentClass;
}

/** resvg's options for the PNG, the same for `@resvg/resvg-js` (Node) and `@resvg/resvg-wasm`. */
export interface PngRenderOptions {
  fitTo: { mode: 'width'; value: number };
  background: string;
  font: {
    loadSystemFonts: false;
    defaultFontFamily: string;
    sansSerifFamily: string;
  };
}

/**
 * The rendering options of the wheel PNG: the given width, a white background and no system
 * fonts (same pixels everywhere). The caller adds the fonts: `fontFiles` (paths, resvg-js) or
 * `fontBuffers` (bytes, resvg-wasm), in the order regular, bold, italic.
 */
export function pngRenderOptions(width: number): PngRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  };
}

/** The font styles in the order the fonts are given to resvg. */
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic'];
