/**
 * The renderer's platform in a plain browser: open through a file picker, save and export as
 * downloads (several export files as one zip with the same folder layout), recent files (names
 * only) and the recovery copy in localStorage. There is no folder to open; printing is the
 * browser's own `window.print()`.
 */
import JSZip from 'jszip';
import type {
  ArshjulApi,
  ExportRequest,
  ExportResult,
  OpenedFile,
  RecentFile,
} from '../../../shared/api.js';

const RECENT_KEY = 'arshjul.recent';
const RECOVERY_KEY = 'arshjul.recovery';
const MAX_RECENT = 10;

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

function readRecent(): RecentFile[] {
  try {
    const raw = storage()?.getItem(RECENT_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list)
      ? list.filter(
          (r): r is RecentFile =>
            typeof r === 'object' &&
            r !== null &&
            typeof (r as RecentFile).name === 'string' &&
            typeof (r as RecentFile).path === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

function remember(name: string): void {
  const now = new Date().toISOString();
  const list = [
    { path: name, name, openedAt: now },
    ...readRecent().filter((r) => r.name !== name),
  ].slice(0, MAX_RECENT);
  try {
    storage()?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or blocked: recent files are a convenience.
  }
}

/** Lets the user pick a file; resolves null when the dialog is cancelled. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    let settled = false;
    const done = (file: File | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The last part of a `folder/file` name. */
function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * What the browser downloads for an export: one file as itself, several as one zip named after
 * the export (`arshjul-grorud-2025-26.zip`) holding the files in their folders.
 */
export async function exportDownload(
  request: ExportRequest,
): Promise<{ name: string; blob: Blob }> {
  const only = request.files.length === 1 ? request.files[0] : undefined;
  if (only) return { name: baseName(only.name), blob: new Blob([only.bytes.slice()]) };
  const zip = new JSZip();
  // A fixed date keeps the zip the same for the same files.
  const date = new Date(Date.UTC(2000, 0, 1));
  for (const f of request.files) zip.file(f.name, f.bytes, { binary: true, date });
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
  const name = /\.zip$/i.test(request.name) ? request.name : `${request.name}.zip`;
  return { name, blob: new Blob([bytes.slice()], { type: 'application/zip' }) };
}

export function createBrowserApi(): ArshjulApi {
  return {
    platform: 'web',
    async openFile(kind = 'model'): Promise<OpenedFile | null> {
      const calendar = kind === 'calendar';
      const file = await pickFile(
        calendar ? '.ics,.json,text/calendar,application/json' : '.json,application/json',
      );
      if (!file) return null;
      const text = await file.text();
      if (!calendar) remember(file.name);
      return { path: file.name, name: file.name, text };
    },
    async openRecent(): Promise<OpenedFile | null> {
      // A browser cannot reopen a file by name: ask again.
      return this.openFile();
    },
    async recentFiles(): Promise<RecentFile[]> {
      return readRecent();
    },
    async saveFile(_path, text, suggestedName) {
      const name = suggestedName.endsWith('.json') ? suggestedName : `${suggestedName}.json`;
      download(name, new Blob([text], { type: 'application/json' }));
      remember(name);
      return { path: name, name };
    },
    async exportFiles(request): Promise<ExportResult | null> {
      if (request.files.length === 0) return null;
      const { name, blob } = await exportDownload(request);
      download(name, blob);
      return { folder: name, downloaded: true };
    },
    async openFolder() {
      throw new Error('En nettleser kan ikke åpne mapper: filene ligger i nedlastingsmappen.');
    },
    async print() {
      window.print();
    },
    async readRecovery() {
      try {
        const raw = storage()?.getItem(RECOVERY_KEY);
        if (!raw) return null;
        const value = JSON.parse(raw) as { text?: unknown; savedAt?: unknown; path?: unknown };
        if (typeof value.text !== 'string' || typeof value.savedAt !== 'string') return null;
        return {
          text: value.text,
          savedAt: value.savedAt,
          path: typeof value.path === 'string' ? value.path : null,
        };
      } catch {
        return null;
      }
    },
    async writeRecovery(text, path) {
      try {
        storage()?.setItem(
          RECOVERY_KEY,
          JSON.stringify({ text, path, savedAt: new Date().toISOString() }),
        );
      } catch {
        // Quota exceeded: nothing more a web page can do.
      }
    },
    async clearRecovery() {
      storage()?.removeItem(RECOVERY_KEY);
    },
    setDirty(dirty) {
      // The browser's own guard: a page with unsaved changes asks before it is left.
      if (typeof window === 'undefined') return;
      window.onbeforeunload = dirty ? (e: BeforeUnloadEvent) => e.preventDefault() : null;
    },
    async openExternal(url) {
      if (!/^https:\/\//.test(url)) return;
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // A browser page has no close dialog of its own to save from (it asks with onbeforeunload).
    onSaveRequest() {},
  };
}
