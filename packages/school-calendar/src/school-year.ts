/**
 * One school year of one kommune: its days, weeks, halves, breaks and named anchors.
 *
 * Built from validated data (schema.ts) plus the public holidays. Every query is answered from a
 * per-day table, so `isSchoolDay` is O(1); the recurrence package leans on that.
 */
import {
  addDays,
  dayNumber,
  dayNumberOf,
  formatDate,
  isoDate,
  isoWeekOf,
  mondayOf,
  weekdayOf,
  type DayNumber,
  type IsoDate,
  type IsoWeek,
  type IsoWeekday,
} from './dates.js';
import { ArshjulError } from './errors.js';
import { publicHolidays, type HolidayKey, type PublicHoliday } from './holidays.js';
import {
  NAMED_BREAKS,
  type BreakKind,
  type DayOffKind,
  type NamedBreak,
  type SchoolYearData,
  type YearStatus,
} from './schema.js';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface Break extends Period {
  kind: BreakKind;
  name: string;
}

export interface DayOff {
  date: IsoDate;
  kind: DayOffKind;
  name: string;
}

export type DayReason =
  | { kind: 'weekend' }
  | { kind: 'holiday'; holiday: HolidayKey; name: string }
  | { kind: 'break'; break: BreakKind; name: string }
  | { kind: 'day-off'; dayOff: DayOffKind; name: string }
  | { kind: 'before-school-start' }
  | { kind: 'after-last-school-day' };

export interface DayInfo {
  date: IsoDate;
  weekday: IsoWeekday;
  isoWeek: IsoWeek;
  schoolDay: boolean;
  /** Why the day is not a school day (empty for school days). */
  reasons: DayReason[];
}

export interface CalendarWeek extends IsoWeek {
  monday: IsoDate;
  sunday: IsoDate;
  schoolDays: IsoDate[];
}

export type Half = 'høst' | 'vår';

/** A named point in the school year that rules can refer to. */
export type PointAnchor =
  | 'skolestart'
  | 'siste-skoledag'
  | 'høst.start'
  | 'høst.slutt'
  | 'vår.start'
  | 'vår.slutt'
  | `${NamedBreak}.start`
  | `${NamedBreak}.slutt`
  | `før-${NamedBreak}`
  | `etter-${NamedBreak}`;

/** A named stretch of the school year that rules can place things in. */
export type WindowSpec =
  | { kind: 'school-year' }
  | { kind: 'half'; half: Half }
  | { kind: 'month'; month: number }
  | { kind: 'break'; break: NamedBreak }
  | { kind: 'start-of-year'; weeks?: number }
  | { kind: 'end-of-year'; weeks?: number }
  | { kind: 'before'; break: NamedBreak; weeks?: number }
  | { kind: 'after'; break: NamedBreak; weeks?: number };

/** How many school weeks "i starten av", "i forkant av" and "etter" cover unless a rule says. */
export const DEFAULT_WINDOW_WEEKS = 3;

export const POINT_ANCHORS: readonly PointAnchor[] = [
  'skolestart',
  'siste-skoledag',
  'høst.start',
  'høst.slutt',
  'vår.start',
  'vår.slutt',
  ...NAMED_BREAKS.flatMap(
    (b) => [`${b}.start`, `${b}.slutt`, `før-${b}`, `etter-${b}`] as PointAnchor[],
  ),
];

const enum Status {
  School = 0,
  Weekend = 1,
  Holiday = 2,
  Break = 3,
  DayOff = 4,
  Outside = 5,
}

export interface KommuneInfo {
  id: string;
  name: string;
  timeZone: string;
}

export class SchoolYear {
  readonly name: string;
  readonly startYear: number;
  readonly kommune: KommuneInfo;
  readonly status: YearStatus;
  readonly source: string | undefined;
  readonly firstSchoolDay: IsoDate;
  readonly lastSchoolDay: IsoDate;
  /** The wheel's year: 1 August to 31 July. */
  readonly span: Period;
  readonly breaks: readonly Break[];
  readonly daysOff: readonly DayOff[];
  /** Public holidays from 1 August to 31 July. */
  readonly holidays: readonly PublicHoliday[];
  readonly halves: Readonly<Record<Half, Period>>;

  private readonly base: DayNumber;
  private readonly status_: Uint8Array;
  private readonly first: DayNumber;
  private readonly last: DayNumber;
  private weeksCache: CalendarWeek[] | undefined;
  private schoolDayList: DayNumber[] | undefined;
  /** describeReasons is asked for the same days again and again by the recurrence expansion. */
  private readonly reasonText = new Map<DayNumber, string>();

  constructor(data: SchoolYearData, kommune: KommuneInfo, where = `${kommune.id} ${data.year}`) {
    this.name = data.year;
    this.kommune = kommune;
    this.status = data.status;
    this.source = data.source;
    this.startYear = Number(data.year.slice(0, 4));
    const expectedSuffix = String((this.startYear + 1) % 100).padStart(2, '0');
    if (data.year.slice(5) !== expectedSuffix) {
      throw new ArshjulError(
        'calendar.year-name',
        `«${data.year}» er ikke et skoleår; skoleåret som starter i ${this.startYear} heter ${this.startYear}-${expectedSuffix}.`,
        where,
      );
    }
    this.span = { from: `${this.startYear}-08-01`, to: `${this.startYear + 1}-07-31` };
    this.firstSchoolDay = data.firstSchoolDay;
    this.lastSchoolDay = data.lastSchoolDay;
    this.base = dayNumber(this.span.from);
    this.first = dayNumber(data.firstSchoolDay);
    this.last = dayNumber(data.lastSchoolDay);
    const end = dayNumber(this.span.to);

    const inSpan = (d: IsoDate) => d >= this.span.from && d <= this.span.to;
    if (!inSpan(data.firstSchoolDay)) {
      throw new ArshjulError(
        'calendar.first-day',
        `Første skoledag ${data.firstSchoolDay} ligger ikke i skoleåret ${data.year} (${this.span.from} – ${this.span.to}).`,
        `${where} firstSchoolDay`,
      );
    }
    if (!inSpan(data.lastSchoolDay) || this.last <= this.first) {
      throw new ArshjulError(
        'calendar.last-day',
        `Siste skoledag ${data.lastSchoolDay} må ligge etter første skoledag ${data.firstSchoolDay} og før ${this.span.to}.`,
        `${where} lastSchoolDay`,
      );
    }

    this.breaks = data.breaks
      .map((b, i) => {
        if (b.to < b.from) {
          throw new ArshjulError(
            'calendar.break-order',
            `${b.kind} slutter (${b.to}) før den starter (${b.from}).`,
            `${where} breaks[${i}]`,
          );
        }
        if (b.kind !== 'sommerferie' && (!inSpan(b.from) || !inSpan(b.to))) {
          throw new ArshjulError(
            'calendar.break-outside',
            `${b.kind} ${b.from} – ${b.to} ligger utenfor skoleåret ${data.year}.`,
            `${where} breaks[${i}]`,
          );
        }
        return { kind: b.kind, from: b.from, to: b.to, name: b.name ?? b.kind };
      })
      .sort((a, b) => (a.from < b.from ? -1 : 1));
    if (!this.breaks.some((b) => b.kind === 'sommerferie')) {
      // Every school year ends in a summer break; without data it runs to the end of July.
      this.breaks = [
        ...this.breaks,
        {
          kind: 'sommerferie',
          from: addDays(data.lastSchoolDay, 1),
          to: this.span.to,
          name: 'sommerferie',
        },
      ];
    }
    this.daysOff = data.daysOff
      .map((d, i) => {
        if (!inSpan(d.date)) {
          throw new ArshjulError(
            'calendar.day-off-outside',
            `Fridagen ${d.date} (${d.kind}) ligger utenfor skoleåret ${data.year}.`,
            `${where} daysOff[${i}]`,
          );
        }
        return { date: d.date, kind: d.kind, name: d.name ?? d.kind };
      })
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    this.holidays = [
      ...publicHolidays(this.startYear),
      ...publicHolidays(this.startYear + 1),
    ].filter((h) => inSpan(h.date));

    // Day table over the span.
    const table = new Uint8Array(end - this.base + 1);
    for (let d = this.base; d <= end; d++) {
      const i = d - this.base;
      if (d < this.first || d > this.last) table[i] = Status.Outside;
      else if (weekdayOf(d) >= 6) table[i] = Status.Weekend;
    }
    const mark = (from: DayNumber, to: DayNumber, s: Status) => {
      for (let d = Math.max(from, this.base); d <= Math.min(to, end); d++) {
        const i = d - this.base;
        if (table[i] === Status.School) table[i] = s;
      }
    };
    for (const h of this.holidays) mark(dayNumber(h.date), dayNumber(h.date), Status.Holiday);
    for (const b of this.breaks) mark(dayNumber(b.from), dayNumber(b.to), Status.Break);
    for (const o of this.daysOff) mark(dayNumber(o.date), dayNumber(o.date), Status.DayOff);
    this.status_ = table;

    if (table[this.first - this.base] !== Status.School) {
      throw new ArshjulError(
        'calendar.first-day-off',
        `Første skoledag ${data.firstSchoolDay} (${formatDate(data.firstSchoolDay)}) er ikke en skoledag: ${this.describeReasons(data.firstSchoolDay)}.`,
        `${where} firstSchoolDay`,
      );
    }
    if (table[this.last - this.base] !== Status.School) {
      throw new ArshjulError(
        'calendar.last-day-off',
        `Siste skoledag ${data.lastSchoolDay} (${formatDate(data.lastSchoolDay)}) er ikke en skoledag: ${this.describeReasons(data.lastSchoolDay)}.`,
        `${where} lastSchoolDay`,
      );
    }

    const jul = this.breaks.find((b) => b.kind === 'juleferie');
    const newYear = dayNumberOf(this.startYear + 1, 1, 1);
    const hostEnd = this.prevSchoolDay(jul ? dayNumber(jul.from) - 1 : newYear - 1);
    const varStart = this.nextSchoolDay(jul ? dayNumber(jul.to) + 1 : newYear);
    this.halves = {
      høst: { from: this.firstSchoolDay, to: isoDate(hostEnd ?? this.first) },
      vår: { from: isoDate(varStart ?? this.last), to: this.lastSchoolDay },
    };
  }

  /** The kommune and year, e.g. `Oslo 2025-26`. */
  get label(): string {
    return `${this.kommune.name} ${this.name}`;
  }

  /** Whether the calendar data are derived from rules rather than the published skoleruta. */
  get derived(): boolean {
    return this.status === 'derived';
  }

  contains(date: IsoDate): boolean {
    return date >= this.span.from && date <= this.span.to;
  }

  isSchoolDay(date: IsoDate): boolean {
    return this.isSchoolDayNumber(dayNumber(date));
  }

  /** Fast path for day numbers; false outside the span. */
  isSchoolDayNumber(day: DayNumber): boolean {
    const i = day - this.base;
    return i >= 0 && i < this.status_.length && this.status_[i] === Status.School;
  }

  dayInfo(date: IsoDate): DayInfo {
    const d = dayNumber(date);
    const schoolDay = this.isSchoolDayNumber(d);
    return {
      date,
      weekday: weekdayOf(d),
      isoWeek: isoWeekOf(date),
      schoolDay,
      reasons: schoolDay ? [] : this.reasonsOf(date, d),
    };
  }

  /** Why a day is not a school day (the day need not be one). */
  private reasonsOf(date: IsoDate, d: DayNumber): DayReason[] {
    const reasons: DayReason[] = [];
    if (d < this.first) reasons.push({ kind: 'before-school-start' });
    if (d > this.last) reasons.push({ kind: 'after-last-school-day' });
    if (weekdayOf(d) >= 6) reasons.push({ kind: 'weekend' });
    const holidays = this.contains(date) ? this.holidays : publicHolidays(Number(date.slice(0, 4)));
    for (const h of holidays) {
      if (h.date === date) reasons.push({ kind: 'holiday', holiday: h.key, name: h.name.nb });
    }
    for (const b of this.breaks) {
      if (date >= b.from && date <= b.to)
        reasons.push({ kind: 'break', break: b.kind, name: b.name });
    }
    for (const o of this.daysOff) {
      if (o.date === date) reasons.push({ kind: 'day-off', dayOff: o.kind, name: o.name });
    }
    return reasons;
  }

  /** Why a day is not a school day, in words (nb). Empty string for a school day. */
  describeReasons(date: IsoDate): string {
    const d = dayNumber(date);
    if (this.isSchoolDayNumber(d)) return '';
    const hit = this.reasonText.get(d);
    if (hit !== undefined) return hit;
    const labels: string[] = [];
    for (const r of this.reasonsOf(date, d)) {
      switch (r.kind) {
        case 'weekend':
          labels.push('helg');
          break;
        case 'holiday':
          labels.push(`helligdag (${r.name})`);
          break;
        case 'break':
          labels.push(r.name);
          break;
        case 'day-off':
          labels.push(r.name === r.dayOff ? r.dayOff : `${r.dayOff} (${r.name})`);
          break;
        case 'before-school-start':
          labels.push(`før skolestart ${this.firstSchoolDay}`);
          break;
        case 'after-last-school-day':
          labels.push(`etter siste skoledag ${this.lastSchoolDay}`);
          break;
      }
    }
    const text = labels.join(', ');
    this.reasonText.set(d, text);
    return text;
  }

  /** The first school day on or after `day`, within the school year. */
  nextSchoolDay(day: DayNumber): DayNumber | undefined {
    for (let d = Math.max(day, this.first); d <= this.last; d++)
      if (this.isSchoolDayNumber(d)) return d;
    return undefined;
  }

  /** The last school day on or before `day`, within the school year. */
  prevSchoolDay(day: DayNumber): DayNumber | undefined {
    for (let d = Math.min(day, this.last); d >= this.first; d--)
      if (this.isSchoolDayNumber(d)) return d;
    return undefined;
  }

  /** All school days as day numbers, in order. */
  schoolDayNumbers(): readonly DayNumber[] {
    if (!this.schoolDayList) {
      const list: DayNumber[] = [];
      for (let d = this.first; d <= this.last; d++) if (this.isSchoolDayNumber(d)) list.push(d);
      this.schoolDayList = list;
    }
    return this.schoolDayList;
  }

  schoolDays(): IsoDate[] {
    return this.schoolDayNumbers().map(isoDate);
  }

  get schoolDayCount(): number {
    return this.schoolDayNumbers().length;
  }

  /** Every ISO week (Monday start) that touches 1 August – 31 July, with its school days. */
  weeks(): readonly CalendarWeek[] {
    if (!this.weeksCache) {
      const weeks: CalendarWeek[] = [];
      const end = dayNumber(this.span.to);
      for (let mon = mondayOf(this.base); mon <= end; mon += 7) {
        const schoolDays: IsoDate[] = [];
        for (let d = mon; d < mon + 7; d++)
          if (this.isSchoolDayNumber(d)) schoolDays.push(isoDate(d));
        const monday = isoDate(mon);
        weeks.push({ ...isoWeekOf(monday), monday, sunday: isoDate(mon + 6), schoolDays });
      }
      this.weeksCache = weeks;
    }
    return this.weeksCache;
  }

  /** The weeks with at least one school day. */
  schoolWeeks(): CalendarWeek[] {
    return this.weeks().filter((w) => w.schoolDays.length > 0);
  }

  breakOf(kind: NamedBreak): Break | undefined {
    return this.breaks.find((b) => b.kind === kind);
  }

  /** The date of a named anchor, or undefined when this year has no such break. */
  anchor(name: PointAnchor): IsoDate | undefined {
    switch (name) {
      case 'skolestart':
        return this.firstSchoolDay;
      case 'siste-skoledag':
        return this.lastSchoolDay;
      case 'høst.start':
        return this.halves.høst.from;
      case 'høst.slutt':
        return this.halves.høst.to;
      case 'vår.start':
        return this.halves.vår.from;
      case 'vår.slutt':
        return this.halves.vår.to;
    }
    const m = /^(før|etter)-(.+)$/.exec(name);
    if (m) {
      const b = this.breakOf(m[2] as NamedBreak);
      if (!b) return undefined;
      const d =
        m[1] === 'før'
          ? this.prevSchoolDay(dayNumber(b.from) - 1)
          : this.nextSchoolDay(dayNumber(b.to) + 1);
      return d === undefined ? undefined : isoDate(d);
    }
    const [kind, edge] = name.split('.') as [NamedBreak, 'start' | 'slutt'];
    const b = this.breakOf(kind);
    return b ? (edge === 'start' ? b.from : b.to) : undefined;
  }

  /** All point anchors this year has. */
  anchors(): Partial<Record<PointAnchor, IsoDate>> {
    const out: Partial<Record<PointAnchor, IsoDate>> = {};
    for (const a of POINT_ANCHORS) {
      const d = this.anchor(a);
      if (d) out[a] = d;
    }
    return out;
  }

  /** The school weeks inside a named window, e.g. the three weeks before sommerferien. */
  window(spec: WindowSpec): Period | undefined {
    const weeks = this.schoolWeeks();
    const firstDay = (w: CalendarWeek) => w.schoolDays[0] as IsoDate;
    const lastDay = (w: CalendarWeek) => w.schoolDays[w.schoolDays.length - 1] as IsoDate;
    const span = (ws: CalendarWeek[]): Period | undefined =>
      ws.length ? { from: firstDay(ws[0]!), to: lastDay(ws[ws.length - 1]!) } : undefined;
    const n = (w?: number) => Math.max(1, w ?? DEFAULT_WINDOW_WEEKS);
    switch (spec.kind) {
      case 'school-year':
        return { from: this.firstSchoolDay, to: this.lastSchoolDay };
      case 'half':
        return this.halves[spec.half];
      case 'month': {
        const y = spec.month >= 8 ? this.startYear : this.startYear + 1;
        const from = `${y}-${String(spec.month).padStart(2, '0')}-01`;
        const to = isoDate(
          dayNumberOf(spec.month === 12 ? y + 1 : y, spec.month === 12 ? 1 : spec.month + 1, 1) - 1,
        );
        const a = this.nextSchoolDay(dayNumber(from));
        const b = this.prevSchoolDay(dayNumber(to));
        return a !== undefined && b !== undefined && a <= b
          ? { from: isoDate(a), to: isoDate(b) }
          : undefined;
      }
      case 'break': {
        const b = this.breakOf(spec.break);
        return b ? { from: b.from, to: b.to } : undefined;
      }
      case 'start-of-year':
        return span(weeks.slice(0, n(spec.weeks)));
      case 'end-of-year':
        return span(weeks.slice(-n(spec.weeks)));
      case 'before': {
        const b = this.breakOf(spec.break);
        if (!b) return undefined;
        const before = weeks.filter((w) => firstDay(w) < b.from);
        return span(before.slice(-n(spec.weeks)));
      }
      case 'after': {
        const b = this.breakOf(spec.break);
        if (!b) return undefined;
        const after = weeks.filter((w) => firstDay(w) > b.to);
        return span(after.slice(0, n(spec.weeks)));
      }
    }
  }

  /** A plain-data summary, e.g. for `arshjul calendar --json`. */
  toJSON(): SchoolYearSummary {
    return {
      kommune: this.kommune,
      year: this.name,
      status: this.status,
      ...(this.source ? { source: this.source } : {}),
      firstSchoolDay: this.firstSchoolDay,
      lastSchoolDay: this.lastSchoolDay,
      schoolDays: this.schoolDayCount,
      schoolWeeks: this.schoolWeeks().length,
      halves: this.halves,
      breaks: this.breaks.map((b) => ({ ...b })),
      daysOff: this.daysOff.map((d) => ({ ...d })),
      holidays: this.holidays.map((h) => ({ date: h.date, key: h.key, name: h.name.nb })),
      anchors: this.anchors(),
    };
  }
}

export interface SchoolYearSummary {
  kommune: KommuneInfo;
  year: string;
  status: YearStatus;
  source?: string;
  firstSchoolDay: IsoDate;
  lastSchoolDay: IsoDate;
  schoolDays: number;
  schoolWeeks: number;
  halves: Record<Half, Period>;
  breaks: Break[];
  daysOff: DayOff[];
  holidays: { date: IsoDate; key: HolidayKey; name: string }[];
  anchors: Partial<Record<PointAnchor, IsoDate>>;
}
