/**
 * The platform pieces in Node (the CLI, the tests): fonts read from the font package, PNG from
 * `@resvg/resvg-js` on a worker thread, and pdfkit's browser build.
 *
 * Why pdfkit's browser build in Node too: its Node build compresses the PDF's streams with Node's
 * zlib, its browser build with fflate (pure JavaScript), and the two give different (equally
 * valid) bytes. With the same build everywhere, a PDF made in the app is byte for byte the PDF
 * `arshjul build` makes. The browser build is plain JavaScript and runs in Node as it is.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nodeFonts } from './fonts.js';
import type { ExportPlatform, PdfKitDocumentClass } from './platform.js';
import { svgToPngAsync } from './wheel.js';

const require = createRequire(import.meta.url);

let loading: Promise<ExportPlatform> | undefined;

/** pdfkit's browser build (not in its `exports`, so found next to the Node build). */
async function loadPdfKit(): Promise<PdfKitDocumentClass> {
  const file = join(dirname(require.resolve('pdfkit')), 'pdfkit.browser.mjs');
  const module = (await import(pathToFileURL(file).href)) as { default: PdfKitDocumentClass };
  return module.default;
}

/** Node's platform (loaded once). */
export function nodePlatform(): Promise<ExportPlatform> {
  loading ??= loadPdfKit().then((PDFDocument) => ({
    PDFDocument,
    fonts: nodeFonts(),
    svgToPng: (svg, options) => svgToPngAsync(svg, options),
  }));
  return loading;
}
