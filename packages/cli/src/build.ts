/**
 * `arshjul build <modell.json> --area <id|all> --year 2025-26 --out <mappe>`: an area's årshjul
 * and implementation plan in every format (iCalendar, Word, Excel, PDF, SVG, PNG, HTML, the model
 * as JSON). `--area all` builds every area and the whole district, each in its own folder. One
 * progress line per file, a summary at the end.
 *
 * Exit codes: 0 done; 1 the model is invalid; 2 usage (unknown area, format or role, a file that
 * cannot be read or written).
 *
 * Which files go where (a folder per build for `--area all`, the model file once) is
 * `@arshjul/export`'s `exportRun`, the same layout and bytes the desktop app exports.
 *
 * The date the documents say they were made is today, or the day of `SOURCE_DATE_EPOCH` (seconds
 * since 1970, the reproducible-builds convention) when that environment variable is set: a way
 * to make the same files on another day (the app's export tests compare with it).
 */
import {
  exportRun,
  fileSlug,
  formatSize,
  FORMATS,
  runBuilds,
  UnknownRoleError,
  type ExportFile,
  type Format,
} from '@arshjul/export';
import { ArshjulError, parseIsoDate, type Lang, type SchoolYear } from '@arshjul/school-calendar';
import { nearest, type Model } from '@arshjul/model';
import { loadModelFile, refuse } from './model.js';
import {
  COMMON_OPTIONS,
  defaultYear,
  EXIT,
  loadRegistry,
  parse,
  parseLang,
  UsageError,
  type Io,
} from './shared.js';

export const BUILD_HELP = `arshjul build <modell.json> --area <id|all> [--year 2025-26] [--kommune oslo] --out <mappe>
              [--formats ics,docx,xlsx,pdf,svg,png,html,cards,glossary,json] [--role <rolle-id>]…
              [--no-persons] [--lang nb|nn|en] [--date ÅÅÅÅ-MM-DD] [--today ÅÅÅÅ-MM-DD] [--json]
              [--data fil.json] [--ics skolerute.ics]

  --area     et område i modellen (id eller navn), eller «all» for alle områdene og hele bydelen
  --formats  hvilke filer (standard: alle)
  --role     lag også en kalender for denne rollen (kan gjentas)
  --no-persons  ingen navn, telefonnumre eller e-postadresser på rollekortene og kontaktarket
  cards      rollevisittkort (nettside og PDF) og kontaktark (PDF og Word) for hvert område
  glossary   ordlisten (nettside og PDF), én gang for hele bydelen
  --date     dagen som avgjør hvilke skoler og strukturer som er med (standard: første skoledag)
  --today    tegn «I dag» i årshjulet på denne datoen
  --data, --ics  en annen kommunes skolerute (se «arshjul calendar --help»)`;

const T = {
  nb: {
    building: (what: string, year: string) => `Bygger ${what} for skoleåret ${year}`,
    done: (builds: number, files: number, size: string, out: string) =>
      `Ferdig: ${builds} ${builds === 1 ? 'årshjul og plan' : 'årshjul og planer'}, ${files} ${files === 1 ? 'fil' : 'filer'} (${size}) i ${out}`,
    seconds: (s: string) => ` på ${s} s`,
    warnings: (n: number) => `${n} ${n === 1 ? 'ting' : 'ting'} å merke seg i årshjulene:`,
    more: (n: number) => `  … og ${n} til (se «Å merke seg» i planene)`,
    district: 'hele bydelen',
    areas: (names: string) => `${names} og hele bydelen`,
  },
  nn: {
    building: (what: string, year: string) => `Byggjer ${what} for skuleåret ${year}`,
    done: (builds: number, files: number, size: string, out: string) =>
      `Ferdig: ${builds} ${builds === 1 ? 'årshjul og plan' : 'årshjul og planar'}, ${files} ${files === 1 ? 'fil' : 'filer'} (${size}) i ${out}`,
    seconds: (s: string) => ` på ${s} s`,
    warnings: (n: number) => `${n} ting å merke seg i årshjula:`,
    more: (n: number) => `  … og ${n} til (sjå «Å merke seg» i planane)`,
    district: 'heile bydelen',
    areas: (names: string) => `${names} og heile bydelen`,
  },
  en: {
    building: (what: string, year: string) => `Building ${what} for the school year ${year}`,
    done: (builds: number, files: number, size: string, out: string) =>
      `Done: ${builds} ${builds === 1 ? 'wheel and plan' : 'wheels and plans'}, ${files} ${files === 1 ? 'file' : 'files'} (${size}) in ${out}`,
    seconds: (s: string) => ` in ${s} s`,
    warnings: (n: number) => `${n} ${n === 1 ? 'thing' : 'things'} to note in the wheels:`,
    more: (n: number) => `  … and ${n} more (see «To note» in the plans)`,
    district: 'the whole district',
    areas: (names: string) => `${names} and the whole district`,
  },
} satisfies Record<Lang, unknown>;

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const asked = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || asked.length === 0)
    throw new UsageError(
      `Ukjent format ${unknown.map((f) => `«${f}»`).join(', ') || '(ingen)'} i --formats. Formatene er ${FORMATS.join(', ')}.`,
    );
  return FORMATS.filter((f) => asked.includes(f));
}

/** Joins a folder and a file name with `/`, keeping a folder given with a trailing slash. */
function join(dir: string, ...parts: string[]): string {
  return [dir.replace(/[\\/]+$/, ''), ...parts].join('/');
}

/** Why a file could not be written, in words. */
function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOTDIR: 'en del av stien er en fil, ikke en mappe',
    EISDIR: 'det finnes en mappe med det navnet',
    EACCES: 'du har ikke lov til å skrive her',
    EPERM: 'du har ikke lov til å skrive her',
    EROFS: 'disken kan bare leses',
    ENOSPC: 'disken er full',
    EBUSY: 'filen er åpen i et annet program',
  };
  return `Kan ikke skrive filen: ${(code && why[code]) ?? code ?? (e as Error).message}.`;
}

/** --out must be a folder (or not exist yet): say so before anything is built. */
async function checkOutFolder(io: Io, out: string): Promise<void> {
  const kind = io.kindOf ? await io.kindOf(out) : undefined;
  if (kind === 'file')
    throw new UsageError(
      `--out ${out} er en fil, ikke en mappe. Oppgi mappen filene skal i (den lages om den ikke finnes).`,
    );
}

/** The folder of each build under --out (moved to `@arshjul/export`, kept here for callers). */
export { folderNames } from '@arshjul/export';

/**
 * The area asked for: its id, or its name written any way («Romsås», «romsas»); otherwise a
 * usage error naming the areas, with the nearest as a suggestion.
 */
function resolveArea(model: Model, asked: string): string {
  if (asked === 'all') return asked;
  const areas = model.organisation.areas;
  const byId = areas.find((a) => a.id === asked);
  if (byId) return byId.id;
  const wanted = fileSlug(asked);
  const byName = areas.find(
    (a) => fileSlug(a.name) === wanted || a.aliases.some((x) => fileSlug(x) === wanted),
  );
  if (byName) return byName.id;
  const ids = areas.map((a) => a.id);
  const guess = nearest(asked, ids);
  throw new UsageError(
    `Modellen har ikke området «${asked}»${guess ? ` — mente du «${guess}»?` : '.'} ` +
      (ids.length > 0
        ? `Områdene er ${ids.map((a) => `«${a}»`).join(', ')}, eller «all» for hele bydelen.`
        : 'Den har ingen områder; bruk «--area all».'),
  );
}

/** `SOURCE_DATE_EPOCH` as a date (UTC), or undefined when it is not set or not a number. */
export function sourceDate(epoch: string | undefined): string | undefined {
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    area: { type: 'string' },
    out: { type: 'string', short: 'o' },
    formats: { type: 'string' },
    role: { type: 'string', multiple: true },
    date: { type: 'string' },
    today: { type: 'string' },
    'no-persons': { type: 'boolean' },
  });
  if (values.help) {
    io.out(BUILD_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      'build tar én modellfil, f.eks. «arshjul build modell.json --area all --year 2025-26 --out out».',
    );
  if (values.area === undefined)
    throw new UsageError('build trenger --area: et område i modellen, eller «all».');
  if (values.out === undefined) throw new UsageError('build trenger --out: mappen filene skal i.');
  if (!io.writeFile) throw new UsageError('build kan ikke skrive filer her.');
  const writeFile = io.writeFile;
  const lang = parseLang(values.lang);
  const formats = parseFormats(values.formats);
  const asOf = values.date !== undefined ? parseIsoDate(values.date, '--date') : undefined;
  const today = values.today !== undefined ? parseIsoDate(values.today, '--today') : undefined;

  const loaded = await loadModelFile(io, positionals[0]!, { lang, asOf: asOf ?? io.today() });
  const model = loaded.result.model;
  if (!model) return refuse(io, loaded, lang, values.json ?? false);

  const areaIds = model.organisation.areas.map((a) => a.id);
  const area = resolveArea(model, values.area);
  const roleIds = model.roles.map((r) => r.id);
  for (const role of values.role ?? []) {
    if (!roleIds.includes(role))
      throw new UsageError(
        `Modellen har ikke rollen «${role}». Rollene er ${roleIds.map((r) => `«${r}»`).join(', ')}.`,
      );
  }

  const registry = await loadRegistry(io, values, model);
  const kommune = registry.kommune(values.kommune ?? model.organisation.district.kommune);
  const year: SchoolYear = kommune.year(
    values.year ?? model.schoolYear ?? defaultYear(io, undefined),
  );
  if (asOf !== undefined && !year.contains(asOf)) {
    throw new UsageError(
      `--date ${asOf} ligger utenfor skoleåret ${year.name} (${year.span.from}–${year.span.to}); ` +
        'velg en dag i skoleåret, eller et annet skoleår med --year.',
    );
  }
  await checkOutFolder(io, values.out);
  const L = T[lang];
  const started = io.now?.();
  const made = runBuilds(model, { areas: [area], year, lang, ...(asOf ? { asOf } : {}) });
  const what =
    area === 'all'
      ? areaIds.length > 0
        ? L.areas(
            made
              .filter((b) => b.area !== 'all')
              .map((b) => b.plan.area!.name)
              .join(', '),
          )
        : L.district
      : made[0]!.plan.area!.name;
  const quiet = values.json ?? false;
  if (!quiet) io.out(`${L.building(what, year.name)} (${kommune.info.name})`);

  const written: {
    area: string;
    path: string;
    format: Format;
    description: string;
    bytes: number;
  }[] = [];
  const write = async (area: string, path: string, file: ExportFile) => {
    try {
      await writeFile(path, file.bytes);
    } catch (e) {
      throw new ArshjulError('file.write', writeProblem(e), path);
    }
    written.push({
      area,
      path,
      format: file.format,
      description: file.description,
      bytes: file.bytes.length,
    });
    if (!quiet)
      io.out(`  ${path.padEnd(48)}  ${file.description}, ${formatSize(file.bytes.length, lang)}`);
  };

  const madeOn = sourceDate(process.env['SOURCE_DATE_EPOCH']) ?? io.today();
  try {
    for await (const file of exportRun(model, made, {
      formats,
      lang,
      roles: values.role ?? [],
      madeOn,
      ...(values['no-persons'] ? { cardsPersonalData: false } : {}),
      ...(today ? { today } : {}),
    })) {
      await write(file.area, join(values.out, file.path), file);
    }
  } catch (e) {
    if (e instanceof UnknownRoleError) throw new UsageError(e.message);
    throw e;
  }

  const warnings = made.flatMap((b) =>
    b.arshjul.warnings
      .filter((w) => w.severity === 'warning')
      .map((w) => ({ area: b.plan.area?.name ?? b.plan.district, message: w.message })),
  );
  const total = written.reduce((n, f) => n + f.bytes, 0);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          model: positionals[0],
          schoolYear: year.name,
          kommune: kommune.info.id,
          out: values.out,
          builds: made.map((b) => ({
            area: b.area,
            name: b.plan.area?.name ?? b.plan.district,
            schools: b.plan.schools.map((s) => s.id),
            entries: b.arshjul.rings.reduce((n, r) => n + r.entries.length, 0),
            undated: b.arshjul.undated.length,
            files: written.filter((f) => f.area === b.area).map(({ area: _a, ...f }) => f),
          })),
          model_file: written.find((f) => f.area === 'model')?.path ?? null,
          warnings,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const seconds =
    started !== undefined && io.now ? L.seconds(((io.now() - started) / 1000).toFixed(1)) : '';
  const lines = [
    `${L.done(made.length, written.length, formatSize(total, lang), values.out)}${lang === 'en' ? seconds : seconds.replace('.', ',')}.`,
  ];
  if (warnings.length > 0) {
    lines.push(L.warnings(warnings.length));
    for (const w of warnings.slice(0, 5)) lines.push(`  ${w.area}: ${w.message}`);
    if (warnings.length > 5) lines.push(L.more(warnings.length - 5));
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
