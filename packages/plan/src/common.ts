/**
 * What an area (or the whole district) includes in a school year: its schools, the structures
 * that apply to them, with the schools each structure applies to. Shared by the årshjul and the
 * implementation plan; computed once per build call (no global cache).
 */
import {
  activeSchools,
  appliesToDistrict,
  isRunning,
  partyNames,
  schoolsInArea,
  schoolsInScope,
  structuresForArea,
  type Model,
  type School,
  type SchoolStage,
  type Structure,
} from '@arshjul/model';
import type { IsoDate, Lang, SchoolYear } from '@arshjul/school-calendar';
import { text } from './messages.js';

/** An area id, or `'all'` for the whole district. */
export type AreaSelector = string | 'all';

export interface BuildOptions {
  /** An area id of the model, or `'all'` for the whole district (every school, district level). */
  area: AreaSelector;
  /** The school year on the kommune's school calendar. */
  year: SchoolYear;
  /** The day that decides which schools take part and which structures run (default: the year's first school day). */
  asOf?: IsoDate;
  lang?: Lang;
}

export interface SchoolRef {
  id: string;
  name: string;
  stage: SchoolStage;
}

export interface IncludedStructure {
  structure: Structure;
  /** The selection's schools the structure applies to, in model order. */
  schools: string[];
  /** The structure also lives at district level (scope `district` or `district: true`). */
  district: boolean;
}

export interface Selection {
  model: Model;
  year: SchoolYear;
  asOf: IsoDate;
  lang: Lang;
  area: { id: string; name: string } | null;
  schools: School[];
  structures: IncludedStructure[];
  structureIds: Set<string>;
  schoolName: (id: string) => string;
  names: (ids: readonly string[]) => string;
}

/** Thrown for an area id the model does not have. */
export class UnknownAreaError extends Error {
  constructor(
    readonly area: string,
    readonly known: string[],
  ) {
    super(`Unknown area «${area}»; the model has ${known.join(', ') || 'no areas'}.`);
    this.name = 'UnknownAreaError';
  }
}

export function select(model: Model, options: BuildOptions): Selection {
  const { year } = options;
  const asOf = options.asOf ?? year.firstSchoolDay;
  const lang = options.lang ?? 'nb';
  let area: Selection['area'] = null;
  let schools: School[];
  let structures: IncludedStructure[];
  if (options.area === 'all') {
    schools = activeSchools(model, asOf);
    structures = [];
    for (const structure of model.structures) {
      if (!isRunning(structure, asOf)) continue;
      const inScope = schoolsInScope(model, structure, asOf);
      const district = appliesToDistrict(structure);
      // A structure for no school and not at district level is left out (and warned about).
      if (inScope.length > 0 || district)
        structures.push({ structure, schools: inScope, district });
    }
  } else {
    const found = model.organisation.areas.find((a) => a.id === options.area);
    if (!found)
      throw new UnknownAreaError(
        options.area,
        model.organisation.areas.map((a) => a.id),
      );
    area = { id: found.id, name: found.name };
    schools = schoolsInArea(model, found.id, asOf);
    structures = structuresForArea(model, found.id, { asOf }).map((a) => ({
      structure: a.structure,
      schools: a.schools,
      district: appliesToDistrict(a.structure),
    }));
  }
  const schoolNames = new Map(model.organisation.schools.map((s) => [s.id, s.name]));
  return {
    model,
    year,
    asOf,
    lang,
    area,
    schools,
    structures,
    structureIds: new Set(structures.map((s) => s.structure.id)),
    schoolName: (id) => schoolNames.get(id) ?? id,
    names: (ids) => partyNames(model, ids, lang),
  };
}

/** «Ansvar for oppfølging»: the source's words when given, else the parties' names. */
export function responsibleText(sel: Selection, structure: Structure): string {
  return structure.responsibleText ?? sel.names(structure.responsible);
}

export function schoolRefs(schools: readonly School[]): SchoolRef[] {
  return schools.map((s) => ({ id: s.id, name: s.name, stage: s.stage }));
}

/** «Årshjul for Ammerud 2025–26» and the like. */
export function titleFor(sel: Selection, kind: 'arshjul' | 'plan'): string {
  const where = sel.area ? sel.area.name : sel.model.organisation.district.name;
  return text(sel.lang, kind === 'arshjul' ? 'arshjulTitle' : 'planTitle', {
    where,
    year: sel.year.name.replace('-', '–'),
  });
}
