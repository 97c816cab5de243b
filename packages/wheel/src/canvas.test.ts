import { describe, expect, it } from 'vitest';
import { drawWheelCanvas, WheelPainter, type LayerCanvas, type LayerContext2D } from './canvas.js';
import { layoutWheel } from './layout.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

/** A canvas that records what is drawn: fills with their colour and alpha, and the texts. */
function recorder() {
  const fills: { colour: unknown; alpha: number }[] = [];
  const texts: { text: string; font: string }[] = [];
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
    fillText: (text: string) => void texts.push({ text, font: ctx.font }),
    rect: (...r: number[]) => void rects.push(r),
    clip: () => void clips.push(saved),
    drawImage: (image: never, x: number, y: number) => {
      images.push(image);
      at.push([x, y]);
    },
    depth: () => saved,
  };
  return { ctx, fills, texts, transforms, clips, images, rects, at };
}

/** A canvas for the painter's background that records what is drawn on it. */
function layerCanvas(width: number, height: number) {
  const rec = recorder();
  const canvas: LayerCanvas & { rec: typeof rec } = {
    width,
    height,
    getContext: () => rec.ctx,
    rec,
  };
  return canvas;
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

  it('draws the whole wheel first, as drawWheelCanvas does, over the background it keeps', () => {
    const layout = layoutWheel(spec, 1000);
    const { p, layers } = painter();
    const screen = recorder();
    const report = p.paint(screen.ctx, layout, size);
    expect(report.full).toBe(true);
    expect(report.items).toBe(layout.items.length);
    expect(layers).toHaveLength(1);
    expect(screen.images).toEqual([layers[0]]);
    // The background and what is over it, together, write what drawWheelCanvas writes.
    const whole = recorder();
    drawWheelCanvas(whole.ctx, layout);
    const written = [...layers[0]!.rec.texts, ...screen.texts].map((t) => t.text);
    expect(written).toEqual(whole.texts.map((t) => t.text));
    expect(screen.ctx.depth()).toBe(0);
  });

  it('draws nothing again for the same wheel', () => {
    const { p } = painter();
    p.paint(recorder().ctx, layoutWheel(spec, 1000), size);
    const again = recorder();
    const report = p.paint(again.ctx, layoutWheel(spec, 1000), size);
    expect(report).toEqual({ full: false, rects: [], items: 0 });
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
    const written = screen.texts.map((t) => t.text).join('');
    const label = moved.items.find((i) => i.id === 'styre-2')!.caption.text;
    expect(written).toContain(label.replace(/\s/g, ''));
    // Today's line and the title stay over what was drawn again.
    expect(screen.texts.some((t) => t.text === moved.spec.title)).toBe(true);
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
