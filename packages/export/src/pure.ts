/**
 * `@arshjul/export/pure`: the parts of the exports that run anywhere, in a browser too — the
 * plan's document outline, the exports' words, and the årshjul as a `WheelSpec` for
 * `@arshjul/wheel`. The desktop app's renderer shows the same wheel and words as the files.
 * (The package's main entry also has the writers, which need Node: fonts, resvg, pdfkit.)
 */
export * from './outline.js';
export * from './wheel-spec.js';
export * from './words.js';
