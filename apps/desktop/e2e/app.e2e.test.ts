/**
 * End-to-end tests of the web build (`dist-web/`) in Debian's Chromium, driven by playwright-core:
 * the Grorud example on start, a cadence edit seen in the wheel, a phrase that is not understood,
 * undo and redo, save as a download, the plan tab, the languages, the keyboard, axe-core, and the
 * timings of a rebuild (written to `e2e/output/perf.json`, never asserted). Screenshots go to
 * `e2e/output/*.png`. The whole suite is skipped when /usr/bin/chromium is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeSerious as axeOn,
  cliBuild,
  describeViolations,
  GRORUD,
  HAS_CHROMIUM,
  openApp,
  OUTPUT,
  type Session,
} from './harness.js';

/** Milliseconds from an edit to each stage of showing it (see `editToFrame`). */
interface EditTiming {
  handler: number;
  patched: number;
  toFrame: number;
  drawn: number;
}

function stats(xs: number[]): { n: number; median?: number; p95?: number; max?: number } {
  const s = [...xs].sort((a, b) => a - b);
  const round = (x: number | undefined) => (x === undefined ? x : Math.round(x * 10) / 10);
  return {
    n: s.length,
    median: round(s[Math.floor(s.length / 2)]),
    p95: round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]),
    max: round(s[s.length - 1]),
  };
}

/** What a MutationObserver watching a view for an edit looks at: any change of its DOM. */
const DOM_CHANGES = { subtree: true, childList: true, attributes: true, characterData: true };

/** One edit made while the page draws a frame after every frame (see `editInFrames`). */
interface FrameTiming {
  /** Frames begun after the input and before the view showed the edit (stale frames). */
  stale: number;
  /** Milliseconds from the last frame before the input to the first after it. */
  editFrame: number;
  /** The median time between frames in the 100 ms before the input (idle frames). */
  idleFrame: number;
  /** Milliseconds from the input to the view updated. */
  shown: number;
}

/** Frame counts and times of edits made in a stream of frames. */
function frameSummary(samples: FrameTiming[]) {
  return {
    n: samples.length,
    staleFrames: samples.reduce((sum, s) => sum + s.stale, 0),
    editFrame: stats(samples.map((s) => s.editFrame)),
    idleFrame: stats(samples.map((s) => s.idleFrame)),
    // More than half a frame late: the edit cost the screen a frame.
    droppedAFrame: samples.filter((s) => s.editFrame > s.idleFrame * 1.5).length,
  };
}

/** The median and spread of each stage over the samples. */
function summarise(samples: EditTiming[]): Record<keyof EditTiming, ReturnType<typeof stats>> {
  return {
    handler: stats(samples.map((s) => s.handler)),
    patched: stats(samples.map((s) => s.patched)),
    toFrame: stats(samples.map((s) => s.toFrame)),
    drawn: stats(samples.map((s) => s.drawn)),
  };
}

describe.skipIf(!HAS_CHROMIUM)('Årshjulet in the browser', () => {
  let session: Session;
  let browser: Browser;
  let page: Page;
  const perf: Record<string, unknown> = {};
  let original: string[] = [];
  let afterEdit: string[] = [];

  const itemIds = (): Promise<string[]> =>
    page.$$eval('[data-testid="wheel-item"]', (els) =>
      els.map((e) => e.getAttribute('data-item') ?? '').sort(),
    );
  const byTestId = (id: string) => page.getByTestId(id);

  const axeSerious = (label: string) => axeOn(page, label);

  /**
   * Milliseconds from a change (made inside the page) to: the end of the input handler; the view
   * updated (`watch`'s DOM first changed, seen by a MutationObserver; for the wheel, which is a
   * canvas, the painter done: `window.__arshjulPerf.paintedAt`); the next animation frame; and a
   * task after that frame (the frame has been drawn by then). What follows a frame later (the
   * wheel's lists, the editor's reading of the rhythm: see `frames.ts`) is not waited for.
   */
  async function editToFrame(
    testId: string,
    value: string,
    watch: string | 'wheel' = 'wheel',
  ): Promise<EditTiming> {
    return page.evaluate(
      async ({ testId, value, watch, changes }) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
        const target = watch === 'wheel' ? null : document.querySelector(watch);
        if (!input || (watch !== 'wheel' && !target)) throw new Error(`no ${testId} or ${watch}`);
        let patched = -1;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (patched < 0) patched = performance.now() - t0;
        });
        if (target) {
          observer.observe(target, changes);
        }
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const handler = performance.now() - t0;
        const toFrame = await new Promise<number>((ok) =>
          requestAnimationFrame(() => ok(performance.now() - t0)),
        );
        if (!target) {
          const painted = window.__arshjulPerf?.paintedAt ?? -1;
          if (painted >= t0 && painted - t0 < toFrame) patched = painted - t0;
        }
        const drawn = await new Promise<number>((ok) =>
          setTimeout(() => ok(performance.now() - t0), 0),
        );
        observer.disconnect();
        return { handler, patched, toFrame, drawn };
      },
      { testId, value, watch, changes: DOM_CHANGES },
    );
  }

  /**
   * An edit made while the page asks for a frame after every frame (as when anything moves on
   * screen), at a point between two frames that differs from edit to edit (`phase`, 0 to 1).
   * Gives the frames begun after the input but before the view showed the edit (0 when the edit
   * reaches the first frame after the keystroke), and the time between the last frame before the
   * input and the first after it: a frame's time (as the idle frames measured just before) when
   * the edit fits in a frame, more when it does not.
   *
   * With `peer`, no edit: at the same moment the page gets the least a change can ask of it, the
   * line beside the field (the editor's reading of the rhythm) extended by `value`, and shortened
   * again afterwards. Its frame is the peer of the edit's: what this machine needs to show one
   * changed line, with no rebuild and no wheel painted.
   */
  async function editInFrames(
    testId: string,
    value: string,
    phase: number,
    watch: string | 'wheel' = 'wheel',
    peer = false,
  ): Promise<FrameTiming> {
    return page.evaluate(
      async ({ testId, value, phase, watch, changes, peer }) => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
        const target = watch === 'wheel' ? null : document.querySelector(watch);
        if (!input || (watch !== 'wheel' && !target)) throw new Error(`no ${testId} or ${watch}`);
        // The peer's text, added to the line and taken away afterwards (Vue's own nodes untouched).
        const added = document.createTextNode(` ${value}`);
        const line = document.querySelector('[data-testid="cadence-meaning"]');
        if (peer && !line) throw new Error('no line beside the rhythm field');
        const frames: number[] = [];
        let running = true;
        const loop = () => {
          frames.push(performance.now());
          if (running) requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
        const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
        await wait(100);
        // Somewhere between two frames.
        await new Promise<void>((ok) => requestAnimationFrame(() => ok()));
        await wait(phase * 16);
        let shown = -1;
        const observer = new MutationObserver(() => {
          if (shown < 0) shown = performance.now();
        });
        if (target) {
          observer.observe(target, changes);
        }
        const t0 = performance.now();
        if (peer) {
          line!.appendChild(added);
          shown = t0;
        } else {
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        await wait(150);
        running = false;
        observer.disconnect();
        added.remove();
        if (!peer && !target) shown = window.__arshjulPerf?.paintedAt ?? -1;
        if (shown < t0) throw new Error(`the edit «${value}» did not reach the view`);
        const before = frames.filter((t) => t < t0);
        const after = frames.filter((t) => t >= t0);
        const gaps = before.slice(1).map((t, i) => t - before[i]!);
        gaps.sort((a, b) => a - b);
        return {
          stale: after.filter((t) => t < shown).length,
          editFrame: after[0]! - before.at(-1)!,
          idleFrame: gaps[Math.floor(gaps.length / 2)] ?? 0,
          shown: shown - t0,
        };
      },
      { testId, value, phase, watch, changes: DOM_CHANGES, peer },
    );
  }

  beforeAll(async () => {
    session = await openApp();
    ({ page, browser } = session);
  });

  afterAll(async () => {
    if (Object.keys(perf).length) {
      perf.browser = browser?.version();
      perf.measuredAt = new Date().toISOString();
      writeFileSync(join(OUTPUT, 'perf.json'), `${JSON.stringify(perf, null, 2)}\n`);
    }
    if (session) {
      writeFileSync(
        join(OUTPUT, 'console.json'),
        `${JSON.stringify({ pageErrors: session.pageErrors, consoleErrors: session.consoleErrors }, null, 2)}\n`,
      );
      await session.close();
    }
  });

  it('starts with the Grorud example showing Ammerud 2025-26', async () => {
    await byTestId('wheel').waitFor();
    expect(await byTestId('area-select').inputValue()).toBe('omrade-ammerud');
    expect(await byTestId('year-select').inputValue()).toBe('2025-26');
    const label = (await byTestId('wheel').getAttribute('aria-label')) ?? '';
    expect(label).toContain('Ammerud');
    expect(label).toMatch(/2025.26/);
    original = await itemIds();
    expect(original.length).toBeGreaterThan(10);
    await expect.poll(() => byTestId('status').textContent()).toContain('Ny modell');
    perf.grorudInitial = await page.evaluate(() => window.__arshjulPerf);
    await page.screenshot({ path: join(OUTPUT, 'ammerud-app.png') });
    await byTestId('wheel').screenshot({ path: join(OUTPUT, 'ammerud-wheel.png') });
  });

  it('has no serious axe violations on the årshjul tab', async () => {
    const serious = await axeSerious('arshjul');
    expect(serious, describeViolations(serious)).toEqual([]);
  });

  it('edits T4.1 to «Hver andre uke»: the wheel and the meaning change', async () => {
    await byTestId('structure-T4.1').click();
    const input = byTestId('cadence-input');
    expect(await input.inputValue()).toBe('Hver fjerde uke');
    await input.fill('Hver andre uke');
    await expect.poll(itemIds).not.toEqual(original);
    afterEdit = await itemIds();
    // The editor's reading follows the wheel a frame later (see frames.ts).
    await expect
      .poll(() => byTestId('cadence-meaning').textContent())
      .toMatch(/Forstått som:.*(andre|2\.) uke/i);
    perf.grorudAfterEdit = await page.evaluate(() => window.__arshjulPerf);
    await byTestId('wheel').screenshot({ path: join(OUTPUT, 'wheel-after-edit.png') });
    await page.screenshot({ path: join(OUTPUT, 'app-after-edit.png') });
  });

  it('shows why «Hver blåe uke» is not understood and leaves the wheel alone', async () => {
    await byTestId('cadence-input').fill('Hver blåe uke');
    const error = byTestId('cadence-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Ikke forstått');
    expect(text).toMatch(/Mente du «Hver [^»]*uke»/);
    // Two frames: the overlay's items follow the canvas a frame later (see frames.ts).
    await page.evaluate(
      () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(null)))),
    );
    expect(await itemIds()).toEqual(afterEdit);
    await page.screenshot({ path: join(OUTPUT, 'cadence-error.png') });
  });

  it('undoes the edit and redoes it', async () => {
    await byTestId('undo-button').click();
    await expect.poll(itemIds).toEqual(original);
    expect(await byTestId('cadence-input').inputValue()).toBe('Hver fjerde uke');
    await expect(byTestId('undo-button').isDisabled()).resolves.toBe(true);
    await byTestId('redo-button').click();
    await expect.poll(itemIds).toEqual(afterEdit);
    expect(await byTestId('cadence-input').inputValue()).toBe('Hver andre uke');
  });

  it('saves as a download with T4.1’s new cadence', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      byTestId('save-button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as {
      structures: { id: string; cadence: string | { text: string } }[];
    };
    const t41 = saved.structures.find((s) => s.id === 'T4.1');
    const cadence = typeof t41?.cadence === 'string' ? t41.cadence : t41?.cadence.text;
    expect(cadence).toBe('Hver andre uke');
    await expect.poll(() => byTestId('status').textContent()).toContain('Lagret');
  });

  it('shows the plan on the Plan tab, without serious axe violations', async () => {
    await byTestId('tab-plan').click();
    await byTestId('plan-table').first().waitFor();
    expect(await byTestId('plan-table').count()).toBeGreaterThan(0);
    const planText = (await page.locator('#panel-plan').textContent()) ?? '';
    expect(planText).toContain('Hver andre uke');
    await page.screenshot({ path: join(OUTPUT, 'plan.png') });
    // The plan as it will be exported: the same sections and tables, in the same order, as the
    // web page `arshjul build` writes for Ammerud 2025-26.
    const tmp = mkdtempSync(join(tmpdir(), 'arshjul-plan-e2e-'));
    try {
      cliBuild(tmp, '2025-08-01', ['--area', 'ammerud', '--year', '2025-26', '--formats', 'html']);
      const html = readFileSync(join(tmp, 'plan-ammerud-2025-26.html'), 'utf8');
      const texts = (re: RegExp) =>
        [...html.matchAll(re)].map((m) =>
          m[1]!
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'"),
        );
      const exported = {
        headings: texts(/<h[23] id="[^"]*">([^<]*)<\/h[23]>/g),
        captions: texts(/<caption[^>]*>([^<]*)<\/caption>/g),
      };
      const shown = {
        headings: await page.$$eval('.plan-view h3[id], .plan-view h4[id]', (els) =>
          els.map((e) => e.textContent?.trim() ?? ''),
        ),
        captions: await page.$$eval('.plan-view caption', (els) =>
          els.map((e) => e.textContent?.trim() ?? ''),
        ),
      };
      expect(exported.headings.length).toBeGreaterThan(15);
      expect(shown).toEqual(exported);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const serious = await axeSerious('plan');
    expect(serious, describeViolations(serious)).toEqual([]);
    await byTestId('tab-arshjul').click();
    await byTestId('wheel').waitFor();
  });

  it('switches the language to nynorsk and English', async () => {
    const open = byTestId('open-button');
    expect((await open.textContent())?.trim()).toBe('Åpne');
    await byTestId('lang-select').selectOption('nn');
    await expect.poll(async () => (await open.textContent())?.trim()).toBe('Opne');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await byTestId('lang-select').selectOption('en');
    await expect.poll(async () => (await open.textContent())?.trim()).toBe('Open');
    expect((await byTestId('tab-arshjul').textContent())?.trim()).toBe('Annual wheel');
    await page.screenshot({ path: join(OUTPUT, 'english.png') });
    await byTestId('lang-select').selectOption('nb');
    await expect.poll(async () => (await open.textContent())?.trim()).toBe('Åpne');
  });

  it('reaches the wheel with Tab and selects items with the arrow keys', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 250 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('data-testid') === 'wheel',
      );
    }
    expect(reached, 'Tab never reached the wheel').toBe(true);
    const details = byTestId('wheel-details');
    await page.keyboard.press('ArrowRight');
    await details.locator('.details-title').waitFor();
    const first = (await details.locator('.details-title').textContent())?.trim();
    expect(first).toBeTruthy();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await details.locator('.details-title').textContent())?.trim())
      .not.toBe(first);
    expect(await page.locator('.wheel-overlay path.highlight.selected').count()).toBe(1);
    await details.scrollIntoViewIfNeeded();
    await details.screenshot({ path: join(OUTPUT, 'keyboard-details.png') });
    await page.keyboard.press('Escape');
  });

  it('zooms into October and back, with the month list and the pointer following', async () => {
    await byTestId('zoom-select').selectOption('2025-10');
    const viewBox = await page.$eval('.wheel-overlay', (el) => el.getAttribute('viewBox') ?? '');
    const [, , w] = viewBox.split(' ').map(Number);
    expect(w).toBeLessThan(600);
    const sections = await byTestId('month-list').locator('h4').allTextContents();
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatch(/oktober 2025/i);
    // Click the middle of an October item: its details show.
    const october = page.locator('[data-testid="wheel-item"][data-item*="2025-10"] path').first();
    const box = await october.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect.poll(() => byTestId('wheel-details').textContent()).toMatch(/okt/i);
    await byTestId('wheel').screenshot({ path: join(OUTPUT, 'ammerud-zoom-oktober.png') });
    await byTestId('zoom-select').selectOption({ index: 0 });
    const whole = await page.$eval('.wheel-overlay', (el) => el.getAttribute('viewBox') ?? '');
    expect(whole.startsWith('0 0 1000 ')).toBe(true);
    expect((await byTestId('month-list').locator('h4').count()) > 8).toBe(true);
  });

  it('measures an edit to the next frame on the Grorud model, on the wheel and on the plan', async () => {
    await byTestId('structure-T4.1').click();
    // As when typing: the field has the focus (its caret costs every frame that changes the page
    // a forced layout as the frame begins, ~1 ms here, for the edits and their peers alike).
    await byTestId('cadence-input').focus();
    const phrases = [
      'Hver tredje uke',
      'Hver fjerde uke',
      'Hver andre uke',
      'Hver 6. uke',
      'Hver tredje uke',
      'Hver fjerde uke',
      'Hver andre uke',
      'Hver 5. uke',
    ];
    const wheel: EditTiming[] = [];
    // Twice through: sixteen samples for a steadier median on a busy machine.
    for (const phrase of [...phrases, ...phrases]) {
      wheel.push(await editToFrame('cadence-input', phrase));
      // Past the full check that follows an edit, so each sample starts from rest.
      await page.waitForTimeout(400);
    }
    perf.grorudEditToFrame = { ...summarise(wheel), samples: wheel };
    perf.grorudLastRebuild = await page.evaluate(() => window.__arshjulPerf);

    // Rhythms the page has not met before: their dates worked out and the labels they move (on
    // their own ring and, when its lanes change, the rings around it) written for the first time.
    const unseen = [
      'Hver 7. uke',
      'Hver 8. uke',
      'Hver 9. uke',
      'Hver 10. uke',
      'Første mandag i måneden',
      'Siste torsdag i måneden',
      'Første tirsdag i måneden',
      'Hver 11. uke',
    ];
    const fresh: EditTiming[] = [];
    const written: number[] = [];
    for (const phrase of unseen) {
      fresh.push(await editToFrame('cadence-input', phrase));
      written.push((await page.evaluate(() => window.__arshjulPerf?.labelsWritten)) ?? -1);
      await page.waitForTimeout(400);
    }
    perf.grorudNewRhythmToFrame = { ...summarise(fresh), labelsWritten: written, samples: fresh };

    // The same kinds of edit in a stream of frames: does the edit reach the first frame after the
    // keystroke, and does that frame come when the next frame would have (no frame dropped)?
    // Each edit followed by its peer at the same point between frames: one line of text
    // changed, nothing rebuilt and the wheel not painted.
    const inFrames: FrameTiming[] = [];
    const peerInFrames: FrameTiming[] = [];
    for (const [i, phrase] of [...phrases, ...phrases].entries()) {
      const phase = ((i * 7) % 16) / 16;
      inFrames.push(await editInFrames('cadence-input', phrase, phase));
      await page.waitForTimeout(300);
      peerInFrames.push(await editInFrames('cadence-input', phrase, phase, 'wheel', true));
      await page.waitForTimeout(300);
    }
    const newInFrames: FrameTiming[] = [];
    const neverSeen = [
      'Hver 12. uke',
      'Første onsdag i måneden',
      'Hver 13. uke',
      'Siste fredag i måneden',
      'Hver 14. uke',
      'Andre mandag i måneden',
      'Hver 15. uke',
      'Tredje tirsdag i måneden',
    ];
    for (const [i, phrase] of neverSeen.entries()) {
      newInFrames.push(await editInFrames('cadence-input', phrase, ((i * 5) % 16) / 16));
      await page.waitForTimeout(300);
    }
    perf.grorudEditInFrames = { ...frameSummary(inFrames), samples: inFrames };
    perf.peerLineInFrames = { ...frameSummary(peerInFrames), samples: peerInFrames };
    perf.grorudNewRhythmInFrames = { ...frameSummary(newInFrames), samples: newInFrames };
    // Every edit reached the first frame after its keystroke.
    expect([...inFrames, ...newInFrames].every((s) => s.stale === 0)).toBe(true);
    // Back to where the loop above left it.
    await byTestId('cadence-input').fill('Hver 5. uke');
    await page.waitForTimeout(400);

    // A new name for T1.2 changes the labels of its meetings only: drawn in parts.
    await byTestId('structure-T1.2').click();
    const oldName = await byTestId('name-input').inputValue();
    await byTestId('name-input').fill(`Endret ${oldName}`);
    await page.waitForTimeout(400);
    perf.grorudLastPaint = await page.evaluate(() => window.__arshjulPerf);

    // The wheel drawn edit by edit (only where each edit changed it) is the wheel drawn whole:
    // a new width clears the canvas and draws it whole; back at the old width, compare pixels.
    // Only the smoothing of edges may differ a little (a clipped drawing rounds some edge pixels
    // by a level or a few); a missing or stale item or label would differ by far more.
    const canvasSize = () =>
      page.$eval('[data-testid="wheel-canvas"]', (el) => {
        const c = el as HTMLCanvasElement;
        return `${c.width}x${c.height}`;
      });
    /** How the wheel's canvas differs, pixel by pixel, from the pixels kept in the page. */
    const differenceFromKept = () =>
      page.$eval('[data-testid="wheel-canvas"]', (el) => {
        const c = el as HTMLCanvasElement;
        const now = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const then = (window as unknown as { __wheelPixels: Uint8ClampedArray }).__wheelPixels;
        let pixels = 0;
        let visible = 0;
        let most = 0;
        for (let i = 0; i < now.length; i += 4) {
          let d = 0;
          for (let k = 0; k < 4; k++) d = Math.max(d, Math.abs(now[i + k]! - then[i + k]!));
          if (d > 0) pixels++;
          if (d > 32) visible++;
          most = Math.max(most, d);
        }
        return { pixels, visible, most, of: now.length / 4 };
      });
    const size = await canvasSize();
    await page.$eval('[data-testid="wheel-canvas"]', (el) => {
      const c = el as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      (window as unknown as { __wheelPixels: Uint8ClampedArray }).__wheelPixels = data;
    });
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width - 200, height: viewport.height });
    await expect.poll(canvasSize).not.toBe(size);
    await page.setViewportSize(viewport);
    await expect.poll(canvasSize).toBe(size);
    const difference = await differenceFromKept();
    perf.incrementalVersusWhole = difference;
    expect(difference.visible).toBe(0);
    expect(difference.pixels).toBeLessThan(difference.of / 50);

    // The painter copies each label from a picture of it: the same as writing every text where it
    // goes (drawWheelCanvas, the plain drawing), but for rounding where text smooths into colour.
    await page.evaluate(
      `import(${JSON.stringify(`${session.server.url}exporter.js`)}).then((m) => { window.__arshjulPlain = m.drawWheelCanvas; })`,
    );
    await page.$eval('[data-testid="wheel-canvas"]', (el) => {
      const c = el as HTMLCanvasElement;
      type Store = { layout: unknown };
      const app = (
        document.querySelector('#app') as unknown as {
          __vue_app__: { config: { globalProperties: { $pinia: { _s: Map<string, Store> } } } };
        }
      ).__vue_app__;
      const layout = app.config.globalProperties.$pinia._s.get('view')!.layout as {
        geometry: { size: number };
      };
      const plain = document.createElement('canvas');
      plain.width = c.width;
      plain.height = c.height;
      const draw = (window as unknown as { __arshjulPlain: (...a: unknown[]) => void })
        .__arshjulPlain;
      const size = layout.geometry.size;
      draw(plain.getContext('2d'), layout, { box: [0, 0, size, size], scale: c.width / size });
      const data = plain.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      (window as unknown as { __wheelPixels: Uint8ClampedArray }).__wheelPixels = data;
    });
    const plainDifference = await differenceFromKept();
    perf.paintedVersusPlain = plainDifference;
    expect(plainDifference.visible).toBe(0);
    expect(plainDifference.pixels).toBeLessThan(plainDifference.of / 50);
    await byTestId('name-input').fill(oldName);
    await byTestId('structure-T4.1').click();

    await byTestId('tab-plan').click();
    await byTestId('plan-table').first().waitFor();
    const plan: EditTiming[] = [];
    for (const phrase of phrases) {
      plan.push(await editToFrame('cadence-input', phrase, '#panel-plan'));
      await page.waitForTimeout(400);
    }
    perf.grorudEditToFrameOnPlan = { ...summarise(plan), samples: plan };
    const planInFrames: FrameTiming[] = [];
    for (const [i, phrase] of [...phrases, ...phrases].entries()) {
      planInFrames.push(
        await editInFrames('cadence-input', phrase, ((i * 7) % 16) / 16, '#panel-plan'),
      );
      await page.waitForTimeout(300);
    }
    perf.grorudPlanEditInFrames = { ...frameSummary(planInFrames), samples: planInFrames };
    expect(planInFrames.every((s) => s.stale === 0)).toBe(true);
    perf.grorudLastPlanRebuild = await page.evaluate(() => window.__arshjulPerf);
    await byTestId('tab-arshjul').click();
    await byTestId('wheel').waitFor();
    // Every edit changed the view it was measured on.
    expect(wheel.every((s) => s.patched >= 0)).toBe(true);
    expect(fresh.every((s) => s.patched >= 0)).toBe(true);
    expect(plan.every((s) => s.patched >= 0)).toBe(true);
  });

  it('opens a synthetic model with about 2,000 wheel items and measures it', async () => {
    const model = JSON.parse(readFileSync(GRORUD, 'utf8')) as {
      name: string;
      structures: Record<string, unknown>[];
    };
    const template = model.structures.find((s) => s.id === 'T4.1')!;
    const scope = template.scope as { kind: string; schools?: string[] };
    // «Hver fjerde uke» gives about ten dates a year: each is its own item (series of more than
    // fifteen dates are drawn as one band).
    const copies = 200;
    for (let n = 1; n <= copies; n++) {
      model.structures.push({
        ...template,
        id: `T9.${n}`,
        name: `Syntetisk struktur ${n}`,
        cadence: n % 2 === 0 ? 'Hver fjerde uke' : 'Hver 5. uke',
        notes: [],
        scope,
      });
    }
    model.name = `${model.name} (syntetisk, ${copies} ekstra strukturer)`;
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      byTestId('open-button').click(),
    ]);
    const t0 = Date.now();
    await chooser.setFiles({
      name: 'syntetisk.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(model, null, 2)),
    });
    await expect.poll(() => byTestId('status').textContent()).toContain('Åpnet');
    await expect.poll(async () => (await itemIds()).length).toBeGreaterThan(original.length + 500);
    const openMs = Date.now() - t0;
    expect(await byTestId('file-errors').count()).toBe(0);
    const opened = await page.evaluate(() => window.__arshjulPerf);
    // The wheel's drawing grows with its numbered legend: only its top is worth a picture.
    await byTestId('wheel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = await byTestId('wheel').boundingBox();
    if (box) {
      const y = Math.max(0, box.y);
      await page.screenshot({
        path: join(OUTPUT, 'synthetic-wheel.png'),
        clip: { x: box.x, y, width: box.width, height: Math.min(box.width, 1000 - y) },
      });
    }
    perf.syntheticWheelHeightPx = box?.height;

    await byTestId('structure-T9.1').click();
    const edits: EditTiming[] = [];
    for (const phrase of ['Hver fjerde uke', 'Hver tredje uke', 'Hver 5. uke']) {
      edits.push(await editToFrame('cadence-input', phrase));
      await page.waitForTimeout(600);
    }
    const afterEditPerf = await page.evaluate(() => window.__arshjulPerf);

    // Selection and hover on the big wheel: each step to the next frame.
    await byTestId('wheel').focus();
    const steps = await page.evaluate(async () => {
      const wheel = document.querySelector<HTMLElement>('[data-testid="wheel"]')!;
      const overlay = document.querySelector<SVGSVGElement>('.wheel-overlay')!;
      const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));
      const keys: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        wheel.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        await frame();
        keys.push(performance.now() - t0);
      }
      const rect = overlay.getBoundingClientRect();
      const hovers: number[] = [];
      for (let i = 0; i < 30; i++) {
        const angle = (i / 30) * 2 * Math.PI;
        const r = 0.35 * Math.min(rect.width, rect.height);
        const t0 = performance.now();
        overlay.dispatchEvent(
          new MouseEvent('mousemove', {
            bubbles: true,
            clientX: rect.left + rect.width / 2 + r * Math.cos(angle),
            clientY: rect.top + rect.height / 2 + r * Math.sin(angle),
          }),
        );
        await frame();
        hovers.push(performance.now() - t0);
      }
      return { keys, hovers };
    });
    perf.synthetic = {
      structures: model.structures.length,
      items: opened?.items,
      openToItemsMs: openMs,
      rebuildOnOpen: opened,
      editToFrame: { ...summarise(edits), samples: edits },
      rebuildAfterEdit: afterEditPerf,
      selectStepToFrame: stats(steps.keys),
      hoverToFrame: stats(steps.hovers),
    };
    expect(opened?.items ?? 0).toBeGreaterThan(1000);
  });

  it('raised no uncaught errors in the page', () => {
    expect(session.pageErrors, session.pageErrors.join('\n')).toEqual([]);
  });
});
