/**
 * End-to-end tests of the organisation and roles editors (tab «Modell») on the Grorud example:
 * an area renamed shows in the årshjul's area picker; a membership end date takes a school out
 * of the wheel's school filter from the next school year and marks it as left; a new school with
 * its name emptied shows the error at the field; undo brings everything back; a role's title,
 * a new assignment with a person, and a removal that asks first. axe-core on both sections;
 * screenshots `model-organisation.png` and `model-roles.png` in `e2e/output/`.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, HAS_CHROMIUM, openReadyApp, OUTPUT, steps, type Session } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)('the organisation and roles editors', () => {
  let session: Session;
  let page: Page;
  const { byTestId, noSerious } = steps(() => page);

  const optionValues = (testId: string): Promise<string[]> =>
    page.$$eval(`[data-testid="${testId}"] option`, (els) =>
      els.map((e) => (e as HTMLOptionElement).value),
    );
  const optionTexts = (testId: string): Promise<string[]> =>
    page.$$eval(`[data-testid="${testId}"] option`, (els) =>
      els.map((e) => (e.textContent ?? '').trim()),
    );

  async function toModel(section: 'organisation' | 'roles'): Promise<void> {
    await byTestId('tab-model').click();
    await byTestId(`section-tab-${section}`).click();
    await byTestId(`section-${section}`).waitFor();
  }
  async function toWheel(): Promise<void> {
    await byTestId('tab-arshjul').click();
    await byTestId('area-select').waitFor();
  }
  /** A screenshot of the whole section: a tall viewport for it, then back. */
  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
    const height = await page.evaluate(() => {
      const main = document.getElementById('main');
      return main ? main.scrollHeight + 80 : 1000;
    });
    await page.setViewportSize({ width: 1440, height: Math.min(height, 6000) });
    await page.screenshot({ path: join(OUTPUT, `${name}-full.png`) });
    await page.setViewportSize({ width: 1440, height: 1000 });
  }

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
  });

  afterAll(() => closeApp(session));

  it('shows the district, areas, schools (Bjøråsen has left) and units', async () => {
    await toModel('organisation');
    expect(await byTestId('district-name').inputValue()).toBe('Bydel Grorud');
    expect(await byTestId('district-kommune').inputValue()).toBe('oslo');
    expect(await byTestId('area-name-2').inputValue()).toBe('Romsås');
    expect(await byTestId('area-members-2').textContent()).toContain('Tiurleiken');
    const summary = (await byTestId('schools-summary').textContent()) ?? '';
    expect(summary).toMatch(/8 skoler deltar/);
    expect(summary).toContain('Har gått ut: Bjøråsen');
    expect(await byTestId('school-status-8').textContent()).toContain('Gått ut 31.5.2021');
    expect(await byTestId('school-status-7').textContent()).toContain('Deltar (Romsås)');
    expect(await byTestId('school-stage-8').inputValue()).toBe('ungdomsskole');
    expect(await byTestId('membership-to-8-0').inputValue()).toBe('2021-05-31');
    expect(await page.locator('[data-testid^="unit-name-"]').count()).toBeGreaterThan(10);
    // The other names the sources use, which a transfer to another district replaces too.
    expect(await byTestId('school-aliases-0').inputValue()).toBe(
      'Ammerud skole, Ammerudskole, Ammerud',
    );
    expect(await byTestId('area-aliases-0').inputValue()).toBe(
      'Ammerud skoleområde, Ammerud skoledistrikt, Ammerud delbydel',
    );
    expect(await byTestId('unit-aliases-0').inputValue()).toBe(
      'avdeling Oppvekst, oppvekstavdelingen, Bydelens oppvekstavdeling',
    );
    // A school's notes, folded under its name and their count.
    const notes = byTestId('school-notes-8-box');
    expect(await notes.locator('summary').textContent()).toMatch(/^Merknader: Bjøråsen.*\(2\)$/);
    await notes.locator('summary').click();
    expect(await byTestId('school-notes-8-0-text').inputValue()).toMatch(/^Navnet er skrevet/);
    await notes.locator('summary').click();
    // A unit's, none in Grorud.
    expect(await byTestId('unit-notes-0-box').locator('summary').textContent()).toBe(
      'Merknader (0)',
    );
  });

  it('shows the model’s name and notes; its inconsistencies reach the plan’s «Merknader»', async () => {
    expect(await byTestId('model-name').inputValue()).toBe('Grorudmodellen');
    // Folded away under a line that counts them, so that the district and areas come first.
    const box = byTestId('model-notes-box');
    expect(await box.locator('summary').textContent()).toBe('Merknader om modellen som helhet (7)');
    expect(await byTestId('model-notes').isVisible()).toBe(false);
    await box.locator('summary').click();
    const notes = page.locator('[data-testid="model-notes"] .note-row');
    expect(await notes.count()).toBe(7);
    expect(await byTestId('model-notes-0-kind').inputValue()).toBe('inconsistency');
    const first = await byTestId('model-notes-0-text').inputValue();
    expect(first).toMatch(/^Ungdomskonferansen er ikke en av strukturene/);
    await byTestId('tab-plan').click();
    await byTestId('plan-table').first().waitFor();
    await expect
      .poll(async () => (await page.locator('#panel-plan').textContent()) ?? '')
      .toContain(`Grorudmodellen: ${first}`);
    await toModel('organisation');
    await box.locator('summary').click();
  });

  it('shows the district’s and the organisation’s notes; the kindergartens reach the plan', async () => {
    expect(await byTestId('district-notes-box').locator('summary').textContent()).toBe(
      'Merknader om bydelen (0)',
    );
    const box = byTestId('organisation-notes-box');
    expect(await box.locator('summary').textContent()).toBe('Merknader om organisasjonen (5)');
    await box.locator('summary').click();
    expect(await page.locator('[data-testid="organisation-notes"] .note-row').count()).toBe(5);
    expect(await byTestId('organisation-notes-0-kind').inputValue()).toBe('inconsistency');
    const first = await byTestId('organisation-notes-0-text').inputValue();
    expect(first).toContain('18 barnehager');
    await byTestId('tab-plan').click();
    await byTestId('plan-table').first().waitFor();
    await expect
      .poll(async () => (await page.locator('#panel-plan').textContent()) ?? '')
      .toContain(`Bydel Grorud: ${first}`);
    await toModel('organisation');
  });

  it('gives a school another name the sources use, and undo takes it back', async () => {
    const aliases = byTestId('school-aliases-0');
    await aliases.fill('Ammerud skole, Ammerudskole, Ammerud, Ammerud b.s.');
    await expect.poll(() => byTestId('status').textContent()).toContain('Endret');
    expect(await byTestId('file-errors').count()).toBe(0);
    await byTestId('undo-button').click();
    await expect.poll(() => aliases.inputValue()).toBe('Ammerud skole, Ammerudskole, Ammerud');
  });

  it('renames an area: the årshjul’s area picker shows the new name', async () => {
    await byTestId('area-name-2').fill('Romsås og Kalbakken');
    await toWheel();
    expect(await optionTexts('area-select')).toContain('Romsås og Kalbakken');
    expect(await optionTexts('area-select')).not.toContain('Romsås');
  });

  it('ends Tiurleiken’s membership: gone from the school filter the next school year', async () => {
    await toModel('organisation');
    const row = page.locator('tbody[data-school="tiurleiken"]');
    await row.getByTestId('membership-to-7-0').fill('2026-06-19');
    const status = (await byTestId('school-status-7').textContent()) ?? '';
    const today = new Date().toISOString().slice(0, 10);
    expect(status).toContain(today > '2026-06-19' ? 'Gått ut 19.6.2026' : 'til 19.6.2026');

    await toWheel();
    await byTestId('area-select').selectOption('omrade-romsas');
    await byTestId('year-select').selectOption('2025-26');
    await expect.poll(() => optionValues('filter-school')).toContain('tiurleiken');
    await byTestId('year-select').selectOption('2026-27');
    await expect.poll(() => optionValues('filter-school')).not.toContain('tiurleiken');
    expect(await optionValues('filter-school')).toContain('svarttjern');
    await byTestId('year-select').selectOption('2025-26');
  });

  it('adds a school; emptying its name shows the error at the field', async () => {
    await toModel('organisation');
    await byTestId('school-add-name').fill('Kalbakken skole');
    await byTestId('school-add-stage').selectOption('kombinert');
    await byTestId('school-add').click();
    const row = page.locator('tbody[data-school="kalbakken-skole"]');
    await row.waitFor();
    expect(await byTestId('school-name-9').inputValue()).toBe('Kalbakken skole');
    expect(await byTestId('school-grades-from-9').inputValue()).toBe('1');
    expect(await byTestId('school-grades-to-9').inputValue()).toBe('10');
    expect(await byTestId('membership-area-9-0').inputValue()).toBe('omrade-ammerud');
    expect(await byTestId('membership-from-9-0').inputValue()).toMatch(/^\d{4}-08-01$/);
    expect(await byTestId('school-status-9').textContent()).toContain('Deltar (Ammerud)');
    expect(await byTestId('file-errors').count()).toBe(0);

    await byTestId('school-name-9').fill('');
    const issues = row.locator('.field.invalid [data-testid="field-issues"]');
    await issues.first().waitFor();
    expect(await issues.first().textContent()).toMatch(/name|navn|mangler|påkrevd/i);
    expect(await byTestId('school-name-9').getAttribute('aria-invalid')).toBe('true');
    await byTestId('file-errors').waitFor();
    await shoot('model-organisation-error');
  });

  it('undo brings back the name, the school, the membership and the area name', async () => {
    const undo = byTestId('undo-button');
    await undo.click();
    await expect.poll(() => byTestId('school-name-9').inputValue()).toBe('Kalbakken skole');
    expect(await byTestId('file-errors').count()).toBe(0);
    await undo.click();
    await expect.poll(() => page.locator('tbody[data-school]').count()).toBe(9);
    await undo.click();
    await expect.poll(() => byTestId('membership-to-7-0').inputValue()).toBe('');
    expect(await byTestId('school-status-7').textContent()).toContain(
      'Deltar (Romsås og Kalbakken)',
    );
    await undo.click();
    await expect.poll(() => byTestId('area-name-2').inputValue()).toBe('Romsås');
    await toWheel();
    expect(await optionTexts('area-select')).toContain('Romsås');
    await toModel('organisation');
  });

  it('adds a unit, and a kindergarten in Ammerud that a structure can then have as participant', async () => {
    const units = await page.locator('[data-testid^="unit-name-"]').count();
    await byTestId('unit-add-name').fill('Helsestasjonen');
    await byTestId('unit-add-abbreviation').fill('HS');
    await byTestId('unit-add').click();
    await expect.poll(() => page.locator('[data-testid^="unit-name-"]').count()).toBe(units + 1);
    expect(await byTestId(`unit-name-${units}`).inputValue()).toBe('Helsestasjonen');

    expect(await byTestId('institution-name-0').inputValue()).toBe('Grorud åpen barnehage');
    expect(await byTestId('institution-kind-1').inputValue()).toBe('åpen barnehage');
    await byTestId('institution-add-name').fill('Ammerud barnehage');
    await byTestId('institution-add-kind').selectOption('barnehage');
    await byTestId('institution-add').click();
    await expect.poll(() => byTestId('institution-name-2').inputValue()).toBe('Ammerud barnehage');
    await byTestId('institution-area-2').selectOption('omrade-ammerud');
    await expect.poll(() => byTestId('institution-area-2').inputValue()).toBe('omrade-ammerud');
    expect(await byTestId('file-errors').count()).toBe(0);
    await noSerious('model-institutions');

    // A party like any other: offered among a structure's participants.
    await byTestId('structure-T4.1').click();
    await expect.poll(() => optionTexts('participants-list-select')).toContain('Ammerud barnehage');
    await byTestId('editor-close').click();

    // Undo takes the area, the kindergarten and the unit back out.
    for (let i = 0; i < 3; i++) await byTestId('undo-button').click();
    await expect.poll(() => byTestId('institution-name-2').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid^="unit-name-"]').count()).toBe(units);
  });

  it('has no serious axe violations on the organisation section', async () => {
    await noSerious('model-organisation');
    await page.locator('#main').evaluate((el) => (el.scrollTop = 0));
    await shoot('model-organisation');
  });

  it('changes NSK’s title', async () => {
    await toModel('roles');
    const title = byTestId('role-title-0');
    expect(await title.inputValue()).toBe('Nærmiljøskolekoordinator');
    expect(await byTestId('role-duties-0').textContent()).toMatch(/\d+ strukturer/);
    await title.fill('Nærmiljøskolekoordinator i skoleområdet');
    await expect.poll(() => byTestId('status').textContent()).toContain('Endret');
    expect(await byTestId('file-errors').count()).toBe(0);
    expect(await title.inputValue()).toBe('Nærmiljøskolekoordinator i skoleområdet');
  });

  it('adds an NSK assignment with a person (no longer a vacancy)', async () => {
    await byTestId('role-toggle-0').click();
    await byTestId('role-details-0').waitFor();
    expect(await byTestId('role-privacy-0').textContent()).toMatch(
      /fjernes fra alle overføringsfiler/,
    );
    expect(await byTestId('role-duty-list-0').textContent()).toContain('T4.1');
    const before = page.locator('[data-testid^="assignment-0-"]');
    const n = await before.count();
    await byTestId('assignment-add-0').click();
    await expect.poll(() => before.count()).toBe(n + 1);
    await byTestId(`assignment-vacant-0-${n}`).waitFor();
    await byTestId(`assignment-person-0-${n}-name`).fill('Kari Nordmann');
    await byTestId(`assignment-person-0-${n}-email`).fill('kari.nordmann@example.org');
    await byTestId(`assignment-from-0-${n}`).fill('2026-08-01');
    await expect.poll(() => byTestId(`assignment-vacant-0-${n}`).count()).toBe(0);
    expect(await byTestId('file-errors').count()).toBe(0);
    expect(await byTestId(`assignment-area-0-${n}`).inputValue()).toBe('omrade-ammerud');
  });

  it('edits NSK’s other names as one line, undone as one step', async () => {
    const aliases = byTestId('role-aliases-0');
    const before = await aliases.inputValue();
    await aliases.fill(`${before}, koordinatoren, , koordinatoren`);
    await expect.poll(() => byTestId('status').textContent()).toContain('Endret');
    expect(await byTestId('file-errors').count()).toBe(0);
    // Written to the file as a list, without the empty and the repeated name.
    const written = await page.evaluate(() => {
      type Store = { doc: { roles: { aliases?: string[] }[] } };
      const app = (
        document.querySelector('#app') as unknown as {
          __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } };
        }
      ).__vue_app__;
      return app.config.globalProperties.$pinia._s.get('model')!.doc.roles[0]!.aliases;
    });
    expect(written?.at(-1)).toBe('koordinatoren');
    expect(written?.filter((a) => a === 'koordinatoren')).toHaveLength(1);
    await byTestId('undo-button').click();
    await expect.poll(() => aliases.inputValue()).toBe(before);
  });

  it('asks before removing a role in use, and cancelling keeps it', async () => {
    await byTestId('role-remove-0').click();
    const confirm = byTestId('remove-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/er i bruk/);
    await page.screenshot({ path: join(OUTPUT, 'model-roles-confirm.png') });
    await byTestId('remove-cancel').click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await byTestId('role-title-0').inputValue()).toBe(
      'Nærmiljøskolekoordinator i skoleområdet',
    );
  });

  it('adds a role and a collective, each ready to be named further', async () => {
    const roles = page.locator('[data-testid^="role-title-"]');
    const n = await roles.count();
    await byTestId('role-add-title').fill('Miljøterapeut');
    await byTestId('role-add-abbreviation').fill('MT');
    await byTestId('role-add').click();
    await expect.poll(() => roles.count()).toBe(n + 1);
    expect(await byTestId(`role-title-${n}`).inputValue()).toBe('Miljøterapeut');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`role-title-${n}`);

    const collectives = page.locator('[data-testid^="collective-name-"]');
    const m = await collectives.count();
    expect(await byTestId('collective-add').isDisabled()).toBe(true);
    await byTestId('collective-add-name').fill('Ressursteamet');
    await byTestId('collective-add').click();
    await expect.poll(() => collectives.count()).toBe(m + 1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`collective-name-${m}`);
    expect(await byTestId(`collective-name-${m}`).inputValue()).toBe('Ressursteamet');
    expect(await byTestId('file-errors').count()).toBe(0);
  });

  it('has no serious axe violations on the roles section', async () => {
    await noSerious('model-roles');
    await page.locator('#main').evaluate((el) => (el.scrollTop = 0));
    await shoot('model-roles');
    expect(session.pageErrors).toEqual([]);
  });
});
