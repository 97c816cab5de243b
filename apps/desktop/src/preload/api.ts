/**
 * Builds the `ArshjulApi` the preload exposes: each member invokes its CHANNELS entry and nothing
 * else. Kept apart from the entry so that the entry module exports nothing.
 */
import { CHANNELS, SAVE_REQUEST, type ArshjulApi } from '../shared/api.js';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens to a message from main (`ipcRenderer.on` without the event object). */
export type Listen = (channel: string, listener: (...args: unknown[]) => void) => void;

/**
 * `ipcRenderer.invoke` wraps errors thrown in main as "Error invoking remote method '…': Error: …";
 * this returns an Error carrying only main's (Norwegian) message, for the renderer to show.
 */
export function cleanIpcError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
}

/** Wraps `ipcRenderer.invoke` so rejections carry main's message only. */
export function cleanInvoke(invoke: Invoke): Invoke {
  return (channel, ...args) =>
    invoke(channel, ...args).catch((error: unknown) => {
      throw cleanIpcError(error);
    });
}

export function createApi(invoke: Invoke, listen: Listen = () => undefined): ArshjulApi {
  return {
    platform: 'electron',
    openFile: (kind = 'model') =>
      invoke(CHANNELS.openFile, kind) as ReturnType<ArshjulApi['openFile']>,
    openRecent: (path) => invoke(CHANNELS.openRecent, path) as ReturnType<ArshjulApi['openRecent']>,
    recentFiles: () => invoke(CHANNELS.recentFiles) as ReturnType<ArshjulApi['recentFiles']>,
    saveFile: (path, text, suggestedName) =>
      invoke(CHANNELS.saveFile, path, text, suggestedName) as ReturnType<ArshjulApi['saveFile']>,
    exportFiles: (request) =>
      invoke(CHANNELS.exportFiles, request) as ReturnType<ArshjulApi['exportFiles']>,
    openFolder: async (folder) => {
      await invoke(CHANNELS.openFolder, folder);
    },
    print: async () => {
      await invoke(CHANNELS.print);
    },
    readRecovery: () => invoke(CHANNELS.readRecovery) as ReturnType<ArshjulApi['readRecovery']>,
    writeRecovery: async (text, path) => {
      await invoke(CHANNELS.writeRecovery, text, path);
    },
    clearRecovery: async () => {
      await invoke(CHANNELS.clearRecovery);
    },
    setDirty: (dirty) => {
      invoke(CHANNELS.setDirty, dirty).catch((error: unknown) => {
        console.error('setDirty failed', error);
      });
    },
    openExternal: async (url) => {
      await invoke(CHANNELS.openExternal, url);
    },
    onSaveRequest: (handler) => {
      listen(SAVE_REQUEST, (id) => {
        if (typeof id !== 'number') return;
        void (async () => {
          let saved = false;
          try {
            saved = await handler();
          } catch {
            saved = false;
          }
          await invoke(CHANNELS.saveDone, id, saved).catch((error: unknown) => {
            console.error('saveDone failed', error);
          });
        })();
      });
    },
  };
}
