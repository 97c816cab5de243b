import { describe, expect, it } from 'vitest';
import { buildOf } from '../test-fixtures/grorud.js';
import { svgToPng, wheelSvg } from './wheel.js';

const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('the wheel picture', () => {
  const { arshjul } = buildOf('omrade-romsas');
  const svg = wheelSvg(arshjul, 'nb');

  it('is a standalone SVG with a title and a description, in the bundled font first', () => {
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<title id="wheel-title">Romsås – Årshjul 2025–26</title>');
    expect(svg).toMatch(/<desc id="wheel-desc">[^<]+<\/desc>/);
    expect(svg).toMatch(/font-family="Arimo, /);
    expect(svg).not.toContain('<script');
  });

  it('is the same for the same input', () => {
    expect(wheelSvg(arshjul, 'nb')).toBe(svg);
  });

  it('rasterises to a PNG of the asked width with the drawing proportions', () => {
    const png = svgToPng(svg, { width: 600 });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = pngSize(png);
    const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
    expect(width).toBe(600);
    expect(height).toBe(Math.round((600 * Number(viewBox[2])) / Number(viewBox[1])));
  });
});
