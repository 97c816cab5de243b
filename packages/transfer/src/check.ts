/**
 * Checking a mapping before it is used: its shape (with the JSON path and a plain message for
 * each fault) and whether it fits the source model it is written for — roles, units and
 * structures that exist there, a local role given to only one source role, schools in areas
 * that exist, and so on. Every problem at once; never throws.
 */
import {
  formatPath,
  nearest,
  schemaIssues,
  type Issue,
  type Model,
  type RawIssue,
} from '@arshjul/model';
import type { Lang } from '@arshjul/school-calendar';
import { mappingSchema, type Mapping } from './mapping.js';

export interface CheckResult {
  /** The parsed mapping, when its shape is valid (even when it has other errors). */
  mapping?: Mapping;
  issues: Issue[];
}

type P = Record<string, string | number | undefined>;
type Msg = Record<Lang, (p: P) => string>;

const q = (v: unknown): string => `«${String(v)}»`;
const dym: Record<Lang, (p: P) => string> = {
  nb: (p) => (p.suggestion !== undefined ? ` — mente du ${q(p.suggestion)}?` : ''),
  nn: (p) => (p.suggestion !== undefined ? ` — meinte du ${q(p.suggestion)}?` : ''),
  en: (p) => (p.suggestion !== undefined ? ` — did you mean ${q(p.suggestion)}?` : ''),
};

const MESSAGES = {
  'mapping.placeholder': {
    nb: (p) => `${q(p.value)} er eksempelverdien fra startkartleggingen; fyll inn bydelens egen`,
    nn: (p) => `${q(p.value)} er eksempelverdien frå startkartlegginga; fyll inn bydelen sin eigen`,
    en: (p) => `${q(p.value)} is the starter mapping's example value; fill in the district's own`,
  },
  'mapping.not-an-object': {
    nb: (p) => `Kartleggingen skal være et JSON-objekt ({ … }), men er ${p.received}.`,
    nn: (p) => `Kartlegginga skal vere eit JSON-objekt ({ … }), men er ${p.received}.`,
    en: (p) => `The mapping must be a JSON object ({ … }), but is ${p.received}.`,
  },
  'schema.invalid': {
    nb: (p) => `er ikke gyldig: ${p.detail}`,
    nn: (p) => `er ikkje gyldig: ${p.detail}`,
    en: (p) => `is not valid: ${p.detail}`,
  },
  'mapping.wrong-source': {
    nb: (p) => `kartleggingen er skrevet for ${q(p.written)}, men kilden er ${q(p.source)}`,
    nn: (p) => `kartlegginga er skriven for ${q(p.written)}, men kjelda er ${q(p.source)}`,
    en: (p) => `the mapping is written for ${q(p.written)}, but the source is ${q(p.source)}`,
  },
  'mapping.other-version': {
    nb: (p) =>
      `kartleggingen er skrevet for versjon ${q(p.written)}, men kilden er versjon ${q(p.source)}; se over at den fortsatt passer`,
    nn: (p) =>
      `kartlegginga er skriven for versjon ${q(p.written)}, men kjelda er versjon ${q(p.source)}; sjå over at ho framleis passar`,
    en: (p) =>
      `the mapping is written for version ${q(p.written)}, but the source is version ${q(p.source)}; check that it still fits`,
  },
  'mapping.unknown-role': {
    nb: (p) => `Rollen ${q(p.id)} finnes ikke i kildemodellen${dym.nb(p)}`,
    nn: (p) => `Rolla ${q(p.id)} finst ikkje i kjeldemodellen${dym.nn(p)}`,
    en: (p) => `The role ${q(p.id)} does not exist in the source model${dym.en(p)}`,
  },
  'mapping.role-target': {
    nb: (p) =>
      `rollen ${q(p.target)} finnes ikke lokalt: den er verken en rolle som beholdes, eller med i «newRoles»${dym.nb(p)}`,
    nn: (p) =>
      `rolla ${q(p.target)} finst ikkje lokalt: ho er korkje ei rolle som blir halden på, eller med i «newRoles»${dym.nn(p)}`,
    en: (p) =>
      `the role ${q(p.target)} does not exist locally: it is neither a kept role nor in «newRoles»${dym.en(p)}`,
  },
  'mapping.role-twice': {
    nb: (p) =>
      `rollen ${q(p.target)} er brukt for både ${p.first} og ${p.second}; én lokal rolle kan bare stå for én rolle i kilden`,
    nn: (p) =>
      `rolla ${q(p.target)} er brukt for både ${p.first} og ${p.second}; éi lokal rolle kan berre stå for éi rolle i kjelda`,
    en: (p) =>
      `the role ${q(p.target)} is used for both ${p.first} and ${p.second}; one local role can stand for only one source role`,
  },
  'mapping.role-unmentioned': {
    nb: (p) =>
      `rollen ${q(p.id)} (${p.title}) er ikke nevnt i «roles»; den tas med under sin egen id`,
    nn: (p) =>
      `rolla ${q(p.id)} (${p.title}) er ikkje nemnd i «roles»; ho blir teken med under si eiga id`,
    en: (p) => `the role ${q(p.id)} (${p.title}) is not in «roles»; it is kept under its own id`,
  },
  'mapping.unknown-unit': {
    nb: (p) => `Enheten ${q(p.id)} finnes ikke i kildemodellen${dym.nb(p)}`,
    nn: (p) => `Eininga ${q(p.id)} finst ikkje i kjeldemodellen${dym.nn(p)}`,
    en: (p) => `The unit ${q(p.id)} does not exist in the source model${dym.en(p)}`,
  },
  'mapping.unit-target': {
    nb: (p) =>
      `enheten ${q(p.target)} finnes ikke lokalt: bruk enhetens egen id, eieren (${q(p.owner)}) eller en enhet i «newUnits»${dym.nb(p)}`,
    nn: (p) =>
      `eininga ${q(p.target)} finst ikkje lokalt: bruk eininga si eiga id, eigaren (${q(p.owner)}) eller ei eining i «newUnits»${dym.nn(p)}`,
    en: (p) =>
      `the unit ${q(p.target)} does not exist locally: use the unit's own id, the owner (${q(p.owner)}) or a unit in «newUnits»${dym.en(p)}`,
  },
  'mapping.unknown-area': {
    nb: (p) => `skoleområdet ${q(p.id)} finnes ikke blant «areas»${dym.nb(p)}`,
    nn: (p) => `skuleområdet ${q(p.id)} finst ikkje blant «areas»${dym.nn(p)}`,
    en: (p) => `the school area ${q(p.id)} is not among «areas»${dym.en(p)}`,
  },
  'mapping.area-without-areas': {
    nb: (p) =>
      `skolen har området ${q(p.id)}, men «areas» er «none»: legg inn områdene eller fjern «area»`,
    nn: (p) =>
      `skulen har området ${q(p.id)}, men «areas» er «none»: legg inn områda eller fjern «area»`,
    en: (p) =>
      `the school has the area ${q(p.id)}, but «areas» is «none»: add the areas or remove «area»`,
  },
  'mapping.duplicate-id': {
    nb: (p) =>
      `id-en ${q(p.id)} er brukt to ganger (også i ${p.other}); hver id kan bare brukes én gang`,
    nn: (p) =>
      `id-en ${q(p.id)} er brukt to gonger (òg i ${p.other}); kvar id kan berre brukast éin gong`,
    en: (p) =>
      `the id ${q(p.id)} is used twice (also in ${p.other}); each id can be used only once`,
  },
  'mapping.unknown-structure': {
    nb: (p) => `Strukturen ${q(p.id)} finnes ikke i kildemodellen${dym.nb(p)}`,
    nn: (p) => `Strukturen ${q(p.id)} finst ikkje i kjeldemodellen${dym.nn(p)}`,
    en: (p) => `The structure ${q(p.id)} does not exist in the source model${dym.en(p)}`,
  },
  'mapping.unknown-document': {
    nb: (p) => `Dokumentet ${q(p.id)} finnes ikke i kildemodellen${dym.nb(p)}`,
    nn: (p) => `Dokumentet ${q(p.id)} finst ikkje i kjeldemodellen${dym.nn(p)}`,
    en: (p) => `The document ${q(p.id)} does not exist in the source model${dym.en(p)}`,
  },
  'mapping.unknown-school': {
    nb: (p) => `Skolen ${q(p.id)} finnes ikke blant skolene i kartleggingen${dym.nb(p)}`,
    nn: (p) => `Skulen ${q(p.id)} finst ikkje blant skulane i kartlegginga${dym.nn(p)}`,
    en: (p) => `The school ${q(p.id)} is not among the mapping's schools${dym.en(p)}`,
  },
  'mapping.excluded-and-chosen': {
    nb: (p) =>
      `strukturen ${q(p.id)} er både utelatt («exclude») og valgt for skoler («perSchool»); den utelates`,
    nn: (p) =>
      `strukturen ${q(p.id)} er både utelaten («exclude») og vald for skular («perSchool»); han blir utelaten`,
    en: (p) =>
      `the structure ${q(p.id)} is both excluded and chosen for schools («perSchool»); it is excluded`,
  },
} satisfies Record<string, Msg>;

type Code = keyof typeof MESSAGES;

const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: { nb: 'tekst', nn: 'tekst', en: 'text' },
  number: { nb: 'et tall', nn: 'eit tal', en: 'a number' },
  int: { nb: 'et heltall', nn: 'eit heiltal', en: 'a whole number' },
  boolean: { nb: 'true eller false', nn: 'true eller false', en: 'true or false' },
  object: { nb: 'et objekt ({ … })', nn: 'eit objekt ({ … })', en: 'an object ({ … })' },
  array: { nb: 'en liste ([ … ])', nn: 'ei liste ([ … ])', en: 'a list ([ … ])' },
  null: { nb: 'null', nn: 'null', en: 'null' },
};

function typeWord(t: string | undefined, lang: Lang): string {
  return TYPE_WORDS[t ?? '']?.[lang] ?? t ?? '?';
}

function describe(v: unknown, lang: Lang): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return typeWord('array', lang);
  if (typeof v === 'string') return `${typeWord('string', lang)} ${q(v.slice(0, 40))}`;
  if (typeof v === 'number') return `${typeWord('number', lang)} (${v})`;
  return typeWord(typeof v, lang);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a mapping (any parsed JSON value) against the source model it is meant for. Errors
 * make the mapping unusable; warnings say what will happen by default.
 */
export function checkMapping(source: Model, input: unknown, lang: Lang = 'nb'): CheckResult {
  const issues: Issue[] = [];
  const add = (
    severity: Issue['severity'],
    path: readonly PropertyKey[],
    code: Code,
    params: P = {},
  ) => {
    const clean: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
    const message = (MESSAGES[code] as Msg)[lang](params);
    issues.push({ path: formatPath(path), code, message, severity, params: clean });
  };
  const err = (path: readonly PropertyKey[], code: Code, params: P = {}) =>
    add('error', path, code, params);
  const warn = (path: readonly PropertyKey[], code: Code, params: P = {}) =>
    add('warning', path, code, params);

  try {
    if (!isObject(input)) {
      err([], 'mapping.not-an-object', { received: describe(input, lang) });
      return { issues };
    }
    const parsed = mappingSchema.safeParse(input);
    if (!parsed.success) {
      issues.push(
        ...schemaIssues(parsed.error.issues as unknown as RawIssue[], input, lang, mappingSchema),
      );
      return { issues };
    }
    const mapping = parsed.data;
    checkAgainstSource(source, mapping, err, warn);
    return { mapping, issues };
  } catch (e) {
    err([], 'schema.invalid', { detail: e instanceof Error ? e.message : String(e) });
    return { issues };
  }
}

function checkAgainstSource(
  source: Model,
  mapping: Mapping,
  err: (path: readonly PropertyKey[], code: Code, params?: P) => void,
  warn: (path: readonly PropertyKey[], code: Code, params?: P) => void,
): void {
  const org = source.organisation;
  // --- what the starter mapping left to fill in (see starter.ts) -------------------------------
  const placeholders: [PropertyKey[], string, string][] = [
    [['district', 'name'], mapping.district.name, 'Bydel Navn'],
    [['district', 'id'], mapping.district.id, 'bydel-ny'],
    [['model', 'name'], mapping.model.name, 'Navnet på den nye modellen'],
    [['owner', 'name'], mapping.owner.name, 'Enheten som eier arbeidet'],
  ];
  mapping.schools.forEach((s, i) => {
    if (s.name === 'Skolens navn') placeholders.push([['schools', i, 'name'], s.name, s.name]);
  });
  for (const [path, value, example] of placeholders)
    if (value === example) warn(path, 'mapping.placeholder', { value });
  // --- the source ------------------------------------------------------------------------------
  if (mapping.source.model !== source.id) {
    err(['source', 'model'], 'mapping.wrong-source', {
      written: mapping.source.model,
      source: source.id,
    });
  } else if (
    mapping.source.version !== undefined &&
    source.schoolYear !== undefined &&
    mapping.source.version !== source.schoolYear
  ) {
    warn(['source', 'version'], 'mapping.other-version', {
      written: mapping.source.version,
      source: source.schoolYear,
    });
  }

  // --- units ------------------------------------------------------------------------------------
  const sourceUnits = org.units.map((u) => u.id);
  const newUnits = mapping.newUnits.map((u) => u.id);
  const unitTargets = new Set([mapping.owner.id, ...newUnits]);
  for (const [id, target] of Object.entries(mapping.units)) {
    if (!sourceUnits.includes(id)) {
      err(['units', id], 'mapping.unknown-unit', { id, suggestion: nearest(id, sourceUnits) });
      continue;
    }
    if (target !== null && target !== id && !unitTargets.has(target)) {
      err(['units', id], 'mapping.unit-target', {
        target,
        owner: mapping.owner.id,
        suggestion: nearest(target, [...unitTargets]),
      });
    }
  }

  // --- roles ------------------------------------------------------------------------------------
  const sourceRoles = source.roles.map((r) => r.id);
  const newRoles = new Set(mapping.newRoles.map((r) => r.id));
  const targetOf = (id: string): string | null =>
    Object.prototype.hasOwnProperty.call(mapping.roles, id) ? (mapping.roles[id] ?? null) : id;
  const kept = new Set(sourceRoles.filter((id) => targetOf(id) === id));
  for (const [id, target] of Object.entries(mapping.roles)) {
    if (!sourceRoles.includes(id)) {
      err(['roles', id], 'mapping.unknown-role', { id, suggestion: nearest(id, sourceRoles) });
      continue;
    }
    if (target !== null && !kept.has(target) && !newRoles.has(target)) {
      err(['roles', id], 'mapping.role-target', {
        target,
        suggestion: nearest(target, [...newRoles, ...kept]),
      });
    }
  }
  const usedBy = new Map<string, string>();
  for (const id of sourceRoles) {
    const target = targetOf(id);
    if (target === null) continue;
    const first = usedBy.get(target);
    if (first === undefined) {
      usedBy.set(target, id);
      continue;
    }
    err(['roles', id], 'mapping.role-twice', { target, first, second: id });
  }
  for (const r of source.roles) {
    if (!Object.prototype.hasOwnProperty.call(mapping.roles, r.id)) {
      warn(['roles'], 'mapping.role-unmentioned', { id: r.id, title: r.title });
    }
  }

  // --- areas and schools ------------------------------------------------------------------------
  const areas = mapping.areas === 'none' ? [] : mapping.areas;
  const areaIds = areas.map((a) => a.id);
  mapping.schools.forEach((s, i) => {
    if (s.area === undefined) return;
    if (mapping.areas === 'none') {
      err(['schools', i, 'area'], 'mapping.area-without-areas', { id: s.area });
    } else if (!areaIds.includes(s.area)) {
      err(['schools', i, 'area'], 'mapping.unknown-area', {
        id: s.area,
        suggestion: nearest(s.area, areaIds),
      });
    }
  });

  // --- one party namespace ----------------------------------------------------------------------
  const seen = new Map<string, string>();
  const claim = (id: string, path: readonly PropertyKey[]) => {
    const other = seen.get(id);
    if (other !== undefined) err(path, 'mapping.duplicate-id', { id, other });
    else seen.set(id, formatPath(path));
  };
  claim(mapping.district.id, ['district', 'id']);
  claim(mapping.owner.id, ['owner', 'id']);
  mapping.newUnits.forEach((u, i) => claim(u.id, ['newUnits', i, 'id']));
  for (const id of sourceUnits) {
    if (mapping.units[id] === id && id !== mapping.owner.id && !newUnits.includes(id))
      claim(id, ['units', id]);
  }
  areas.forEach((a, i) => claim(a.id, ['areas', i, 'id']));
  mapping.schools.forEach((s, i) => claim(s.id, ['schools', i, 'id']));
  mapping.newRoles.forEach((r, i) => claim(r.id, ['newRoles', i, 'id']));
  for (const id of kept) if (!newRoles.has(id)) claim(id, ['roles', id]);
  source.collectives.forEach((c, i) => claim(c.id, ['collectives', i]));

  // --- structures and documents -----------------------------------------------------------------
  const structureIds = source.structures.map((s) => s.id);
  const structure = (id: string, path: readonly PropertyKey[]) => {
    if (!structureIds.includes(id))
      err(path, 'mapping.unknown-structure', { id, suggestion: nearest(id, structureIds) });
  };
  const st = mapping.structures;
  if (Array.isArray(st.adopt))
    st.adopt.forEach((id, i) => structure(id, ['structures', 'adopt', i]));
  st.exclude.forEach((id, i) => structure(id, ['structures', 'exclude', i]));
  const schoolIds = mapping.schools.map((s) => s.id);
  for (const [id, schools] of Object.entries(st.perSchool)) {
    structure(id, ['structures', 'perSchool', id]);
    schools.forEach((school, i) => {
      if (!schoolIds.includes(school)) {
        err(['structures', 'perSchool', id, i], 'mapping.unknown-school', {
          id: school,
          suggestion: nearest(school, schoolIds),
        });
      }
    });
    if (st.exclude.includes(id) && schools.length > 0)
      warn(['structures', 'perSchool', id], 'mapping.excluded-and-chosen', { id });
  }
  for (const id of Object.keys(st.cadences)) structure(id, ['structures', 'cadences', id]);
  for (const id of Object.keys(st.names)) structure(id, ['structures', 'names', id]);
  const documentIds = source.documents.map((d) => d.id);
  mapping.documents.exclude.forEach((id, i) => {
    if (!documentIds.includes(id)) {
      err(['documents', 'exclude', i], 'mapping.unknown-document', {
        id,
        suggestion: nearest(id, documentIds),
      });
    }
  });
}
