/**
 * Programme-size test data: a district shaped like Grorud, grown to 12 schools in 4 areas and 60
 * structures. The Grorud model's own 37 structures stay as they are (with their texts, per-school
 * variations and revision rules); a fourth area with four new schools (12 taking part; Bjøråsen
 * left in 2021) and 23 more structures
 * with common rhythms are added. Each of the 15 districts gets its own id and name.
 */
import { readFileSync } from 'node:fs';
import { loadModelText, type Model } from '@arshjul/model';

const GRORUD = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);

const RHYTHMS = [
  'Hver fjerde uke',
  'Hver andre uke',
  'En gang i måneden',
  'Fire ganger i året',
  'En gang i semesteret',
  'Ukentlig',
  'To ganger i året',
  'Ved behov',
  'En gang i året',
  'Hver tredje uke',
];

type Json = Record<string, unknown> & { id: string };

/** The JSON text of synthetic district number `n` (1-based). */
export function syntheticDistrictText(n: number, structures = 60): string {
  const m = JSON.parse(GRORUD) as {
    id: string;
    name: string;
    organisation: {
      district: Json & { name: string; aliases?: string[] };
      areas: Json[];
      schools: Json[];
    };
    structures: Json[];
  };
  m.id = `syntetisk-${n}`;
  m.name = `Syntetisk samarbeidsmodell ${n}`;
  m.organisation.district = {
    ...m.organisation.district,
    name: `Bydel Syntetisk ${n}`,
    aliases: [],
  };
  // The district keeps its id («bydel-grorud»): the roles, collectives and structures refer to it.
  m.organisation.areas.push({ id: 'omrade-nytt', name: 'Nytt område' });
  const extra = ['ny-1', 'ny-2', 'ny-3', 'ny-4'];
  extra.forEach((id, i) =>
    m.organisation.schools.push({
      id,
      name: `Ny skole ${i + 1}`,
      stage: i === 3 ? 'ungdomsskole' : 'barneskole',
      memberships: [{ area: 'omrade-nytt', from: '2020-08-01' }],
    }),
  );
  const template = m.structures.find((s) => s.id === 'T4.1')!;
  for (let k = m.structures.length; k < structures; k++) {
    const levels = ['strategisk', 'organisatorisk', 'operativt', 'operativt'];
    const level = levels[k % levels.length]!;
    m.structures.push({
      ...template,
      id: `S${k + 1}`,
      name: `Syntetisk struktur ${k + 1}`,
      level,
      ...(level === 'operativt' ? { focus: 'samhandling' } : { focus: undefined }),
      cadence: RHYTHMS[k % RHYTHMS.length],
      scope:
        k % 3 === 0
          ? { kind: 'schools', schools: extra.slice(0, 1 + (k % 3)) }
          : { kind: 'all-schools' },
      variations: [],
      notes: [],
    });
  }
  return JSON.stringify(m);
}

export function syntheticDistrict(n: number, structures = 60): Model {
  const result = loadModelText(syntheticDistrictText(n, structures), { asOf: '2025-08-01' });
  if (!result.model) {
    throw new Error(
      `The synthetic district does not validate: ${result.errors
        .slice(0, 3)
        .map((e) => `${e.path}: ${e.message}`)
        .join('; ')}`,
    );
  }
  return result.model;
}
