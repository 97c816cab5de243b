/** The exports' own words (headings, column names, labels): bokmål, nynorsk and English. */
import type { Lang } from '@arshjul/school-calendar';

const WORDS = {
  arshjul: { nb: 'Årshjul', nn: 'Årshjul', en: 'Annual wheel' },
  plan: { nb: 'Implementeringsplan', nn: 'Implementeringsplan', en: 'Implementation plan' },
  schools: { nb: 'Skoler', nn: 'Skular', en: 'Schools' },
  school: { nb: 'Skole', nn: 'Skule', en: 'School' },
  stage: { nb: 'Trinn', nn: 'Steg', en: 'Stage' },
  barneskole: { nb: 'barneskole', nn: 'barneskule', en: 'primary school' },
  ungdomsskole: { nb: 'ungdomsskole', nn: 'ungdomsskule', en: 'lower secondary school' },
  kombinert: { nb: 'kombinert skole', nn: 'kombinert skule', en: 'combined school' },
  videregående: {
    nb: 'videregående skole',
    nn: 'vidaregåande skule',
    en: 'upper secondary school',
  },
  annen: { nb: 'annen skole', nn: 'annan skule', en: 'other school' },
  area: { nb: 'Område', nn: 'Område', en: 'Area' },
  schoolYear: { nb: 'Skoleår', nn: 'Skuleår', en: 'School year' },
  kommune: { nb: 'Skolerute', nn: 'Skolerute', en: 'School calendar' },
  madeOn: { nb: 'Laget', nn: 'Laga', en: 'Made' },
  fromModel: { nb: 'fra samarbeidsmodellen', nn: 'frå samarbeidsmodellen', en: 'from the model' },
  contents: { nb: 'Innhold', nn: 'Innhald', en: 'Contents' },
  page: { nb: 'Side', nn: 'Side', en: 'Page' },
  skip: { nb: 'Hopp til innholdet', nn: 'Hopp til innhaldet', en: 'Skip to content' },
  id: { nb: 'Id', nn: 'Id', en: 'Id' },
  name: { nb: 'Navn', nn: 'Namn', en: 'Name' },
  focus: { nb: 'Fokus', nn: 'Fokus', en: 'Focus' },
  to: { nb: 'Til', nn: 'Til', en: 'To' },
  levelOrRing: { nb: 'Nivå/ring', nn: 'Nivå/ring', en: 'Level/ring' },
  suggestedShort: { nb: 'foreslått', nn: 'føreslått', en: 'suggested' },
  undatedSheet: { nb: 'Uten dato', nn: 'Utan dato', en: 'Undated' },
  revisionsSheet: { nb: 'Revisjoner', nn: 'Revisjonar', en: 'Revisions' },
  unscheduled: { nb: 'Uten dato', nn: 'Utan dato', en: 'Not scheduled' },
  of: { nb: 'av', nn: 'av', en: 'of' },
  months: { nb: 'Måned for måned', nn: 'Månad for månad', en: 'Month by month' },
  date: { nb: 'Dato', nn: 'Dato', en: 'Date' },
  what: { nb: 'Hva', nn: 'Kva', en: 'What' },
  level: { nb: 'Nivå', nn: 'Nivå', en: 'Level' },
  ring: { nb: 'Ring', nn: 'Ring', en: 'Ring' },
  responsible: { nb: 'Ansvar', nn: 'Ansvar', en: 'Responsible' },
  rhythm: { nb: 'Rytme', nn: 'Rytme', en: 'Rhythm' },
  kind: { nb: 'Type', nn: 'Type', en: 'Kind' },
  note: { nb: 'Merknad', nn: 'Merknad', en: 'Note' },
  suggested: { nb: 'foreslått dato', nn: 'føreslått dato', en: 'suggested date' },
  window: { nb: 'innen', nn: 'innan', en: 'within' },
  movedFrom: { nb: 'flyttet fra', nn: 'flytta frå', en: 'moved from' },
  optional: { nb: 'ved behov', nn: 'ved behov', en: 'if needed' },
  undated: { nb: 'Uten fast dato', nn: 'Utan fast dato', en: 'Without a set date' },
  undatedIntro: {
    nb: 'Disse strukturene har ingen dato i årshjulet: de brukes ved behov, løper hele året, har en rytme uten tall, eller venter på en dato bydelen ikke har satt.',
    nn: 'Desse strukturane har ingen dato i årshjulet: dei blir brukte ved behov, går heile året, har ein rytme utan tal, eller ventar på ein dato bydelen ikkje har sett.',
    en: 'These structures have no date on the wheel: they are used when needed, run all year, have a rhythm without a number, or wait for a date the district has not set.',
  },
  why: { nb: 'Hvorfor', nn: 'Kvifor', en: 'Why' },
  'reason.on-demand': { nb: 'Ved behov', nn: 'Ved behov', en: 'When needed' },
  'reason.continuous': { nb: 'Løpende', nn: 'Løpande', en: 'Continuous' },
  'reason.needs-interval': {
    nb: 'Rytmen har ikke tall',
    nn: 'Rytmen har ikkje tal',
    en: 'The rhythm has no number',
  },
  'reason.school-choice': { nb: 'Skolen velger', nn: 'Skulen vel', en: 'The school decides' },
  'reason.waiting-for-event': {
    nb: 'Venter på dato',
    nn: 'Ventar på dato',
    en: 'Waiting for a date',
  },
  'reason.not-this-year': {
    nb: 'Ikke dette skoleåret',
    nn: 'Ikkje dette skuleåret',
    en: 'Not this school year',
  },
  warnings: { nb: 'Å merke seg', nn: 'Å merke seg', en: 'To note' },
  breaks: { nb: 'Ferier og fridager', nn: 'Feriar og fridagar', en: 'Breaks and days off' },
  holidays: { nb: 'Helligdager', nn: 'Heilagdagar', en: 'Public holidays' },
  wheelAlt: {
    nb: '{title}: sirkel for skoleåret fra august til juli med {rings} ringer ({ringNames}) og {count} hendelser. Alle hendelsene står i listen «Måned for måned».',
    nn: '{title}: sirkel for skuleåret frå august til juli med {rings} ringar ({ringNames}) og {count} hendingar. Alle hendingane står i lista «Månad for månad».',
    en: '{title}: a circle for the school year from August to July with {rings} rings ({ringNames}) and {count} items. Every item is in the list «Month by month».',
  },
  structures: { nb: 'Formelle strukturer', nn: 'Formelle strukturar', en: 'Formal structures' },
  colStructure: { nb: 'Formell struktur', nn: 'Formell struktur', en: 'Formal structure' },
  colDescription: { nb: 'Beskrivelse', nn: 'Skildring', en: 'Description' },
  colFollowUp: { nb: 'Oppfølging', nn: 'Oppfølging', en: 'Follow-up' },
  colResponsible: {
    nb: 'Ansvar for oppfølging',
    nn: 'Ansvar for oppfølging',
    en: 'Responsible for follow-up',
  },
  colSchools: { nb: 'Skoler', nn: 'Skular', en: 'Schools' },
  participation: { nb: 'Deltakelse', nn: 'Deltaking', en: 'Participation' },
  participationIntro: {
    nb: '«Ja»: skolen deltar. «Egen»: skolen deltar med egen rytme eller eget navn. «–»: deltar ikke.',
    nn: '«Ja»: skulen deltek. «Eigen»: skulen deltek med eigen rytme eller eige namn. «–»: deltek ikkje.',
    en: '«Yes»: the school takes part. «Own»: with its own rhythm or name. «–»: does not take part.',
  },
  yes: { nb: 'Ja', nn: 'Ja', en: 'Yes' },
  variation: { nb: 'Egen', nn: 'Eigen', en: 'Own' },
  no: { nb: '–', nn: '–', en: '–' },
  districtColumn: { nb: 'Bydel', nn: 'Bydel', en: 'District' },
  structure: { nb: 'Struktur', nn: 'Struktur', en: 'Structure' },
  documents: {
    nb: 'Dokumenter og avtaler',
    nn: 'Dokument og avtalar',
    en: 'Documents and agreements',
  },
  documentsShort: { nb: 'Dokumenter', nn: 'Dokument', en: 'Documents' },
  document: { nb: 'Dokument', nn: 'Dokument', en: 'Document' },
  owner: { nb: 'Eier', nn: 'Eigar', en: 'Owner' },
  revised: { nb: 'Revideres', nn: 'Blir revidert', en: 'Revised' },
  revisionDates: { nb: 'Revisjon i år', nn: 'Revisjon i år', en: 'Revision this year' },
  revisionCalendar: { nb: 'Revisjonskalender', nn: 'Revisjonskalender', en: 'Revision calendar' },
  forum: { nb: 'Forum', nn: 'Forum', en: 'Forum' },
  draftBy: { nb: 'Forslag innen', nn: 'Forslag innan', en: 'Draft by' },
  draftedBy: { nb: 'Utarbeides av', nn: 'Blir utarbeidd av', en: 'Drafted by' },
  decidedBy: { nb: 'Vedtas av', nn: 'Blir vedteke av', en: 'Decided by' },
  onboarding: { nb: 'Introduksjonsplaner', nn: 'Introduksjonsplanar', en: 'Onboarding plans' },
  trigger: { nb: 'Når', nn: 'Når', en: 'When' },
  maintainedBy: {
    nb: 'Holdes oppdatert av',
    nn: 'Blir halden oppdatert av',
    en: 'Kept up to date by',
  },
  convenedBy: { nb: 'Innkalles av', nn: 'Blir kalla inn av', en: 'Convened by' },
  participants: { nb: 'Deltakere', nn: 'Deltakarar', en: 'Participants' },
  content: { nb: 'Innhold', nn: 'Innhald', en: 'Content' },
  purpose: { nb: 'Formål', nn: 'Føremål', en: 'Purpose' },
  routines: { nb: 'Rutiner', nn: 'Rutinar', en: 'Routines' },
  action: { nb: 'Tiltak', nn: 'Tiltak', en: 'Action' },
  timing: { nb: 'Når', nn: 'Når', en: 'When' },
  glossary: { nb: 'Ordliste', nn: 'Ordliste', en: 'Glossary' },
  term: { nb: 'Begrep', nn: 'Omgrep', en: 'Term' },
  explanation: { nb: 'Forklaring', nn: 'Forklaring', en: 'Explanation' },
  notes: { nb: 'Merknader', nn: 'Merknader', en: 'Notes' },
  notesIntro: {
    nb: 'Her er kildene uenige med seg selv. Planen følger lesningen som står først; alternativet står etter.',
    nn: 'Her er kjeldene usamde med seg sjølve. Planen følgjer lesinga som står først; alternativet står etter.',
    en: 'Here the sources disagree with themselves. The plan follows the first reading; the alternative follows.',
  },
  alternative: { nb: 'Alternativ', nn: 'Alternativ', en: 'Alternative' },
  source: { nb: 'Kilde', nn: 'Kjelde', en: 'Source' },
  occurrences: { nb: 'Datoer', nn: 'Datoar', en: 'Dates' },
  week: { nb: 'Uke', nn: 'Veke', en: 'Week' },
  weekday: { nb: 'Ukedag', nn: 'Vekedag', en: 'Weekday' },
  placement: { nb: 'Plassering', nn: 'Plassering', en: 'Placement' },
  exact: { nb: 'fast', nn: 'fast', en: 'fixed' },
  none: { nb: 'Ingen', nn: 'Ingen', en: 'None' },
  strategisk: { nb: 'Strategisk', nn: 'Strategisk', en: 'Strategic' },
  organisatorisk: { nb: 'Organisatorisk', nn: 'Organisatorisk', en: 'Organisational' },
  operativt: { nb: 'Operativt', nn: 'Operativt', en: 'Operational' },
} as const satisfies Record<string, Record<Lang, string>>;

export type WordKey = keyof typeof WORDS;

/** A word or sentence of the exports in `lang`, with `{name}` placeholders filled in. */
export function word(lang: Lang, key: WordKey, vars: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    vars[name] === undefined ? `{${name}}` : String(vars[name]),
  );
}

/** BCP 47 tags of the languages, for document metadata. */
export const LANGUAGE_TAG: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** «Side 3 av 12» / «Page 3 of 12»; with strings, e.g. field codes, for the numbers. */
export function pageOf(lang: Lang, page: number | string, pages: number | string): string {
  return `${word(lang, 'page')} ${page} ${word(lang, 'of')} ${pages}`;
}

/** A name for files and anchors: `Romsås` → `romsas`, `Bydel Grorud` → `bydel-grorud`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A file's size: «512 B», «182 kB», «1,4 MB» (nb/nn) or «1.4 MB» (en). */
export function formatSize(bytes: number, lang: Lang): string {
  const text =
    bytes < 1024
      ? `${bytes} B`
      : bytes < 1024 * 1024
        ? `${Math.round(bytes / 1024)} kB`
        : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return lang === 'en' ? text : text.replace('.', ',');
}

/** `Ammerud` → `ammerud`, `Bydel Grorud` → `bydel-grorud`, `Romsås` → `romsas`. */
export function fileSlug(text: string): string {
  return slugify(text) || 'omrade';
}

/**
 * The folder of each build when a run has several, from each build's area id (`all` for the
 * district) and its name: the name as a file name, or the id when two builds would get the same
 * folder (or a name has no letters a file name can use).
 */
export function folderNamesOf(
  builds: readonly { area: string; name: string }[],
): Map<string, string> {
  const slugs = builds.map((b) => fileSlug(b.name));
  const clash = (s: string) => slugs.filter((x) => x === s).length > 1 || s === 'omrade';
  return new Map(builds.map((b, i) => [b.area, clash(slugs[i]!) ? fileSlug(b.area) : slugs[i]!]));
}
