/** Filters of the årshjul view: by school, level (ring) and role. Pure. */
import type { Model } from '@arshjul/model';
import type { Arshjul } from '@arshjul/plan';

export interface ArshjulFilters {
  /** A school id, or '' for all. */
  school: string;
  /** A level (strategisk, organisatorisk, operativt), or '' for all. */
  level: string;
  /** A role id: structures it is responsible for or takes part in; '' for all. */
  role: string;
}

export const NO_FILTERS: ArshjulFilters = { school: '', level: '', role: '' };

export function hasFilters(f: ArshjulFilters): boolean {
  return f.school !== '' || f.level !== '' || f.role !== '';
}

/** The årshjul with only the entries the filters let through (breaks always stay). */
export function filterArshjul(arshjul: Arshjul, model: Model, f: ArshjulFilters): Arshjul {
  if (!hasFilters(f)) return arshjul;
  const byId = new Map(model.structures.map((s) => [s.id, s]));
  const roleOk = (structureId: string | undefined): boolean => {
    if (!f.role) return true;
    const s = structureId !== undefined ? byId.get(structureId) : undefined;
    if (!s) return false;
    return s.responsible.includes(f.role) || (s.participants ?? []).includes(f.role);
  };
  const levelOk = (ring: string): boolean =>
    !f.level || ring === f.level || ring === 'ferier' || ring === 'revisjon';
  const schoolOk = (schools: string[]): boolean =>
    !f.school || schools.length === 0 || schools.includes(f.school);
  const rings = arshjul.rings.map((ring) => ({
    ...ring,
    entries:
      ring.id === 'ferier'
        ? ring.entries
        : ring.entries.filter(
            (e) =>
              levelOk(ring.id) &&
              schoolOk(e.schools) &&
              (ring.id === 'revisjon' ? !f.role : roleOk(e.structureId)),
          ),
  }));
  const kept = new Set(rings.flatMap((r) => r.entries.map((e) => e.id)));
  return {
    ...arshjul,
    rings,
    series: arshjul.series
      .map((s) => ({ ...s, entries: s.entries.filter((id) => kept.has(id)) }))
      .filter((s) => s.entries.length > 0),
    undated: arshjul.undated.filter(
      (u) =>
        (!f.level || u.structure.level === f.level) &&
        schoolOk(u.schools) &&
        roleOk(u.structure.id),
    ),
  };
}
