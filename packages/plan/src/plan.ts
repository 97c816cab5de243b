/**
 * The implementation plan of an area (or the whole district) for a school year: the Vedlegg 3
 * tables per level and operative focus, the participation matrix, documents with owners and
 * revision dates, the revision calendar, onboarding plans, routines, glossary and the notes on
 * where the sources disagree.
 */
import {
  participationMatrix,
  revisionsForYear,
  type Focus,
  type Level,
  type Model,
  type Note,
  type ParticipationCell,
  type School,
} from '@arshjul/model';
import type { IsoDate } from '@arshjul/school-calendar';
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
import { inMonth, text, type TextKey } from './messages.js';
import { includedRevisions } from './revisions.js';
import { newcomerMeetings } from './newcomers.js';

export interface StageSummary {
  barneskoler: number;
  ungdomsskoler: number;
  /** Why a stage is missing, when a school of that stage has left the area. */
  note?: string;
}

export interface PlanRow {
  id: string;
  formellStruktur: string;
  beskrivelse: string;
  /** The cadence text, verbatim. */
  oppfolging: string;
  ansvar: string;
  skoler: string;
}

export interface PlanTable {
  level: Level;
  focus?: Focus;
  title: string;
  rows: PlanRow[];
}

export interface PlanParticipation {
  schools: { id: string; name: string; area?: string }[];
  district: { id: string; name: string };
  rows: {
    structure: { id: string; name: string; level: Level; focus?: Focus };
    cells: Record<string, ParticipationCell>;
    district: boolean;
  }[];
  counts: Record<string, number>;
}

export interface PlanDocument {
  id: string;
  title: string;
  /** The owners' names. */
  owner: string;
  /** The owner in the source's words, when the model has them. */
  ownerText?: string;
  revisionDates: IsoDate[];
  revisionText: string;
}

export interface PlanRevision {
  id: string;
  title: string;
  subject: string;
  cadenceText: string;
  forum?: string;
  dueDates: { date: IsoDate; placement: 'exact' | 'suggested'; draftBy?: IsoDate }[];
  unscheduled: string | null;
  draftedBy: string;
  decidedBy: string;
}

export interface PlanOnboarding {
  id: string;
  title: string;
  trigger: string;
  maintainedBy: string;
  convenedBy: string;
  meetings: {
    title: string;
    participants: string;
    agenda: { content: string; purpose?: string; documents: string[]; responsible: string }[];
  }[];
}

/**
 * A newcomer of the year (someone starting in a role, never a name) and the dates of its
 * onboarding meetings in the year; `suggested` dates are ours (the source gives no deadline).
 */
export interface PlanNewcomer {
  id: string;
  /** The onboarding plan's title. */
  plan: string;
  role: string;
  where: string;
  startsOn: IsoDate;
  meetings: { title: string; date: IsoDate; suggested: boolean }[];
}

export interface PlanRoutine {
  id: string;
  name: string;
  trigger: string;
  steps: { action: string; responsible: string; timing?: string }[];
}

export interface PlanNote {
  /** What the note is on. */
  kind:
    | 'structure'
    | 'document'
    | 'revision'
    | 'onboarding'
    | 'routine'
    | 'organisation'
    | 'role'
    | 'glossary'
    | 'model';
  /**
   * Its id in the model: the model's own id for a note on the model, the district's for one on the
   * organisation as a whole, the term for a glossary entry's.
   */
  id: string;
  /** What the plan calls it: a structure's id («T2.6»), else its title (or name). */
  label: string;
  /** The structure the note is on (for a structure's note). */
  structure?: string;
  text: string;
  alternative?: string;
  source?: string;
}

export interface ImplementationPlan {
  title: string;
  area: { id: string; name: string } | null;
  /** The district's name (e.g. «Bydel Grorud»). */
  district: string;
  /** The kommune of the school calendar. */
  kommune: string;
  schoolYear: string;
  asOf: IsoDate;
  schools: SchoolRef[];
  stageSummary: StageSummary;
  tables: PlanTable[];
  participation: PlanParticipation;
  documents: PlanDocument[];
  revisionCalendar: PlanRevision[];
  onboarding: PlanOnboarding[];
  /** This year's newcomers in the area (or district) and their onboarding meeting dates. */
  newcomers: PlanNewcomer[];
  routines: PlanRoutine[];
  glossary: { term: string; kind: string; expansion?: string; description?: string }[];
  /**
   * «Merknader»: the inconsistencies noted on what the plan includes: its structures, documents,
   * revision rules, onboarding plans and routines, the organisation (district, units, areas,
   * schools, institutions), roles, glossary, and the model as a whole.
   */
  notes: PlanNote[];
}

const TABLES: { level: Level; focus?: Focus; key: TextKey }[] = [
  { level: 'strategisk', key: 'tableStrategisk' },
  { level: 'organisatorisk', key: 'tableOrganisatorisk' },
  { level: 'operativt', focus: 'samhandling', key: 'tableSamhandling' },
  { level: 'operativt', focus: 'elevene', key: 'tableElevene' },
  { level: 'operativt', focus: 'elever-og-foresatte', key: 'tableEleverOgForesatte' },
  { level: 'operativt', key: 'tableOperativt' },
];

/** Builds the implementation plan of an area, or of the whole district with `area: 'all'`. */
export function buildPlan(model: Model, options: BuildOptions): ImplementationPlan {
  return planFor(select(model, options));
}

/** The plan from a selection (shared with `buildAll`). */
export function planFor(sel: Selection): ImplementationPlan {
  const { model, year, lang } = sel;
  const revisions = includedRevisions(sel, revisionsForYear(model, year, { lang }));
  const docs = documents(sel, revisions);
  return {
    title: titleFor(sel, 'plan'),
    area: sel.area,
    district: model.organisation.district.name,
    kommune: year.kommune.name,
    schoolYear: year.name,
    asOf: sel.asOf,
    schools: schoolRefs(sel.schools),
    stageSummary: stageSummary(sel),
    tables: tables(sel),
    participation: participation(sel),
    documents: docs,
    revisionCalendar: revisions.map((r) => ({
      id: r.rule.id,
      title: r.title,
      subject: r.subject.name,
      cadenceText: r.rule.cadence.text,
      ...(r.forum ? { forum: r.forum.text } : {}),
      dueDates: r.dueDates.map((d) => ({
        date: d.date,
        placement: d.placement,
        ...(d.draftBy !== undefined ? { draftBy: d.draftBy } : {}),
      })),
      unscheduled: r.unscheduled,
      draftedBy: sel.names(r.rule.draftedBy),
      decidedBy: sel.names(r.rule.decidedBy),
    })),
    onboarding: onboarding(sel),
    newcomers: planNewcomers(sel),
    routines: model.routines.map((r) => ({
      id: r.id,
      name: r.name,
      trigger: r.trigger.text ?? r.trigger.event,
      steps: r.steps.map((s) => ({
        action: s.action,
        responsible: sel.names(s.responsible),
        ...(s.timing?.text ? { timing: s.timing.text } : {}),
      })),
    })),
    glossary: model.glossary.map((g) => ({
      term: g.term,
      kind: g.kind,
      ...(g.expansion ? { expansion: g.expansion } : {}),
      ...(g.description ? { description: g.description } : {}),
    })),
    notes: planNotes(sel, new Set(docs.map((d) => d.id)), revisions),
  };
}

/**
 * «Merknader»: where the sources disagree, on what the plan includes — its structures, then its
 * documents, revision rules, onboarding plans and routines; the organisation (the district and
 * the organisation as a whole, units, the area or areas, the schools, institutions), the roles and
 * collectives, the glossary; and last the model as a whole.
 */
function planNotes(
  sel: Selection,
  documentIds: ReadonlySet<string>,
  revisions: ReturnType<typeof includedRevisions>,
): PlanNote[] {
  const out: PlanNote[] = [];
  const add = (about: Pick<PlanNote, 'kind' | 'id' | 'label'>, notes: readonly Note[]) => {
    for (const n of notes) {
      if (n.kind !== 'inconsistency') continue;
      out.push({
        ...about,
        ...(about.kind === 'structure' ? { structure: about.id } : {}),
        text: n.text,
        ...('alternative' in n && n.alternative ? { alternative: n.alternative } : {}),
        ...('source' in n && n.source ? { source: n.source } : {}),
      });
    }
  };
  for (const { structure } of sel.structures) {
    add({ kind: 'structure', id: structure.id, label: structure.id }, structure.notes);
  }
  for (const doc of sel.model.documents) {
    if (documentIds.has(doc.id)) add({ kind: 'document', id: doc.id, label: doc.title }, doc.notes);
  }
  for (const r of revisions) add({ kind: 'revision', id: r.rule.id, label: r.title }, r.rule.notes);
  for (const p of sel.model.onboarding) {
    add({ kind: 'onboarding', id: p.id, label: p.title }, p.notes);
  }
  for (const r of sel.model.routines) add({ kind: 'routine', id: r.id, label: r.name }, r.notes);
  const org = sel.model.organisation;
  const district = { kind: 'organisation', id: org.district.id, label: org.district.name } as const;
  add(district, org.district.notes);
  add(district, org.notes);
  // For one area: the units organised by it (or by none), the area, its schools and institutions.
  const area = sel.area?.id;
  const here = (areas: readonly string[]) => !area || areas.length === 0 || areas.includes(area);
  for (const u of org.units) {
    if (here(u.areas)) add({ kind: 'organisation', id: u.id, label: u.name }, u.notes);
  }
  for (const a of org.areas) {
    if (here([a.id])) add({ kind: 'organisation', id: a.id, label: a.name }, a.notes);
  }
  for (const s of sel.schools) add({ kind: 'organisation', id: s.id, label: s.name }, s.notes);
  for (const i of org.institutions) {
    if (here(i.area ? [i.area] : [])) {
      add({ kind: 'organisation', id: i.id, label: i.name }, i.notes);
    }
  }
  for (const r of sel.model.roles) add({ kind: 'role', id: r.id, label: r.title }, r.notes);
  for (const c of sel.model.collectives) add({ kind: 'role', id: c.id, label: c.name }, c.notes);
  for (const g of sel.model.glossary) add({ kind: 'glossary', id: g.term, label: g.term }, g.notes);
  add({ kind: 'model', id: sel.model.id, label: sel.model.name }, sel.model.notes);
  return out;
}

const isBarne = (s: School) => s.stage === 'barneskole' || s.stage === 'kombinert';
const isUngdom = (s: School) => s.stage === 'ungdomsskole' || s.stage === 'kombinert';

/**
 * How many barneskoler and ungdomsskoler take part (a combined school counts as both); when a
 * stage has none although a school of that stage was once a member of the area (Bjøråsen left
 * Romsås in May 2021), a note says so.
 */
function stageSummary(sel: Selection): StageSummary {
  const out: StageSummary = {
    barneskoler: sel.schools.filter(isBarne).length,
    ungdomsskoler: sel.schools.filter(isUngdom).length,
  };
  const area = sel.area;
  const active = new Set(sel.schools.map((s) => s.id));
  const left = (stage: (s: School) => boolean) =>
    sel.model.organisation.schools
      .filter((s) => stage(s) && !active.has(s.id))
      .map((s) => ({
        school: s,
        ended: s.memberships
          .filter(
            (m) => (area === null || m.area === area.id) && m.to !== undefined && m.to < sel.asOf,
          )
          .map((m) => m.to!)
          .sort()
          .pop(),
      }))
      .filter((x): x is { school: School; ended: IsoDate } => x.ended !== undefined);
  const notes: string[] = [];
  const where = area?.name ?? sel.model.organisation.district.name;
  for (const [count, stage, key] of [
    [out.ungdomsskoler, isUngdom, 'noUngdomsskole'],
    [out.barneskoler, isBarne, 'noBarneskole'],
  ] as const) {
    if (count > 0) continue;
    const gone = left(stage);
    if (gone.length === 0) continue;
    const last = gone
      .map((g) => g.ended)
      .sort()
      .pop()!;
    notes.push(
      text(sel.lang, key, {
        area: where,
        schools: gone.map((g) => g.school.name).join(', '),
        when: inMonth(sel.lang, last),
      }),
    );
  }
  if (notes.length > 0) out.note = notes.join(' ');
  return out;
}

function skolerText(sel: Selection, inc: IncludedStructure): string {
  const lang = sel.lang;
  if (inc.schools.length === 0) return text(lang, 'districtLevel');
  const all =
    inc.schools.length === sel.schools.length
      ? text(lang, sel.area ? 'allSchoolsInArea' : 'allSchools')
      : sel.names(inc.schools);
  return inc.district && sel.area === null
    ? `${all}; ${text(lang, 'districtLevel').toLowerCase()}`
    : all;
}

function tables(sel: Selection): PlanTable[] {
  const out: PlanTable[] = [];
  const groups = new Map<string, PlanRow[]>();
  const keyOf = (level: Level, focus?: Focus) =>
    `${level}/${level === 'operativt' ? (focus ?? '') : ''}`;
  for (const inc of sel.structures) {
    const s = inc.structure;
    const key = keyOf(s.level, s.focus);
    let rows = groups.get(key);
    if (!rows) groups.set(key, (rows = []));
    rows.push({
      id: s.id,
      formellStruktur: s.name,
      beskrivelse: s.description ?? '',
      oppfolging: s.cadence.text,
      ansvar: responsibleText(sel, s),
      skoler: skolerText(sel, inc),
    });
  }
  for (const t of TABLES) {
    const rows = groups.get(keyOf(t.level, t.focus));
    if (!rows || rows.length === 0) continue;
    out.push({
      level: t.level,
      ...(t.focus ? { focus: t.focus } : {}),
      title: text(sel.lang, t.key),
      rows,
    });
  }
  return out;
}

function participation(sel: Selection): PlanParticipation {
  const matrix = participationMatrix(sel.model, { asOf: sel.asOf });
  if (sel.area === null) return matrix;
  const ids = new Set(sel.schools.map((s) => s.id));
  const schools = matrix.schools.filter((s) => ids.has(s.id));
  const rows = matrix.rows
    .filter((r) => sel.structureIds.has(r.structure.id))
    .map((r) => ({
      ...r,
      cells: Object.fromEntries(schools.map((s) => [s.id, r.cells[s.id] ?? 'no'])),
    }));
  const counts = Object.fromEntries(schools.map((s) => [s.id, matrix.counts[s.id] ?? 0]));
  return { schools, district: matrix.district, rows, counts };
}

function documents(
  sel: Selection,
  revisions: ReturnType<typeof includedRevisions>,
): PlanDocument[] {
  const out: PlanDocument[] = [];
  for (const doc of sel.model.documents) {
    const included =
      doc.structures.length === 0 || doc.structures.some((id) => sel.structureIds.has(id));
    if (!included) continue;
    const own = revisions.filter((r) =>
      r.rule.subject.kind === 'document'
        ? r.rule.subject.document === doc.id
        : r.rule.subject.kind === 'structure' && doc.structures.includes(r.rule.subject.structure),
    );
    const dates = [...new Set(own.flatMap((r) => r.dueDates.map((d) => d.date)))].sort();
    const texts = [...new Set(own.map((r) => r.rule.cadence.text))];
    out.push({
      id: doc.id,
      title: doc.title,
      owner: sel.names(doc.owner),
      ...(doc.ownerText ? { ownerText: doc.ownerText } : {}),
      revisionDates: dates,
      revisionText: texts.length > 0 ? texts.join('; ') : text(sel.lang, 'notRevised'),
    });
  }
  return out;
}

function onboarding(sel: Selection): PlanOnboarding[] {
  const docTitle = new Map(sel.model.documents.map((d) => [d.id, d.title]));
  return sel.model.onboarding.map((p) => ({
    id: p.id,
    title: p.title,
    trigger: p.trigger.text ?? sel.names(p.trigger.roles),
    maintainedBy: sel.names(p.maintainedBy),
    convenedBy: sel.names(p.convenedBy),
    meetings: p.meetings.map((m) => ({
      title: m.title,
      participants: m.participantsText ?? sel.names(m.participants),
      agenda: m.agenda.map((row) => ({
        content: row.content,
        ...(row.purpose ? { purpose: row.purpose } : {}),
        documents: row.documents.map((d) => docTitle.get(d) ?? d),
        responsible: row.responsibleText ?? sel.names(row.responsible),
      })),
    })),
  }));
}

function planNewcomers(sel: Selection): PlanNewcomer[] {
  const out = new Map<string, PlanNewcomer>();
  const plans = new Map(sel.model.onboarding.map((p) => [p.id, p.title]));
  for (const m of newcomerMeetings(sel)) {
    let n = out.get(m.newcomerId);
    if (!n) {
      n = {
        id: m.newcomerId,
        plan: plans.get(m.planId) ?? m.planId,
        role: m.role,
        where: m.where,
        startsOn: m.startsOn,
        meetings: [],
      };
      out.set(m.newcomerId, n);
    }
    n.meetings.push({ title: m.title, date: m.date, suggested: m.suggested });
  }
  return [...out.values()];
}
