import { describe, expect, it } from 'vitest';
import { isArshjulError } from '@arshjul/school-calendar';
import {
  changeLogEntry,
  diffCollections,
  diffValues,
  formatChange,
  formatValue,
  formatValues,
  type EntityChange,
} from './diff.js';

/** Structures shaped like the model's (T4.1 and friends from the Grorud implementation plan). */
const t41 = {
  id: 'T4.1',
  name: 'Nærmiljøteam på hver skole',
  level: 'operativt',
  cadence: { text: 'Hver fjerde uke', rule: { kind: 'interval', every: 4, unit: 'week' } },
  responsible: ['nsk'],
  scope: { schools: ['nordtvet', 'grorud', 'ammerud', 'apalløkka', 'rodtvet', 'tiurleiken'] },
};
const t61 = {
  id: 'T6.1',
  name: 'BVK deltar på skolehelseteam',
  level: 'operativt',
  cadence: { text: 'Hver fjerde uke', rule: { kind: 'interval', every: 4, unit: 'week' } },
  responsible: ['felles'],
  scope: { schools: ['rodtvet', 'ammerud'] },
};
const t31 = {
  id: 'T3.1',
  name: 'Jevnlige møter mellom rektor og NSK',
  level: 'taktisk',
  cadence: { text: 'Ved behov', rule: { kind: 'on-demand' } },
  responsible: ['nsk', 'rektor'],
  scope: { schools: [] as string[] },
};

describe('diffValues', () => {
  it('equal values give no changes', () => {
    expect(diffValues(t41, structuredClone(t41))).toEqual([]);
    expect(diffValues(1, 1)).toEqual([]);
    expect(diffValues(null, null)).toEqual([]);
    expect(diffValues([], [])).toEqual([]);
    expect(diffValues({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });

  it('primitives at the root', () => {
    expect(diffValues('a', 'b')).toEqual([{ path: '', before: 'a', after: 'b' }]);
    expect(diffValues(1, '1')).toEqual([{ path: '', before: 1, after: '1' }]);
    expect(diffValues(null, 0, 'x')).toEqual([{ path: 'x', before: null, after: 0 }]);
  });

  it('nested objects, by key, with the path joined by dots', () => {
    const after = {
      ...t41,
      cadence: { text: 'Hver tredje uke', rule: { kind: 'interval', every: 3, unit: 'week' } },
    };
    expect(diffValues(t41, after)).toEqual([
      { path: 'cadence.text', before: 'Hver fjerde uke', after: 'Hver tredje uke' },
      { path: 'cadence.rule.every', before: 4, after: 3 },
    ]);
  });

  it('keys added and removed', () => {
    expect(diffValues({ a: 1, b: { c: 2 } }, { a: 1, d: [1] })).toEqual([
      { path: 'b', before: { c: 2 }, after: undefined },
      { path: 'd', before: undefined, after: [1] },
    ]);
  });

  it('a start path prefixes every path', () => {
    expect(diffValues({ a: 1 }, { a: 2 }, 'meta')).toEqual([
      { path: 'meta.a', before: 1, after: 2 },
    ]);
  });

  it('an array of plain values (ids) as one field, the whole list before and after', () => {
    const after = { ...t41, scope: { schools: ['nordtvet', 'grorud', 'groruddalen'] } };
    expect(diffValues(t41, after)).toEqual([
      {
        path: 'scope.schools',
        before: t41.scope.schools,
        after: ['nordtvet', 'grorud', 'groruddalen'],
      },
    ]);
    expect(diffValues(['a'], ['a', 'b'])).toEqual([{ path: '', before: ['a'], after: ['a', 'b'] }]);
    expect(diffValues({ x: ['T1.4', 'T1.5'] }, { x: ['T1.5'] })).toEqual([
      { path: 'x', before: ['T1.4', 'T1.5'], after: ['T1.5'] },
    ]);
  });

  it('arrays of objects without ids by index', () => {
    expect(diffValues([{ a: 1 }], [{ a: 2 }, { a: 3 }])).toEqual([
      { path: '[0].a', before: 1, after: 2 },
      { path: '[1]', before: undefined, after: { a: 3 } },
    ]);
  });

  it('an array replaced by something else is one change', () => {
    expect(diffValues({ x: [1, 2] }, { x: 'en' })).toEqual([
      { path: 'x', before: [1, 2], after: 'en' },
    ]);
    expect(diffValues({ x: { a: 1 } }, { x: [1] })).toEqual([
      { path: 'x', before: { a: 1 }, after: [1] },
    ]);
  });

  it('arrays of objects with id are matched by id, not index', () => {
    const before = {
      meetings: [
        { id: 'm1', title: 'Bli kjent', minutes: 30 },
        { id: 'm2', title: 'Oppstart', minutes: 60 },
        { id: 'm3', title: 'Oppsummering', minutes: 15 },
      ],
    };
    const after = {
      meetings: [
        { id: 'm0', title: 'Forberedelse', minutes: 10 },
        { id: 'm1', title: 'Bli kjent', minutes: 30 },
        { id: 'm2', title: 'Oppstart', minutes: 90 },
      ],
    };
    expect(diffValues(before, after)).toEqual([
      {
        path: 'meetings[id=m0]',
        before: undefined,
        after: { id: 'm0', title: 'Forberedelse', minutes: 10 },
      },
      { path: 'meetings[id=m2].minutes', before: 60, after: 90 },
      {
        path: 'meetings[id=m3]',
        before: { id: 'm3', title: 'Oppsummering', minutes: 15 },
        after: undefined,
      },
    ]);
  });

  it('a new order of elements matched by id is reported at the array', () => {
    const a = [
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ];
    expect(diffValues({ list: a }, { list: [a[1], a[0]] })).toEqual([
      { path: 'list', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
    // Adding in front is not a new order of the kept ones.
    expect(diffValues(a, [{ id: 'z', v: 0 }, ...a])).toEqual([
      { path: '[id=z]', before: undefined, after: { id: 'z', v: 0 } },
    ]);
  });

  it('falls back to index when ids are missing or repeated', () => {
    const noIds = [{ v: 1 }, { v: 2 }];
    expect(diffValues(noIds, [{ v: 2 }])).toEqual([
      { path: '[0].v', before: 1, after: 2 },
      { path: '[1]', before: { v: 2 }, after: undefined },
    ]);
    const repeated = [
      { id: 'a', v: 1 },
      { id: 'a', v: 2 },
    ];
    expect(diffValues(repeated, [{ id: 'a', v: 1 }])).toEqual([
      { path: '[1]', before: { id: 'a', v: 2 }, after: undefined },
    ]);
  });

  it('an empty array and an array with ids', () => {
    expect(diffValues([], [{ id: 'x' }], 'items')).toEqual([
      { path: 'items[id=x]', before: undefined, after: { id: 'x' } },
    ]);
  });
});

describe('diffCollections', () => {
  it('no changes → []', () => {
    expect(
      diffCollections(
        'structures',
        [t41, t61],
        [t61, t41].map((s) => structuredClone(s)),
      ),
    ).toEqual([]);
    expect(diffCollections('structures', [], [])).toEqual([]);
  });

  it('added, changed and removed, in the after order with removed ones last', () => {
    const changed41 = { ...t41, cadence: { ...t41.cadence, text: 'Hver tredje uke' } };
    const renamed61 = { ...t61, name: 'Skolehelseteam' };
    const t55 = { id: 'T5.5', name: 'Språk- og holdningskampanje', level: 'operativt' };
    const changes = diffCollections('structures', [t31, t41, t61], [renamed61, t55, changed41]);
    expect(changes).toEqual([
      {
        collection: 'structures',
        id: 'T6.1',
        name: 'Skolehelseteam',
        kind: 'changed',
        fields: [{ path: 'name', before: 'BVK deltar på skolehelseteam', after: 'Skolehelseteam' }],
      },
      {
        collection: 'structures',
        id: 'T5.5',
        name: 'Språk- og holdningskampanje',
        kind: 'added',
        fields: [],
      },
      {
        collection: 'structures',
        id: 'T4.1',
        name: 'Nærmiljøteam på hver skole',
        kind: 'changed',
        fields: [{ path: 'cadence.text', before: 'Hver fjerde uke', after: 'Hver tredje uke' }],
      },
      {
        collection: 'structures',
        id: 'T3.1',
        name: 'Jevnlige møter mellom rektor og NSK',
        kind: 'removed',
        fields: [],
      },
    ]);
  });

  it('takes the name from name, then title; none when there is neither', () => {
    const changes = diffCollections(
      'revisions',
      [],
      [{ id: 'R4', title: 'Revisjon av konseptpapir for NSK' }, { id: 'R99' }],
    );
    expect(changes.map((c) => [c.id, c.name])).toEqual([
      ['R4', 'Revisjon av konseptpapir for NSK'],
      ['R99', undefined],
    ]);
    expect('name' in changes[1]!).toBe(false);
  });

  it('a key option matches entities without an id', () => {
    const before = [
      { rule: 'R4', date: '2025-04-08', summary: 'Revidert' },
      { rule: 'R13', date: '2025-11-20', summary: 'Høst' },
    ];
    const after = [
      { rule: 'R4', date: '2025-04-08', summary: 'Revidert på SaLTo' },
      { rule: 'R13', date: '2026-04-20', summary: 'Vår' },
    ];
    const changes = diffCollections('revisionRecords', before, after, {
      key: (r) => `${r.rule}@${r.date}`,
      name: (r) => r.summary,
    });
    expect(changes.map((c) => [c.kind, c.id, c.name])).toEqual([
      ['changed', 'R4@2025-04-08', 'Revidert på SaLTo'],
      ['added', 'R13@2026-04-20', 'Vår'],
      ['removed', 'R13@2025-11-20', 'Høst'],
    ]);
  });

  it('refuses repeated keys and entities without an id', () => {
    const repeated = () => diffCollections('structures', [t41, t41], []);
    expect(repeated).toThrow('«T4.1» finnes to ganger i structures');
    try {
      repeated();
    } catch (e) {
      expect(isArshjulError(e)).toBe(true);
    }
    expect(() => diffCollections('x', [{ name: 'uten id' }], [])).toThrow('ingen id');
  });
});

describe('formatChange', () => {
  const changed: EntityChange = {
    collection: 'structures',
    id: 'T4.1',
    name: 'Nærmiljøteam på hver skole',
    kind: 'changed',
    fields: [{ path: 'cadence.text', before: 'Hver fjerde uke', after: 'Hver tredje uke' }],
  };

  it('says what changed, in nb, nn and en', () => {
    expect(formatChange(changed)).toBe(
      'Endret structures «T4.1 Nærmiljøteam på hver skole»: cadence.text «Hver fjerde uke» → «Hver tredje uke»',
    );
    expect(formatChange(changed, 'nn')).toBe(
      'Endra structures «T4.1 Nærmiljøteam på hver skole»: cadence.text «Hver fjerde uke» → «Hver tredje uke»',
    );
    expect(formatChange(changed, 'en')).toBe(
      'Changed structures «T4.1 Nærmiljøteam på hver skole»: cadence.text «Hver fjerde uke» → «Hver tredje uke»',
    );
  });

  it('added and removed entities', () => {
    const added: EntityChange = { collection: 'documents', id: 'D5', kind: 'added', fields: [] };
    expect(formatChange(added)).toBe('Lagt til documents «D5»');
    expect(formatChange(added, 'en')).toBe('Added documents «D5»');
    const removed: EntityChange = {
      collection: 'structures',
      id: 'T3.1',
      name: 'Jevnlige møter mellom rektor og NSK',
      kind: 'removed',
      fields: [],
    };
    expect(formatChange(removed)).toBe(
      'Fjernet structures «T3.1 Jevnlige møter mellom rektor og NSK»',
    );
    expect(formatChange(removed, 'en')).toBe(
      'Removed structures «T3.1 Jevnlige møter mellom rektor og NSK»',
    );
    expect(formatChange({ ...removed, name: 'T3.1' })).toBe('Fjernet structures «T3.1»');
  });

  it('shows values short: long strings cut, numbers, missing values, lists and objects', () => {
    const long =
      'Et team bestående av representanter fra skolen, bydelen og aktører fra nærmiljøet.';
    const text = formatChange({
      ...changed,
      fields: [
        { path: 'description', before: long, after: 'Kort' },
        { path: 'cadence.rule.every', before: 4, after: 3 },
        { path: 'notes[0]', before: undefined, after: 'Ny' },
        { path: 'responsible', before: ['nsk'], after: ['nsk', 'rektor'] },
        { path: 'archived', before: true, after: null },
      ],
    });
    expect(text).toBe(
      'Endret structures «T4.1 Nærmiljøteam på hver skole»: ' +
        'description «Et team bestående av representanter fra…» → «Kort»; ' +
        'cadence.rule.every 4 → 3; notes[0] (ingen) → «Ny»; ' +
        'responsible [nsk] → [nsk, rektor]; archived true → (ingen)',
    );
    expect(formatValue({ kind: 'interval', every: 4, unit: 'week' }, 'en')).toBe(
      '{"kind":"interval","every":4,"unit":"we…',
    );
    expect(formatValue(undefined, 'en')).toBe('(none)');
    expect(formatValue('linje\n  to')).toBe('«linje to»');
  });

  it('lists at most five fields and says how many more', () => {
    const fields = Array.from({ length: 8 }, (_, i) => ({
      path: `f${i}`,
      before: i,
      after: i + 1,
    }));
    const nb = formatChange({ ...changed, fields });
    expect(nb).toContain('f4 4 → 5; og 3 til');
    expect(nb).not.toContain('f5');
    expect(formatChange({ ...changed, fields }, 'en')).toMatch(/; and 3 more$/);
  });
});

describe('changeLogEntry', () => {
  it('puts the date, school year, summary and the changes in words together', () => {
    const changes = diffCollections(
      'structures',
      [t41, t31],
      [{ ...t41, cadence: { ...t41.cadence, text: 'Hver tredje uke' } }],
    );
    expect(
      changeLogEntry(changes, {
        date: '2026-06-15',
        schoolYear: '2026-27',
        summary: 'Årlig revisjon på SaLTo-møtet',
      }),
    ).toEqual({
      date: '2026-06-15',
      schoolYear: '2026-27',
      summary: 'Årlig revisjon på SaLTo-møtet',
      changes: [
        'Endret structures «T4.1 Nærmiljøteam på hver skole»: cadence.text «Hver fjerde uke» → «Hver tredje uke»',
        'Fjernet structures «T3.1 Jevnlige møter mellom rektor og NSK»',
      ],
    });
  });

  it('leaves out the school year when not given, and speaks English on request', () => {
    const entry = changeLogEntry(
      [{ collection: 'documents', id: 'D5', kind: 'added', fields: [] }],
      { date: '2026-06-15', summary: 'Yearly revision', lang: 'en' },
    );
    expect(entry).toEqual({
      date: '2026-06-15',
      summary: 'Yearly revision',
      changes: ['Added documents «D5»'],
    });
    expect('schoolYear' in entry).toBe(false);
    expect(changeLogEntry([], { date: '2026-06-15', summary: 'Ingen endringer' }).changes).toEqual(
      [],
    );
  });

  it('refuses a date that does not exist', () => {
    expect(() => changeLogEntry([], { date: '2026-06-31', summary: 'x' })).toThrow(
      'Datoen 2026-06-31 finnes ikke',
    );
  });
});

describe('formatValues', () => {
  it('shows two long texts that begin alike from near where they differ', () => {
    const before =
      'Løpende avklaringer mellom bydel og skole flyttes fra prosjektledelsen til SaLTo-møter.';
    const after = `${before} Møtene har fast dagsorden.`;
    const text = formatValues(before, after);
    expect(text).toMatch(
      /^«…[^»]*SaLTo-møter\.» → «…[^»]*SaLTo-møter\. Møtene har fast dagsorden\.»$/,
    );
    expect(formatValues('kort', 'lang')).toBe('«kort» → «lang»');
  });
});
