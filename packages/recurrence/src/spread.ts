/**
 * Spreading suggested dates that fall on one day. A cadence such as «En gang i året» only
 * suggests a day; when several things are suggested for the same day, the plan suggests one a
 * week earlier or later instead, so that the work is spread over the weeks it may take place in.
 * The årshjul does this for meetings, the revision calendar for revisions (see `revisionsForYear`
 * in `@arshjul/model`): one helper, so that every view of a plan gives the same dates.
 */
import {
  addDays,
  dayNumber,
  isoDate,
  type IsoDate,
  type SchoolYear,
} from '@arshjul/school-calendar';

/** A date to spread: its day, and the stretch it may be moved within (none: it stays). */
export interface SpreadItem {
  date: IsoDate;
  /** Where the date may go; without one the date is fixed, and other dates keep off its day. */
  window?: { from: IsoDate; to: IsoDate } | undefined;
}

/** Weeks tried on either side of a date before it is left where it is. */
const MOST_WEEKS = 26;

/**
 * The dates of `items`, spread: of the movable items (those with a window) on one day, the first
 * keeps it and each next one moves to the nearest school day a whole number of weeks away (a week
 * later, a week earlier, two weeks later, …), inside its window and on a day no other item has;
 * a day in a break moves to the next school day after it (before it, when moving earlier). An
 * item with no such day keeps its date. Items without a window never move. Returns the new date
 * of each item, in order; the input is not changed.
 */
export function spreadSuggestedDates(items: readonly SpreadItem[], year: SchoolYear): IsoDate[] {
  const taken = new Set(items.map((i) => i.date));
  const kept = new Set<IsoDate>(items.filter((i) => i.window === undefined).map((i) => i.date));
  return items.map((item) => {
    const window = item.window;
    if (window === undefined) return item.date;
    if (!kept.has(item.date)) {
      kept.add(item.date);
      return item.date;
    }
    for (let k = 1; k <= MOST_WEEKS; k++) {
      for (const days of [7 * k, -7 * k]) {
        const start = dayNumber(addDays(item.date, days));
        const day = days > 0 ? year.nextSchoolDay(start) : year.prevSchoolDay(start);
        if (day === undefined) continue;
        const date = isoDate(day);
        if (date < window.from || date > window.to || taken.has(date)) continue;
        taken.add(date);
        kept.add(date);
        return date;
      }
    }
    return item.date;
  });
}
