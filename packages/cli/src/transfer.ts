/**
 * Transfer commands (issue 5):
 * - `arshjul adapt <kilde.json> --mapping <kartlegging.json> --out <modell.json>`: the source
 *   model adapted for another district, with an adaptation report; `--starter <fil>` writes a
 *   mapping to fill in instead.
 * - `arshjul update <tilpasset.json> --from <ny-kilde.json> --out <ny.json>`: the source's new
 *   version merged in; conflicts listed; exit 1 while any remain.
 * - `arshjul strip <modell.json> --out <fil>`: a copy without personal data; refuses, writing
 *   nothing, if any remains.
 *
 * Exit codes: 0 done; 1 conflicts remain (update), the model or mapping is invalid, or personal
 * data remains (strip); 2 usage or a file that cannot be read or written.
 */
import {
  adaptModel,
  checkMapping,
  findPersonalData,
  fieldWord,
  KIND_WORD,
  formatAdaptationReport,
  PersonalDataError,
  resolveConflict,
  starterMapping,
  stripPersonalData,
  TransferError,
  transferJson,
  updateFromSource,
  type UpdateReport,
} from '@arshjul/transfer';
import { jsonSyntaxIssue, validateModel, type Model } from '@arshjul/model';
import { ArshjulError, parseIsoDate, type Lang } from '@arshjul/school-calendar';
import { loadModelFile, refuse } from './model.js';
import { EXIT, parse, parseLang, readText, UsageError, type Io } from './shared.js';

const encoder = new TextEncoder();

const KIND_TEXT: Record<'person' | 'email' | 'phone', string> = {
  person: 'person (navn og kontaktopplysninger)',
  email: 'e-postadresse',
  phone: 'telefonnummer',
};

async function write(io: Io, path: string, text: string): Promise<void> {
  if (!io.writeFile) throw new UsageError('Kan ikke skrive filer her.');
  if (io.kindOf && (await io.kindOf(path)) === 'dir')
    throw new ArshjulError('file.write', 'Det er en mappe; oppgi et filnavn.', path);
  try {
    await io.writeFile(path, encoder.encode(text));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArshjulError(
      'file.write',
      `Kan ikke skrive filen (${code ?? (e as Error).message}).`,
      path,
    );
  }
}

async function model(io: Io, path: string, lang: Lang, json: boolean, today: string) {
  const loaded = await loadModelFile(io, path, { lang, asOf: today });
  return { loaded, model: loaded.result.model, refuse: () => refuse(io, loaded, lang, json) };
}

export async function adaptCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    mapping: { type: 'string', short: 'm' },
    out: { type: 'string', short: 'o' },
    starter: { type: 'string' },
    date: { type: 'string' },
    'allow-personal-data': { type: 'boolean' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(
      'arshjul adapt <kilde.json> --mapping <kartlegging.json> --out <modell.json> [--date ÅÅÅÅ-MM-DD] [--json] [--lang nb|nn|en]\n' +
        '              [--allow-personal-data]   (bare når personopplysninger skal være med)\n' +
        'arshjul adapt <kilde.json> --starter <kartlegging.json>   (skriver en kartlegging å fylle ut)',
    );
    return EXIT.ok;
  }
  const lang = parseLang(values.lang);
  if (positionals.length !== 1)
    throw new UsageError(
      'adapt tar én kildemodell, f.eks. «arshjul adapt grorudmodellen.json --mapping kart.json --out ny.json».',
    );
  const today = values.date !== undefined ? parseIsoDate(values.date, '--date') : io.today();
  const src = await model(io, positionals[0]!, lang, values.json ?? false, today);
  if (!src.model) return src.refuse();

  if (values.starter !== undefined) {
    await write(
      io,
      values.starter,
      `${JSON.stringify(starterMapping(src.model, { today }), null, 2)}\n`,
    );
    io.out(
      `Skrev en kartlegging å fylle ut: ${values.starter}\n` +
        'Fyll inn bydelen, skolene, rollene og navnene deres, og kjør så «arshjul adapt … --mapping».',
    );
    return EXIT.ok;
  }
  if (values.mapping === undefined)
    throw new UsageError('adapt trenger --mapping (eller --starter for å lage en).');
  if (values.out === undefined)
    throw new UsageError('adapt trenger --out: filen den tilpassede modellen skal i.');

  const text = await readText(io, values.mapping);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    throw new ArshjulError('file.json', jsonSyntaxIssue(text, e).message, values.mapping);
  }
  const checked = checkMapping(src.model, input, lang);
  const errors = checked.issues.filter((i) => i.severity === 'error');
  if (!checked.mapping || errors.length > 0) {
    if (values.json) io.out(JSON.stringify({ valid: false, errors: checked.issues }, null, 2));
    else
      io.err(
        [
          `arshjul: ${values.mapping}: kartleggingen kan ikke brukes (${errors.length} feil); ingenting er skrevet.`,
          ...errors.slice(0, 15).map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`),
          ...(errors.length > 15 ? [`  … (${errors.length - 15} til)`] : []),
        ].join('\n'),
      );
    return EXIT.notUnderstood;
  }
  const { model: adapted, report } = adaptModel(src.model, checked.mapping, { today, lang });
  const allow = values['allow-personal-data'] ?? false;
  // What the transfer file leaves out: people and contact details, even in free text.
  const removed = allow ? [] : findPersonalData(adapted);
  let out: string;
  try {
    out = transferJson(adapted, { allowPersonalData: allow, strip: !allow });
  } catch (e) {
    if (e instanceof PersonalDataError) {
      io.err(
        `arshjul: ${e.message}\nIngenting er skrevet. Bruk «--allow-personal-data» bare om det er meningen.`,
      );
      return EXIT.notUnderstood;
    }
    throw e;
  }
  await write(io, values.out, out);
  const warnings = checked.issues.filter((i) => i.severity === 'warning');
  if (values.json) {
    io.out(JSON.stringify({ out: values.out, report, warnings, removed }, null, 2));
    return EXIT.ok;
  }
  io.out(`Skrev ${values.out}: «${adapted.name}» tilpasset fra «${src.model.name}».\n`);
  if (warnings.length > 0)
    io.out(
      [
        `Å merke seg i kartleggingen (${warnings.length}):`,
        ...warnings.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`),
        '',
      ].join('\n'),
    );
  if (removed.length > 0)
    io.out(
      `Personopplysninger er holdt utenfor fila (${removed.length} ${removed.length === 1 ? 'sted' : 'steder'}): ` +
        `${removed
          .slice(0, 5)
          .map((f) => f.path)
          .join(', ')}${removed.length > 5 ? ' …' : ''}.\n`,
    );
  io.out(formatAdaptationReport(report, lang));
  return EXIT.ok;
}

function updateText(report: UpdateReport, path: string, name: string): string {
  const line = (c: { kind: string; id: string; field: string }) =>
    `  ${KIND_WORD[c.kind as keyof typeof KIND_WORD] ?? c.kind} ${c.id}${c.field === '*' ? '' : `: ${fieldWord(c.field)}`}`;
  const show = (v: unknown) => {
    const value =
      v !== null && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string'
        ? (v as { text: string }).text
        : v;
    const t =
      typeof value === 'string'
        ? `«${value}»`
        : value === null || value === undefined
          ? '(ingenting)'
          : JSON.stringify(value);
    return t.length > 90 ? `${t.slice(0, 87)}…` : t;
  };
  const parts = [
    report.from === report.to
      ? `Hentet ${report.to} på nytt for «${name}» (ingen ny versjon av kilden) → ${path}`
      : `Oppdaterte «${name}» fra ${report.from} til ${report.to} → ${path}`,
  ];
  const section = (title: string, items: string[]) => {
    parts.push('', `${title} (${items.length}):`, ...(items.length ? items : ['  ingen']));
  };
  section('Endringer fra kilden som er tatt inn', report.applied.map(line));
  section('Nytt fra kilden, tatt i bruk', report.added.map(line));
  section('Fjernet i kilden, fjernet her', report.removed.map(line));
  section('Lokale endringer som er beholdt', report.kept.map(line));
  section(
    'Konflikter som må avgjøres — den lokale verdien står til de er avgjort',
    report.conflicts.map(
      (c) =>
        `${line(c)}\n      før: ${show(c.base)}\n      lokalt: ${show(c.ours)}\n      kilden nå: ${show(c.theirs)}`,
    ),
  );
  if (report.toDecide.length)
    section(
      'Må avgjøres',
      report.toDecide.map(
        (d) => `  ${KIND_WORD[d.kind as keyof typeof KIND_WORD] ?? d.kind} ${d.id}: ${d.what}`,
      ),
    );
  if (report.notAdopted.length)
    section(
      'Nytt i kilden som kartleggingen ikke tar med (avgjør selv)',
      report.notAdopted.map((n) => `  ${n.sourceId} ${n.name}`),
    );
  return parts.join('\n');
}

export async function updateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    from: { type: 'string' },
    out: { type: 'string', short: 'o' },
    date: { type: 'string' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(
      'arshjul update <tilpasset.json> --from <ny-kilde.json> --out <oppdatert.json> [--date ÅÅÅÅ-MM-DD] [--json]',
    );
    return EXIT.ok;
  }
  const lang = parseLang(values.lang);
  if (positionals.length !== 1)
    throw new UsageError(
      'update tar én tilpasset modell, f.eks. «arshjul update vår.json --from kilde-2026-27.json --out ny.json».',
    );
  if (values.from === undefined)
    throw new UsageError('update trenger --from: kildens nye versjon.');
  if (values.out === undefined)
    throw new UsageError('update trenger --out: filen den oppdaterte modellen skal i.');
  const today = values.date !== undefined ? parseIsoDate(values.date, '--date') : io.today();
  const ours = await model(io, positionals[0]!, lang, values.json ?? false, today);
  if (!ours.model) return ours.refuse();
  const theirs = await model(io, values.from, lang, values.json ?? false, today);
  if (!theirs.model) return theirs.refuse();
  let merged: { model: Model; report: UpdateReport };
  try {
    // The source's people and contact details never come along, not even in free text.
    const source = stripPersonalData(theirs.model).model;
    merged = updateFromSource(ours.model, source, { today });
  } catch (e) {
    if (e instanceof TransferError)
      throw new ArshjulError('transfer', `${e.message} Ingenting er skrevet.`);
    throw e;
  }
  // The merged model must be one `arshjul` can read back; otherwise nothing is written.
  const check = validateModel(JSON.parse(JSON.stringify(merged.model)) as unknown, {
    asOf: today,
    lang,
  });
  if (check.errors.length > 0) {
    io.err(
      [
        'arshjul: oppdateringen ga en modell som ikke er gyldig; ingenting er skrevet (meld gjerne fra):',
        ...check.errors.slice(0, 10).map((i) => `  ${i.path}: ${i.message}`),
      ].join('\n'),
    );
    return EXIT.internal;
  }
  // The district's own file: its own people stay; the source's never come (stripped above).
  await write(
    io,
    values.out,
    transferJson(merged.model, { allowPersonalData: true, strip: false }),
  );
  const code = merged.report.conflicts.length > 0 ? EXIT.notUnderstood : EXIT.ok;
  if (values.json) io.out(JSON.stringify({ out: values.out, ...merged.report }, null, 2));
  else io.out(updateText(merged.report, values.out, ours.model.name));
  return code;
}

export async function stripCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out('arshjul strip <modell.json> --out <fil.json> [--json]');
    return EXIT.ok;
  }
  const lang = parseLang(values.lang);
  if (positionals.length !== 1)
    throw new UsageError(
      'strip tar én modellfil, f.eks. «arshjul strip modell.json --out til-deling.json».',
    );
  if (values.out === undefined)
    throw new UsageError('strip trenger --out: filen kopien uten personopplysninger skal i.');
  const src = await model(io, positionals[0]!, lang, values.json ?? false, io.today());
  if (!src.model) return src.refuse();
  const { model: stripped, removed } = stripPersonalData(src.model);
  const left = findPersonalData(stripped);
  if (left.length > 0) {
    io.err(
      `arshjul: ${positionals[0]}: personopplysninger er igjen etter fjerning (${left.length}); ingenting er skrevet.\n` +
        left
          .slice(0, 10)
          .map((f) => `  ${f.path}: ${KIND_TEXT[f.kind]}`)
          .join('\n'),
    );
    return EXIT.notUnderstood;
  }
  await write(io, values.out, transferJson(stripped));
  if (values.json) io.out(JSON.stringify({ out: values.out, removed }, null, 2));
  else
    io.out(
      removed.length === 0
        ? `Skrev ${values.out}: ingen personopplysninger å fjerne.`
        : `Skrev ${values.out}: fjernet ${removed.length} ${removed.length === 1 ? 'personopplysning' : 'personopplysninger'}:\n` +
            removed
              .slice(0, 20)
              .map((f) => `  ${f.path}: ${KIND_TEXT[f.kind]}`)
              .join('\n'),
    );
  return EXIT.ok;
}

/**
 * `arshjul resolve <modell.json> [--item T4.1 --field cadence --take kilden|lokalt --out <fil>]`:
 * lists the conflicts an update left, or decides one — the source's value (`kilden`) or the
 * local one (`lokalt`). The decision is written to --out; the model file itself is untouched.
 */
export async function resolveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    item: { type: 'string' },
    field: { type: 'string' },
    take: { type: 'string' },
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(
      'arshjul resolve <modell.json>   (lister konfliktene)\n' +
        'arshjul resolve <modell.json> --item <id> [--field <felt>] --take kilden|lokalt --out <fil.json>',
    );
    return EXIT.ok;
  }
  const lang = parseLang(values.lang);
  if (positionals.length !== 1)
    throw new UsageError('resolve tar én modellfil, f.eks. «arshjul resolve vår.json».');
  const src = await model(io, positionals[0]!, lang, values.json ?? false, io.today());
  if (!src.model) return src.refuse();
  const pending = src.model.upstream?.conflicts ?? [];
  const describeConflict = (c: (typeof pending)[number]) =>
    `  ${c.kind === 'structure' ? 'struktur' : c.kind === 'document' ? 'dokument' : 'rolle'} ${c.id}: ${fieldWord(c.field)} (--item ${c.id} --field ${c.field})`;
  if (values.item === undefined) {
    if (values.json) io.out(JSON.stringify({ conflicts: pending }, null, 2));
    else
      io.out(
        pending.length === 0
          ? 'Ingen konflikter venter på en avgjørelse.'
          : [
              `Konflikter som venter på en avgjørelse (${pending.length}):`,
              ...pending.map(describeConflict),
            ].join('\n'),
      );
    return pending.length > 0 ? EXIT.notUnderstood : EXIT.ok;
  }
  const take =
    values.take === 'kilden' || values.take === 'theirs'
      ? 'theirs'
      : values.take === 'lokalt' || values.take === 'ours'
        ? 'ours'
        : undefined;
  if (!take)
    throw new UsageError(
      'resolve trenger --take kilden (kildens verdi) eller --take lokalt (behold den lokale).',
    );
  if (values.out === undefined)
    throw new UsageError('resolve trenger --out: filen modellen med avgjørelsen skal i.');
  const matches = pending.filter(
    (c) => c.id === values.item && (values.field === undefined || c.field === values.field),
  );
  if (matches.length !== 1) {
    throw new UsageError(
      matches.length === 0
        ? `Ingen konflikt for «${values.item}»${values.field ? ` (${values.field})` : ''}. ${pending.length ? `Konfliktene er:\n${pending.map(describeConflict).join('\n')}` : 'Modellen har ingen konflikter.'}`
        : `«${values.item}» har flere konflikter; velg med --field: ${matches.map((c) => c.field).join(', ')}.`,
    );
  }
  const decided = resolveConflict(src.model, matches[0]!, take);
  await write(io, values.out, transferJson(decided, { allowPersonalData: true, strip: false }));
  const left = decided.upstream?.conflicts.length ?? 0;
  io.out(
    `Skrev ${values.out}: ${matches[0]!.id} ${fieldWord(matches[0]!.field)} — ${take === 'theirs' ? 'kildens verdi er tatt inn' : 'den lokale verdien er beholdt'}. ` +
      (left === 0 ? 'Ingen konflikter igjen.' : `${left} konflikt${left === 1 ? '' : 'er'} igjen.`),
  );
  return left > 0 ? EXIT.notUnderstood : EXIT.ok;
}
