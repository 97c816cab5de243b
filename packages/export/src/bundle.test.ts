import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildOf, grorud } from '../test-fixtures/grorud.js';
import { exportBuild, exportModelFile, fileSlug, FORMATS, type ExportFile } from './bundle.js';

async function collect(files: AsyncIterable<ExportFile>): Promise<ExportFile[]> {
  const out: ExportFile[] = [];
  for await (const f of files) out.push(f);
  return out;
}

const text = (f: ExportFile) => new TextDecoder().decode(f.bytes);
const ROMSAS =
  'Romsås har ingen ungdomsskole med i samarbeidet etter at Bjøråsen ungdomskole gikk ut i mai 2021.';

describe('exportBuild', { timeout: 60_000 }, async () => {
  const files = await collect(
    exportBuild(buildOf('omrade-romsas'), grorud, { madeOn: '2026-03-01', roles: ['bvk'] }),
  );
  const byName = new Map(files.map((f) => [f.name, f]));

  it('writes every format, named after the area and the school year', () => {
    expect(files.map((f) => f.name).sort()).toEqual(
      [
        'arshjul-romsas-2025-26.ics',
        'arshjul-romsas-2025-26-bvk.ics',
        'arshjul-romsas-2025-26.svg',
        'arshjul-romsas-2025-26.png',
        'arshjul-romsas-2025-26-a3.pdf',
        'plan-romsas-2025-26.pdf',
        'plan-romsas-2025-26.docx',
        'plan-romsas-2025-26.xlsx',
        'plan-romsas-2025-26.html',
        'rollekort-romsas.html',
        'rollekort-romsas.pdf',
        'kontaktark-romsas.pdf',
        'kontaktark-romsas.docx',
        'ordliste-bydel-grorud.html',
        'ordliste-bydel-grorud.pdf',
        'modell-bydel-grorud.json',
      ].sort(),
    );
    expect(new Set(files.map((f) => f.format))).toEqual(new Set(FORMATS));
    for (const f of files) expect(f.description.length, f.name).toBeGreaterThan(3);
  });

  it('gives each file the bytes its format starts with', () => {
    const starts = (name: string, bytes: number[]) =>
      expect([...byName.get(name)!.bytes.slice(0, bytes.length)], name).toEqual(bytes);
    starts('arshjul-romsas-2025-26.png', [0x89, 0x50, 0x4e, 0x47]);
    starts('plan-romsas-2025-26.pdf', [...Buffer.from('%PDF-')]);
    starts('arshjul-romsas-2025-26-a3.pdf', [...Buffer.from('%PDF-')]);
    starts('plan-romsas-2025-26.docx', [0x50, 0x4b, 0x03, 0x04]);
    starts('plan-romsas-2025-26.xlsx', [0x50, 0x4b, 0x03, 0x04]);
    expect(text(byName.get('arshjul-romsas-2025-26.ics')!)).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text(byName.get('arshjul-romsas-2025-26.svg')!)).toMatch(/^<\?xml/);
    expect(text(byName.get('plan-romsas-2025-26.html')!)).toMatch(/^<!doctype html>/);
    starts('rollekort-romsas.pdf', [...Buffer.from('%PDF-')]);
    starts('kontaktark-romsas.pdf', [...Buffer.from('%PDF-')]);
    starts('kontaktark-romsas.docx', [0x50, 0x4b, 0x03, 0x04]);
    starts('ordliste-bydel-grorud.pdf', [...Buffer.from('%PDF-')]);
    expect(text(byName.get('rollekort-romsas.html')!)).toMatch(/^<!doctype html>/i);
    expect(text(byName.get('ordliste-bydel-grorud.html')!)).toMatch(/^<!doctype html>/i);
  });

  it('writes the role cards and the contact sheet for the area, and the glossary for the district', async () => {
    const romsas = grorud.organisation.areas.find((a) => a.id.includes('romsas'))!;
    const cardsPage = text(byName.get('rollekort-romsas.html')!);
    expect(cardsPage).toContain(romsas.name);
    // The contact sheet in Word names the same roles as the web page's cards.
    const zip = await JSZip.loadAsync(byName.get('kontaktark-romsas.docx')!.bytes);
    const sheet = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    const titles = grorud.roles.map((r) => r.title).filter((t) => cardsPage.includes(t));
    expect(titles.length).toBeGreaterThan(5);
    for (const title of titles) expect(sheet, title).toContain(title);
    const glossary = text(byName.get('ordliste-bydel-grorud.html')!);
    for (const entry of grorud.glossary) expect(glossary, entry.term).toContain(entry.term);
  });

  it('says in the web page and the Word plan that Romsås has no ungdomsskole since Bjøråsen left', async () => {
    expect(text(byName.get('plan-romsas-2025-26.html')!)).toContain(ROMSAS);
    const zip = await JSZip.loadAsync(byName.get('plan-romsas-2025-26.docx')!.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain(ROMSAS);
  });

  it('writes the standalone SVG with one element per letter, and the page with the compact form', () => {
    const svg = text(byName.get('arshjul-romsas-2025-26.svg')!);
    const html = text(byName.get('plan-romsas-2025-26.html')!);
    expect(svg).toMatch(/<text transform="translate\(/);
    expect(svg).not.toMatch(/rotate="/);
    expect(html).toMatch(/<text x="[^"]+ [^"]+" y="[^"]+" rotate="/);
  });

  it('makes a role calendar that is a part of the area calendar', () => {
    const uids = (f: ExportFile) => new Set(text(f).match(/^UID:.*$/gm));
    const area = uids(byName.get('arshjul-romsas-2025-26.ics')!);
    const bvk = uids(byName.get('arshjul-romsas-2025-26-bvk.ics')!);
    expect(bvk.size).toBeGreaterThan(0);
    expect(bvk.size).toBeLessThan(area.size);
    for (const uid of bvk) expect(area.has(uid)).toBe(true);
    expect(byName.get('arshjul-romsas-2025-26-bvk.ics')!.description).toContain('BVK');
  });

  it('writes only the formats asked for', async () => {
    const some = await collect(exportBuild(buildOf('all'), grorud, { formats: ['ics', 'svg'] }));
    expect(some.map((f) => f.name)).toEqual([
      'arshjul-bydel-grorud-2025-26.ics',
      'arshjul-bydel-grorud-2025-26.svg',
    ]);
  });
});

describe('exportModelFile and fileSlug', () => {
  it('names the model file after the district and leaves out personal data', () => {
    const f = exportModelFile(grorud);
    expect(f.name).toBe('modell-bydel-grorud.json');
    expect(JSON.parse(text(f)).id).toBe(grorud.id);
  });

  it('makes file names from Norwegian names', () => {
    expect(fileSlug('Romsås')).toBe('romsas');
    expect(fileSlug('Bydel Grorud')).toBe('bydel-grorud');
    expect(fileSlug('Sæter / Østensjø')).toBe('saeter-ostensjo');
    expect(fileSlug('«»')).toBe('omrade');
  });
});
