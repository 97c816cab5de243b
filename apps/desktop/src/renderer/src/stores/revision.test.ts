import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { loadModelText, type Model } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { getAt, serialize, type Json } from './edits.js';
import {
  changeLogDocx,
  changeLogOutline,
  changeLogFileName,
  dashboard,
  filterRows,
  nextFileName,
  nextYearDocument,
  normalizeDate,
  partyChoicesOf,
  recordEdit,
  stateCounts,
  type RecordForm,
} from './revision.js';

const TEXT = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const DOC = JSON.parse(TEXT) as Json;
const load = (doc: Json) => loadModelText(serialize(doc), { asOf: '2026-03-01', lang: 'nb' });
const MODEL = load(DOC).model as Model;
const YEAR = new CalendarRegistry().schoolYear('oslo', '2025-26');
const RULE = 'justering-av-samarbeidet';

const form = (over: Partial<RecordForm> = {}): RecordForm => ({
  rule: RULE,
  date: '2026-04-07',
  version: '2026',
  summary: 'Samarbeidet justert på SaLTo-møtet om våren',
  by: ['salto-koordinator'],
  ...over,
});

describe('the revision year dashboard (Grorud 2025-26)', () => {
  it('lists every due date of the rules, sorted by date, with responsible parties', () => {
    const { rows, unscheduled } = dashboard(MODEL, YEAR, '2026-03-01', 'nb');
    const rules = new Set([...rows.map((r) => r.rule), ...unscheduled.map((u) => u.rule)]);
    expect(rules).toEqual(new Set(MODEL.revisions.map((r) => r.id)));
    const dates = rows.map((r) => r.due.date);
    expect(dates).toEqual([...dates].sort());
    expect(rows.every((r) => YEAR.contains(r.due.date))).toBe(true);
    const salto = rows.find((r) => r.rule === RULE)!;
    expect(salto.forum).toBe('på SaLTo-møtet som arrangeres om våren');
    expect(salto.draftedBy.map((p) => p.id)).toEqual(['salto-koordinator', 'nsk']);
    // «om våren»: a suggested date inside the spring half.
    expect(salto.suggested).toBe(true);
    expect(salto.due.window!.from >= YEAR.halves.vår.from).toBe(true);
    expect(salto.due.date >= salto.due.window!.from).toBe(true);
  });

  it('gives the status as of the chosen day', () => {
    const autumn = dashboard(MODEL, YEAR, '2025-09-01', 'nb').rows;
    expect(autumn.find((r) => r.rule === RULE)!.state).toBe('not-yet-due');
    const march = dashboard(MODEL, YEAR, '2026-03-01', 'nb').rows;
    expect(march.find((r) => r.rule === RULE)!.state).toBe('due');
    const summer = dashboard(MODEL, YEAR, '2026-07-20', 'nb').rows;
    // No Grorud records: everything is overdue after the school year's last window.
    expect(stateCounts(summer)).toEqual({
      'not-yet-due': 0,
      due: 0,
      overdue: summer.length,
      done: 0,
    });
    const counts = stateCounts(march);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(march.length);
  });

  it('filters by status and by responsible party', () => {
    const rows = dashboard(MODEL, YEAR, '2026-03-01', 'nb').rows;
    const bvk = filterRows(rows, { state: 'all', party: 'bvk' });
    expect(bvk.length).toBeGreaterThan(0);
    expect(
      bvk.every((r) =>
        [...r.draftedBy, ...r.decidedBy, ...r.publishedBy].some((p) => p.id === 'bvk'),
      ),
    ).toBe(true);
    expect(bvk.map((r) => r.rule)).toContain('revisjon-konseptpapir-bvk');
    const due = filterRows(rows, { state: 'due', party: 'all' });
    expect(due.every((r) => r.state === 'due')).toBe(true);
    const parties = partyChoicesOf(rows).map((p) => p.id);
    expect(parties).toContain('nsk');
    expect(parties).toContain('barnevernleder');
    expect(new Set(parties).size).toBe(parties.length);
  });
});

describe('recording a revision', () => {
  it('adds the record as one edit; the row becomes done', () => {
    const result = recordEdit(MODEL, DOC, form());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const next = result.edit(DOC);
    const loaded = load(next);
    expect(loaded.errors).toEqual([]);
    expect(loaded.model!.revisionRecords).toHaveLength(MODEL.revisionRecords.length + 1);
    expect(getAt(next, ['revisionRecords', 0])).toEqual({
      rule: RULE,
      date: '2026-04-07',
      version: '2026',
      summary: 'Samarbeidet justert på SaLTo-møtet om våren',
      by: ['salto-koordinator'],
    });
    const row = dashboard(loaded.model!, YEAR, '2026-04-08', 'nb').rows.find(
      (r) => r.rule === RULE,
    )!;
    expect(row.state).toBe('done');
    expect(row.record?.summary).toBe('Samarbeidet justert på SaLTo-møtet om våren');
    // The same day again is a duplicate; another day is fine and sorted by date.
    const again = recordEdit(loaded.model!, next, form({ summary: 'Igjen' }));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems).toEqual([{ field: 'date', key: 'revy.err.duplicate' }]);
    const earlier = recordEdit(loaded.model!, next, form({ date: '15.1.2026', version: '' }));
    expect(earlier.ok).toBe(true);
    if (earlier.ok) {
      const both = earlier.edit(next);
      expect(load(both).errors).toEqual([]);
      expect(getAt(both, ['revisionRecords', 0, 'date'])).toBe('2026-01-15');
      expect(getAt(both, ['revisionRecords', 0, 'version'])).toBeUndefined();
    }
  });

  it('says what is wrong, per field, and changes nothing', () => {
    const bad = recordEdit(MODEL, DOC, form({ date: '2026-02-30', summary: '  ' }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.field, p.key])).toEqual([
      ['date', 'revy.err.date'],
      ['summary', 'revy.err.summary'],
    ]);
    expect(bad.problems[0]!.detail).toMatch(/2026-02-30 finnes ikke/);
    const empty = recordEdit(MODEL, DOC, form({ date: ' ' }));
    expect(!empty.ok && empty.problems[0]!.key).toBe('revy.err.dateMissing');
    expect(normalizeDate(' 7.4.2026 ')).toBe('2026-04-07');
    expect(normalizeDate('april')).toBe('april');
  });
});

describe('«Start neste skoleår»', () => {
  it('makes next year’s file with a change-log entry, keeping the file as written', () => {
    const next = nextYearDocument(MODEL, DOC, {
      date: '2026-05-04',
      lang: 'nb',
      name: 'grorudmodellen.json',
    });
    expect(next.name).toBe('grorudmodellen-2026-27.json');
    expect(next.schoolYear).toBe('2026-27');
    const loaded = load(JSON.parse(next.text) as Json);
    expect(loaded.errors).toEqual([]);
    expect(loaded.model!.schoolYear).toBe('2026-27');
    expect(loaded.model!.changeLog.at(-1)).toEqual(next.entry);
    expect(next.entry.date).toBe('2026-05-04');
    expect(next.entry.changes.join('\n')).toContain('2026-27');
    // Unchanged parts stay as written in the file.
    const doc = JSON.parse(next.text) as Record<string, Json>;
    const orig = DOC as Record<string, Json>;
    expect(doc['structures']).toEqual(orig['structures']);
    expect(doc['onboarding']).toEqual(orig['onboarding']);
  });

  it('names the file after the new year', () => {
    expect(nextFileName('grorudmodellen-2025-26.json', '2026-27')).toBe(
      'grorudmodellen-2026-27.json',
    );
    expect(nextFileName('Min modell.json', '2026-27')).toBe('Min modell-2026-27.json');
  });
});

describe('the change log as a Word document', () => {
  it('writes the new entry’s changes as a .docx', async () => {
    const next = nextYearDocument(MODEL, DOC, {
      date: '2026-05-04',
      lang: 'nb',
      name: 'grorudmodellen.json',
    });
    const page = {
      lang: 'nb' as const,
      title: `Endringslogg for Grorudmodellen ${next.schoolYear}`,
      lead: 'Til SaLTo-møtet om våren',
      meta: [{ label: 'Oppsummering', value: next.entry.summary }],
      changesHeading: 'Endringer',
      changes: next.entry.changes,
    };
    const bytes = await changeLogDocx(page);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Endringslogg for Grorudmodellen 2026-27');
    expect(xml).toContain(next.entry.summary);
    for (const change of next.entry.changes) {
      // Word escapes quotes and ampersands; the words themselves are there.
      expect(xml).toContain(change.split('«')[0]!.trim());
    }
    // The plan's Word look: the changes under a real heading, as a bulleted list.
    const outline = changeLogOutline(page);
    expect(outline.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'list']);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*Endringer/);
    expect(xml.match(/<w:numPr>/g)?.length).toBe(next.entry.changes.length);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:lang w:val="nb-NO"/);
    expect(changeLogFileName(MODEL.id, next.schoolYear)).toBe(
      `endringslogg-${MODEL.id}-2026-27.docx`,
    );
  });
});
