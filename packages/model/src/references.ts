/**
 * Checks that need the whole model, run once its shape is valid: ids are unique, every
 * reference points to something of the right kind (with «did you mean» the nearest id), a
 * school is in one area at a time, periods and statuses are in date order, and a few more
 * consistency rules. Everything found here is an error.
 */
import { LEVELS, FOCI, type Model } from './schema.js';
import { SchoolYear, isArshjulError, type Lang } from '@arshjul/school-calendar';
import type { Issue } from './issues.js';
import {
  andList,
  entityA,
  entityIndefinite,
  entityLabel,
  entityPlural,
  makeIssue,
  orList,
  periodText,
  quotedOrList,
  short,
  type EntityKind,
  type MessageCode,
} from './messages.js';
import { joinPath } from './paths.js';
import { nearest } from './suggest.js';

/** The kinds that share the party id namespace. */
export const PARTY_KINDS = [
  'district',
  'unit',
  'area',
  'school',
  'institution',
  'role',
  'collective',
] as const satisfies readonly EntityKind[];

export interface Entity {
  kind: EntityKind;
  id: string;
  name: string;
  /** Path of the entity itself, e.g. `organisation.schools[3]`. */
  path: string;
}

export interface ModelIndex {
  /** Party namespace: district, units, areas, schools, institutions, roles, collectives (first of each id). */
  party: Map<string, Entity>;
  /** First entity with each id, per kind. */
  byKind: Record<EntityKind, Map<string, Entity>>;
  /** Every entity in model order (duplicates included). */
  all: Entity[];
}

const ALL_KINDS: readonly EntityKind[] = [
  ...PARTY_KINDS,
  'structure',
  'document',
  'revision',
  'onboarding',
  'routine',
];

/** The order kinds are named in messages: the likeliest first. */
const DISPLAY_ORDER: readonly EntityKind[] = [
  'role',
  'unit',
  'school',
  'area',
  'institution',
  'collective',
  'district',
  'structure',
  'document',
  'revision',
  'onboarding',
  'routine',
];

/** Every entity of a model, by id. */
export function indexModel(model: Model): ModelIndex {
  const byKind = Object.fromEntries(ALL_KINDS.map((k) => [k, new Map<string, Entity>()])) as Record<
    EntityKind,
    Map<string, Entity>
  >;
  const party = new Map<string, Entity>();
  const all: Entity[] = [];
  const add = (kind: EntityKind, id: string, name: string, path: string) => {
    const e: Entity = { kind, id, name, path };
    all.push(e);
    if (!byKind[kind].has(id)) byKind[kind].set(id, e);
    if ((PARTY_KINDS as readonly string[]).includes(kind) && !party.has(id)) party.set(id, e);
  };
  const org = model.organisation;
  add('district', org.district.id, org.district.name, 'organisation.district');
  org.units.forEach((u, i) => add('unit', u.id, u.name, `organisation.units[${i}]`));
  org.areas.forEach((a, i) => add('area', a.id, a.name, `organisation.areas[${i}]`));
  org.schools.forEach((s, i) => add('school', s.id, s.name, `organisation.schools[${i}]`));
  org.institutions.forEach((s, i) =>
    add('institution', s.id, s.name, `organisation.institutions[${i}]`),
  );
  model.roles.forEach((r, i) => add('role', r.id, r.title, `roles[${i}]`));
  model.collectives.forEach((c, i) => add('collective', c.id, c.name, `collectives[${i}]`));
  model.structures.forEach((s, i) => add('structure', s.id, s.name, `structures[${i}]`));
  model.documents.forEach((d, i) => add('document', d.id, d.title, `documents[${i}]`));
  model.revisions.forEach((r, i) => add('revision', r.id, r.title, `revisions[${i}]`));
  model.onboarding.forEach((o, i) => add('onboarding', o.id, o.title, `onboarding[${i}]`));
  model.routines.forEach((r, i) => add('routine', r.id, r.name, `routines[${i}]`));
  return { party, byKind, all };
}

/** The name of an entity by id, or the id when there is none. */
export function nameOf(index: ModelIndex, kind: EntityKind, id: string): string {
  return index.byKind[kind].get(id)?.name ?? id;
}

/** Runs every reference and consistency check; the model's shape must be valid. */
export function checkReferences(model: Model, lang: Lang = 'nb'): Issue[] {
  const index = indexModel(model);
  const issues: Issue[] = [];
  const err = (
    path: string,
    code: MessageCode,
    params: Record<string, string | number | undefined>,
  ) => issues.push(makeIssue('error', path, code, params, lang));
  const label = (e: Entity) => entityLabel(e.kind, e.name, e.id, lang, false);

  // --- unique ids ---------------------------------------------------------------------------
  const namespaces: { kinds: readonly EntityKind[] }[] = [
    { kinds: PARTY_KINDS },
    { kinds: ['structure'] },
    { kinds: ['document'] },
    { kinds: ['revision'] },
    { kinds: ['onboarding'] },
    { kinds: ['routine'] },
  ];
  for (const ns of namespaces) {
    const seen = new Map<string, Entity>();
    const rule = uniqueRule(ns.kinds, lang);
    for (const e of index.all) {
      if (!ns.kinds.includes(e.kind)) continue;
      const first = seen.get(e.id);
      if (!first) {
        seen.set(e.id, e);
        continue;
      }
      err(joinPath(e.path, 'id'), 'id.duplicate', {
        id: e.id,
        entity: label(e),
        other: label(first),
        otherPath: first.path,
        rule,
      });
    }
  }

  // --- references ---------------------------------------------------------------------------
  const findAnywhere = (id: string): Entity | undefined => {
    for (const k of ALL_KINDS) {
      const e = index.byKind[k].get(id);
      if (e) return e;
    }
    return undefined;
  };
  const suggestions = new Map<string, string | undefined>();
  const ref = (path: string, id: string, expected: readonly EntityKind[]) => {
    const party = expected.every((k) => (PARTY_KINDS as readonly string[]).includes(k));
    const hit = party
      ? index.party.get(id)
      : expected.map((k) => index.byKind[k].get(id)).find(Boolean);
    if (hit && expected.includes(hit.kind)) return;
    // A renamed id is often referred to many times: the suggestion is worked out once.
    const memo = `${expected.join(',')}\u0000${id}`;
    let suggestion = suggestions.get(memo);
    if (!suggestions.has(memo)) {
      suggestion = nearest(
        id,
        expected.flatMap((k) => [...index.byKind[k].keys()]),
      );
      suggestions.set(memo, suggestion);
    }
    const other = hit ?? findAnywhere(id);
    const shown = [...expected].sort((a, b) => DISPLAY_ORDER.indexOf(a) - DISPLAY_ORDER.indexOf(b));
    if (other) {
      err(path, 'ref.wrong-kind', {
        id,
        actual: entityIndefinite(other.kind, other.name, lang),
        expected: orList(
          shown.map((k) => entityA(k, lang)),
          lang,
        ),
        suggestion,
      });
    } else {
      const among =
        expected.length === ALL_KINDS.length
          ? { nb: 'id-ene i modellen', nn: 'id-ane i modellen', en: 'the ids in the model' }[lang]
          : entityPlural(shown, lang);
      err(path, 'ref.unknown', { id, among, suggestion });
    }
  };
  const refs = (
    base: string,
    field: string,
    ids: readonly string[],
    expected: readonly EntityKind[],
  ) => ids.forEach((id, i) => ref(joinPath(base, field, i), id, expected));
  const P = PARTY_KINDS;

  const org = model.organisation;
  org.units.forEach((u, i) => {
    const base = `organisation.units[${i}]`;
    if (u.parent !== undefined) ref(joinPath(base, 'parent'), u.parent, ['unit']);
    refs(base, 'areas', u.areas, ['area']);
  });
  org.schools.forEach((s, i) => {
    s.memberships.forEach((m, j) => {
      if (m.area !== undefined)
        ref(`organisation.schools[${i}].memberships[${j}].area`, m.area, ['area']);
    });
  });
  org.institutions.forEach((inst, i) => {
    if (inst.area !== undefined) ref(`organisation.institutions[${i}].area`, inst.area, ['area']);
  });
  model.roles.forEach((r, i) => {
    if (r.unit !== undefined) ref(`roles[${i}].unit`, r.unit, ['unit']);
    r.assignments.forEach((a, j) => {
      if (a.area !== undefined) ref(`roles[${i}].assignments[${j}].area`, a.area, ['area']);
      if (a.school !== undefined) ref(`roles[${i}].assignments[${j}].school`, a.school, ['school']);
    });
  });
  model.collectives.forEach((c, i) => refs(`collectives[${i}]`, 'members', c.members, P));
  model.structures.forEach((s, i) => {
    const base = `structures[${i}]`;
    refs(base, 'responsible', s.responsible, P);
    refs(base, 'contributors', s.contributors, P);
    refs(base, 'participants', s.participants, P);
    if (s.scope.kind === 'schools') refs(`${base}.scope`, 'schools', s.scope.schools, ['school']);
    if (s.scope.kind === 'areas') refs(`${base}.scope`, 'areas', s.scope.areas, ['area']);
    s.variations.forEach((v, j) => ref(`${base}.variations[${j}].school`, v.school, ['school']));
    refs(base, 'documents', s.documents, ['document']);
    s.agenda.forEach((row, j) => refs(`${base}.agenda[${j}]`, 'responsible', row.responsible, P));
  });
  model.documents.forEach((d, i) => {
    const base = `documents[${i}]`;
    refs(base, 'owner', d.owner, P);
    refs(base, 'contributors', d.contributors, P);
    refs(base, 'structures', d.structures, ['structure']);
  });
  model.revisions.forEach((r, i) => {
    const base = `revisions[${i}]`;
    if (r.subject.kind === 'document')
      ref(`${base}.subject.document`, r.subject.document, ['document']);
    if (r.subject.kind === 'structure') {
      ref(`${base}.subject.structure`, r.subject.structure, ['structure']);
    }
    if (r.forum?.structure !== undefined)
      ref(`${base}.forum.structure`, r.forum.structure, ['structure']);
    refs(base, 'draftedBy', r.draftedBy, P);
    refs(base, 'input', r.input, P);
    refs(base, 'decidedBy', r.decidedBy, P);
    refs(base, 'publishedBy', r.publishedBy, P);
  });
  model.revisionRecords.forEach((rec, i) => {
    ref(`revisionRecords[${i}].rule`, rec.rule, ['revision']);
    refs(`revisionRecords[${i}]`, 'by', rec.by, P);
  });
  model.onboarding.forEach((o, i) => {
    const base = `onboarding[${i}]`;
    refs(`${base}.trigger`, 'roles', o.trigger.roles, ['role']);
    refs(base, 'maintainedBy', o.maintainedBy, P);
    refs(base, 'convenedBy', o.convenedBy, P);
    if (o.structure !== undefined) ref(`${base}.structure`, o.structure, ['structure']);
    if (o.document !== undefined) ref(`${base}.document`, o.document, ['document']);
    o.meetings.forEach((m, j) => {
      refs(`${base}.meetings[${j}]`, 'participants', m.participants, P);
      m.agenda.forEach((row, k) =>
        refs(`${base}.meetings[${j}].agenda[${k}]`, 'responsible', row.responsible, P),
      );
    });
  });
  model.routines.forEach((r, i) => {
    const base = `routines[${i}]`;
    r.steps.forEach((step, j) => {
      refs(`${base}.steps[${j}]`, 'responsible', step.responsible, P);
      refs(`${base}.steps[${j}]`, 'documents', step.documents, ['document']);
    });
    refs(base, 'structures', r.structures, ['structure']);
  });
  // --- newcomers: the plan, the role (one of the plan's trigger roles), where they start ------
  const newcomerIds = new Map<string, number>();
  model.newcomers.forEach((n, i) => {
    const base = `newcomers[${i}]`;
    const first = newcomerIds.get(n.id);
    if (first === undefined) newcomerIds.set(n.id, i);
    else
      err(joinPath(base, 'id'), 'newcomer.duplicate', {
        id: n.id,
        otherPath: `newcomers[${first}]`,
      });
    ref(joinPath(base, 'plan'), n.plan, ['onboarding']);
    ref(joinPath(base, 'role'), n.role, ['role']);
    if (n.school !== undefined) ref(joinPath(base, 'school'), n.school, ['school']);
    if (n.area !== undefined) ref(joinPath(base, 'area'), n.area, ['area']);
    const plan = model.onboarding.find((o) => o.id === n.plan);
    if (!plan) return;
    const planLabel = entityLabel('onboarding', plan.title, plan.id, lang);
    if (index.byKind.role.has(n.role) && !plan.trigger.roles.includes(n.role)) {
      err(joinPath(base, 'role'), 'newcomer.role-not-in-plan', {
        role: n.role,
        plan: planLabel,
        roles: quotedOrList(plan.trigger.roles, lang),
        suggestion: nearest(n.role, plan.trigger.roles),
      });
    }
    if (plan.trigger.at === 'school' && n.school === undefined)
      err(joinPath(base, 'school'), 'newcomer.school-missing', { plan: planLabel });
    if (plan.trigger.at === 'area' && n.area === undefined)
      err(joinPath(base, 'area'), 'newcomer.area-missing', { plan: planLabel });
    if (n.meetingDates && n.meetingDates.length > plan.meetings.length) {
      err(joinPath(base, 'meetingDates', plan.meetings.length), 'newcomer.too-many-dates', {
        count: n.meetingDates.length,
        meetings: plan.meetings.length,
        plan: planLabel,
      });
    }
  });

  // --- the model's own school years ------------------------------------------------------------
  checkCalendarYears(model, err);

  model.glossary.forEach((g, i) => {
    if (g.refersTo === undefined) return;
    const path = `glossary[${i}].refersTo`;
    const value = g.refersTo;
    const colon = value.indexOf(':');
    if (colon < 0) {
      ref(path, value, ALL_KINDS);
      return;
    }
    const prefix = value.slice(0, colon);
    const rest = value.slice(colon + 1);
    const concept = (what: Record<Lang, string>, allowed: readonly string[]) =>
      err(path, 'ref.bad-concept', {
        id: value,
        value: rest,
        what: what[lang],
        allowed: quotedOrList(allowed, lang),
        suggestion: nearest(rest, allowed),
      });
    if (prefix === 'level') {
      if (!(LEVELS as readonly string[]).includes(rest)) {
        concept({ nb: 'et nivå', nn: 'eit nivå', en: 'a level' }, LEVELS);
      }
    } else if (prefix === 'focus') {
      if (!(FOCI as readonly string[]).includes(rest)) {
        concept({ nb: 'et fokus', nn: 'eit fokus', en: 'a focus' }, FOCI);
      }
    } else if (prefix === 'concept') {
      if (!rest.trim())
        concept({ nb: 'et begrep', nn: 'eit omgrep', en: 'a concept' }, ['concept:skoleområde']);
    } else {
      err(path, 'ref.bad-concept', {
        id: value,
        value: `${prefix}:`,
        what: { nb: 'en kjent form', nn: 'ei kjend form', en: 'a known form' }[lang],
        allowed: quotedOrList(['level:…', 'focus:…', 'concept:…'], lang),
        suggestion: nearest(prefix, ['level', 'focus', 'concept'])?.concat(':'),
      });
    }
  });

  // --- units: no cycles -----------------------------------------------------------------------
  const units = new Map(org.units.map((u, i) => [u.id, { unit: u, i }]));
  const reported = new Set<string>();
  org.units.forEach((u, i) => {
    if (reported.has(u.id)) return;
    const chain: string[] = [u.id];
    let cur = u.parent;
    while (cur !== undefined && units.has(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = units.get(cur)!.unit.parent;
    }
    if (cur === u.id) {
      chain.forEach((id) => reported.add(id));
      const names = [...chain, u.id].map((id) => `«${short(units.get(id)?.unit.name ?? id, 40)}»`);
      err(`organisation.units[${i}].parent`, 'unit.parent-cycle', {
        entity: entityLabel('unit', u.name, u.id, lang),
        chain: names.join(' → '),
      });
    }
  });

  // --- periods, order and ranges ------------------------------------------------------------
  const outOfOrder = (path: string, from?: string, to?: string) => {
    if (from && to && to < from) err(joinPath(path, 'to'), 'dates.out-of-order', { from, to });
  };
  org.schools.forEach((s, i) => {
    const base = `organisation.schools[${i}]`;
    if (s.grades && s.grades.from > s.grades.to) {
      err(`${base}.grades`, 'grades.out-of-order', { from: s.grades.from, to: s.grades.to });
    }
    s.memberships.forEach((m, j) => outOfOrder(`${base}.memberships[${j}]`, m.from, m.to));
    const ok = s.memberships.map((m) => !(m.from && m.to && m.to < m.from));
    for (let k = 1; k < s.memberships.length; k++) {
      const b = s.memberships[k]!;
      if (!ok[k] || b.area === undefined) continue;
      for (let j = 0; j < k; j++) {
        const a = s.memberships[j]!;
        if (!ok[j] || a.area === undefined || a.area === b.area) continue;
        if (overlaps(a, b)) {
          err(`${base}.memberships[${k}]`, 'school.two-areas', {
            entity: entityLabel('school', s.name, s.id, lang),
            area: nameOf(index, 'area', a.area),
            period: periodText(a.from, a.to, lang),
            otherArea: nameOf(index, 'area', b.area),
            otherPeriod: periodText(b.from, b.to, lang),
          });
          break;
        }
      }
    }
  });
  model.roles.forEach((r, i) =>
    r.assignments.forEach((a, j) => outOfOrder(`roles[${i}].assignments[${j}]`, a.from, a.to)),
  );
  model.structures.forEach((s, i) => {
    const base = `structures[${i}]`;
    for (let j = 1; j < s.status.length; j++) {
      const prev = s.status[j - 1]!;
      const cur = s.status[j]!;
      if (cur.from < prev.from) {
        err(`${base}.status[${j}].from`, 'status.out-of-order', {
          from: cur.from,
          previous: prev.from,
        });
      }
    }
    const seen = new Map<string, number>();
    s.variations.forEach((v, j) => {
      const first = seen.get(v.school);
      if (first === undefined) {
        seen.set(v.school, j);
        return;
      }
      err(`${base}.variations[${j}].school`, 'variation.duplicate', {
        entity: entityLabel('school', nameOf(index, 'school', v.school), v.school, lang),
        structure: entityLabel('structure', s.name, s.id, lang),
        other: first,
      });
    });
  });
  // --- one glossary entry per term, one record per rule and day -----------------------------
  // (the change log of diffModels matches entries by these keys, so a duplicate would make two
  // versions of the model impossible to compare)
  const terms = new Map<string, number>();
  model.glossary.forEach((g, i) => {
    const key = g.term.trim().toLowerCase();
    const first = terms.get(key);
    if (first === undefined) {
      terms.set(key, i);
      return;
    }
    err(`glossary[${i}].term`, 'glossary.duplicate', {
      term: short(g.term.trim(), 40),
      other: short(model.glossary[first]!.term.trim(), 40),
      otherPath: `glossary[${first}]`,
    });
  });
  const records = new Map<string, number>();
  model.revisionRecords.forEach((rec, i) => {
    const key = `${rec.rule}@${rec.date}`;
    const first = records.get(key);
    if (first === undefined) {
      records.set(key, i);
      return;
    }
    err(`revisionRecords[${i}]`, 'record.duplicate', {
      rule: entityLabel('revision', nameOf(index, 'revision', rec.rule), rec.rule, lang),
      date: rec.date,
      otherPath: `revisionRecords[${first}]`,
    });
  });

  model.onboarding.forEach((o, i) =>
    o.meetings.forEach((m, j) => {
      if (m.duration && m.duration.min > m.duration.max) {
        err(`onboarding[${i}].meetings[${j}].duration`, 'duration.min-max', {
          min: m.duration.min,
          max: m.duration.max,
        });
      }
    }),
  );

  return issues;
}

type ErrFn = (
  path: string,
  code: MessageCode,
  params: Record<string, string | number | undefined>,
) => void;

/**
 * The model's own school years: each year once, its dates inside the year (1 August – 31 July),
 * breaks in order; then whatever else `SchoolYear` refuses (e.g. a first school day that is a
 * holiday), with its message. These are the checks `@arshjul/school-calendar` makes when a
 * calendar file is loaded, reported here with a path into the model.
 */
function checkCalendarYears(model: Model, err: ErrFn): void {
  const years = model.schoolCalendar?.years ?? [];
  const seen = new Map<string, number>();
  const info = {
    id: model.schoolCalendar?.kommune?.id ?? model.organisation.district.kommune,
    name: model.schoolCalendar?.kommune?.name ?? model.organisation.district.kommune,
    timeZone: model.schoolCalendar?.kommune?.timeZone ?? 'Europe/Oslo',
  };
  years.forEach((y, i) => {
    const base = `schoolCalendar.years[${i}]`;
    const first = seen.get(y.year);
    if (first !== undefined) {
      err(joinPath(base, 'year'), 'calendar.year-duplicate', {
        year: y.year,
        otherPath: `schoolCalendar.years[${first}]`,
      });
      return;
    }
    seen.set(y.year, i);
    const start = Number(y.year.slice(0, 4));
    const from = `${start}-08-01`;
    const to = `${start + 1}-07-31`;
    const inYear = (d: string) => d >= from && d <= to;
    let bad = false;
    const outside = (path: string, date: string) => {
      bad = true;
      err(path, 'calendar.outside-year', { date, year: y.year, from, to });
    };
    if (!inYear(y.firstSchoolDay)) outside(joinPath(base, 'firstSchoolDay'), y.firstSchoolDay);
    if (!inYear(y.lastSchoolDay)) outside(joinPath(base, 'lastSchoolDay'), y.lastSchoolDay);
    else if (y.lastSchoolDay <= y.firstSchoolDay) {
      bad = true;
      err(joinPath(base, 'lastSchoolDay'), 'calendar.last-before-first', {
        first: y.firstSchoolDay,
        last: y.lastSchoolDay,
      });
    }
    y.breaks.forEach((b, j) => {
      const path = joinPath(base, 'breaks', j);
      if (b.to < b.from) {
        bad = true;
        err(joinPath(path, 'to'), 'dates.out-of-order', { from: b.from, to: b.to });
      } else if (b.kind !== 'sommerferie') {
        if (!inYear(b.from)) outside(joinPath(path, 'from'), b.from);
        else if (!inYear(b.to)) outside(joinPath(path, 'to'), b.to);
      }
    });
    y.daysOff.forEach((d, j) => {
      if (!inYear(d.date)) outside(joinPath(base, 'daysOff', j, 'date'), d.date);
    });
    if (bad) return;
    try {
      new SchoolYear(y, info, base);
    } catch (e) {
      const where =
        isArshjulError(e) && e.where?.startsWith(base) ? e.where.slice(base.length).trim() : '';
      err(where ? `${base}.${where}` : base, 'calendar.year-invalid', {
        year: y.year,
        detail: e instanceof Error ? e.message : String(e),
      });
    }
  });
}

/** Whether two periods (open ends allowed, each in order) share a day. */
function overlaps(a: { from?: string; to?: string }, b: { from?: string; to?: string }): boolean {
  const aStartsBeforeBEnds = !a.from || !b.to || a.from <= b.to;
  const bStartsBeforeAEnds = !b.from || !a.to || b.from <= a.to;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

function uniqueRule(kinds: readonly EntityKind[], lang: Lang): string {
  const plural = andList(
    kinds.map((k) => entityPlural([k], lang)),
    lang,
  );
  if (kinds.length > 1) {
    return {
      nb: `${plural} deler de samme id-ene, så hver id kan bare brukes én gang`,
      nn: `${plural} deler dei same id-ane, så kvar id kan berre brukast éin gong`,
      en: `${plural} share one set of ids, so each id can be used only once`,
    }[lang];
  }
  return {
    nb: `id-ene til ${plural} må være unike`,
    nn: `id-ane til ${plural} må vere unike`,
    en: `the ids of ${plural} must be unique`,
  }[lang];
}
