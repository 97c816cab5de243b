/** User-facing text of the plan package: bokmål first, nynorsk and English as alternatives. */
import { MONTH_NAMES, type Lang } from '@arshjul/school-calendar';

const TEXT = {
  arshjulTitle: {
    nb: 'Årshjul for {where} {year}',
    nn: 'Årshjul for {where} {year}',
    en: 'Annual wheel for {where} {year}',
  },
  planTitle: {
    nb: 'Implementeringsplan for {where} {year}',
    nn: 'Implementeringsplan for {where} {year}',
    en: 'Implementation plan for {where} {year}',
  },
  ringStrategisk: { nb: 'Strategisk nivå', nn: 'Strategisk nivå', en: 'Strategic level' },
  ringOrganisatorisk: {
    nb: 'Organisatorisk nivå',
    nn: 'Organisatorisk nivå',
    en: 'Organisational level',
  },
  ringOperativt: { nb: 'Operativt nivå', nn: 'Operativt nivå', en: 'Operational level' },
  ringRevisjon: { nb: 'Revisjoner', nn: 'Revisjonar', en: 'Revisions' },
  ringFerier: { nb: 'Ferier', nn: 'Feriar', en: 'Breaks' },
  draftDeadline: {
    nb: 'Frist for forslag: {title}',
    nn: 'Frist for forslag: {title}',
    en: 'Draft due: {title}',
  },
  nonSchoolDay: {
    nb: '{structure} er lagt på {date}, som ikke er en skoledag ({reason}).',
    nn: '{structure} er lagd på {date}, som ikkje er ein skuledag ({reason}).',
    en: '{structure} is set on {date}, which is not a school day ({reason}).',
  },
  moved: {
    nb: '{structure}: {from} er flyttet til {date} ({reason}).',
    nn: '{structure}: {from} er flytta til {date} ({reason}).',
    en: '{structure}: {from} was moved to {date} ({reason}).',
  },
  alternatives: {
    nb: '{structure} har alternative rytmer («{text}»); det første alternativet («{used}») er lagt inn.',
    nn: '{structure} har alternative rytmar («{text}»); det første alternativet («{used}») er lagt inn.',
    en: '{structure} has alternative rhythms («{text}»); the first («{used}») is used.',
  },
  noSchool: {
    nb: '{structure} gjelder ingen av skolene som deltar.',
    nn: '{structure} gjeld ingen av skulane som deltek.',
    en: '{structure} applies to none of the participating schools.',
  },
  revisionUnscheduled: {
    nb: '{title}: {reason}',
    nn: '{title}: {reason}',
    en: '{title}: {reason}',
  },
  allSchoolsInArea: {
    nb: 'Alle skolene i området',
    nn: 'Alle skulane i området',
    en: 'All schools in the area',
  },
  allSchools: { nb: 'Alle skolene', nn: 'Alle skulane', en: 'All schools' },
  districtLevel: { nb: 'Bydelsnivå', nn: 'Bydelsnivå', en: 'District level' },
  tableStrategisk: {
    nb: 'Strategiske strukturer',
    nn: 'Strategiske strukturar',
    en: 'Strategic structures',
  },
  tableOrganisatorisk: {
    nb: 'Organisatoriske strukturer',
    nn: 'Organisatoriske strukturar',
    en: 'Organisational structures',
  },
  tableOperativt: {
    nb: 'Operative strukturer',
    nn: 'Operative strukturar',
    en: 'Operational structures',
  },
  tableSamhandling: {
    nb: 'Operative strukturer rettet mot samhandling',
    nn: 'Operative strukturar retta mot samhandling',
    en: 'Operational structures aimed at cooperation',
  },
  tableElevene: {
    nb: 'Operative strukturer rettet mot elevene',
    nn: 'Operative strukturar retta mot elevane',
    en: 'Operational structures aimed at the pupils',
  },
  tableEleverOgForesatte: {
    nb: 'Operative strukturer rettet mot elever og foresatte',
    nn: 'Operative strukturar retta mot elevar og føresette',
    en: 'Operational structures aimed at pupils and parents',
  },
  noUngdomsskole: {
    nb: '{area} har ingen ungdomsskole med i samarbeidet etter at {schools} gikk ut {when}.',
    nn: '{area} har ingen ungdomsskule med i samarbeidet etter at {schools} gjekk ut {when}.',
    en: '{area} has no lower secondary school taking part since {schools} left {when}.',
  },
  noBarneskole: {
    nb: '{area} har ingen barneskole med i samarbeidet etter at {schools} gikk ut {when}.',
    nn: '{area} har ingen barneskule med i samarbeidet etter at {schools} gjekk ut {when}.',
    en: '{area} has no primary school taking part since {schools} left {when}.',
  },
  notRevised: { nb: 'Revideres ikke', nn: 'Blir ikkje revidert', en: 'Not revised' },
  newcomerTitle: {
    nb: 'Oppstart ny {role}, {where}: {meeting}{duration}',
    nn: 'Oppstart ny {role}, {where}: {meeting}{duration}',
    en: 'Onboarding new {role}, {where}: {meeting}{duration}',
  },
  newcomerStarts: {
    nb: 'Ny {role} ved {where} fra {date}',
    nn: 'Ny {role} ved {where} frå {date}',
    en: 'New {role} at {where} from {date}',
  },
  newcomerParticipants: {
    nb: 'Deltakere: {names}',
    nn: 'Deltakarar: {names}',
    en: 'Participants: {names}',
  },
  newcomerConvenedBy: {
    nb: 'Kaller inn: {names}',
    nn: 'Kallar inn: {names}',
    en: 'Convened by: {names}',
  },
  newcomerSuggested: {
    nb: 'Datoen er et forslag (planen sier ikke når møtet skal holdes): første skoledag fra oppstart, deretter to uker mellom møtene.',
    nn: 'Datoen er eit forslag (planen seier ikkje når møtet skal haldast): første skuledag frå oppstart, deretter to veker mellom møta.',
    en: 'The date is a suggestion (the plan does not say when the meeting is held): the first school day from the start, then two weeks between meetings.',
  },
  newcomerAgenda: { nb: 'Agenda:', nn: 'Agenda:', en: 'Agenda:' },
  newcomerPurpose: { nb: 'Hensikt: {text}', nn: 'Hensikt: {text}', en: 'Purpose: {text}' },
  newcomerDocuments: { nb: 'Dokument: {text}', nn: 'Dokument: {text}', en: 'Documents: {text}' },
  newcomerResponsible: { nb: 'Ansvar: {text}', nn: 'Ansvar: {text}', en: 'Responsible: {text}' },
  planNewcomers: { nb: 'Nye i rollen', nn: 'Nye i rolla', en: 'Newcomers' },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;

export function text(lang: Lang, key: TextKey, vars: Record<string, string> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

/** «i mai 2021» / «in May 2021» from a date. */
export function inMonth(lang: Lang, date: string): string {
  const month = MONTH_NAMES[lang][Number(date.slice(5, 7)) - 1] ?? '';
  return `${lang === 'en' ? 'in' : 'i'} ${month} ${date.slice(0, 4)}`;
}
