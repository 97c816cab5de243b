// svg-to-pdfkit ships no types; pdf-core.ts gives the function its own signature.
declare module 'svg-to-pdfkit' {
  const SVGtoPDF: (doc: unknown, svg: string, x: number, y: number, options?: object) => void;
  export = SVGtoPDF;
}
