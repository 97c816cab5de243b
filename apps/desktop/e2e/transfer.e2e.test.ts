/**
 * End-to-end test of the «Overføring» tab on the Grorud example: the wizard adopts Grorud as
 * «Bydel Nordre Lia» step by step (a step with an error will not go on), the new model opens
 * unsaved with the adaptation report, the structure editor shows where T1.2 came from and what
 * was changed locally, «Hent oppdateringer» with Grorud 2026-27 shows the conflict made by that
 * local change side by side and applies nothing until it is decided, «Bruk» is one undoable
 * edit, and the transfer file holds no personal data even when the model names a person.
 * axe-core on every part; screenshots `transfer-*.png` in `e2e/output/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  closeApp,
  GRORUD,
  HAS_CHROMIUM,
  openReadyApp,
  REPO,
  steps,
  type Session,
} from './harness.js';

const GRORUD_NEXT = join(REPO, 'examples', 'grorud', 'grorudmodellen-2026-27.json');

describe.skipIf(!HAS_CHROMIUM)('the transfer tab', () => {
  let session: Session;
  let page: Page;
  const { byTestId, shot: shoot, noSerious: axe } = steps(() => page);

  async function step(name: string): Promise<void> {
    await byTestId('wizard-next').click();
    await byTestId(`wizard-panel-${name}`).waitFor();
  }
  async function pick(trigger: Locator, name: string, text: string): Promise<void> {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger.click()]);
    await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
  });

  afterAll(() => closeApp(session));

  it('starts the wizard with the open Grorud model as the source', async () => {
    await byTestId('tab-transfer').click();
    await byTestId('wizard-panel-source').waitFor();
    const summary = (await byTestId('source-summary').textContent()) ?? '';
    expect(summary).toContain('Grorudmodellen');
    expect(summary).toContain('Bydel Grorud');
    await axe('transfer-source');
  });

  it('will not go on from a step with an error, and shows it at the field', async () => {
    await step('district');
    // The starter's example values are flagged as warnings at their fields.
    expect(await byTestId('step-issues').textContent()).toContain('eksempelverdien');
    await byTestId('tr-district-name').fill('');
    await byTestId('wizard-next').click();
    await byTestId('wizard-blocked').waitFor();
    expect(await byTestId('wizard-panel-district').count()).toBe(1);
    expect(await byTestId('wizard-step-district').textContent()).toContain('1 feil');
  });

  it('fills in the district, the schools, roles, terms and structures', async () => {
    await byTestId('tr-model-name').fill('Nordre Lia-modellen');
    await byTestId('tr-model-id').fill('nordre-lia-modellen');
    await byTestId('tr-district-name').fill('Bydel Nordre Lia');
    await byTestId('tr-district-id').fill('bydel-nordre-lia');
    await byTestId('tr-owner-name').fill('Barneverntjenesten');
    await byTestId('tr-owner-id').fill('barneverntjenesten');
    await byTestId('tr-adopted-on').fill('2025-06-10');
    expect(await byTestId('step-issues').count()).toBe(0);
    await shoot('transfer-wizard-district', byTestId('wizard'));
    await axe('transfer-district');

    await step('areas');
    expect(await byTestId('tr-areas-none').isChecked()).toBe(true);

    await step('schools');
    await byTestId('tr-school-name-0').fill('Lia skole');
    await byTestId('tr-school-id-0').fill('lia');
    await byTestId('tr-school-add').click();
    await byTestId('tr-school-name-1').fill('Nordre Lia ungdomsskole');
    await byTestId('tr-school-id-1').fill('nordre-lia-us');
    await byTestId('tr-school-stage-1').selectOption('ungdomsskole');
    expect(await byTestId('step-issues').count()).toBe(0);

    await step('roles');
    await byTestId('tr-role-nsk').selectOption('own');
    await byTestId('tr-role-title-nsk').fill('Oppvekstkoordinator');
    await byTestId('tr-role-title-nsk').press('Tab');
    await byTestId('tr-role-salto-koordinator').selectOption('drop');
    expect(await byTestId('tr-role-nsk').inputValue()).toBe('own');
    await shoot('transfer-wizard-roles', byTestId('wizard'));
    await axe('transfer-roles');

    await step('terms');
    await byTestId('tr-term-suggest-SaLTo').click();
    await byTestId('tr-term-to-0').fill('Samordning');

    await step('structures');
    const before = (await byTestId('tr-structures-count').textContent()) ?? '';
    await byTestId('tr-structure-T1.3').uncheck();
    await expect.poll(() => byTestId('tr-structures-count').textContent()).not.toBe(before);
    await byTestId('tr-structure-T4.1').check();
    await byTestId('tr-structure-T4.1-lia').waitFor();
    expect(await byTestId('tr-structure-T4.1-lia').isChecked()).toBe(true);
    await shoot('transfer-wizard-structures', byTestId('wizard'));
    await axe('transfer-structures');

    await step('calendar');
    expect(await byTestId('tr-calendar-kommune').inputValue()).toBe('oslo');
    await step('finish');
    await byTestId('finish-ok').waitFor();
  });

  it('saves the mapping as a file that can be opened again', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('mapping-save').click(),
    ]);
    expect(download.suggestedFilename()).toBe('nordre-lia-modellen-kartlegging.json');
    const mapping = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      district: { name: string };
      roles: Record<string, string | null>;
      structures: { exclude: string[] };
      terms: Record<string, string>;
    };
    expect(mapping.district.name).toBe('Bydel Nordre Lia');
    expect(mapping.roles['nsk']).toBe('oppvekstkoordinator');
    expect(mapping.roles['salto-koordinator']).toBeNull();
    expect(mapping.structures.exclude).toContain('T1.3');
    expect(mapping.terms).toEqual({ SaLTo: 'Samordning' });
  });

  it('makes the model: a new unsaved document, and the adaptation report', async () => {
    await byTestId('wizard-make').click();
    await byTestId('adoption-report').waitFor();
    expect(await byTestId('report-toDecide').textContent()).toContain('Må avgjøres');
    await shoot('transfer-wizard-finish', byTestId('wizard'));
    await axe('transfer-finish');
    await expect
      .poll(() => page.locator('[data-testid^="structure-T"]').count())
      .toBeGreaterThan(10);
    expect(await page.locator('[data-testid="structure-T1.3"]').count()).toBe(0);
  });

  it('shows where T1.2 came from, and the local change after an edit', async () => {
    await byTestId('structure-T1.2').click();
    await byTestId('provenance').waitFor();
    expect(await byTestId('provenance').textContent()).toContain('Fra Grorudmodellen, T1.2');
    await byTestId('description-input').fill('Vår egen beskrivelse av samordningsmøtet.');
    await expect.poll(() => byTestId('provenance-changes').textContent()).toContain('beskrivelse');
    await shoot('transfer-provenance', byTestId('structure-editor'));
  });

  it('«Hent oppdateringer»: decides the conflict and applies it as one undoable edit', async () => {
    await byTestId('tr-section-origin').click();
    expect(await byTestId('origin-summary').textContent()).toContain('Grorudmodellen');
    expect(
      await page.locator('[data-testid="origin-items"] tr[data-item="T1.2"]').textContent(),
    ).toContain('beskrivelse');
    await pick(
      byTestId('update-pick'),
      'grorudmodellen-2026-27.json',
      readFileSync(GRORUD_NEXT, 'utf8'),
    );
    await byTestId('update-result').waitFor();
    const conflict = byTestId('conflict-0');
    expect(await conflict.locator('legend').textContent()).toContain('T1.2');
    expect(await conflict.getByTestId('conflict-ours').textContent()).toBe(
      'Vår egen beskrivelse av samordningsmøtet.',
    );
    const theirs = (await conflict.getByTestId('conflict-theirs').textContent()) ?? '';
    expect(theirs.length).toBeGreaterThan(10);
    // Nothing applies until every conflict is decided.
    expect(await byTestId('update-apply').isDisabled()).toBe(true);
    await shoot(
      'transfer-update-conflict',
      page.locator('section[aria-labelledby="tr-update-title"]'),
    );
    await axe('transfer-update');
    await byTestId('conflict-0-theirs').check();
    expect(await byTestId('update-apply').isDisabled()).toBe(false);
    await byTestId('update-apply').click();
    await byTestId('update-done').waitFor();
    expect(await byTestId('origin-summary').textContent()).toContain('2026-27');
    await byTestId('structure-T1.2').click();
    await expect.poll(() => byTestId('description-input').inputValue()).toBe(theirs);
    // One undo brings the local description back.
    await byTestId('undo-button').click();
    await expect
      .poll(() => byTestId('description-input').inputValue())
      .toBe('Vår egen beskrivelse av samordningsmøtet.');
    await byTestId('redo-button').click();
  });

  it('exports a transfer file without personal data, even when a role names a person', async () => {
    const model = JSON.parse(readFileSync(GRORUD, 'utf8')) as {
      roles: { id: string; assignments?: unknown[] }[];
    };
    const nsk = model.roles.find((r) => r.id === 'nsk')!;
    nsk.assignments = [
      ...(nsk.assignments ?? []),
      {
        person: {
          name: 'Kari Nordmann',
          email: 'kari.nordmann@example.no',
          phone: '+47 912 34 567',
        },
        from: '2025-08-01',
      },
    ];
    await pick(byTestId('open-button'), 'med-person.json', JSON.stringify(model, null, 2));
    await expect.poll(() => byTestId('status').textContent()).toContain('Åpnet');
    await byTestId('tab-transfer').click();
    await byTestId('tr-section-export').click();
    expect(await byTestId('export-found').textContent()).toMatch(/personopplysninger på \d+/);
    await axe('transfer-export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('export-transfer').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).not.toContain('Kari Nordmann');
    expect(text).not.toContain('kari.nordmann@example.no');
    expect(text).not.toContain('912 34 567');
    expect(JSON.parse(text).roles.length).toBe(model.roles.length);
    await byTestId('export-done').waitFor();
    await shoot('transfer-export', byTestId('transfer-export'));
    expect(session.pageErrors).toEqual([]);
  });
});
