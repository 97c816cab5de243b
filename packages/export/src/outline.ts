/**
 * The implementation plan as a document outline: headings, paragraphs, lists, tables and the
 * wheel figure, in reading order and in the user's language. Word, PDF and HTML all render this
 * one outline, so the three say the same things in the same order; each only decides how it
 * looks.
 */
import type { AreaBuild, Arshjul, ArshjulEntry } from '@arshjul/plan';
import { formatDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import { entryLabel, RING_ORDER } from './wheel-spec.js';
import { slugify, word, type WordKey } from './words.js';

export interface TableColumn {
  header: string;
  /** Relative width. */
  width: number;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'small' }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      id: string;
      caption: string;
      columns: TableColumn[];
      rows: string[][];
      /** The first cell of each row names the row (a row header). */
      rowHeaders?: boolean;
    }
  /** The årshjul picture; `alt` is its text alternative. */
  | { kind: 'wheel'; alt: string }
  | { kind: 'pagebreak' };

export interface Outline {
  lang: Lang;
  /** «Implementeringsplan for Ammerud 2025–26». */
  title: string;
  /** Facts under the title: area, schools, school year, school calendar, when made. */
  meta: { label: string; value: string }[];
  blocks: Block[];
}

export interface OutlineOptions {
  lang?: Lang;
  /** The date the document says it was made (the exports never read the clock). */
  madeOn?: IsoDate;
  /** Series with more dates than this are one row per month in the month list (default 15). */
  collapseOver?: number;
}

/**
 * Days already written, by language and date: the month list writes the same few hundred days on
 * every build (the app builds the outline on every edit while the plan shows). A pure function
 * of its input, so kept for the process; bounded by the days of the calendars in use.
 */
const writtenDays = new Map<string, string>();

/** «man. 18. aug.», «Mon 18 Aug». */
export function shortDay(date: IsoDate, lang: Lang): string {
  const key = `${lang}${date}`;
  let text = writtenDays.get(key);
  if (text === undefined) {
    text = formatDate(date, lang, lang === 'en' ? 'EEE d MMM' : 'EEE d. MMM');
    writtenDays.set(key, text);
  }
  return text;
}

/** A date or a period, e.g. «13. okt.–17. okt.». */
export function dayOrPeriod(from: IsoDate, to: IsoDate | undefined, lang: Lang): string {
  return to === undefined || to === from
    ? shortDay(from, lang)
    : `${shortDay(from, lang)} – ${shortDay(to, lang)}`;
}

/** The school names of an entry, or nothing when it is for the whole area or district. */
function schoolNames(arshjul: Arshjul, ids: readonly string[]): string {
  if (ids.length === 0 || ids.length === arshjul.schools.length) return '';
  const names = new Map(arshjul.schools.map((s) => [s.id, s.name]));
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** What to note about an entry's date: suggested, moved, optional. */
export function entryNote(entry: ArshjulEntry, lang: Lang): string {
  const parts: string[] = [];
  if (entry.placement === 'suggested') {
    parts.push(
      entry.window
        ? `${word(lang, 'suggested')} (${word(lang, 'window')} ${dayOrPeriod(entry.window.from, entry.window.to, lang)})`
        : word(lang, 'suggested'),
    );
  }
  if (entry.moved) parts.push(`${word(lang, 'movedFrom')} ${shortDay(entry.moved.from, lang)}`);
  if (entry.optional) parts.push(word(lang, 'optional'));
  return parts.join('; ');
}

export interface MonthRow {
  /** `2025-08` */
  month: string;
  /** Sort key: the first date. */
  date: IsoDate;
  when: string;
  what: string;
  ring: string;
  responsible: string;
  schools: string;
  note: string;
}

/**
 * The årshjul as a list by month: one row per dated entry, except series with more than
 * `collapseOver` dates (weekly meetings), which get one row per month listing the days.
 */
export function monthRows(arshjul: Arshjul, lang: Lang, collapseOver = 15): MonthRow[] {
  const collapsed = new Set(
    arshjul.series.filter((s) => s.entries.length > collapseOver).map((s) => s.id),
  );
  const rows: MonthRow[] = [];
  const grouped = new Map<string, { entries: ArshjulEntry[]; ring: string }>();
  const rings = RING_ORDER.map((id) => arshjul.rings.find((r) => r.id === id)).filter(
    (r) => r !== undefined,
  );
  for (const ring of [...rings].reverse()) {
    for (const e of ring.entries) {
      if (e.series !== undefined && collapsed.has(e.series)) {
        const key = `${e.series}|${e.date.slice(0, 7)}`;
        const g = grouped.get(key);
        if (g) g.entries.push(e);
        else grouped.set(key, { entries: [e], ring: ring.label });
        continue;
      }
      rows.push({
        month: e.date.slice(0, 7),
        date: e.date,
        when: dayOrPeriod(e.date, e.to, lang),
        what: entryLabel(e),
        ring: ring.label,
        responsible: e.responsible,
        schools: schoolNames(arshjul, e.schools),
        note: entryNote(e, lang),
      });
    }
  }
  for (const { entries, ring } of grouped.values()) {
    const first = entries[0]!;
    const series = arshjul.series.find((s) => s.id === first.series)!;
    const days = entries.map((e) =>
      lang === 'en' ? String(Number(e.date.slice(8))) : `${Number(e.date.slice(8))}.`,
    );
    rows.push({
      month: first.date.slice(0, 7),
      date: first.date,
      when: `${days.join(', ')} ${formatDate(first.date, lang, 'MMM')}`,
      what: `${entryLabel(first)} (${series.cadenceText.toLocaleLowerCase('nb')})`,
      ring,
      responsible: first.responsible,
      schools: schoolNames(arshjul, first.schools),
      note: entries
        .map((e) => entryNote(e, lang))
        .filter(Boolean)
        .join('; '),
    });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const STAGE_WORD: Record<string, WordKey> = {
  barneskole: 'barneskole',
  ungdomsskole: 'ungdomsskole',
  kombinert: 'kombinert',
  videregående: 'videregående',
  annen: 'annen',
};

/** The implementation plan of one build (an area or the district), with its årshjul. */
export function planOutline(build: AreaBuild, options: OutlineOptions = {}): Outline {
  const lang = options.lang ?? 'nb';
  const { arshjul, plan } = build;
  const w = (key: WordKey, vars?: Record<string, string | number>) => word(lang, key, vars);
  const blocks: Block[] = [];
  const ids = new Set<string>();
  const heading = (level: 1 | 2 | 3, text: string) => {
    let id = slugify(text) || 'del';
    for (let n = 2; ids.has(id); n++) id = `${slugify(text)}-${n}`;
    ids.add(id);
    blocks.push({ kind: 'heading', level, text, id });
  };
  const table = (
    caption: string,
    columns: [string, number][],
    rows: string[][],
    rowHeaders = true,
  ) => {
    blocks.push({
      kind: 'table',
      id: `tabell-${blocks.length}`,
      caption,
      columns: columns.map(([header, width]) => ({ header, width })),
      rows,
      rowHeaders,
    });
  };

  // Schools and stages.
  heading(2, w('schools'));
  blocks.push({
    kind: 'list',
    items: plan.schools.map((s) => `${s.name} (${w(STAGE_WORD[s.stage] ?? 'annen')})`),
  });
  if (plan.stageSummary.note)
    blocks.push({ kind: 'paragraph', text: plan.stageSummary.note, style: 'lead' });

  // The årshjul: picture, month by month, undated, things to note.
  heading(2, arshjul.title);
  const ringLabels = RING_ORDER.map((id) => arshjul.rings.find((r) => r.id === id)?.label).filter(
    (l): l is string => l !== undefined,
  );
  const count = arshjul.rings.reduce((n, r) => n + r.entries.length, 0);
  blocks.push({
    kind: 'wheel',
    alt: w('wheelAlt', {
      title: arshjul.title,
      rings: ringLabels.length,
      ringNames: ringLabels.join(', '),
      count,
    }),
  });
  heading(3, w('months'));
  const rows = monthRows(arshjul, lang, options.collapseOver);
  table(
    w('months'),
    [
      [w('date'), 16],
      [w('what'), 34],
      [w('level'), 14],
      [w('responsible'), 18],
      [w('note'), 18],
    ],
    rows.map((r) => [
      r.when,
      r.schools ? `${r.what} (${r.schools})` : r.what,
      r.ring,
      r.responsible,
      r.note,
    ]),
  );
  if (arshjul.undated.length > 0) {
    heading(3, w('undated'));
    blocks.push({ kind: 'paragraph', text: w('undatedIntro') });
    table(
      w('undated'),
      [
        [w('structure'), 36],
        [w('rhythm'), 20],
        [w('why'), 18],
        [w('responsible'), 26],
      ],
      arshjul.undated.map((u) => [
        `${u.structure.id} ${u.structure.name}` +
          (schoolNames(arshjul, u.schools) ? ` (${schoolNames(arshjul, u.schools)})` : ''),
        u.text,
        w(`reason.${u.reason}` as WordKey),
        u.responsible,
      ]),
    );
  }
  const warnings = arshjul.warnings.filter((x) => x.severity === 'warning');
  if (warnings.length > 0) {
    heading(3, w('warnings'));
    blocks.push({ kind: 'list', items: warnings.map((x) => x.message) });
  }

  // The Vedlegg 3 tables.
  blocks.push({ kind: 'pagebreak' });
  heading(2, w('structures'));
  for (const t of plan.tables) {
    heading(3, t.title);
    table(
      t.title,
      [
        [w('colStructure'), 22],
        [w('colDescription'), 30],
        [w('colFollowUp'), 16],
        [w('colResponsible'), 16],
        [w('colSchools'), 16],
      ],
      t.rows.map((r) => [r.formellStruktur, r.beskrivelse, r.oppfolging, r.ansvar, r.skoler]),
    );
  }

  // Participation.
  heading(2, w('participation'));
  blocks.push({ kind: 'paragraph', text: w('participationIntro'), style: 'small' });
  const p = plan.participation;
  const hasDistrict = p.rows.some((r) => r.district);
  const cell = (c: string | undefined) =>
    c === 'yes' ? w('yes') : c === 'variation' ? w('variation') : w('no');
  const schoolWidth = Math.max(6, Math.floor(60 / Math.max(1, p.schools.length)));
  table(
    w('participation'),
    [
      [w('structure'), 40],
      ...p.schools.map((s): [string, number] => [s.name, schoolWidth]),
      ...(hasDistrict ? [[w('districtColumn'), 8] as [string, number]] : []),
    ],
    p.rows.map((r) => [
      `${r.structure.id} ${r.structure.name}`,
      ...p.schools.map((s) => cell(r.cells[s.id])),
      ...(hasDistrict ? [r.district ? w('yes') : w('no')] : []),
    ]),
  );

  // Documents and the revision calendar.
  heading(2, w('documents'));
  table(
    w('documents'),
    [
      [w('document'), 34],
      [w('owner'), 22],
      [w('revised'), 22],
      [w('revisionDates'), 22],
    ],
    plan.documents.map((d) => [
      d.title,
      d.ownerText ?? d.owner,
      d.revisionText,
      d.revisionDates.map((x) => shortDay(x, lang)).join(', ') || '–',
    ]),
  );
  heading(2, w('revisionCalendar'));
  table(
    w('revisionCalendar'),
    [
      [w('what'), 26],
      [w('rhythm'), 14],
      [w('forum'), 14],
      [w('draftBy'), 12],
      [w('date'), 12],
      [w('draftedBy'), 11],
      [w('decidedBy'), 11],
    ],
    plan.revisionCalendar.map((r) => [
      r.title,
      r.cadenceText,
      r.forum ?? '',
      r.dueDates
        .map((d) => (d.draftBy ? shortDay(d.draftBy, lang) : ''))
        .filter(Boolean)
        .join(', '),
      r.dueDates.length > 0
        ? r.dueDates
            .map(
              (d) =>
                shortDay(d.date, lang) +
                (d.placement === 'suggested' ? ` (${w('suggested')})` : ''),
            )
            .join(', ')
        : (r.unscheduled ?? '–'),
      r.draftedBy,
      r.decidedBy,
    ]),
  );

  // Onboarding, routines, glossary, notes.
  if (plan.onboarding.length > 0) {
    heading(2, w('onboarding'));
    for (const o of plan.onboarding) {
      heading(3, o.title);
      blocks.push({
        kind: 'list',
        items: [
          `${w('trigger')}: ${o.trigger}`,
          `${w('maintainedBy')}: ${o.maintainedBy}`,
          `${w('convenedBy')}: ${o.convenedBy}`,
        ],
      });
      for (const m of o.meetings) {
        table(
          `${m.title} – ${w('participants').toLowerCase()}: ${m.participants}`,
          [
            [w('content'), 34],
            [w('purpose'), 28],
            [w('documentsShort'), 20],
            [w('responsible'), 18],
          ],
          m.agenda.map((a) => [a.content, a.purpose ?? '', a.documents.join(', '), a.responsible]),
        );
      }
    }
  }
  if (plan.routines.length > 0) {
    heading(2, w('routines'));
    for (const r of plan.routines) {
      heading(3, r.name);
      blocks.push({ kind: 'paragraph', text: `${w('trigger')}: ${r.trigger}` });
      table(
        r.name,
        [
          [w('action'), 50],
          [w('responsible'), 28],
          [w('timing'), 22],
        ],
        r.steps.map((s) => [s.action, s.responsible, s.timing ?? '']),
        false,
      );
    }
  }
  if (plan.glossary.length > 0) {
    heading(2, w('glossary'));
    table(
      w('glossary'),
      [
        [w('term'), 25],
        [w('explanation'), 75],
      ],
      plan.glossary.map((g) => [g.term, [g.expansion, g.description].filter(Boolean).join(' – ')]),
    );
  }
  if (plan.notes.length > 0) {
    heading(2, w('notes'));
    blocks.push({ kind: 'paragraph', text: w('notesIntro'), style: 'small' });
    blocks.push({
      kind: 'list',
      items: plan.notes.map(
        (n) =>
          `${n.label}: ${n.text}` +
          (n.alternative ? ` ${w('alternative')}: ${n.alternative}` : '') +
          (n.source ? ` (${w('source')}: ${n.source})` : ''),
      ),
    });
  }

  return {
    lang,
    title: plan.title,
    meta: [
      { label: w('area'), value: plan.area?.name ?? plan.district },
      { label: w('schools'), value: plan.schools.map((s) => s.name).join(', ') },
      { label: w('schoolYear'), value: plan.schoolYear.replace('-', '–') },
      { label: w('kommune'), value: plan.kommune },
      ...(options.madeOn
        ? [{ label: w('madeOn'), value: `${formatDate(options.madeOn, lang)} ${w('fromModel')}` }]
        : []),
    ],
    blocks,
  };
}
