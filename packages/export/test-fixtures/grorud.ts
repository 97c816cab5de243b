/** The Grorud model, the Oslo 2025-26 school year and the built area årshjul and plans for the tests. */
import { readFileSync } from 'node:fs';
import { loadModelText, type Model } from '@arshjul/model';
import { buildAll, type AreaBuild } from '@arshjul/plan';
import { CalendarRegistry } from '@arshjul/school-calendar';

export const grorudText = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);

function load(source: string): Model {
  const result = loadModelText(source, { asOf: '2025-08-01' });
  if (!result.model) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.model;
}

export const grorud: Model = load(grorudText);
export const oslo2025 = new CalendarRegistry().schoolYear('oslo', '2025-26');
export const builds: AreaBuild[] = buildAll(grorud, { year: oslo2025 });
export const buildOf = (area: string): AreaBuild => builds.find((b) => b.area === area)!;
