/**
 * What every end-to-end test file shares: the web build (built when older than its sources), a
 * static server for it, Debian's Chromium through playwright-core with axe-core loaded, and a
 * folder for screenshots. `ARSHJUL_WEB_DIST` builds and serves another folder than `dist-web/`
 * (so that two runs never write the same build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { serveStatic, type StaticServer } from './serve.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const APP = fileURLToPath(new URL('..', import.meta.url));
export const REPO = join(APP, '..', '..');
const distEnv = process.env['ARSHJUL_WEB_DIST'];
export const DIST = distEnv
  ? isAbsolute(distEnv)
    ? distEnv
    : join(APP, distEnv)
  : join(APP, 'dist-web');
export const OUTPUT = join(APP, 'e2e', 'output');
export const GRORUD = join(REPO, 'examples', 'grorud', 'grorudmodellen.json');
const require = createRequire(import.meta.url);

if (!HAS_CHROMIUM) {
  console.warn(
    `E2E: ${CHROMIUM} not found; skipping the end-to-end tests (apt-get install chromium, or run .ci/run).`,
  );
}

/** The newest modification time of any file under `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

/** Builds the web build when it is missing or older than the renderer or the packages it uses. */
export function ensureWebBuild(): void {
  const index = join(DIST, 'index.html');
  const sources = [
    join(APP, 'src', 'renderer'),
    join(APP, 'src', 'shared'),
    join(APP, 'vite.web.config.ts'),
    ...readdirSync(join(REPO, 'packages')).map((p) => join(REPO, 'packages', p, 'src')),
  ];
  const newestSource = Math.max(
    ...sources.map((s) =>
      existsSync(s) && statSync(s).isFile() ? statSync(s).mtimeMs : newest(s),
    ),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource) return;
  const run = spawnSync(
    'npx',
    ['--no-install', 'vite', 'build', '--config', 'vite.web.config.ts', '--outDir', DIST],
    {
      cwd: APP,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (run.status !== 0 || !existsSync(index)) {
    throw new Error(`vite build of ${DIST} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

const SERIOUS = new Set(['serious', 'critical']);

/** A running app in a browser page, with the page's errors collected. */
export interface Session {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Builds (when needed), serves and opens the app in Chromium, with axe-core in the page. */
export async function openApp(): Promise<Session> {
  mkdirSync(OUTPUT, { recursive: true });
  ensureWebBuild();
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    bypassCSP: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 1000 },
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(server.url);
  await addAxe(page);
  return {
    server,
    browser,
    context,
    page,
    pageErrors,
    consoleErrors,
    close: async () => {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
}

/** Loads axe-core into a page (the app's page has it; a page opened by a test may need it). */
export async function addAxe(page: Page): Promise<void> {
  await page.addScriptTag({
    content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
  });
}

/** axe-core on the whole page: the serious and critical violations (all are kept in a file). */
export async function axeSerious(page: Page, label: string): Promise<AxeViolation[]> {
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  writeFileSync(join(OUTPUT, `axe-${label}.json`), JSON.stringify(violations, null, 2));
  return violations.filter((v) => v.impact !== null && SERIOUS.has(v.impact));
}

export function describeViolations(list: AxeViolation[]): string {
  return list
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

/** Opens the app (`openApp`) and waits for the årshjul it starts on. */
export async function openReadyApp(): Promise<Session> {
  const session = await openApp();
  await session.page.getByTestId('wheel').waitFor();
  return session;
}

/** Closes the app; with a name, first keeps the page's errors in `console-<name>.json`. */
export async function closeApp(session: Session | undefined, consoleName?: string): Promise<void> {
  if (!session) return;
  if (consoleName) {
    const { pageErrors, consoleErrors } = session;
    writeFileSync(
      join(OUTPUT, `console-${consoleName}.json`),
      `${JSON.stringify({ pageErrors, consoleErrors }, null, 2)}\n`,
    );
  }
  await session.close();
}

/**
 * The steps a test file repeats, on its page (given as a getter: the page opens in `beforeAll`)
 * and with its screenshots and axe reports named `<prefix><name>`.
 */
export function steps(page: () => Page, prefix = '') {
  const byTestId = (id: string): Locator => page().getByTestId(id);
  return {
    byTestId,
    /** A screenshot of the page, or of one region. */
    shot: (name: string, locator?: Locator) =>
      (locator ?? page()).screenshot({ path: join(OUTPUT, `${prefix}${name}.png`) }),
    /** The top of a region (at most `height` px, 1280 px wide), for the user guide. */
    async shotTop(name: string, locator: Locator, height: number): Promise<void> {
      const box = (await locator.boundingBox())!;
      await page().screenshot({
        path: join(OUTPUT, `${prefix}${name}.png`),
        clip: {
          x: box.x,
          y: box.y,
          width: Math.min(box.width, 1280),
          height: Math.min(box.height, height),
        },
      });
    },
    /** axe-core finds no serious or critical violation on the page. */
    async noSerious(label: string): Promise<void> {
      const serious = await axeSerious(page(), `${prefix}${label}`);
      expect(serious, describeViolations(serious)).toEqual([]);
    },
    /** Opens a section of the «Modell» tab. */
    async toModelSection(section: string): Promise<void> {
      await byTestId('tab-model').click();
      await byTestId(`section-tab-${section}`).click();
      await byTestId(`section-${section}`).waitFor();
    },
  };
}

/** The files under a folder, as sorted relative paths with `/`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => relative(dir, join(dir, p)).split('\\').join('/'))
    .sort();
}

/**
 * `arshjul build` of the Grorud example (the CLI's built `dist/`) into `out`, the documents
 * saying they were made on `madeOn` (through `SOURCE_DATE_EPOCH`), with more arguments
 * (`--area ammerud --year 2025-26 …`). Throws with the CLI's output when it fails.
 */
export function cliBuild(out: string, madeOn: string, args: readonly string[]): void {
  const epoch = String(Date.parse(`${madeOn}T12:00:00Z`) / 1000);
  const run = spawnSync(
    process.execPath,
    [join(REPO, 'packages', 'cli', 'bin', 'arshjul.js'), 'build', GRORUD, ...args, '--out', out],
    { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: epoch } },
  );
  if (run.status !== 0) throw new Error(`arshjul build failed:\n${run.stdout}\n${run.stderr}`);
}
