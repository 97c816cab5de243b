/** `arshjul calendar`: a kommune's school year, its breaks, days off and holidays. */
import {
  formatDate,
  formatShortDate,
  isoWeekOf,
  parseIsoDate,
  type SchoolYear,
} from '@arshjul/school-calendar';
import {
  COMMON_OPTIONS,
  defaultYear,
  EXIT,
  loadRegistry,
  parse,
  UsageError,
  type Io,
} from './shared.js';

const STATUS_TEXT: Record<SchoolYear['status'], string> = {
  derived: 'beregnet fra kommunens faste regler – kontroller mot den publiserte skoleruta',
  published: 'fra den publiserte skoleruta',
  imported: 'importert fra .ics',
  user: 'lagt inn av bruker',
};

function range(from: string, to: string): string {
  const weeks = [...new Set([isoWeekOf(from).week, isoWeekOf(to).week])].join('–');
  const span =
    from === to ? formatShortDate(from) : `${formatShortDate(from)} – ${formatShortDate(to)}`;
  return `${span} ${to.slice(0, 4)} (uke ${weeks})`;
}

export function describeYear(y: SchoolYear): string {
  const lines = [
    `${y.label} – ${STATUS_TEXT[y.status]}`,
    `  Første skoledag: ${formatDate(y.firstSchoolDay)}`,
    `  Siste skoledag:  ${formatDate(y.lastSchoolDay)}`,
    `  Skoledager:      ${y.schoolDayCount} i ${y.schoolWeeks().length} skoleuker`,
    `  Høsthalvår:      ${formatShortDate(y.halves.høst.from)} – ${formatShortDate(y.halves.høst.to)}`,
    `  Vårhalvår:       ${formatShortDate(y.halves.vår.from)} – ${formatShortDate(y.halves.vår.to)}`,
    '',
    '  Ferier:',
    ...y.breaks.map((b) => `    ${b.name.padEnd(12)} ${range(b.from, b.to)}`),
    '',
    '  Fridager for elevene:',
    ...(y.daysOff.length
      ? y.daysOff.map(
          (d) =>
            `    ${formatDate(d.date).padEnd(28)} ${d.name === d.kind ? d.kind : `${d.kind}: ${d.name}`}`,
        )
      : ['    (ingen)']),
    '',
    '  Helligdager (1. august – 31. juli):',
    ...y.holidays.map((h) => `    ${formatDate(h.date).padEnd(28)} ${h.name.nb}`),
  ];
  if (y.source) lines.push('', `  Kilde: ${y.source}`);
  return lines.join('\n');
}

export async function calendarCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON_OPTIONS, date: { type: 'string' } });
  if (values.help) {
    io.out(
      'arshjul calendar [--kommune oslo] [--year 2025-26] [--date ÅÅÅÅ-MM-DD] [--json] [--data fil.json] [--ics fil.ics]',
    );
    return EXIT.ok;
  }
  if (positionals.length)
    throw new UsageError(
      `calendar tar ingen argumenter uten valg (fikk «${positionals.join(' ')}»).`,
    );
  const registry = await loadRegistry(io, values);
  const kommune = registry.kommune(values.kommune ?? 'oslo');
  const date = values.date !== undefined ? parseIsoDate(values.date, '--date') : undefined;
  const year = kommune.year(
    values.year ?? (date ? kommune.yearOf(date).name : defaultYear(io, undefined)),
  );
  if (date) {
    if (!year.contains(date))
      throw new UsageError(
        `${date} ligger ikke i skoleåret ${year.name} (${year.span.from} – ${year.span.to}).`,
      );
    const info = year.dayInfo(date);
    if (values.json)
      io.out(JSON.stringify({ kommune: kommune.info, year: year.name, ...info }, null, 2));
    else {
      const why = year.describeReasons(date);
      io.out(
        `${formatDate(date)} (uke ${info.isoWeek.week}) i ${year.label}: ${info.schoolDay ? 'skoledag' : `ikke skoledag – ${why}`}`,
      );
    }
    return EXIT.ok;
  }
  if (values.json) io.out(JSON.stringify(year.toJSON(), null, 2));
  else io.out(describeYear(year));
  return EXIT.ok;
}
