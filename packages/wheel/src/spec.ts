/**
 * What a caller gives the wheel. The wheel knows nothing of the domain: the caller names the
 * rings and the items and says which periods to shade.
 */
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import type { WheelYear } from './time-scale.js';

export interface WheelItem {
  id: string;
  label: string;
  from: IsoDate;
  /** Inclusive last day of a period; absent (or equal to `from`) for a single day. */
  to?: IsoDate;
  /** Drawn stronger, label in bold. */
  emphasis?: boolean;
}

export interface RingSpec {
  id: string;
  label: string;
  /** A CSS colour (`#1f77b4`); the palette's next colour when absent. */
  colour?: string;
  /** Share of the radial space; by default the ring's number of lanes. */
  weight?: number;
  items: WheelItem[];
}

export interface ShadedPeriod {
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  label: string;
  /** Free text the caller chooses, e.g. `break` or `holiday`; `holiday` is shaded darker. */
  kind: string;
  /** Shade only this ring; across all rings when absent. */
  ring?: string;
}

export interface WheelSpec {
  title: string;
  subtitle?: string;
  year: WheelYear;
  /** Language of the wheel's own words (month names, «I dag», the legend heading). */
  lang: Lang;
  /** Innermost first. */
  rings: RingSpec[];
  shaded?: ShadedPeriod[];
  /** Draws a today marker when the date lies on the wheel. The wheel never reads the clock. */
  today?: IsoDate;
}
