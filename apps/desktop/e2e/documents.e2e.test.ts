/**
 * End-to-end tests of the documents, onboarding, routines and glossary editors on the «Modell»
 * tab, with the Grorud example: a document's revision rhythm changed (its meaning and due dates
 * follow), a phrase that is not understood, a new document and revision rule seen in the Plan
 * tab, an agenda row added to «Plan for ny rektor» Møte 1, moved up and undone, a step added to
 * a routine and seen in the Plan tab, a glossary term added and found with the search box;
 * axe-core on each section. Screenshots: `model-documents.png`, `model-onboarding.png`,
 * `model-routines.png`, `model-glossary.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { closeApp, HAS_CHROMIUM, openReadyApp, steps, type Session } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)('documents, onboarding, routines and glossary editors', () => {
  let session: Session;
  let page: Page;
  const { byTestId, shot, noSerious, toModelSection } = steps(() => page, 'model-');

  beforeAll(async () => {
    session = await openReadyApp();
    page = session.page;
    await byTestId('tab-model').click();
  });

  afterAll(() => closeApp(session, 'documents'));

  describe('documents', () => {
    const RULE = 'revisjon-plan-ny-rektor';
    let details: Locator;

    it('lists the five Grorud documents with their revision rhythms', async () => {
      await toModelSection('documents');
      const rows = byTestId('documents-table').locator('tbody > tr');
      expect(await rows.count()).toBe(5);
      const row = byTestId('doc-row-oppstartsplaner');
      expect(await row.textContent()).toContain('Revideres en gang i året');
      expect(await byTestId('doc-row-kontaktliste').textContent()).toContain('Personopplysninger');
      // The two konseptpapirer are revised in different weeks of the spring, in date order.
      expect(await byTestId('doc-due-konseptpapirer').textContent()).toBe(
        '27. mars 2026; 14. apr. 2026',
      );
      await byTestId('doc-toggle-oppstartsplaner').click();
      details = byTestId('doc-details-oppstartsplaner');
      await details.waitFor();
      expect(await details.getByTestId(`rule-${RULE}`).textContent()).toContain('T2.1');
    });

    it('changes the rhythm: «Forstått som» and the due dates follow', async () => {
      const input = details.getByTestId(`rule-cadence-${RULE}`);
      expect(await input.inputValue()).toBe('Revideres en gang i året');
      const due = details.getByTestId(`rule-due-${RULE}`);
      const before = (await due.textContent()) ?? '';
      expect(before).toMatch(/Forfall i 2025-26/);
      expect(before).toMatch(/26\. jan\.? 2026/);

      await input.fill('Revideres to ganger i året');
      await expect
        .poll(() => details.getByTestId(`rule-cadence-${RULE}-meaning`).textContent())
        .toMatch(/Forstått som:.*to ganger i året/i);
      await expect.poll(async () => (await due.locator('li').count()) as number).toBe(2);

      await input.fill('hver høst');
      await expect
        .poll(() => details.getByTestId(`rule-cadence-${RULE}-meaning`).textContent())
        .toMatch(/Forstått som:.*høsten/i);
      await expect.poll(async () => (await due.textContent()) ?? '').not.toBe(before);
      const autumn = (await due.textContent()) ?? '';
      expect(autumn).toMatch(/(aug|sep|okt|nov|des)\.? 2025/);
      expect(autumn).not.toMatch(/2026/);
      // The table row shows the new phrase and date too.
      expect(await byTestId('doc-row-oppstartsplaner').textContent()).toContain('hver høst');
    });

    it('shows why «Hver blåe uke» is not understood', async () => {
      const input = details.getByTestId(`rule-cadence-${RULE}`);
      await input.fill('Hver blåe uke');
      const error = details.getByTestId(`rule-cadence-${RULE}-error`);
      await error.waitFor();
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('Ikke forstått');
      expect(text).toMatch(/Mente du «Hver [^»]*uke»/);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      // The due dates wait for a valid model rather than show the old ones as current.
      expect(await details.getByTestId(`rule-due-${RULE}`).textContent()).toContain(
        'når modellen er gyldig igjen',
      );
      await input.fill('hver høst');
      await details.getByTestId(`rule-cadence-${RULE}-meaning`).waitFor();
      await details.getByTestId(`rule-due-${RULE}`).scrollIntoViewIfNeeded();
      await shot('documents');
    });

    it('has no serious axe violations with a document open', async () => {
      await noSerious('documents');
    });

    it('adds a document with a revision rule, seen in the Plan tab', async () => {
      await byTestId('doc-add').click();
      const title = byTestId('doc-title-nytt-dokument');
      await title.waitFor();
      await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
      await title.fill('Årsplan for foreldrecafé');
      await byTestId('doc-kind-nytt-dokument').selectOption('plan');
      await byTestId('doc-add-rule-nytt-dokument').click();
      const rule = byTestId('doc-details-nytt-dokument').getByTestId(
        'rule-cadence-revisjon-nytt-dokument',
      );
      await rule.waitFor();
      expect(await rule.inputValue()).toBe('Revideres en gang i året');
      await expect
        .poll(() => byTestId('doc-row-nytt-dokument').textContent())
        .toContain('Årsplan for foreldrecafé');
      await shot('documents-new');

      await byTestId('tab-plan').click();
      await byTestId('plan-table').first().waitFor();
      const planText = (await page.locator('#panel-plan').textContent()) ?? '';
      expect(planText).toContain('Revisjon av Årsplan for foreldrecafé');
      // In the revision calendar with a suggested date: «Revideres en gang i året» lands on
      // 26 January 2026, which other revisions have already, so it goes some weeks from it
      // (which day depends on the edits above; the unit tests pin the days).
      const row = page
        .locator('#panel-plan tr', { hasText: 'Revisjon av Årsplan for foreldrecafé' })
        .last();
      expect(await row.textContent()).toMatch(/\d+\. (jan|feb)\. \(foreslått dato\)/);
      expect(await row.textContent()).not.toContain('26. jan.');
      await byTestId('tab-model').click();
      await byTestId('section-documents').waitFor();
    });

    it('asks before removing a document that plans and structures still name', async () => {
      await byTestId('doc-remove-oppstartsplaner').click();
      const confirm = byTestId('doc-row-oppstartsplaner').getByTestId('remove-confirm');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('oppstartsplaner');
      const where = await confirm
        .locator('li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? e.textContent ?? ''));
      expect(where.join(' ')).toMatch(/onboarding\[0\]\.document/);
      await confirm.scrollIntoViewIfNeeded();
      await shot('documents-remove');
      await confirm.getByTestId('remove-cancel').click();
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await byTestId('documents-table').locator('tbody > tr').count()).toBeGreaterThan(5);
    });

    it('lists the rules about the model and the structures', async () => {
      const table = byTestId('other-rules-table');
      expect(await table.locator('tbody > tr').count()).toBe(10);
      await byTestId('rule-toggle-justering-av-samarbeidet').click();
      const due = page.getByTestId('rule-due-justering-av-samarbeidet');
      expect(await due.textContent()).toMatch(/forumets møte/);
    });

    it('shows the notes of a document and of its rules, and adds one as an undoable step', async () => {
      await byTestId('doc-toggle-bydelskatalog').click();
      const d = byTestId('doc-details-bydelskatalog');
      await d.waitFor();
      // The document's two notes, the second where the sources disagree on the owner.
      const notes = d.getByTestId('doc-notes-bydelskatalog');
      expect(await notes.locator('.note-row').count()).toBe(2);
      expect(await d.getByTestId('doc-notes-bydelskatalog-0-kind').inputValue()).toBe(
        'inconsistency',
      );
      expect(await d.getByTestId('doc-notes-bydelskatalog-0-text').inputValue()).toContain(
        'NSK er eier',
      );
      // The rule's reading of «Revideres en ganger i året», with its place in the source.
      const ruleNotes = d.getByTestId('rule-notes-revisjon-bydelskatalog');
      expect(
        await ruleNotes.getByTestId('rule-notes-revisjon-bydelskatalog-0-text').inputValue(),
      ).toContain('skrivefeil');
      expect(
        await ruleNotes.getByTestId('rule-notes-revisjon-bydelskatalog-0-source').inputValue(),
      ).toBe('§11.16');

      await d.getByTestId('doc-notes-bydelskatalog-add').click();
      const text = d.getByTestId('doc-notes-bydelskatalog-2-text');
      await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
      await text.fill('Katalogen ligger i Teams.');
      // Undo takes back the text, then the note.
      await byTestId('undo-button').click();
      await expect.poll(() => text.inputValue()).toBe('Ny merknad');
      await byTestId('undo-button').click();
      await expect.poll(() => notes.locator('.note-row').count()).toBe(2);
      await byTestId('doc-toggle-bydelskatalog').click();
    });
  });

  describe('onboarding', () => {
    const M1 = 'plan-ny-rektor-0';
    const contents = (): Promise<string[]> =>
      page
        .getByTestId(`agenda-${M1}`)
        .locator('tbody textarea[data-testid^="agenda-content-"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

    it('offers the new document in a plan’s document choice', async () => {
      await toModelSection('onboarding');
      const plan = byTestId('plan-plan-ny-rektor');
      await plan.waitFor();
      const options = await plan
        .locator('select')
        .evaluateAll((els) =>
          els.flatMap((s) => [...(s as HTMLSelectElement).options].map((o) => o.text)),
        );
      expect(options).toContain('Årsplan for foreldrecafé');
    });

    it('adds an agenda row to Møte 1 of «Plan for ny rektor», moves it up, and undoes', async () => {
      const original = await contents();
      expect(original).toHaveLength(3);
      await byTestId(`agenda-add-${M1}`).click();
      const added = byTestId(`agenda-content-${M1}-3`);
      await expect.poll(() => added.evaluate((el) => el === document.activeElement)).toBe(true);
      await added.fill('Omvisning på skolen');
      await expect.poll(contents).toEqual([...original, 'Omvisning på skolen']);
      await byTestId(`agenda-up-${M1}-3`).click();
      await expect
        .poll(contents)
        .toEqual([original[0], original[1], 'Omvisning på skolen', original[2]]);
      // The focus follows the row.
      expect(
        await byTestId(`agenda-up-${M1}-2`).evaluate((el) => el === document.activeElement),
      ).toBe(true);
      await byTestId(`agenda-row-${M1}-2`).scrollIntoViewIfNeeded();
      await shot('onboarding');
      await byTestId('undo-button').click();
      await expect.poll(contents).toEqual([...original, 'Omvisning på skolen']);
    });

    it('has no serious axe violations', async () => {
      await noSerious('onboarding');
    });
  });

  describe('routines', () => {
    const R = 'bekymring-for-elev';
    it('shows the three Grorud routines with their steps and conditions', async () => {
      await toModelSection('routines');
      expect(await page.locator('[data-testid^="routine-name-"]').count()).toBe(3);
      expect(await byTestId(`routine-name-${R}`).inputValue()).toBe(
        'Når skolen er bekymret for en elev',
      );
      expect(await byTestId(`routine-event-${R}`).inputValue()).toBe(
        'skolen er bekymret for en elev',
      );
      expect(await byTestId(`step-action-${R}-0`).inputValue()).toMatch(/^Skolen drøfter saken/);
      expect(await byTestId(`step-preconditions-${R}-1`).inputValue()).toBe(
        'samtykke fra familien',
      );
    });

    it('adds a step, seen in the Plan tab, and undoes it', async () => {
      await byTestId(`step-add-${R}`).click();
      const action = byTestId(`step-action-${R}-2`);
      await expect.poll(() => action.evaluate((el) => el === document.activeElement)).toBe(true);
      await action.fill('BVK følger opp med skolen etter fire uker.');
      await byTestId(`step-timing-${R}-2`).fill('etter fire uker');
      await shot('routines');
      await byTestId('tab-plan').click();
      await byTestId('plan-table').first().waitFor();
      await expect
        .poll(async () => (await page.locator('#panel-plan').textContent()) ?? '')
        .toContain('BVK følger opp med skolen etter fire uker.');
      await toModelSection('routines');
      // Three steps back: the timing, the action, the new step.
      for (let i = 0; i < 3; i++) await byTestId('undo-button').click();
      await expect.poll(() => byTestId(`step-action-${R}-2`).count()).toBe(0);
    });

    it('asks before removing a routine’s only step, and says at the steps what is wrong', async () => {
      const O = 'opplaering-taushetsplikt';
      await byTestId(`step-remove-${O}-0`).click();
      const steps = byTestId(`routine-steps-${O}`);
      const confirm = steps.getByTestId('remove-confirm');
      await confirm.waitFor();
      await confirm.getByTestId('remove-anyway').click();
      await expect.poll(() => byTestId(`step-action-${O}-0`).count()).toBe(0);
      // The routine needs a step: the message is at its steps, and the work is kept.
      await expect.poll(async () => (await steps.textContent()) ?? '').toMatch(/skal ha minst 1/);
      expect(await byTestId(`routine-name-${O}`).inputValue()).toBe(
        'Opplæring om taushetsplikten for nye medarbeidere',
      );
      await byTestId('undo-button').click();
      await expect.poll(() => byTestId(`step-action-${O}-0`).count()).toBe(1);
    });

    it('adds a routine with its name ready to be written', async () => {
      await byTestId('routine-add').click();
      const name = byTestId('routine-name-ny-rutine');
      await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('[data-testid^="routine-name-"]').count()).toBe(4);
      expect(await byTestId('file-errors').count()).toBe(0);
      await byTestId('undo-button').click();
      await expect.poll(() => page.locator('[data-testid^="routine-name-"]').count()).toBe(3);
    });

    it('has no serious axe violations', async () => {
      await noSerious('routines');
    });
  });

  describe('glossary', () => {
    it('adds a term and finds it with the search box', async () => {
      await toModelSection('glossary');
      const rows = byTestId('glossary-table').locator('tbody > tr');
      expect(await rows.count()).toBe(40);
      // A term that is already there is refused with a warning.
      await byTestId('gloss-new-term').fill('nsk');
      await byTestId('gloss-exists').waitFor();
      expect(await byTestId('gloss-add').isDisabled()).toBe(true);

      await byTestId('gloss-new-term').fill('Årshjul');
      await byTestId('gloss-add').click();
      await expect.poll(() => rows.count()).toBe(41);
      const expansion = byTestId('gloss-expansion-40');
      await expect.poll(() => expansion.evaluate((el) => el === document.activeElement)).toBe(true);
      await expansion.fill('Oversikt over samarbeidets faste møter og frister gjennom skoleåret');
      // Sorted: «Årshjul» is last (å after z).
      const terms = await rows
        .locator('[data-testid^="gloss-term-"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(terms[terms.length - 1]).toBe('Årshjul');

      // By its expansion, then by the start of the term (also in other entries' descriptions).
      await byTestId('gloss-filter').fill('samarbeidets faste møter');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await byTestId('gloss-count').textContent()).toContain('Viser 1 av 41');
      expect(await byTestId('gloss-term-40').inputValue()).toBe('Årshjul');
      await byTestId('gloss-filter').fill('årsh');
      await expect.poll(() => rows.count()).toBeLessThan(41);
      expect(await byTestId('gloss-term-40').inputValue()).toBe('Årshjul');
      await byTestId('gloss-filter').fill('bvtj');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await byTestId('gloss-term-3').inputValue()).toBe('BV');
      await byTestId('gloss-filter').fill('');
      await expect.poll(() => rows.count()).toBe(41);
      await shot('glossary');
    });

    it('notes on «NSK» that the sources disagree: the plan’s «Merknader» says so; undone', async () => {
      const terms = await byTestId('glossary-table')
        .locator('[data-testid^="gloss-term-"]')
        .evaluateAll((els) =>
          els.map((e) => [e.getAttribute('data-testid'), (e as HTMLInputElement).value]),
        );
      const i = terms.find(([, term]) => term === 'NSK')![0]!.replace('gloss-term-', '');
      const box = byTestId(`gloss-notes-${i}-box`);
      expect(await box.locator('summary').textContent()).toBe('Merknader: NSK (0)');
      await box.locator('summary').click();
      await byTestId(`gloss-notes-${i}-add`).click();
      await byTestId(`gloss-notes-${i}-0-kind`).selectOption('inconsistency');
      await byTestId(`gloss-notes-${i}-0-text`).fill('Kildene forklarer NSK på to måter.');
      expect(await box.locator('summary').textContent()).toBe('Merknader: NSK (1)');
      await byTestId('tab-plan').click();
      await byTestId('plan-table').first().waitFor();
      await expect
        .poll(async () => (await page.locator('#panel-plan').textContent()) ?? '')
        .toContain('NSK: Kildene forklarer NSK på to måter.');
      // Three steps back: the text, the kind, the note.
      for (let n = 0; n < 3; n++) await byTestId('undo-button').click();
      await toModelSection('glossary');
      await expect
        .poll(() => byTestId(`gloss-notes-${i}-box`).locator('summary').textContent())
        .toBe('Merknader: NSK (0)');
    });

    it('has no serious axe violations', async () => {
      await noSerious('glossary');
    });

    it('raised no errors in the page', () => {
      expect(session.pageErrors).toEqual([]);
    });
  });
});
