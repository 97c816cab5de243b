import { describe, expect, it } from 'vitest';
import { drawWheelCanvas, WheelPainter, type LayerCanvas, type LayerContext2D } from './canvas.js';
import { layoutWheel } from './layout.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

/** Every canvas's texts written and parts of pages copied, in the order they happened. */
const happened: ('write' | 'copy')[] = [];

/** A canvas that records what is drawn: fills with their colour and alpha, and the texts. */
function recorder() {
  const fills: { colour: unknown; alpha: number }[] = [];
  const texts: { text: string; font: string }[] = [];
  /** What shows on this canvas in order: texts written, and texts copied from pages of pictures. */
  const shown: string[] = [];
  const transforms: number[][] = [];
  const clips: number[] = [];
  const rects: number[][] = [];
  const images: unknown[] = [];
  const at: number[][] = [];
  let saved = 0;
  const ctx: LayerContext2D & { depth(): number } = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    save: () => void saved++,
    restore: () => void saved--,
    setTransform: (...m: number[]) => void transforms.push(m),
    translate: () => undefined,
    rotate: () => undefined,
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    arc: () => undefined,
    closePath: () => undefined,
    fill: () => void fills.push({ colour: ctx.fillStyle, alpha: ctx.globalAlpha }),
    stroke: () => undefined,
    fillRect: () => void fills.push({ colour: ctx.fillStyle, alpha: ctx.globalAlpha }),
    fillText: (text: string) => {
      happened.push('write');
      texts.push({ text, font: ctx.font });
      shown.push(text);
    },
    rect: (...r: number[]) => void rects.push(r),
    clip: () => void clips.push(saved),
    drawImage: (image: never, ...place: number[]) => {
      images.push(image);
      // Where it went: (x, y), or a part of it (sx, sy, w, h) to (x, y, w, h).
      const part = place.length === 8;
      if (part) happened.push('copy');
      at.push(part ? [place[4]!, place[5]!] : [place[0]!, place[1]!]);
      const page = image as { contentAt?: (...r: number[]) => string[] };
      if (part && page.contentAt) shown.push(...page.contentAt(...place.slice(0, 4)));
    },
    depth: () => saved,
  };
  return { ctx, fills, texts, shown, transforms, clips, images, rects, at };
}

/**
 * A canvas for the painter (its background, its pages of pictures) that records what is drawn on
 * it, and can tell what a rectangle of it holds now: the texts written inside it (as a clip)
 * since the canvas was last cleared (by setting its width).
 */
function layerCanvas(width: number, height: number) {
  const rec = recorder();
  const log: ({ clear: true } | { rect: string } | { text: string })[] = [];
  const rect = rec.ctx.rect;
  const fillText = rec.ctx.fillText;
  rec.ctx.rect = (...r: number[]) => {
    log.push({ rect: r.join(',') });
    rect(...(r as [number, number, number, number]));
  };
  rec.ctx.fillText = (text: string, x: number, y: number) => {
    log.push({ text });
    fillText(text, x, y);
  };
  let w = width;
  const canvas = {
    get width() {
      return w;
    },
    set width(value: number) {
      w = value;
      log.push({ clear: true });
    },
    height,
    getContext: () => rec.ctx,
    rec,
    contentAt(...r: number[]): string[] {
      const held = new Map<string, string[]>();
      let at = '';
      for (const e of log) {
        if ('clear' in e) held.clear();
        else if ('rect' in e) {
          at = e.rect;
          held.set(at, []);
        } else held.get(at)?.push(e.text);
      }
      return held.get(r.join(',')) ?? [];
    },
  };
  return canvas satisfies LayerCanvas;
}

describe('drawWheelCanvas', () => {
  const layout = layoutWheel({ ...osloSpec(), today: '2025-10-01' }, 1000);

  it('fills every item in its colour and writes every label, month name and the title', () => {
    const { ctx, fills, texts } = recorder();
    drawWheelCanvas(ctx, layout);
    for (const it of layout.items) expect(fills.some((f) => f.colour === it.colour)).toBe(true);
    const written = texts.map((t) => t.text).join('');
    for (const it of layout.items.filter((i) => i.caption.text)) {
      expect(written).toContain(it.caption.text.replace(/\s/g, '').slice(0, 3));
    }
    for (const m of layout.months) expect(written).toContain(m.name.replace(/\s/g, ''));
    expect(texts.some((t) => t.text === layout.spec.title && t.font.startsWith('bold'))).toBe(true);
    expect(ctx.depth()).toBe(0);
  });

  it('shades breaks and holidays see-through and marks today in red', () => {
    const { ctx, fills } = recorder();
    drawWheelCanvas(ctx, layout);
    expect(layout.shaded.length).toBeGreaterThan(0);
    expect(fills.filter((f) => f.alpha < 0.3 && f.colour === '#8a8a8a').length).toBeGreaterThan(0);
    expect(layout.today).toBeDefined();
    expect(fills.some((f) => f.colour === '#d62728')).toBe(true);
  });

  it('writes the week numbers unless told not to', () => {
    const withWeeks = recorder();
    drawWheelCanvas(withWeeks.ctx, layout);
    const without = recorder();
    drawWheelCanvas(without.ctx, layout, { weeks: false });
    expect(withWeeks.texts.length - without.texts.length).toBe(layout.weeks.length);
  });

  it('scales and moves the drawing to the box asked for (a zoomed month)', () => {
    const { ctx, transforms } = recorder();
    drawWheelCanvas(ctx, layout, { box: [100, 200, 400, 300], scale: 2 });
    expect(transforms[0]).toEqual([2, 0, 0, 2, -200, -400]);
  });
});

describe('WheelPainter', () => {
  const spec = { ...osloSpec(), today: '2025-10-01' as const };
  const size = { width: 1000, height: 1000 };

  function painter() {
    const layers: ReturnType<typeof layerCanvas>[] = [];
    const p = new WheelPainter((w, h) => {
      const layer = layerCanvas(w, h);
      layers.push(layer);
      return layer;
    });
    return { p, layers };
  }

  /** What drawWheelCanvas writes, in order (the background's texts first, then labels and title). */
  const wholeTexts = (layout: ReturnType<typeof layoutWheel>) => {
    const whole = recorder();
    drawWheelCanvas(whole.ctx, layout);
    return whole.texts.map((t) => t.text);
  };

  it('draws the whole wheel first, as drawWheelCanvas does, over the background it keeps', () => {
    const layout = layoutWheel(spec, 1000);
    const { p, layers } = painter();
    const screen = recorder();
    const report = p.paint(screen.ctx, layout, size);
    expect(report.full).toBe(true);
    expect(report.items).toBe(layout.items.length);
    // The background first, then each label and the title, copied from pages of pictures.
    const [base, ...pages] = layers as ReturnType<typeof layerCanvas>[];
    expect(pages.length).toBeGreaterThan(0);
    const labelled = layout.items.filter((it) => it.caption.text).length;
    expect(screen.images[0]).toBe(base);
    expect(screen.images).toHaveLength(1 + labelled + 1);
    expect(screen.images.slice(1).every((image) => pages.includes(image as never))).toBe(true);
    expect(report.kept).toBe(labelled + 1);
    expect(report.written).toBe(labelled + 1);
    for (const [x, y] of screen.at) expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    // No text is set on the screen's canvas (a font there makes the browser work out styles).
    expect(screen.texts).toEqual([]);
    // The background, and the pictures copied over it, show what drawWheelCanvas writes.
    expect([...base!.rec.texts.map((t) => t.text), ...screen.shown]).toEqual(wholeTexts(layout));
    // Each picture was written clipped to a place of its own on its page.
    for (const page of pages) {
      const places = page.rec.rects;
      expect(page.rec.clips).toHaveLength(places.length);
      for (let i = 0; i < places.length; i++) {
        for (let j = i + 1; j < places.length; j++) {
          const [ax, ay, aw, ah] = places[i]!;
          const [bx, by, bw, bh] = places[j]!;
          expect(ax! + aw! <= bx! || bx! + bw! <= ax! || ay! + ah! <= by! || by! + bh! <= ay!).toBe(
            true,
          );
        }
      }
      expect(page.rec.ctx.depth()).toBe(0);
    }
    expect(screen.ctx.depth()).toBe(0);
  });

  it('writes each label once: a later whole drawing copies the kept pictures', () => {
    const layout = layoutWheel(spec, 1000);
    const { p, layers } = painter();
    const first = recorder();
    p.paint(first.ctx, layout, size);
    const made = layers.length;
    p.reset();
    const again = recorder();
    const report = p.paint(again.ctx, layout, size);
    expect(report.full).toBe(true);
    expect(report.written).toBe(0);
    expect(layers).toHaveLength(made);
    expect(again.images).toEqual(first.images);
    expect(again.at).toEqual(first.at);
    expect(again.shown).toEqual(first.shown);
    // Another view (zoomed in) writes them afresh for its scale, on the pages cleared.
    const zoomed = recorder();
    const z = p.paint(zoomed.ctx, layout, { ...size, box: [0, 0, 500, 500], scale: 2 });
    expect(z.written).toBeGreaterThan(0);
    // Labels off the canvas are not drawn at all there.
    const labelled = layout.items.filter((it) => it.caption.text).length;
    expect(zoomed.images.length).toBeLessThan(1 + labelled + 1);
  });

  it('uses its oldest page again when all are full, and writes again what was on it', () => {
    const layers: ReturnType<typeof layerCanvas>[] = [];
    const p = new WheelPainter(
      (w, h) => {
        const layer = layerCanvas(w, h);
        layers.push(layer);
        return layer;
      },
      { pageSize: 300, pages: 2 },
    );
    const layout = layoutWheel(spec, 1000);
    const other = layoutWheel(
      {
        ...spec,
        rings: spec.rings.map((r) => ({
          ...r,
          items: r.items.map((it) => ({ ...it, label: `${it.label} (ny)` })),
        })),
      },
      1000,
    );
    // After the pages filled up, every paint still shows exactly what a whole drawing writes.
    let written = 0;
    for (const l of [layout, other, layout, other]) {
      p.reset();
      const screen = recorder();
      written += p.paint(screen.ctx, l, size).written;
      const whole = wholeTexts(l);
      expect(screen.shown).toEqual(whole.slice(whole.length - screen.shown.length));
      expect(screen.shown.at(-1)).toBe(l.spec.subtitle ?? l.spec.title);
    }
    // The background and two pages, never more: labels were written again on reused pages.
    expect(layers).toHaveLength(3);
    const labelled = layout.items.filter((it) => it.caption.text).length;
    expect(written).toBeGreaterThan(2 * (labelled + 1));
  });

  it('writes every picture a paint needs before it copies any', () => {
    // (A page written on after a part of it was copied is copied whole by the browser first.)
    const { p } = painter();
    p.paint(recorder().ctx, layoutWheel(spec, 1000), size);
    const renamed = layoutWheel(
      {
        ...spec,
        title: `${spec.title} (utkast)`,
        rings: spec.rings.map((r) => ({
          ...r,
          items: r.items.map((it, i) => (i % 2 ? { ...it, label: `${it.label} 2` } : it)),
        })),
      },
      1000,
    );
    happened.length = 0;
    const report = p.paint(recorder().ctx, renamed, size);
    expect(report.written).toBeGreaterThan(1);
    const firstCopy = happened.indexOf('copy');
    expect(firstCopy).toBeGreaterThan(0);
    expect(happened.slice(firstCopy)).not.toContain('write');
  });

  it('draws nothing again for the same wheel', () => {
    const { p } = painter();
    p.paint(recorder().ctx, layoutWheel(spec, 1000), size);
    const again = recorder();
    const report = p.paint(again.ctx, layoutWheel(spec, 1000), size);
    expect(report).toMatchObject({ full: false, rects: [], items: 0 });
    expect(again.images).toEqual([]);
    expect(again.fills).toEqual([]);
    expect(again.texts).toEqual([]);
  });

  it('after a moved item draws again only the rectangles where it was and is', () => {
    const { p, layers } = painter();
    p.paint(recorder().ctx, layoutWheel(spec, 1000), size);
    const rings = spec.rings.map((r) =>
      r.id === 'strategisk'
        ? {
            ...r,
            items: r.items.map((it) =>
              it.id === 'styre-2' ? { ...it, from: '2025-12-02' as const } : it,
            ),
          }
        : r,
    );
    const moved = layoutWheel({ ...spec, rings }, 1000);
    const screen = recorder();
    const report = p.paint(screen.ctx, moved, size);
    expect(report.full).toBe(false);
    expect(report.rects.length).toBeGreaterThan(0);
    // Whole pixels inside the canvas, and together far less than all of it.
    for (const [x, y, w, h] of report.rects) {
      for (const n of [x, y, w, h]) expect(Number.isInteger(n)).toBe(true);
      expect(x >= 0 && y >= 0 && x + w <= 1000 && y + h <= 1000).toBe(true);
    }
    const area = report.rects.reduce((sum, [, , w, h]) => sum + w * h, 0);
    expect(area).toBeLessThan(0.6 * 1000 * 1000);
    expect(report.items).toBeGreaterThan(0);
    expect(report.items).toBeLessThan(moved.items.length);
    // Clipped to each rectangle, over the kept background (not drawn again), then restored.
    expect(screen.rects).toEqual(report.rects);
    expect(screen.clips).toEqual(report.rects.map(() => 1));
    expect(screen.images.filter((image) => image === layers[0])).toHaveLength(report.rects.length);
    expect(layers.filter((l) => l.width === 1000 && l.height === 1000)).toHaveLength(1);
    expect(screen.ctx.depth()).toBe(0);
    // The moved label is written anew and copied; the title (over what was drawn again) too.
    expect(report.written).toBeGreaterThan(0);
    const label = moved.items.find((i) => i.id === 'styre-2')!.caption.text;
    expect(screen.shown.join('')).toContain(label.replace(/\s/g, ''));
    expect(screen.shown.filter((t) => t === moved.spec.title)).toHaveLength(report.rects.length);
  });

  it('draws the whole wheel again when more than the items changed, or after reset', () => {
    const { p, layers } = painter();
    const layout = layoutWheel(spec, 1000);
    p.paint(recorder().ctx, layout, size);
    expect(
      p.paint(recorder().ctx, layoutWheel({ ...spec, today: '2025-11-03' }, 1000), size).full,
    ).toBe(true);
    expect(p.paint(recorder().ctx, layout, { ...size, box: [0, 0, 500, 500], scale: 2 }).full).toBe(
      true,
    );
    // The background was drawn again for the new view, on the same canvas.
    expect(layers.filter((l) => l.width === 1000 && l.height === 1000)).toHaveLength(1);
    expect(layers[0]!.rec.transforms.at(-1)).toEqual([2, 0, 0, 2, -0, -0]);
    p.reset();
    expect(p.paint(recorder().ctx, layout, { ...size, box: [0, 0, 500, 500], scale: 2 }).full).toBe(
      true,
    );
  });

  it('draws the whole wheel every time without a canvas for the background', () => {
    const p = new WheelPainter();
    const layout = layoutWheel(spec, 1000);
    const first = recorder();
    expect(p.paint(first.ctx, layout, size).full).toBe(true);
    const whole = recorder();
    drawWheelCanvas(whole.ctx, layout);
    expect(first.texts).toEqual(whole.texts);
    expect(p.paint(recorder().ctx, layout, size).full).toBe(true);
  });
});
