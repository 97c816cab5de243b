/**
 * Every file of an area's (or the district's) export bundle, one at a time, so a caller can
 * report progress and write each file as it comes. No I/O: names and bytes only; the CLI and the
 * app decide where the files go. Runs anywhere: the platform's pieces (fonts, PNG, pdfkit) come
 * in an `ExportPlatform`; `bundle.ts` has Node's defaults, `browser.ts` the browser entry.
 */
import type { Model } from '@arshjul/model';
import type { AreaBuild } from '@arshjul/plan';
import type { IsoDate, Lang } from '@arshjul/school-calendar';
import { cardsOutline, contactSheetOutline, renderCardsHtml, roleCards } from './cards.js';
import { renderDocx } from './docx.js';
import { glossaryOutline, renderGlossaryHtml } from './glossary-page.js';
import { arshjulToIcs, roleFilter } from './ics.js';
import { renderHtml } from './html.js';
import { modelJson } from './model-json.js';
import { planOutline } from './outline.js';
import { renderPlanPdfWith, renderWheelPdfWith } from './pdf-core.js';
import type { ExportPlatform } from './platform.js';
import { wheelSvg } from './wheel-svg.js';
import { renderXlsx } from './xlsx.js';
import { fileSlug, word } from './words.js';

/** Pixel width of the wheel PNG (and of the picture in the Word plan): sharp on A4 at 250 dpi. */
export const PNG_WIDTH = 1800;

export const FORMATS = [
  'ics',
  'docx',
  'xlsx',
  'pdf',
  'svg',
  'png',
  'html',
  'cards',
  'glossary',
  'json',
] as const;
export type Format = (typeof FORMATS)[number];

export interface ExportFile {
  /** File name without directory, e.g. `plan-ammerud-2025-26.docx`. */
  name: string;
  format: Format;
  /** What the file is, in the user's language («Implementeringsplan (Word)»). */
  description: string;
  bytes: Uint8Array;
}

export interface BundleOptions {
  /** Formats to write (default all). */
  formats?: readonly Format[];
  lang?: Lang;
  /** The date the documents say they were made (default the plan's `asOf`); the CLI gives today. */
  madeOn?: IsoDate;
  /** Draws a today marker on the wheel. */
  today?: IsoDate;
  /** Also write one calendar per role (role ids of the model). */
  roles?: readonly string[];
  /** Keep personal data in the model JSON (default false). */
  keepPersonalData?: boolean;
  /**
   * Show the people holding a role (name, phone, e-mail from the role's assignment) on the role
   * cards and the contact sheet (default true, as on the schools' own contact lists); false
   * leaves every person out.
   */
  cardsPersonalData?: boolean;
}

export { fileSlug } from './words.js';

/** The name part of a build's files: the area's name, or the district's for `'all'`. */
export function buildSlug(build: AreaBuild): string {
  return fileSlug(build.plan.area?.name ?? build.plan.district);
}

const DESCRIPTIONS: Record<string, Record<Lang, string>> = {
  ics: { nb: 'Kalender (iCalendar)', nn: 'Kalender (iCalendar)', en: 'Calendar (iCalendar)' },
  roleIcs: {
    nb: 'Kalender for {role}',
    nn: 'Kalender for {role}',
    en: 'Calendar for {role}',
  },
  docx: { nb: 'Plan (Word)', nn: 'Plan (Word)', en: 'Plan (Word)' },
  xlsx: {
    nb: 'Plan og datoer (Excel)',
    nn: 'Plan og datoar (Excel)',
    en: 'Plan and dates (Excel)',
  },
  planPdf: { nb: 'Plan (PDF, A4)', nn: 'Plan (PDF, A4)', en: 'Plan (PDF, A4)' },
  wheelPdf: {
    nb: 'Årshjul (PDF, A3-plakat)',
    nn: 'Årshjul (PDF, A3-plakat)',
    en: 'Annual wheel (PDF, A3 poster)',
  },
  svg: { nb: 'Årshjul (SVG)', nn: 'Årshjul (SVG)', en: 'Annual wheel (SVG)' },
  png: { nb: 'Årshjul (PNG)', nn: 'Årshjul (PNG)', en: 'Annual wheel (PNG)' },
  html: {
    nb: 'Plan og årshjul (nettside)',
    nn: 'Plan og årshjul (nettside)',
    en: 'Plan and wheel (web page)',
  },
  cardsHtml: {
    nb: 'Rollevisittkort (nettside)',
    nn: 'Rollevisittkort (nettside)',
    en: 'Role cards (web page)',
  },
  cardsPdf: { nb: 'Rollevisittkort (PDF)', nn: 'Rollevisittkort (PDF)', en: 'Role cards (PDF)' },
  contactPdf: { nb: 'Kontaktark (PDF)', nn: 'Kontaktark (PDF)', en: 'Contact sheet (PDF)' },
  contactDocx: { nb: 'Kontaktark (Word)', nn: 'Kontaktark (Word)', en: 'Contact sheet (Word)' },
  glossaryHtml: { nb: 'Ordliste (nettside)', nn: 'Ordliste (nettside)', en: 'Glossary (web page)' },
  glossaryPdf: { nb: 'Ordliste (PDF)', nn: 'Ordliste (PDF)', en: 'Glossary (PDF)' },
  json: {
    nb: 'Modellfil (JSON, uten personopplysninger)',
    nn: 'Modellfil (JSON, utan personopplysningar)',
    en: 'Model file (JSON, without personal data)',
  },
};

const describe = (key: string, lang: Lang, role = '') =>
  DESCRIPTIONS[key]![lang].replace('{role}', role);

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * The files of one build. The model JSON is the same for every area; `exportModelFile` gives it
 * once for a whole run, so it is not part of the per-area bundle unless `json` is asked for here.
 */
export async function* exportBuildWith(
  platform: ExportPlatform,
  build: AreaBuild,
  model: Model,
  options: BundleOptions = {},
): AsyncGenerator<ExportFile> {
  const formats = new Set(options.formats ?? FORMATS);
  const lang = options.lang ?? 'nb';
  const { arshjul } = build;
  const slug = buildSlug(build);
  const year = arshjul.schoolYear;
  const base = (kind: 'arshjul' | 'plan') => `${kind}-${slug}-${year}`;
  const madeOn = options.madeOn ?? build.plan.asOf;
  const needsOutline = formats.has('docx') || formats.has('pdf') || formats.has('html');
  const outline = needsOutline ? planOutline(build, { lang, madeOn }) : undefined;
  const picture = (glyphs: 'elements' | 'lists') =>
    wheelSvg(arshjul, lang, { glyphs, ...(options.today ? { today: options.today } : {}) });
  // The SVG file is written so that every program draws it; PNG, PDF and HTML get the compact
  // form of the same picture (see WheelPictureOptions.glyphs).
  const compact = ['png', 'pdf', 'html', 'docx'].some((f) => formats.has(f as Format))
    ? picture('lists')
    : '';
  // The PNG renders (on a worker thread in Node) while the calendars and PDFs are made.
  const pending =
    formats.has('png') || formats.has('docx')
      ? platform.svgToPng(compact, { width: PNG_WIDTH })
      : undefined;
  // Ask for the PNG's result now so a failure is never left unhandled; it is awaited below.
  pending?.catch(() => undefined);

  if (formats.has('ics')) {
    yield {
      name: `${base('arshjul')}.ics`,
      format: 'ics',
      description: describe('ics', lang),
      bytes: utf8(arshjulToIcs(arshjul, { lang, stamp: madeOn })),
    };
    for (const roleId of options.roles ?? []) {
      const role = roleFilter(model, roleId);
      yield {
        name: `${base('arshjul')}-${fileSlug(roleId)}.ics`,
        format: 'ics',
        description: describe('roleIcs', lang, role.name),
        bytes: utf8(arshjulToIcs(arshjul, { lang, role, stamp: madeOn })),
      };
    }
  }
  if (formats.has('svg')) {
    yield {
      name: `${base('arshjul')}.svg`,
      format: 'svg',
      description: describe('svg', lang),
      bytes: utf8(picture('elements')),
    };
  }
  if (formats.has('pdf')) {
    yield {
      name: `${base('arshjul')}-a3.pdf`,
      format: 'pdf',
      description: describe('wheelPdf', lang),
      bytes: await renderWheelPdfWith(platform, compact, {
        title: arshjul.title,
        lang,
        info: { date: madeOn },
        undated: {
          title: word(lang, 'undated'),
          lines: arshjul.undated.map((u) => `${u.structure.id} ${u.structure.name}: ${u.text}`),
        },
      }),
    };
    yield {
      name: `${base('plan')}.pdf`,
      format: 'pdf',
      description: describe('planPdf', lang),
      bytes: await renderPlanPdfWith(platform, outline!, compact, { info: { date: madeOn } }),
    };
  }
  const png = pending ? await pending : undefined;
  if (formats.has('png')) {
    yield {
      name: `${base('arshjul')}.png`,
      format: 'png',
      description: describe('png', lang),
      bytes: png!,
    };
  }
  if (formats.has('docx')) {
    yield {
      name: `${base('plan')}.docx`,
      format: 'docx',
      description: describe('docx', lang),
      bytes: await renderDocx(outline!, png!, { date: madeOn }),
    };
  }
  if (formats.has('xlsx')) {
    yield {
      name: `${base('plan')}.xlsx`,
      format: 'xlsx',
      description: describe('xlsx', lang),
      bytes: await renderXlsx(build, lang),
    };
  }
  if (formats.has('html')) {
    yield {
      name: `${base('plan')}.html`,
      format: 'html',
      description: describe('html', lang),
      bytes: utf8(renderHtml(outline!, compact)),
    };
  }
  if (formats.has('cards')) {
    const cards = roleCards(model, {
      ...(build.area !== 'all' ? { area: build.area } : {}),
      asOf: build.plan.asOf,
      lang,
      personalData: options.cardsPersonalData ?? true,
    });
    const info = { info: { date: madeOn } };
    yield {
      name: `rollekort-${slug}.html`,
      format: 'cards',
      description: describe('cardsHtml', lang),
      bytes: utf8(renderCardsHtml(cards)),
    };
    yield {
      name: `rollekort-${slug}.pdf`,
      format: 'cards',
      description: describe('cardsPdf', lang),
      bytes: await renderPlanPdfWith(platform, cardsOutline(cards), '', info),
    };
    const sheet = contactSheetOutline(cards);
    yield {
      name: `kontaktark-${slug}.pdf`,
      format: 'cards',
      description: describe('contactPdf', lang),
      bytes: await renderPlanPdfWith(platform, sheet, '', info),
    };
    yield {
      name: `kontaktark-${slug}.docx`,
      format: 'cards',
      description: describe('contactDocx', lang),
      bytes: await renderDocx(sheet, new Uint8Array(), { date: madeOn }),
    };
  }
  if (formats.has('glossary')) yield* exportGlossaryFiles(platform, model, { ...options, madeOn });
  if (formats.has('json')) yield exportModelFile(model, options);
}

/** The glossary page, the same for every area: as a web page and as a PDF. */
export async function* exportGlossaryFiles(
  platform: ExportPlatform,
  model: Model,
  options: BundleOptions = {},
): AsyncGenerator<ExportFile> {
  const lang = options.lang ?? 'nb';
  const name = `ordliste-${fileSlug(model.organisation.district.name)}`;
  yield {
    name: `${name}.html`,
    format: 'glossary',
    description: describe('glossaryHtml', lang),
    bytes: utf8(renderGlossaryHtml(model, { lang })),
  };
  yield {
    name: `${name}.pdf`,
    format: 'glossary',
    description: describe('glossaryPdf', lang),
    bytes: await renderPlanPdfWith(platform, glossaryOutline(model, { lang }), '', {
      ...(options.madeOn ? { info: { date: options.madeOn } } : {}),
    }),
  };
}

/** The model file for transfer, named after the district. */
export function exportModelFile(model: Model, options: BundleOptions = {}): ExportFile {
  return {
    name: `modell-${fileSlug(model.organisation.district.name)}.json`,
    format: 'json',
    description: describe('json', options.lang ?? 'nb'),
    bytes: utf8(modelJson(model, { keepPersonalData: options.keepPersonalData ?? false })),
  };
}
