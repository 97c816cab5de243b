/**
 * The model commands:
 * - `arshjul validate <fil>`: is the model file valid; errors and warnings with their place in
 *   the file; a summary of what it holds.
 * - `arshjul revisions <fil> --year 2025-26`: which revisions fall due when, and who drafts,
 *   gives input, decides and publishes.
 * - `arshjul diff <gammel> <ny>`: the change log between two versions of a model.
 *
 * Exit codes: 0 valid (or done), 1 the model is invalid, 2 the file cannot be read (missing,
 * too large, empty, not JSON, from a newer version of Årshjulet) or a usage error.
 */
import {
  formatDate,
  formatShortDate,
  isArshjulError,
  parseIsoDate,
  type Lang,
  type SchoolYear,
} from '@arshjul/school-calendar';
import {
  diffModels,
  fileTooLarge,
  formatIssue,
  formatModelDiff,
  loadModelText,
  revisionsForYear,
  type Issue,
  type Model,
  type ModelRevision,
  type ModelSummary,
  type ValidationResult,
} from '@arshjul/model';
import type { RevisionState } from '@arshjul/revision';
import {
  COMMON_OPTIONS,
  defaultYear,
  EXIT,
  loadRegistry,
  parse,
  parseLang,
  readText,
  UsageError,
  type Io,
} from './shared.js';

/**
 * Problems that mean the file could not be read as a model at all (exit 2, not 1): it is not
 * there, not text, too large, empty, not JSON, or written by a newer version of Årshjulet. A
 * JSON file that is not a model (`{}`, no schemaVersion) is an invalid model (exit 1).
 */
const UNREADABLE = new Set([
  'file.read',
  'file.too-large',
  'file.empty',
  'json.syntax',
  'schema-version.newer',
  'migration.missing-step',
  'migration.failed',
]);

export interface Loaded {
  path: string;
  result: ValidationResult;
  unreadable: boolean;
}

/** A file that could not be read, as a validation result (so --json can report it too). */
function unreadableFile(path: string, issue: Issue): Loaded {
  const result: ValidationResult = {
    valid: false,
    errors: [issue],
    warnings: [],
    summary: null,
    source: path,
  };
  return { path, result, unreadable: true };
}

export async function loadModelFile(
  io: Io,
  path: string,
  options: { lang: Lang; asOf: string },
): Promise<Loaded> {
  // A huge file is refused before it is read into memory.
  const size = io.fileSize ? await io.fileSize(path).catch(() => undefined) : undefined;
  const tooLarge = size !== undefined ? fileTooLarge(size, { lang: options.lang }) : null;
  if (tooLarge) return unreadableFile(path, tooLarge);
  let text: string;
  try {
    text = await readText(io, path);
  } catch (e) {
    if (!isArshjulError(e)) throw e;
    return unreadableFile(path, {
      path: '',
      code: 'file.read',
      message: e.message,
      severity: 'error',
    });
  }
  const result = loadModelText(text, { lang: options.lang, source: path, asOf: options.asOf });
  const unreadable = result.errors.some((e) => UNREADABLE.has(e.code));
  return { path, result, unreadable };
}

/** `path: message`, or just the message for a problem with the whole file. */
const issueText = (i: Issue, lang: Lang): string => (i.path ? formatIssue(i, lang) : i.message);

const T = {
  nb: {
    valid: 'gyldig',
    invalid: 'ugyldig',
    unreadable: 'kan ikke leses',
    errors: 'Feil',
    warnings: 'Advarsler',
    structures: 'Strukturer',
    schools: 'Skoler',
    active: 'aktive',
    areas: 'områder',
    documents: 'dokumenter',
    roles: 'roller',
    revisions: 'revisjonsregler',
    onboarding: 'oppstartsplaner',
    routines: 'rutiner',
    model: 'modell',
    schoolYear: 'skoleår',
    noChanges: 'Ingen endringer.',
  },
  nn: {
    valid: 'gyldig',
    invalid: 'ugyldig',
    unreadable: 'kan ikkje lesast',
    errors: 'Feil',
    warnings: 'Åtvaringar',
    structures: 'Strukturar',
    schools: 'Skular',
    active: 'aktive',
    areas: 'område',
    documents: 'dokument',
    roles: 'roller',
    revisions: 'revisjonsreglar',
    onboarding: 'oppstartsplanar',
    routines: 'rutinar',
    model: 'modell',
    schoolYear: 'skuleår',
    noChanges: 'Ingen endringar.',
  },
  en: {
    valid: 'valid',
    invalid: 'invalid',
    unreadable: 'cannot be read',
    errors: 'Errors',
    warnings: 'Warnings',
    structures: 'Structures',
    schools: 'Schools',
    active: 'active',
    areas: 'areas',
    documents: 'documents',
    roles: 'roles',
    revisions: 'revision rules',
    onboarding: 'onboarding plans',
    routines: 'routines',
    model: 'model',
    schoolYear: 'school year',
    noChanges: 'No changes.',
  },
} as const;

function summaryLines(s: ModelSummary, lang: Lang): string[] {
  const t = T[lang];
  const st = s.structures;
  return [
    `  ${t.structures}: ${st.total} (strategisk ${st.strategisk}, organisatorisk ${st.organisatorisk}, operativt ${st.operativt})`,
    `  ${t.schools}: ${s.schools} (${s.activeSchools} ${t.active}), ${t.areas}: ${s.areas}, ${t.documents}: ${s.documents}, ${t.roles}: ${s.roles}`,
    `  ${t.revisions.charAt(0).toUpperCase()}${t.revisions.slice(1)}: ${s.revisions}, ${t.onboarding}: ${s.onboardingPlans}, ${t.routines}: ${s.routines}`,
  ];
}

function issueLines(title: string, issues: readonly Issue[], lang: Lang): string[] {
  if (!issues.length) return [];
  return ['', `${title} (${issues.length}):`, ...issues.map((i) => `  ${issueText(i, lang)}`)];
}

const issueJson = (i: Issue) => ({ path: i.path, code: i.code, message: i.message });

/** `validate --json`, and what `revisions`/`diff --json` print for a model they cannot use. */
function validationJson({ path, result }: Loaded) {
  return {
    file: path,
    valid: result.valid,
    errors: result.errors.map(issueJson),
    warnings: result.warnings.map(issueJson),
    summary: result.summary,
    ...(result.migratedFrom !== undefined ? { migratedFrom: result.migratedFrom } : {}),
  };
}

export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    json: COMMON_OPTIONS.json,
    lang: COMMON_OPTIONS.lang,
    help: COMMON_OPTIONS.help,
    date: { type: 'string' },
  });
  if (values.help) {
    io.out('arshjul validate <modellfil.json> [--json] [--lang nb|nn|en] [--date ÅÅÅÅ-MM-DD]');
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError('validate tar én modellfil, f.eks. «arshjul validate modell.json».');
  const lang = parseLang(values.lang);
  const asOf = values.date !== undefined ? parseIsoDate(values.date, '--date') : io.today();
  const loaded = await loadModelFile(io, positionals[0]!, { lang, asOf });
  const { path, result, unreadable } = loaded;
  const code = result.valid ? EXIT.ok : unreadable ? EXIT.usage : EXIT.notUnderstood;
  if (values.json) {
    io.out(JSON.stringify(validationJson(loaded), null, 2));
    return code;
  }
  const t = T[lang];
  const name = result.model
    ? ` ${t.model} «${result.model.name}»${result.model.schoolYear ? ` (${t.schoolYear} ${result.model.schoolYear})` : ''}`
    : '';
  const state = result.valid ? t.valid : unreadable ? t.unreadable : t.invalid;
  const lines = [`${path}: ${state}${name}`];
  if (result.summary) lines.push(...summaryLines(result.summary, lang));
  lines.push(...issueLines(t.errors, result.errors, lang));
  lines.push(...issueLines(t.warnings, result.warnings, lang));
  // The report is the command's output whether the model is valid or not (the exit code says
  // which); a file that cannot be read at all is an error.
  (unreadable ? io.err : io.out)(lines.join('\n'));
  return code;
}

/** Prints why a model file could not be used and returns its exit code. */
export function refuse(io: Io, loaded: Loaded, lang: Lang, json: boolean): number {
  const code = loaded.unreadable ? EXIT.usage : EXIT.notUnderstood;
  if (json) {
    io.out(JSON.stringify(validationJson(loaded), null, 2));
    return code;
  }
  io.err(
    [
      `arshjul: ${loaded.path}: ${loaded.unreadable ? T[lang].unreadable : `${T[lang].invalid} – ${lang === 'en' ? 'run «arshjul validate» for details' : 'kjør «arshjul validate» for detaljer'}`}`,
      ...loaded.result.errors.slice(0, 10).map((i) => `  ${issueText(i, lang)}`),
      ...(loaded.result.errors.length > 10 ? [`  … (${loaded.result.errors.length - 10})`] : []),
    ].join('\n'),
  );
  return code;
}

const STATE_TEXT: Record<Lang, Record<RevisionState, string>> = {
  nb: {
    'not-yet-due': 'ikke forfalt',
    due: 'til behandling',
    overdue: 'forsinket',
    done: 'utført',
  },
  nn: {
    'not-yet-due': 'ikkje forfalle',
    due: 'til handsaming',
    overdue: 'forseinka',
    done: 'utført',
  },
  en: { 'not-yet-due': 'not yet due', due: 'due', overdue: 'overdue', done: 'done' },
};

const LABELS = {
  nb: {
    heading: (m: string, y: string, k: string) => `Revisjoner i ${m}, skoleåret ${y} (${k})`,
    half: { høst: (y: number) => `Høsten ${y}`, vår: (y: number) => `Våren ${y}` },
    drafts: 'Utarbeider forslag',
    input: 'Innspill',
    decides: 'Vedtar',
    publishes: 'Publiserer',
    draftBy: 'forslag innen',
    forum: 'Forum',
    atForum: 'på møtet',
    suggested: 'foreslått dato',
    within: 'innenfor',
    status: (d: string) => `Status per ${d}`,
    unscheduled: 'Uten fast dato',
    continuous: 'revideres også fortløpende',
    none: 'Modellen har ingen revisjonsregler.',
  },
  nn: {
    heading: (m: string, y: string, k: string) => `Revisjonar i ${m}, skuleåret ${y} (${k})`,
    half: { høst: (y: number) => `Hausten ${y}`, vår: (y: number) => `Våren ${y}` },
    drafts: 'Utarbeider forslag',
    input: 'Innspel',
    decides: 'Vedtek',
    publishes: 'Publiserer',
    draftBy: 'forslag innan',
    forum: 'Forum',
    atForum: 'på møtet',
    suggested: 'føreslått dato',
    within: 'innanfor',
    status: (d: string) => `Status per ${d}`,
    unscheduled: 'Utan fast dato',
    continuous: 'vert òg revidert fortløpande',
    none: 'Modellen har ingen revisjonsreglar.',
  },
  en: {
    heading: (m: string, y: string, k: string) => `Revisions in ${m}, school year ${y} (${k})`,
    half: { høst: (y: number) => `Autumn ${y}`, vår: (y: number) => `Spring ${y}` },
    drafts: 'Drafts the proposal',
    input: 'Input',
    decides: 'Decides',
    publishes: 'Publishes',
    draftBy: 'proposal by',
    forum: 'Forum',
    atForum: 'at the meeting',
    suggested: 'suggested date',
    within: 'within',
    status: (d: string) => `Status on ${d}`,
    unscheduled: 'Without a fixed date',
    continuous: 'also revised continuously',
    none: 'The model has no revision rules.',
  },
} as const;

/** One line for a due date: date, title, how it was placed, the proposal deadline, the status. */
function dueLine(r: ModelRevision, i: number, lang: Lang): string {
  const L = LABELS[lang];
  const d = r.dueDates[i]!;
  const status = r.status?.[i];
  const how = d.atForum
    ? d.placement === 'suggested'
      ? `${L.atForum}, ${L.suggested}`
      : L.atForum
    : d.placement === 'suggested'
      ? `${L.suggested}${d.window ? `, ${L.within} ${formatShortDate(d.window.from, lang)} – ${formatShortDate(d.window.to, lang)}` : ''}`
      : '';
  return (
    `  ${formatDate(d.date, lang)}  ${r.title}` +
    (how ? ` (${how})` : '') +
    (d.draftBy ? ` – ${L.draftBy} ${formatShortDate(d.draftBy, lang)}` : '') +
    (status ? ` [${STATE_TEXT[lang][status.state]}]` : '')
  );
}

/** The forum, who does what, and «also continuously», indented under a revision. */
function detailLines(r: ModelRevision, lang: Lang): string[] {
  const L = LABELS[lang];
  const who = [
    [L.drafts, r.draftedBy],
    [L.input, r.input],
    [L.decides, r.decidedBy],
    [L.publishes, r.publishedBy],
  ] as const;
  const people = who
    .filter(([, list]) => list.length)
    .map(([label, list]) => `${label}: ${list.map((p) => p.name).join(', ')}`)
    .join(' · ');
  return [r.forum ? `${L.forum}: ${r.forum.text}` : '', people, r.continuous ? L.continuous : '']
    .filter(Boolean)
    .map((line) => `      ${line}`);
}

export async function revisionsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON_OPTIONS, date: { type: 'string' } });
  if (values.help) {
    io.out(
      'arshjul revisions <modellfil.json> [--year 2025-26] [--date ÅÅÅÅ-MM-DD] [--kommune oslo] [--json] [--lang nb|nn|en] [--data fil.json]',
    );
    return EXIT.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError(
      'revisions tar én modellfil, f.eks. «arshjul revisions modell.json --year 2025-26».',
    );
  const lang = parseLang(values.lang);
  const asOf = values.date !== undefined ? parseIsoDate(values.date, '--date') : undefined;
  const loaded = await loadModelFile(io, positionals[0]!, { lang, asOf: asOf ?? io.today() });
  const model = loaded.result.model;
  if (!model) return refuse(io, loaded, lang, values.json ?? false);
  const registry = await loadRegistry(io, values, model);
  const kommune = registry.kommune(values.kommune ?? model.organisation.district.kommune);
  const year: SchoolYear = kommune.year(
    values.year ?? model.schoolYear ?? defaultYear(io, undefined),
  );
  const revisions = revisionsForYear(model, year, { lang, ...(asOf ? { asOf } : {}) });
  if (values.json) {
    io.out(JSON.stringify(revisionsJson(model, year, kommune.info.name, revisions, asOf), null, 2));
    return EXIT.ok;
  }
  const L = LABELS[lang];
  const lines = [L.heading(model.name, year.name, kommune.info.name)];
  if (asOf) lines.push(L.status(formatDate(asOf, lang)));
  if (!revisions.length) lines.push('', L.none);
  // Every due date in date order, under the half-year it falls in.
  const due = revisions
    .flatMap((r) => r.dueDates.map((d, i) => ({ r, i, date: d.date })))
    .sort((a, b) => a.date.localeCompare(b.date));
  // Autumn runs to the end of the autumn half (Christmas); everything after is spring.
  const autumnEnd = year.halves.høst.to;
  for (const half of ['høst', 'vår'] as const) {
    const inHalf = due.filter((x) => (half === 'høst') === x.date <= autumnEnd);
    if (!inHalf.length) continue;
    const calendarYear = half === 'høst' ? year.startYear : year.startYear + 1;
    lines.push('', L.half[half](calendarYear));
    for (const x of inHalf) lines.push(dueLine(x.r, x.i, lang), ...detailLines(x.r, lang));
  }
  const undated = revisions.filter((r) => !r.dueDates.length);
  if (undated.length) {
    lines.push('', `${L.unscheduled}:`);
    for (const r of undated)
      lines.push(`  ${r.title}: ${r.unscheduled ?? ''}`, ...detailLines(r, lang));
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}

function revisionsJson(
  model: Model,
  year: SchoolYear,
  kommune: string,
  revisions: readonly ModelRevision[],
  asOf: string | undefined,
) {
  return {
    model: model.name,
    schoolYear: year.name,
    kommune,
    ...(asOf ? { asOf } : {}),
    revisions: revisions.map((r) => ({
      id: r.rule.id,
      title: r.title,
      subject: r.subject,
      forum: r.forum ?? null,
      due: r.dueDates.map((d, i) => ({
        date: d.date,
        placement: d.placement,
        atForum: d.atForum,
        ...(d.window ? { window: d.window } : {}),
        ...(d.draftBy ? { draftBy: d.draftBy } : {}),
        ...(d.optional ? { optional: true } : {}),
        ...(r.status?.[i] ? { status: r.status[i]!.state } : {}),
      })),
      unscheduled: r.unscheduled,
      draftedBy: r.draftedBy,
      input: r.input,
      decidedBy: r.decidedBy,
      publishedBy: r.publishedBy,
      continuous: r.continuous,
    })),
  };
}

export async function diffCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    json: COMMON_OPTIONS.json,
    lang: COMMON_OPTIONS.lang,
    help: COMMON_OPTIONS.help,
  });
  if (values.help) {
    io.out('arshjul diff <gammel.json> <ny.json> [--json] [--lang nb|nn|en]');
    return EXIT.ok;
  }
  if (positionals.length !== 2)
    throw new UsageError(
      'diff tar to modellfiler, den gamle og den nye: «arshjul diff gammel.json ny.json».',
    );
  const lang = parseLang(values.lang);
  const today = io.today();
  const before = await loadModelFile(io, positionals[0]!, { lang, asOf: today });
  const after = await loadModelFile(io, positionals[1]!, { lang, asOf: today });
  for (const loaded of [before, after])
    if (!loaded.result.model) return refuse(io, loaded, lang, values.json ?? false);
  const diff = diffModels(before.result.model!, after.result.model!);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          before: before.path,
          after: after.path,
          counts: diff.counts,
          changes: diff.changes,
          log: formatModelDiff(diff, lang),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const lines = formatModelDiff(diff, lang);
  io.out(lines.length ? lines.join('\n') : T[lang].noChanges);
  return EXIT.ok;
}
