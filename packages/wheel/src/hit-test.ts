/**
 * What lies under a point: an item, else the ring (with the date there), else the week or month
 * band. Points use the layout's coordinates (those of the SVG's viewBox).
 */
import type { IsoDate } from '@arshjul/school-calendar';
import type { ItemLayout, RingLayout, ShadedLayout, WheelLayout } from './layout.js';
import { angleToDate, type MonthSector, type WeekTick } from './time-scale.js';

export interface Point {
  x: number;
  y: number;
}

export type Hit =
  | { kind: 'item'; item: ItemLayout; ring: RingLayout; date: IsoDate }
  | { kind: 'ring'; ring: RingLayout; date: IsoDate; shaded: ShadedLayout[] }
  | { kind: 'week'; week: WeekTick; date: IsoDate }
  | { kind: 'month'; month: MonthSector; date: IsoDate };

/** Polar position of a point: radius and angle in degrees (0 at the top, clockwise). */
export function toPolar(layout: WheelLayout, point: Point): { radius: number; angle: number } {
  const dx = point.x - layout.geometry.cx;
  const dy = point.y - layout.geometry.cy;
  const radius = Math.hypot(dx, dy);
  let angle = (Math.atan2(dx, -dy) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  return { radius, angle };
}

/** Cartesian point at a radius and angle (degrees, 0 at the top, clockwise). */
export function fromPolar(layout: WheelLayout, radius: number, angle: number): Point {
  const a = (angle * Math.PI) / 180;
  return {
    x: layout.geometry.cx + radius * Math.sin(a),
    y: layout.geometry.cy - radius * Math.cos(a),
  };
}

const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

export function hitTest(layout: WheelLayout, point: Point): Hit | undefined {
  const { radius, angle } = toPolar(layout, point);
  const g = layout.geometry;
  const date = angleToDate(angle, layout.spec.year);
  for (const ring of layout.rings) {
    if (!within(radius, ring.inner, ring.outer)) continue;
    // Later items are drawn on top, so look from the last.
    for (let i = ring.items.length - 1; i >= 0; i--) {
      const item = ring.items[i]!;
      if (within(radius, item.inner, item.outer) && within(angle, item.startAngle, item.endAngle)) {
        return { kind: 'item', item, ring, date };
      }
    }
    const shaded = layout.shaded.filter(
      (s) =>
        within(radius, s.inner, s.outer) &&
        angle >= s.startAngle &&
        angle < s.endAngle &&
        (s.ring === undefined || s.ring === ring.id),
    );
    return { kind: 'ring', ring, date, shaded };
  }
  if (within(radius, g.weekInner, g.weekOuter)) {
    const week = [...layout.weeks].reverse().find((w) => w.angle <= angle) ?? layout.weeks[0];
    if (week) return { kind: 'week', week, date };
  }
  if (within(radius, g.monthInner, g.monthOuter)) {
    const month = layout.months.find((m) => angle >= m.startAngle && angle < m.endAngle);
    if (month) return { kind: 'month', month, date };
  }
  return undefined;
}
