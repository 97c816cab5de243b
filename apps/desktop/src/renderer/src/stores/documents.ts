/**
 * Pure helpers of the documents editor: the choices for party and structure pickers, which
 * revision rules belong to which document, new documents and rules, setting a rule's rhythm
 * phrase, and the due dates to show for a rule in a school year.
 */
import {
  allParties,
  type DOCUMENT_KINDS,
  type Model,
  type ModelRevision,
  type PartyKind,
} from '@arshjul/model';
import type { IsoDate } from '@arshjul/school-calendar';
import {
  freshId,
  getAt,
  insertAt,
  setAt,
  type Edit,
  type Json,
  type JsonObject,
  type JsonPath,
} from './edits.js';

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A choice of a picker; `group` names the optgroup it is shown in. */
export interface RefChoice {
  value: string;
  label: string;
  group?: string;
  /** A shorter label for a chosen item («NSK»), when there is one. */
  short?: string;
}

/** The rhythm a new revision rule starts with (the phrase of most rules in the Grorud plan). */
export const DEFAULT_REVISION_PHRASE = 'Revideres en gang i året';

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** The ids in a list of objects of the file (documents, revisions …), skipping bad entries. */
export function idsOf(list: Json | undefined): string[] {
  return asArray(list)
    .map((x) => (isObject(x) && typeof x.id === 'string' ? x.id : null))
    .filter((x): x is string => x !== null);
}

/**
 * Every party of the model as a picker choice: «NSK – Nærmiljøskolekoordinator» for a role or
 * unit with an abbreviation, else the name; grouped by kind (`groupName` gives the group title).
 */
export function partyChoices(
  model: Model,
  groupName: (kind: PartyKind) => string,
  kinds?: readonly PartyKind[],
): RefChoice[] {
  return allParties(model)
    .filter((p) => !kinds || kinds.includes(p.kind))
    .map((p) => ({
      value: p.id,
      label: p.abbreviation ? `${p.abbreviation} – ${p.name}` : p.name,
      group: groupName(p.kind),
      short: p.abbreviation ?? p.name,
    }));
}

/** The structures as choices: «T4.1 Nærmiljøteam på hver skole» (long names shortened). */
export function structureChoices(model: Model, max = 70): RefChoice[] {
  return model.structures.map((s) => {
    const label = `${s.id} ${s.name}`;
    return { value: s.id, label: label.length > max ? `${label.slice(0, max - 1)}…` : label };
  });
}

/** The label of `value` among `choices`, or the value itself (an id the model does not know). */
export function choiceLabel(choices: readonly RefChoice[], value: string): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}

/** The short label of a chosen `value` («NSK»), else its label. */
export function shortLabel(choices: readonly RefChoice[], value: string): string {
  const c = choices.find((x) => x.value === value);
  return c?.short ?? c?.label ?? value;
}

/** The rhythm phrase of a rule (or any cadence field) as written: a string or `{ text }`. */
export function cadencePhrase(cadence: Json | undefined): string {
  if (typeof cadence === 'string') return cadence;
  if (isObject(cadence) && typeof cadence.text === 'string') return cadence.text;
  return '';
}

/**
 * Sets the rhythm phrase of the cadence at `path`. A cadence written as `{ text, rule, … }`
 * keeps its other fields (the action) but loses the rule: the new phrase is read from the text.
 * The phrase is written as typed, understood or not (validation says why not, at the field).
 */
export function setCadencePhrase(path: JsonPath, text: string): Edit {
  return (doc) => {
    const old = getAt(doc, path);
    if (isObject(old)) {
      const { rule: _rule, ...rest } = old;
      return setAt(path, { ...rest, text }, { keepEmpty: true })(doc);
    }
    return setAt(path, text, { keepEmpty: true })(doc);
  };
}

/** A rule of the file with its place: `index` in `revisions[]`. */
export interface RuleRef {
  index: number;
  id: string;
  title: string;
  subject: { kind: string; id?: string };
  /** For a rule reached through a structure the document belongs to: that structure. */
  via?: string;
}

/** The rules of the file as written (valid or not), with their index. */
export function ruleRefs(doc: Json): RuleRef[] {
  const list = isObject(doc) ? asArray(doc.revisions) : [];
  const out: RuleRef[] = [];
  list.forEach((r, index) => {
    if (!isObject(r)) return;
    const subject = isObject(r.subject) ? r.subject : {};
    const kind = typeof subject.kind === 'string' ? subject.kind : '';
    const target =
      kind === 'document' ? subject.document : kind === 'structure' ? subject.structure : undefined;
    out.push({
      index,
      id: typeof r.id === 'string' ? r.id : `#${index}`,
      title: typeof r.title === 'string' ? r.title : '',
      subject: { kind, ...(typeof target === 'string' ? { id: target } : {}) },
    });
  });
  return out;
}

/**
 * The revision cycles of a document: the rules whose subject is the document, then the rules
 * of the structures the document belongs to (marked `via`), as the implementation plan reads
 * them (`@arshjul/plan` gives a document the due dates of both).
 */
export function rulesOfDocument(doc: Json, documentId: string, structures: readonly string[]) {
  const rules = ruleRefs(doc);
  const own = rules.filter((r) => r.subject.kind === 'document' && r.subject.id === documentId);
  const via = rules
    .filter((r) => r.subject.kind === 'structure' && structures.includes(r.subject.id ?? ''))
    .map((r) => ({ ...r, via: r.subject.id! }));
  return [...own, ...via];
}

/** The rules about the model as a whole or about a structure (the second table). */
export function modelAndStructureRules(doc: Json): RuleRef[] {
  return ruleRefs(doc).filter((r) => r.subject.kind === 'model' || r.subject.kind === 'structure');
}

/** The documents (ids) that belong to a structure, from the file as written. */
export function documentsOfStructure(doc: Json, structureId: string): string[] {
  const list = isObject(doc) ? asArray(doc.documents) : [];
  return list
    .filter(
      (d): d is JsonObject =>
        isObject(d) && asArray(d.structures).includes(structureId) && typeof d.id === 'string',
    )
    .map((d) => d.id as string);
}

/** The structures a document of the file belongs to (as written). */
export function structuresOfDocument(doc: Json, index: number): string[] {
  const list = isObject(doc) ? asArray(doc.documents) : [];
  const d = list[index];
  return isObject(d) ? asArray(d.structures).filter((s): s is string => typeof s === 'string') : [];
}

/**
 * The base of a new id from a title: accents other than æ, ø, å dropped («café» → «cafe»), at
 * most `max` characters cut at a word (`freshId` makes it an id and unique).
 */
export function idBase(title: string, max = 40): string {
  const plain = title
    .normalize('NFD')
    .replace(/([aA])\u030A/g, '$1\uE000')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aA])\uE000/g, '$1\u030A')
    .normalize('NFC')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** Adds a document with a fresh id at the end of `documents[]`; returns the edit and the id. */
export function addDocument(doc: Json, title: string): { edit: Edit; id: string } {
  const id = freshId(idBase(title), idsOf(isObject(doc) ? doc.documents : undefined));
  return { id, edit: insertAt(['documents'], { id, title, kind: 'other' }) };
}

/**
 * Adds a revision rule (yearly, as most in the plan) about `subject`; returns the edit and the
 * rule's id.
 */
export function addRevisionRule(
  doc: Json,
  subject:
    | { kind: 'document'; document: string }
    | { kind: 'structure'; structure: string }
    | {
        kind: 'model';
      },
  title: string,
  phrase = DEFAULT_REVISION_PHRASE,
): { edit: Edit; id: string } {
  const base =
    subject.kind === 'document'
      ? `revisjon-${subject.document}`
      : subject.kind === 'structure'
        ? `revisjon-${subject.structure}`
        : 'revisjon-modellen';
  const id = freshId(base, idsOf(isObject(doc) ? doc.revisions : undefined));
  return { id, edit: insertAt(['revisions'], { id, title, subject, cadence: phrase }) };
}

/** The due dates of a rule to show: all in the year, the next one from `asOf`, and whether any passed. */
export interface DueView {
  dates: {
    date: IsoDate;
    suggested: boolean;
    draftBy?: IsoDate;
    atForum: boolean;
    past: boolean;
  }[];
  next: IsoDate | null;
  unscheduled: string | null;
}

export function dueView(revision: ModelRevision | undefined, asOf: IsoDate): DueView | null {
  if (!revision) return null;
  const dates = revision.dueDates.map((d) => ({
    date: d.date,
    suggested: d.placement === 'suggested',
    ...(d.draftBy !== undefined ? { draftBy: d.draftBy } : {}),
    atForum: d.atForum,
    past: d.date < asOf,
  }));
  return {
    dates,
    next: dates.find((d) => !d.past)?.date ?? null,
    unscheduled: revision.unscheduled,
  };
}

/**
 * What a table says of the next revision of some rules (a document's): each rule's next due
 * date from `asOf` (or its first in the year, when all have passed) in date order, then the
 * reasons the rules without dates have none.
 */
export function nextDueOfRules(
  revisions: ReadonlyMap<string, ModelRevision>,
  ruleIds: readonly string[],
  asOf: IsoDate,
): { dates: IsoDate[]; reasons: string[] } {
  const dates: IsoDate[] = [];
  const reasons: string[] = [];
  for (const id of ruleIds) {
    const due = dueView(revisions.get(id), asOf);
    const first = due?.next ?? due?.dates[0]?.date;
    if (first) dates.push(first);
    else if (due?.unscheduled) reasons.push(due.unscheduled);
  }
  return { dates: [...new Set(dates)].sort(), reasons: [...new Set(reasons)] };
}

/** The done revisions of a rule, oldest first. */
export function recordsOfRule(model: Model, ruleId: string): Model['revisionRecords'] {
  return model.revisionRecords
    .filter((r) => r.rule === ruleId)
    .slice()
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
