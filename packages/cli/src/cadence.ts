/** `arshjul cadence "<rytme>"`: how a phrase is understood, and its dates in a school year. */
import { formatDate, formatShortDate, parseIsoDate } from '@arshjul/school-calendar';
import {
  expandCadence,
  formatMessage,
  parseCadence,
  renderCadence,
  type Expansion,
  type HolidayPolicy,
} from '@arshjul/recurrence';
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

const POLICIES: HolidayPolicy[] = ['skip', 'next-school-day', 'previous-school-day', 'keep'];

const STATUS_TEXT: Record<Expansion['status'], string> = {
  scheduled: 'datoer i skoleåret',
  'on-demand': 'ved behov – ingen faste datoer; listes ved siden av årshjulet',
  continuous: 'løpende – ingen enkeltdatoer; listes ved siden av årshjulet',
  'needs-interval': 'trenger et intervall – rytmen sier ikke hvor ofte',
  'school-choice': 'avtales per skole – sett rytmen for hver skole',
  'waiting-for-event': 'venter på en dato for hendelsen',
  'not-this-year': 'ikke i dette skoleåret',
};

function parseEvents(list: string[] | undefined): Record<string, string[]> {
  const events: Record<string, string[]> = {};
  for (const item of list ?? []) {
    const i = item.lastIndexOf('=');
    if (i <= 0) throw new UsageError(`--event skrives «navn=ÅÅÅÅ-MM-DD» (fikk «${item}»).`);
    const name = item.slice(0, i).trim();
    const date = parseIsoDate(item.slice(i + 1), `--event ${name}`);
    (events[name] ??= []).push(date);
  }
  return events;
}

export async function cadenceCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    ...COMMON_OPTIONS,
    policy: { type: 'string' },
    start: { type: 'string' },
    event: { type: 'string', multiple: true },
  });
  if (values.help) {
    io.out(
      'arshjul cadence "<rytme>" [--year 2025-26] [--kommune oslo] [--lang nb|nn|en] [--json] [--policy …] [--start …] [--event navn=dato]',
    );
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Skriv rytmen i anførselstegn, for eksempel: arshjul cadence "Hver fjerde uke".'
        : `Forventet én rytme i anførselstegn, fikk ${positionals.length} ord: ${positionals.join(' ')}`,
    );
  }
  const lang = parseLang(values.lang);
  if (values.policy !== undefined && !POLICIES.includes(values.policy as HolidayPolicy)) {
    throw new UsageError(
      `--policy må være en av ${POLICIES.join(', ')} (fikk «${values.policy}»).`,
    );
  }
  const start = values.start !== undefined ? parseIsoDate(values.start, '--start') : undefined;
  const events = parseEvents(values.event);
  // Check the calendar first: an unknown kommune or year is a usage error whatever the phrase.
  const registry = await loadRegistry(io, values);
  const kommune = registry.kommune(values.kommune ?? 'oslo');
  const year = kommune.year(defaultYear(io, values.year));
  const text = positionals[0]!;
  const parsed = parseCadence(text, { lang });

  if (!parsed.ok) {
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            text,
            understood: false,
            kind: null,
            rrule: null,
            approximate: false,
            description: null,
            occurrences: [],
            reason: parsed.reason,
            ...(parsed.suggestion ? { suggestion: parsed.suggestion } : {}),
          },
          null,
          2,
        ),
      );
    } else {
      io.err(
        `${parsed.reason}${parsed.suggestion ? `\n${formatMessage({ code: 'suggestion', params: { phrase: parsed.suggestion } }, lang)}` : ''}`,
      );
    }
    return EXIT.notUnderstood;
  }

  const expansion = expandCadence(parsed.cadence, year, {
    ...(values.policy ? { policy: values.policy as HolidayPolicy } : {}),
    ...(start ? { start } : {}),
    events,
  });
  const description = renderCadence(parsed.cadence, lang);
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          text,
          understood: true,
          kind: parsed.cadence.rule.kind,
          rrule: expansion.rrule,
          approximate: expansion.approximate,
          description,
          occurrences: expansion.occurrences.map((o) => o.date),
          status: expansion.status,
          ...(parsed.cadence.action ? { action: parsed.cadence.action } : {}),
          rule: parsed.cadence.rule,
          dtstart: expansion.dtstart,
          kommune: kommune.id,
          year: year.name,
          calendarStatus: year.status,
          details: expansion.occurrences,
          skipped: expansion.skipped,
          notes: expansion.notes,
          warnings: parsed.warnings,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }

  const lines = [
    `«${text}»`,
    `  Forstått som: ${description}  (${parsed.cadence.rule.kind}${expansion.approximate ? ', omtrentlig' : ''})`,
  ];
  if (expansion.rrule)
    lines.push(
      `  RRULE:        ${expansion.rrule}${expansion.dtstart ? `  (DTSTART ${expansion.dtstart})` : ''}`,
    );
  for (const w of parsed.warnings) lines.push(`  Merk: ${w}`);
  const derived = year.derived ? ' (beregnet skolerute – kontroller mot den publiserte)' : '';
  lines.push(
    `  ${year.label}${derived}: ${expansion.status === 'scheduled' ? `${expansion.occurrences.length} ${expansion.occurrences.length === 1 ? 'dato' : 'datoer'} i skoleåret` : STATUS_TEXT[expansion.status]}`,
  );
  for (const o of expansion.occurrences) {
    const extra = [
      o.time ? `kl. ${o.time.start}${o.time.end ? `–${o.time.end}` : ''}` : '',
      o.placement === 'suggested' && o.window
        ? `forslag, innen ${formatShortDate(o.window.from, lang)} – ${formatShortDate(o.window.to, lang)}`
        : '',
      o.optional ? 'valgfri' : '',
      o.moved ? `flyttet fra ${formatShortDate(o.moved.from, lang)}: ${o.moved.reason}` : '',
      o.nonSchoolDay ? `NB: ${o.nonSchoolDay}` : '',
    ].filter(Boolean);
    lines.push(`    ${formatDate(o.date, lang)}${extra.length ? `  (${extra.join('; ')})` : ''}`);
  }
  if (expansion.skipped.length) {
    lines.push('  Faller bort:');
    for (const s of expansion.skipped) lines.push(`    ${formatDate(s.date, lang)}  (${s.reason})`);
  }
  for (const n of expansion.notes) lines.push(`  ${n}`);
  if (expansion.options) {
    lines.push('  Alternativer:');
    expansion.options.forEach((o, i) =>
      lines.push(
        `    ${i + 1}. ${o.status === 'scheduled' ? `${o.occurrences.length} datoer` : STATUS_TEXT[o.status]}`,
      ),
    );
  }
  io.out(lines.join('\n'));
  return EXIT.ok;
}
