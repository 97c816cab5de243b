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
  /** Suggested folder name (in the browser: the zip's name, or ignored for a single file). */
  name: string;
  /**
   * The files, each named relative to that folder with at most one sub-folder
   * (`plan-ammerud-2025-26.pdf`, `ammerud/plan-ammerud-2025-26.pdf`), `/` as separator.
   */
  files: { name: string; bytes: Uint8Array }[];
}

/** Where an export went: a folder in Electron (for «Åpne mappe»), a download in the browser. */
export interface ExportResult {
  /** The folder written to (Electron), or the name of the download (browser). */
  folder: string;
  /** `true` when the files were downloaded (browser): there is no folder to open. */
  downloaded?: boolean;
  /** Files that could not be written (the others were): name and why, in Norwegian. */
  failed?: { name: string; message: string }[];
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
  /**
   * Writes export files atomically into a new folder `request.name` inside a folder the user
   * picks (in the browser: one download, a zip when there are several files). Null when cancelled.
   */
  exportFiles(request: ExportRequest): Promise<ExportResult | null>;
  /** Opens a folder this session exported to in the file manager (Electron only; refused otherwise). */
  openFolder(folder: string): Promise<void>;
  /** Prints the page as it is shown (the print stylesheet decides what is on paper). */
  print(): Promise<void>;
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
  openFolder: 'arshjul:open-folder',
  print: 'arshjul:print',
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
