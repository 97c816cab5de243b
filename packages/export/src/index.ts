/**
 * @arshjul/export — an area's årshjul and implementation plan as files: iCalendar, Word, Excel,
 * PDF (A4 plan, A3 wheel), SVG, PNG, accessible HTML, and the model as JSON. Functions return
 * bytes or strings; writing them is the caller's business. This entry is for Node (fonts read
 * from disk, PNG with resvg-js); `@arshjul/export/browser` is the same code for a browser.
 */
export * from './bundle.js';
export * from './cards.js';
export * from './docx.js';
export * from './fonts.js';
export * from './glossary-page.js';
export * from './html.js';
export * from './ics.js';
export * from './model-json.js';
export { nodePlatform } from './node-platform.js';
export * from './outline.js';
export * from './pdf.js';
export {
  FONT_STYLES,
  pngRenderOptions,
  type ExportPlatform,
  type PdfKitDocumentClass,
  type PngRenderOptions,
  type SvgToPng,
} from './platform.js';
export * from './wheel.js';
export * from './wheel-spec.js';
export * from './words.js';
export * from './xlsx.js';
