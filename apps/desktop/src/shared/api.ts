/**
 * The only way the renderer reaches the outside world. In Electron the preload exposes these
 * named, typed functions as `window.arshjul` (every message validated in main); in a plain
 * browser `platform/browser.ts` implements the same interface (file picker, downloads,
 * localStorage). The renderer never touches Node, files or the network itself.
 */
export interface OpenedFile {
  /** A path in Electron; a file name in the browser. */
  path: string;
  name: string;
  text: string;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export interface ExportRequest {
  /** Suggested folder or file name. */
  name: string;
  files: { name: string; bytes: Uint8Array }[];
}

/**
 * What an open dialog is for: a model file (remembered among the recent files and saved to
 * again), or a school calendar to import (a skoleruta as .ics or a calendar data file; read only).
 */
export const FILE_KINDS = ['model', 'calendar'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface ArshjulApi {
  readonly platform: 'electron' | 'web';
  /** Shows an open dialog for a kind of file (default a model); null when cancelled. */
  openFile(kind?: FileKind): Promise<OpenedFile | null>;
  /** Opens a recent file again (Electron only; the browser asks again). */
  openRecent(path: string): Promise<OpenedFile | null>;
  recentFiles(): Promise<RecentFile[]>;
  /** Saves atomically (temporary file, then rename), keeping the previous version as `.bak`; asks for a path when `path` is null. Null when cancelled. */
  saveFile(
    path: string | null,
    text: string,
    suggestedName: string,
  ): Promise<{ path: string; name: string } | null>;
  /** Writes export files into a folder the user picks (a download in the browser). */
  exportFiles(request: ExportRequest): Promise<{ folder: string } | null>;
  /** The recovery copy written by autosave, if the app ended without saving. */
  readRecovery(): Promise<{ text: string; savedAt: string; path: string | null } | null>;
  writeRecovery(text: string, path: string | null): Promise<void>;
  clearRecovery(): Promise<void>;
  /** Tells main whether there are unsaved changes (for the close guard). */
  setDirty(dirty: boolean): void;
  /** Opens an https link in the system browser after main has checked it. */
  openExternal(url: string): Promise<void>;
  /**
   * Registers what to do when main asks the renderer to save (the close guard's «Lagre»): the
   * handler saves the live model and resolves to whether it was saved.
   */
  onSaveRequest(handler: () => Promise<boolean>): void;
}

/** IPC channel names, shared by main and preload. */
export const CHANNELS = {
  openFile: 'arshjul:open-file',
  openRecent: 'arshjul:open-recent',
  recentFiles: 'arshjul:recent-files',
  saveFile: 'arshjul:save-file',
  exportFiles: 'arshjul:export-files',
  readRecovery: 'arshjul:read-recovery',
  writeRecovery: 'arshjul:write-recovery',
  clearRecovery: 'arshjul:clear-recovery',
  setDirty: 'arshjul:set-dirty',
  openExternal: 'arshjul:open-external',
  /** The renderer's answer to a save request: (request id, saved). */
  saveDone: 'arshjul:save-done',
} as const;

/** The one message main sends the renderer: «save now» with a request id. */
export const SAVE_REQUEST = 'arshjul:save-request';
