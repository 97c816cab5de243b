/**
 * A starter mapping for a district that wants to adapt a source model: everything the source
 * has, listed for the user to fill in — every source role and unit mapped to itself (change or
 * set to null), one placeholder school, no school areas, the shared base adopted, and every
 * operative structure that the source runs at chosen schools listed with no schools yet.
 */
import type { IsoDate } from '@arshjul/school-calendar';
import type { Model } from '@arshjul/model';
import { MAPPING_VERSION, type MappingInput } from './mapping.js';

export interface StarterOptions {
  /** The day the starter is written; sets the new model's school year. */
  today?: IsoDate;
}

/** The school year («2025-26») a day falls in: from August on, the year that starts. */
function schoolYearOf(day: IsoDate): string | undefined {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!m) return undefined;
  const year = Number(m[1]) - (Number(m[2]) >= 8 ? 0 : 1);
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** A mapping to fill in for adapting `source`; it parses and passes `checkMapping`. */
export function starterMapping(source: Model, options: StarterOptions = {}): MappingInput {
  const schoolYear = options.today ? schoolYearOf(options.today) : undefined;
  const perSchool: Record<string, string[]> = {};
  for (const s of source.structures) {
    if (s.level === 'operativt' && s.scope.kind === 'schools') perSchool[s.id] = [];
  }
  return {
    mappingVersion: MAPPING_VERSION,
    source: {
      model: source.id,
      ...(source.schoolYear ? { version: source.schoolYear } : {}),
    },
    model: {
      id: 'ny-modell',
      name: 'Navnet på den nye modellen',
      description: `Tilpasset fra ${source.name}.`,
      ...(schoolYear ? { schoolYear } : {}),
    },
    district: {
      id: 'bydel-ny',
      name: 'Bydel Navn',
      kommune: source.organisation.district.kommune,
    },
    owner: { id: 'eierenhet', name: 'Enheten som eier arbeidet' },
    units: Object.fromEntries(source.organisation.units.map((u) => [u.id, u.id])),
    newUnits: [],
    areas: 'none',
    schools: [{ id: 'skole-1', name: 'Skolens navn', stage: 'barneskole' }],
    roles: Object.fromEntries(source.roles.map((r) => [r.id, r.id])),
    newRoles: [],
    terms: {},
    structures: { adopt: 'base', exclude: [], perSchool, cadences: {}, names: {} },
    documents: { exclude: [] },
    instructions: [
      'Fyll inn bydelen, eierenheten og skolene. Sett en rolle eller enhet til null når bydelen ikke har den, eller til en egen rolle i «newRoles».',
      'Under «perSchool» står strukturene kilden bare har på noen skoler: før opp skolene som skal ha dem.',
    ],
  };
}
