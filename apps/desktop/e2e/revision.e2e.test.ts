/**
 * End-to-end test of the «Revisjon» tab with the Grorud example: the revision year 2025-26 as of
 * 1 March 2026 (counts, filters), «Registrer revisjon» with bad input and then good (the row
 * becomes «Utført», undo and redo), and «Start neste skoleår» (the unsaved-changes question,
 * the new document 2026-27, its change log as a page, a Word file and a print); axe-core on each
 * step. Screenshots: `revision-*.png`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, HAS_CHROMIUM, openReadyApp, OUTPUT, steps, type Session } from './harness.js';

const RULE = 'justering-av-samarbeidet';
const ROW = `${RULE}#0`;

describe.skipIf(!HAS_CHROMIUM)('the revision year', () => {
  let session: Session;
  let page: Page;
  const { byTestId, shot, shotTop, noSerious } = steps(() => page, 'revision-');
  const count = async (state: string) =>
    Number(await byTestId(`rev-count-${state}`).locator('.n').textContent());

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
    await byTestId('tab-revision').click();
    await byTestId('revision-view').waitFor();
  });

  afterAll(() => closeApp(session, 'revision'));

  it('shows what is due in 2025-26 as of 1 March 2026, counted per status', async () => {
    expect(await page.locator('#revision-title').textContent()).toContain('2025-26');
    await byTestId('rev-day').fill('2026-03-01');
    await expect
      .poll(() => byTestId('rev-table').locator('caption').textContent())
      .toMatch(/status per 1\. mars? 2026/);
    const rows = byTestId('rev-table').locator('tbody > tr');
    const total = await rows.count();
    const counts = await Promise.all(['overdue', 'due', 'not-yet-due', 'done'].map(count));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(await count('due')).toBeGreaterThan(0);
    expect(await count('done')).toBe(0);
    // The yearly adjustment at the spring SaLTo meeting: suggested within the spring, by whom.
    const row = byTestId(`rev-row-${ROW}`);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('foreslått dato');
    expect(text).toContain('SaLTo-møtet som arrangeres om våren');
    expect(text).toMatch(/Utarbeider:.*NSK/);
    expect(await byTestId(`rev-state-${ROW}`).textContent()).toBe('Til behandling');
    // Sorted by due date.
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
    expect(ids.every((id) => id?.startsWith('rev-row-'))).toBe(true);
    await shotTop('dashboard', byTestId('revision-view'), 640);
    await noSerious('dashboard');
  });

  it('filters by responsible party and by status', async () => {
    await byTestId('rev-filter-party').selectOption({ label: 'BVK' });
    const rows = byTestId('rev-table').locator('tbody > tr');
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('BVK'))).toBe(true);
    await byTestId('rev-filter-party').selectOption('all');
    await byTestId('rev-count-due').click();
    expect(await byTestId('rev-count-due').getAttribute('aria-pressed')).toBe('true');
    const states = await byTestId('rev-table').locator('tbody .state').allTextContents();
    expect(states.length).toBe(await count('due'));
    expect(new Set(states)).toEqual(new Set(['Til behandling']));
    await byTestId('rev-count-due').click();
    expect(await byTestId('rev-filter-state').inputValue()).toBe('all');
  });

  it('says what is wrong with a record at its field, and keeps what was typed', async () => {
    await byTestId(`record-${ROW}`).click();
    const form = byTestId(`record-form-${ROW}`);
    await form.waitFor();
    // The form opens with the focus on the date.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'record-date',
    );
    await form.getByTestId('record-date').fill('2026-02-30');
    await form.getByTestId('record-version').fill('2026');
    await form.getByTestId('record-save').click();
    expect(await form.getByTestId('record-date-error').textContent()).toContain(
      '2026-02-30 finnes ikke',
    );
    expect(await form.getByTestId('record-summary-error').textContent()).toContain(
      'Skriv kort hva som ble endret',
    );
    expect(await form.getByTestId('record-date').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('record-version').inputValue()).toBe('2026');
    expect(await byTestId(`rev-state-${ROW}`).textContent()).toBe('Til behandling');
    await shot('record-error', byTestId(`record-form-${ROW}`));
    await noSerious('record-error');
  });

  it('records the revision as one undoable step: the row becomes «Utført»', async () => {
    const form = byTestId(`record-form-${ROW}`);
    await form.getByTestId('record-date').fill('26.02.2026');
    await form.getByTestId('record-summary').fill('Samarbeidet justert på SaLTo-møtet om våren');
    // Keyboard: Enter in a text field submits the form.
    await form.getByTestId('record-date').press('Enter');
    await expect.poll(() => byTestId(`rev-state-${ROW}`).textContent()).toBe('Utført');
    expect(await byTestId(`rev-row-${ROW}`).textContent()).toMatch(
      /utført 26\. feb\.? 2026 \(2026\)/,
    );
    expect(await byTestId('rev-message').textContent()).toContain('er registrert');
    expect(await count('done')).toBe(1);
    await shot('recorded', byTestId(`rev-row-${ROW}`));
    // Undo brings the row back; redo makes it done again.
    await page.getByTestId('undo-button').click();
    await expect.poll(() => byTestId(`rev-state-${ROW}`).textContent()).toBe('Til behandling');
    await page.getByTestId('redo-button').click();
    await expect.poll(() => byTestId(`rev-state-${ROW}`).textContent()).toBe('Utført');
  });

  it('«Start neste skoleår» asks first, then opens 2026-27 with its change log', async () => {
    await byTestId('rev-next-year').click();
    const dialog = byTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('grorudmodellen.json');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'confirm-save',
    );
    const box = (await dialog.boundingBox())!;
    await page.screenshot({
      path: join(OUTPUT, 'revision-confirm.png'),
      clip: { x: box.x - 40, y: box.y - 40, width: box.width + 80, height: box.height + 80 },
    });
    await noSerious('confirm');
    // Escape cancels: nothing changes.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await byTestId(`rev-state-${ROW}`).textContent()).toBe('Utført');

    await byTestId('rev-next-year').click();
    await byTestId('confirm-discard').click();
    const log = byTestId('changelog-page');
    await log.waitFor();
    expect(await log.locator('h3').textContent()).toContain('Grorudmodellen 2026-27');
    expect(await byTestId('changelog-changes').textContent()).toContain('2026-27');
    expect(await page.locator('#revision-title').textContent()).toContain('2026-27');
    expect(await byTestId('rev-message').textContent()).toContain('grorudmodellen-2026-27.json');
    // Still «Utført» as of 1 March 2026? No: the view is now 2026-27, where nothing is done yet.
    expect(await count('done')).toBe(0);
    await shot('changelog', log);
    await noSerious('changelog');
  });

  it('downloads the change log as Word and prints only that page', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('changelog-docx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('endringslogg-grorudmodellen-2026-27.docx');
    const path = join(OUTPUT, 'revision-endringslogg.docx');
    await download.saveAs(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Endringslogg for Grorudmodellen 2026-27');

    // The print button prints with the change-log class on the page; paper shows only the log.
    await page.evaluate(() => {
      const w = window as unknown as { printedWith?: boolean };
      window.print = () => {
        w.printedWith = document.body.classList.contains('printing-changelog');
      };
    });
    await byTestId('changelog-print').click();
    expect(await page.evaluate(() => (window as { printedWith?: boolean }).printedWith)).toBe(true);
    expect(await page.evaluate(() => document.body.classList.contains('printing-changelog'))).toBe(
      false,
    );
    await page.evaluate(() => document.body.classList.add('printing-changelog'));
    await page.emulateMedia({ media: 'print' });
    expect(await byTestId('rev-table').isVisible()).toBe(false);
    expect(await byTestId('changelog-docx').isVisible()).toBe(false);
    expect(await byTestId('changelog-changes').isVisible()).toBe(true);
    await shot('print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-changelog'));
    expect(session.pageErrors).toEqual([]);
  });
});
