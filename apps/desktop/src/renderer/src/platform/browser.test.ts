import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportDownload } from './browser.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('the browser export download', () => {
  it('packs several files into one zip with their folders', async () => {
    const files = [
      { name: 'ammerud/arshjul-ammerud-2025-26.ics', bytes: text('BEGIN:VCALENDAR') },
      { name: 'romsas/plan-romsas-2025-26.pdf', bytes: new Uint8Array([37, 80, 68, 70, 0, 255]) },
      { name: 'grorudmodellen.json', bytes: text('{}') },
    ];
    const { name, blob } = await exportDownload({ name: 'arshjul-grorud-2025-26', files });
    expect(name).toBe('arshjul-grorud-2025-26.zip');
    expect(blob.type).toBe('application/zip');
    const zip = await JSZip.loadAsync(new Uint8Array(await blob.arrayBuffer()));
    const entries = Object.values(zip.files).filter((f) => !f.dir);
    expect(entries.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) {
      expect(await zip.file(f.name)!.async('uint8array')).toEqual(f.bytes);
    }
  });

  it('downloads a single file as itself, without its folder', async () => {
    const bytes = text('<svg/>');
    const { name, blob } = await exportDownload({
      name: 'arshjul-ammerud-2025-26',
      files: [{ name: 'ammerud/arshjul-ammerud-2025-26.svg', bytes }],
    });
    expect(name).toBe('arshjul-ammerud-2025-26.svg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
