/**
 * The main-process side of `ArshjulApi`: one `ipcMain.handle` per CHANNELS entry. Every message
 * must come from the app's own top-level page and match its zod schema. Files are reached only
 * through dialogs shown here, or through the recent-files list main keeps in userData: the
 * renderer can never make main read or overwrite a path of its own choosing.
 */
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { dialog, ipcMain, shell } from 'electron';
import type {
  BrowserWindow,
  IpcMainInvokeEvent,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { CHANNELS, SAVE_REQUEST } from '../shared/api.js';
import type {
  ExportRequest,
  ExportResult,
  FileKind,
  OpenedFile,
  RecentFile,
} from '../shared/api.js';
import {
  UserFacingError,
  atomicWrite,
  clearRecovery,
  loadRecent,
  readRecovery,
  readTextLimited,
  rememberRecent,
  writeRecovery,
  type FsLike,
  type Recovery,
} from './files.js';
import { isTrustedSender, openExternalSafely, type SenderLike } from './security.js';
import { parseArgs, type ChannelName } from './validate.js';

/** What main remembers between messages. */
export interface MainState {
  /** The renderer's last `setDirty`. */
  dirty: boolean;
  /** Paths the user picked in a dialog during this session (may be saved to again). */
  allowedPaths: Set<string>;
  /** Folders main wrote an export to in this session (the only ones «Åpne mappe» opens). */
  exportFolders: Set<string>;
  /** The newest recovery copy written in this session. */
  lastRecovery: Recovery | null;
  /** Save requests sent to the renderer, waiting for its answer (by request id). */
  pendingSaves: Map<number, (saved: boolean) => void>;
  nextSaveId: number;
}

export function createState(): MainState {
  return {
    dirty: false,
    allowedPaths: new Set(),
    exportFolders: new Set(),
    lastRecovery: null,
    pendingSaves: new Map(),
    nextSaveId: 1,
  };
}

export interface IpcContext {
  fs: FsLike;
  /** `app.getPath('userData')`. */
  userData: string;
  /** Where save dialogs start (`app.getPath('documents')`). */
  documents: string;
  /** The app's page URL (dev server URL or the built index.html as a file URL). */
  appUrl: string;
  window(): BrowserWindow | null;
  state: MainState;
  now?: () => Date;
}

/** The part of an IPC event `print` uses: the web contents that sent it. */
export interface PrintableSender {
  sender?: {
    print(
      options: { silent?: boolean; printBackground?: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
}

type Handler = (event: SenderLike & PrintableSender, ...args: unknown[]) => Promise<unknown>;

const JSON_FILTERS = [
  { name: 'Årshjulmodell (JSON)', extensions: ['json'] },
  { name: 'Alle filer', extensions: ['*'] },
];
const CALENDAR_FILTERS = [
  { name: 'Skolerute (iCalendar eller JSON)', extensions: ['ics', 'json'] },
  { name: 'Alle filer', extensions: ['*'] },
];

function showOpen(ctx: IpcContext, options: OpenDialogOptions): Promise<OpenDialogReturnValue> {
  const win = ctx.window();
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
}

function showSave(ctx: IpcContext, options: SaveDialogOptions): Promise<SaveDialogReturnValue> {
  const win = ctx.window();
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
}

function withJsonExtension(name: string): string {
  return /\.json$/i.test(name) ? name : `${name}.json`;
}

async function openPath(ctx: IpcContext, path: string): Promise<OpenedFile> {
  const text = await readTextLimited(ctx.fs, path);
  await rememberRecent(ctx.fs, ctx.userData, path, ctx.now?.());
  ctx.state.allowedPaths.add(path);
  return { path, name: basename(path), text };
}

async function recentList(ctx: IpcContext): Promise<RecentFile[]> {
  return (await loadRecent(ctx.fs, ctx.userData)) ?? [];
}

/** A path main may write to without asking: picked in a dialog, or in the recent list. */
async function isKnownPath(ctx: IpcContext, path: string): Promise<boolean> {
  if (ctx.state.allowedPaths.has(path)) return true;
  return (await recentList(ctx)).some((entry) => entry.path === path);
}

/** Writes `text` to `path` (or a path the user picks) atomically, keeping `.bak`. */
async function saveText(
  ctx: IpcContext,
  path: string | null,
  text: string,
  suggestedName: string,
): Promise<{ path: string; name: string } | null> {
  let target = path;
  if (target !== null && !(await isKnownPath(ctx, target))) {
    throw new UserFacingError(
      'Kan ikke lagre til en fil som ikke er åpnet eller valgt i en dialog. Bruk «Lagre som».',
    );
  }
  if (target === null) {
    const result = await showSave(ctx, {
      title: 'Lagre årshjulmodell',
      buttonLabel: 'Lagre',
      defaultPath: join(ctx.documents, withJsonExtension(suggestedName)),
      filters: JSON_FILTERS,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return null;
    target = result.filePath;
  }
  await atomicWrite(ctx.fs, target, text, { backup: true });
  ctx.state.allowedPaths.add(target);
  await rememberRecent(ctx.fs, ctx.userData, target, ctx.now?.());
  return { path: target, name: basename(target) };
}

/**
 * Writes an export atomically into `request.name` inside a folder the user picks. Each file may
 * sit in one sub-folder (validated in validate.ts; checked again here to stay inside the folder).
 * A file that cannot be written is reported in `failed` and the others are still written.
 */
async function exportFiles(ctx: IpcContext, request: ExportRequest): Promise<ExportResult | null> {
  const result = await showOpen(ctx, {
    title: 'Velg mappe for eksport',
    buttonLabel: 'Eksporter hit',
    properties: ['openDirectory', 'createDirectory'],
  });
  const picked = result.filePaths[0];
  if (result.canceled || picked === undefined) return null;
  const folder = join(picked, request.name);
  await ctx.fs.mkdir(folder, { recursive: true });
  const failed: { name: string; message: string }[] = [];
  for (const file of request.files) {
    const target = resolve(folder, ...file.name.split('/'));
    const inside = relative(folder, target);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      failed.push({ name: file.name, message: 'filnavnet peker ut av eksportmappen' });
      continue;
    }
    try {
      if (file.name.includes('/')) await ctx.fs.mkdir(join(target, '..'), { recursive: true });
      await atomicWrite(ctx.fs, target, file.bytes);
    } catch (error) {
      failed.push({
        name: file.name,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  ctx.state.exportFolders.add(folder);
  return failed.length > 0 ? { folder, failed } : { folder };
}

/** Prints the page that asked (`webContents.print()` of the sender), with the system dialog. */
function printSender(event: PrintableSender): Promise<void> {
  const contents = event.sender;
  if (!contents) return Promise.reject(new UserFacingError('Det er ingenting å skrive ut.'));
  return new Promise((resolvePrint, reject) => {
    contents.print({ printBackground: true }, (success, failureReason) => {
      if (success || failureReason === 'cancelled' || failureReason === 'Print job canceled') {
        resolvePrint();
      } else {
        reject(new UserFacingError(`Utskriften mislyktes: ${failureReason || 'ukjent feil'}.`));
      }
    });
  });
}

/** The implementation of each channel, given already validated arguments. */
function implementations(ctx: IpcContext): {
  [K in ChannelName]: (...args: never[]) => Promise<unknown>;
} {
  return {
    async openFile(kind: FileKind = 'model') {
      const calendar = kind === 'calendar';
      const result = await showOpen(ctx, {
        title: calendar ? 'Importer skolerute' : 'Åpne årshjulmodell',
        buttonLabel: calendar ? 'Importer' : 'Åpne',
        properties: ['openFile'],
        filters: calendar ? CALENDAR_FILTERS : JSON_FILTERS,
      });
      const path = result.filePaths[0];
      if (result.canceled || path === undefined) return null;
      // A calendar is only read: it joins neither the recent files nor the paths saved to.
      if (calendar)
        return { path, name: basename(path), text: await readTextLimited(ctx.fs, path) };
      return openPath(ctx, path);
    },
    async openRecent(path: string) {
      const list = await recentList(ctx);
      if (!list.some((entry) => entry.path === path)) {
        throw new UserFacingError(
          'Filen står ikke i listen over nylig brukte filer. Åpne den med «Åpne».',
        );
      }
      return openPath(ctx, path);
    },
    recentFiles: () => recentList(ctx),
    saveFile: (path: string | null, text: string, suggestedName: string) =>
      saveText(ctx, path, text, suggestedName),
    exportFiles: (request: ExportRequest) => exportFiles(ctx, request),
    async openFolder(folder: string) {
      if (!ctx.state.exportFolders.has(folder)) {
        throw new UserFacingError(
          'Bare en mappe du har eksportert til i denne økten kan åpnes herfra.',
        );
      }
      const problem = await shell.openPath(folder);
      if (problem) throw new UserFacingError(`Kunne ikke åpne mappen: ${problem}`);
    },
    // Needs the sender: handled in createHandlers (printSender).
    print: async () => undefined,
    readRecovery: () => readRecovery(ctx.fs, ctx.userData),
    async writeRecovery(text: string, path: string | null) {
      const recovery: Recovery = {
        text,
        savedAt: (ctx.now?.() ?? new Date()).toISOString(),
        path,
      };
      await writeRecovery(ctx.fs, ctx.userData, recovery);
      ctx.state.lastRecovery = recovery;
    },
    async clearRecovery() {
      await clearRecovery(ctx.fs, ctx.userData);
      ctx.state.lastRecovery = null;
    },
    async setDirty(dirty: boolean) {
      ctx.state.dirty = dirty;
    },
    async saveDone(id: number, saved: boolean) {
      const resolve = ctx.state.pendingSaves.get(id);
      ctx.state.pendingSaves.delete(id);
      resolve?.(saved);
    },
    async openExternal(url: string) {
      if (!(await openExternalSafely(url))) {
        throw new UserFacingError('Lenken kan ikke åpnes: bare https-lenker er tillatt.');
      }
    },
  };
}

/** Handlers as `ipcMain.handle` receives them: sender check, validation, then the work. */
export function createHandlers(ctx: IpcContext): Record<ChannelName, Handler> {
  const impl = implementations(ctx);
  const handlers = {} as Record<ChannelName, Handler>;
  for (const name of Object.keys(CHANNELS) as ChannelName[]) {
    handlers[name] = async (event, ...args) => {
      if (!isTrustedSender(event, ctx.appUrl)) {
        throw new UserFacingError('Forespørselen kom ikke fra årshjulvinduet og ble avvist.');
      }
      const parsed = parseArgs(name, args) as never[];
      if (name === 'print') return printSender(event);
      return (impl[name] as (...a: never[]) => Promise<unknown>)(...parsed);
    };
  }
  return handlers;
}

/** Registers every channel with `ipcMain.handle`. */
export function registerIpc(ctx: IpcContext): void {
  const handlers = createHandlers(ctx);
  for (const name of Object.keys(CHANNELS) as ChannelName[]) {
    ipcMain.removeHandler(CHANNELS[name]);
    ipcMain.handle(CHANNELS[name], (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      handlers[name](event, ...args),
    );
  }
}

/** How long the close guard waits for the renderer's save (it may show a save dialog). */
export const SAVE_REQUEST_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * The close guard's «Lagre»: asks the renderer to save the live model (as its own «Lagre» does,
 * with a dialog for a new file) and waits for the answer. Resolves to `null` when the renderer
 * cannot answer (no window, or no answer in time), so the caller can fall back to the recovery
 * copy.
 */
export function requestRendererSave(
  ctx: IpcContext,
  timeoutMs = SAVE_REQUEST_TIMEOUT_MS,
): Promise<boolean | null> {
  const win = ctx.window();
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return Promise.resolve(null);
  const id = ctx.state.nextSaveId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ctx.state.pendingSaves.delete(id);
      resolve(null);
    }, timeoutMs);
    ctx.state.pendingSaves.set(id, (saved) => {
      clearTimeout(timer);
      resolve(saved);
    });
    win.webContents.send(SAVE_REQUEST, id);
  });
}

/**
 * Saves the newest recovery copy (what the renderer last autosaved) for the close guard's
 * «Lagre» when the renderer cannot save itself. Returns false when there is nothing to save or the user cancelled the dialog.
 */
export async function saveLatestRecovery(ctx: IpcContext): Promise<boolean> {
  const recovery = ctx.state.lastRecovery ?? (await readRecovery(ctx.fs, ctx.userData));
  if (!recovery) return false;
  const known = recovery.path !== null && (await isKnownPath(ctx, recovery.path));
  const saved = await saveText(
    ctx,
    known ? recovery.path : null,
    recovery.text,
    recovery.path ? basename(recovery.path) : 'arshjul.json',
  );
  if (!saved) return false;
  await clearRecovery(ctx.fs, ctx.userData);
  ctx.state.lastRecovery = null;
  ctx.state.dirty = false;
  return true;
}
