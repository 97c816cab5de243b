/**
 * End-to-end tests of the school calendar editor (tab «Skolerute») on the Grorud example: the
 * bundled Oslo year and where it comes from; høstferie 2025 moved a week later is copied into the
 * model, shows in the month grid and on the årshjul (its break band), and undo brings it back; a
 * break that ends before it starts gets a message at the field; the .ics fixture is imported
 * through a preview; a broken file names itself and the problem. axe-core on the tab;
 * screenshots `calendar-*.png` in `e2e/output/`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  APP,
  closeApp,
  HAS_CHROMIUM,
  openReadyApp,
  OUTPUT,
  steps,
  type Session,
} from './harness.js';

const ICS = join(APP, 'e2e', 'fixtures', 'skolerute-oslo-2025-26.ics');
const OLD_AUTUMN = 'ferie:høstferie@2025-09-29';
const NEW_AUTUMN = 'ferie:høstferie@2025-10-06';

describe.skipIf(!HAS_CHROMIUM)('the school calendar editor', () => {
  let session: Session;
  let page: Page;
  const { byTestId, noSerious } = steps(() => page);
  const wheelItem = (id: string): Locator => page.locator(`[data-item="${id}"]`);
  const day = (date: string): Locator =>
    page.locator(`[data-testid="cal-months"] td[data-date="${date}"]`);

  async function toCalendar(): Promise<void> {
    await byTestId('tab-calendar').click();
    await byTestId('calendar-view').waitFor();
  }
  async function toWheel(): Promise<void> {
    await byTestId('tab-arshjul').click();
    await byTestId('wheel').waitFor();
  }
  /** The row index of a break in the table. */
  async function breakRow(kind: string): Promise<number> {
    const rows = page.locator('[data-testid="cal-breaks"] tbody tr');
    const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-break')));
    return kinds.indexOf(kind);
  }
  /** A screenshot of one region (the part the user guide shows), in a viewport tall enough for it. */
  async function shoot(name: string, target: Locator): Promise<void> {
    const box = await target.boundingBox();
    const tall = box ? Math.min(Math.ceil(box.y + box.height + 200), 6000) : 1000;
    if (tall > 1000) await page.setViewportSize({ width: 1440, height: tall });
    await target.screenshot({ path: join(OUTPUT, `${name}.png`) });
    if (tall > 1000) await page.setViewportSize({ width: 1440, height: 1000 });
  }
  async function importFile(path: string): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await byTestId('cal-import').click();
    await (await chooser).setFiles(path);
  }

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
  });

  afterAll(() => closeApp(session));

  it('shows the bundled Oslo year 2025-26, where it comes from, and its days', async () => {
    expect(await wheelItem(OLD_AUTUMN).count()).toBe(1);
    await toCalendar();
    expect(await byTestId('cal-kommune').inputValue()).toBe('oslo');
    expect(await byTestId('cal-year').inputValue()).toBe('2025-26');
    expect(await byTestId('cal-status').textContent()).toContain('Beregnet');
    expect(await byTestId('cal-stored').textContent()).toContain('Standard');
    expect(await byTestId('cal-first').inputValue()).toBe('2025-08-18');
    expect(Number(await byTestId('cal-school-days').textContent())).toBeGreaterThan(180);
    const i = await breakRow('høstferie');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(await byTestId(`break-from-${i}`).inputValue()).toBe('2025-09-29');
    expect(await byTestId(`break-length-${i}`).textContent()).toContain('5 hverdager');
    expect(await byTestId('cal-holidays').textContent()).toContain('1. juledag');
    expect(await day('2025-09-29').getAttribute('data-mark')).toBe('break');
    expect(await day('2025-12-25').getAttribute('data-mark')).toBe('holiday');
    expect(await day('2025-10-06').getAttribute('data-mark')).toBe('school');
    expect(await day('2025-10-06').textContent()).toContain('skoledag');
    // The top of the tab down to the days off (the months have a picture of their own).
    await page.setViewportSize({ width: 1440, height: 3000 });
    const top = await byTestId('calendar-view').boundingBox();
    const end = await byTestId('cal-days-off').boundingBox();
    expect(top && end).toBeTruthy();
    await page.screenshot({
      path: join(OUTPUT, 'calendar-overview.png'),
      clip: { x: top!.x, y: top!.y, width: top!.width, height: end!.y + end!.height - top!.y + 8 },
    });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await shoot('calendar-months', byTestId('cal-months'));
    await noSerious('calendar');
  });

  it('moves høstferie 2025 a week later: copied into the model, seen in the grid and on the årshjul', async () => {
    const i = await breakRow('høstferie');
    await byTestId(`break-later-${i}`).click();
    expect(await byTestId(`break-from-${i}`).inputValue()).toBe('2025-10-06');
    expect(await byTestId(`break-to-${i}`).inputValue()).toBe('2025-10-10');
    expect(await byTestId('cal-status').textContent()).toContain('Endret i Årshjulet');
    expect(await byTestId('cal-stored').textContent()).toContain('Lagret i denne modellen');
    expect(await byTestId('cal-own-years').textContent()).toContain('2025-26');
    expect(await day('2025-10-06').getAttribute('data-mark')).toBe('break');
    expect(await day('2025-09-29').getAttribute('data-mark')).toBe('school');
    await byTestId('cal-reset').waitFor();
    await shoot('calendar-edited', byTestId('cal-breaks'));
    await toWheel();
    await wheelItem(NEW_AUTUMN).waitFor({ state: 'attached' });
    expect(await wheelItem(OLD_AUTUMN).count()).toBe(0);
  });

  it('undo brings the bundled høstferie back on the årshjul and in the editor', async () => {
    await byTestId('undo-button').click();
    await wheelItem(OLD_AUTUMN).waitFor({ state: 'attached' });
    expect(await wheelItem(NEW_AUTUMN).count()).toBe(0);
    await toCalendar();
    const i = await breakRow('høstferie');
    expect(await byTestId(`break-from-${i}`).inputValue()).toBe('2025-09-29');
    expect(await byTestId('cal-stored').textContent()).toContain('Standard');
  });

  it('says at the field when a break ends before it starts, and keeps what was typed', async () => {
    const i = await breakRow('vinterferie');
    const from = await byTestId(`break-from-${i}`).inputValue();
    await byTestId(`break-to-${i}`).fill('2026-02-01');
    await byTestId(`break-to-${i}`).dispatchEvent('change');
    const cell = page.locator('[data-testid="cal-breaks"] tbody tr').nth(i);
    const issues = cell.getByTestId('field-issues');
    await issues.first().waitFor();
    expect(await issues.first().textContent()).toContain(
      `slutter (2026-02-01) før den starter (${from})`,
    );
    expect(await byTestId(`break-to-${i}`).getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId(`break-to-${i}`).inputValue()).toBe('2026-02-01');
    await shoot('calendar-error', byTestId('cal-breaks'));
    await byTestId('undo-button').click();
    expect(await cell.getByTestId('field-issues').count()).toBe(0);
    expect(await byTestId('cal-stored').textContent()).toContain('Standard');
  });

  it('imports the .ics skoleruta through a preview, and «Bruk» stores it in the model', async () => {
    await importFile(ICS);
    const preview = byTestId('cal-import-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('skolerute-oslo-2025-26.ics');
    expect(text).toContain('erstatter standardruta');
    expect(text).toContain('2025-10-06 – 2025-10-10');
    expect(await byTestId('cal-import-warnings').textContent()).toContain('Foreldremøte');
    await shoot('calendar-import', preview);
    await noSerious('calendar-import');
    await byTestId('cal-import-apply').click();
    await byTestId('cal-import-done').waitFor();
    expect(await byTestId('cal-status').textContent()).toContain('Importert');
    expect(await byTestId('cal-source').textContent()).toContain('skolerute-oslo-2025-26.ics');
    expect(await day('2026-02-23').getAttribute('data-mark')).toBe('break');
    expect(await day('2025-11-14').getAttribute('data-mark')).toBe('dayOff');
    await toWheel();
    await wheelItem(NEW_AUTUMN).waitFor({ state: 'attached' });
    await toCalendar();
  });

  it('names the file and the problem when a file cannot be imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshjul-cal-'));
    const broken = join(dir, 'ødelagt-rute.json');
    writeFileSync(broken, '{ "schemaVersion": 1, "years": [');
    await importFile(broken);
    const error = byTestId('cal-import-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Kunne ikke importere «ødelagt-rute.json»');
    expect(text).toContain('gyldig JSON');
    expect(await byTestId('cal-import-preview').count()).toBe(0);
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
