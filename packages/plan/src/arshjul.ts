/**
 * The årshjul of an area (or the whole district) for a school year: every meeting of the
 * structures that apply to its schools on dates of the school calendar, revision deadlines with
 * their drafting lead time, and the breaks, in rings; what has no date listed beside the wheel;
 * warnings for what needs a look.
 */
import {
  isRunning,
  revisionsForYear,
  structureLabel,
  type Level,
  type Model,
  type Structure,
} from '@arshjul/model';
import {
  expandCadence,
  renderRule,
  spreadSuggestedDates,
  type Cadence,
  type ExpansionStatus,
  type Occurrence,
  type TimeOfDay,
} from '@arshjul/recurrence';
import type { IsoDate, SchoolYear } from '@arshjul/school-calendar';
import {
  responsibleText,
  schoolRefs,
  select,
  titleFor,
  type BuildOptions,
  type IncludedStructure,
  type SchoolRef,
  type Selection,
} from './common.js';
import { text, type TextKey } from './messages.js';
import { includedRevisions } from './revisions.js';
import { newcomerDetails, newcomerMeetings } from './newcomers.js';

export type RingId = 'strategisk' | 'organisatorisk' | 'operativt' | 'revisjon' | 'ferier';

export interface ArshjulEntry {
  /** Stable across builds: structure id + date (+ school when per school); rule id for revisions. */
  id: string;
  kind: 'meeting' | 'revision' | 'draft-deadline' | 'break';
  date: IsoDate;
  /** Last day (inclusive) of a period (a break). */
  to?: IsoDate;
  time?: TimeOfDay;
  structureId?: string;
  /** For revisions and their drafts: the revision rule's id. */
  revisionId?: string;
  title: string;
  cadenceText: string;
  placement: 'exact' | 'suggested';
  window?: { from: IsoDate; to: IsoDate };
  /** Which of the selection's schools (ids, model order). */
  schools: string[];
  /** Who is responsible, in names. */
  responsible: string;
  moved?: { from: IsoDate; reason: string };
  nonSchoolDay?: string;
  optional?: boolean;
  /** The series (see `Arshjul.series`) this meeting belongs to: one structure's cadence for a group of schools. */
  series?: string;
  /** An onboarding meeting of a newcomer (`model.newcomers`): which newcomer, plan and meeting (0-based). */
  newcomer?: { id: string; plan: string; meeting: number };
  /** Who takes part, as party ids (for a role's calendar), when the entry says so itself. */
  participants?: string[];
  /** More about the entry in lines of text (an onboarding meeting's participants and agenda). */
  details?: string[];
}

/**
 * One structure's cadence for a group of its schools in this year, with the RFC 5545 rule behind
 * its dates when there is one, so a calendar export can write a recurring event instead of
 * single dates.
 */
export interface ArshjulSeries {
  /** Structure id, or `structure@school` for a school's own cadence. */
  id: string;
  structureId: string;
  school?: string;
  title: string;
  cadenceText: string;
  /** RRULE value (no `RRULE:` prefix, no UNTIL) or null when the dates are not one rule. */
  rrule: string | null;
  dtstart: IsoDate | null;
  /** Dates the rule gives that the plan dropped (EXDATEs), with why. */
  skipped: { date: IsoDate; reason: string }[];
  /** Dates are suggestions (counts per period, qualitative). */
  approximate: boolean;
  /** The entries of the series, in date order. */
  entries: string[];
}

export interface ArshjulRing {
  id: RingId;
  label: string;
  /** In date order. */
  entries: ArshjulEntry[];
}

export type UndatedReason = Exclude<ExpansionStatus, 'scheduled'>;

export interface UndatedItem {
  structure: { id: string; name: string; level: Level };
  reason: UndatedReason;
  /** The cadence text, verbatim. */
  text: string;
  responsible: string;
  schools: string[];
}

export type WarningCode =
  'non-school-day' | 'moved' | 'alternatives' | 'no-school' | 'revision-unscheduled';

export interface ArshjulWarning {
  code: WarningCode;
  /** `info` for what was handled (a date moved off a holiday), `warning` for what needs a look. */
  severity: 'warning' | 'info';
  message: string;
  date?: IsoDate;
  structure?: string;
}

export interface Arshjul {
  title: string;
  /** Null for the whole district. */
  area: { id: string; name: string } | null;
  /** The district's name (e.g. «Bydel Grorud»). */
  district: string;
  schoolYear: string;
  kommune: string;
  asOf: IsoDate;
  firstSchoolDay: IsoDate;
  lastSchoolDay: IsoDate;
  schools: SchoolRef[];
  rings: ArshjulRing[];
  undated: UndatedItem[];
  /** The dated meetings' series, in structure order. */
  series: ArshjulSeries[];
  breaks: { from: IsoDate; to: IsoDate; name: string; kind: string }[];
  holidays: { date: IsoDate; name: string }[];
  warnings: ArshjulWarning[];
}

export interface ArshjulOptions extends BuildOptions {
  /** Dates of events the district has set, by name as written in the cadence («budsjettlegging i bydelen»). */
  events?: Record<string, IsoDate[]>;
}

const LEVEL_RING: Record<Level, RingId> = {
  strategisk: 'strategisk',
  organisatorisk: 'organisatorisk',
  operativt: 'operativt',
};

const RING_LABEL: Record<RingId, TextKey> = {
  strategisk: 'ringStrategisk',
  organisatorisk: 'ringOrganisatorisk',
  operativt: 'ringOperativt',
  revisjon: 'ringRevisjon',
  ferier: 'ringFerier',
};

/** Groups of the structure's schools that share a cadence: the shared one first, then each school's own. */
function cadenceGroups(
  inc: IncludedStructure,
): { cadence: Cadence; schools: string[]; school?: string; title?: string }[] {
  const { structure } = inc;
  const own = new Map(structure.variations.map((v) => [v.school, v]));
  const shared: string[] = [];
  const out: { cadence: Cadence; schools: string[]; school?: string; title?: string }[] = [];
  for (const id of inc.schools) {
    const v = own.get(id);
    if (v?.cadence) {
      out.push({
        cadence: v.cadence,
        schools: [id],
        school: id,
        ...(v.localName ? { title: v.localName } : {}),
      });
    } else shared.push(id);
  }
  // The shared cadence: for the schools without their own, and for the district level itself.
  if (shared.length > 0 || inc.schools.length === 0) {
    out.unshift({ cadence: structure.cadence, schools: shared });
  }
  return out;
}

function byDate(a: ArshjulEntry, b: ArshjulEntry): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the årshjul of an area, or of the whole district with `area: 'all'`. */
export function buildArshjul(model: Model, options: ArshjulOptions): Arshjul {
  const sel = select(model, options);
  return arshjulFor(sel, options.events);
}

/** The årshjul from a selection (shared with `buildAll`). */
export function arshjulFor(sel: Selection, events?: Record<string, IsoDate[]>): Arshjul {
  const { year, lang } = sel;
  const rings = new Map<RingId, ArshjulEntry[]>(
    (['strategisk', 'organisatorisk', 'operativt', 'revisjon', 'ferier'] as const).map((r) => [
      r,
      [],
    ]),
  );
  const undated: UndatedItem[] = [];
  const series: ArshjulSeries[] = [];
  const warnings: ArshjulWarning[] = [];
  const ids = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}#${n}`;
    ids.add(id);
    return id;
  };
  const expandOptions = events ? { events } : {};

  for (const inc of sel.structures) {
    const { structure } = inc;
    const label = structureLabel(structure);
    const responsible = responsibleText(sel, structure);
    const ring = rings.get(LEVEL_RING[structure.level])!;
    for (const group of cadenceGroups(inc)) {
      const expansion = expandCadence(group.cadence, year, expandOptions);
      if (expansion.status !== 'scheduled' || expansion.occurrences.length === 0) {
        undated.push({
          structure: { id: structure.id, name: structure.name, level: structure.level },
          reason: expansion.status === 'scheduled' ? 'not-this-year' : expansion.status,
          text: group.cadence.text,
          responsible,
          schools: group.schools,
        });
        continue;
      }
      if (group.cadence.rule.kind === 'alternatives') {
        warnings.push({
          code: 'alternatives',
          severity: 'info',
          structure: structure.id,
          message: text(lang, 'alternatives', {
            structure: label,
            text: group.cadence.text,
            used: renderRule(group.cadence.rule.options[0]!, lang),
          }),
        });
      }
      const one: ArshjulSeries = {
        id: group.school ? `${structure.id}@${group.school}` : structure.id,
        structureId: structure.id,
        ...(group.school ? { school: group.school } : {}),
        title: group.title ?? structure.name,
        cadenceText: group.cadence.text,
        rrule: expansion.rrule,
        dtstart: expansion.dtstart,
        skipped: expansion.skipped.map((k) => ({ date: k.date, reason: k.reason })),
        approximate: expansion.approximate,
        entries: [],
      };
      series.push(one);
      for (const o of expansion.occurrences) {
        const entry = meetingEntry(structure, group, o, responsible, uniqueId);
        entry.series = one.id;
        one.entries.push(entry.id);
        ring.push(entry);
        if (o.nonSchoolDay !== undefined && o.placement === 'exact') {
          warnings.push({
            code: 'non-school-day',
            severity: 'warning',
            date: o.date,
            structure: structure.id,
            message: text(lang, 'nonSchoolDay', {
              structure: label,
              date: o.date,
              reason: o.nonSchoolDay,
            }),
          });
        }
        if (o.moved) {
          warnings.push({
            code: 'moved',
            severity: 'info',
            date: o.date,
            structure: structure.id,
            message: text(lang, 'moved', {
              structure: label,
              from: o.moved.from,
              date: o.date,
              reason: o.moved.reason,
            }),
          });
        }
      }
    }
  }

  // Newcomers' onboarding meetings, on the ring of the plan's structure (T2.1, T2.2).
  for (const m of newcomerMeetings(sel)) {
    rings.get(LEVEL_RING[m.level])!.push({
      id: uniqueId(`oppstart:${m.newcomerId}:${m.index + 1}`),
      kind: 'meeting',
      date: m.date,
      ...(m.structureId ? { structureId: m.structureId } : {}),
      title: m.title,
      cadenceText: '',
      placement: m.suggested ? 'suggested' : 'exact',
      schools: m.school !== undefined ? [m.school] : [],
      responsible: m.convenedBy,
      newcomer: { id: m.newcomerId, plan: m.planId, meeting: m.index },
      participants: m.participantIds,
      details: newcomerDetails(m, sel),
    });
  }

  for (const s of noSchoolStructures(sel)) {
    warnings.push({
      code: 'no-school',
      severity: 'warning',
      structure: s.id,
      message: text(lang, 'noSchool', { structure: structureLabel(s) }),
    });
  }

  const revisionRing = rings.get('revisjon')!;
  for (const r of includedRevisions(sel, revisionsForYear(sel.model, year, { lang }))) {
    const drafters = r.draftedBy.map((p) => p.name);
    const responsible = sel.names(r.rule.draftedBy);
    const cadenceText = r.rule.cadence.text;
    const structureId = r.subject.kind === 'structure' ? r.subject.id : undefined;
    if (r.dueDates.length === 0 && r.unscheduled) {
      warnings.push({
        code: 'revision-unscheduled',
        severity: 'info',
        ...(structureId ? { structure: structureId } : {}),
        message: text(lang, 'revisionUnscheduled', { title: r.title, reason: r.unscheduled }),
      });
    }
    for (const due of r.dueDates) {
      const base = {
        revisionId: r.rule.id,
        ...(structureId ? { structureId } : {}),
        cadenceText,
        schools: [],
        responsible: drafters.length > 0 ? responsible : '',
      };
      revisionRing.push({
        ...base,
        id: uniqueId(`revisjon:${r.rule.id}@${due.date}`),
        kind: 'revision',
        date: due.date,
        title: r.title,
        placement: due.placement,
        ...(due.window ? { window: due.window } : {}),
        ...(due.optional ? { optional: true } : {}),
      });
      if (due.draftBy !== undefined) {
        revisionRing.push({
          ...base,
          id: uniqueId(`utkast:${r.rule.id}@${due.draftBy}`),
          kind: 'draft-deadline',
          date: due.draftBy,
          title: text(lang, 'draftDeadline', { title: r.title }),
          placement: due.placement,
          ...(due.optional ? { optional: true } : {}),
        });
      }
    }
  }

  const breaks = year.breaks.map((b) => ({ from: b.from, to: b.to, name: b.name, kind: b.kind }));
  const breakRing = rings.get('ferier')!;
  for (const b of year.breaks) {
    breakRing.push({
      id: uniqueId(`ferie:${b.kind}@${b.from}`),
      kind: 'break',
      date: b.from,
      to: b.to,
      title: b.name,
      cadenceText: '',
      placement: 'exact',
      schools: [],
      responsible: '',
    });
  }

  const rename = (entry: ArshjulEntry, date: IsoDate) => {
    const old = entry.id;
    entry.id = uniqueId(old.replace(/#\d+$/, '').replace(entry.date, date));
    entry.date = date;
    if (entry.series !== undefined) {
      const owner = series.find((x) => x.id === entry.series);
      if (owner) owner.entries = owner.entries.map((id) => (id === old ? entry.id : id));
    }
  };
  const forums = new Set(sel.model.revisions.flatMap((r) => r.forum?.structure ?? []));
  for (const id of ['strategisk', 'organisatorisk', 'operativt'] as const) {
    spreadSuggested(rings.get(id)!, year, forums, rename);
  }
  const dateOf = new Map([...rings.values()].flat().map((e) => [e.id, e.date]));
  for (const s of series) {
    s.entries.sort((a, b) => (dateOf.get(a)! < dateOf.get(b)! ? -1 : 1));
  }

  return {
    title: titleFor(sel, 'arshjul'),
    area: sel.area,
    district: sel.model.organisation.district.name,
    schoolYear: year.name,
    kommune: year.kommune.name,
    asOf: sel.asOf,
    firstSchoolDay: year.firstSchoolDay,
    lastSchoolDay: year.lastSchoolDay,
    schools: schoolRefs(sel.schools),
    rings: [...rings].map(([id, entries]) => ({
      id,
      label: text(lang, RING_LABEL[id]),
      entries: entries.sort(byDate),
    })),
    undated,
    series,
    breaks,
    holidays: year.holidays.map((h) => ({ date: h.date, name: h.name[lang] })),
    warnings,
  };
}

function meetingEntry(
  structure: Structure,
  group: { cadence: Cadence; schools: string[]; school?: string; title?: string },
  o: Occurrence,
  responsible: string,
  uniqueId: (base: string) => string,
): ArshjulEntry {
  const base = group.school
    ? `${structure.id}@${o.date}@${group.school}`
    : `${structure.id}@${o.date}`;
  return {
    id: uniqueId(base),
    kind: 'meeting',
    date: o.date,
    ...(o.time ? { time: o.time } : {}),
    structureId: structure.id,
    title: group.title ?? structure.name,
    cadenceText: group.cadence.text,
    placement: o.placement,
    ...(o.window ? { window: o.window } : {}),
    schools: group.schools,
    responsible,
    ...(o.moved ? { moved: o.moved } : {}),
    ...(o.nonSchoolDay !== undefined ? { nonSchoolDay: o.nonSchoolDay } : {}),
    ...(o.optional ? { optional: true } : {}),
  };
}

/**
 * Running structures aimed at the selection that apply to none of its schools: for an area,
 * those whose scope names the area or one of the schools that has ever been in it (e.g. a
 * school that left); for the district, those for no school and not at district level.
 */
function noSchoolStructures(sel: Selection): Structure[] {
  const out: Structure[] = [];
  const { model, area } = sel;
  const everInArea = new Set(
    area
      ? model.organisation.schools
          .filter((s) => s.memberships.some((m) => m.area === area.id))
          .map((s) => s.id)
      : [],
  );
  for (const s of model.structures) {
    if (sel.structureIds.has(s.id)) continue;
    const scope = s.scope;
    let aimed: boolean;
    if (area === null) aimed = scope.kind !== 'district';
    else if (scope.kind === 'areas') aimed = scope.areas.includes(area.id);
    else if (scope.kind === 'schools') aimed = scope.schools.some((id) => everInArea.has(id));
    else aimed = false;
    if (aimed && isRunning(s, sel.asOf)) out.push(s);
  }
  return out;
}

/**
 * Suggested dates that land on the same day in one ring — every «En gang i året» without a
 * better hint lands in the middle of the year — are spread over the nearest free school weeks,
 * still inside their window: they are suggestions, and fourteen on one Monday help nobody. The
 * one with the narrowest window (then the first in model order) keeps the day. The meetings of a
 * structure that is a revision's forum stay where they are (the others move off their days):
 * the revision is placed on those meetings (`revisionsForYear`), which spreads the revisions
 * themselves, so the plan's revision calendar gives the dates the wheel shows.
 */
function spreadSuggested(
  entries: ArshjulEntry[],
  year: SchoolYear,
  forums: ReadonlySet<string>,
  rename: (entry: ArshjulEntry, date: IsoDate) => void,
): void {
  const suggested = entries.filter((e) => e.placement === 'suggested' && e.window !== undefined);
  const dates = spreadSuggestedDates(
    suggested.map((e) => ({
      date: e.date,
      window: e.structureId !== undefined && forums.has(e.structureId) ? undefined : e.window,
    })),
    year,
  );
  suggested.forEach((e, i) => {
    if (dates[i] !== e.date) rename(e, dates[i]!);
  });
}
