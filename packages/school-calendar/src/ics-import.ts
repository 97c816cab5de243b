/**
 * Reads a kommune's skoleruta published as an iCalendar (.ics) file.
 *
 * Events are classified by their SUMMARY («Høstferie», «Planleggingsdag», «Første skoledag» …).
 * Public holidays in the file are recognised and left to the holiday table; anything else is
 * reported as a warning, never dropped silently. A file may hold several school years.
 */
import ICAL from 'ical.js';
import { ArshjulError } from './errors.js';
import { addDays, dayNumber, isoDate, weekdayOf, type IsoDate } from './dates.js';
import { publicHolidayOn } from './holidays.js';
import { schoolYearNameOf } from './registry.js';
import {
  CALENDAR_SCHEMA_VERSION,
  type BreakData,
  type BreakKind,
  type DayOffData,
  type DayOffKind,
  type KommuneCalendarFile,
  type SchoolYearData,
} from './schema.js';

export interface IcsImportOptions {
  kommune: { id: string; name: string; timeZone?: string };
  /** Name of the file, for messages. */
  source?: string;
}

export interface IcsImportResult {
  file: KommuneCalendarFile;
  /** Events that were not understood, or years left out, in words (nb). */
  warnings: string[];
}

type Classified =
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'break'; kind: BreakKind }
  | { type: 'dayOff'; kind: DayOffKind }
  | { type: 'holiday' };

const HOLIDAY_RE =
  /nytt(å|aa)rsdag|skj(æ|ae)rtorsdag|langfredag|p(å|aa)skedag|1\.\s*mai|17\.\s*mai|himmelfart|pinsedag|juledag|arbeidernes dag|grunnlovsdag/;

const RULES: [RegExp, Classified][] = [
  [/f(ø|o|oe)rste\s+skoledag|skolestart|skolen\s+starter|skolen\s+begynner/, { type: 'first' }],
  [/siste\s+skoledag/, { type: 'last' }],
  [/h(ø|o|oe)stferie|haustferie/, { type: 'break', kind: 'høstferie' }],
  [/juleferie|juleferien/, { type: 'break', kind: 'juleferie' }],
  [/vinterferie/, { type: 'break', kind: 'vinterferie' }],
  [/p(å|aa|a)skeferie/, { type: 'break', kind: 'påskeferie' }],
  [/sommerferie|sumarferie/, { type: 'break', kind: 'sommerferie' }],
  [/planleggingsdag|planlegging/, { type: 'dayOff', kind: 'planleggingsdag' }],
  [/inneklemt/, { type: 'dayOff', kind: 'inneklemt dag' }],
  [
    /valgdag|valdag|stortingsvalg|kommunevalg|kommune- og fylkestingsvalg/,
    { type: 'dayOff', kind: 'valgdag' },
  ],
  [HOLIDAY_RE, { type: 'holiday' }],
  [/elevfri|fridag|\bfri\b|skolefri/, { type: 'dayOff', kind: 'elevfri' }],
  [/ferie/, { type: 'break', kind: 'annen ferie' }],
];

/**
 * Classifies an event by its summary. A holiday name only counts as a holiday when the event's
 * weekdays really are public holidays: «Fri etter Kristi himmelfartsdag» on the Friday is a day
 * off, not the holiday it names.
 */
function classify(summary: string, onHolidays: boolean): Classified | undefined {
  const s = summary.toLowerCase();
  return RULES.find(([re, c]) => re.test(s) && (c.type !== 'holiday' || onHolidays))?.[1];
}

/** Whether every weekday from `from` to `to` is a public holiday (weekends do not count). */
function onlyHolidays(from: IsoDate, to: IsoDate): boolean {
  for (let d = dayNumber(from); d <= dayNumber(to); d++) {
    if (weekdayOf(d) <= 5 && !publicHolidayOn(isoDate(d))) return false;
  }
  return true;
}

interface Draft {
  first?: IsoDate;
  last?: IsoDate;
  breaks: BreakData[];
  daysOff: DayOffData[];
}

/** The date part of an ICAL.Time, and whether it was a DATE value. */
function dateOf(t: ICAL.Time): IsoDate {
  return isoDate(
    dayNumber(`${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`),
  );
}

export function importSchoolCalendarIcs(text: string, options: IcsImportOptions): IcsImportResult {
  const source = options.source ?? 'skolerute.ics';
  // A byte-order mark (files saved on Windows) makes ical.js fail on the first line.
  const body = text.replace(/^\uFEFF/, '');
  if (!/^BEGIN:VCALENDAR\s*$/im.test(body)) {
    throw new ArshjulError(
      'ics.parse',
      'Filen kan ikke leses som iCalendar (.ics): den inneholder ingen BEGIN:VCALENDAR.',
      source,
    );
  }
  let events: ICAL.Component[];
  try {
    const parsed = ICAL.parse(body) as unknown[];
    // One calendar parses to one jCal component; several calendars to a list of them.
    const roots = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
    events = roots.flatMap((r) => new ICAL.Component(r).getAllSubcomponents('vevent'));
  } catch (e) {
    throw new ArshjulError(
      'ics.parse',
      `Filen kan ikke leses som iCalendar (.ics): ${(e as Error).message}`,
      source,
    );
  }
  if (events.length === 0) {
    throw new ArshjulError('ics.empty', 'Filen inneholder ingen hendelser (VEVENT).', source);
  }
  const warnings: string[] = [];
  const drafts = new Map<string, Draft>();
  const draftFor = (date: IsoDate) => {
    const name = schoolYearNameOf(date);
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { breaks: [], daysOff: [] }));
    return d;
  };

  for (const [i, comp] of events.entries()) {
    const ev = new ICAL.Event(comp);
    const summary = (ev.summary ?? '').trim();
    const where = `${source} hendelse ${i + 1}${summary ? ` («${summary}»)` : ''}`;
    if (!ev.startDate) {
      warnings.push(`${where}: mangler DTSTART og er hoppet over.`);
      continue;
    }
    const from = dateOf(ev.startDate);
    // DTEND is exclusive for dates; a timed event ends on the day it ends.
    let to = from;
    if (ev.endDate) {
      const end = dateOf(ev.endDate);
      const exclusive = ev.endDate.isDate || (ev.endDate.hour === 0 && ev.endDate.minute === 0);
      to = exclusive ? addDays(end, -1) : end;
      if (to < from) to = from;
    }
    const c = classify(summary, onlyHolidays(from, to));
    if (!c) {
      const period = to === from ? from : `${from} – ${to}`;
      warnings.push(
        HOLIDAY_RE.test(summary.toLowerCase())
          ? `${where}: heter som en helligdag, men ${period} er ikke en helligdag; hendelsen er ikke tatt med.`
          : `${where}: forstår ikke hva hendelsen er, og den er ikke tatt med.`,
      );
      continue;
    }
    if (c.type !== 'holiday' && comp.hasProperty('rrule')) {
      warnings.push(`${where}: gjentas (RRULE); bare første forekomst (${from}) er tatt med.`);
    }
    const draft = draftFor(from);
    switch (c.type) {
      // «Første skoledag etter juleferien» and «Siste skoledag før jul» must not move the ends
      // of the school year: the year starts at its earliest first day and ends at its latest last.
      case 'first':
        if (!draft.first || from < draft.first) draft.first = from;
        break;
      case 'last':
        if (!draft.last || to > draft.last) draft.last = to;
        break;
      case 'holiday':
        break; // computed from the holiday table
      case 'break':
        draft.breaks.push({
          kind: c.kind,
          from,
          to,
          ...(c.kind === 'annen ferie' ? { name: summary } : {}),
        });
        break;
      case 'dayOff':
        for (let d = dayNumber(from); d <= dayNumber(to); d++) {
          if (weekdayOf(d) <= 5)
            draft.daysOff.push({ kind: c.kind, date: isoDate(d), name: summary });
        }
        break;
    }
  }

  const years: SchoolYearData[] = [];
  for (const [name, d] of [...drafts.entries()].sort()) {
    if (!d.first || !d.last) {
      const missing = [!d.first && 'første skoledag', !d.last && 'siste skoledag']
        .filter(Boolean)
        .join(' og ');
      warnings.push(
        `Skoleåret ${name} er ikke tatt med: filen sier ikke ${missing}. Legg til hendelser som heter «Første skoledag» og «Siste skoledag».`,
      );
      continue;
    }
    years.push({
      year: name,
      status: 'imported',
      source: `Importert fra ${source}`,
      firstSchoolDay: d.first,
      lastSchoolDay: d.last,
      breaks: d.breaks,
      daysOff: d.daysOff,
    });
  }
  if (years.length === 0) {
    throw new ArshjulError(
      'ics.no-year',
      `Fant ingen hele skoleår i filen.\n${warnings.join('\n')}`,
      source,
    );
  }
  return {
    file: {
      schemaVersion: CALENDAR_SCHEMA_VERSION,
      kommune: {
        id: options.kommune.id,
        name: options.kommune.name,
        timeZone: options.kommune.timeZone ?? 'Europe/Oslo',
      },
      years,
    },
    warnings,
  };
}
