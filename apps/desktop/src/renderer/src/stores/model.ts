/**
 * The open model: its file text and JSON, the validated model, the issues, undo and redo, the
 * dirty flag, autosave to the recovery copy, and open/save through the platform.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, type ComputedRef } from 'vue';
import {
  allParties,
  loadModelText,
  MODEL_SCHEMA_VERSION,
  structureSchema,
  type Issue,
  type Model,
  type ResolvedParty,
} from '@arshjul/model';
import type { ParseResult } from '@arshjul/recurrence';
import { isoDateOf, type IsoDate } from '@arshjul/school-calendar';
import { getApi } from '../platform/index.js';
import { lang as currentLang } from '../i18n/index.js';
import type { MessageKey } from '../i18n/index.js';
import {
  getAt,
  pathString,
  serialize,
  setAt,
  setCadence as setCadenceEdit,
  setStructureField,
  type Edit,
  type Json,
  type JsonPath,
} from './edits.js';
import { TEMPLATE_NAME, TEMPLATE_TEXT } from './template.js';
import { parseCadenceCached } from './cadence.js';
import { idleAfterNextFrame } from '../frames.js';

/** How long the text must stay unchanged before the recovery copy is written. */
export const AUTOSAVE_DELAY_MS = 3000;
/** Edits of the same field closer than this become one undo step (typing). */
export const COALESCE_MS = 1500;
export const MAX_UNDO = 200;
/** The longest the full check waits for an idle moment after a quick edit. */
export const IDLE_WAIT_MS = 250;

interface UndoEntry {
  text: string;
  /** The JSON of `text` (shared with the document it came from, for the quick path). */
  doc?: Json;
  /** What edit made the step, for coalescing typing into one step. */
  key?: string;
  at: number;
}

/** Milliseconds the last validation of the file took (read into `window.__arshjulPerf`). */
export let lastValidateMs = 0;
/** Whether the last change took the quick path (only the changed structures checked at once). */
export let lastQuick = false;

function isObj(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The model after an edit that changed only some structures, checked structure by structure
 * with the same schema the whole file is checked with: null when the quick path does not apply
 * (another part changed, a structure is not valid on its own, an older file format).
 */
export function quickModel(model: Model, before: Json, after: Json): Model | null {
  if (!isObj(before) || !isObj(after)) return null;
  if (after.schemaVersion !== MODEL_SCHEMA_VERSION) return null;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key !== 'structures' && before[key] !== after[key]) return null;
  }
  const a = before.structures;
  const b = after.structures;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return null;
  if (b.length !== model.structures.length) return null;
  let structures: Model['structures'] | null = null;
  for (let i = 0; i < b.length; i++) {
    if (a[i] === b[i]) continue;
    const parsed = structureSchema.safeParse(b[i]);
    if (!parsed.success) return null;
    // Ids are checked across the model (unique, referenced): a changed id takes the full check.
    if (parsed.data.id !== model.structures[i]!.id) return null;
    structures ??= model.structures.slice();
    structures[i] = parsed.data;
  }
  return structures ? { ...model, structures } : model;
}

/** The text of each element of the file's top-level lists (structures, roles, …), by identity. */
const elementText = new WeakMap<object, string>();
/** The text of each top-level value that is not a list (the organisation, …), by identity. */
const topLevelText = new WeakMap<object, string>();

/** `value` as JSON indented by two, its lines after the first by `indent` more; kept by identity. */
function keptJson(kept: WeakMap<object, string>, value: Json | undefined, indent: string): string {
  if (value === undefined) return 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  let text = kept.get(value);
  if (text === undefined) {
    text = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
    kept.set(value, text);
  }
  return text;
}

/**
 * The file's text for `doc`: the same as `serialize(doc)`, but an element of a top-level list
 * (a structure, a role) that an edit left as it was (the same object: edits never change their
 * input) keeps the text it had, so an edit of one structure does not write out all of them again.
 */
export function serializeDoc(doc: Json): string {
  if (!isObj(doc)) return serialize(doc);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    const body =
      Array.isArray(value) && value.length > 0
        ? `[\n${value.map((el) => `    ${keptJson(elementText, el, '    ')}`).join(',\n')}\n  ]`
        : keptJson(topLevelText, value, '  ');
    parts.push(`  ${JSON.stringify(key)}: ${body}`);
  }
  return parts.length === 0 ? serialize(doc) : `{\n${parts.join(',\n')}\n}\n`;
}

/** Whether two lists of issues say the same, in the same order. */
export function sameIssues(a: readonly Issue[], b: readonly Issue[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return (
      x.path === y.path &&
      x.code === y.code &&
      x.message === y.message &&
      x.severity === y.severity &&
      JSON.stringify(x.params ?? null) === JSON.stringify(y.params ?? null)
    );
  });
}

export type StatusKey = Extract<MessageKey, `status.${string}`>;

/** Today in the user's own time zone (the app may read the clock; the packages never do). */
export function today(): IsoDate {
  const d = new Date();
  return isoDateOf(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export const useModelStore = defineStore('model', () => {
  /** The file's text as it would be saved now. */
  const text = ref('');
  /** The file's JSON value (the source of edits). */
  const doc = shallowRef<Json>(null);
  /** The last valid model: an edit that breaks the file keeps showing this one. */
  const model = shallowRef<Model | null>(null);
  const errors = shallowRef<Issue[]>([]);
  const warnings = shallowRef<Issue[]>([]);
  const path = ref<string | null>(null);
  const name = ref(TEMPLATE_NAME);
  const savedText = ref('');
  const undoStack = shallowRef<UndoEntry[]>([]);
  const redoStack = shallowRef<UndoEntry[]>([]);
  const status = ref<StatusKey>('status.ready');
  const asOf = ref<IsoDate>(today());
  let autosaveTimer: ReturnType<typeof setTimeout> | null = null;

  const dirty = computed(() => text.value !== savedText.value);
  const canUndo = computed(() => undoStack.value.length > 0);
  const canRedo = computed(() => redoStack.value.length > 0);
  const valid = computed(() => errors.value.length === 0 && model.value !== null);
  // The parts of the model a structure edit leaves as they are (the quick path keeps their
  // objects): computed separately, so that what reads only them does not update on every
  // keystroke in a structure's fields.
  const organisation = computed(() => model.value?.organisation);
  const roles = computed(() => model.value?.roles);
  const collectives = computed(() => model.value?.collectives);
  /** Every party of the model (district, units, areas, schools, institutions, roles, groups). */
  const parties = computed<ResolvedParty[]>(() =>
    organisation.value && roles.value && collectives.value
      ? allParties({
          organisation: organisation.value,
          roles: roles.value,
          collectives: collectives.value,
        } as Model)
      : [],
  );

  /** Issues by path (`structures[3].cadence`), for showing them at their field. */
  const issuesByPath = computed(() => {
    const map = new Map<string, Issue[]>();
    for (const issue of [...errors.value, ...warnings.value]) {
      const list = map.get(issue.path) ?? [];
      list.push(issue);
      map.set(issue.path, list);
    }
    return map;
  });

  /**
   * The issues at `path` (a list of keys, or the formatted string); with `deep`, also those
   * inside it (`structures[3]` gets `structures[3].cadence`).
   */
  function issuesAt(path: JsonPath | string, deep = false): Issue[] {
    const key = typeof path === 'string' ? path : pathString(path);
    if (!deep) return issuesByPath.value.get(key) ?? [];
    const out: Issue[] = [];
    for (const [p, list] of issuesByPath.value) {
      if (p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) out.push(...list);
    }
    return out;
  }

  /**
   * The values at paths asked for, each a computed: what reads one is updated only when that
   * value changed (an edit shares what it left alone), not on every edit of the file.
   */
  const rawByPath = new Map<string, ComputedRef<Json | undefined>>();

  /** The value at `path` in the file as written (what the user typed, valid or not). */
  function raw(path: JsonPath): Json | undefined {
    const key = JSON.stringify(path);
    let value = rawByPath.get(key);
    if (!value) {
      if (rawByPath.size >= 5000) rawByPath.clear();
      const at = [...path];
      value = computed(() => (doc.value === null ? undefined : getAt(doc.value, at)));
      rawByPath.set(key, value);
    }
    return value.value;
  }

  /**
   * Sets the value at `path` as one undo step (typing into one field merges into one step). An
   * empty text or `undefined` leaves the key out of the file.
   */
  function setValue(
    path: JsonPath,
    value: Json | undefined,
    opts: { keepEmpty?: boolean } = {},
  ): boolean {
    return apply(setAt(path, value, opts), `set:${pathString(path)}`);
  }

  /**
   * The errors an edit would bring that the file does not have now (e.g. removing a school that
   * structures still name): asked before a removal, so the user can decide.
   */
  function consequences(edit: Edit): Issue[] {
    flushValidation();
    if (doc.value === null) return [];
    const next = edit(doc.value);
    if (next === doc.value) return [];
    const result = loadModelText(serialize(next), { asOf: asOf.value, lang: currentLang.value });
    const before = new Set(errors.value.map((e) => `${e.path}\u0000${e.message}`));
    return result.errors.filter((e) => !before.has(`${e.path}\u0000${e.message}`));
  }

  let cancelPending: (() => void) | null = null;
  /** The last model that passed the full check. */
  let lastValid: Model | null = null;

  /** Checks the whole file now: errors, warnings and (when valid) the model. */
  function validateNow(): void {
    cancelPending?.();
    cancelPending = null;
    const started = typeof performance !== 'undefined' ? performance.now() : 0;
    const result = loadModelText(text.value, {
      asOf: asOf.value,
      lang: currentLang.value,
      ...(name.value ? { source: name.value } : {}),
    });
    lastValidateMs = typeof performance !== 'undefined' ? performance.now() - started : 0;
    // The same issues as before (typing that fixes or breaks nothing) keep their lists, so that
    // what shows issues is not updated after every keystroke.
    if (!sameIssues(errors.value, result.errors)) errors.value = result.errors;
    if (!sameIssues(warnings.value, result.warnings)) warnings.value = result.warnings;
    const quick = quickModelText.has(text.value);
    quickModelText.clear();
    if (result.valid && result.model) {
      // A model from the quick path is the same as the full check's: keeping it spares a rebuild.
      if (!quick) model.value = result.model;
      lastValid = model.value;
    } else if (quick) {
      // The changed structure was fine on its own but not in the model (e.g. it names a role
      // that does not exist): back to the last model that passed the full check.
      model.value = lastValid;
    }
  }

  /** Texts whose model came from the quick path (the full check then keeps that model). */
  const quickModelText = new Set<string>();

  /** Whether a full check is waiting (after a quick edit). */
  const pendingValidation = ref(false);

  /** Runs the waiting full check at once (before reading issues that must be current). */
  function flushValidation(): void {
    if (cancelPending) {
      validateNow();
      pendingValidation.value = false;
    }
  }

  /**
   * Makes `next` the current text. When only structures changed and the file was valid, the
   * changed structures are checked at once and the model updated (so the wheel follows within the
   * frame), and the whole file is checked right after the frame; otherwise it is checked now.
   */
  function setText(next: string, nextDoc?: Json): void {
    const beforeDoc = doc.value;
    text.value = next;
    if (nextDoc !== undefined) doc.value = nextDoc;
    else {
      try {
        doc.value = JSON.parse(next.charCodeAt(0) === 0xfeff ? next.slice(1) : next) as Json;
      } catch {
        doc.value = null;
      }
    }
    const quick =
      nextDoc !== undefined && model.value && errors.value.length === 0
        ? quickModel(model.value, beforeDoc, nextDoc)
        : null;
    lastQuick = quick !== null;
    if (quick) {
      model.value = quick;
      quickModelText.add(next);
      pendingValidation.value = true;
      cancelPending?.();
      cancelPending = idleAfterNextFrame(IDLE_WAIT_MS, () => {
        cancelPending = null;
        validateNow();
        pendingValidation.value = false;
      });
    } else {
      validateNow();
      pendingValidation.value = false;
    }
    syncDirty();
  }

  function syncDirty(): void {
    const d = dirty.value;
    try {
      getApi().setDirty(d);
    } catch {
      // No platform (a test without one): nothing to tell.
    }
    if (d) scheduleAutosave();
    else cancelAutosave();
  }

  function scheduleAutosave(): void {
    cancelAutosave();
    autosaveTimer = setTimeout(() => {
      autosaveTimer = null;
      if (dirty.value) void getApi().writeRecovery(text.value, path.value);
    }, AUTOSAVE_DELAY_MS);
  }

  function cancelAutosave(): void {
    if (autosaveTimer !== null) clearTimeout(autosaveTimer);
    autosaveTimer = null;
  }

  /** Replaces the whole document (open, new, restore): clears undo and redo. */
  function load(
    fileText: string,
    file: { path: string | null; name: string },
    saved = true,
  ): boolean {
    name.value = file.name;
    path.value = file.path;
    model.value = null;
    lastValid = null;
    undoStack.value = [];
    redoStack.value = [];
    savedText.value = saved ? fileText : '';
    setText(fileText);
    return valid.value;
  }

  /**
   * Applies an edit as one undo step. Edits with the same `key` in quick succession (typing in
   * one field) are merged into one step.
   */
  function apply(edit: Edit, key?: string): boolean {
    if (doc.value === null) return false;
    const nextDoc = edit(doc.value);
    if (nextDoc === doc.value) return false;
    const next = serializeDoc(nextDoc);
    if (next === text.value) return false;
    const now = Date.now();
    const last = undoStack.value[undoStack.value.length - 1];
    const merge =
      key !== undefined &&
      last?.key === key &&
      now - last.at < COALESCE_MS &&
      redoStack.value.length === 0;
    if (merge) {
      undoStack.value = [...undoStack.value.slice(0, -1), { ...last, at: now }];
    } else {
      undoStack.value = [
        ...undoStack.value.slice(-(MAX_UNDO - 1)),
        { text: text.value, doc: doc.value, at: now, ...(key !== undefined ? { key } : {}) },
      ];
    }
    redoStack.value = [];
    setText(next, nextDoc);
    status.value = 'status.changed';
    return true;
  }

  function undo(): boolean {
    const entry = undoStack.value[undoStack.value.length - 1];
    if (!entry) return false;
    undoStack.value = undoStack.value.slice(0, -1);
    redoStack.value = [...redoStack.value, { text: text.value, doc: doc.value, at: Date.now() }];
    setText(entry.text, entry.doc);
    status.value = 'status.undone';
    return true;
  }

  function redo(): boolean {
    const entry = redoStack.value[redoStack.value.length - 1];
    if (!entry) return false;
    redoStack.value = redoStack.value.slice(0, -1);
    undoStack.value = [...undoStack.value, { text: text.value, doc: doc.value, at: Date.now() }];
    setText(entry.text, entry.doc);
    status.value = 'status.redone';
    return true;
  }

  /**
   * Sets a structure's cadence when the phrase is understood; otherwise leaves the model as it
   * is and returns why (the editor shows it).
   */
  function setCadence(id: string, phrase: string): ParseResult {
    const parsed = parseCadenceCached(phrase, currentLang.value);
    if (parsed.ok) apply(setCadenceEdit(id, phrase), `cadence:${id}`);
    return parsed;
  }

  function setField(id: string, field: 'name' | 'description', value: string): void {
    apply(setStructureField(id, field, value), `${field}:${id}`);
  }

  /** «Ny modell»: the Grorud model as a template, not yet saved anywhere. */
  function newFromTemplate(): void {
    load(TEMPLATE_TEXT, { path: null, name: TEMPLATE_NAME });
    status.value = 'status.new';
  }

  async function open(): Promise<boolean> {
    try {
      const file = await getApi().openFile();
      if (!file) return false;
      return openText(file.text, { path: file.path, name: file.name });
    } catch {
      status.value = 'status.openFailed';
      return false;
    }
  }

  /** Opens a recent file again (the browser asks with its file picker). */
  async function openRecent(recentPath: string): Promise<boolean> {
    try {
      const file = await getApi().openRecent(recentPath);
      if (!file) return false;
      return openText(file.text, { path: file.path, name: file.name });
    } catch {
      status.value = 'status.openFailed';
      return false;
    }
  }

  /** Opens a file's text (from the dialog, drag and drop, or a recent file). */
  function openText(fileText: string, file: { path: string | null; name: string }): boolean {
    const ok = load(fileText, file);
    status.value = ok ? 'status.opened' : 'status.invalid';
    return ok;
  }

  async function save(): Promise<boolean> {
    try {
      const saved = await getApi().saveFile(path.value, text.value, name.value);
      if (!saved) return false;
      path.value = saved.path;
      name.value = saved.name;
      savedText.value = text.value;
      syncDirty();
      await getApi().clearRecovery();
      status.value = 'status.saved';
      return true;
    } catch {
      status.value = 'status.saveFailed';
      return false;
    }
  }

  /** Restores the recovery copy; it stays unsaved (dirty) until the user saves. */
  function restore(recovery: { text: string; path: string | null }): void {
    load(
      recovery.text,
      {
        path: recovery.path,
        name: recovery.path?.split(/[\\/]/).pop() ?? TEMPLATE_NAME,
      },
      false,
    );
    status.value = 'status.restored';
  }

  /** Validates again, e.g. after the language changed (messages are in the user's language). */
  function revalidate(): void {
    if (text.value) setText(text.value, doc.value);
  }

  return {
    text,
    doc,
    model,
    errors,
    warnings,
    path,
    name,
    status,
    asOf,
    dirty,
    valid,
    organisation,
    parties,
    canUndo,
    canRedo,
    issuesByPath,
    issuesAt,
    raw,
    setValue,
    consequences,
    flushValidation,
    pendingValidation,
    undoStack,
    redoStack,
    load,
    apply,
    undo,
    redo,
    setCadence,
    setField,
    newFromTemplate,
    open,
    openRecent,
    openText,
    save,
    restore,
    revalidate,
    cancelAutosave,
  };
});
