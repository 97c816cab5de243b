// A realistic wheel for tests: four rings, about forty items over Oslo's school year 2025-26,
// built from plain dates and the bundled Oslo calendar (the wheel itself knows no domain).
import { CalendarRegistry, addDays, type IsoDate } from '@arshjul/school-calendar';
import type { ShadedPeriod, WheelItem, WheelSpec } from '../src/spec.js';

const oslo = new CalendarRegistry().schoolYear('oslo', '2025-26');

const days = (prefix: string, label: string, dates: IsoDate[]): WheelItem[] =>
  dates.map((from, i) => ({ id: `${prefix}-${i + 1}`, label, from }));

/** Every fourth week on Tuesdays from the first school week, skipping breaks. */
function everyFourthWeek(start: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  let d = start;
  while (out.length < count && d <= oslo.lastSchoolDay) {
    if (oslo.isSchoolDay(d)) out.push(d);
    d = addDays(d, 28);
  }
  return out;
}

export const strategic: WheelItem[] = [
  ...days('styre', 'Styringsgruppemøte', [
    '2025-09-16',
    '2025-11-18',
    '2026-01-20',
    '2026-03-17',
    '2026-05-19',
  ]),
  { id: 'salto-var', label: 'SaLTo-samling vår', from: '2026-04-21', emphasis: true },
  { id: 'plan', label: 'Planarbeid årshjul og tiltaksplan', from: '2026-05-04', to: '2026-06-12' },
];

export const organisational: WheelItem[] = [
  ...days('nsk', 'NSK-møte', everyFourthWeek('2025-08-26', 10)),
  { id: 'kartlegging', label: 'Kartlegging av elevmiljø', from: '2025-10-20', to: '2025-11-21' },
  {
    id: 'overgang',
    label: 'Overgang barneskole–ungdomsskole',
    from: '2026-04-13',
    to: '2026-06-19',
  },
];

export const operative: WheelItem[] = [
  ...days('team', 'Tverrfaglig team', everyFourthWeek('2025-09-03', 9)),
  { id: 'foreldre-h', label: 'Foreldremøter høst', from: '2025-09-01', to: '2025-09-26' },
  { id: 'foreldre-v', label: 'Foreldremøter vår', from: '2026-01-12', to: '2026-02-06' },
  { id: 'leir', label: 'Leirskole 7. trinn', from: '2025-09-22', to: '2025-09-26' },
  { id: 'utvikling', label: 'Utviklingssamtaler', from: '2025-11-03', to: '2025-11-28' },
];

export const revisions: WheelItem[] = [
  { id: 'rev-avtale', label: 'Revider samarbeidsavtale', from: '2026-03-02', to: '2026-03-31' },
  { id: 'frist-avtale', label: 'Frist: samarbeidsavtale', from: '2026-03-31', emphasis: true },
  {
    id: 'rev-rutine',
    label: 'Revider rutine for bekymringsmelding',
    from: '2025-12-01',
    to: '2025-12-19',
  },
  { id: 'frist-rutine', label: 'Frist: rutine for bekymringsmelding', from: '2025-12-19' },
  { id: 'frist-mandat', label: 'Frist: mandat', from: '2026-06-01' },
];

export const shaded: ShadedPeriod[] = [
  ...oslo.breaks.map((b) => ({ from: b.from, to: b.to, label: b.name, kind: 'break' })),
  ...oslo.holidays.map((h) => ({ from: h.date, to: h.date, label: h.name.nb, kind: 'holiday' })),
];

export function osloSpec(overrides: Partial<WheelSpec> = {}): WheelSpec {
  return {
    title: 'Årshjul Grorud',
    subtitle: 'Skoleåret 2025–26',
    year: { from: '2025-08-01', to: '2026-07-31' },
    lang: 'nb',
    rings: [
      { id: 'revisjon', label: 'Revisjonsfrister', items: revisions },
      { id: 'operativt', label: 'Operativt nivå', items: operative },
      { id: 'organisatorisk', label: 'Organisatorisk nivå', items: organisational },
      { id: 'strategisk', label: 'Strategisk nivå', items: strategic },
    ],
    shaded,
    today: '2025-11-22',
    ...overrides,
  };
}
