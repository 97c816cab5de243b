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

/** Days from a window's first day to its last. */
const widthOf = (w: { from: IsoDate; to: IsoDate }): number => dayNumber(w.to) - dayNumber(w.from);

/**
 * The dates of `items`, spread: of the movable items (those with a window) on one day, one keeps
 * it and each other moves to the nearest school day a whole number of weeks away (a week later, a
 * week earlier, two weeks later, …), inside its window and on a day no other item has; a day in
 * a break moves to the next school day after it (before it, when moving earlier). Items with the
 * narrowest windows choose first (they have the fewest days to go to; of equal windows, the
 * first in `items`), so the one that keeps a shared day is the one with the least room. An item
 * with no free day keeps its date. Items without a window never move, and the others keep off
 * their days. Returns the new date of each item, in order; the input is not changed.
 */
export function spreadSuggestedDates(items: readonly SpreadItem[], year: SchoolYear): IsoDate[] {
  const taken = new Set(items.map((i) => i.date));
  const kept = new Set<IsoDate>(items.filter((i) => i.window === undefined).map((i) => i.date));
  const out = items.map((i) => i.date);
  const movable = items
    .map((item, index) => ({ item, index, window: item.window }))
    .filter((x): x is typeof x & { window: NonNullable<SpreadItem['window']> } => !!x.window)
    .sort((a, b) => widthOf(a.window) - widthOf(b.window) || a.index - b.index);
  for (const { item, index, window } of movable) {
    if (!kept.has(item.date)) {
      kept.add(item.date);
      continue;
    }
    const date = freeWeekDay(item.date, window, year, taken);
    if (date === undefined) continue;
    taken.add(date);
    kept.add(date);
    out[index] = date;
  }
  return out;
}

/** The nearest school day a whole number of weeks from `date`, inside `window`, not `taken`. */
function freeWeekDay(
  date: IsoDate,
  window: { from: IsoDate; to: IsoDate },
  year: SchoolYear,
  taken: ReadonlySet<IsoDate>,
): IsoDate | undefined {
  for (let k = 1; k <= MOST_WEEKS; k++) {
    for (const days of [7 * k, -7 * k]) {
      const start = dayNumber(addDays(date, days));
      const day = days > 0 ? year.nextSchoolDay(start) : year.prevSchoolDay(start);
      if (day === undefined) continue;
      const found = isoDate(day);
      if (found >= window.from && found <= window.to && !taken.has(found)) return found;
    }
  }
  return undefined;
}
