/**
 * End-to-end test of the export dialog on the Grorud example: the dialog is a labelled modal
 * that Esc closes (focus back on «Eksporter …»); Ammerud, 2025-26, every kind of file and a
 * calendar for the rektor, exported as one zip whose files are byte for byte those of
 * `arshjul build` (run here with the same day through SOURCE_DATE_EPOCH, and the page's clock
 * fixed to that day); cancel; and printing the plan and the wheel (print media screenshots, and
 * `page.pdf()` rendered to PNG with pdftoppm). axe-core on the dialog and the result;
 * screenshots `export-*.png` in `e2e/output/`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addAxe,
  axeSerious,
  cliBuild,
  closeApp,
  describeViolations,
  filesUnder,
  HAS_CHROMIUM,
  openApp,
  OUTPUT,
  steps,
  type Session,
} from './harness.js';

/** The day both the CLI and the page say the documents were made. */
const MADE_ON = '2025-10-15';

describe.skipIf(!HAS_CHROMIUM)('the export dialog', () => {
  let session: Session;
  let page: Page;
  let tmp: string;
  let cliOut: string;
  const { byTestId, noSerious } = steps(() => page);
  /** The zip the dialog downloaded. */
  let zip: JSZip;

  async function openDialog(): Promise<void> {
    await byTestId('export-button').click();
    await byTestId('export-dialog').waitFor();
  }
  async function shootDialog(name: string): Promise<void> {
    await byTestId('export-dialog').screenshot({ path: join(OUTPUT, `${name}.png`) });
  }

  /** The files `arshjul build` makes for Ammerud 2025-26 with the rektor's calendar (once). */
  let cliFiles: string[] | null = null;
  function cli(): string[] {
    if (cliFiles) return cliFiles;
    cliBuild(cliOut, MADE_ON, ['--area', 'ammerud', '--year', '2025-26', '--role', 'rektor']);
    cliFiles = filesUnder(cliOut);
    return cliFiles;
  }

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'arshjul-export-e2e-'));
    cliOut = join(tmp, 'cli');
    session = await openApp();
    page = session.page;
    await page.clock.setFixedTime(new Date(`${MADE_ON}T12:00:00`));
    await byTestId('wheel').waitFor();
  });

  afterAll(async () => {
    await closeApp(session);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('opens as a labelled modal that Esc closes, focus back on the button', async () => {
    await openDialog();
    const dialog = byTestId('export-dialog');
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog:modal') !== null)).toBe(true);
    expect(await dialog.getAttribute('aria-labelledby')).toBe('export-title');
    expect(await page.locator('#export-title').textContent()).toBe('Eksporter');
    // Every area and the whole district, and the school year shown, by default.
    for (const id of ['omrade-ammerud', 'omrade-grorud', 'omrade-romsas', 'all'])
      expect(await byTestId(`export-area-${id}`).isChecked()).toBe(true);
    expect(await byTestId('export-year').inputValue()).toBe('2025-26');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'export-button',
    );
  });

  /** Prints from the dialog; the page's print is recorded instead of opening a print dialog. */
  async function printFrom(button: string): Promise<{ calls: number; printing: string[] }> {
    await page.evaluate(() => {
      const w = window as unknown as { __printed: string[] };
      w.__printed = [];
      window.print = () => {
        w.__printed.push(document.documentElement.dataset['print'] ?? '');
      };
    });
    if (await byTestId('export-dialog').count()) await byTestId('export-close').click();
    await openDialog();
    await byTestId(button).click();
    await byTestId('export-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => (window as unknown as { __printed: string[] }).__printed.length > 0,
    );
    const printing = await page.evaluate(
      () => (window as unknown as { __printed: string[] }).__printed,
    );
    return { calls: printing.length, printing };
  }

  /** The print view: a print-media screenshot, and the PDF Chromium prints, page 1 as PNG. */
  async function printView(name: string): Promise<string> {
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(OUTPUT, `${name}-media.png`) });
    // page.pdf() prints with print media unless screen media is emulated: back to no emulation.
    await page.emulateMedia({ media: null });
    const pdf = join(tmp, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const png = spawnSync(
      'pdftoppm',
      ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT, name)],
      { encoding: 'utf8' },
    );
    expect(png.status, png.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-l', '1', pdf, '-'], { encoding: 'utf8' });
    return text.status === 0 ? text.stdout : '';
  }

  it('prints the plan without the app around it', async () => {
    const printed = await printFrom('export-print-plan');
    expect(printed).toEqual({ calls: 1, printing: ['plan'] });
    expect(await byTestId('tab-plan').getAttribute('aria-selected')).toBe('true');
    await page.emulateMedia({ media: 'print' });
    expect(await byTestId('export-button').isVisible()).toBe(false);
    expect(await byTestId('tab-plan').isVisible()).toBe(false);
    expect(await byTestId('plan-table').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: null });
    const text = await printView('export-print-plan');
    if (text) {
      expect(text).not.toContain('Eksporter …');
      // The first page: the title, the schools and the årshjul (the Vedlegg 3 tables follow).
      expect(text).toContain('Implementeringsplan for Ammerud');
      expect(text).toContain('Rødtvet barneskole');
    }
  });

  it('prints the wheel', async () => {
    const printed = await printFrom('export-print-wheel');
    expect(printed).toEqual({ calls: 1, printing: ['arshjul'] });
    expect(await byTestId('tab-arshjul').getAttribute('aria-selected')).toBe('true');
    await page.emulateMedia({ media: 'print' });
    expect(await byTestId('wheel-canvas').isVisible()).toBe(true);
    expect(await byTestId('area-select').isVisible()).toBe(false);
    await page.emulateMedia({ media: null });
    await printView('export-print-wheel');
    expect(session.pageErrors).toEqual([]);
  });
  it('chooses Ammerud, 2025-26, every kind of file and the rektor’s calendar', async () => {
    await openDialog();
    await byTestId('export-area-every').uncheck();
    expect(await byTestId('export-problems').textContent()).toContain('Velg minst ett område');
    expect(await byTestId('export-run').isDisabled()).toBe(true);
    await byTestId('export-area-omrade-ammerud').check();
    await byTestId('export-year').selectOption('2025-26');
    for (const box of await page.locator('[data-testid^="export-format-"]').all())
      await box.check();
    await byTestId('export-roles').waitFor();
    expect(await byTestId('export-problems').textContent()).toContain('velg minst én rolle');
    await byTestId('export-role-rektor').check();
    await noSerious('export-dialog');
    await shootDialog('export-dialog');
    const count = (await byTestId('export-count').textContent()) ?? '';
    expect(count).toContain('Ammerud, 2025-26');
    expect(count).toContain(`${cli().length} filer blir laget`);
  });

  it('shows progress and can be cancelled', async () => {
    await byTestId('export-run').click();
    await byTestId('export-cancel').waitFor();
    const progress = byTestId('export-progress');
    expect(await progress.getAttribute('aria-labelledby')).toBe('export-progress-label');
    await shootDialog('export-progress');
    await byTestId('export-cancel').click();
    await byTestId('export-message').waitFor();
    expect(await byTestId('export-message').textContent()).toContain('Eksporten ble avbrutt');
    await byTestId('export-again').click();
    // The choices are kept.
    expect(await byTestId('export-role-rektor').isChecked()).toBe(true);
    expect(await byTestId('export-area-omrade-romsas').isChecked()).toBe(false);
  });

  it('downloads one zip whose files are byte for byte those of arshjul build', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      byTestId('export-run').click(),
    ]);
    expect(download.suggestedFilename()).toBe('arshjul-ammerud-2025-26.zip');
    const zipPath = join(tmp, download.suggestedFilename());
    await download.saveAs(zipPath);
    zip = await JSZip.loadAsync(readFileSync(zipPath));
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    const expected = cli();
    expect(names).toEqual(expected);
    const differ: string[] = [];
    for (const name of expected) {
      const ours = Buffer.from(await zip.file(name)!.async('uint8array'));
      if (!ours.equals(readFileSync(join(cliOut, name)))) differ.push(name);
    }
    expect(differ).toEqual([]);

    await byTestId('export-result-title').waitFor();
    const title = (await byTestId('export-result-title').textContent()) ?? '';
    expect(title).toContain(
      `${expected.length} filer er lastet ned som «arshjul-ammerud-2025-26.zip»`,
    );
    expect(title).toContain('nedlastingsmappe');
    const rows = await byTestId('export-files').locator('tbody th').allTextContents();
    expect(rows.map((r) => r.trim()).sort()).toEqual(expected);
    expect(await byTestId('export-files').textContent()).toContain('Kalender for Rektor');
    // No folder to open in a browser.
    expect(await byTestId('export-open-folder').count()).toBe(0);
    await noSerious('export-result');
    await shootDialog('export-result');
    await byTestId('export-close').click();
  });

  it('writes role cards, a contact sheet and a glossary page a school can publish', async () => {
    const text = async (name: string) => zip.file(name)!.async('string');
    const cardsHtml = await text('rollekort-ammerud.html');
    const glossaryHtml = await text('ordliste-bydel-grorud.html');
    const other = await session.context.newPage();
    try {
      await other.setViewportSize({ width: 1100, height: 900 });
      // The cards: a standalone page with one card per role that works in Ammerud.
      await other.setContent(cardsHtml);
      await addAxe(other);
      expect(await other.locator('h1').count()).toBe(1);
      expect(await other.locator('html').getAttribute('lang')).toBe('nb');
      const cards = other.locator('article');
      expect(await cards.count()).toBeGreaterThan(5);
      expect(await other.textContent('body')).toContain('Nærmiljøskolekoordinator');
      const cardsAxe = await axeSerious(other, 'cards-page');
      expect(cardsAxe, describeViolations(cardsAxe)).toEqual([]);
      await other.screenshot({ path: join(OUTPUT, 'cards-page.png') });
      // The glossary: every term of the model, with a letter index.
      await other.setContent(glossaryHtml);
      await addAxe(other);
      expect(await other.locator('nav a').count()).toBeGreaterThan(5);
      expect(await other.textContent('body')).toContain('SaLTo');
      const glossaryAxe = await axeSerious(other, 'glossary-page');
      expect(glossaryAxe, describeViolations(glossaryAxe)).toEqual([]);
      await other.screenshot({ path: join(OUTPUT, 'glossary-page.png') });
    } finally {
      await other.close();
    }
    // The contact sheet as the parents get it on paper: page 1 of the PDF.
    const pdf = join(tmp, 'kontaktark.pdf');
    writeFileSync(pdf, await zip.file('kontaktark-ammerud.pdf')!.async('uint8array'));
    const png = spawnSync(
      'pdftoppm',
      ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT, 'contact-sheet')],
      { encoding: 'utf8' },
    );
    expect(png.status, png.stderr).toBe(0);
  });
});
