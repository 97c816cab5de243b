/**
 * Newcomers in the årshjul and the plan: a new rektor (or NSK, BVK) whose school or area is in
 * the selection gets the onboarding plan's meetings on dates of the school year.
 *
 * The source gives no deadline for the meetings (neither onboarding plan says when they are held
 * relative to the start; see the domain notes §6 and the list of contradictions). Unless the
 * district has chosen dates (`meetingDates`), the dates are our suggestion and are marked as such:
 * meeting 1 on the first school day on or after the start, each next meeting two weeks later,
 * moved to the next school day (`newcomerMeetingDates` in @arshjul/model).
 */
import {
  calendarRegistryFor,
  membershipAt,
  newcomerMeetingDates,
  planOfNewcomer,
  type Level,
  type Model,
  type Newcomer,
  type OnboardingMeeting,
  type OnboardingPlan,
  type SchoolDaySource,
} from '@arshjul/model';
import {
  schoolYearNameOf,
  type IsoDate,
  type KommuneCalendar,
  type SchoolYear,
} from '@arshjul/school-calendar';
import type { Selection } from './common.js';
import { text } from './messages.js';

export interface NewcomerAgendaRow {
  content: string;
  purpose?: string;
  documents: string[];
  responsible: string;
}

/** One onboarding meeting of one newcomer, dated. */
export interface NewcomerMeeting {
  newcomerId: string;
  planId: string;
  /** 0-based index of the meeting in the plan. */
  index: number;
  date: IsoDate;
  /** Our suggestion (no date chosen in the model). */
  suggested: boolean;
  /** «Oppstart ny rektor, Rødtvet barneskole: Møte 1 (15–30 min)». */
  title: string;
  /** The level of the plan's structure (T2.1, T2.2), strategic when it has none. */
  level: Level;
  structureId?: string;
  /** The newcomer's school, when the plan is per school. */
  school?: string;
  /** The school, area or district the newcomer starts in, by name. */
  where: string;
  /** The newcomer's role, by name («rektor», «NSK»). */
  role: string;
  startsOn: IsoDate;
  /** Role ids of the participants (for a role's calendar). */
  participantIds: string[];
  participants: string;
  convenedBy: string;
  agenda: NewcomerAgendaRow[];
}

/** «Møte 1 – varighet 15-30 min» → «Møte 1». */
function shortMeetingTitle(meeting: OnboardingMeeting): string {
  return meeting.title.split(/\s+[–-]\s+/)[0]!.trim() || meeting.title;
}

function durationText(meeting: OnboardingMeeting): string {
  const d = meeting.duration;
  if (!d) return '';
  return d.min === d.max ? ` (${d.min} min)` : ` (${d.min}–${d.max} min)`;
}

/** The school days of the selected year, and of the years around it from the model's calendar. */
function schoolDays(model: Model, year: SchoolYear): SchoolDaySource {
  let kommune: KommuneCalendar | null | undefined;
  return (date) => {
    if (year.contains(date)) return year;
    if (kommune === undefined) {
      try {
        kommune = calendarRegistryFor(model).kommune(year.kommune.id);
      } catch {
        kommune = null;
      }
    }
    const yearName = schoolYearNameOf(date);
    if (!kommune || !kommune.hasYear(yearName)) return undefined;
    try {
      return kommune.year(yearName);
    } catch {
      return undefined;
    }
  };
}

/** Whether a newcomer belongs to the selection: its school or area is in the area (or the district). */
function inSelection(sel: Selection, n: Newcomer): boolean {
  if (sel.area === null) return true;
  if (n.area !== undefined) return n.area === sel.area.id;
  if (n.school === undefined) return false;
  const school = sel.model.organisation.schools.find((s) => s.id === n.school);
  if (!school) return false;
  const area = (membershipAt(school, n.startsOn) ?? membershipAt(school, sel.asOf))?.area;
  return area === sel.area.id || sel.schools.some((s) => s.id === n.school);
}

/** The onboarding meetings of the selection's newcomers that fall in the school year, by date. */
export function newcomerMeetings(sel: Selection): NewcomerMeeting[] {
  const { model, year, lang } = sel;
  if (model.newcomers.length === 0) return [];
  const days = schoolDays(model, year);
  const docTitle = new Map(model.documents.map((d) => [d.id, d.title]));
  const out: NewcomerMeeting[] = [];
  for (const n of model.newcomers) {
    const plan: OnboardingPlan | undefined = planOfNewcomer(model, n);
    if (!plan || !inSelection(sel, n)) continue;
    const structure = plan.structure
      ? model.structures.find((s) => s.id === plan.structure)
      : undefined;
    const role = model.roles.find((r) => r.id === n.role);
    const roleName = role?.abbreviation ?? lowerFirst(role?.title ?? n.role);
    const where =
      (n.school !== undefined ? sel.schoolName(n.school) : undefined) ??
      (n.area !== undefined
        ? (model.organisation.areas.find((a) => a.id === n.area)?.name ?? n.area)
        : model.organisation.district.name);
    const convenedBy = sel.names(plan.convenedBy);
    for (const d of newcomerMeetingDates(n, plan, days)) {
      if (!year.contains(d.date)) continue;
      const m = d.meeting;
      out.push({
        newcomerId: n.id,
        planId: plan.id,
        index: d.index,
        date: d.date,
        suggested: d.suggested,
        title: text(lang, 'newcomerTitle', {
          role: roleName,
          where,
          meeting: shortMeetingTitle(m),
          duration: durationText(m),
        }),
        level: structure?.level ?? 'strategisk',
        ...(structure ? { structureId: structure.id } : {}),
        ...(n.school !== undefined ? { school: n.school } : {}),
        where,
        role: roleName,
        startsOn: n.startsOn,
        participantIds: m.participants,
        participants: m.participantsText ?? sel.names(m.participants),
        convenedBy,
        agenda: m.agenda.map((row) => ({
          content: row.content,
          ...(row.purpose ? { purpose: row.purpose } : {}),
          documents: row.documents.map((id) => docTitle.get(id) ?? id),
          responsible: row.responsibleText ?? sel.names(row.responsible),
        })),
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The meeting in lines of text: who, who convenes, the agenda (for a calendar's description). */
export function newcomerDetails(meeting: NewcomerMeeting, sel: Pick<Selection, 'lang'>): string[] {
  const { lang } = sel;
  const lines = [
    text(lang, 'newcomerStarts', {
      role: meeting.role,
      where: meeting.where,
      date: meeting.startsOn,
    }),
    ...(meeting.participants
      ? [text(lang, 'newcomerParticipants', { names: meeting.participants })]
      : []),
    ...(meeting.convenedBy
      ? [text(lang, 'newcomerConvenedBy', { names: meeting.convenedBy })]
      : []),
    ...(meeting.suggested ? [text(lang, 'newcomerSuggested')] : []),
    text(lang, 'newcomerAgenda'),
  ];
  meeting.agenda.forEach((row, i) => {
    const parts = [`${i + 1}. ${row.content}`];
    if (row.purpose) parts.push(text(lang, 'newcomerPurpose', { text: row.purpose }));
    if (row.documents.length > 0)
      parts.push(text(lang, 'newcomerDocuments', { text: row.documents.join('; ') }));
    if (row.responsible) parts.push(text(lang, 'newcomerResponsible', { text: row.responsible }));
    lines.push(parts.join(' — '));
  });
  return lines;
}

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}
