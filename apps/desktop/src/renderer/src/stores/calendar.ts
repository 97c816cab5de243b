/**
 * The school calendar editor («Skolerute»): which school year the model uses and where it comes
 * from, edits of its first and last school day, breaks and days off (the first edit of a bundled
 * year copies it into `model.schoolCalendar.years`), immediate checks of what was typed, the
 * month grid, and the import of a skoleruta (.ics or a calendar data file) with a preview.
 *
 * Everything here is pure (JSON in, JSON or an edit out) except `useCalendarStore`, which holds
 * the import in progress. Edits work on the file's JSON as written (see `edits.ts`).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import {
  addDays,
  BREAK_KINDS,
  BUNDLED_CALENDARS,
  DAY_OFF_KINDS,
  dayNumber,
  importSchoolCalendarIcs,
  isArshjulError,
  isoDate,
  isValidIsoDate,
  MONTH_NAMES,
  parseCalendarFile,
  publicHolidayOn,
  SchoolYear,
  weekdayOf,
  isoWeekOf,
  type BreakData,
  type BreakKind,
  type DayOffData,
  type DayOffKind,
  type IsoDate,
  type KommuneInfo,
  type Lang,
  type SchoolYearData,
} from '@arshjul/school-calendar';
import { jsonSyntaxIssue } from '@arshjul/model';
import { t, type MessageKey } from '../i18n/index.js';
import { getApi } from '../platform/index.js';
import {
  combine,
  getAt,
  insertAt,
  removeAt,
  setAt,
  type Edit,
  type Json,
  type JsonObject,
  type JsonPath,
} from './edits.js';

export const CALENDAR_PATH = ['schoolCalendar'] as const;
export const YEARS_PATH = ['schoolCalendar', 'years'] as const;
export const KOMMUNE_PATH = ['organisation', 'district', 'kommune'] as const;
/** The source written on a year the user changed in the app. */
export const EDITED_SOURCE = 'Endret i Årshjulet';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: Json | undefined): string {
  return typeof v === 'string' ? v : '';
}

// ---------------------------------------------------------------------------------------------
// Which data a year has, and where they come from

/** The model's own years as written (objects only). */
export function modelYears(doc: Json): JsonObject[] {
  const list = getAt(doc, YEARS_PATH);
  return Array.isArray(list) ? list.filter(isObject) : [];
}

/** The index of `year` in the model's own years as written, or -1. */
export function modelYearIndex(doc: Json, year: string): number {
  const list = getAt(doc, YEARS_PATH);
  if (!Array.isArray(list)) return -1;
  return list.findIndex((y) => isObject(y) && y.year === year);
}

/** The bundled data of a year (as shipped, before the model's copy), if any. */
export function bundledYearData(kommune: string, year: string): SchoolYearData | undefined {
  return BUNDLED_CALENDARS.find((f) => f.kommune.id === kommune)?.years.find(
    (y) => y.year === year,
  );
}

/** A resolved year back as data (for a year that is neither bundled nor in the model). */
export function dataOfSchoolYear(year: SchoolYear): SchoolYearData {
  return {
    year: year.name,
    status: year.status,
    ...(year.source !== undefined ? { source: year.source } : {}),
    firstSchoolDay: year.firstSchoolDay,
    lastSchoolDay: year.lastSchoolDay,
    breaks: year.breaks.map((b) => ({
      kind: b.kind,
      from: b.from,
      to: b.to,
      ...(b.name !== b.kind ? { name: b.name } : {}),
    })),
    daysOff: year.daysOff.map((d) => ({
      kind: d.kind,
      date: d.date,
      ...(d.name !== d.kind ? { name: d.name } : {}),
    })),
  };
}

export interface YearSource {
  /** The year's data as written (the model's copy when it has one). */
  data: JsonObject;
  /** Index in `schoolCalendar.years` when the model holds the year, else -1. */
  index: number;
  /** The data the model's copy would go back to («Tilbakestill»), if any. */
  standard: SchoolYearData | undefined;
}

/**
 * The data of `year` for the editor: the model's copy when it has one, else the bundled data,
 * else the resolved year; null when the kommune has no such year.
 */
export function yearSource(
  doc: Json,
  kommune: string,
  year: string,
  resolved: SchoolYear | null,
): YearSource | null {
  const standard = bundledYearData(kommune, year);
  const index = modelYearIndex(doc, year);
  if (index >= 0) return { data: modelYears(doc)[index]!, index, standard };
  const base = standard ?? (resolved && resolved.name === year ? dataOfSchoolYear(resolved) : null);
  return base ? { data: toJson(base), index: -1, standard } : null;
}

function toJson(year: SchoolYearData): JsonObject {
  return JSON.parse(JSON.stringify(year)) as JsonObject;
}

// ---------------------------------------------------------------------------------------------
// Edits

/**
 * An edit of the model's copy of `year`: when the model has none, `base` (the year shown) is
 * copied in first, as the user's (status `user`, source «Endret i Årshjulet»); a copy that came
 * from elsewhere (imported, published) becomes the user's too. `change` gets the copy's path.
 */
export function editYear(year: string, base: JsonObject, change: (path: JsonPath) => Edit): Edit {
  return (doc) => {
    let next = doc;
    let index = modelYearIndex(next, year);
    if (index < 0) {
      const { status: _s, source: _src, ...rest } = base;
      next = insertAt(YEARS_PATH, { year, status: 'user', source: EDITED_SOURCE, ...rest })(next);
      const list = getAt(next, YEARS_PATH);
      index = Array.isArray(list) ? list.length - 1 : 0;
    } else {
      const own = modelYears(next)[index]!;
      if (own.status !== 'user') {
        const old = str(own.source);
        next = combine(
          setAt([...YEARS_PATH, index, 'status'], 'user'),
          setAt(
            [...YEARS_PATH, index, 'source'],
            old && !old.startsWith(EDITED_SOURCE)
              ? `${EDITED_SOURCE}, etter ${old}`
              : EDITED_SOURCE,
          ),
        )(next);
      }
    }
    return change([...YEARS_PATH, index])(next);
  };
}

export type DayField = 'firstSchoolDay' | 'lastSchoolDay';

export function setSchoolDay(year: string, base: JsonObject, field: DayField, date: string): Edit {
  return editYear(year, base, (p) => setAt([...p, field], date, { keepEmpty: true }));
}

export type BreakField = 'kind' | 'from' | 'to' | 'name';

export function setBreakField(
  year: string,
  base: JsonObject,
  index: number,
  field: BreakField,
  value: string,
): Edit {
  return editYear(year, base, (p) =>
    setAt([...p, 'breaks', index, field], value, { keepEmpty: field !== 'name' }),
  );
}

/** Moves a break by `days` (both ends), as one edit. */
export function shiftBreak(year: string, base: JsonObject, index: number, days: number): Edit {
  return editYear(year, base, (p) => (doc) => {
    const b = getAt(doc, [...p, 'breaks', index]);
    if (!isObject(b)) return doc;
    const from = str(b.from);
    const to = str(b.to);
    if (!isValidIsoDate(from) || !isValidIsoDate(to)) return doc;
    return setAt([...p, 'breaks', index], {
      ...b,
      from: addDays(from, days),
      to: addDays(to, days),
    })(doc);
  });
}

/** Where a new row goes to keep the list in date order. */
function sortedIndex(rows: Json | undefined, key: 'from' | 'date', value: string): number {
  const list = Array.isArray(rows) ? rows : [];
  const at = list.findIndex((r) => isObject(r) && str(r[key]) > value);
  return at < 0 ? list.length : at;
}

export function addBreak(year: string, base: JsonObject, brk: BreakData): Edit {
  return editYear(year, base, (p) => (doc) => {
    const item: JsonObject = { kind: brk.kind, from: brk.from, to: brk.to };
    if (brk.name) item.name = brk.name;
    return insertAt(
      [...p, 'breaks'],
      item,
      sortedIndex(getAt(doc, [...p, 'breaks']), 'from', brk.from),
    )(doc);
  });
}

export function removeBreak(year: string, base: JsonObject, index: number): Edit {
  return editYear(year, base, (p) => removeAt([...p, 'breaks', index]));
}

export type DayOffField = 'kind' | 'date' | 'name';

export function setDayOffField(
  year: string,
  base: JsonObject,
  index: number,
  field: DayOffField,
  value: string,
): Edit {
  return editYear(year, base, (p) =>
    setAt([...p, 'daysOff', index, field], value, { keepEmpty: field !== 'name' }),
  );
}

export function addDayOff(year: string, base: JsonObject, day: DayOffData): Edit {
  return editYear(year, base, (p) => (doc) => {
    const item: JsonObject = { kind: day.kind, date: day.date };
    if (day.name) item.name = day.name;
    return insertAt(
      [...p, 'daysOff'],
      item,
      sortedIndex(getAt(doc, [...p, 'daysOff']), 'date', day.date),
    )(doc);
  });
}

export function removeDayOff(year: string, base: JsonObject, index: number): Edit {
  return editYear(year, base, (p) => removeAt([...p, 'daysOff', index]));
}

/**
 * «Tilbakestill til standard»: removes the model's copy of `year`; a calendar left with no years
 * and nothing else is removed as a whole.
 */
export function resetYear(year: string): Edit {
  return (doc) => {
    const index = modelYearIndex(doc, year);
    if (index < 0) return doc;
    const next = removeAt([...YEARS_PATH, index])(doc);
    const cal = getAt(next, CALENDAR_PATH);
    if (
      isObject(cal) &&
      Object.keys(cal).every((k) => k === 'years') &&
      modelYears(next).length === 0
    )
      return removeAt(CALENDAR_PATH)(next);
    return next;
  };
}

/** Changes the district's kommune (the calendar the model follows). */
export function setKommune(id: string): Edit {
  return setAt(KOMMUNE_PATH, id);
}

// ---------------------------------------------------------------------------------------------
// Immediate checks of a year as written

export interface CalendarProblem {
  /** Path inside the year (`['breaks', 2, 'to']`); empty for the year as a whole. */
  path: (string | number)[];
  severity: 'error' | 'warning';
  message: string;
}

export function breakLabel(kind: string, l?: Lang): string {
  return (BREAK_KINDS as readonly string[]).includes(kind)
    ? t(`cal.break.${kind as BreakKind}`, {}, l)
    : kind;
}
export function dayOffLabel(kind: string, l?: Lang): string {
  return (DAY_OFF_KINDS as readonly string[]).includes(kind)
    ? t(`cal.dayOff.${kind as DayOffKind}`, {}, l)
    : kind;
}

/** The 1 August – 31 July span of a school year named `2025-26`. */
export function spanOf(year: string): { from: IsoDate; to: IsoDate } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

interface RowBreak {
  index: number;
  kind: string;
  from: string;
  to: string;
  name: string;
}

function rowsOf(data: JsonObject, key: 'breaks' | 'daysOff'): JsonObject[] {
  const list = data[key];
  return Array.isArray(list) ? list.map((x) => (isObject(x) ? x : {})) : [];
}

/**
 * What is wrong with a year as written, at the field concerned: dates that do not exist, dates
 * outside the school year, a break that ends before it starts, overlapping breaks, two breaks of
 * one named kind, a first or last school day that is not a school day, a day off that is off
 * already; and, when all that is fine, what the school-calendar package still rejects.
 */
export function checkYear(data: JsonObject, kommune: KommuneInfo, l?: Lang): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const year = str(data.year);
  const span = spanOf(year);
  const err = (path: (string | number)[], key: MessageKey, params: Record<string, string>) =>
    out.push({ path, severity: 'error', message: t(key, params, l) });
  const warn = (path: (string | number)[], key: MessageKey, params: Record<string, string>) =>
    out.push({ path, severity: 'warning', message: t(key, params, l) });
  const validDate = (path: (string | number)[], value: string): boolean => {
    if (isValidIsoDate(value)) return true;
    err(path, 'cal.check.date', { value });
    return false;
  };
  const inSpan = (d: string) => d >= span.from && d <= span.to;
  const outside = (path: (string | number)[], what: string, date: string) =>
    err(path, 'cal.check.outside', { what, date, year, from: span.from, to: span.to });

  const breaks: RowBreak[] = rowsOf(data, 'breaks').map((b, index) => ({
    index,
    kind: str(b.kind),
    from: str(b.from),
    to: str(b.to),
    name: str(b.name),
  }));
  const labelOf = (b: RowBreak) => b.name || breakLabel(b.kind, l);
  const okBreaks: RowBreak[] = [];
  for (const b of breaks) {
    const fromOk = validDate(['breaks', b.index, 'from'], b.from);
    const toOk = validDate(['breaks', b.index, 'to'], b.to);
    if (!fromOk || !toOk) continue;
    if (b.to < b.from) {
      err(['breaks', b.index, 'to'], 'cal.check.order', {
        what: labelOf(b),
        from: b.from,
        to: b.to,
      });
      continue;
    }
    if (b.kind !== 'sommerferie') {
      if (!inSpan(b.from)) outside(['breaks', b.index, 'from'], labelOf(b), b.from);
      if (!inSpan(b.to)) outside(['breaks', b.index, 'to'], labelOf(b), b.to);
    }
    okBreaks.push(b);
  }
  const sorted = [...okBreaks].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted.slice(0, i).find((p) => p.to >= sorted[i]!.from);
    if (prev) {
      const b = sorted[i]!;
      err(['breaks', b.index, 'from'], 'cal.check.overlap', {
        what: labelOf(b),
        other: labelOf(prev),
        from: prev.from,
        to: prev.to,
      });
    }
  }
  const seen = new Set<string>();
  for (const b of breaks) {
    if (b.kind === 'annen ferie') continue;
    if (seen.has(b.kind))
      warn(['breaks', b.index, 'kind'], 'cal.check.duplicate', { kind: breakLabel(b.kind, l) });
    seen.add(b.kind);
  }

  const days = rowsOf(data, 'daysOff').map((d, index) => ({
    index,
    kind: str(d.kind),
    date: str(d.date),
  }));
  const offDates = new Set<string>();
  /** Why a day is off without being a day off (weekend, holiday, break); with the days off too. */
  const whyOff = (date: string, withDaysOff: boolean): string | undefined => {
    const d = dayNumber(date);
    const reasons: string[] = [];
    if (weekdayOf(d) >= 6) reasons.push(t('cal.why.weekend', {}, l));
    const h = publicHolidayOn(date);
    if (h) reasons.push(t('cal.why.holiday', { name: h.name[l ?? 'nb'] }, l));
    for (const b of okBreaks) if (date >= b.from && date <= b.to) reasons.push(labelOf(b));
    if (withDaysOff)
      for (const o of days) if (o.date === date) reasons.push(dayOffLabel(o.kind, l));
    return reasons.length ? reasons.join(', ') : undefined;
  };
  for (const o of days) {
    if (!validDate(['daysOff', o.index, 'date'], o.date)) continue;
    if (!inSpan(o.date)) {
      outside(['daysOff', o.index, 'date'], dayOffLabel(o.kind, l), o.date);
      continue;
    }
    if (offDates.has(o.date)) {
      warn(['daysOff', o.index, 'date'], 'cal.check.sameDay', { date: o.date });
      continue;
    }
    offDates.add(o.date);
    const why = whyOff(o.date, false);
    if (why) warn(['daysOff', o.index, 'date'], 'cal.check.alreadyOff', { date: o.date, why });
  }

  const first = str(data.firstSchoolDay);
  const last = str(data.lastSchoolDay);
  const firstOk = validDate(['firstSchoolDay'], first);
  const lastOk = validDate(['lastSchoolDay'], last);
  if (firstOk && !inSpan(first)) outside(['firstSchoolDay'], t('cal.firstSchoolDay', {}, l), first);
  if (lastOk && !inSpan(last)) outside(['lastSchoolDay'], t('cal.lastSchoolDay', {}, l), last);
  if (firstOk && lastOk && last <= first)
    err(['lastSchoolDay'], 'cal.check.lastBeforeFirst', { first, last });
  for (const [field, date, ok] of [
    ['firstSchoolDay', first, firstOk],
    ['lastSchoolDay', last, lastOk],
  ] as const) {
    if (!ok) continue;
    const why = whyOff(date, true);
    if (why)
      err([field], 'cal.check.notSchoolDay', {
        what: t(field === 'firstSchoolDay' ? 'cal.firstSchoolDay' : 'cal.lastSchoolDay', {}, l),
        date,
        why,
      });
  }

  if (!out.some((p) => p.severity === 'error')) {
    const problem = yearProblem(data, kommune);
    if (problem) err([], 'cal.check.year', { message: problem });
  }
  return out;
}

export interface FieldMessage {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * The messages at one field of a year (`rel` inside it; `deep` takes those inside too): the
 * immediate checks, and the model's issues at the same place when the model holds the year
 * (`issuesAt` gets the path in the file) and the checks found nothing there.
 */
export function messagesAt(
  problems: readonly CalendarProblem[],
  rel: readonly (string | number)[],
  index: number,
  issuesAt: (path: JsonPath, deep: boolean) => readonly FieldMessage[],
  deep = false,
): FieldMessage[] {
  const same = (p: readonly (string | number)[]) =>
    deep
      ? rel.every((seg, i) => p[i] === seg)
      : p.length === rel.length && rel.every((seg, i) => p[i] === seg);
  const own = problems
    .filter((p) => same(p.path))
    .map((p) => ({ severity: p.severity, message: p.message }));
  if (own.length || index < 0) return own;
  return issuesAt([...YEARS_PATH, index, ...rel], deep).map((i) => ({
    severity: i.severity,
    message: i.message,
  }));
}

/** What the school-calendar package says about a year as written (null when it is fine). */
export function yearProblem(data: Json, kommune: KommuneInfo): string | null {
  try {
    new SchoolYear(data as unknown as SchoolYearData, kommune);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

// ---------------------------------------------------------------------------------------------
// What the editor shows

/** Weekdays (Monday–Friday) and calendar days from `from` to `to`, both included. */
export function breakLength(from: string, to: string): { weekdays: number; days: number } | null {
  if (!isValidIsoDate(from) || !isValidIsoDate(to) || to < from) return null;
  const a = dayNumber(from);
  const b = dayNumber(to);
  let weekdays = 0;
  for (let d = a; d <= b; d++) if (weekdayOf(d) <= 5) weekdays++;
  return { weekdays, days: b - a + 1 };
}

export type DayMark = 'school' | 'break' | 'dayOff' | 'holiday' | 'weekend' | 'outside';

/** The letter a day shows in the month grid (beside its colour): S, F, P, H, or none. */
export const MARK_LETTER: Record<DayMark, string> = {
  school: 'S',
  break: 'F',
  dayOff: 'P',
  holiday: 'H',
  weekend: '',
  outside: '',
};

export interface GridDay {
  date: IsoDate;
  day: number;
  mark: DayMark;
  /** Why the day is not a school day, in words (empty for a school day). */
  why: string;
}

export interface GridMonth {
  /** `YYYY-MM`. */
  key: string;
  label: string;
  /** ISO weeks, Monday first; null where the day belongs to another month. */
  weeks: { week: number; days: (GridDay | null)[] }[];
}

/**
 * The months from the first to the last school day, day by day: school day, break, day off,
 * public holiday, weekend or outside the school year, with why in words.
 */
export function monthGrid(year: SchoolYear, l: Lang = 'nb'): GridMonth[] {
  const months: GridMonth[] = [];
  let y = Number(year.firstSchoolDay.slice(0, 4));
  let m = Number(year.firstSchoolDay.slice(5, 7));
  const lastKey = year.lastSchoolDay.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const first = dayNumber(`${key}-01`);
    const weeks: GridMonth['weeks'] = [];
    let row: (GridDay | null)[] = Array.from({ length: weekdayOf(first) - 1 }, () => null);
    for (let d = first; isoDate(d).slice(0, 7) === key; d++) {
      const date = isoDate(d);
      const info = year.dayInfo(date);
      const kinds = new Set(info.reasons.map((r) => r.kind));
      const mark: DayMark = info.schoolDay
        ? 'school'
        : kinds.has('holiday')
          ? 'holiday'
          : kinds.has('day-off')
            ? 'dayOff'
            : kinds.has('break')
              ? 'break'
              : kinds.has('weekend')
                ? 'weekend'
                : 'outside';
      row.push({
        date,
        day: Number(date.slice(8)),
        mark,
        why: info.schoolDay ? '' : year.describeReasons(date),
      });
      if (row.length === 7) {
        weeks.push({ week: isoWeekOf(isoDate(d - 6)).week, days: row });
        row = [];
      }
    }
    if (row.length) {
      const monday = row.find((c) => c !== null)!.date;
      weeks.push({
        week: isoWeekOf(monday).week,
        days: [...row, ...Array.from({ length: 7 - row.length }, () => null)],
      });
    }
    months.push({ key, label: `${MONTH_NAMES[l][m - 1]} ${y}`, weeks });
    if (key >= lastKey) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

// ---------------------------------------------------------------------------------------------
// Import

export interface CalendarFileRead {
  kommune: KommuneInfo;
  years: SchoolYearData[];
  warnings: string[];
  format: 'ics' | 'json';
}

/** An import that failed: the message names the file and says what is wrong (Norwegian). */
export class CalendarImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${t('cal.importFailed', { file }, 'nb')}: ${problem}`);
  }
}

/**
 * Reads a skoleruta: an .ics file (by name or content) through the iCalendar import, for
 * `kommune` (the model's); anything else as a calendar data file (JSON). Throws a
 * `CalendarImportError` naming the file and the problem.
 */
export function readCalendarFile(
  file: { name: string; text: string },
  kommune: KommuneInfo,
): CalendarFileRead {
  const text = file.text.replace(/^\uFEFF/, '');
  const ics = /\.ics$/i.test(file.name) || /^\s*BEGIN:VCALENDAR/i.test(text);
  try {
    if (ics) {
      const r = importSchoolCalendarIcs(text, { kommune, source: file.name });
      return { kommune: r.file.kommune, years: r.file.years, warnings: r.warnings, format: 'ics' };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new CalendarImportError(
        file.name,
        t('cal.notJson', { problem: jsonSyntaxIssue(text, e, 'nb').message }, 'nb'),
      );
    }
    const parsed = parseCalendarFile(value, file.name);
    return { kommune: parsed.kommune, years: parsed.years, warnings: [], format: 'json' };
  } catch (e) {
    if (e instanceof CalendarImportError) throw e;
    const message = isArshjulError(e) || e instanceof Error ? e.message : String(e);
    throw new CalendarImportError(file.name, message);
  }
}

export interface PeriodChange {
  what: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

export interface YearPreview {
  year: string;
  replaces: 'none' | 'bundled' | 'model';
  /** Why the year cannot be used (null when it can). */
  problem: string | null;
  breaks: number;
  daysOff: number;
  changes: PeriodChange[];
}

export interface ImportPreview {
  file: string;
  kommune: KommuneInfo;
  /** The kommune the model has now, when the import changes it. */
  kommuneFrom: string | null;
  years: YearPreview[];
  warnings: string[];
  /** Whether «Bruk» may be pressed (every year usable). */
  usable: boolean;
}

function period(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}

/** The differences between two years' data: first and last day, breaks by kind, days off by date. */
export function diffYears(
  before: Json | undefined,
  after: SchoolYearData,
  l?: Lang,
): PeriodChange[] {
  const out: PeriodChange[] = [];
  const b = isObject(before) ? before : {};
  for (const field of ['firstSchoolDay', 'lastSchoolDay'] as const) {
    const old = str(b[field]);
    if (old !== after[field])
      out.push({
        what: t(field === 'firstSchoolDay' ? 'cal.firstSchoolDay' : 'cal.lastSchoolDay', {}, l),
        change: old ? 'changed' : 'added',
        ...(old ? { before: old } : {}),
        after: after[field],
      });
  }
  const keyOf = (x: JsonObject | BreakData) =>
    x.kind === 'annen ferie' ? `${String(x.kind)}:${str(x.name as Json)}` : String(x.kind);
  const oldBreaks = new Map(rowsOf(b, 'breaks').map((x) => [keyOf(x), x]));
  const newBreaks = new Map(after.breaks.map((x) => [keyOf(x), x]));
  for (const [k, n] of newBreaks) {
    const o = oldBreaks.get(k);
    const what = n.name ?? breakLabel(n.kind, l);
    if (!o) out.push({ what, change: 'added', after: period(n.from, n.to) });
    else if (str(o.from) !== n.from || str(o.to) !== n.to)
      out.push({
        what,
        change: 'changed',
        before: period(str(o.from), str(o.to)),
        after: period(n.from, n.to),
      });
  }
  // A year without a sommerferie gets one from its last school day: not a removal.
  const implied = !after.breaks.some((x) => x.kind === 'sommerferie');
  for (const [k, o] of oldBreaks)
    if (!newBreaks.has(k) && !(implied && k === 'sommerferie'))
      out.push({
        what: str(o.name) || breakLabel(str(o.kind), l),
        change: 'removed',
        before: period(str(o.from), str(o.to)),
      });
  const oldDays = new Map(rowsOf(b, 'daysOff').map((x) => [str(x.date), x]));
  const newDays = new Map(after.daysOff.map((x) => [x.date, x]));
  for (const [date, n] of newDays)
    if (!oldDays.has(date))
      out.push({ what: n.name ?? dayOffLabel(n.kind, l), change: 'added', after: date });
  for (const [date, o] of oldDays)
    if (!newDays.has(date))
      out.push({
        what: str(o.name) || dayOffLabel(str(o.kind), l),
        change: 'removed',
        before: date,
      });
  return out;
}

/**
 * What an import would change in the model: for each year, whether it is new or replaces the
 * bundled year or the model's own, and how its days differ from what the model uses now.
 * `current` gives the year the model uses now (bundled or its own), by name.
 */
export function previewImport(
  doc: Json,
  currentKommune: KommuneInfo,
  read: CalendarFileRead,
  fileName: string,
  current: (year: string) => Json | undefined,
  l?: Lang,
): ImportPreview {
  const sameKommune = read.kommune.id === currentKommune.id;
  const years = read.years.map((y): YearPreview => {
    const own = sameKommune && modelYearIndex(doc, y.year) >= 0;
    const before = sameKommune ? current(y.year) : undefined;
    return {
      year: y.year,
      replaces: own ? 'model' : before !== undefined ? 'bundled' : 'none',
      problem: yearProblem(y as unknown as Json, read.kommune),
      breaks: y.breaks.length,
      daysOff: y.daysOff.length,
      changes: diffYears(before, y, l),
    };
  });
  return {
    file: fileName,
    kommune: read.kommune,
    kommuneFrom: sameKommune ? null : currentKommune.name,
    years,
    warnings: read.warnings,
    usable: years.length > 0 && years.every((y) => y.problem === null),
  };
}

/**
 * Stores imported years in the model, as one edit: each replaces the model's year of the same
 * name. Another kommune replaces the model's calendar (its years were for the old kommune) and
 * becomes the district's kommune; a kommune that is not bundled is written with the calendar.
 */
export function applyImport(
  read: CalendarFileRead,
  fileName: string,
  currentKommune: string,
): Edit {
  const bundled = BUNDLED_CALENDARS.some((f) => f.kommune.id === read.kommune.id);
  const years = read.years.map((y) => toJson(y));
  return (doc) => {
    const cal = getAt(doc, CALENDAR_PATH);
    const same = read.kommune.id === currentKommune;
    const kept = same
      ? modelYears(doc).filter((y) => !read.years.some((n) => n.year === y.year))
      : [];
    const merged = [...kept, ...years].sort((a, b) => (str(a.year) < str(b.year) ? -1 : 1));
    const next: JsonObject = {
      ...(same && isObject(cal) ? cal : {}),
      ...(bundled ? {} : { kommune: { ...read.kommune } }),
      years: merged,
      source: fileName,
    };
    if (bundled && same && isObject(cal) && isObject(cal.kommune)) next.kommune = cal.kommune;
    return combine(setAt(CALENDAR_PATH, next), same ? (d) => d : setKommune(read.kommune.id))(doc);
  };
}

// ---------------------------------------------------------------------------------------------
// The import in progress

export const useCalendarStore = defineStore('calendar', () => {
  /** The file read and what it would change, waiting for «Bruk». */
  const pending = shallowRef<{ read: CalendarFileRead; preview: ImportPreview } | null>(null);
  /** Why the last import failed (names the file), or null. */
  const error = ref<string | null>(null);
  /** The file last applied, for the confirmation. */
  const applied = ref<string | null>(null);

  /**
   * Asks for a file and reads it; the preview waits for `apply`. Returns false when cancelled
   * or the file could not be read (`error` says why).
   */
  async function chooseFile(
    doc: Json,
    kommune: KommuneInfo,
    current: (year: string) => Json | undefined,
    l?: Lang,
  ): Promise<boolean> {
    error.value = null;
    applied.value = null;
    let file: { name: string; text: string } | null;
    try {
      file = await getApi().openFile('calendar');
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return false;
    }
    if (!file) return false;
    return readText(file, doc, kommune, current, l);
  }

  /** Reads a file's text into a preview (also used by drag and drop and the tests). */
  function readText(
    file: { name: string; text: string },
    doc: Json,
    kommune: KommuneInfo,
    current: (year: string) => Json | undefined,
    l?: Lang,
  ): boolean {
    error.value = null;
    applied.value = null;
    try {
      const read = readCalendarFile(file, kommune);
      pending.value = { read, preview: previewImport(doc, kommune, read, file.name, current, l) };
      return true;
    } catch (e) {
      pending.value = null;
      error.value =
        e instanceof CalendarImportError
          ? `${t('cal.importFailed', { file: e.file }, l)}: ${e.problem}`
          : String(e);
      return false;
    }
  }

  /** The edit that stores the pending import (null when there is none or it cannot be used). */
  function takeEdit(currentKommune: string): Edit | null {
    const p = pending.value;
    if (!p || !p.preview.usable) return null;
    pending.value = null;
    applied.value = p.preview.file;
    return applyImport(p.read, p.preview.file, currentKommune);
  }

  function cancel(): void {
    pending.value = null;
    error.value = null;
  }

  return { pending, error, applied, chooseFile, readText, takeEdit, cancel };
});
