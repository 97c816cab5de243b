/**
 * The implementation plan as one standalone web page for a school's or the district's website:
 * the outline's blocks in order, the årshjul inlined as SVG, and nothing else.
 *
 * - Self-contained: inline CSS only, no scripts, no external resources; the only links are
 *   `#anchors` to the page's own sections.
 * - Accessible: one h1, headings that never skip a level, a table of contents in a labelled
 *   `<nav>`, real tables (caption, `th scope`), wide tables scrolling in a focusable, labelled
 *   region, the wheel as a `<figure>` with a text alternative, AA colour contrast.
 * - Prints on A4: rows are not split across pages, table headers repeat, and the outline's page
 *   breaks apply (they are ignored on screen).
 * - Deterministic: the same outline and SVG give the same bytes.
 */
import type { Lang } from '@arshjul/school-calendar';
import type { Block, Outline } from './outline.js';
import { word, type WordKey } from './words.js';

export interface HtmlOptions {
  /** The page's `<meta name="description">` (for search engines and link previews). */
  description?: string;
}

/** The page's own words (layout only; the content's words come from the outline). */
type PageWord = Extract<WordKey, 'contents' | 'skip' | 'page' | 'of'>;

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A CSS string literal (for `content:` in the print page footer). */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ')}"`;
}

/** Hands out ids that are unique in the page, given the ids the outline already uses. */
class IdSet {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string>) {
    for (const id of reserved) this.used.add(id);
  }

  /** `base`, or `base-2`, `base-3`… if taken; the id is then taken. */
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

const CSS = `
:root {
  color-scheme: light;
  --text: #1a1a1a;
  --muted: #4d4d4d;
  --link: #0b5394;
  --rule: #b8c2cc;
  --head-bg: #e6edf5;
  --stripe: #f5f7fa;
  --focus: #0b5394;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: #ffffff;
  color: var(--text);
  font-family: Arimo, Arial, Helvetica, 'Liberation Sans', sans-serif;
  font-size: 1rem;
  line-height: 1.5;
}
.page { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
@media (min-width: 48rem) { .page { padding: 2.5rem 2rem 4rem; } }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip {
  position: absolute;
  left: 0.5rem;
  top: -10rem;
  padding: 0.5rem 1rem;
  background: #ffffff;
  color: var(--link);
  border: 2px solid var(--link);
  z-index: 1;
}
.skip:focus { top: 0.5rem; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
h2 {
  font-size: 1.4rem;
  margin: 2.5rem 0 0.75rem;
  padding-top: 0.5rem;
  border-top: 2px solid var(--rule);
}
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
@media (min-width: 48rem) { h1 { font-size: 2.25rem; } h2 { font-size: 1.6rem; } }
p, ul, ol { margin: 0 0 1rem; max-width: 48rem; }
li + li { margin-top: 0.25rem; }
.lead { font-size: 1.1rem; }
.small { font-size: 0.9rem; color: var(--muted); }
.doc-header { margin-bottom: 1.5rem; }
.meta { margin: 0; max-width: 48rem; }
.meta div { display: flex; flex-wrap: wrap; gap: 0 1rem; padding: 0.2rem 0; }
.meta dt { flex: 0 0 9rem; font-weight: bold; }
.meta dd { flex: 1 1 16rem; margin: 0; }
.toc {
  margin: 0 0 2rem;
  padding: 1rem 1.25rem;
  background: var(--stripe);
  border-left: 4px solid var(--link);
  max-width: 48rem;
}
.toc h2 { font-size: 1.15rem; margin: 0 0 0.5rem; padding: 0; border: 0; }
.toc ol { margin: 0; padding-left: 1.5rem; }
.table-wrap { overflow-x: auto; margin: 0 0 1.5rem; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; line-height: 1.4; }
table.wide { min-width: var(--min-width, 48rem); }
caption {
  caption-side: top;
  text-align: left;
  font-weight: bold;
  padding: 0 0 0.4rem;
}
th, td {
  border: 1px solid var(--rule);
  padding: 0.4rem 0.5rem;
  text-align: left;
  vertical-align: top;
  overflow-wrap: break-word;
  hyphens: auto;
}
thead th { background: var(--head-bg); }
tbody tr:nth-child(even) { background: var(--stripe); }
tbody th { font-weight: bold; }
figure.wheel { margin: 1rem 0 2rem; }
figure.wheel svg {
  display: block;
  width: 100%;
  max-width: 44rem;
  height: auto;
  margin: 0 auto;
}
figure.wheel figcaption {
  max-width: 44rem;
  margin: 0.5rem auto 0;
  font-size: 0.9rem;
  color: var(--muted);
}
.page-break { display: none; }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 1.5em; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  .toc { background: none; border-left-width: 2pt; }
  .table-wrap { overflow: visible; }
  table, table.wide { min-width: 0; font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  figure.wheel { break-inside: avoid; page-break-inside: avoid; }
  figure.wheel svg { max-width: 165mm; }
  .page-break { display: block; height: 0; break-before: page; page-break-before: always; }
}
`;

function pageCss(lang: Lang): string {
  const footer = `${cssString(`${word(lang, 'page')} `)} counter(page) ${cssString(` ${word(lang, 'of')} `)} counter(pages)`;
  return `${CSS.trim()}
@page {
  size: A4;
  margin: 16mm 15mm 18mm;
  @bottom-center { content: ${footer}; font-family: Arimo, Arial, sans-serif; font-size: 8pt; color: #4d4d4d; }
}`;
}

/**
 * Makes the standalone wheel SVG fit inside the page: no XML declaration or doctype, no scripts
 * or event handlers, its ids renamed to ids unique in the page (and every reference to them),
 * `role="img"` labelled by its own title (added from `name` if missing) and description, and a
 * class the CSS scales.
 */
function inlineSvg(svg: string, ids: IdSet, prefix: string, name: string): string {
  let out = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .trim();
  const renamed = new Map<string, string>();
  out = out.replace(/(\sid=)(["'])([^"']*)\2/g, (_m, attr: string, q: string, id: string) => {
    const next = renamed.get(id) ?? ids.take(`${prefix}${id}`);
    renamed.set(id, next);
    return `${attr}${q}${next}${q}`;
  });
  const rename = (id: string) => renamed.get(id) ?? id;
  out = out
    .replace(
      /(\saria-(?:labelledby|describedby)=)(["'])([^"']*)\2/g,
      (_m, attr: string, q: string, list: string) =>
        `${attr}${q}${list.split(/\s+/).filter(Boolean).map(rename).join(' ')}${q}`,
    )
    .replace(
      /(\s(?:xlink:)?href=)(["'])#([^"']*)\2/g,
      (_m, attr: string, q: string, id: string) => `${attr}${q}#${rename(id)}${q}`,
    )
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`);

  const open = /<svg\b[^>]*>/.exec(out);
  if (!open) return '';
  let tag = open[0];
  let rest = out.slice(open.index + tag.length);
  // The picture's name: the <title> it opens with, given an id (or added: the figure's caption).
  const title = /^\s*<title\b([^>]*)>/.exec(rest);
  let titleId: string;
  if (title) {
    titleId = /\sid=["']([^"']+)["']/.exec(title[1] ?? '')?.[1] ?? ids.take(`${prefix}title`);
    if (!/\sid=/.test(title[1] ?? '')) {
      rest = `${rest.slice(0, title.index)}<title id="${escapeHtml(titleId)}"${title[1] ?? ''}>${rest.slice(title.index + title[0].length)}`;
    }
  } else {
    titleId = ids.take(`${prefix}title`);
    rest = `\n<title id="${escapeHtml(titleId)}">${escapeHtml(name)}</title>${rest}`;
  }
  const descId = /<desc\b[^>]*\sid=["']([^"']+)["']/.exec(rest)?.[1];
  tag = tag.replace(/\s(?:role|aria-labelledby|aria-hidden|focusable|class)=(["'])[^"']*\1/g, '');
  const labelledBy = [titleId, ...(descId !== undefined ? [descId] : [])].join(' ');
  const box = /\sviewBox=["']\s*[-\d.e]+[\s,]+[-\d.e]+[\s,]+([\d.e]+)[\s,]+([\d.e]+)\s*["']/.exec(
    tag,
  );
  const ratio =
    !/\sstyle=/.test(tag) && box && Number(box[1]) > 0 && Number(box[2]) > 0
      ? ` style="aspect-ratio: ${box[1]} / ${box[2]}"`
      : '';
  tag = tag.replace(
    /^<svg\b/,
    `<svg class="wheel-svg" role="img" aria-labelledby="${escapeHtml(labelledBy)}" focusable="false"${ratio}`,
  );
  return out.slice(0, open.index) + tag + rest;
}

/** The `<table>` of a table block in its scrolling, labelled region. */
function renderTable(block: Extract<Block, { kind: 'table' }>, ids: IdSet): string {
  const captionId = ids.take(`${block.id}-caption`);
  const total = block.columns.reduce((n, c) => n + Math.max(0, c.width), 0);
  const cols = block.columns
    .map((c) =>
      total > 0
        ? `<col style="width: ${Math.round((Math.max(0, c.width) / total) * 1000) / 10}%">`
        : '<col>',
    )
    .join('');
  const head = block.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join('');
  const body = block.rows
    .map((row) => {
      const cells = row.map((cell, i) =>
        i === 0 && block.rowHeaders
          ? `<th scope="row">${escapeHtml(cell)}</th>`
          : `<td>${escapeHtml(cell)}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  // Tables of four columns or more keep a readable width on a phone and scroll sideways instead.
  const n = block.columns.length;
  const wide =
    n >= 4 ? ` class="wide" style="--min-width: ${n === 4 ? 36 : Math.max(48, n * 6)}rem"` : '';
  return [
    `<div class="table-wrap" role="region" aria-labelledby="${escapeHtml(captionId)}" tabindex="0">`,
    `<table id="${escapeHtml(block.id)}"${wide}>`,
    `<caption id="${escapeHtml(captionId)}">${escapeHtml(block.caption)}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    '</table>',
    '</div>',
  ].join('\n');
}

/** The plan as a standalone, accessible HTML page with the wheel SVG inlined. */
export function renderHtml(outline: Outline, wheelSvg: string, options: HtmlOptions = {}): string {
  const lang = outline.lang;
  const words = (key: PageWord) => word(lang, key);
  const reserved = outline.blocks.flatMap((b) =>
    b.kind === 'heading' || b.kind === 'table' ? [b.id] : [],
  );
  const ids = new IdSet(reserved);
  const mainId = ids.take('innhold');

  // Heading levels on the page: the title is the only h1, and a level never skips.
  const levelOf = new Map<Block, 2 | 3>();
  let seenH2 = false;
  for (const b of outline.blocks) {
    if (b.kind !== 'heading') continue;
    const level = b.level === 3 && seenH2 ? 3 : 2;
    if (level === 2) seenH2 = true;
    levelOf.set(b, level);
  }

  const body: string[] = [];
  let figures = 0;
  for (const b of outline.blocks) {
    switch (b.kind) {
      case 'heading': {
        const h = `h${levelOf.get(b) ?? 2}`;
        body.push(`<${h} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</${h}>`);
        break;
      }
      case 'paragraph':
        body.push(
          `<p${b.style ? ` class="${b.style === 'lead' ? 'lead' : 'small'}"` : ''}>${escapeHtml(b.text)}</p>`,
        );
        break;
      case 'list':
        body.push(`<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`);
        break;
      case 'table':
        body.push(renderTable(b, ids));
        break;
      case 'wheel': {
        figures++;
        const svg = inlineSvg(wheelSvg, ids, `figur-${figures}-`, b.alt);
        body.push(
          `<figure class="wheel">\n${svg ? `${svg}\n` : ''}<figcaption>${escapeHtml(b.alt)}</figcaption>\n</figure>`,
        );
        break;
      }
      case 'pagebreak':
        body.push('<div class="page-break"></div>');
        break;
    }
  }

  const toc = outline.blocks
    .filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading')
    .filter((b) => levelOf.get(b) === 2)
    .map((b) => `<li><a href="#${escapeHtml(b.id)}">${escapeHtml(b.text)}</a></li>`);

  const meta = outline.meta
    .map((m) => `<div><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd></div>`)
    .join('\n');

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(outline.title)}</title>`,
    ...(options.description !== undefined
      ? [`<meta name="description" content="${escapeHtml(options.description)}">`]
      : []),
    `<style>\n${pageCss(lang)}\n</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#${escapeHtml(mainId)}">${escapeHtml(words('skip'))}</a>`,
    '<div class="page">',
    '<header class="doc-header">',
    `<h1>${escapeHtml(outline.title)}</h1>`,
    ...(meta ? [`<dl class="meta">\n${meta}\n</dl>`] : []),
    '</header>',
    ...(toc.length > 0
      ? [
          `<nav class="toc" aria-label="${escapeHtml(words('contents'))}">`,
          `<h2>${escapeHtml(words('contents'))}</h2>`,
          `<ol>\n${toc.join('\n')}\n</ol>`,
          '</nav>',
        ]
      : []),
    `<main id="${escapeHtml(mainId)}" tabindex="-1">`,
    ...body,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
