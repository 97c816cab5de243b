/**
 * `arshjul`: the command line. `run()` takes the arguments and an IO object, so tests drive it
 * without spawning processes; `main()` wires it to the real process.
 *
 * Exit codes: 0 done; 1 a phrase was not understood or a model is invalid; 2 a usage error or
 * bad input (unknown kommune or year, a file that cannot be read, a date that does not exist);
 * 3 an unexpected internal error.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isArshjulError, type ArshjulError } from '@arshjul/school-calendar';
import { buildCommand, BUILD_HELP } from './build.js';
import { adaptCommand, resolveCommand, stripCommand, updateCommand } from './transfer.js';
import { calendarCommand } from './calendar.js';
import { cadenceCommand } from './cadence.js';
import { diffCommand, revisionsCommand, validateCommand } from './model.js';
import { EXIT, UsageError, type Io } from './shared.js';

export * from './shared.js';
export { describeYear } from './calendar.js';

export const VERSION = '0.1.0';

const HELP = `arshjul ${VERSION} – årshjul og planer for skoler og bydeler

Bruk:
  arshjul calendar [--kommune oslo] [--year 2025-26] [--date ÅÅÅÅ-MM-DD] [--json]
  arshjul cadence "<rytme>" [--year 2025-26] [--kommune oslo] [--lang nb|nn|en] [--json]
                  [--policy skip|next-school-day|previous-school-day|keep]
                  [--start ÅÅÅÅ-MM-DD] [--event "navn=ÅÅÅÅ-MM-DD"]
  arshjul validate <modell.json> [--json] [--lang nb|nn|en] [--date ÅÅÅÅ-MM-DD]
  arshjul revisions <modell.json> [--year 2025-26] [--date ÅÅÅÅ-MM-DD] [--lang …] [--json]
  arshjul diff <gammel.json> <ny.json> [--lang nb|nn|en] [--json]
  ${BUILD_HELP.split('\n').slice(0, 4).join('\n  ')}
  arshjul adapt <kilde.json> --mapping <kartlegging.json> --out <modell.json> [--json]
                [--allow-personal-data]
  arshjul adapt <kilde.json> --starter <kartlegging.json>
  arshjul update <tilpasset.json> --from <ny-kilde.json> --out <oppdatert.json> [--json]
  arshjul resolve <oppdatert.json> [--item <id> --field <felt> --take kilden|lokalt --out <fil.json>]
  arshjul strip <modell.json> --out <fil.json> [--json]

Felles valg:
  --data fil.json    legg til eller rett en kommunes skolerute (kan gjentas)
  --ics fil.ics      importer en kommunes skolerute fra iCalendar (krever --kommune)
  --help, --version

Eksempler:
  arshjul calendar --kommune oslo --year 2025-26
  arshjul cadence "Hver fjerde uke" --year 2025-26
  arshjul cadence "En gang i forkant av sommerferien" --json
  arshjul validate examples/grorud/grorudmodellen.json
  arshjul revisions examples/grorud/grorudmodellen.json --year 2025-26 --date 2026-03-01
  arshjul build examples/grorud/grorudmodellen.json --area all --year 2025-26 --out out

Avslutningskoder: 0 ferdig; 1 rytmen ble ikke forstått, modellen eller kartleggingen er ugyldig,
konflikter gjenstår (update) eller personopplysninger er igjen (strip); 2 feil i bruk eller fila
kan ikke leses eller skrives.`;

/** node:util's parseArgs speaks English; the CLI speaks Norwegian. */
function translateArgError(message: string): string {
  let m: RegExpExecArray | null;
  if ((m = /Unknown option '([^']+)'/.exec(message))) return `Ukjent valg «${m[1]}».`;
  if ((m = /Option '(-\S+)[^']*' argument missing/.exec(message)))
    return `Valget ${m[1]} mangler en verdi.`;
  if ((m = /Option '(-\S+)[^']*' does not take an argument/.exec(message)))
    return `Valget ${m[1]} tar ingen verdi.`;
  return message.replace(/\. To specify.*$/s, '.');
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(VERSION);
      return EXIT.ok;
    }
    if (command === 'calendar') return await calendarCommand(rest, io);
    if (command === 'cadence') return await cadenceCommand(rest, io);
    if (command === 'validate') return await validateCommand(rest, io);
    if (command === 'revisions') return await revisionsCommand(rest, io);
    if (command === 'diff') return await diffCommand(rest, io);
    if (command === 'build') return await buildCommand(rest, io);
    if (command === 'adapt') return await adaptCommand(rest, io);
    if (command === 'update') return await updateCommand(rest, io);
    if (command === 'strip') return await stripCommand(rest, io);
    if (command === 'resolve') return await resolveCommand(rest, io);
    throw new UsageError(
      `Ukjent kommando «${command}». Kommandoer: calendar, cadence, validate, revisions, diff, build, adapt, update, resolve, strip.`,
    );
  } catch (e) {
    if (isArshjulError(e)) {
      io.err(`arshjul: ${(e as ArshjulError).describe()}`);
      return EXIT.usage;
    }
    if (
      e instanceof TypeError &&
      'code' in e &&
      String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`arshjul: ${translateArgError(e.message)}\nSe «arshjul --help».`);
      return EXIT.usage;
    }
    io.err(`arshjul: uventet feil: ${(e as Error).message ?? String(e)}`);
    if (process.env.ARSHJUL_DEBUG) io.err(String((e as Error).stack));
    else io.err('Kjør med ARSHJUL_DEBUG=1 for detaljer, og meld gjerne feilen.');
    return EXIT.internal;
  }
}

export async function main(argv: string[]): Promise<number> {
  // `arshjul … | head` closes the pipe early: end quietly instead of with a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return run(argv, {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => readFile(p, 'utf8'),
    today: () => new Date().toISOString().slice(0, 10),
    fileSize: async (p) => (await stat(p)).size,
    writeFile: writeFileAtomic,
    kindOf: async (p) => {
      try {
        return (await stat(p)).isDirectory() ? 'dir' : 'file';
      } catch {
        return 'missing';
      }
    },
    now: () => performance.now(),
  });
}

/** Writes through a temporary file and a rename, so a file is never left half-written. */
async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
