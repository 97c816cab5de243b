/**
 * Lanes: items that overlap in time are spread into lanes so that no two overlapping items share
 * one. Greedy interval partitioning: items in order of start (ties: longer first, then input
 * order), each into the lowest-numbered lane that is free at its start. This uses as few lanes
 * as the largest number of items overlapping at one moment.
 */
import { dayNumber, type IsoDate } from '@arshjul/school-calendar';

export interface LaneItem {
  id: string;
  from: IsoDate;
  /** Inclusive last day; absent for a single day. */
  to?: IsoDate;
}

export interface LaneOptions {
  /**
   * The smallest span an item occupies, in days (default 1). Give more so that single-day marks
   * keep a visible width and do not touch their neighbours.
   */
  minDays?: number;
  /** Extra free space required between items in one lane, in days (default 0). */
  gapDays?: number;
}

export interface LaneSlot {
  id: string;
  lane: number;
  /** Occupied span in day numbers: `[start, end)`. */
  start: number;
  end: number;
}

export interface LaneAssignment {
  laneCount: number;
  /** One slot per item, in the input order. */
  slots: LaneSlot[];
}

/** The span an item occupies, `[start, end)` in day numbers (fractional with `minDays`). */
export function occupiedSpan(item: LaneItem, minDays = 1): { start: number; end: number } {
  const start = dayNumber(item.from);
  const last = item.to && item.to > item.from ? dayNumber(item.to) : start;
  if (last + 1 - start >= minDays) return { start, end: last + 1 };
  // A short item grows evenly around the middle of its days.
  const mid = (start + last + 1) / 2;
  return { start: mid - minDays / 2, end: mid + minDays / 2 };
}

export function assignLanes(items: readonly LaneItem[], options: LaneOptions = {}): LaneAssignment {
  const minDays = options.minDays ?? 1;
  const gap = options.gapDays ?? 0;
  const spans = items.map((item, index) => ({ item, index, ...occupiedSpan(item, minDays) }));
  const order = [...spans].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.index - b.index,
  );
  const laneEnds: number[] = [];
  const slots: LaneSlot[] = new Array(items.length);
  for (const s of order) {
    let lane = laneEnds.findIndex((end) => end + gap <= s.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(s.end);
    } else {
      laneEnds[lane] = s.end;
    }
    slots[s.index] = { id: s.item.id, lane, start: s.start, end: s.end };
  }
  return { laneCount: laneEnds.length, slots };
}
