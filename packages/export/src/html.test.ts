import { describe, expect, it } from 'vitest';
import type { Lang } from '@arshjul/school-calendar';
import { buildOf } from '../test-fixtures/grorud.js';
import { escapeHtml, renderHtml } from './html.js';
import { planOutline, type Block, type Outline } from './outline.js';
import { wheelSvg } from './wheel.js';

/** One tag of the page, as a minimal tokenizer sees it. */
interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: Record<string, string>;
  /** Offset of the tag in the page without its `<style>`. */
  at: number;
}

const VOID = new Set(['meta', 'col', 'br', 'hr', 'img', 'input', 'link', 'source', 'wbr']);

/** The page without its style sheet (CSS is checked on its own). */
const withoutStyle = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');

const tagCache = new Map<string, Tag[]>();

function tagsOf(html: string): Tag[] {
  const cached = tagCache.get(html);
  if (cached) return cached;
  const out: Tag[] = [];
  const re =
    /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:=(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  const page = withoutStyle(html);
  for (let m = re.exec(page); m; m = re.exec(page)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=>/]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    out.push({
      name: m[2]!.toLowerCase(),
      close: m[1] === '/',
      selfClose: m[4] === '/',
      attrs,
      at: m.index,
    });
  }
  tagCache.set(html, out);
  return out;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text content of the element that starts with the first `<name ...>` matching `attr`. */
function elementText(html: string, name: string, attr?: [string, string]): string | undefined {
  const page = withoutStyle(html);
  const open = tagsOf(html).find(
    (t) => t.name === name && !t.close && (!attr || t.attrs[attr[0]] === attr[1]),
  );
  if (!open) return undefined;
  const start = page.indexOf('>', open.at) + 1;
  const end = page.indexOf(`</${name}>`, start);
  return decode(page.slice(start, end).replace(/<[^>]*>/g, ''));
}

/** The `<table>…</table>` pieces of the page. */
const tableHtml = (html: string) =>
  [...html.matchAll(/<table\b[\s\S]*?<\/table>/g)].map((m) => m[0]);

const headingBlocks = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
const tableBlocks = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

function page(area: string, lang: Lang) {
  const build = buildOf(area);
  const outline = planOutline(build, { lang, madeOn: '2026-03-01' });
  const svg = wheelSvg(build.arshjul, lang, { today: '2026-03-01' });
  return { build, outline, svg, html: renderHtml(outline, svg) };
}

const pages = {
  romsas: page('omrade-romsas', 'nb'),
  ammerud: page('omrade-ammerud', 'nn'),
  all: page('all', 'en'),
};

describe('renderHtml', () => {
  const { outline, html, svg } = pages.romsas;

  it('is a standalone HTML page in the outline’s language with charset, viewport and title', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(elementText(html, 'title')).toBe(outline.title);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(pages.ammerud.html).toContain('<html lang="nn">');
    expect(pages.all.html).toContain('<html lang="en">');
  });

  it('opens and closes every element in order', () => {
    for (const { html: h } of Object.values(pages)) {
      const stack: string[] = [];
      for (const t of tagsOf(h)) {
        if (t.selfClose || VOID.has(t.name)) continue;
        if (!t.close) stack.push(t.name);
        else expect(stack.pop(), `</${t.name}>`).toBe(t.name);
      }
      expect(stack).toEqual([]);
    }
  });

  it('has one h1, the title, and heading levels that never skip', () => {
    for (const { html: h, outline: o } of Object.values(pages)) {
      const levels = tagsOf(h)
        .filter((t) => !t.close && /^h[1-6]$/.test(t.name))
        .map((t) => Number(t.name.slice(1)));
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) {
        expect(levels[i]!, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      }
      expect(elementText(h, 'h1')).toBe(o.title);
    }
  });

  it('has every outline heading with its id and level', () => {
    for (const { html: h, outline: o } of Object.values(pages)) {
      for (const b of headingBlocks(o.blocks)) {
        expect(elementText(h, `h${b.level}`, ['id', b.id]), b.text).toBe(b.text);
      }
    }
  });

  it('puts the meta under the title as a description list', () => {
    const dl = /<header class="doc-header">[\s\S]*?<dl class="meta">([\s\S]*?)<\/dl>/.exec(html);
    expect(dl).not.toBeNull();
    const pairs = [...dl![1]!.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => ({
      label: decode(m[1]!),
      value: decode(m[2]!),
    }));
    expect(pairs).toEqual(outline.meta);
    expect(pairs.find((p) => p.label === 'Laget')?.value).toBe(
      'søndag 1. mars 2026 fra samarbeidsmodellen',
    );
  });

  it('has a table of contents linking every h2 of the outline, in order', () => {
    const words: Record<Lang, string> = { nb: 'Innhold', nn: 'Innhald', en: 'Contents' };
    for (const { html: h, outline: o } of Object.values(pages)) {
      const nav = new RegExp(
        `<nav class="toc" aria-label="${words[o.lang]}">([\\s\\S]*?)</nav>`,
      ).exec(h);
      expect(nav, o.lang).not.toBeNull();
      const links = [...nav![1]!.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => [
        m[1],
        decode(m[2]!),
      ]);
      expect(links).toEqual(
        headingBlocks(o.blocks)
          .filter((b) => b.level === 2)
          .map((b) => [b.id, b.text]),
      );
    }
  });

  it('renders every table with caption, thead, column headers, row headers and all cells', () => {
    for (const { html: h, outline: o } of Object.values(pages)) {
      const blocks = tableBlocks(o.blocks);
      const pieces = tableHtml(h);
      expect(pieces).toHaveLength(blocks.length);
      blocks.forEach((b, i) => {
        const t = pieces[i]!;
        expect(t.startsWith(`<table id="${b.id}"`), b.id).toBe(true);
        expect(elementText(t, 'caption')).toBe(b.caption);
        const head = /<thead>([\s\S]*?)<\/thead>/.exec(t)?.[1] ?? '';
        expect(
          [...head.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => decode(m[1]!)),
        ).toEqual(b.columns.map((c) => c.header));
        const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t)?.[1] ?? '';
        const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
          [...m[1]!.matchAll(/<(th|td)[^>]*>([^<]*)<\/\1>/g)].map((c) => decode(c[2]!)),
        );
        expect(rows).toEqual(b.rows);
        expect((body.match(/<th scope="row">/g) ?? []).length).toBe(
          b.rowHeaders ? b.rows.length : 0,
        );
        expect((t.match(/<col\b/g) ?? []).length).toBe(b.columns.length);
      });
    }
  });

  it('wraps every table in a focusable region labelled by its caption', () => {
    const t = tagsOf(html);
    const regions = t.filter((x) => !x.close && x.attrs.class === 'table-wrap');
    expect(regions).toHaveLength(tableBlocks(outline.blocks).length);
    const captions = t.filter((x) => x.name === 'caption' && !x.close);
    regions.forEach((r, i) => {
      expect(r.attrs.role).toBe('region');
      expect(r.attrs.tabindex).toBe('0');
      expect(r.attrs['aria-labelledby']).toBe(captions[i]!.attrs.id);
    });
  });

  it('gives every element a unique id and every reference a target', () => {
    for (const { html: h } of Object.values(pages)) {
      const t = tagsOf(h);
      const ids = t.flatMap((x) => (x.attrs.id !== undefined ? [x.attrs.id] : []));
      expect(new Set(ids).size).toBe(ids.length);
      const known = new Set(ids);
      const refs = t.flatMap((x) => [
        ...(x.attrs['aria-labelledby']?.split(/\s+/) ?? []),
        ...(x.attrs['aria-describedby']?.split(/\s+/) ?? []),
        ...(x.attrs.href !== undefined ? [x.attrs.href.replace(/^#/, '')] : []),
      ]);
      expect(refs.length).toBeGreaterThan(20);
      for (const r of refs) expect(known.has(r), r).toBe(true);
    }
  });

  it('has no scripts, no event handlers and no external resources', () => {
    for (const { html: h } of Object.values(pages)) {
      expect(h).not.toMatch(/<script/i);
      const t = tagsOf(h);
      expect(t.filter((x) => Object.keys(x.attrs).some((a) => /^on/i.test(a)))).toEqual([]);
      expect(t.filter((x) => x.attrs.src !== undefined)).toEqual([]);
      expect(t.some((x) => x.name === 'link' || x.name === 'iframe' || x.name === 'img')).toBe(
        false,
      );
      for (const x of t) {
        for (const a of ['href', 'xlink:href']) {
          if (x.attrs[a] !== undefined) expect(x.attrs[a]).toMatch(/^#./);
        }
      }
      const css = /<style>([\s\S]*?)<\/style>/.exec(h)?.[1] ?? '';
      expect(css).not.toMatch(/@import|url\(|https?:/);
    }
  });

  it('inlines the wheel once as a labelled, scalable image with its caption', () => {
    expect(html).not.toContain('<?xml');
    expect((html.match(/<svg\b/g) ?? []).length).toBe(1);
    const t = tagsOf(html);
    const root = t.find((x) => x.name === 'svg')!;
    expect(root.attrs.role).toBe('img');
    expect(root.attrs.class).toBe('wheel-svg');
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    expect(root.attrs.viewBox).toBe(`0 0 ${w} ${h}`);
    expect(root.attrs.style).toBe(`aspect-ratio: ${w} / ${h}`);
    const [titleId, descId] = root.attrs['aria-labelledby']!.split(' ');
    expect(elementText(html, 'title', ['id', titleId!])).toBe(
      /<title id="wheel-title">([^<]*)<\/title>/.exec(svg)![1],
    );
    expect(elementText(html, 'desc', ['id', descId!])).toMatch(/^Årshjul fra 1\. aug\. 2025/);
    // The figure holds the picture and the outline's text alternative as its caption.
    const figure = /<figure class="wheel">([\s\S]*?)<\/figure>/.exec(html)![1]!;
    expect(figure).toContain('<svg ');
    const wheel = outline.blocks.find((b) => b.kind === 'wheel')!;
    expect(elementText(figure, 'figcaption')).toBe(wheel.alt);
    expect(html).toMatch(/figure\.wheel svg \{[^}]*width: 100%;[^}]*max-width: [^}]*height: auto;/);
    // The whole drawing is there: every entry's text of the standalone SVG is in the page.
    expect((html.match(/<text\b/g) ?? []).length).toBe((svg.match(/<text\b/g) ?? []).length);
  });

  it('makes the SVG fit a page: names it, drops scripts and handlers, renames clashing ids', () => {
    const small: Outline = {
      lang: 'en',
      title: 'T',
      meta: [],
      blocks: [
        { kind: 'heading', level: 2, text: 'Wheel', id: 'w' },
        { kind: 'wheel', alt: 'A wheel <of> things' },
        { kind: 'heading', level: 2, text: 'Clash', id: 'figur-1-g' },
      ],
    };
    const raw =
      '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="evil()">' +
      '<script>evil()</script><defs><linearGradient id="g"/></defs>' +
      '<rect fill="url(#g)" onclick=\'evil()\'/><use href="#g"/></svg>';
    const h = renderHtml(small, raw);
    expect(h).not.toMatch(/evil|<script|<\?xml|<!DOCTYPE svg/);
    const t = tagsOf(h);
    const root = t.find((x) => x.name === 'svg')!;
    expect(root.attrs.role).toBe('img');
    const titleId = root.attrs['aria-labelledby']!;
    expect(elementText(h, 'title', ['id', titleId])).toBe('A wheel <of> things');
    const gradient = t.find((x) => x.name === 'lineargradient')!;
    expect(gradient.attrs.id).not.toBe('figur-1-g');
    expect(h).toContain(`fill="url(#${gradient.attrs.id})"`);
    expect(h).toContain(`<use href="#${gradient.attrs.id}"/>`);
    const ids = t.flatMap((x) => (x.attrs.id !== undefined ? [x.attrs.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps one h1 and never skips a level, whatever levels the outline has', () => {
    const odd: Outline = {
      lang: 'nb',
      title: 'T',
      meta: [],
      blocks: [
        { kind: 'heading', level: 3, text: 'Først', id: 'a' },
        { kind: 'heading', level: 1, text: 'Del', id: 'b' },
        { kind: 'heading', level: 3, text: 'Under', id: 'c' },
      ],
    };
    const h = renderHtml(odd, '');
    expect(h).toContain('<h2 id="a">Først</h2>');
    expect(h).toContain('<h2 id="b">Del</h2>');
    expect(h).toContain('<h3 id="c">Under</h3>');
    expect(h.match(/<h1>/g)).toHaveLength(1);
    expect(h).not.toContain('<svg');
  });

  it('scrolls wide tables sideways on a phone and lets them fit the page in print', () => {
    const wide = tagsOf(pages.all.html).filter(
      (t) => t.name === 'table' && t.attrs.class === 'wide',
    );
    expect(wide.map((t) => t.attrs.style)).toContain('--min-width: 60rem');
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(css).toContain('table.wide { min-width: var(--min-width, 48rem); }');
    expect(css.slice(css.indexOf('@media print'))).toContain('table, table.wide { min-width: 0;');
  });

  it('says in Romsås why there is no lower secondary school', () => {
    const lead = /<p class="lead">([^<]*)<\/p>/.exec(html)?.[1];
    expect(decode(lead ?? '')).toBe(
      'Romsås har ingen ungdomsskole med i samarbeidet etter at Bjøråsen ungdomskole gikk ut i mai 2021.',
    );
  });

  it('renders paragraphs with their style and lists as ul, in outline order', () => {
    for (const { html: h, outline: o } of Object.values(pages)) {
      const main = /<main [^>]*>([\s\S]*)<\/main>/.exec(h)![1]!;
      let from = 0;
      for (const b of o.blocks) {
        const needle =
          b.kind === 'paragraph'
            ? `<p${b.style ? ` class="${b.style}"` : ''}>${escapeHtml(b.text)}</p>`
            : b.kind === 'list'
              ? `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`
              : b.kind === 'heading'
                ? `id="${b.id}">${escapeHtml(b.text)}<`
                : b.kind === 'table'
                  ? `<table id="${b.id}"`
                  : b.kind === 'wheel'
                    ? '<figure class="wheel">'
                    : '<div class="page-break"></div>';
        const at = main.indexOf(needle, from);
        expect(at, `${b.kind} after ${from}`).toBeGreaterThanOrEqual(from);
        from = at + needle.length;
      }
    }
  });

  it('breaks pages for print only, on A4, without splitting table rows', () => {
    const breaks = outline.blocks.filter((b) => b.kind === 'pagebreak').length;
    expect(breaks).toBeGreaterThan(0);
    expect((html.match(/<div class="page-break"><\/div>/g) ?? []).length).toBe(breaks);
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const print = css.slice(css.indexOf('@media print'));
    expect(css.slice(0, css.indexOf('@media print'))).toMatch(/\.page-break \{ display: none; \}/);
    expect(print).toMatch(/\.page-break \{[^}]*break-before: page/);
    expect(print).toMatch(/tr, th, td \{ break-inside: avoid;/);
    expect(print).toMatch(/thead \{ display: table-header-group; \}/);
    expect(css).toMatch(/@page \{\s*size: A4;/);
    expect(css).toContain('content: "Side " counter(page) " av " counter(pages)');
  });

  it('uses colours with at least AA contrast for text', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const v = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(css)![1]!;
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    for (const fg of ['text', 'muted', 'link']) {
      for (const bg of ['#ffffff', v('stripe'), v('head-bg')]) {
        expect(contrast(v(fg), bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(v('focus'), '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('escapes everything that comes from the data', () => {
    const bad = `<b>&"'`;
    const copy: Outline = structuredClone(outline);
    copy.title = `Plan ${bad}`;
    copy.meta.push({ label: bad, value: bad });
    copy.blocks.push(
      { kind: 'heading', level: 2, text: `H ${bad}`, id: 'h-bad' },
      { kind: 'paragraph', text: bad },
      { kind: 'list', items: [bad] },
      {
        kind: 'table',
        id: 'tabell-bad',
        caption: bad,
        columns: [{ header: bad, width: 1 }],
        rows: [[bad], [bad]],
        rowHeaders: true,
      },
    );
    const h = renderHtml(copy, svg, { description: `D ${bad}` });
    const escaped = '&lt;b&gt;&amp;&quot;&#39;';
    expect(tagsOf(h).some((t) => t.name === 'b')).toBe(false);
    expect(h).not.toContain(bad);
    expect(h).toContain(`<title>Plan ${escaped}</title>`);
    expect(h).toContain(`<h1>Plan ${escaped}</h1>`);
    expect(h).toContain(`<meta name="description" content="D ${escaped}">`);
    expect(h).toContain(`<dt>${escaped}</dt><dd>${escaped}</dd>`);
    expect(h).toContain(`<a href="#h-bad">H ${escaped}</a>`);
    expect(h).toContain(`<p>${escaped}</p>`);
    expect(h).toContain(`<li>${escaped}</li>`);
    expect(h).toContain(`<caption id="tabell-bad-caption">${escaped}</caption>`);
    expect(h).toContain(`<th scope="col">${escaped}</th>`);
    expect((h.match(new RegExp(`<th scope="row">${escaped}</th>`, 'g')) ?? []).length).toBe(2);
    expect(elementText(h, 'caption', ['id', 'tabell-bad-caption'])).toBe(bad);
  });

  it('leaves out the description unless given', () => {
    expect(html).not.toContain('name="description"');
    expect(renderHtml(outline, svg, { description: 'Plan for Romsås' })).toContain(
      '<meta name="description" content="Plan for Romsås">',
    );
  });

  it('is deterministic', () => {
    const again = page('omrade-romsas', 'nb');
    expect(again.html).toBe(html);
  });

  it('has the English and nynorsk page words', () => {
    expect(pages.all.html).toContain('<a class="skip" href="#innhold">Skip to content</a>');
    expect(pages.ammerud.html).toContain('<a class="skip" href="#innhold">Hopp til innhaldet</a>');
    expect(pages.all.html).toContain('content: "Page " counter(page) " of " counter(pages)');
    expect(pages.all.html).toContain('<main id="innhold" tabindex="-1">');
  });
});
