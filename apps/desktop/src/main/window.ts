/**
 * The main window: secure web preferences, hardened web contents, the renderer page and the
 * close guard that asks before unsaved changes are lost.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog } from 'electron';
import { hardenWebContents, secureWebPreferences } from './security.js';

export interface WindowPaths {
  /** The built preload script (`out/preload/index.cjs`). */
  preload: string;
  /** The built renderer page (`out/renderer/index.html`). */
  rendererHtml: string;
}

/** Paths of the built preload and renderer, relative to the built main script. */
export function builtPaths(mainDir: string): WindowPaths {
  return {
    preload: join(mainDir, '../preload/index.cjs'),
    rendererHtml: join(mainDir, '../renderer/index.html'),
  };
}

/** The URL the window shows: the dev server in development, else the built file. */
export function rendererUrl(paths: WindowPaths, devServerUrl: string | undefined): string {
  return devServerUrl ? devServerUrl : pathToFileURL(paths.rendererHtml).href;
}

export function createMainWindow(paths: WindowPaths, appUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Årshjulet',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(paths.preload),
  });
  hardenWebContents(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  return win;
}

export type CloseChoice = 'save' | 'discard' | 'cancel';

/** Lagre / Ikke lagre / Avbryt. */
export async function askBeforeClose(win: BrowserWindow | null): Promise<CloseChoice> {
  const options = {
    type: 'warning' as const,
    title: 'Ulagrede endringer',
    message: 'Vil du lagre endringene før du lukker?',
    detail: 'Endringer som ikke er lagret, går tapt hvis du velger «Ikke lagre».',
    buttons: ['Lagre', 'Ikke lagre', 'Avbryt'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
  const { response } = win
    ? await dialog.showMessageBox(win, options)
    : await dialog.showMessageBox(options);
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
}

export interface CloseGuardDeps {
  isDirty(): boolean;
  ask(): Promise<CloseChoice>;
  /** Saves the newest copy; false when nothing was saved (then the window stays open). */
  save(): Promise<boolean>;
  /** Called when the user chose not to save. */
  discard(): Promise<void>;
}

/** Minimal window surface the guard needs (a BrowserWindow, or a fake in tests). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

/**
 * Holds the window open while there are unsaved changes and asks what to do. Returns a promise
 * hook for tests: `pending()` resolves when the last question has been handled.
 */
export function installCloseGuard(
  win: ClosableWindow,
  deps: CloseGuardDeps,
): { pending(): Promise<void> } {
  let allowClose = false;
  let asking: Promise<void> = Promise.resolve();
  let busy = false;
  win.on('close', (event) => {
    if (allowClose || !deps.isDirty()) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    asking = (async () => {
      try {
        const choice = await deps.ask();
        if (choice === 'cancel') return;
        if (choice === 'save' && !(await deps.save())) return;
        if (choice === 'discard') await deps.discard();
        allowClose = true;
        win.close();
      } catch (error) {
        dialog.showErrorBox(
          'Kunne ikke lukke',
          error instanceof Error ? error.message : String(error),
        );
      } finally {
        busy = false;
      }
    })();
  });
  return { pending: () => asking };
}
