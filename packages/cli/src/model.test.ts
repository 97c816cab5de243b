/** `arshjul validate`, `arshjul revisions` and `arshjul diff` on the Grorud model. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace, REPO_ROOT } from '../test-fixtures/fake-io.js';

const GRORUD = join(REPO_ROOT, 'examples/grorud/grorudmodellen.json');
const grorudText = readFileSync(GRORUD, 'utf8');
/** A fresh, mutable copy of the Grorud model. */
const grorud = () => JSON.parse(grorudText) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Issue {
  path: string;
  code: string;
  message: string;
}
interface ValidateJson {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
  summary: {
    structures: Record<string, number>;
    schools: number;
    activeSchools: number;
    areas: number;
    documents: number;
  } | null;
}

describe('arshjul validate', () => {
  it('passes the Grorud model with 11 / 4 / 22 structures', async () => {
    const r = await cli(['validate', GRORUD, '--json']);
    expect(r.code).toBe(0);
    const j = r.json<ValidateJson>();
    expect(j.valid).toBe(true);
    expect(j.errors).toEqual([]);
    expect(j.summary).toMatchObject({
      structures: { strategisk: 11, organisatorisk: 4, operativt: 22, total: 37 },
      schools: 9,
      activeSchools: 8,
      areas: 3,
      documents: 5,
    });
    for (const w of j.warnings) {
      expect(w.path).toEqual(expect.any(String));
      expect(w.message.length).toBeGreaterThan(10);
    }
  });

  it('says so in words, with the summary', async () => {
    const r = await cli(['validate', GRORUD]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('gyldig modell «Grorudmodellen» (skoleår 2025-26)');
    expect(r.out).toContain('Strukturer: 37 (strategisk 11, organisatorisk 4, operativt 22)');
    expect(r.out).toContain('Skoler: 9 (8 aktive), områder: 3, dokumenter: 5');
  });

  it('names the place of a phrase it does not understand and suggests one, exit 1', async () => {
    const m = grorud();
    m.structures[12].cadence = 'hver fjerd uke';
    const r = await cli(['validate', 'endret.json', '--json'], {
      files: { 'endret.json': JSON.stringify(m) },
    });
    expect(r.code).toBe(1);
    const j = r.json<ValidateJson>();
    expect(j.valid).toBe(false);
    const issue = j.errors.find((e) => e.path === 'structures[12].cadence');
    expect(issue?.message).toMatch(
      /«hver fjerd uke» er ikke forstått — mente du «hver fjerde uke»\?/i,
    );
    expect(j.summary?.structures.total).toBe(37);
  });

  it('prints the report with errors as «path: message», in English with --lang en', async () => {
    const m = grorud();
    m.structures[0].responsible = ['nks'];
    const files = { 'endret.json': JSON.stringify(m) };
    const nb = await cli(['validate', 'endret.json'], { files });
    expect(nb.code).toBe(1);
    expect(nb.out).toContain('endret.json: ugyldig');
    expect(nb.out).toMatch(/structures\[0\]\.responsible\[0\]: .*«nks».*«nsk»/);
    const en = await cli(['validate', 'endret.json', '--lang', 'en'], { files });
    expect(en.out).toContain('endret.json: invalid');
    expect(en.out).toMatch(/structures\[0\]\.responsible\[0\]: .*«nks».*«nsk»/);
    expect(en.out).not.toContain('finnes ikke');
  });

  it('refuses a file it cannot read with exit 2: missing, broken JSON, newer version', async () => {
    const missing = await cli(['validate', 'finnes-ikke.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('finnes ikke');

    const broken = await cli(['validate', 'brutt.json'], {
      files: { 'brutt.json': '{\n  "schemaVersion": 1,\n  "id": "x",,\n}' },
    });
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/linje 3/);

    const m = grorud();
    m.schemaVersion = 7;
    const newer = await cli(['validate', 'ny.json', '--json'], {
      files: { 'ny.json': JSON.stringify(m) },
    });
    expect(newer.code).toBe(2);
    expect(newer.json<ValidateJson>().errors[0]!.message).toContain('nyere versjon');
    for (const r of [missing, broken, newer]) expect(hasStackTrace(r.err + r.out)).toBe(false);
  });

  it('reports an unreadable file as JSON too, and refuses a huge file before reading it', async () => {
    const missing = await cli(['validate', 'finnes-ikke.json', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.json<ValidateJson>()).toMatchObject({
      valid: false,
      errors: [{ path: '', code: 'file.read' }],
      summary: null,
    });
    expect(missing.json<ValidateJson>().errors[0]!.message).toContain('finnes ikke');

    // 30 MB on disk: the size is checked first, so the text is never read.
    const huge = await cli(['validate', 'stor.json'], {
      files: { 'stor.json': 'ikke lest' },
      sizes: { 'stor.json': 30 * 1024 * 1024 },
    });
    expect(huge.code).toBe(2);
    expect(huge.err).toContain('stor.json: kan ikke leses');
    expect(huge.err).toContain('Fila er for stor (30 MB); grensen er 20 MB.');
  });

  it('reads JSON that is not a model as an invalid model (exit 1), not an unreadable file', async () => {
    for (const text of ['{}', '{"schemaVersion": "1"}', '[]']) {
      const r = await cli(['validate', 'x.json', '--json'], { files: { 'x.json': text } });
      expect(r.code, text).toBe(1);
      expect(r.json<ValidateJson>().errors.length).toBeGreaterThan(0);
    }
  });

  it('is a usage error without exactly one file', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('validate tar én modellfil');
  });
});

interface RevisionsJson {
  schoolYear: string;
  revisions: {
    id: string;
    title: string;
    subject: { kind: string; id?: string; name: string };
    due: { date: string; status?: string; atForum: boolean }[];
    draftedBy: { id: string; name: string }[];
    unscheduled: string | null;
  }[];
}

describe('arshjul revisions', () => {
  it('lists both concept papers due in the spring of 2025-26 with their drafters', async () => {
    const r = await cli(['revisions', GRORUD, '--year', '2025-26', '--json']);
    expect(r.code).toBe(0);
    const j = r.json<RevisionsJson>();
    expect(j.schoolYear).toBe('2025-26');
    const paper = (structure: string) => j.revisions.find((x) => x.subject.id === structure)!;
    for (const [structure, drafter] of [
      ['T1.5', 'nsk'],
      ['T1.4', 'bvk'],
    ] as const) {
      const rev = paper(structure);
      expect(rev.subject.name).toContain('Konseptpapir');
      expect(rev.due.length).toBe(1);
      expect(rev.due[0]!.date >= '2026-01-01' && rev.due[0]!.date <= '2026-06-30').toBe(true);
      expect(rev.draftedBy.map((p) => p.id)).toEqual([drafter]);
    }
  });

  it('shows what is due when and by whom, with status as of a date', async () => {
    const r = await cli(['revisions', GRORUD, '--year', '2025-26', '--date', '2026-07-01']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Revisjoner i Grorudmodellen, skoleåret 2025-26 (Oslo)');
    expect(r.out.indexOf('Høsten 2025')).toBeLessThan(r.out.indexOf('Våren 2026'));
    expect(r.out).toMatch(/Utarbeider forslag: NSK/);
    expect(r.out).toMatch(/Utarbeider forslag: BVK/);
    // Nothing has been recorded as revised, so by July every spring revision is late.
    expect(r.out).toContain('[forsinket]');
  });

  it('refuses an invalid model with exit 1 and the first errors, as JSON with --json', async () => {
    const m = grorud();
    delete m.organisation;
    const files = { 'x.json': JSON.stringify(m) };
    const r = await cli(['revisions', 'x.json'], { files });
    expect(r.code).toBe(1);
    expect(r.err).toContain('organisation');
    const j = await cli(['revisions', 'x.json', '--json'], { files });
    expect(j.code).toBe(1);
    expect(j.json<ValidateJson>()).toMatchObject({ valid: false });
    expect(j.json<ValidateJson>().errors.map((e) => e.path)).toContain('organisation');
  });
});

describe('arshjul diff', () => {
  it('finds no changes between the model and itself', async () => {
    const r = await cli(['diff', GRORUD, GRORUD]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Ingen endringer.');
  });

  it('shows exactly the one structure that changed', async () => {
    const m = grorud();
    const t41 = m.structures.find((s: { id: string }) => s.id === 'T4.1');
    t41.cadence = 'Hver tredje uke';
    const r = await cli(['diff', GRORUD, 'ny.json', '--json'], {
      files: { 'ny.json': JSON.stringify(m) },
    });
    expect(r.code).toBe(0);
    const j = r.json<{
      counts: { added: number; removed: number; changed: number };
      changes: { collection: string; id: string; kind: string; fields: { path: string }[] }[];
      log: string[];
    }>();
    expect(j.counts).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(j.changes).toHaveLength(1);
    expect(j.changes[0]).toMatchObject({ collection: 'structures', id: 'T4.1', kind: 'changed' });
    expect(j.changes[0]!.fields.map((f) => f.path)).toEqual(['cadence']);
    expect(j.log).toEqual([
      'Endret strukturen «T4.1 Nærmiljøteam på hver skole»: rytme «Hver fjerde uke» → «Hver tredje uke»',
    ]);
  });

  it('needs two files, and refuses one that is not a valid model', async () => {
    expect((await cli(['diff', GRORUD])).code).toBe(2);
    const r = await cli(['diff', GRORUD, 'brutt.json'], { files: { 'brutt.json': '{' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('brutt.json');
  });
});
