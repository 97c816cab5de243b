/**
 * The årshjul as an iCalendar file (RFC 5545) for Outlook, Google and Apple Calendar: one
 * VCALENDAR per area (or the district), optionally narrowed to one role's items.
 *
 * - All-day items are `VALUE=DATE` events with an exclusive DTEND; items with a time of day are
 *   local Europe/Oslo times with a TZID and one VTIMEZONE block (prior-art §3).
 * - A meeting series whose rule fits Outlook's recurrence templates is written as one recurring
 *   event (RRULE bounded by UNTIL, EXDATE for the dates the plan dropped or moved), but only when
 *   the rule, expanded, gives exactly the series' dates; otherwise every date is its own event.
 *   RDATE is never written.
 * - UIDs are derived from the entry and series ids, the area and a domain, so a new export of the
 *   same årshjul updates the events already imported instead of duplicating them.
 * - The output depends only on the input: DTSTAMP comes from `asOf` unless given.
 */
import type { Model } from '@arshjul/model';
import type { Arshjul, ArshjulEntry, ArshjulRing, ArshjulSeries } from '@arshjul/plan';
import { rruleBetween, type TimeOfDay } from '@arshjul/recurrence';
import {
  addDays,
  formatDate,
  zonedInstant,
  type IsoDate,
  type Lang,
} from '@arshjul/school-calendar';

/** The time zone of every timed event (the kommune's). */
export const ICS_TIME_ZONE = 'Europe/Oslo';

/** Europe/Oslo with the EU rules since 1996 (prior-art §3.2). */
const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Which entries a calendar holds, and the name added to the calendar's name. */
export interface IcsRole {
  /** The role id (part of nothing but the caller's bookkeeping: UIDs do not depend on it). */
  id: string;
  /** Added to the calendar name: «Årshjul for Ammerud 2025–26 – NSK». */
  name: string;
  match: (entry: ArshjulEntry) => boolean;
}

export interface IcsOptions {
  /** Language of the DESCRIPTION labels (default `nb`). */
  lang?: Lang;
  /** Only this role's items (see `roleFilter`); the calendar name gets the role's name. */
  role?: IcsRole;
  /** Replaces the calendar name (X-WR-CALNAME); default the årshjul title (+ role name). */
  calendarName?: string;
  /**
   * DTSTAMP of every event: a date (midnight UTC) or an instant. Default: the årshjul's `asOf`
   * at 00:00:00Z, so the same input always gives the same bytes.
   */
  stamp?: IsoDate | Date;
  /** The right-hand part of every UID (default `arshjul.no`). */
  uidDomain?: string;
}

/** Thrown by `roleFilter` for a role id the model does not have. */
export class UnknownRoleError extends Error {
  constructor(
    readonly role: string,
    readonly known: string[],
  ) {
    super(`Unknown role «${role}»; the model has ${known.join(', ') || 'no roles'}.`);
    this.name = 'UnknownRoleError';
  }
}

/**
 * The items of one role: meetings of structures that have the role as responsible, contributor
 * or participant, and revisions (and their draft deadlines) whose rule has it as drafter, input
 * or decider, or whose structure has it. Collectives (such as «Felles») count for their members.
 * Breaks belong to no role.
 */
export function roleFilter(model: Model, roleId: string): IcsRole {
  const role = model.roles.find((r) => r.id === roleId);
  if (!role) {
    throw new UnknownRoleError(
      roleId,
      model.roles.map((r) => r.id),
    );
  }
  const collectives = new Map(model.collectives.map((c) => [c.id, c.members]));
  const hasRole = (refs: string[]): boolean => {
    const seen = new Set<string>();
    const stack = [...refs];
    while (stack.length > 0) {
      const ref = stack.pop()!;
      if (ref === roleId) return true;
      if (seen.has(ref)) continue;
      seen.add(ref);
      stack.push(...(collectives.get(ref) ?? []));
    }
    return false;
  };
  const structures = new Map(
    model.structures.map((s) => [
      s.id,
      hasRole([...s.responsible, ...s.contributors, ...s.participants]),
    ]),
  );
  const rules = new Map(
    model.revisions.map((r) => [r.id, hasRole([...r.draftedBy, ...r.input, ...r.decidedBy])]),
  );
  const name = role.abbreviation ? `${role.title} (${role.abbreviation})` : role.title;
  return {
    id: role.id,
    name,
    match: (entry) => {
      if (entry.kind === 'break') return false;
      if (entry.structureId !== undefined && structures.get(entry.structureId)) return true;
      if (entry.participants !== undefined && hasRole(entry.participants)) return true;
      return entry.revisionId !== undefined && rules.get(entry.revisionId) === true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Text

interface Labels {
  cadence: string;
  responsible: string;
  schools: string;
  suggested: string;
  within: string;
  moved: string;
  movedList: string;
  optional: string;
  nonSchoolDay: string;
  skipped: string;
}

const LABELS: Record<Lang, Labels> = {
  nb: {
    cadence: 'Rytme',
    responsible: 'Ansvar',
    schools: 'Skoler',
    suggested: 'Foreslått dato',
    within: 'innenfor',
    moved: 'Flyttet fra',
    movedList: 'Flyttet',
    optional: 'Kan utgå (utover minimum)',
    nonSchoolDay: 'Ikke skoledag',
    skipped: 'Faller bort',
  },
  nn: {
    cadence: 'Rytme',
    responsible: 'Ansvar',
    schools: 'Skular',
    suggested: 'Føreslått dato',
    within: 'innanfor',
    moved: 'Flytta frå',
    movedList: 'Flytta',
    optional: 'Kan gå ut (utover minimum)',
    nonSchoolDay: 'Ikkje skuledag',
    skipped: 'Fell bort',
  },
  en: {
    cadence: 'Cadence',
    responsible: 'Responsible',
    schools: 'Schools',
    suggested: 'Suggested date',
    within: 'within',
    moved: 'Moved from',
    movedList: 'Moved',
    optional: 'May be dropped (beyond the minimum)',
    nonSchoolDay: 'Not a school day',
    skipped: 'Skipped',
  },
};

const dayText = (date: IsoDate, lang: Lang) =>
  formatDate(date, lang, lang === 'en' ? 'd MMM yyyy' : 'dd.MM.yyyy');

/** An RFC 5545 TEXT value: backslash, semicolon, comma and line breaks escaped, controls dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a content line at 75 octets (UTF-8), continuation lines starting with one space, never
 * inside a character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // The leading space of a continuation line counts.
      limit = 74;
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Characters kept as they are in a UID; everything else is percent-encoded (UTF-8). */
const UID_SAFE = /^[A-Za-z0-9._~:+-]$/u;
const encoder = new TextEncoder();

function uidPart(value: string): string {
  let out = '';
  for (const ch of value) {
    if (UID_SAFE.test(ch) || ch === '@') out += ch;
    else
      for (const byte of encoder.encode(ch))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const icsDate = (date: IsoDate) => date.replace(/-/g, '');

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function localDateTime(date: IsoDate, minutes: number): string {
  const day = addDays(date, Math.floor(minutes / 1440));
  const m = minutes % 1440;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${icsDate(day)}T${hh}${mm}00`;
}

/** DTSTART and DTEND lines of an entry: all-day (exclusive end) or local time in Europe/Oslo. */
function whenLines(date: IsoDate, to: IsoDate | undefined, time: TimeOfDay | undefined): string[] {
  if (!time) {
    return [
      `DTSTART;VALUE=DATE:${icsDate(date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(to ?? date, 1))}`,
    ];
  }
  const start = minutesOf(time.start);
  const end =
    time.end !== undefined && minutesOf(time.end) > start ? minutesOf(time.end) : start + 60;
  return [
    `DTSTART;TZID=${ICS_TIME_ZONE}:${localDateTime(date, start)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${localDateTime(date, end)}`,
  ];
}

function stampOf(stamp: IsoDate | Date): string {
  if (stamp instanceof Date)
    return stamp
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
  return `${icsDate(stamp)}T000000Z`;
}

// ---------------------------------------------------------------------------------------------
// Recurring series

const WEEKDAY = /^(MO|TU|WE|TH|FR|SA|SU)$/;
const BYDAY_ITEM = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

/**
 * The parts of a rule when it fits the Outlook recurrence templates (MS-OXCICAL §2.1.3.2.2 and
 * the Outlook for Mac/web limits in prior-art §3.3), FREQ first, without UNTIL and COUNT (the
 * export sets its own bound); null when it does not fit.
 */
export function outlookSafeRule(rrule: string): string[] | null {
  const parts = new Map<string, string>();
  for (const part of rrule
    .replace(/^RRULE:/i, '')
    .toUpperCase()
    .split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq);
    if (parts.has(key)) return null;
    parts.set(key, part.slice(eq + 1));
  }
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return null;
  const byday = parts.get('BYDAY');
  const days = byday?.split(',') ?? [];
  const ordinals = days.map((d) => BYDAY_ITEM.exec(d)?.[1]);
  for (const [key, value] of parts) {
    switch (key) {
      case 'FREQ':
      case 'UNTIL':
      case 'COUNT':
        break;
      case 'INTERVAL':
        if (!/^\d{1,3}$/.test(value) || Number(value) < 1) return null;
        break;
      case 'WKST':
        if (!WEEKDAY.test(value)) return null;
        break;
      case 'BYDAY': {
        if (freq === 'DAILY' || days.some((d) => !BYDAY_ITEM.test(d))) return null;
        const nth = ordinals.filter((o) => o !== undefined);
        if (freq === 'WEEKLY' && nth.length > 0) return null;
        if (freq === 'MONTHLY' || freq === 'YEARLY') {
          if (nth.length > 0) {
            // «The 2nd Tuesday», «the last Sunday»: one day, 1–4 or -1, and no BYSETPOS.
            if (days.length !== 1 || parts.has('BYSETPOS')) return null;
            const n = Number(nth[0]);
            if (!((n >= 1 && n <= 4) || n === -1)) return null;
          } else if (!parts.has('BYSETPOS')) return null;
        }
        break;
      }
      case 'BYMONTHDAY':
        // One positive day: Outlook for Mac and the web reject BYMONTHDAY=-1.
        if (freq === 'DAILY' || freq === 'WEEKLY') return null;
        if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 31) return null;
        break;
      case 'BYMONTH':
        if (freq !== 'YEARLY') return null;
        if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 12) return null;
        break;
      case 'BYSETPOS':
        // One position with a weekday list; Outlook for Mac and the web reject BYSETPOS=-1.
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') return null;
        if (!/^[1-4]$/.test(value) || byday === undefined) return null;
        break;
      default:
        // BYWEEKNO, BYYEARDAY, BYHOUR, BYMINUTE, BYSECOND, X- parts…
        return null;
    }
  }
  return [
    `FREQ=${freq}`,
    ...[...parts]
      .filter(([k]) => k !== 'FREQ' && k !== 'UNTIL' && k !== 'COUNT')
      // «+1MO» is «1MO» (RFC 5545); the plain form is the one every client reads.
      .map(([k, v]) => `${k}=${k === 'BYDAY' ? v.replace(/\+(\d)/g, '$1') : v}`),
  ];
}

interface SeriesEvent {
  series: ArshjulSeries;
  /** The series' entries written by this event (the unmoved ones). */
  covers: ArshjulEntry[];
  rrule: string;
  dtstart: IsoDate;
  exdates: IsoDate[];
  time: TimeOfDay | undefined;
}

const sameTime = (a: TimeOfDay | undefined, b: TimeOfDay | undefined) =>
  a?.start === b?.start && a?.end === b?.end;

/**
 * One recurring event for the series' entries in this calendar, or null when they are better
 * written one by one: no rule, suggested dates, a rule Outlook cannot take, fewer than two
 * unmoved dates, differing times, or a rule that does not give exactly the unmoved dates.
 */
function seriesEvent(series: ArshjulSeries, entries: ArshjulEntry[]): SeriesEvent | null {
  if (series.rrule === null || series.dtstart === null || series.approximate) return null;
  if (entries.some((e) => e.placement !== 'exact' || e.to !== undefined)) return null;
  const covers = entries.filter((e) => !e.moved);
  if (covers.length < 2) return null;
  const time = covers[0]!.time;
  if (covers.some((e) => !sameTime(e.time, time))) return null;
  const parts = outlookSafeRule(series.rrule);
  if (!parts) return null;
  const rule = parts.join(';');
  const target = [...new Set(covers.map((e) => e.date))].sort();
  if (target.length !== covers.length) return null;
  const first = target[0]!;
  const until = target[target.length - 1]!;
  // DTSTART is the first date written; RFC 5545 counts DTSTART as an occurrence, rrule.js only
  // when the rule gives it, so it must be one of the rule's dates (checked below).
  let dates: IsoDate[];
  try {
    if (!rruleBetween(rule, series.dtstart, series.dtstart, until).includes(first)) return null;
    dates = rruleBetween(rule, first, first, until);
  } catch {
    return null;
  }
  if (dates[0] !== first) return null;
  const wanted = new Set(target);
  const given = new Set(dates);
  if (target.some((d) => !given.has(d))) return null;
  const exdates = dates.filter((d) => !wanted.has(d));
  let untilValue = icsDate(until);
  if (time) {
    // UNTIL of a DTSTART with TZID is UTC (RFC 5545 §3.3.10): the last start as an instant.
    try {
      untilValue = zonedInstant(until, time.start, ICS_TIME_ZONE).replace(/[-:]/g, '');
    } catch {
      return null;
    }
  }
  return {
    series,
    covers,
    rrule: `${rule};UNTIL=${untilValue}`,
    dtstart: first,
    exdates,
    time,
  };
}

// ---------------------------------------------------------------------------------------------
// The calendar

/**
 * What a single event's UID is made of: not its date, so that re-importing after a date changed
 * (a suggested date fixed, a meeting moved) updates the event instead of adding a second one.
 * A meeting of a series is `series+n`, its n-th date in the year; a revision, a draft deadline
 * or a break is its rule or kind `+n`. Computed over the whole årshjul, so an event has the same
 * UID in the area's calendar and in a role's.
 */
export function uidKeys(arshjul: Arshjul): Map<string, string> {
  const keys = new Map<string, string>();
  for (const series of arshjul.series) {
    series.entries.forEach((id, k) => keys.set(id, `${series.id}+${k + 1}`));
  }
  const counts = new Map<string, number>();
  const rest = arshjul.rings
    .flatMap((r) => r.entries)
    .filter((e) => !keys.has(e.id))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const e of rest) {
    const base = e.id.replace(/@\d{4}-\d{2}-\d{2}/g, '').replace(/#\d+$/, '');
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    keys.set(e.id, `${base}+${n}`);
  }
  return keys;
}

/** The årshjul as one VCALENDAR (CRLF line ends, folded lines, ending with CRLF). */
export function arshjulToIcs(arshjul: Arshjul, options: IcsOptions = {}): string {
  const lang = options.lang ?? 'nb';
  const labels = LABELS[lang];
  const match = options.role?.match ?? (() => true);
  const stamp = stampOf(options.stamp ?? arshjul.asOf);
  const domain = uidPart(options.uidDomain ?? 'arshjul.no');
  const scope = uidPart(arshjul.area?.id ?? 'all');
  const yearTag = uidPart(arshjul.schoolYear.replace(/[^0-9A-Za-z]+/g, '-'));
  const schoolNames = new Map(arshjul.schools.map((s) => [s.id, s.name]));

  const keys = uidKeys(arshjul);
  const entryUid = (entry: ArshjulEntry) =>
    `${uidPart(keys.get(entry.id) ?? entry.id)}@${yearTag}@${scope}@${domain}`;
  // A series id has no date, so the school year keeps next year's series apart from this one's.
  const seriesUid = (series: ArshjulSeries) =>
    `${uidPart(series.id)}@${yearTag}@${scope}@${domain}`;

  const ringOf = new Map<string, ArshjulRing>();
  const kept: ArshjulEntry[] = [];
  for (const ring of arshjul.rings) {
    for (const entry of ring.entries) {
      if (!match(entry)) continue;
      ringOf.set(entry.id, ring);
      kept.push(entry);
    }
  }
  const keptById = new Map(kept.map((e) => [e.id, e]));

  // Series written as one recurring event, by the id of the first entry they cover.
  const recurring = new Map<string, SeriesEvent>();
  const covered = new Set<string>();
  for (const series of arshjul.series) {
    const entries = series.entries
      .map((id) => keptById.get(id))
      .filter((e): e is ArshjulEntry => e !== undefined);
    const event = seriesEvent(series, entries);
    if (!event) continue;
    recurring.set(event.covers[0]!.id, event);
    for (const e of event.covers) covered.add(e.id);
  }

  const schoolsLine = (schools: string[]) =>
    schools.length > 0
      ? [`${labels.schools}: ${schools.map((id) => schoolNames.get(id) ?? id).join(', ')}`]
      : [];

  const commonLines = (title: string, description: string[], ring: ArshjulRing | undefined) => [
    `SUMMARY:${escapeText(title)}`,
    ...(description.length > 0 ? [`DESCRIPTION:${escapeText(description.join('\n'))}`] : []),
    ...(ring ? [`CATEGORIES:${escapeText(ring.label)}`] : []),
  ];

  const single = (entry: ArshjulEntry): string[] => {
    const description = [
      ...(entry.cadenceText ? [`${labels.cadence}: ${entry.cadenceText}`] : []),
      ...(entry.responsible ? [`${labels.responsible}: ${entry.responsible}`] : []),
      ...schoolsLine(entry.schools),
      ...(entry.placement === 'suggested'
        ? [
            entry.window
              ? `${labels.suggested}, ${labels.within} ${dayText(entry.window.from, lang)}–${dayText(entry.window.to, lang)}`
              : labels.suggested,
          ]
        : []),
      ...(entry.moved
        ? [`${labels.moved} ${dayText(entry.moved.from, lang)}: ${entry.moved.reason}`]
        : []),
      ...(entry.nonSchoolDay !== undefined
        ? [`${labels.nonSchoolDay}${entry.nonSchoolDay ? `: ${entry.nonSchoolDay}` : ''}`]
        : []),
      ...(entry.optional ? [labels.optional] : []),
      // An onboarding meeting's participants, who convenes and its agenda, as the plan gives them.
      ...(entry.details ?? []),
    ];
    return [
      'BEGIN:VEVENT',
      `UID:${entryUid(entry)}`,
      `DTSTAMP:${stamp}`,
      ...whenLines(entry.date, entry.to, entry.time),
      ...commonLines(entry.title, description, ringOf.get(entry.id)),
      ...(entry.placement === 'suggested' ? ['STATUS:TENTATIVE'] : []),
      // An all-day item (a meeting without a time, a break) does not block the whole day.
      `TRANSP:${entry.time ? 'OPAQUE' : 'TRANSPARENT'}`,
      'END:VEVENT',
    ];
  };

  const repeating = (event: SeriesEvent): string[] => {
    const { series, covers, time } = event;
    const first = covers[0]!;
    const moved = series.entries
      .map((id) => keptById.get(id))
      .filter((e): e is ArshjulEntry => e?.moved !== undefined);
    const description = [
      `${labels.cadence}: ${series.cadenceText}`,
      ...(first.responsible ? [`${labels.responsible}: ${first.responsible}`] : []),
      ...schoolsLine(first.schools),
      ...(series.skipped.length > 0
        ? [
            `${labels.skipped}: ${series.skipped.map((s) => `${dayText(s.date, lang)} (${s.reason})`).join('; ')}`,
          ]
        : []),
      ...(moved.length > 0
        ? [
            `${labels.movedList}: ${moved.map((e) => `${dayText(e.moved!.from, lang)} → ${dayText(e.date, lang)} (${e.moved!.reason})`).join('; ')}`,
          ]
        : []),
    ];
    const exdate = (d: IsoDate) =>
      time
        ? `EXDATE;TZID=${ICS_TIME_ZONE}:${localDateTime(d, minutesOf(time.start))}`
        : `EXDATE;VALUE=DATE:${icsDate(d)}`;
    return [
      'BEGIN:VEVENT',
      `UID:${seriesUid(series)}`,
      `DTSTAMP:${stamp}`,
      ...whenLines(event.dtstart, undefined, time),
      `RRULE:${event.rrule}`,
      ...event.exdates.map(exdate),
      ...commonLines(series.title, description, ringOf.get(first.id)),
      `TRANSP:${time ? 'OPAQUE' : 'TRANSPARENT'}`,
      'END:VEVENT',
    ];
  };

  const events: string[][] = [];
  for (const entry of kept) {
    const event = recurring.get(entry.id);
    if (event) events.push(repeating(event));
    else if (!covered.has(entry.id)) events.push(single(entry));
  }

  const name =
    options.calendarName ??
    (options.role ? `${arshjul.title} – ${options.role.name}` : arshjul.title);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Årshjulet//arshjul//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
    // Always there (the calendar's zone, for clients that place all-day items by it too).
    ...OSLO_VTIMEZONE,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
