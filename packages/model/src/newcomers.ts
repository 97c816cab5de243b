/**
 * Newcomers: someone starting in a role (a new rektor at Rødtvet from 5 January) who gets the
 * onboarding plan for that role. This module works out the dates of the plan's meetings.
 *
 * The source gives no deadline: neither «Plan for ny rektor» nor «Plan for ny NSK og BVK» says
 * when the meetings are held relative to the newcomer's start (see the domain notes, §6 and the
 * list of contradictions). The suggestion here is ours, marked as suggested wherever it is shown:
 * meeting 1 on the first school day on or after the start, each next meeting two weeks after the
 * previous one, moved to the next school day. A date chosen in `meetingDates` is used as it is,
 * and the meetings after it are suggested from it.
 */
import {
  addDays,
  isoWeekday,
  publicHolidayOn,
  schoolYearNameOf,
  type IsoDate,
  type KommuneCalendar,
  type SchoolYear,
} from '@arshjul/school-calendar';
import type { Model, Newcomer, OnboardingMeeting, OnboardingPlan } from './schema.js';

/** Days between two suggested meetings (before moving to a school day). */
export const NEWCOMER_MEETING_INTERVAL_DAYS = 14;

export interface NewcomerMeetingDate {
  /** 0-based index of the meeting in the plan. */
  index: number;
  meeting: OnboardingMeeting;
  date: IsoDate;
  /** True when the date is our suggestion, not one chosen in `meetingDates`. */
  suggested: boolean;
}

/**
 * Where school days come from: a kommune's calendar, or a function giving the school year of a
 * date (undefined where none is known).
 */
export type SchoolDaySource = KommuneCalendar | ((date: IsoDate) => SchoolYear | undefined);

/** The calendar's year for a date, or undefined when the calendar has no (usable) year for it. */
function yearFor(calendar: SchoolDaySource | undefined, date: IsoDate): SchoolYear | undefined {
  if (!calendar) return undefined;
  if (typeof calendar === 'function') return calendar(date);
  const name = schoolYearNameOf(date);
  if (!calendar.hasYear(name)) return undefined;
  try {
    return calendar.year(name);
  } catch {
    return undefined;
  }
}

/**
 * The first school day on or after `date`. Where the calendar has no year, a weekday that is not
 * a public holiday counts as a school day.
 */
export function schoolDayOnOrAfter(date: IsoDate, calendar?: SchoolDaySource): IsoDate {
  let d = date;
  for (let i = 0; i < 400; i++, d = addDays(d, 1)) {
    const year = yearFor(calendar, d);
    if (year ? year.isSchoolDay(d) : isoWeekday(d) <= 5 && !publicHolidayOn(d)) return d;
  }
  return date;
}

/** The dates of a newcomer's meetings, one per meeting of the plan, in order. */
export function newcomerMeetingDates(
  newcomer: Newcomer,
  plan: OnboardingPlan,
  calendar?: SchoolDaySource,
): NewcomerMeetingDate[] {
  const out: NewcomerMeetingDate[] = [];
  let previous: IsoDate | undefined;
  plan.meetings.forEach((meeting, index) => {
    const chosen = newcomer.meetingDates?.[index];
    const date =
      chosen ??
      schoolDayOnOrAfter(
        previous === undefined
          ? newcomer.startsOn
          : addDays(previous, NEWCOMER_MEETING_INTERVAL_DAYS),
        calendar,
      );
    out.push({ index, meeting, date, suggested: chosen === undefined });
    previous = date;
  });
  return out;
}

/** The onboarding plan of a newcomer, when the model has it. */
export function planOfNewcomer(model: Model, newcomer: Newcomer): OnboardingPlan | undefined {
  return model.onboarding.find((p) => p.id === newcomer.plan);
}
