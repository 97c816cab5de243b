/**
 * Lint: warnings about a valid model that an NSK would want to know about — gaps in the
 * collaboration rather than errors in the file. Never errors; each warning has a code and a path.
 *
 * - `no-strategic-forum`: no strategic structure is a meeting with a rhythm (where the
 *   collaboration is adjusted).
 * - `no-revision-cycle`: no revision rules at all, or a document no rule covers.
 * - `qualitative-needs-interval`: a rhythm such as «Jevnlig» that says nothing about how often.
 * - `nobody-responsible`: a structure with no responsible party.
 * - `school-takes-part-in-nothing`: an active school no structure applies to (by scope and
 *   variation; a planned structure counts, it is meant for the school — unlike in the
 *   participation matrix, which counts only running structures).
 * - `role-nobody-holds`: a role without any assignment (not even a vacancy).
 * - `personal-data-outside-assignment`: an e-mail address or phone number outside
 *   `roles[].assignments[].person`.
 * - `focus-on-non-operative`: a focus on a structure that is not operative.
 * - `document-without-owner`: nobody keeps a document up to date.
 * - `inactive-school-in-scope`: a structure names a school that does not take part on the date.
 *
 * What is «active», a structure's status and «applies to» are the definitions of queries.ts
 * (`isSchoolActive`, `structureStatusAt`, `schoolsInScope`). Only discontinued structures are
 * left out: a planned strategic forum is still the model's forum, and a planned structure still
 * applies to its schools.
 */
import { parseIsoDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import type { Cadence, Rule } from '@arshjul/recurrence';
import type { Issue } from './issues.js';
import type { Level, Model, Structure } from './schema.js';
import { entityLabel, makeIssue, short, type MessageCode } from './messages.js';
import { formatPath, isPlainObject } from './paths.js';
import { isDiscontinued, isSchoolActive, schoolsInScope } from './queries.js';

export interface LintOptions {
  lang?: Lang;
  /** The day that decides which schools take part and which structures are discontinued. */
  asOf: IsoDate;
  /**
   * The file as read (after migration), for the personal-data scan, so that paths and strings
   * are the file's own; the model itself when left out.
   */
  input?: unknown;
}

export const LINT_CODES = [
  'no-strategic-forum',
  'no-revision-cycle',
  'qualitative-needs-interval',
  'nobody-responsible',
  'school-takes-part-in-nothing',
  'role-nobody-holds',
  'personal-data-outside-assignment',
  'focus-on-non-operative',
  'document-without-owner',
  'inactive-school-in-scope',
] as const satisfies readonly MessageCode[];
export type LintCode = (typeof LINT_CODES)[number];

const UNSCHEDULED = new Set(['on-demand', 'continuous', 'qualitative', 'school-choice', 'event']);

/** A rule that puts dates in the calendar by itself (not on demand, an event or a vague word). */
export function isScheduled(rule: Rule): boolean {
  return rule.kind === 'alternatives'
    ? rule.options.some(isScheduled)
    : !UNSCHEDULED.has(rule.kind);
}

/** The qualitative word of a rule (or of one of its alternatives), if any. */
function qualitativeWord(rule: Rule): string | undefined {
  if (rule.kind === 'qualitative') return rule.word;
  if (rule.kind === 'alternatives') {
    for (const o of rule.options) if (o.kind === 'qualitative') return o.word;
  }
  return undefined;
}

const LEVEL_WORDS: Record<Lang, Record<Level, string>> = {
  nb: { strategisk: 'strategisk', organisatorisk: 'organisatorisk', operativt: 'operativt' },
  nn: { strategisk: 'strategisk', organisatorisk: 'organisatorisk', operativt: 'operativt' },
  en: { strategisk: 'strategic', organisatorisk: 'organisational', operativt: 'operative' },
};

/** Runs the lint on a valid model. */
export function lintModel(model: Model, options: LintOptions): Issue[] {
  const lang = options.lang ?? 'nb';
  const asOf = parseIsoDate(options.asOf, 'asOf');
  const issues: Issue[] = [];
  const warn = (
    path: string,
    code: LintCode,
    params: Record<string, string | number | undefined>,
  ) => issues.push(makeIssue('warning', path, code, params, lang));
  const structureLabel = (s: Structure) => entityLabel('structure', s.name, s.id, lang);
  const live = model.structures
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !isDiscontinued(s, asOf));

  // no-strategic-forum
  const hasForum = live.some(
    ({ s }) =>
      (s.level === 'strategisk' || s.secondaryLevels.includes('strategisk')) &&
      (s.kind === 'meeting' ||
        (s.kind === undefined && isScheduled(s.cadence.rule) && !s.cadence.action)),
  );
  if (!hasForum) warn('', 'no-strategic-forum', {});

  // no-revision-cycle
  if (model.revisions.length === 0) {
    warn('', 'no-revision-cycle', {});
  } else {
    const covered = new Set<string>();
    const revisedStructures = new Set<string>();
    for (const r of model.revisions) {
      if (r.subject.kind === 'document') covered.add(r.subject.document);
      if (r.subject.kind === 'structure') revisedStructures.add(r.subject.structure);
    }
    for (const s of model.structures) {
      if (revisedStructures.has(s.id)) s.documents.forEach((d) => covered.add(d));
    }
    model.documents.forEach((d, i) => {
      if (covered.has(d.id) || d.structures.some((id) => revisedStructures.has(id))) return;
      warn(`documents[${i}]`, 'no-revision-cycle', { document: short(d.title, 70) });
    });
  }

  // qualitative-needs-interval
  const vague = (path: string, cadence: Cadence, entity: string) => {
    const word = qualitativeWord(cadence.rule);
    if (word)
      warn(path, 'qualitative-needs-interval', { text: short(cadence.text, 60), word, entity });
  };
  model.structures.forEach((s, i) => {
    vague(`structures[${i}].cadence`, s.cadence, structureLabel(s));
    s.variations.forEach((v, j) => {
      if (v.cadence) {
        const school = model.organisation.schools.find((x) => x.id === v.school);
        const where = `${structureLabel(s)} ${lang === 'en' ? 'at' : 'på'} «${short(school?.name ?? v.school, 40)}»`;
        vague(`structures[${i}].variations[${j}].cadence`, v.cadence, where);
      }
    });
  });
  model.revisions.forEach((r, i) =>
    vague(`revisions[${i}].cadence`, r.cadence, entityLabel('revision', r.title, r.id, lang)),
  );

  // nobody-responsible, focus-on-non-operative
  model.structures.forEach((s, i) => {
    if (s.responsible.length === 0) {
      warn(`structures[${i}].responsible`, 'nobody-responsible', {
        entity: structureLabel(s),
        text: s.responsibleText ? short(s.responsibleText, 60) : undefined,
      });
    }
    if (s.focus !== undefined && s.level !== 'operativt') {
      warn(`structures[${i}].focus`, 'focus-on-non-operative', {
        entity: structureLabel(s),
        level: LEVEL_WORDS[lang][s.level],
        focus: s.focus,
      });
    }
  });

  // school-takes-part-in-nothing, inactive-school-in-scope
  const schools = model.organisation.schools;
  const applied = new Set(live.flatMap(({ s }) => schoolsInScope(model, s, asOf)));
  schools.forEach((school, i) => {
    if (!isSchoolActive(school, asOf) || applied.has(school.id)) return;
    warn(`organisation.schools[${i}]`, 'school-takes-part-in-nothing', {
      entity: entityLabel('school', school.name, school.id, lang),
      asOf,
    });
  });
  const byId = new Map(schools.map((s) => [s.id, s]));
  live.forEach(({ s, i }) => {
    const listed: [string, string][] = [];
    if (s.scope.kind === 'schools') {
      s.scope.schools.forEach((id, j) => listed.push([id, `structures[${i}].scope.schools[${j}]`]));
    }
    s.variations.forEach((v, j) => {
      if (v.takesPart === true) listed.push([v.school, `structures[${i}].variations[${j}].school`]);
    });
    for (const [id, path] of listed) {
      const school = byId.get(id);
      if (!school || isSchoolActive(school, asOf)) continue;
      warn(path, 'inactive-school-in-scope', {
        entity: entityLabel('school', school.name, school.id, lang),
        asOf,
        structure: structureLabel(s),
      });
    }
  });

  // role-nobody-holds
  model.roles.forEach((r, i) => {
    if (r.assignments.length === 0) {
      warn(`roles[${i}]`, 'role-nobody-holds', {
        entity: entityLabel(
          'role',
          r.abbreviation ? `${r.title} (${r.abbreviation})` : r.title,
          r.id,
          lang,
        ),
      });
    }
  });

  // document-without-owner
  model.documents.forEach((d, i) => {
    if (d.owner.length === 0) {
      warn(`documents[${i}].owner`, 'document-without-owner', {
        document: short(d.title, 70),
        text: d.ownerText ? short(d.ownerText, 60) : undefined,
      });
    }
  });

  // personal-data-outside-assignment
  for (const found of findPersonalData(options.input ?? model)) {
    warn(found.path, 'personal-data-outside-assignment', {
      kind: found.kind,
      masked: found.masked,
    });
  }

  return issues;
}

// ---------------------------------------------------------------------------------------------
// Personal data

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const SEP = '[ \\u00a0.]';
/** Norwegian numbers: 8 digits, first 2–9, grouped as 12345678, 12 34 56 78, 123 45 678 or 1234 5678; optional +47/0047. */
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:\\+|00)${SEP}?47${SEP}?)?` +
    `([2-9]\\d{7}|[2-9]\\d(?:${SEP}\\d{2}){3}|[2-9]\\d{2}${SEP}\\d{2}${SEP}\\d{3}|[2-9]\\d{3}${SEP}\\d{4})` +
    `(?![\\p{L}\\p{N}])`,
  'u',
);
const PHONE_ALL = new RegExp(PHONE.source, 'gu');
/**
 * Every phone number PHONE finds has eight digits in a row or a digit, a separator and a digit;
 * strings without (most of them, dates included) are not searched further.
 */
const MAYBE_PHONE = /\d{8}|\d[ \u00a0.]\d/;
/** An 8-digit run that is a compact date (20230101) is not a phone number. */
const COMPACT_DATE = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

export interface PersonalDataHit {
  path: string;
  kind: 'email' | 'phone';
  /** The finding, masked so it is never shown in full. */
  masked: string;
}

/** The kind of personal data a string seems to hold, masked; undefined when none. */
export function detectPersonalData(text: string): Omit<PersonalDataHit, 'path'> | undefined {
  const email = text.includes('@') ? EMAIL.exec(text) : null;
  if (email) {
    const [local = '', domain = ''] = email[0].split('@');
    return { kind: 'email', masked: `${local.slice(0, 1)}…@${domain.slice(0, 1)}…` };
  }
  if (!MAYBE_PHONE.test(text)) return undefined;
  const re = PHONE_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const digits = (m[1] ?? '').replace(/\D/g, '');
    if (COMPACT_DATE.test(digits) && m[0] === digits) continue;
    return { kind: 'phone', masked: `${digits.slice(0, 2)}…` };
  }
  return undefined;
}

/** Every string outside `roles[].assignments[].person` that seems to hold an e-mail or phone number. */
export function findPersonalData(value: unknown): PersonalDataHit[] {
  interface Node {
    v: unknown;
    key: string | number | undefined;
    parent: Node | undefined;
    depth: number;
  }
  const pathOf = (n: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let c: Node | undefined = n; c && c.key !== undefined; c = c.parent) path.push(c.key);
    return path.reverse();
  };
  const hits: PersonalDataHit[] = [];
  const stack: Node[] = [{ v: value, key: undefined, parent: undefined, depth: 0 }];
  let visited = 0;
  while (stack.length && visited < 1_000_000) {
    visited++;
    const node = stack.pop()!;
    const v = node.v;
    if (typeof v === 'string') {
      const hit = detectPersonalData(v);
      if (hit) hits.push({ path: formatPath(pathOf(node)), ...hit });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i], key: i, parent: node, depth: node.depth + 1 });
      }
    } else if (isPlainObject(v)) {
      if (node.depth === 5 && node.key === 'person' && isPersonPath(pathOf(node))) continue;
      const keys = Object.keys(v);
      for (let k = keys.length - 1; k >= 0; k--) {
        stack.push({ v: v[keys[k]!], key: keys[k]!, parent: node, depth: node.depth + 1 });
      }
    }
  }
  return hits;
}

function isPersonPath(path: readonly (string | number)[]): boolean {
  return (
    path.length === 5 &&
    path[0] === 'roles' &&
    typeof path[1] === 'number' &&
    path[2] === 'assignments' &&
    typeof path[3] === 'number' &&
    path[4] === 'person'
  );
}
