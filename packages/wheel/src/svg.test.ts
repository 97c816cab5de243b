import { describe, expect, it } from 'vitest';
import {
  arcGlyphs,
  escapeXml,
  monthViewBox,
  sectorBounds,
  num,
  renderLayoutParts,
  renderLayoutSvg,
  renderWheelSvg,
} from './svg.js';
import { layoutWheel } from './layout.js';
import { textWidth } from './labels.js';
import { monthSectors } from './time-scale.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: (Element | string)[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * A small, strict XML reader, enough to prove the SVG well-formed: every tag closed in order,
 * quoted attributes, no stray `<` or `&`, one root element.
 */
function parseXml(xml: string): Element {
  const token =
    /<\?xml[^?]*\?>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: Element = { name: '#document', attrs: {}, children: [] };
  const stack: Element[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m) throw new Error(`Malformed XML at ${pos}: ${xml.slice(pos, pos + 60)}`);
    pos = token.lastIndex;
    const [whole, closing, name, attrText, selfClosing, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`Bad & in ${text}`);
      if (text.trim() && stack.length === 1) throw new Error('Text outside the root');
      top.children.push(text);
    } else if (name !== undefined) {
      if (closing) {
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`Duplicate attribute ${a[1]}`);
        if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(a[2]!)) throw new Error(`Bad & in ${whole}`);
        attrs[a[1]!] = unescape(a[2]!);
      }
      const el: Element = { name, attrs, children: [] };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack.at(-1)!.name}>`);
  const roots = root.children.filter((c): c is Element => typeof c !== 'string');
  if (roots.length !== 1) throw new Error('Not exactly one root element');
  return roots[0]!;
}

function all(el: Element, pred: (e: Element) => boolean, out: Element[] = []): Element[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) if (typeof c !== 'string') all(c, pred, out);
  return out;
}

const textOf = (el: Element): string =>
  el.children.map((c) => (typeof c === 'string' ? unescape(c) : textOf(c))).join('');

/** The characters of a curved label, joined in reading order. */
const glyphText = (group: Element) =>
  group.children
    .filter((c): c is Element => typeof c !== 'string' && c.name === 'text')
    .map(textOf)
    .join('');

const spec = osloSpec();
const svg = renderWheelSvg(spec);
const doc = parseXml(svg);

describe('renderWheelSvg', () => {
  it('is a well-formed, standalone SVG document', () => {
    expect(doc.name).toBe('svg');
    expect(doc.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son\w+=/i);
    expect(svg).not.toContain('textPath');
    expect(svg).not.toContain('<defs');
    expect(svg).not.toContain('href');
  });

  it('has a title and a description for assistive technology', () => {
    const title = doc.children.find(
      (c): c is Element => typeof c !== 'string' && c.name === 'title',
    );
    const desc = doc.children.find((c): c is Element => typeof c !== 'string' && c.name === 'desc');
    expect(textOf(title!)).toBe('Årshjul Grorud – Skoleåret 2025–26');
    expect(textOf(desc!)).toContain('4 ringer');
    expect(doc.attrs.role).toBe('img');
    expect(doc.attrs['aria-labelledby']).toBe('wheel-title wheel-desc');
  });

  it('is the same string for the same input', () => {
    expect(renderWheelSvg(osloSpec())).toBe(svg);
  });

  it('writes every month name as positioned characters, hidden from screen readers', () => {
    const groups = all(doc, (e) => e.attrs.class === 'month-name');
    const names = monthSectors(spec.year, spec.lang).map((m) => m.name);
    expect(groups.map((g) => textOf(g.children[0] as Element))).toEqual(names);
    const glyphGroups = groups.map((g) => g.children[1] as Element);
    expect(glyphGroups.map(glyphText)).toEqual(names);
    for (const g of glyphGroups) {
      expect(g.attrs['aria-hidden']).toBe('true');
      for (const t of all(g, (e) => e.name === 'text')) {
        expect(t.attrs.transform).toMatch(/^translate\(-?[\d.]+ -?[\d.]+\) rotate\(-?[\d.]+\)$/);
      }
    }
  });

  it("draws each item's label along its arc and keeps the full label in the item's <title>", () => {
    const layout = layoutWheel(spec, 1000);
    const labels = all(doc, (e) => e.attrs['data-item'] !== undefined);
    const drawn = layout.items.filter((it) => it.caption.text);
    expect(labels.map((g) => g.attrs['data-item'])).toEqual(drawn.map((it) => it.id));
    labels.forEach((g, i) => {
      expect(g.attrs['aria-hidden']).toBe('true');
      expect(glyphText(g)).toBe(drawn[i]!.caption.text.replace(/\s/g, ''));
    });
    const titles = all(doc, (e) => e.name === 'path')
      .flatMap((p) => p.children.filter((c): c is Element => typeof c !== 'string'))
      .map(textOf);
    for (const it of layout.items) {
      expect(titles.some((t) => t.startsWith(`${it.label} (`))).toBe(true);
    }
  });

  it('rounds coordinates to two decimals', () => {
    for (const n of svg.match(/-?\d+\.\d+/g) ?? []) {
      expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
    }
  });

  it('escapes <, & and > in labels and titles', () => {
    const s = osloSpec({ title: 'A & B <c>' });
    s.rings[0]!.items = [
      { id: 'x"y', label: 'Tom & Jerry <b>fet</b>', from: '2025-09-01', to: '2025-10-31' },
    ];
    const out = renderWheelSvg(s);
    expect(() => parseXml(out)).not.toThrow();
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<c>');
    expect(out).toContain('Tom &amp; Jerry &lt;b&gt;fet&lt;/b&gt;');
    expect(out).toContain('A &amp; B &lt;c&gt;');
    expect(out).toContain('data-item="x&quot;y"');
    const label = all(parseXml(out), (e) => e.attrs['data-item'] === 'x"y')[0]!;
    expect(glyphText(label)).toBe('Tom&Jerry<b>fet</b>');
  });

  it('draws the today marker only when today lies on the wheel', () => {
    expect(all(doc, (e) => e.attrs.class === 'today')).toHaveLength(1);
    for (const today of ['2026-08-01', '2025-07-31', undefined]) {
      const out = renderWheelSvg(osloSpec({ today }));
      expect(out).not.toContain('class="today"');
    }
  });

  it('lists the numbered items below the wheel inside the drawing', () => {
    const layout = layoutWheel(spec, 1000);
    const legend = all(doc, (e) => e.attrs.class === 'legend')[0]!;
    const lines = all(
      legend,
      (e) => e.name === 'text' && e.children.some((c) => typeof c !== 'string'),
    );
    expect(lines.map(textOf)).toEqual(layout.legend.map((e) => `${e.number} ${e.text}`));
    for (const l of lines) expect(Number(l.attrs.y)).toBeLessThan(Number(doc.attrs.height));
  });
});

describe('renderWheelSvg with glyphs: lists', () => {
  const compact = renderWheelSvg(spec, { glyphs: 'lists' });
  const compactDoc = parseXml(compact);
  const textsIn = (d: Element) => all(d, (e) => e.name === 'text').length;

  it('draws the same labels with one <text> per label instead of one per character', () => {
    const per = all(doc, (e) => e.attrs['data-item'] !== undefined);
    const lists = all(compactDoc, (e) => e.attrs['data-item'] !== undefined);
    expect(lists.map((g) => g.attrs['data-item'])).toEqual(per.map((g) => g.attrs['data-item']));
    lists.forEach((g, i) => {
      const texts = all(g, (e) => e.name === 'text');
      expect(texts).toHaveLength(1);
      expect(textOf(texts[0]!)).toBe(glyphText(per[i]!));
    });
    expect(textsIn(compactDoc) * 5).toBeLessThan(textsIn(doc));
  });

  it('puts each character where the per-character form has its middle', () => {
    const per = all(doc, (e) => e.attrs['data-item'] !== undefined)[0]!;
    const list = all(
      all(compactDoc, (e) => e.attrs['data-item'] !== undefined)[0]!,
      (e) => e.name === 'text',
    )[0]!;
    const xs = list.attrs.x!.split(' ').map(Number);
    const ys = list.attrs.y!.split(' ').map(Number);
    const rs = list.attrs.rotate!.split(' ').map(Number);
    const chars = [...textOf(list)];
    expect(xs).toHaveLength(chars.length);
    expect(ys).toHaveLength(chars.length);
    expect(rs).toHaveLength(chars.length);
    const fontSize = Number(per.attrs['font-size']);
    const bold = per.attrs['font-weight'] === 'bold';
    all(per, (e) => e.name === 'text').forEach((t, k) => {
      const [, tx, ty, rot] = /translate\((\S+) (\S+)\) rotate\((\S+)\)/
        .exec(t.attrs.transform!)!
        .map(Number);
      expect(rs[k]).toBeCloseTo(rot!, 1);
      // Back from the baseline start to the middle of the character on the arc.
      const r = (rs[k]! * Math.PI) / 180;
      const w = textWidth(chars[k]!, fontSize, bold);
      const down = Number(t.attrs.y);
      const mx = xs[k]! + (w / 2) * Math.cos(r) + down * Math.sin(r);
      const my = ys[k]! + (w / 2) * Math.sin(r) - down * Math.cos(r);
      expect(mx).toBeCloseTo(tx!, 1);
      expect(my).toBeCloseTo(ty!, 1);
    });
  });
});

describe('arcGlyphs', () => {
  const opts = { cx: 500, cy: 500, radius: 200, fontSize: 12 };

  it('places characters on the circle, centred on the angle, advancing by their widths', () => {
    for (const [midAngle, flip] of [
      [30, false],
      [180, true],
      [300, false],
    ] as const) {
      const glyphs = arcGlyphs('Møte om årshjul', { ...opts, midAngle, flip });
      expect(glyphs.map((g) => g.char).join('')).toBe('Møte om årshjul');
      const total = textWidth('Møte om årshjul', 12);
      const toDeg = 180 / (Math.PI * 200);
      const first = glyphs[0]!;
      const last = glyphs.at(-1)!;
      const span = Math.abs(last.angle - first.angle) + ((first.width + last.width) / 2) * toDeg;
      expect(span).toBeCloseTo(total * toDeg, 9);
      const dir = flip ? -1 : 1;
      const startEdge = first.angle - (dir * first.width * toDeg) / 2;
      expect(startEdge + (dir * total * toDeg) / 2).toBeCloseTo(midAngle, 9);
      glyphs.forEach((g, i) => {
        expect(Math.hypot(g.x - 500, g.y - 500)).toBeCloseTo(200, 9);
        // Upright text turns with the tangent; flipped text is turned by a further 180°.
        const turn = (((g.rotate - g.angle + (flip ? 180 : 0)) % 360) + 360) % 360;
        expect(Math.min(turn, 360 - turn)).toBeCloseTo(0, 9);
        expect(g.rotate).toBeGreaterThanOrEqual(-180);
        expect(g.rotate).toBeLessThan(180);
        const next = glyphs[i + 1];
        if (!next) return;
        // Reading order runs clockwise, or anticlockwise when flipped; neighbours never overlap.
        const step = (next.angle - g.angle) * (flip ? -1 : 1);
        expect(step / toDeg).toBeCloseTo((g.width + next.width) / 2, 9);
      });
    }
  });

  it('keeps flipped text upright: rotations within ±90° in the lower half', () => {
    for (let mid = 100; mid < 270; mid += 10) {
      for (const g of arcGlyphs('Tverrfaglig', { ...opts, midAngle: mid, flip: true })) {
        expect(Math.abs(g.rotate)).toBeLessThanOrEqual(90 + 5);
      }
    }
  });
});

describe('escapeXml and num', () => {
  it('escape the five XML specials and drop control characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
  });

  it('round to two decimals without -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(10)).toBe('10');
  });
});

describe('renderLayoutParts', () => {
  const layout = layoutWheel(osloSpec(), 1000);
  const parts = renderLayoutParts(layout, { glyphs: 'lists' });

  it('draws each item once, in its ring, by id', () => {
    const ids = parts.rings.flatMap((r) => r.items.map((i) => i.id)).sort();
    expect(ids).toEqual(layout.items.map((i) => i.id).sort());
    for (const ring of parts.rings) {
      const laid = layout.rings.find((r) => r.id === ring.id)!;
      expect(ring.items.map((i) => i.id)).toEqual(laid.items.map((i) => i.id));
      for (const item of ring.items) expect(item.svg).toMatch(/^<path d="M/);
    }
  });

  it('labels only captioned items, and keeps the legend lines apart', () => {
    expect(parts.labels.map((l) => l.id)).toEqual(
      layout.items.filter((i) => i.caption.text).map((i) => i.id),
    );
    for (const l of parts.labels) expect(l.svg).toContain(`data-item="${escapeXml(l.id)}"`);
    expect(parts.legendItems).toHaveLength(layout.legend.length);
    expect(parts.background).toContain('class="months"');
    expect(parts.open).toContain('<svg');
  });

  it('is the whole drawing when put together', () => {
    const whole = renderLayoutSvg(layout, { glyphs: 'lists' });
    for (const piece of [
      parts.open,
      parts.background,
      parts.shaded,
      parts.title,
      parts.legendHead,
      ...parts.labels.map((l) => l.svg),
      ...parts.rings.flatMap((r) => [r.outline, ...r.items.map((i) => i.svg)]),
      ...parts.legendItems.map((l) => l.svg),
    ]) {
      expect(whole).toContain(piece);
    }
  });
});

describe('zooming in on a month', () => {
  it('bounds a quarter sector by its corners and the arc between them', () => {
    const b = sectorBounds(500, 500, 100, 200, 0, 90);
    expect(b.x).toBeCloseTo(500);
    expect(b.y).toBeCloseTo(300);
    expect(b.width).toBeCloseTo(200);
    expect(b.height).toBeCloseTo(200);
  });

  it('includes the arc’s outermost point when it passes a right angle', () => {
    const b = sectorBounds(500, 500, 100, 200, 60, 120);
    expect(b.x + b.width).toBeCloseTo(700);
  });

  it('gives each month of the school year a box inside the drawing that holds its items', () => {
    const layout = layoutWheel(osloSpec(), 1000);
    expect(layout.months.length).toBeGreaterThanOrEqual(11);
    for (let i = 0; i < layout.months.length; i++) {
      const [x, y, w, h] = monthViewBox(layout, i)!;
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThan(1000);
      const m = layout.months[i]!;
      for (const it of layout.items.filter((it) => it.from >= m.from && it.to <= m.to)) {
        const ib = sectorBounds(500, 500, it.inner, it.outer, it.startAngle, it.endAngle);
        expect(ib.x).toBeGreaterThanOrEqual(x);
        expect(ib.y).toBeGreaterThanOrEqual(y);
        expect(ib.x + ib.width).toBeLessThanOrEqual(x + w + 1e-6);
        expect(ib.y + ib.height).toBeLessThanOrEqual(y + h + 1e-6);
      }
    }
    expect(monthViewBox(layout, 99)).toBeNull();
  });
});
