/**
 * Test helpers for driving `run()` without a process: a fake Io that records what the CLI
 * prints, reads files from an in-memory map first and from disk otherwise, and has a fixed
 * "today" (2025-11-01, so the default school year is 2025-26).
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { run, type Io } from '../src/index.js';

/** Absolute path of a file in packages/cli/test-fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** The repository root (where `npx arshjul` is run from). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number;
  /** Everything written to stdout, one call per line. */
  out: string;
  /** Everything written to stderr, one call per line. */
  err: string;
  /** stdout parsed as JSON (the commands print one JSON document with --json). */
  json: <T = Record<string, unknown>>() => T;
  /** Files the command wrote, by path. */
  written: Map<string, Uint8Array>;
}

export interface FakeIoOptions {
  /** Files by path; a path not in the map is read from disk. */
  files?: Record<string, string>;
  today?: string;
  /** Sizes the fake file system reports, by path (else the file's real size, or its text's). */
  sizes?: Record<string, number>;
  /** Makes every write fail with this error code (e.g. `EACCES`). */
  writeError?: string;
  /** What `kindOf` reports, by path (default `missing`). */
  kinds?: Record<string, 'file' | 'dir'>;
}

export function fakeIo(
  options: FakeIoOptions = {},
): Io & { outLines: string[]; errLines: string[]; written: Map<string, Uint8Array> } {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const written = new Map<string, Uint8Array>();
  const files = options.files ?? {};
  return {
    outLines,
    errLines,
    written,
    kindOf: async (path) => options.kinds?.[path] ?? 'missing',
    writeFile: async (path, bytes) => {
      if (options.writeError)
        throw Object.assign(new Error(`${options.writeError}: ${path}`), {
          code: options.writeError,
        });
      written.set(path, bytes);
    },
    out: (t) => void outLines.push(t),
    err: (t) => void errLines.push(t),
    readFile: async (path) =>
      Object.prototype.hasOwnProperty.call(files, path) ? files[path]! : readFile(path, 'utf8'),
    today: () => options.today ?? '2025-11-01',
    fileSize: async (path) =>
      options.sizes?.[path] ??
      (Object.prototype.hasOwnProperty.call(files, path)
        ? Buffer.byteLength(files[path]!)
        : (await stat(path)).size),
  };
}

/** Runs the CLI with the given arguments and returns its exit code and output. */
export async function cli(args: string[], options: FakeIoOptions = {}): Promise<CliResult> {
  const io = fakeIo(options);
  const code = await run(args, io);
  const out = io.outLines.join('\n');
  const err = io.errLines.join('\n');
  return {
    code,
    out,
    err,
    json: <T>() => JSON.parse(out) as T,
    written: io.written,
  };
}

/** True when the text holds a line of a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^ {4}at /m.test(text);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
