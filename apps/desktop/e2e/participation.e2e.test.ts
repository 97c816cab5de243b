/**
 * End-to-end tests of the participation matrix (Modell → Deltakelse) and the structure editor:
 * a school toggled out of a structure loses its items in the årshjul and undo brings them back; a
 * school's own rhythm shows its meaning as it is typed; the structure editor's level, focus and
 * responsible edits keep the model clean and an emptied name shows its error at the field; no
 * serious axe-core violations. Screenshots: `model-participation.png`, `structure-editor.png`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, HAS_CHROMIUM, openReadyApp, OUTPUT, steps, type Session } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)('the participation matrix and the structure editor', () => {
  let session: Session;
  let page: Page;
  let rodtvetBefore: string[] = [];

  const { byTestId, noSerious } = steps(() => page);
  const itemIds = (): Promise<string[]> =>
    page.$$eval('[data-testid="wheel-item"]', (els) =>
      els.map((e) => e.getAttribute('data-item') ?? '').sort(),
    );
  const t41Items = (ids: string[]) => ids.filter((id) => id.includes('T4.1'));

  async function openParticipation(): Promise<void> {
    await byTestId('tab-model').click();
    await byTestId('section-tab-participation').click();
    await byTestId('participation-matrix').waitFor();
  }
  async function openWheelFor(school: string): Promise<void> {
    await byTestId('tab-arshjul').click();
    await byTestId('wheel').waitFor();
    await byTestId('filter-school').selectOption(school);
  }

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
  });

  afterAll(() => closeApp(session));

  it('shows Rødtvet’s T4.1 meetings in the årshjul to begin with', async () => {
    await openWheelFor('rodtvet');
    await expect.poll(async () => t41Items(await itemIds()).length).toBeGreaterThan(0);
    rodtvetBefore = await itemIds();
  });

  it('shows the matrix for Ammerud: structures grouped by level, the area’s schools', async () => {
    await openParticipation();
    expect(await byTestId('participation-area').inputValue()).toBe('omrade-ammerud');
    const headers = await page.$$eval('table.matrix thead th', (els) =>
      els.map((e) => e.textContent?.trim() ?? ''),
    );
    expect(headers).toEqual([
      'Struktur',
      'Ammerud barneskole',
      'Rødtvet barneskole',
      'Apalløkka ungdomsskole',
      'Bydel',
      'Gjelder',
    ]);
    expect(await page.locator('table.matrix tbody tr.row').count()).toBe(37);
    const groups = await page.$$eval('table.matrix tr.group th', (els) =>
      els.map((e) => e.textContent?.trim() ?? ''),
    );
    expect(groups[0]).toBe('Strategisk nivå');
    expect(groups).toContain('Operativt nivå – Samhandling');
    const cell = page.getByRole('checkbox', { name: 'Rødtvet barneskole deltar i T4.1' });
    expect(await cell.isChecked()).toBe(true);
    expect(await byTestId('cell-T5.2-rodtvet').isChecked()).toBe(false);
    await byTestId('participation-area').selectOption('all');
    await expect.poll(() => page.locator('table.matrix thead th.school').count()).toBe(8);
    await page.screenshot({ path: join(OUTPUT, 'model-participation-all.png') });
    await byTestId('participation-area').selectOption('omrade-ammerud');
    await expect.poll(() => page.locator('table.matrix thead th.school').count()).toBe(3);
    const t41 = byTestId('matrix-row-T4.1');
    expect(await t41.textContent()).toContain('Nordtvet, Grorud, Ammerud, Apalløkka og Rødtvet');
  });

  it('keeps the header row and the first column in place when the table scrolls', async () => {
    const scroller = byTestId('participation-scroller');
    const box = (await scroller.boundingBox())!;
    await scroller.evaluate((el) => {
      el.scrollTop = 600;
      el.scrollLeft = 200;
    });
    const corner = (await page.locator('table.matrix th.corner').boundingBox())!;
    // The corner cell sits at the scroller's top left (inside its 1px border).
    expect(Math.abs(corner.y - box.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(corner.x - box.x)).toBeLessThanOrEqual(2);
    const rowHeader = (await byTestId('matrix-row-T4.1').locator('th').boundingBox())!;
    expect(Math.abs(rowHeader.x - box.x)).toBeLessThanOrEqual(2);
    await scroller.evaluate((el) => {
      el.scrollTop = 0;
      el.scrollLeft = 0;
    });
  });

  it('toggles Rødtvet out of T4.1: its T4.1 items leave the årshjul, undo brings them back', async () => {
    await byTestId('cell-T4.1-rodtvet').click();
    await expect.poll(() => byTestId('cell-T4.1-rodtvet').isChecked()).toBe(false);
    expect(await byTestId('matrix-row-T4.1').locator('td.exception-out').count()).toBe(1);
    expect(await byTestId('matrix-row-T4.1').textContent()).toContain('tatt ut');

    await openWheelFor('rodtvet');
    await expect.poll(async () => t41Items(await itemIds())).toEqual([]);
    expect(await itemIds()).not.toEqual(rodtvetBefore);

    await byTestId('undo-button').click();
    await expect.poll(itemIds).toEqual(rodtvetBefore);
    await openParticipation();
    expect(await byTestId('cell-T4.1-rodtvet').isChecked()).toBe(true);
    expect(await byTestId('matrix-row-T4.1').locator('td.exception-out').count()).toBe(0);
  });

  it('gives Ammerud its own rhythm for T4.1 and shows what it means as it is typed', async () => {
    await byTestId('variation-T4.1-ammerud').click();
    await byTestId('variation-editor').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await byTestId('variation-add').click();
    const input = byTestId('variation-cadence-input');
    await input.fill('Hver blåe uke');
    await byTestId('variation-cadence-error').waitFor();
    await input.fill('Hver andre uke');
    await expect
      .poll(() => byTestId('variation-cadence-meaning').textContent())
      .toMatch(/Forstått som:.*(andre|2\.) uke/i);
    await byTestId('variation-local-name').fill('Nærmiljøteamet på Ammerud');
    await expect.poll(() => byTestId('variation-T4.1-ammerud').textContent()).toContain('Egen');
    expect(await page.locator('[data-testid="file-errors"]').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'model-participation.png') });
  });

  it('has no serious axe violations on the participation matrix', async () => {
    await noSerious('participation');
    await byTestId('variation-close').click();
    await expect.poll(() => byTestId('variation-editor').count()).toBe(0);
  });

  it('edits T4.1’s level, focus and responsible in the structure editor, staying valid', async () => {
    await byTestId('structure-T4.1').click();
    await byTestId('structure-editor').waitFor();
    const editor = byTestId('structure-editor');
    const errors = () => editor.locator('[data-testid="field-issues"] li.error').count();

    await byTestId('responsible-list-select').selectOption('bvk');
    await byTestId('responsible-list-add').click();
    await expect
      .poll(() => byTestId('responsible-list').locator('li[data-party="bvk"]').count())
      .toBe(1);
    expect(await errors()).toBe(0);

    await byTestId('kind-select').selectOption('measure');
    await byTestId('level-select').selectOption('organisatorisk');
    // A focus on a structure that is not operative is flagged at the focus field …
    await expect
      .poll(() => editor.locator('[data-testid="field-issues"] li.warning').count())
      .toBeGreaterThan(0);
    // … and choosing no focus clears it.
    await byTestId('focus-select').selectOption('');
    await expect.poll(() => editor.locator('[data-testid="field-issues"] li').count()).toBe(0);
    expect(await page.locator('[data-testid="file-errors"]').count()).toBe(0);
    // The structure moved to the organisational group of the list.
    expect(
      await page
        .locator('.structure-panel section', { hasText: 'Organisatorisk nivå' })
        .textContent(),
    ).toContain('Nærmiljøteam på hver skole');
  });

  it('shows the error at the name field when the name is emptied', async () => {
    await byTestId('name-input').fill('');
    const issues = page.locator('#structure-name-issues');
    await issues.waitFor();
    expect(await issues.locator('li.error').count()).toBeGreaterThan(0);
    expect(await byTestId('name-input').getAttribute('aria-invalid')).toBe('true');
    await byTestId('file-errors').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'structure-editor.png') });
    await byTestId('scope-editor').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'structure-editor-scope.png') });
    await noSerious('structure-editor');
    await byTestId('name-input').fill('Nærmiljøteam på hver skole');
    await expect.poll(() => page.locator('[data-testid="file-errors"]').count()).toBe(0);
  });

  it('marks a structure discontinued from a status entry, in the matrix too', async () => {
    await byTestId('structure-T6.8').click();
    await byTestId('status-add').click();
    await byTestId('status-1-status').selectOption('discontinued');
    const status = byTestId('matrix-status-T6.8');
    await expect.poll(() => status.count()).toBe(1);
    expect(await status.textContent()).toMatch(/Avviklet fra \d{4}-\d{2}-\d{2}/);
    expect(await byTestId('matrix-row-T6.8').getAttribute('data-status')).toBe('discontinued');
    await byTestId('undo-button').click();
    await byTestId('undo-button').click();
    await expect.poll(() => status.count()).toBe(0);
    await expect.poll(() => byTestId('status-row-1').count()).toBe(0);
  });

  it('reads T1.1’s notes and adds an inconsistency with the reading not chosen, undone again', async () => {
    await byTestId('structure-T1.1').click();
    const notes = byTestId('structure-notes');
    await notes.scrollIntoViewIfNeeded();
    // The Grorud model explains why «En gang i året» is read as a spring meeting.
    expect(await byTestId('structure-notes-0-kind').inputValue()).toBe('interpretation');
    expect(await byTestId('structure-notes-0-text').inputValue()).toContain('En gang i året');
    expect(await byTestId('structure-notes-0-source').inputValue()).toBe(
      'Vedlegg 3, Tabell 1, rad 1',
    );
    const n = await notes.locator('.note-row').count();
    await byTestId('structure-notes-add').click();
    // The new note's text is chosen, ready to be written over.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`structure-notes-${n}-text`);
    await page.keyboard.type('Møtet holdes om våren');
    await byTestId(`structure-notes-${n}-kind`).selectOption('inconsistency');
    // An inconsistency has the reading not chosen, and its text is the reading chosen.
    await byTestId(`structure-notes-${n}-alternative`).fill('Møtet holdes om høsten');
    await byTestId(`structure-notes-${n}-source`).fill('Vedlegg 3; sluttrapport');
    const labels = await notes
      .locator(`[data-testid="structure-notes-${n}"] label`)
      .allTextContents();
    expect(labels.some((l) => l.startsWith('Lesningen som er valgt'))).toBe(true);
    expect(await page.locator('[data-testid="file-errors"]').count()).toBe(0);
    await notes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'structure-notes.png') });
    await noSerious('structure-notes');
    // The plan lists the inconsistency under «Merknader», as the exports do.
    await byTestId('tab-plan').click();
    const merknader = page.locator('#plan-merknader ~ ul').last();
    await expect
      .poll(async () => (await merknader.textContent()) ?? '')
      .toContain(
        'T1.1: Møtet holdes om våren Alternativ: Møtet holdes om høsten (Kilde: Vedlegg 3; sluttrapport)',
      );
    await byTestId('tab-arshjul').click();
    // An emptied text is an error at the field; the note stays.
    await byTestId(`structure-notes-${n}-text`).fill('');
    await expect
      .poll(() =>
        byTestId(`structure-notes-${n}`).locator('[data-testid="field-issues"] li.error').count(),
      )
      .toBeGreaterThan(0);
    await byTestId(`structure-notes-${n}-text`).fill('Møtet holdes om våren');
    await expect.poll(() => page.locator('[data-testid="file-errors"]').count()).toBe(0);
    // Removed (a note breaks nothing, so without asking), then back with undo.
    await byTestId(`structure-notes-${n}-remove`).click();
    await expect.poll(() => notes.locator('.note-row').count()).toBe(n);
    await byTestId('undo-button').click();
    await expect.poll(() => notes.locator('.note-row').count()).toBe(n + 1);
    expect(await byTestId(`structure-notes-${n}-alternative`).inputValue()).toBe(
      'Møtet holdes om høsten',
    );
  });

  it('adds a new structure T6.9 … at the open structure’s table and removes it again', async () => {
    await byTestId('structure-T6.3').click();
    await byTestId('structure-new').click();
    await expect.poll(() => page.locator('#editor-title').textContent()).toContain('T6.9');
    expect(await byTestId('name-input').inputValue()).toBe('Ny struktur');
    await expect.poll(() => byTestId('structure-T6.9').count()).toBe(1);
    await byTestId('structure-remove').click();
    await expect.poll(() => byTestId('structure-T6.9').count()).toBe(0);
    expect(await byTestId('structure-editor').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
