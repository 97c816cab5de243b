/**
 * The årshjul as a wheel drawing, for the renderer. The same mapping as
 * `packages/export/src/wheel-spec.ts`, reimplemented here because `@arshjul/export` pulls in
 * Node (fonts, PDF): a candidate to move into `@arshjul/plan` or `@arshjul/wheel`.
 * Rings from the inside out: breaks, revisions, strategic, organisational, operational; a series
 * with more than `collapseOver` dates is one band labelled with its rhythm.
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

const WHEEL_WORD: Record<Lang, string> = { nb: 'Årshjul', nn: 'Årshjul', en: 'Annual wheel' };

/** A band's id on the wheel for a collapsed series. */
export const seriesItemId = (seriesId: string): string => `serie:${seriesId}`;

export function entryLabel(entry: ArshjulEntry): string {
  return entry.structureId && entry.kind === 'meeting'
    ? `${entry.structureId} ${entry.title}`
    : entry.title;
}

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
  lang: Lang,
  options: { today?: IsoDate; collapseOver?: number } = {},
): WheelSpec {
  const collapseOver = options.collapseOver ?? 15;
  const year = augustYear(Number(arshjul.schoolYear.slice(0, 4)));
  const collapsed = new Map(
    arshjul.series.filter((s) => s.entries.length > collapseOver).map((s) => [s.id, s]),
  );
  const rings: RingSpec[] = [];
  for (const id of RING_ORDER) {
    const ring = arshjul.rings.find((r) => r.id === id);
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
      ...(id === 'ferier' ? { weight: 1.6 } : {}),
    });
  }
  return {
    title: arshjul.area?.name ?? arshjul.district,
    subtitle: `${WHEEL_WORD[lang]} ${arshjul.schoolYear.replace('-', '–')}`,
    year,
    lang,
    rings,
    shaded: [
      ...summerBeforeStart(arshjul, year.from),
      ...arshjul.breaks.map((b) => ({ from: b.from, to: b.to, label: b.name, kind: 'break' })),
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
