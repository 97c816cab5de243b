/**
 * The årshjul as a wheel drawing: plan data (`Arshjul`) mapped onto the generic `WheelSpec` of
 * `@arshjul/wheel`. Rings from the inside out: breaks, revisions, strategic, organisational,
 * operational. Breaks and public holidays are also shaded across the rings. A series that meets
 * more often than `collapseOver` times a year (weekly meetings) is drawn as one band from its
 * first to its last date, labelled with its rhythm, instead of 40 marks.
 */
import type { Arshjul, ArshjulEntry, RingId } from '@arshjul/plan';
import { addDays, type IsoDate, type Lang } from '@arshjul/school-calendar';
import {
  augustYear,
  type RingSpec,
  type ShadedPeriod,
  type WheelItem,
  type WheelSpec,
} from '@arshjul/wheel';
import { word } from './words.js';

export const RING_ORDER: readonly RingId[] = [
  'ferier',
  'revisjon',
  'strategisk',
  'organisatorisk',
  'operativt',
];

export const RING_COLOURS: Record<RingId, string> = {
  strategisk: '#1b6ca8',
  organisatorisk: '#2a7d4f',
  operativt: '#b5541c',
  revisjon: '#7b4fa0',
  ferier: '#666666',
};

export interface WheelSpecOptions {
  /** Draws a today marker on this date (the exports never read the clock). */
  today?: IsoDate;
  /** Series with more dates than this in the year are drawn as one band (default 15). */
  collapseOver?: number;
}

/** The wheel item id of a series drawn as one band. */
export const seriesItemId = (seriesId: string): string => `serie:${seriesId}`;

/** An entry's label on the wheel: the structure's code and name, or the entry's title. */
export function entryLabel(entry: ArshjulEntry): string {
  return entry.structureId && entry.kind === 'meeting'
    ? `${entry.structureId} ${entry.title}`
    : entry.title;
}

/** The first year of a school year name like `2025-26`. */
export function startYearOf(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4));
}

/**
 * The days from the wheel's first day (1 August) to the first school day are the end of the
 * summer break that began the year before; the school year's own breaks do not include them.
 */
function summerBeforeStart(arshjul: Arshjul, wheelStart: IsoDate): ShadedPeriod[] {
  if (arshjul.firstSchoolDay <= wheelStart) return [];
  const summer = arshjul.breaks.find((b) => b.kind === 'sommerferie');
  return [
    {
      from: wheelStart,
      to: addDays(arshjul.firstSchoolDay, -1),
      label: summer?.name ?? 'Sommerferie',
      kind: 'break',
    },
  ];
}

export function arshjulWheelSpec(
  arshjul: Arshjul,
  lang: Lang = 'nb',
  options: WheelSpecOptions = {},
): WheelSpec {
  const collapseOver = options.collapseOver ?? 15;
  const year = augustYear(startYearOf(arshjul.schoolYear));
  const collapsed = new Map(
    arshjul.series.filter((s) => s.entries.length > collapseOver).map((s) => [s.id, s]),
  );
  const byId = new Map(arshjul.rings.map((r) => [r.id, r]));
  const rings: RingSpec[] = [];
  for (const id of RING_ORDER) {
    const ring = byId.get(id);
    if (!ring) continue;
    const items: WheelItem[] = [];
    const bands = new Set<string>();
    for (const e of ring.entries) {
      const series = e.series !== undefined ? collapsed.get(e.series) : undefined;
      if (series) {
        if (bands.has(series.id)) continue;
        bands.add(series.id);
        const dates = ring.entries.filter((x) => x.series === series.id).map((x) => x.date);
        items.push({
          id: seriesItemId(series.id),
          label: `${series.structureId} ${series.title} (${series.cadenceText.toLocaleLowerCase('nb')})`,
          from: dates[0]!,
          to: dates[dates.length - 1]!,
        });
        continue;
      }
      items.push({
        id: e.id,
        label: entryLabel(e),
        from: e.date,
        ...(e.to !== undefined ? { to: e.to } : {}),
        ...(e.kind === 'revision' ? { emphasis: true } : {}),
      });
    }
    rings.push({
      id,
      label: ring.label,
      colour: RING_COLOURS[id],
      items,
      // The breaks ring has one lane but long names: give it room for them.
      ...(id === 'ferier' ? { weight: 1.6 } : {}),
    });
  }
  return {
    title: arshjul.area?.name ?? arshjul.district,
    subtitle: `${word(lang, 'arshjul')} ${arshjul.schoolYear.replace('-', '–')}`,
    year,
    lang,
    rings,
    shaded: [
      ...summerBeforeStart(arshjul, year.from),
      ...arshjul.breaks.map((b) => ({ from: b.from, to: b.to, label: b.name, kind: 'break' })),
      // Public holidays only in the breaks ring: across every ring they read as items.
      ...arshjul.holidays.map((h) => ({
        from: h.date,
        to: h.date,
        label: h.name,
        kind: 'holiday',
        ring: 'ferier',
      })),
    ],
    ...(options.today ? { today: options.today } : {}),
  };
}
