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
export function validateRRule(text: string): string {
  const body = text.trim().replace(/^RRULE:/i, '');
  try {
    const rule = rrulestr(`RRULE:${body.toUpperCase()}`, { dtstart: new Date(0) });
    if (rule instanceof RRule) {
      if (rule.options.interval < 1) throw new Error('INTERVAL må være minst 1');
      return RRule.optionsToString({ ...rule.origOptions, dtstart: null }).replace(/^RRULE:/, '');
    }
    throw new Error('forventet én RRULE');
  } catch (e) {
    throw new ArshjulError('rrule.invalid', `RRULE «${body}» er ugyldig: ${(e as Error).message}`);
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
