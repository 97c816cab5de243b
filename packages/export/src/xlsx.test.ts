import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOf } from '../test-fixtures/grorud.js';
import { DATE_FORMAT, excelDate, renderXlsx, sheetName, wrappedLines } from './xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function values(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1);
}

/** The data rows (after the header) as arrays of values, column 1 first. */
function dataRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(values(row));
  });
  return out;
}

const SHEETS = [
  'Strategisk',
  'Organisatorisk',
  'Operativt',
  'Datoer',
  'Uten dato',
  'Deltakelse',
  'Dokumenter',
  'Revisjoner',
];

describe('renderXlsx (Romsås)', () => {
  const build = buildOf('omrade-romsas');
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await renderXlsx(build, 'nb');
    wb = await load(bytes);
  });

  it('has the sheets in order, with Excel-safe names', () => {
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(SHEETS);
  });

  it('has the header rows', () => {
    const header = (name: string) => values(wb.getWorksheet(name)!.getRow(1));
    const plan = [
      'Id',
      'Formell struktur',
      'Beskrivelse',
      'Oppfølging',
      'Ansvar for oppfølging',
      'Skoler',
    ];
    expect(header('Strategisk')).toEqual(plan);
    expect(header('Organisatorisk')).toEqual(plan);
    expect(header('Operativt')).toEqual(['Id', 'Fokus', ...plan.slice(1)]);
    expect(header('Datoer')).toEqual([
      'Dato',
      'Ukedag',
      'Uke',
      'Hva',
      'Struktur',
      'Nivå/ring',
      'Ansvar',
      'Skoler',
      'Rytme',
      'Plassering',
      'Merknad',
      'Til',
    ]);
    expect(header('Uten dato')).toEqual([
      'Struktur',
      'Navn',
      'Nivå',
      'Rytme',
      'Hvorfor',
      'Ansvar',
      'Skoler',
    ]);
    expect(header('Deltakelse')).toEqual([
      'Struktur',
      'Navn',
      'Nivå',
      'Svarttjern barneskole',
      'Tiurleiken barneskole',
      'Bydel',
    ]);
    expect(header('Dokumenter')).toEqual(['Dokument', 'Eier', 'Revideres', 'Revisjon i år']);
    expect(header('Revisjoner')).toEqual([
      'Hva',
      'Rytme',
      'Forum',
      'Forslag innen',
      'Dato',
      'Plassering',
      'Utarbeides av',
      'Vedtas av',
      'Merknad',
    ]);
  });

  it('has a bold, frozen header row and a filter over the data on every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const columns = ws.actualColumnCount;
      const last = ws.getColumn(columns).letter;
      expect(ws.autoFilter, ws.name).toBe(`A1:${last}${Math.max(1, ws.rowCount)}`);
      expect(ws.rowCount, ws.name).toBeGreaterThan(1);
      for (let c = 1; c <= columns; c++) expect(ws.getColumn(c).width, ws.name).toBeGreaterThan(4);
    }
  });

  it('has a row for every dated entry in «Datoer», dates as date cells in order', () => {
    const ws = wb.getWorksheet('Datoer')!;
    const entries = build.arshjul.rings.flatMap((r) => r.entries);
    const rows = dataRows(ws);
    expect(rows).toHaveLength(entries.length);
    const dates = rows.map((r) => r[0]);
    for (const d of dates) expect(d).toBeInstanceOf(Date);
    const iso = dates.map((d) => (d as Date).toISOString().slice(0, 10));
    expect(iso).toEqual(entries.map((e) => e.date).sort());
    expect(ws.getCell('A2').numFmt).toBe(DATE_FORMAT);
    // Each entry is there once: its structure and title on its date.
    const keys = rows.map((r, i) => `${iso[i]}|${r[4] ?? ''}|${r[3]}`).sort();
    expect(keys).toEqual(
      entries.map((e) => `${e.date}|${e.structureId ?? e.revisionId ?? ''}|${e.title}`).sort(),
    );
  });

  it('fills weekday, ISO week, placement, note and the end of breaks', () => {
    const rows = dataRows(wb.getWorksheet('Datoer')!);
    const first = rows[0]!;
    expect((first[0] as Date).toISOString().slice(0, 10)).toBe('2025-08-18');
    expect(first[1]).toBe('mandag');
    expect(first[2]).toBe(34);
    const breaks = build.arshjul.rings.find((r) => r.id === 'ferier')!.entries.filter((e) => e.to);
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) {
      const row = rows.find(
        (r) => (r[0] as Date).toISOString().slice(0, 10) === b.date && r[3] === b.title,
      )!;
      expect((row[11] as Date).toISOString().slice(0, 10)).toBe(b.to);
    }
    const placements = new Set(rows.map((r) => r[9]));
    expect([...placements].sort()).toEqual(['fast', 'foreslått']);
    expect(rows.some((r) => String(r[10] ?? '').startsWith('flyttet fra'))).toBe(true);
    expect(rows.some((r) => String(r[10] ?? '').includes('foreslått dato (innen'))).toBe(true);
  });

  it('has the rows of the plan tables on the level sheets', () => {
    for (const level of ['strategisk', 'organisatorisk', 'operativt'] as const) {
      const name = {
        strategisk: 'Strategisk',
        organisatorisk: 'Organisatorisk',
        operativt: 'Operativt',
      }[level];
      const tables = build.plan.tables.filter((t) => t.level === level);
      const expected = tables.flatMap((t) =>
        t.rows.map((r) => [
          r.id,
          ...(level === 'operativt' ? [t.title] : []),
          r.formellStruktur,
          r.beskrivelse,
          r.oppfolging,
          r.ansvar,
          r.skoler,
        ]),
      );
      const rows = dataRows(wb.getWorksheet(name)!).map((r) =>
        Array.from({ length: expected[0]!.length }, (_, i) => r[i] ?? ''),
      );
      expect(rows, name).toEqual(expected);
    }
  });

  it('has the undated items, participation, documents and revisions', () => {
    expect(dataRows(wb.getWorksheet('Uten dato')!).map((r) => r[0])).toEqual(
      build.arshjul.undated.map((u) => u.structure.id),
    );
    const participation = dataRows(wb.getWorksheet('Deltakelse')!);
    expect(participation.map((r) => r[0])).toEqual(
      build.plan.participation.rows.map((r) => r.structure.id),
    );
    expect(participation[0]!.slice(3, 5)).toEqual(['Ja', 'Ja']);
    expect(dataRows(wb.getWorksheet('Dokumenter')!).map((r) => r[0])).toEqual(
      build.plan.documents.map((d) => d.title),
    );
    const revisions = dataRows(wb.getWorksheet('Revisjoner')!);
    const due = build.plan.revisionCalendar.reduce((n, r) => n + Math.max(1, r.dueDates.length), 0);
    expect(revisions).toHaveLength(due);
    const dated = revisions.filter((r) => r[4] instanceof Date);
    expect(dated.length).toBe(
      build.plan.revisionCalendar.reduce((n, r) => n + r.dueDates.length, 0),
    );
  });

  it('keeps æøå and sets the workbook properties from the plan', () => {
    expect(wb.title).toBe('Implementeringsplan for Romsås 2025–26');
    expect(wb.creator).toBe('Årshjulet');
    expect(wb.created.toISOString().slice(0, 10)).toBe(build.plan.asOf);
    expect(wb.modified.toISOString().slice(0, 10)).toBe(build.plan.asOf);
  });

  it('gives the same bytes twice', async () => {
    const again = await renderXlsx(build, 'nb');
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('renderXlsx across areas and languages', () => {
  it('lists different schools for Romsås and Ammerud', async () => {
    const schoolsOf = async (area: string) => {
      const wb = await load(await renderXlsx(buildOf(area)));
      const participation = values(wb.getWorksheet('Deltakelse')!.getRow(1)).slice(3);
      const dated = new Set(
        dataRows(wb.getWorksheet('Datoer')!)
          .flatMap((r) => String(r[7] ?? '').split(', '))
          .filter(Boolean),
      );
      return { participation, dated };
    };
    const romsas = await schoolsOf('omrade-romsas');
    const ammerud = await schoolsOf('omrade-ammerud');
    expect(romsas.participation).toContain('Tiurleiken barneskole');
    expect(ammerud.participation).not.toContain('Tiurleiken barneskole');
    expect(romsas.dated.has('Tiurleiken barneskole')).toBe(true);
    expect(ammerud.dated.has('Tiurleiken barneskole')).toBe(false);
    expect([...ammerud.dated].some((s) => !romsas.dated.has(s))).toBe(true);
  });

  it('writes nynorsk and English headers', async () => {
    const nn = await load(await renderXlsx(buildOf('omrade-ammerud'), 'nn'));
    expect(nn.worksheets.map((ws) => ws.name)).toContain('Datoar');
    expect(values(nn.getWorksheet('Datoar')!.getRow(1)).slice(0, 3)).toEqual([
      'Dato',
      'Vekedag',
      'Veke',
    ]);
    const en = await load(await renderXlsx(buildOf('omrade-ammerud'), 'en'));
    expect(en.worksheets.map((ws) => ws.name)).toEqual([
      'Strategic',
      'Organisational',
      'Operational',
      'Dates',
      'Undated',
      'Participation',
      'Documents',
      'Revisions',
    ]);
    expect(values(en.getWorksheet('Operational')!.getRow(1))[1]).toBe('Focus');
  });

  it('works for the whole district', async () => {
    const all = buildOf('all');
    const wb = await load(await renderXlsx(all));
    expect(dataRows(wb.getWorksheet('Datoer')!)).toHaveLength(
      all.arshjul.rings.reduce((n, r) => n + r.entries.length, 0),
    );
  });
});

describe('helpers', () => {
  it('makes sheet names Excel accepts', () => {
    expect(sheetName('A/B: [c]*?\\d')).toBe('A-B- -c----d');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('')).toBe('Ark');
  });

  it('gives dates as UTC midnight', () => {
    expect(excelDate('2025-08-18').toISOString()).toBe('2025-08-18T00:00:00.000Z');
  });

  it('counts wrapped lines', () => {
    expect(wrappedLines('kort', 20)).toBe(1);
    expect(wrappedLines('a\nb', 20)).toBe(2);
    expect(wrappedLines('ord '.repeat(30), 10)).toBeGreaterThan(5);
  });
});
