/**
 * Electron entry point: hardens the session, registers IPC, seeds the Grorud example on first
 * start and opens the main window with its close guard.
 */
import * as fs from 'node:fs/promises';
import { app, BrowserWindow, session } from 'electron';
import { seedFirstStart, exampleCandidates } from './example.js';
import {
  createState,
  registerIpc,
  requestRendererSave,
  saveLatestRecovery,
  type IpcContext,
} from './ipc.js';
import { clearRecovery } from './files.js';
import { hardenSession, hardenWebContents } from './security.js';
import {
  askBeforeClose,
  builtPaths,
  createMainWindow,
  installCloseGuard,
  rendererUrl,
} from './window.js';

// Only an unpackaged (development) app follows ELECTRON_RENDERER_URL: a packaged app must never
// be pointed at another page by its environment.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'] || undefined;
const paths = builtPaths(import.meta.dirname);
const appUrl = rendererUrl(paths, devServerUrl);
const state = createState();
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents (including any the app did not create itself) gets the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));

  void app.whenReady().then(start);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  const ctx: IpcContext = {
    fs,
    userData: app.getPath('userData'),
    documents: app.getPath('documents'),
    appUrl,
    window: () => mainWindow,
    state,
  };
  registerIpc(ctx);
  await seedFirstStart(
    fs,
    ctx.userData,
    exampleCandidates(app.getAppPath(), process.resourcesPath),
  ).catch(() => null);
  openWindow(ctx);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(ctx);
  });
}

function openWindow(ctx: IpcContext): void {
  const win = createMainWindow(paths, appUrl);
  mainWindow = win;
  installCloseGuard(win, {
    isDirty: () => state.dirty,
    ask: () => askBeforeClose(win),
    // The renderer saves the live model; if it cannot answer, the newest recovery copy is saved.
    save: async () => (await requestRendererSave(ctx)) ?? saveLatestRecovery(ctx),
    discard: async () => {
      await clearRecovery(fs, ctx.userData);
      state.lastRecovery = null;
      state.dirty = false;
    },
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(appUrl);
}
