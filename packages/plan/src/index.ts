/**
 * @arshjul/plan — a school area's årshjul and implementation plan for a school year, as plain
 * data for the exports and the app to render.
 */
import type { Model } from '@arshjul/model';
import type { IsoDate, Lang, SchoolYear } from '@arshjul/school-calendar';
import { arshjulFor, type Arshjul } from './arshjul.js';
import { select } from './common.js';
import { planFor, type ImplementationPlan } from './plan.js';

export * from './arshjul.js';
export * from './plan.js';
export * from './newcomers.js';
export {
  UnknownAreaError,
  type AreaSelector,
  type BuildOptions,
  type IncludedStructure,
  type SchoolRef,
} from './common.js';

export interface BuildAllOptions {
  year: SchoolYear;
  asOf?: IsoDate;
  events?: Record<string, IsoDate[]>;
  lang?: Lang;
}

export interface AreaBuild {
  /** The area id, or `'all'` for the district. */
  area: string;
  arshjul: Arshjul;
  plan: ImplementationPlan;
}

/** The årshjul and plan of every area of the model, in model order, then of the whole district (`'all'`). */
export function buildAll(model: Model, options: BuildAllOptions): AreaBuild[] {
  const areas = [...model.organisation.areas.map((a) => a.id), 'all'];
  return areas.map((area) => {
    const sel = select(model, { ...options, area });
    return { area, arshjul: arshjulFor(sel, options.events), plan: planFor(sel) };
  });
}
