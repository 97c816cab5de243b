/** What the commands share: IO, exit codes, common options, loading calendars. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  ArshjulError,
  CalendarRegistry,
  importSchoolCalendarIcs,
  kommuneId,
  parseIsoDate,
  schoolYearNameOf,
  type Lang,
} from '@arshjul/school-calendar';
import { calendarRegistryFor, jsonSyntaxIssue, type Model } from '@arshjul/model';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  /** Today's date (ISO), for the default school year. */
  today: () => string;
  /** The size of a file in bytes, to refuse a huge file before reading it (optional). */
  fileSize?: (path: string) => Promise<number>;
  /** Writes a file, creating its folder; needed by `build`. */
  writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  /** Whether a path is a file, a folder or nothing (optional; `build` checks --out with it). */
  kindOf?: (path: string) => Promise<'file' | 'dir' | 'missing'>;
  /** A monotonic clock in milliseconds, for «done in 2.1 s» (optional). */
  now?: () => number;
}

export const EXIT = { ok: 0, notUnderstood: 1, usage: 2, internal: 3 } as const;

export const COMMON_OPTIONS = {
  kommune: { type: 'string' },
  year: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  data: { type: 'string', multiple: true },
  ics: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export class UsageError extends ArshjulError {
  constructor(message: string) {
    super('usage', message, undefined, 'Se «arshjul --help».');
  }
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'nb';
  if (value === 'nb' || value === 'nn' || value === 'en') return value;
  throw new UsageError(`--lang må være nb, nn eller en (fikk «${value}»).`);
}

export async function readText(io: Io, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'finnes ikke'
        : code === 'EISDIR'
          ? 'er en mappe'
          : `kan ikke leses (${code ?? (e as Error).message})`;
    throw new ArshjulError('file.read', `Filen ${why}.`, path);
  }
}

/**
 * The calendar registry with the bundled data, then the model's own school years (when a model is
 * given: `schoolCalendar` in the model file, as the app uses it), then --data and --ics files,
 * each later one correcting the earlier.
 */
export async function loadRegistry(
  io: Io,
  values: { data?: string[]; ics?: string[]; kommune?: string },
  model?: Model,
): Promise<CalendarRegistry> {
  const registry = model
    ? calendarRegistryFor(model, new CalendarRegistry())
    : new CalendarRegistry();
  for (const path of values.data ?? []) {
    const text = await readText(io, path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ArshjulError('file.json', jsonSyntaxIssue(text, e).message, path);
    }
    registry.addFile(json, path);
  }
  for (const path of values.ics ?? []) {
    if (!values.kommune)
      throw new UsageError('--ics trenger --kommune for å vite hvilken kommune skoleruta gjelder.');
    const text = await readText(io, path);
    // «nord fron» or «Nord-Fron kommune»: id nord-fron, name as written with a capital first letter.
    const id = kommuneId(values.kommune);
    const written = values.kommune.trim().replace(/\s+kommune$/i, '');
    const name = written.charAt(0).toUpperCase() + written.slice(1);
    const { file, warnings } = importSchoolCalendarIcs(text, {
      kommune: { id, name },
      source: path,
    });
    for (const w of warnings) io.err(`arshjul: advarsel: ${w}`);
    registry.addFile(file, path);
  }
  return registry;
}

export function defaultYear(io: Io, year: string | undefined): string {
  return year ?? schoolYearNameOf(parseIsoDate(io.today()));
}

export function parse<const T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
): ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
> {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}
