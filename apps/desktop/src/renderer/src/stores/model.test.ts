import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { ArshjulApi } from '../../../shared/api.js';
import { setApi } from '../platform/index.js';
import { loadModelText } from '@arshjul/model';
import { computed } from 'vue';
import {
  AUTOSAVE_DELAY_MS,
  COALESCE_MS,
  lastQuick,
  sameIssues,
  serializeDoc,
  useModelStore,
} from './model.js';
import { useViewStore } from './view.js';
import {
  cadenceTextOf,
  insertAt,
  removeAt,
  serialize,
  setAt,
  setCadence,
  type Json,
} from './edits.js';
import { describeCadence } from './cadence.js';
import { TEMPLATE_TEXT } from './template.js';

function fakeApi(): ArshjulApi & { dirtyCalls: boolean[]; recovery: string[]; saved: string[] } {
  const api = {
    platform: 'web' as const,
    dirtyCalls: [] as boolean[],
    recovery: [] as string[],
    saved: [] as string[],
    openFile: vi.fn(async () => null),
    openRecent: vi.fn(async () => null),
    recentFiles: vi.fn(async () => []),
    saveFile: vi.fn(async (_path: string | null, text: string, name: string) => {
      api.saved.push(text);
      return { path: `/tmp/${name}`, name };
    }),
    exportFiles: vi.fn(async () => null),
    openFolder: vi.fn(async () => undefined),
    print: vi.fn(async () => undefined),
    readRecovery: vi.fn(async () => null),
    writeRecovery: vi.fn(async (text: string) => {
      api.recovery.push(text);
    }),
    clearRecovery: vi.fn(async () => undefined),
    setDirty: (dirty: boolean) => {
      api.dirtyCalls.push(dirty);
    },
    openExternal: vi.fn(async () => undefined),
    onSaveRequest: vi.fn(),
  };
  return api;
}

let api: ReturnType<typeof fakeApi>;

beforeEach(() => {
  setActivePinia(createPinia());
  api = fakeApi();
  setApi(api);
});

/** T4.1 meetings (one series per group of schools) in the årshjul. */
function t41Count(view: ReturnType<typeof useViewStore>): number {
  const a = view.arshjul;
  if (!a) throw new Error('no årshjul');
  return a.rings.flatMap((r) => r.entries).filter((e) => e.structureId === 'T4.1').length;
}

describe('model store', () => {
  it('opens the Grorud template as a valid, clean model', () => {
    const store = useModelStore();
    store.newFromTemplate();
    expect(store.valid).toBe(true);
    expect(store.model?.id).toBe('grorudmodellen');
    expect(store.dirty).toBe(false);
    expect(store.canUndo).toBe(false);
    store.cancelAutosave();
  });

  it('undo and redo of a cadence edit restore the exact JSON', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const before = store.text;
    const result = store.setCadence('T4.1', 'Hver andre uke');
    expect(result.ok).toBe(true);
    const after = store.text;
    expect(after).not.toBe(before);
    expect(cadenceTextOf(store.doc, 'T4.1')).toBe('Hver andre uke');
    expect(store.undo()).toBe(true);
    expect(store.text).toBe(before);
    expect(cadenceTextOf(store.doc, 'T4.1')).toBe('Hver fjerde uke');
    expect(store.redo()).toBe(true);
    expect(store.text).toBe(after);
    store.undo();
    expect(store.text).toBe(TEMPLATE_TEXT);
    store.cancelAutosave();
  });

  it('tracks the dirty flag and tells the platform', async () => {
    const store = useModelStore();
    store.newFromTemplate();
    expect(store.dirty).toBe(false);
    store.setCadence('T4.1', 'Hver andre uke');
    expect(store.dirty).toBe(true);
    expect(api.dirtyCalls.at(-1)).toBe(true);
    store.undo();
    expect(store.dirty).toBe(false);
    expect(api.dirtyCalls.at(-1)).toBe(false);
    store.redo();
    expect(await store.save()).toBe(true);
    expect(store.dirty).toBe(false);
    expect(api.dirtyCalls.at(-1)).toBe(false);
    expect(api.saved).toEqual([store.text]);
    expect(store.status).toBe('status.saved');
    expect(api.clearRecovery).toHaveBeenCalled();
  });

  it('an invalid cadence gives the parse error and leaves the model as it was', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const before = store.text;
    const model = store.model;
    const result = store.setCadence('T4.1', 'Hver blåe uke');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBeTruthy();
    expect(store.text).toBe(before);
    expect(store.model).toBe(model);
    expect(store.valid).toBe(true);
    expect(store.canUndo).toBe(false);
    const described = describeCadence('Hver blåe uke', null, 'nb', '2025-08-01');
    expect(described.ok).toBe(false);
  });

  it('typing in one field in quick succession is one undo step', () => {
    const store = useModelStore();
    store.newFromTemplate();
    store.setCadence('T4.1', 'Hver uke');
    store.setCadence('T4.1', 'Hver andre uke');
    expect(store.undoStack.length).toBe(1);
    store.undo();
    expect(store.text).toBe(TEMPLATE_TEXT);
    expect(COALESCE_MS).toBeGreaterThan(0);
    store.cancelAutosave();
  });

  it('writes the recovery copy once the text has rested', () => {
    vi.useFakeTimers();
    try {
      const store = useModelStore();
      store.newFromTemplate();
      store.setCadence('T4.1', 'Hver andre uke');
      expect(api.recovery).toEqual([]);
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
      expect(api.recovery).toEqual([store.text]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('view store', () => {
  it('builds Ammerud 2025-26 by default and follows a cadence edit of T4.1', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const view = useViewStore();
    expect(view.effectiveArea).toBe('omrade-ammerud');
    expect(view.arshjul?.schoolYear).toBe('2025-26');
    const every4 = t41Count(view);
    expect(every4).toBeGreaterThan(0);
    store.setCadence('T4.1', 'Hver andre uke');
    const every2 = t41Count(view);
    expect(every2).toBeGreaterThan(every4);
    store.undo();
    expect(t41Count(view)).toBe(every4);
    expect(view.layout?.items.length).toBeGreaterThan(0);
    expect(view.plan?.tables.length).toBeGreaterThan(0);
    store.cancelAutosave();
  });

  it('filters by level', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const view = useViewStore();
    view.filters.level = 'strategisk';
    const rings = view.derived!.shown.rings;
    expect(rings.find((r) => r.id === 'operativt')?.entries ?? []).toEqual([]);
    expect(view.arshjul!.rings.find((r) => r.id === 'operativt')!.entries.length).toBeGreaterThan(
      0,
    );
  });
});

describe('the quick path for structure edits', () => {
  it('gives the model the full check gives, and checks the whole file right after', () => {
    const store = useModelStore();
    store.newFromTemplate();
    store.setCadence('T4.1', 'Hver andre uke');
    expect(lastQuick).toBe(true);
    expect(store.pendingValidation).toBe(true);
    const quick = store.model;
    const full = loadModelText(store.text, { asOf: store.asOf, lang: 'nb' });
    expect(full.valid).toBe(true);
    expect(JSON.parse(JSON.stringify(quick))).toEqual(JSON.parse(JSON.stringify(full.model)));
    store.flushValidation();
    expect(store.pendingValidation).toBe(false);
    expect(store.errors).toEqual([]);
    // The full check keeps the quick model (no second rebuild of the views).
    expect(store.model).toBe(quick);
  });

  it('goes back to the last checked model when the edit breaks a reference', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const before = store.model;
    const index = store.model!.structures.findIndex((s) => s.id === 'T4.1');
    store.setValue(['structures', index, 'responsible'], ['finnes-ikke']);
    expect(lastQuick).toBe(true);
    store.flushValidation();
    expect(store.errors.some((e) => e.path.startsWith(`structures[${index}].responsible`))).toBe(
      true,
    );
    expect(store.model).toBe(before);
    expect(store.issuesAt(['structures', index, 'responsible'], true).length).toBeGreaterThan(0);
  });

  it('takes the full check at once for other parts, changed ids and invalid structures', () => {
    const store = useModelStore();
    store.newFromTemplate();
    store.setValue(['organisation', 'areas', 0, 'name'], 'Ammerud nord');
    expect(lastQuick).toBe(false);
    expect(store.model?.organisation.areas[0]?.name).toBe('Ammerud nord');
    const index = store.model!.structures.findIndex((s) => s.id === 'T4.1');
    store.setValue(['structures', index, 'id'], 'T4.99');
    expect(lastQuick).toBe(false);
    store.setValue(['structures', index, 'level'], 'ukjent');
    expect(lastQuick).toBe(false);
    expect(store.errors.some((e) => e.path === `structures[${index}].level`)).toBe(true);
  });

  it('takes the quick path for undo and redo of a structure edit', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const original = store.model;
    store.setCadence('T4.1', 'Hver andre uke');
    store.flushValidation();
    store.undo();
    expect(lastQuick).toBe(true);
    expect(cadenceTextOf(store.doc, 'T4.1')).toBe('Hver fjerde uke');
    expect(JSON.stringify(store.model)).toBe(JSON.stringify(original));
    store.redo();
    expect(lastQuick).toBe(true);
    expect(cadenceTextOf(store.doc, 'T4.1')).toBe('Hver andre uke');
  });
});

describe('the file text after an edit', () => {
  it('is what serialize writes, for the Grorud model and after edits of every kind', () => {
    let doc = JSON.parse(TEMPLATE_TEXT) as Json;
    expect(serializeDoc(doc)).toBe(serialize(doc));
    const edits = [
      setCadence('T4.1', 'Hver andre uke'),
      setAt(['structures', 0, 'name'], 'Nytt navn med «sitat» og\nlinjeskift'),
      insertAt(['roles'], { id: 'ny-rolle', title: 'Ny rolle', tags: [] }),
      removeAt(['structures', 3]),
      setAt(['glossary'], []),
      setAt(['name'], 'Grorud (kopi)'),
      // The organisation is an object, not a list: its text is kept whole, and written anew here.
      setAt(['organisation', 'district', 'name'], 'Bydel Grorud (ny)'),
    ];
    for (const edit of edits) {
      doc = edit(doc);
      expect(serializeDoc(doc)).toBe(serialize(doc));
    }
    expect(serializeDoc({})).toBe(serialize({}));
    expect(serializeDoc([1, { a: [] }])).toBe(serialize([1, { a: [] }]));
  });

  it('keeps what the store writes equal to serialize through edits, undo and redo', () => {
    const store = useModelStore();
    store.newFromTemplate();
    store.setCadence('T4.1', 'Hver tredje uke');
    store.setValue(['structures', 2, 'description'], 'Ny beskrivelse');
    expect(store.text).toBe(serialize(store.doc));
    store.undo();
    expect(store.text).toBe(serialize(store.doc));
    store.redo();
    expect(store.text).toBe(serialize(store.doc));
    store.cancelAutosave();
  });
});

describe('values read from the file', () => {
  it('update what reads them only when the value at their path changed', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const t41 = (store.doc as { structures: { id: string }[] }).structures.findIndex(
      (s) => s.id === 'T4.1',
    );
    let nameReads = 0;
    let cadenceReads = 0;
    const name = computed(() => {
      nameReads++;
      return store.raw(['structures', t41, 'name']);
    });
    const cadence = computed(() => {
      cadenceReads++;
      return store.raw(['structures', t41, 'cadence']);
    });
    const written = (JSON.parse(TEMPLATE_TEXT) as { structures: { name: string }[] }).structures[
      t41
    ]!.name;
    expect(name.value).toBe(written);
    expect(cadence.value).toBe('Hver fjerde uke');
    store.setCadence('T4.1', 'Hver andre uke');
    expect(name.value).toBe(written);
    expect(cadence.value).toBe('Hver andre uke');
    // The name was left alone: what reads it was not worked out again.
    expect(nameReads).toBe(1);
    expect(cadenceReads).toBe(2);
    store.undo();
    expect(cadence.value).toBe('Hver fjerde uke');
    expect(store.raw(['structures', t41, 'nothing-here'])).toBeUndefined();
    store.cancelAutosave();
  });
});

describe('the issues after the full check', () => {
  it('keep their lists when a check finds the same issues again', () => {
    const store = useModelStore();
    store.newFromTemplate();
    const warnings = store.warnings;
    expect(warnings.length).toBeGreaterThan(0);
    store.setValue(['structures', 0, 'description'], 'Endret beskrivelse');
    store.flushValidation();
    store.revalidate();
    expect(store.warnings).toBe(warnings);
    // A change that brings an error: the list is new.
    const errors = store.errors;
    store.setValue(['structures', 0, 'level'], 'ukjent-nivå');
    store.flushValidation();
    expect(store.errors).not.toBe(errors);
    expect(store.errors.some((e) => e.path === 'structures[0].level')).toBe(true);
    store.cancelAutosave();
  });

  it('are compared by what they say', () => {
    const issue = { path: 'a', code: 'x', message: 'm', severity: 'error' as const };
    expect(sameIssues([issue], [{ ...issue }])).toBe(true);
    expect(sameIssues([issue], [{ ...issue, message: 'n' }])).toBe(false);
    expect(sameIssues([issue], [{ ...issue, params: { id: 'T1' } }])).toBe(false);
    expect(sameIssues([issue], [])).toBe(false);
  });
});
