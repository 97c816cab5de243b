/**
 * The revision year on the «Revisjon» tab, as pure functions of the model: what is due this
 * school year, by whom and where, with a status as of a day (from `revisionsForYear` and
 * `revisionStatus`); filters and counts; recording a revision (`recordRevision`) as one edit of
 * the file; and «Start neste skoleår» (`nextYearModel`) as a new document and its change log.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  nextYearModel,
  revisionsForYear,
  type ChangeLogEntry,
  type Model,
  type PartyLabel,
} from '@arshjul/model';
import {
  recordRevision,
  type DueDate,
  type RevisionRecord,
  type RevisionState,
} from '@arshjul/revision';
import {
  isArshjulError,
  parseIsoDate,
  type IsoDate,
  type Lang,
  type SchoolYear,
} from '@arshjul/school-calendar';
import type { Outline } from '@arshjul/export/pure';
import { insertAt, serialize, type Edit, type Json, type JsonObject } from './edits.js';

export const STATES: readonly RevisionState[] = ['overdue', 'due', 'not-yet-due', 'done'];

/** One due date of one revision rule: a row of the dashboard. */
export interface DashboardRow {
  /** `rule#n`: unique in the year. */
  key: string;
  rule: string;
  title: string;
  subject: string;
  /** The forum or anchor in the source's words. */
  forum?: string;
  draftedBy: PartyLabel[];
  decidedBy: PartyLabel[];
  publishedBy: PartyLabel[];
  due: DueDate;
  /** The date is only suggested by the rhythm (shown with its window). */
  suggested: boolean;
  state: RevisionState;
  /** The record that made it done. */
  record?: RevisionRecord;
  continuous: boolean;
}

/** A rule without a due date this year, and why. */
export interface UnscheduledRow {
  rule: string;
  title: string;
  reason: string;
}

export interface Dashboard {
  rows: DashboardRow[];
  unscheduled: UnscheduledRow[];
}

/** Every due date of the year with its status as of `asOf`, sorted by due date (then rule order). */
export function dashboard(model: Model, year: SchoolYear, asOf: IsoDate, lang: Lang): Dashboard {
  const rows: DashboardRow[] = [];
  const unscheduled: UnscheduledRow[] = [];
  const revisions = revisionsForYear(model, year, { asOf, lang });
  for (const r of revisions) {
    const statuses = r.status ?? [];
    if (statuses.length === 0) {
      unscheduled.push({ rule: r.rule.id, title: r.title, reason: r.unscheduled ?? '' });
      continue;
    }
    statuses.forEach((st, n) => {
      rows.push({
        key: `${r.rule.id}#${n}`,
        rule: r.rule.id,
        title: r.title,
        subject: r.subject.name,
        ...(r.forum ? { forum: r.forum.text } : {}),
        draftedBy: r.draftedBy,
        decidedBy: r.decidedBy,
        publishedBy: r.publishedBy,
        due: st.due,
        suggested: st.due.placement === 'suggested',
        state: st.state,
        ...(st.record ? { record: st.record } : {}),
        continuous: r.continuous,
      });
    });
  }
  const order = new Map(revisions.map((r, i) => [r.rule.id, i]));
  rows.sort(
    (a, b) =>
      (a.due.date < b.due.date ? -1 : a.due.date > b.due.date ? 1 : 0) ||
      order.get(a.rule)! - order.get(b.rule)!,
  );
  return { rows, unscheduled };
}

/** How many rows have each status. */
export function stateCounts(rows: readonly DashboardRow[]): Record<RevisionState, number> {
  const counts: Record<RevisionState, number> = { 'not-yet-due': 0, due: 0, overdue: 0, done: 0 };
  for (const r of rows) counts[r.state]++;
  return counts;
}

export interface DashboardFilter {
  state: RevisionState | 'all';
  /** A party id that drafts, decides or publishes; 'all' for everyone. */
  party: string | 'all';
}

export const NO_FILTER: DashboardFilter = { state: 'all', party: 'all' };

const responsible = (r: DashboardRow): PartyLabel[] => [
  ...r.draftedBy,
  ...r.decidedBy,
  ...r.publishedBy,
];

export function filterRows(rows: readonly DashboardRow[], f: DashboardFilter): DashboardRow[] {
  return rows.filter(
    (r) =>
      (f.state === 'all' || r.state === f.state) &&
      (f.party === 'all' || responsible(r).some((p) => p.id === f.party)),
  );
}

/** The parties that are responsible for some row, by name, for the filter. */
export function partyChoicesOf(rows: readonly DashboardRow[]): PartyLabel[] {
  const seen = new Map<string, PartyLabel>();
  for (const r of rows) for (const p of responsible(r)) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

// ---------------------------------------------------------------------------------------------
// Recording a revision

export interface RecordForm {
  rule: string;
  /** As typed: `2026-04-20` or `20.04.2026`. */
  date: string;
  version: string;
  summary: string;
  /** Who decided (party ids). */
  by: string[];
}

export type RecordField = 'date' | 'version' | 'summary' | 'by';

/** What is wrong with a field, as a message key of the words file (and the package's words). */
export interface RecordProblem {
  field: RecordField;
  key: 'revy.err.dateMissing' | 'revy.err.date' | 'revy.err.summary' | 'revy.err.duplicate';
  /** The package's own explanation, when there is one (Norwegian). */
  detail?: string;
}

export type RecordResult =
  { ok: true; edit: Edit; record: RevisionRecord } | { ok: false; problems: RecordProblem[] };

/** `20.04.2026` or `20.4.2026` → `2026-04-20`; anything else as typed (trimmed). */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t;
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a revision record and makes the edit that adds it to `revisionRecords`, at the place
 * `recordRevision` sorts it (date, then rule). Problems are given per field: no date, a date
 * that does not exist, an empty summary, or the same rule already recorded on that day.
 */
export function recordEdit(model: Model, doc: Json, form: RecordForm): RecordResult {
  const problems: RecordProblem[] = [];
  const date = normalizeDate(form.date);
  if (date === '') problems.push({ field: 'date', key: 'revy.err.dateMissing' });
  else {
    try {
      parseIsoDate(date, 'dato');
    } catch (e) {
      problems.push({
        field: 'date',
        key: 'revy.err.date',
        ...(isArshjulError(e) ? { detail: e.message } : {}),
      });
    }
  }
  const summary = form.summary.trim();
  if (summary === '') problems.push({ field: 'summary', key: 'revy.err.summary' });
  if (
    problems.length === 0 &&
    model.revisionRecords.some((r) => r.rule === form.rule && r.date === date)
  ) {
    problems.push({ field: 'date', key: 'revy.err.duplicate' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const version = form.version.trim();
  const input = {
    rule: form.rule,
    date,
    ...(version ? { version } : {}),
    summary,
    ...(form.by.length ? { by: form.by } : {}),
  };
  let records: RevisionRecord[];
  try {
    records = recordRevision(model.revisionRecords, input);
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          field: 'summary',
          key: 'revy.err.summary',
          ...(e instanceof Error ? { detail: e.message } : {}),
        },
      ],
    };
  }
  const record = records.find((r) => r.rule === form.rule && r.date === date)!;
  const index = records.indexOf(record);
  const raw = isObject(doc) && Array.isArray(doc.revisionRecords) ? doc.revisionRecords : [];
  const edit = insertAt(['revisionRecords'], input as JsonObject, Math.min(index, raw.length));
  return { ok: true, edit, record };
}

// ---------------------------------------------------------------------------------------------
// «Start neste skoleår»

export interface NextYearDocument {
  /** The new file's text. */
  text: string;
  /** `grorudmodellen-2026-27.json`. */
  name: string;
  schoolYear: string;
  /** The new change-log entry (what changed, what was dropped). */
  entry: ChangeLogEntry;
  notices: string[];
}

/** `grorudmodellen.json` or `grorudmodellen-2025-26.json` + `2026-27` → `grorudmodellen-2026-27.json`. */
export function nextFileName(name: string, schoolYear: string): string {
  const base = name.replace(/\.json$/i, '').replace(/[-_ ]?\d{4}-\d{2}$/, '') || 'modell';
  return `${base}-${schoolYear}.json`;
}

/**
 * Next school year's model as a new file (`nextYearModel`). The file keeps what the user wrote:
 * only the parts the new year changes (the school year, the change log, and the lists that lost
 * discontinued structures) are taken from the new model.
 */
export function nextYearDocument(
  model: Model,
  doc: Json,
  opts: { date: IsoDate; lang: Lang; name: string },
): NextYearDocument {
  const result = nextYearModel(model, { date: opts.date, lang: opts.lang });
  const next = result.model as unknown as JsonObject;
  const before = model as unknown as JsonObject;
  const out: JsonObject = isObject(doc) ? { ...doc } : {};
  for (const key of Object.keys(next)) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) out[key] = next[key]!;
  }
  const schoolYear = result.model.schoolYear!;
  return {
    text: serialize(out),
    name: nextFileName(opts.name, schoolYear),
    schoolYear,
    entry: result.model.changeLog.at(-1)!,
    notices: result.notices,
  };
}

// ---------------------------------------------------------------------------------------------
// The change log as a document for the spring SaLTo meeting

/** The change-log page in words: what the app shows, prints and writes as Word. */
export interface ChangeLogDocument {
  lang: Lang;
  title: string;
  lead: string;
  meta: { label: string; value: string }[];
  changesHeading: string;
  /** The changes, or one line saying there were none. */
  changes: string[];
}

/** The file name of the change log: `endringslogg-grorudmodellen-2026-27.docx`. */
export function changeLogFileName(modelId: string, schoolYear: string | undefined): string {
  return `endringslogg-${modelId}${schoolYear ? `-${schoolYear}` : ''}.docx`;
}

/** The change log as the export package's document outline: the title, the facts, the changes. */
export function changeLogOutline(page: ChangeLogDocument): Outline {
  return {
    lang: page.lang,
    title: page.title,
    meta: page.meta,
    blocks: [
      { kind: 'paragraph', text: page.lead, style: 'lead' },
      { kind: 'heading', level: 2, text: page.changesHeading, id: 'changes' },
      { kind: 'list', items: page.changes },
    ],
  };
}

/**
 * The change log as a Word document, written as the plan is (`renderDocx`: A4, real headings,
 * a bulleted list), in the browser too.
 */
export async function changeLogDocx(page: ChangeLogDocument): Promise<Uint8Array> {
  const { renderDocx } = await import('@arshjul/export/browser');
  // No wheel in the change log, so no picture to pass.
  return renderDocx(changeLogOutline(page), new Uint8Array());
}

// ---------------------------------------------------------------------------------------------
// What the «Revisjon» tab remembers while the user visits other tabs

export const useRevisionStore = defineStore('revision', () => {
  /** The day the statuses are given for; null for today (`models.asOf`). */
  const day = ref<IsoDate | null>(null);
  const filter = ref<DashboardFilter>({ ...NO_FILTER });
  /** The row whose «Registrer revisjon» form is open. */
  const recording = ref<string | null>(null);
  /** The change-log page is shown (after «Start neste skoleår», or asked for). */
  const changeLogOpen = ref(false);
  /** The last thing done, for the live region. */
  const message = ref('');
  return { day, filter, recording, changeLogOpen, message };
});
