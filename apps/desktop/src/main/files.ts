/**
 * Pure file helpers for the main process: atomic writes that keep the previous version as
 * `.bak`, size-limited reads, the recent-files list and the recovery (autosave) file. They take
 * an fs-like object (a subset of `node:fs/promises`) so tests can run them against a temp dir.
 */
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../shared/api.js';

/** The subset of `node:fs/promises` the helpers use. */
export interface FsLike {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(
    path: string,
    data: string | Uint8Array,
    options?: { encoding?: 'utf8'; flush?: boolean; mode?: number },
  ): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
}

/** Largest model or recovery text accepted (characters of UTF-8 bytes on disk). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** How many entries the recent-files list keeps. */
export const MAX_RECENT = 10;

/** An error whose message is meant for the user (Norwegian bokmål). */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function exists(fs: FsLike, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

export interface AtomicWriteOptions {
  /** Copy the current file to `<path>.bak` before replacing it. */
  backup?: boolean;
  /** Distinguishes the temporary file; defaults to the process id. */
  pid?: number;
}

/**
 * Writes `data` to `<path>.tmp-<pid>`, flushes it, copies the current file (if any) to
 * `<path>.bak`, then renames the temporary file over `path`. The target is never missing or
 * half-written: if anything fails before the rename, the old file is untouched and the
 * temporary file is removed.
 */
export async function atomicWrite(
  fs: FsLike,
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = `${path}.tmp-${options.pid ?? process.pid}`;
  try {
    await fs.writeFile(tmp, data, { flush: true });
    if (options.backup && (await exists(fs, path))) {
      await fs.copyFile(path, `${path}.bak`);
    }
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined);
    throw new UserFacingError(`Kunne ikke lagre «${basename(path)}»: ${describe(error)}`, {
      cause: error,
    });
  }
}

/** Reads a UTF-8 text file no larger than `limit` bytes; strips a byte-order mark. */
export async function readTextLimited(
  fs: FsLike,
  path: string,
  limit = MAX_TEXT_BYTES,
): Promise<string> {
  let info: { size: number; isFile(): boolean };
  try {
    info = await fs.stat(path);
  } catch (error) {
    throw new UserFacingError(`Kunne ikke åpne «${basename(path)}»: ${describe(error)}`, {
      cause: error,
    });
  }
  if (!info.isFile()) throw new UserFacingError(`«${basename(path)}» er ikke en fil.`);
  if (info.size > limit) {
    throw new UserFacingError(
      `«${basename(path)}» er for stor (${formatMb(info.size)}; største tillatte er ${formatMb(limit)}).`,
    );
  }
  const text = await fs.readFile(path, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'filen eller mappen finnes ikke';
    case 'EACCES':
    case 'EPERM':
      return 'mangler tilgang';
    case 'ENOSPC':
      return 'disken er full';
    case 'EROFS':
      return 'disken er skrivebeskyttet';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

// --- Recent files -------------------------------------------------------------------------------

const recentSchema = z.array(
  z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() }),
);

export function recentPath(userData: string): string {
  return join(userData, 'recent.json');
}

/** The stored recent list; `null` when there is none yet (first start), `[]` when unreadable. */
export async function loadRecent(fs: FsLike, userData: string): Promise<RecentFile[] | null> {
  let text: string;
  try {
    text = await fs.readFile(recentPath(userData), 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    return [];
  }
  try {
    const parsed = recentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Moves (or adds) `path` to the front of the list; pure. */
export function updateRecent(
  list: readonly RecentFile[],
  path: string,
  now: Date = new Date(),
): RecentFile[] {
  const entry: RecentFile = { path, name: basename(path), openedAt: now.toISOString() };
  return [entry, ...list.filter((item) => item.path !== path)].slice(0, MAX_RECENT);
}

export async function saveRecent(
  fs: FsLike,
  userData: string,
  list: readonly RecentFile[],
): Promise<void> {
  await fs.mkdir(userData, { recursive: true });
  await atomicWrite(fs, recentPath(userData), `${JSON.stringify(list, null, 2)}\n`);
}

/** Loads, updates and stores the recent list; returns the new list. */
export async function rememberRecent(
  fs: FsLike,
  userData: string,
  path: string,
  now: Date = new Date(),
): Promise<RecentFile[]> {
  const list = updateRecent((await loadRecent(fs, userData)) ?? [], path, now);
  await saveRecent(fs, userData, list);
  return list;
}

// --- Recovery (autosave) ------------------------------------------------------------------------

export interface Recovery {
  text: string;
  savedAt: string;
  path: string | null;
}

const recoverySchema = z.object({
  text: z.string(),
  savedAt: z.string(),
  path: z.string().nullable(),
});

export function recoveryPath(userData: string): string {
  return join(userData, 'recovery.json');
}

export async function readRecovery(fs: FsLike, userData: string): Promise<Recovery | null> {
  try {
    const text = await readTextLimited(fs, recoveryPath(userData), MAX_TEXT_BYTES * 2);
    const parsed = recoverySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeRecovery(
  fs: FsLike,
  userData: string,
  recovery: Recovery,
): Promise<void> {
  await fs.mkdir(userData, { recursive: true });
  await atomicWrite(fs, recoveryPath(userData), JSON.stringify(recovery));
}

export async function clearRecovery(fs: FsLike, userData: string): Promise<void> {
  try {
    await fs.unlink(recoveryPath(userData));
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
