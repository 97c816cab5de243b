/**
 * Edits of an entity's notes (`notes` in the model: plain text, or `{kind, text, alternative?,
 * source?}`): where the source documents disagree (an inconsistency, with the reading not
 * chosen), what the model reads into them (an interpretation), or a plain note.
 */
import { getAt, insertAt, setAt, type Edit, type Json, type JsonPath } from './edits.js';

export const NOTE_KINDS = ['note', 'interpretation', 'inconsistency'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A note as the editor shows it: a note written as plain text reads as `{kind: 'note', text}`. */
export interface NoteView {
  kind: NoteKind;
  text: string;
  alternative?: string;
  source?: string;
  /** Written as plain text in the file. */
  plain: boolean;
}

export function noteView(raw: Json | undefined): NoteView {
  if (typeof raw === 'string') return { kind: 'note', text: raw, plain: true };
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const kind = NOTE_KINDS.find((k) => k === o.kind) ?? 'note';
  const str = (v: Json | undefined) => (typeof v === 'string' ? v : undefined);
  const alternative = str(o.alternative);
  const source = str(o.source);
  return {
    kind,
    text: str(o.text) ?? '',
    ...(alternative !== undefined ? { alternative } : {}),
    ...(source !== undefined ? { source } : {}),
    plain: false,
  };
}

/** A new note at the end of the list at `path` (created when missing). */
export function addNote(path: JsonPath, text: string, kind: NoteKind = 'note'): Edit {
  return insertAt(path, { kind, text });
}

/**
 * Sets the kind of note `index` in the list at `path`; a note written as plain text becomes
 * `{kind, text}` with the same text.
 */
export function setNoteKind(path: JsonPath, index: number, kind: NoteKind): Edit {
  return (doc) => {
    const raw = getAt(doc, [...path, index]);
    if (typeof raw === 'string') return setAt([...path, index], { kind, text: raw })(doc);
    return setAt([...path, index, 'kind'], kind)(doc);
  };
}
