/**
 * The only place in Årshjulet that imports `rrule` (prior-art §2.1). Everything crosses this
 * boundary as ISO dates: rrule sees all-day dates as UTC midnights and never a TZID, which keeps
 * its time-zone and DST bugs out of the picture (times of day are wall-clock values kept apart).
 */
import * as rruleModule from 'rrule';
import { ArshjulError, dayNumber, isoDate, type IsoDate } from '@arshjul/school-calendar';

// rrule ships faux ESM (rrule #548): under Node the named exports live on `default`.
type RRuleModule = typeof rruleModule;
const lib: RRuleModule =
  (rruleModule as unknown as { default?: RRuleModule }).default ??
  (rruleModule as unknown as RRuleModule);
const { RRule, rrulestr } = lib;

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface RRuleParts {
  freq: Frequency;
  interval?: number;
  /** ISO weekdays, 1 = Monday. */
  byweekday?: number[];
  bymonth?: number;
  bymonthday?: number;
  byweekno?: number;
}

const FREQ = {
  DAILY: RRule.DAILY,
  WEEKLY: RRule.WEEKLY,
  MONTHLY: RRule.MONTHLY,
  YEARLY: RRule.YEARLY,
} as const;

const WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const toDate = (d: IsoDate) => new Date(dayNumber(d) * 86_400_000);
const fromDate = (d: Date) => isoDate(Math.floor(d.getTime() / 86_400_000));

/** An RFC 5545 RRULE value (without the `RRULE:` prefix and without DTSTART). */
export function formatRRule(parts: RRuleParts): string {
  const text = RRule.optionsToString({
    freq: FREQ[parts.freq],
    ...(parts.interval && parts.interval > 1 ? { interval: parts.interval } : {}),
    ...(parts.byweekday?.length ? { byweekday: parts.byweekday.map((w) => WEEKDAYS[w - 1]!) } : {}),
    ...(parts.bymonth ? { bymonth: parts.bymonth } : {}),
    ...(parts.bymonthday ? { bymonthday: parts.bymonthday } : {}),
    ...(parts.byweekno ? { byweekno: parts.byweekno } : {}),
    wkst: RRule.MO,
  });
  return text.replace(/^RRULE:/, '');
}

/** Checks a user-written RRULE; returns it normalised, or throws saying what is wrong. */
const ALLOWED_FREQ = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** Integer list values of an RRULE part, checked against a range (0 never allowed). */
function checkRange(body: string, part: string, min: number, max: number): string | undefined {
  const m = new RegExp(`(?:^|;)${part}=([^;]*)`).exec(body);
  if (!m) return undefined;
  for (const v of m[1]!.split(',')) {
    const n = Number(v);
    if (!/^[+-]?\d+$/.test(v) || n === 0 || n < min || n > max) {
      return `${part}=${m[1]} er utenfor det tillatte (${min}…${max}, ikke 0)`;
    }
  }
  return undefined;
}

/**
 * Checks a user-written RRULE and returns it normalised, or throws saying what is wrong (nb).
 * Only day-level frequencies are accepted: an årshjul has no use for HOURLY, MINUTELY or SECONDLY
 * rules, and they would make the expansion of a school year enormous.
 */
export function validateRRule(text: string): string {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const fail = (why: string) =>
    new ArshjulError('rrule.invalid', `RRULE «${body}» er ugyldig: ${why}.`);
  const freq = /(?:^|;)FREQ=([A-Z]*)/.exec(body)?.[1];
  if (!freq) throw fail('FREQ mangler (DAILY, WEEKLY, MONTHLY eller YEARLY)');
  if (!ALLOWED_FREQ.includes(freq)) {
    throw fail(
      ['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freq)
        ? `FREQ=${freq} er finere enn et årshjul bruker; bruk DAILY, WEEKLY, MONTHLY eller YEARLY`
        : `ukjent FREQ «${freq}»; bruk DAILY, WEEKLY, MONTHLY eller YEARLY`,
    );
  }
  const problem =
    checkRange(body, 'INTERVAL', 1, 1000) ??
    checkRange(body, 'COUNT', 1, 10000) ??
    checkRange(body, 'BYMONTH', 1, 12) ??
    checkRange(body, 'BYMONTHDAY', -31, 31) ??
    checkRange(body, 'BYWEEKNO', -53, 53) ??
    checkRange(body, 'BYYEARDAY', -366, 366) ??
    checkRange(body, 'BYSETPOS', -366, 366);
  if (problem) throw fail(problem);
  const byday = /(?:^|;)BYDAY=([^;]*)/.exec(body)?.[1];
  if (byday !== undefined) {
    const bad = byday
      .split(',')
      .find((d) => !/^[+-]?([1-9]|[1-4]\d|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)$/.test(d));
    if (bad !== undefined)
      throw fail(
        `BYDAY «${bad}» er ikke en ukedag (MO, TU, WE, TH, FR, SA, SU, evt. med nummer som 2TU)`,
      );
  }
  const ordinal = byday
    ?.split(',')
    .map((d) => /^([+-]?\d+)/.exec(d)?.[1])
    .find((n) => n !== undefined);
  if (ordinal !== undefined) {
    if (freq !== 'MONTHLY' && freq !== 'YEARLY')
      throw fail(
        `BYDAY med nummer («${ordinal}») gir bare mening med FREQ=MONTHLY eller YEARLY (RFC 5545)`,
      );
    if (freq === 'MONTHLY' && Math.abs(Number(ordinal)) > 5)
      throw fail(`BYDAY ${ordinal}: en måned har høyst fem av hver ukedag (bruk 1…5 eller -1…-5)`);
  }
  const until = /(?:^|;)UNTIL=([^;]*)/.exec(body)?.[1];
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) {
    throw fail(`UNTIL «${until}» er ikke en dato på formen ÅÅÅÅMMDD`);
  }
  for (const part of ['BYHOUR', 'BYMINUTE', 'BYSECOND']) {
    if (new RegExp(`(?:^|;)${part}=`).test(body))
      throw fail(`${part} brukes ikke; klokkeslett skrives for seg («kl. 14:00»)`);
  }
  try {
    const rule = rrulestr(`RRULE:${body}`, { dtstart: new Date(0) });
    if (!(rule instanceof RRule)) throw new Error('forventet én RRULE');
    return RRule.optionsToString({ ...rule.origOptions, dtstart: null }).replace(/^RRULE:/, '');
  } catch (e) {
    // rrule's own messages are English and sometimes internal; say only that it cannot be read.
    throw fail(
      `kan ikke leses (${(e as Error).message.replace(/undefined/g, '').trim() || 'ukjent feil'})`,
    );
  }
}

/**
 * Dates of an RRULE from `dtstart`, between `from` and `to` inclusive, through rrule's `between()`.
 * Used for user-written RRULEs and as the reference the direct generators are tested against.
 */
export function rruleBetween(
  rrule: string,
  dtstart: IsoDate,
  from: IsoDate,
  to: IsoDate,
): IsoDate[] {
  const rule = rrulestr(`RRULE:${rrule}`, { dtstart: toDate(dtstart) });
  return rule.between(toDate(from), toDate(to), true).map(fromDate);
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** «The nth weekday(s) of every `every` months»: nth 1…5 from the start, -1…-5 from the end. */
export interface MonthlyNth {
  nth: number;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  every: number;
}

/**
 * The RRULE of an ordinal weekday of the month («Første mandag i måneden» →
 * `FREQ=MONTHLY;BYDAY=+1MO`), in the normalised form `validateRRule` gives.
 */
export function formatMonthlyNth(p: MonthlyNth): string {
  const days = [...new Set(p.weekdays)].sort((a, b) => a - b);
  const byday = days.map((w) => `${p.nth > 0 ? '+' : ''}${p.nth}${DAY_CODES[w - 1]!}`).join(',');
  return validateRRule(`FREQ=MONTHLY${p.every > 1 ? `;INTERVAL=${p.every}` : ''};BYDAY=${byday}`);
}

/**
 * Reads an RRULE back as an ordinal weekday of the month, when it is exactly one in the form
 * `formatMonthlyNth` writes (so that words written from it parse back to the same RRULE).
 */
export function readMonthlyNth(rrule: string): MonthlyNth | undefined {
  const m = /^FREQ=MONTHLY(?:;INTERVAL=(\d+))?;BYDAY=([^;]+)$/.exec(rrule);
  if (!m) return undefined;
  const days = m[2]!.split(',').map((d) => /^([+-]\d)(MO|TU|WE|TH|FR|SA|SU)$/.exec(d));
  if (days.some((d) => !d)) return undefined;
  const nths = new Set(days.map((d) => Number(d![1])));
  if (nths.size !== 1) return undefined;
  const parts: MonthlyNth = {
    nth: [...nths][0]!,
    weekdays: days.map((d) => DAY_CODES.indexOf(d![2] as (typeof DAY_CODES)[number]) + 1),
    every: m[1] ? Number(m[1]) : 1,
  };
  try {
    return formatMonthlyNth(parts) === rrule ? parts : undefined;
  } catch {
    return undefined;
  }
}
