import { describe, expect, it } from 'vitest';
import { drawWheelCanvas, type Canvas2D } from './canvas.js';
import { layoutWheel } from './layout.js';
import { osloSpec } from '../test-fixtures/oslo-2025-26.js';

/** A canvas that records what is drawn: fills with their colour and alpha, and the texts. */
function recorder() {
  const fills: { colour: unknown; alpha: number }[] = [];
  const texts: { text: string; font: string }[] = [];
  const transforms: number[][] = [];
  let saved = 0;
  const ctx: Canvas2D & { depth(): number } = {
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
    depth: () => saved,
  };
  return { ctx, fills, texts, transforms };
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
