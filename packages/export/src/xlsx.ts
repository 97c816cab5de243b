/**
 * An area's årshjul and implementation plan as an Excel workbook (exceljs), for sorting and
 * filtering: one sheet per level with the plan's structures, «Datoer» with every dated entry of
 * the årshjul as a row (real date cells), what has no date, the participation matrix, the
 * documents and the revision calendar. Every sheet has a bold, frozen header row and a filter.
 */
import ExcelJS from 'exceljs';
import type { Level } from '@arshjul/model';
import type { AreaBuild, ArshjulEntry } from '@arshjul/plan';
import {
  isoWeekOf,
  isoWeekday,
  WEEKDAY_NAMES,
  type IsoDate,
  type Lang,
} from '@arshjul/school-calendar';
import { stampZip } from './docx.js';
import { entryNote } from './outline.js';
import { RING_ORDER } from './wheel-spec.js';
import { word, type WordKey } from './words.js';

const LEVELS: readonly Level[] = ['strategisk', 'organisatorisk', 'operativt'];

/** The date format of date cells. */
export const DATE_FORMAT = 'dd.mm.yyyy';

/** A column of a sheet: its header, width in characters, and whether its text wraps. */
interface Column {
  header: string;
  width: number;
  wrap?: boolean;
  date?: boolean;
  center?: boolean;
}

type Cell = string | number | Date | null;

/** A date as an Excel date cell value (UTC midnight, which exceljs writes as the whole day). */
export function excelDate(date: IsoDate): Date {
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
  );
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31)
      .trim() || 'Ark'
  );
}

const BODY_FONT = { name: 'Arial', size: 10 };
/** Points per line of 10 pt text. */
const LINE_HEIGHT = 13;

/** How many lines `text` takes when wrapped in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(4, Math.floor(width * 1.1) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const wordText of paragraph.split(/\s+/).filter(Boolean)) {
      const len = wordText.length;
      if (line > 0 && line + 1 + len > room) {
        lines++;
        line = 0;
      }
      line = line === 0 ? len : line + 1 + len;
      while (line > room) {
        lines++;
        line -= room;
      }
    }
  }
  return lines;
}

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Cell[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    // Printed: A4 landscape, as wide as the page, the header row on every page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      font: BODY_FONT,
      alignment: {
        vertical: 'top',
        wrapText: c.wrap === true,
        ...(c.center ? { horizontal: 'center' as const } : {}),
      },
      ...(c.date ? { numFmt: DATE_FORMAT } : {}),
    },
  }));
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === '' ? null : v)));
    // Excel and LibreOffice keep generated rows at one line, so wrapped text gets room here.
    const lines = Math.max(
      1,
      ...columns.map((c, i) =>
        c.wrap && typeof r[i] === 'string' ? wrappedLines(r[i], c.width) : 1,
      ),
    );
    if (lines > 1) row.height = lines * LINE_HEIGHT + 3;
  }
  const header = ws.getRow(1);
  header.font = { ...BODY_FONT, bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF7A8A9A' } } };
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: columns.length },
  };
  return ws;
}

/** The årshjul and implementation plan of a build as an .xlsx workbook. */
export async function renderXlsx(build: AreaBuild, lang: Lang = 'nb'): Promise<Uint8Array> {
  const { arshjul, plan } = build;
  const w = (key: WordKey) => word(lang, key);
  const schoolName = new Map(arshjul.schools.map((s) => [s.id, s.name]));
  const names = (ids: readonly string[]) => ids.map((id) => schoolName.get(id) ?? id).join(', ');

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Årshjulet';
  wb.lastModifiedBy = 'Årshjulet';
  wb.title = plan.title;
  wb.subject = arshjul.title;
  wb.created = excelDate(plan.asOf);
  wb.modified = excelDate(plan.asOf);
  (wb as unknown as { language: string }).language = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[
    lang
  ];

  // One sheet per level, with the plan's structures.
  const planColumns: Column[] = [
    { header: w('id'), width: 7 },
    { header: w('colStructure'), width: 34, wrap: true },
    { header: w('colDescription'), width: 60, wrap: true },
    { header: w('colFollowUp'), width: 22, wrap: true },
    { header: w('colResponsible'), width: 26, wrap: true },
    { header: w('colSchools'), width: 28, wrap: true },
  ];
  for (const level of LEVELS) {
    const tables = plan.tables.filter((t) => t.level === level);
    const withFocus = level === 'operativt';
    addSheet(
      wb,
      w(level),
      withFocus
        ? [
            ...planColumns.slice(0, 1),
            { header: w('focus'), width: 30, wrap: true },
            ...planColumns.slice(1),
          ]
        : planColumns,
      tables.flatMap((t) =>
        t.rows.map((r) => [
          r.id,
          ...(withFocus ? [t.title] : []),
          r.formellStruktur,
          r.beskrivelse,
          r.oppfolging,
          r.ansvar,
          r.skoler,
        ]),
      ),
    );
  }

  // Every dated entry, one row each.
  const ringRank = new Map(RING_ORDER.map((id, i) => [id, i]));
  const dated: { entry: ArshjulEntry; ring: string; rank: number }[] = arshjul.rings.flatMap(
    (ring) =>
      ring.entries.map((entry) => ({ entry, ring: ring.label, rank: ringRank.get(ring.id) ?? 99 })),
  );
  dated.sort(
    (a, b) =>
      (a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : 0) ||
      a.rank - b.rank ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  addSheet(
    wb,
    w('occurrences'),
    [
      { header: w('date'), width: 12, date: true },
      { header: w('weekday'), width: 10 },
      { header: w('week'), width: 6, center: true },
      { header: w('what'), width: 50, wrap: true },
      { header: w('structure'), width: 10 },
      { header: w('levelOrRing'), width: 20 },
      { header: w('responsible'), width: 24, wrap: true },
      { header: w('schools'), width: 30, wrap: true },
      { header: w('rhythm'), width: 24, wrap: true },
      { header: w('placement'), width: 11 },
      { header: w('note'), width: 34, wrap: true },
      { header: w('to'), width: 12, date: true },
    ],
    dated.map(({ entry: e, ring }) => [
      excelDate(e.date),
      WEEKDAY_NAMES[lang][isoWeekday(e.date) - 1] ?? '',
      isoWeekOf(e.date).week,
      e.title,
      e.structureId ?? e.revisionId ?? '',
      ring,
      e.responsible,
      names(e.schools),
      e.cadenceText,
      e.placement === 'suggested' ? w('suggestedShort') : w('exact'),
      entryNote(e, lang),
      e.to && e.to !== e.date ? excelDate(e.to) : null,
    ]),
  );

  // What has no date.
  addSheet(
    wb,
    w('undatedSheet'),
    [
      { header: w('structure'), width: 10 },
      { header: w('name'), width: 50, wrap: true },
      { header: w('level'), width: 16 },
      { header: w('rhythm'), width: 30, wrap: true },
      { header: w('why'), width: 22, wrap: true },
      { header: w('responsible'), width: 26, wrap: true },
      { header: w('schools'), width: 30, wrap: true },
    ],
    arshjul.undated.map((u) => [
      u.structure.id,
      u.structure.name,
      w(u.structure.level),
      u.text,
      w(`reason.${u.reason}` as WordKey),
      u.responsible,
      names(u.schools),
    ]),
  );

  // Participation: a structure per row, a school per column.
  const p = plan.participation;
  const hasDistrict = p.rows.some((r) => r.district);
  const cell = (c: string | undefined) =>
    c === 'yes' ? w('yes') : c === 'variation' ? w('variation') : w('no');
  addSheet(
    wb,
    w('participation'),
    [
      { header: w('structure'), width: 10 },
      { header: w('name'), width: 50, wrap: true },
      { header: w('level'), width: 16 },
      ...p.schools.map((s): Column => ({
        header: s.name,
        width: Math.min(24, Math.max(10, s.name.length * 0.6)),
        wrap: true,
      })),
      ...(hasDistrict ? [{ header: w('districtColumn'), width: 9 }] : []),
    ],
    p.rows.map((r) => [
      r.structure.id,
      r.structure.name,
      w(r.structure.level),
      ...p.schools.map((s) => cell(r.cells[s.id])),
      ...(hasDistrict ? [r.district ? w('yes') : w('no')] : []),
    ]),
  );

  // Documents.
  const dmy = (d: IsoDate) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
  addSheet(
    wb,
    w('documentsShort'),
    [
      { header: w('document'), width: 50, wrap: true },
      { header: w('owner'), width: 40, wrap: true },
      { header: w('revised'), width: 28, wrap: true },
      { header: w('revisionDates'), width: 24, wrap: true },
    ],
    plan.documents.map((d) => [
      d.title,
      d.ownerText ?? d.owner,
      d.revisionText,
      d.revisionDates.map(dmy).join(', '),
    ]),
  );

  // The revision calendar: a row per due date (a row without dates when there are none).
  addSheet(
    wb,
    w('revisionsSheet'),
    [
      { header: w('what'), width: 44, wrap: true },
      { header: w('rhythm'), width: 24, wrap: true },
      { header: w('forum'), width: 16, wrap: true },
      { header: w('draftBy'), width: 13, date: true },
      { header: w('date'), width: 12, date: true },
      { header: w('placement'), width: 11 },
      { header: w('draftedBy'), width: 22, wrap: true },
      { header: w('decidedBy'), width: 22, wrap: true },
      { header: w('note'), width: 30, wrap: true },
    ],
    plan.revisionCalendar.flatMap((r): Cell[][] => {
      const common = [r.title, r.cadenceText, r.forum ?? ''];
      if (r.dueDates.length === 0) {
        return [
          [...common, null, null, '', r.draftedBy, r.decidedBy, r.unscheduled ?? w('unscheduled')],
        ];
      }
      return r.dueDates.map((d) => [
        ...common,
        d.draftBy ? excelDate(d.draftBy) : null,
        excelDate(d.date),
        d.placement === 'suggested' ? w('suggestedShort') : w('exact'),
        r.draftedBy,
        r.decidedBy,
        '',
      ]);
    }),
  );

  const bytes = await wb.xlsx.writeBuffer();
  return stampZip(new Uint8Array(bytes as ArrayBuffer), plan.asOf);
}
