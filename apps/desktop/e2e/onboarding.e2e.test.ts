/**
 * End-to-end test of «Ny i rollen» on the «Modell» tab with the Grorud example: bad input gets
 * messages at the fields, «Ny rektor på Rødtvet fra 2026-01-05» is added (no name anywhere),
 * its two meetings get suggested dates and one a chosen date, the årshjul for Rødtvet's area in
 * 2025-26 lists the meetings in January, and the newcomer is removed again; axe-core on each
 * step. Screenshots: `onboarding-*.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, HAS_CHROMIUM, openReadyApp, steps, type Session } from './harness.js';

const ID = 'rektor-rodtvet-2026-01-05';

describe.skipIf(!HAS_CHROMIUM)('newcomers («Ny i rollen»)', () => {
  let session: Session;
  let page: Page;
  const { byTestId, shot, noSerious, toModelSection } = steps(() => page, 'onboarding-');

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
    await toModelSection('onboarding');
    await byTestId('newcomers').waitFor();
  });

  afterAll(() => closeApp(session, 'onboarding'));

  it('says at the fields what is missing or wrong, and tells not to enter a name', async () => {
    const form = byTestId('newcomer-form');
    expect(await form.textContent()).toContain('Skriv aldri inn navnet');
    expect(await byTestId('newcomer-plan').inputValue()).toBe('plan-ny-rektor');
    await byTestId('newcomer-starts').fill('2026-02-30');
    await byTestId('newcomer-add').click();
    expect(await byTestId('newcomer-place-error').textContent()).toContain(
      'Velg hvor personen begynner',
    );
    expect(await byTestId('newcomer-starts-error').textContent()).toContain('finnes ikke');
    // The focus goes to the first field with a problem.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'newcomer-place',
    );
    expect(await byTestId('newcomers').textContent()).toContain('Ingen nye i rollen');
    await shot('error', byTestId('newcomers'));
    await noSerious('error');
  });

  it('adds «Ny rektor på Rødtvet fra 2026-01-05» with the meetings’ suggested dates', async () => {
    await byTestId('newcomer-place').selectOption({ label: 'Rødtvet barneskole' });
    await byTestId('newcomer-starts').fill('2026-01-05');
    // Keyboard: Enter in the date field adds.
    await byTestId('newcomer-starts').press('Enter');
    const item = byTestId(`newcomer-${ID}`);
    await item.waitFor();
    expect(await item.textContent()).toContain(
      'Ny rektor på Rødtvet barneskole fra 5. januar 2026',
    );
    expect(await byTestId('newcomer-message').textContent()).toContain('Lagt til');
    const first = await byTestId(`newcomer-date-${ID}-0`).inputValue();
    const second = await byTestId(`newcomer-date-${ID}-1`).inputValue();
    expect(first >= '2026-01-05').toBe(true);
    expect(second > first).toBe(true);
    expect(await byTestId(`newcomer-meeting-${ID}-0`).textContent()).toContain('foreslått');
    await shot('added', byTestId('newcomers'));
    await noSerious('added');
  });

  it('lets the user choose a meeting’s date, and go back to the suggestion', async () => {
    await byTestId(`newcomer-date-${ID}-1`).fill('2026-01-28');
    await expect.poll(() => byTestId(`newcomer-meeting-${ID}-1`).textContent()).toContain('valgt');
    expect(await byTestId(`newcomer-date-${ID}-1`).inputValue()).toBe('2026-01-28');
    await shot('chosen', byTestId(`newcomer-${ID}`));
    await byTestId(`newcomer-unset-${ID}-1`).click();
    await expect
      .poll(() => byTestId(`newcomer-meeting-${ID}-1`).textContent())
      .toContain('foreslått');
    await byTestId(`newcomer-date-${ID}-1`).fill('2026-01-28');
    await expect.poll(() => byTestId(`newcomer-meeting-${ID}-1`).textContent()).toContain('valgt');
  });

  it('puts the meetings into the årshjul of Rødtvet’s area in January', async () => {
    await byTestId('tab-arshjul').click();
    await byTestId('wheel').waitFor();
    await byTestId('year-select').selectOption('2025-26');
    await byTestId('area-select').selectOption({ label: 'Ammerud' });
    const months = byTestId('month-list');
    const january = months.locator('section').filter({ hasText: /januar 2026/i });
    await expect
      .poll(async () => (await january.textContent()) ?? '')
      .toMatch(/Oppstart ny rektor/);
    const text = (await january.textContent()) ?? '';
    expect(text.match(/Oppstart ny rektor/g)?.length).toBe(2);
    expect(text).toContain('Rødtvet');
    await shot('arshjul', january);
  });

  it('removes the newcomer again', async () => {
    await byTestId('tab-model').click();
    await byTestId('section-tab-onboarding').click();
    await byTestId(`newcomer-remove-${ID}`).click();
    await expect.poll(() => byTestId(`newcomer-${ID}`).count()).toBe(0);
    expect(await byTestId('newcomers').textContent()).toContain('Ingen nye i rollen');
    expect(session.pageErrors).toEqual([]);
  });
});
