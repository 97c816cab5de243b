/**
 * Expansion of a cadence into the dates of one school year on a school calendar.
 *
 * - Intervals ("Hver 4. uke") are generated directly (no iteration from a distant DTSTART) and
 *   equal what rrule's `between()` gives for the same RRULE; the tests check that.
 * - Counts per period ("Fire ganger i året") are spread evenly over the school weeks of each
 *   period and marked `suggested`; ranges mark the dates beyond the minimum `optional`.
 * - A date that is not a school day is handled by a stated policy (HolidayPolicy); the default
 *   depends on the kind (DEFAULT_POLICY) and every skipped or moved date says why.
 * - Unscheduled kinds ("Ved behov", "Jevnlig", an undated event) give no dates but a status.
 */
import {
  daysInMonth,
  dayNumber,
  dayNumberOf,
  isoDate,
  mondayOf,
  mondayOfIsoWeek,
  NAMED_BREAKS,
  weekdayOf,
  type DayNumber,
  type IsoDate,
  type PointAnchor,
  type SchoolYear,
} from '@arshjul/school-calendar';
import { formatRRule, rruleBetween } from './engine/rrule-adapter.js';
import type {
  Cadence,
  CountRule,
  Expansion,
  ExpansionStatus,
  IntervalRule,
  Occurrence,
  Offset,
  Rule,
  RuleKind,
  SimpleRule,
  TimeOfDay,
} from './types.js';

/** What happens to a date the rule gives that is not a school day. */
export type HolidayPolicy = 'skip' | 'next-school-day' | 'previous-school-day' | 'keep';

/**
 * Defaults: a recurring meeting that falls on a holiday or in a break moves to the next school day
 * if that comes before its next meeting, and is skipped otherwise; a date the user fixed (a date,
 * a week, an anchor, an event) is kept and flagged.
 */
export const DEFAULT_POLICY: Partial<Record<RuleKind, HolidayPolicy>> = {
  interval: 'next-school-day',
  rrule: 'next-school-day',
  date: 'keep',
  week: 'keep',
  anchor: 'keep',
  event: 'keep',
};

export interface ExpandOptions {
  /** Overrides DEFAULT_POLICY for every kind. */
  policy?: HolidayPolicy;
  /** A date the series had or starts on (sets the phase of intervals); may lie in an earlier year. */
  start?: IsoDate;
  /** Dates of events the district defines, by name as written in the rule (case-insensitive). */
  events?: Record<string, readonly IsoDate[]>;
  /** Reuse results for the same rule, year and options (default true). */
  cache?: boolean;
}

const STATUS: Partial<Record<RuleKind, ExpansionStatus>> = {
  'on-demand': 'on-demand',
  continuous: 'continuous',
  qualitative: 'needs-interval',
  'school-choice': 'school-choice',
};

const cache = new WeakMap<SchoolYear, Map<string, Expansion>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Expands a cadence (or a bare rule) over one school year. Results are frozen and may be shared. */
export function expandCadence(
  cadence: Cadence | Rule,
  year: SchoolYear,
  options: ExpandOptions = {},
): Expansion {
  const rule: Rule = 'rule' in cadence ? cadence.rule : cadence;
  if (options.cache === false) return deepFreeze(expandRule(rule, year, options));
  let perYear = cache.get(year);
  if (!perYear) cache.set(year, (perYear = new Map()));
  const key = JSON.stringify([rule, options.policy, options.start, options.events]);
  const hit = perYear.get(key);
  if (hit) return hit;
  const result = deepFreeze(expandRule(rule, year, options));
  perYear.set(key, result);
  return result;
}

function expandRule(rule: Rule, year: SchoolYear, options: ExpandOptions): Expansion {
  if (rule.kind === 'alternatives') {
    const expanded = rule.options.map((o) => expandSimple(o, year, options));
    const primary = expanded[0]!;
    return {
      ...primary,
      kind: 'alternatives',
      notes: [
        ...primary.notes,
        'Rytmen har alternativer; det første er lagt inn, de andre er listet.',
      ],
      options: expanded,
    };
  }
  return expandSimple(rule, year, options);
}

function empty(
  kind: RuleKind,
  status: ExpansionStatus,
  notes: string[] = [],
  approximate = false,
): Expansion {
  return {
    kind,
    status,
    approximate,
    occurrences: [],
    skipped: [],
    rrule: null,
    dtstart: null,
    notes,
  };
}

function expandSimple(rule: SimpleRule, year: SchoolYear, options: ExpandOptions): Expansion {
  const unscheduled = STATUS[rule.kind];
  if (unscheduled) {
    const notes =
      unscheduled === 'needs-interval'
        ? ['Rytmen sier ikke hvor ofte; den trenger et intervall før den kan settes i årshjulet.']
        : unscheduled === 'school-choice'
          ? ['Hver skole avtaler hvor ofte; sett rytmen per skole.']
          : [];
    return empty(rule.kind, unscheduled, notes);
  }
  const policy = options.policy ?? DEFAULT_POLICY[rule.kind] ?? 'next-school-day';
  switch (rule.kind) {
    case 'interval':
      return rule.unit === 'year'
        ? expandYearly(rule, year)
        : expandInterval(rule, year, options, policy);
    case 'count':
      return expandCount(rule, year);
    case 'date':
      return expandDate(rule, year, policy);
    case 'week':
      return expandWeek(rule, year, policy);
    case 'anchor':
      return expandAnchor(rule, year, policy);
    case 'event':
      return expandEvent(rule, year, options, policy);
    case 'rrule': {
      const dtstart = options.start ?? year.firstSchoolDay;
      const nominal = rruleBetween(
        rule.rrule,
        dtstart,
        year.firstSchoolDay,
        year.lastSchoolDay,
      ).map(dayNumber);
      const res = applyPolicy(nominal, year, policy, undefined, 'exact');
      return {
        kind: 'rrule',
        status: 'scheduled',
        approximate: false,
        ...res,
        rrule: rule.rrule,
        dtstart,
        notes: res.occurrences.some((o) => o.moved)
          ? ['Datoer som faller på en fridag er flyttet til neste skoledag.']
          : [],
      };
    }
  }
  throw new Error(`unreachable: ${(rule as { kind: string }).kind}`);
}

// ---------------------------------------------------------------------------------------------
// Policy

function applyPolicy(
  nominal: readonly DayNumber[],
  year: SchoolYear,
  policy: HolidayPolicy,
  time: TimeOfDay | undefined,
  placement: Occurrence['placement'],
): { occurrences: Occurrence[]; skipped: { date: IsoDate; reason: string }[] } {
  const occurrences: Occurrence[] = [];
  const skipped: { date: IsoDate; reason: string }[] = [];
  const taken = new Set<DayNumber>();
  const base = (d: DayNumber): Occurrence => ({
    date: isoDate(d),
    ...(time ? { time } : {}),
    placement,
  });
  for (let i = 0; i < nominal.length; i++) {
    const d = nominal[i]!;
    if (year.isSchoolDayNumber(d)) {
      if (!taken.has(d)) {
        taken.add(d);
        occurrences.push(base(d));
      }
      continue;
    }
    const iso = isoDate(d);
    const reason = year.describeReasons(iso) || 'ikke skoledag';
    if (policy === 'keep') {
      occurrences.push({ ...base(d), nonSchoolDay: reason });
      continue;
    }
    if (policy === 'skip') {
      skipped.push({ date: iso, reason });
      continue;
    }
    const next = nominal[i + 1];
    const prev = nominal[i - 1];
    const target =
      policy === 'next-school-day' ? year.nextSchoolDay(d + 1) : year.prevSchoolDay(d - 1);
    const fits =
      target !== undefined &&
      !taken.has(target) &&
      (policy === 'next-school-day'
        ? next === undefined || target < next
        : prev === undefined || target > prev);
    if (fits) {
      taken.add(target);
      occurrences.push({ ...base(target), moved: { from: iso, reason } });
    } else {
      skipped.push({ date: iso, reason: `${reason}; ingen ledig skoledag før neste gang` });
    }
  }
  occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { occurrences, skipped };
}

// ---------------------------------------------------------------------------------------------
// Intervals

/** The nominal dates of a day/week/month interval within the school year (no policy applied). */
export function intervalDates(
  rule: IntervalRule,
  year: SchoolYear,
  start?: IsoDate,
): { dates: DayNumber[]; dtstart: DayNumber } {
  const first = dayNumber(year.firstSchoolDay);
  const last = dayNumber(year.lastSchoolDay);
  const s = start ? dayNumber(start) : first;
  const lo = Math.max(first, s);
  const out: DayNumber[] = [];
  const n = rule.every;
  if (rule.unit === 'week') {
    const days = rule.weekdays?.length ? [...rule.weekdays].sort((a, b) => a - b) : [weekdayOf(s)];
    const m0 = mondayOf(s);
    const step = 7 * n;
    let k = Math.max(0, Math.floor((mondayOf(lo) - m0) / step));
    for (let mon = m0 + k * step; mon <= last; k++, mon = m0 + k * step) {
      for (const w of days) {
        const d = mon + w - 1;
        if (d >= lo && d <= last && d >= s) out.push(d);
      }
    }
  } else if (rule.unit === 'day') {
    let k = Math.max(0, Math.ceil((lo - s) / n));
    for (let d = s + k * n; d <= last; k++, d = s + k * n) {
      if (!rule.weekdays?.length || rule.weekdays.includes(weekdayOf(d))) out.push(d);
    }
  } else if (rule.unit === 'month') {
    const iso = isoDate(s);
    const y0 = Number(iso.slice(0, 4));
    const m0 = Number(iso.slice(5, 7)) - 1;
    const dom = Number(iso.slice(8, 10));
    const monthsToLo =
      (Number(isoDate(lo).slice(0, 4)) - y0) * 12 + Number(isoDate(lo).slice(5, 7)) - 1 - m0;
    for (let k = Math.max(0, Math.floor(monthsToLo / n)); ; k++) {
      const mi = m0 + k * n;
      const y = y0 + Math.floor(mi / 12);
      const mo = (mi % 12) + 1;
      if (dayNumberOf(y, mo, 1) > last) break;
      if (dom > daysInMonth(y, mo)) continue; // RFC 5545: a 31st that does not exist is skipped
      const d = dayNumberOf(y, mo, dom);
      if (d >= lo && d <= last) out.push(d);
    }
  }
  return { dates: out, dtstart: out[0] ?? s };
}

function expandInterval(
  rule: IntervalRule,
  year: SchoolYear,
  options: ExpandOptions,
  policy: HolidayPolicy,
): Expansion {
  const { dates, dtstart } = intervalDates(rule, year, options.start);
  const res = applyPolicy(dates, year, policy, rule.time, 'exact');
  const weekdays =
    rule.unit === 'week'
      ? rule.weekdays?.length
        ? rule.weekdays
        : [weekdayOf(dtstart)]
      : rule.weekdays;
  const rrule = formatRRule({
    freq: rule.unit === 'day' ? 'DAILY' : rule.unit === 'week' ? 'WEEKLY' : 'MONTHLY',
    interval: rule.every,
    ...(weekdays?.length && rule.unit !== 'month' ? { byweekday: [...weekdays] } : {}),
  });
  const notes: string[] = [];
  if (options.start && options.start > year.lastSchoolDay) {
    notes.push(`Serien starter ${options.start}, etter siste skoledag i ${year.name}.`);
  }
  if (rule.approximate) notes.push('Rytmen er omtrentlig («ca.»); datoene er et forslag.');
  if (res.occurrences.some((o) => o.moved))
    notes.push('Datoer som faller på en fridag er flyttet til neste skoledag.');
  return {
    kind: 'interval',
    status: 'scheduled',
    approximate: rule.approximate ?? false,
    ...res,
    rrule,
    dtstart: dates.length ? isoDate(dtstart) : null,
    notes,
  };
}

function expandYearly(rule: IntervalRule, year: SchoolYear): Expansion {
  if (rule.since !== undefined && (year.startYear - rule.since) % rule.every !== 0) {
    return empty('interval', 'not-this-year', [
      `Hvert ${rule.every}. år fra ${rule.since}: ikke i skoleåret ${year.name}.`,
    ]);
  }
  const res = expandCount(
    {
      kind: 'count',
      min: 1,
      max: 1,
      per: 'year',
      ...(rule.weekdays ? { weekdays: rule.weekdays } : {}),
      ...(rule.time ? { time: rule.time } : {}),
    },
    year,
  );
  const notes =
    rule.since === undefined
      ? [`Hvert ${rule.every}. år: uten et startår antas det at det skjer i ${year.name}.`]
      : [];
  return {
    ...res,
    kind: 'interval',
    approximate: rule.approximate ?? res.approximate,
    notes: [...notes, ...res.notes],
  };
}

// ---------------------------------------------------------------------------------------------
// Counts spread over periods

interface Span {
  from: DayNumber;
  to: DayNumber;
}

function periodSpans(rule: CountRule, year: SchoolYear): Span[] {
  const first = dayNumber(year.firstSchoolDay);
  const last = dayNumber(year.lastSchoolDay);
  const y = year.startYear;
  const months = (ranges: [number, number, number, number][]) =>
    ranges.map(([y1, m1, y2, m2]) => ({
      from: dayNumberOf(y1, m1, 1),
      to: dayNumberOf(y2, m2, daysInMonth(y2, m2)),
    }));
  let spans: Span[];
  switch (rule.per) {
    case 'week':
      spans = year
        .schoolWeeks()
        .map((w) => ({ from: dayNumber(w.monday), to: dayNumber(w.sunday) }));
      break;
    case 'month':
      spans = months(
        Array.from({ length: 12 }, (_, i) => {
          const mo = ((7 + i) % 12) + 1;
          const yy = mo >= 8 ? y : y + 1;
          return [yy, mo, yy, mo] as [number, number, number, number];
        }),
      );
      break;
    case 'quarter':
      spans = months([
        [y, 7, y, 9],
        [y, 10, y, 12],
        [y + 1, 1, y + 1, 3],
        [y + 1, 4, y + 1, 6],
      ]);
      break;
    case 'half':
      spans = [year.halves.høst, year.halves.vår].map((h) => ({
        from: dayNumber(h.from),
        to: dayNumber(h.to),
      }));
      break;
    case 'year':
      spans = [{ from: first, to: last }];
      break;
  }
  let clip: Span = { from: first, to: last };
  if (rule.within) {
    const w = year.window(rule.within);
    if (!w) return [];
    clip = { from: Math.max(first, dayNumber(w.from)), to: Math.min(last, dayNumber(w.to)) };
  }
  return spans
    .map((s) => ({ from: Math.max(s.from, clip.from), to: Math.min(s.to, clip.to) }))
    .filter((s) => s.from <= s.to);
}

function expandCount(rule: CountRule, year: SchoolYear): Expansion {
  const occurrences: Occurrence[] = [];
  const notes: string[] = [];
  const wanted = rule.weekdays?.length ? new Set(rule.weekdays) : undefined;
  let emptyPeriods = 0;
  for (const span of periodSpans(rule, year)) {
    let days: DayNumber[] = [];
    for (let d = span.from; d <= span.to; d++) if (year.isSchoolDayNumber(d)) days.push(d);
    if (wanted) {
      const filtered = days.filter((d) => wanted.has(weekdayOf(d)));
      if (filtered.length) days = filtered;
    }
    if (days.length === 0) {
      emptyPeriods++;
      continue;
    }
    // Group by week, then pick evenly spaced weeks (or days, if there are more dates than weeks).
    const weeks: DayNumber[][] = [];
    for (const d of days) {
      const last = weeks[weeks.length - 1];
      if (last && mondayOf(last[0]!) === mondayOf(d)) last.push(d);
      else weeks.push([d]);
    }
    // Each date gets its own share of the period (its window) and sits in the middle of it.
    const n = rule.max;
    const picks: { day: DayNumber; from: DayNumber; to: DayNumber }[] = [];
    if (n <= weeks.length) {
      for (let i = 0; i < n; i++) {
        const share = weeks.slice(
          Math.floor((i * weeks.length) / n),
          Math.floor(((i + 1) * weeks.length) / n),
        );
        const mid = weeks[Math.floor(((i + 0.5) * weeks.length) / n)]!;
        const lastWeek = share[share.length - 1]!;
        picks.push({ day: mid[0]!, from: share[0]![0]!, to: lastWeek[lastWeek.length - 1]! });
      }
    } else {
      for (let i = 0; i < Math.min(n, days.length); i++) {
        const d = days[Math.floor(((i + 0.5) * days.length) / n)]!;
        picks.push({ day: d, from: d, to: d });
      }
      if (n > days.length)
        notes.push(
          `Perioden ${isoDate(span.from)} – ${isoDate(span.to)} har bare ${days.length} skoledager.`,
        );
    }
    picks.forEach((p, i) =>
      occurrences.push({
        date: isoDate(p.day),
        ...(rule.time ? { time: rule.time } : {}),
        placement: 'suggested',
        window: { from: isoDate(p.from), to: isoDate(p.to) },
        ...(i >= rule.min ? { optional: true } : {}),
      }),
    );
  }
  if (rule.within && occurrences.length === 0)
    notes.push('Vinduet rytmen viser til finnes ikke i dette skoleåret.');
  if (emptyPeriods && rule.per !== 'month' && rule.per !== 'quarter')
    notes.push(`${emptyPeriods} periode(r) uten skoledager.`);
  notes.push('Datoene er forslag spredt jevnt over skoleukene; juster dem i planen.');
  return {
    kind: 'count',
    status: 'scheduled',
    approximate: (rule.approximate ?? false) || rule.min !== rule.max,
    occurrences,
    skipped: [],
    rrule: null,
    dtstart: null,
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Fixed dates: a date each year, an ISO week, an anchor, an event

function expandDate(
  rule: Extract<SimpleRule, { kind: 'date' }>,
  year: SchoolYear,
  policy: HolidayPolicy,
): Expansion {
  const y = rule.month >= 8 ? year.startYear : year.startYear + 1;
  if (rule.day > daysInMonth(y, rule.month)) {
    return empty('date', 'not-this-year', [`${rule.day}.${rule.month}. finnes ikke i ${y}.`]);
  }
  const d = dayNumberOf(y, rule.month, rule.day);
  const res = applyPolicy([d], year, policy, rule.time, 'exact');
  return {
    kind: 'date',
    status: 'scheduled',
    approximate: false,
    ...res,
    rrule: formatRRule({ freq: 'YEARLY', bymonth: rule.month, bymonthday: rule.day }),
    dtstart: isoDate(d),
    notes: [],
  };
}

function expandWeek(
  rule: Extract<SimpleRule, { kind: 'week' }>,
  year: SchoolYear,
  policy: HolidayPolicy,
): Expansion {
  const isoYear = rule.week >= 31 ? year.startYear : year.startYear + 1;
  const mon = mondayOfIsoWeek(isoYear, rule.week);
  if (mon === undefined) {
    return empty('week', 'not-this-year', [
      `Uke ${rule.week} finnes ikke i ${isoYear} (året har 52 uker).`,
    ]);
  }
  const notes: string[] = [];
  let dates: DayNumber[];
  let placement: Occurrence['placement'] = 'exact';
  if (rule.weekdays?.length) dates = rule.weekdays.map((w) => mon + w - 1);
  else {
    // The week itself is the rule: suggest its first school day.
    const firstSchool = [0, 1, 2, 3, 4].map((i) => mon + i).find((d) => year.isSchoolDayNumber(d));
    dates = [firstSchool ?? mon];
    placement = 'suggested';
  }
  const res = applyPolicy(dates, year, policy, rule.time, placement);
  if (placement === 'suggested')
    for (const o of res.occurrences) o.window = { from: isoDate(mon), to: isoDate(mon + 4) };
  return {
    kind: 'week',
    status: 'scheduled',
    approximate: false,
    ...res,
    rrule: formatRRule({
      freq: 'YEARLY',
      byweekno: rule.week,
      byweekday: rule.weekdays?.length ? [...rule.weekdays] : [weekdayOf(dates[0]!)],
    }),
    dtstart: isoDate(dates[0]!),
    notes,
  };
}

function shift(year: SchoolYear, d: DayNumber, offset: Offset | undefined): DayNumber | undefined {
  if (!offset || offset.amount === 0) return d;
  if (offset.unit === 'day') return d + offset.amount;
  if (offset.unit === 'week') return d + 7 * offset.amount;
  let cur: DayNumber | undefined = d;
  const step = Math.sign(offset.amount);
  for (let i = 0; i < Math.abs(offset.amount) && cur !== undefined; i++) {
    cur = step > 0 ? year.nextSchoolDay(cur + 1) : year.prevSchoolDay(cur - 1);
  }
  return cur;
}

function expandAnchor(
  rule: Extract<SimpleRule, { kind: 'anchor' }>,
  year: SchoolYear,
  policy: HolidayPolicy,
): Expansion {
  const names: PointAnchor[] =
    rule.anchor === 'før-hver-ferie'
      ? NAMED_BREAKS.map((b) => `før-${b}` as PointAnchor)
      : rule.anchor === 'etter-hver-ferie'
        ? NAMED_BREAKS.filter((b) => b !== 'sommerferie').map((b) => `etter-${b}` as PointAnchor)
        : [rule.anchor as PointAnchor];
  const notes: string[] = [];
  const dates: DayNumber[] = [];
  for (const n of names) {
    const a = year.anchor(n);
    if (!a) {
      notes.push(`Skoleåret ${year.name} har ikke «${n}».`);
      continue;
    }
    const d = shift(year, dayNumber(a), rule.offset);
    if (d === undefined)
      notes.push(`«${n}» flyttet ${rule.offset?.amount} skoledager havner utenfor skoleåret.`);
    else dates.push(d);
  }
  dates.sort((a, b) => a - b);
  const res = applyPolicy(dates, year, policy, rule.time, 'exact');
  return {
    kind: 'anchor',
    status: 'scheduled',
    approximate: false,
    ...res,
    rrule: null,
    dtstart: null,
    notes,
  };
}

function expandEvent(
  rule: Extract<SimpleRule, { kind: 'event' }>,
  year: SchoolYear,
  options: ExpandOptions,
  policy: HolidayPolicy,
): Expansion {
  const key = rule.event.toLowerCase().trim();
  const given = Object.entries(options.events ?? {})
    .filter(([k]) => k.toLowerCase().trim() === key)
    .flatMap(([, d]) => d);
  const approximate = rule.approximate ?? (rule.relation !== 'at' && !rule.offset);
  if (given.length === 0) {
    return empty(
      'event',
      'waiting-for-event',
      [`Venter på en dato for «${rule.event}».`],
      approximate,
    );
  }
  const offset: Offset | undefined =
    rule.offset ??
    (rule.relation === 'at'
      ? undefined
      : { amount: rule.relation === 'before' ? -1 : 1, unit: 'week' });
  const dates = [...new Set(given)]
    .map((d) => shift(year, dayNumber(d), offset))
    .filter((d): d is DayNumber => d !== undefined && year.contains(isoDate(d)))
    .sort((a, b) => a - b);
  const notes =
    dates.length === 0
      ? [
          `Ingen av datoene for «${rule.event}» (${given.join(', ')}) ligger i skoleåret ${year.name}.`,
        ]
      : [];
  const res = applyPolicy(dates, year, policy, undefined, approximate ? 'suggested' : 'exact');
  return {
    kind: 'event',
    status: dates.length ? 'scheduled' : 'not-this-year',
    approximate,
    ...res,
    rrule: null,
    dtstart: null,
    notes,
  };
}
