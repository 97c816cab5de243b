/** The app's own words in bokmål, nynorsk and English; no library. */
import { ref } from 'vue';
import type { Lang } from '@arshjul/school-calendar';
import { word, type WordKey } from '@arshjul/export/pure';
import { WORDS as MODEL } from './words/model.js';
import { WORDS as ORGANISATION } from './words/organisation.js';
import { WORDS as ROLES } from './words/roles.js';
import { WORDS as PARTICIPATION } from './words/participation.js';
import { WORDS as DOCUMENTS } from './words/documents.js';
import { WORDS as ONBOARDING } from './words/onboarding.js';
import { WORDS as ROUTINES } from './words/routines.js';
import { WORDS as GLOSSARY } from './words/glossary.js';
import { WORDS as REVISION } from './words/revision.js';
import { WORDS as CALENDAR } from './words/calendar.js';
import { WORDS as TRANSFER } from './words/transfer.js';
import { WORDS as EXPORT } from './words/export.js';

export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

const CORE = {
  appName: { nb: 'Årshjulet', nn: 'Årshjulet', en: 'Årshjulet' },
  open: { nb: 'Åpne', nn: 'Opne', en: 'Open' },
  save: { nb: 'Lagre', nn: 'Lagre', en: 'Save' },
  new: { nb: 'Ny modell', nn: 'Ny modell', en: 'New model' },
  undo: { nb: 'Angre', nn: 'Angre', en: 'Undo' },
  redo: { nb: 'Gjør om', nn: 'Gjer om', en: 'Redo' },
  language: { nb: 'Språk', nn: 'Språk', en: 'Language' },
  'lang.nb': { nb: 'Bokmål', nn: 'Bokmål', en: 'Bokmål' },
  'lang.nn': { nb: 'Nynorsk', nn: 'Nynorsk', en: 'Nynorsk' },
  'lang.en': { nb: 'English', nn: 'English', en: 'English' },
  'status.ready': { nb: 'Klar', nn: 'Klar', en: 'Ready' },
  'status.saved': { nb: 'Lagret', nn: 'Lagra', en: 'Saved' },
  'status.changed': { nb: 'Endret', nn: 'Endra', en: 'Changed' },
  'status.opened': { nb: 'Åpnet', nn: 'Opna', en: 'Opened' },
  'status.new': {
    nb: 'Ny modell fra malen',
    nn: 'Ny modell frå malen',
    en: 'New model from the template',
  },
  'status.undone': { nb: 'Angret', nn: 'Angra', en: 'Undone' },
  'status.redone': { nb: 'Gjort om', nn: 'Gjort om', en: 'Redone' },
  'status.restored': { nb: 'Gjenopprettet', nn: 'Gjenoppretta', en: 'Restored' },
  'status.invalid': { nb: 'Fila har feil', nn: 'Fila har feil', en: 'The file has errors' },
  'status.saveFailed': { nb: 'Kunne ikke lagre', nn: 'Kunne ikkje lagre', en: 'Could not save' },
  'status.openFailed': { nb: 'Kunne ikke åpne', nn: 'Kunne ikkje opne', en: 'Could not open' },
  recovery: {
    nb: 'Det finnes en gjenopprettingskopi fra {when}. Vil du gjenopprette den?',
    nn: 'Det finst ein gjenopprettingskopi frå {when}. Vil du gjenopprette han?',
    en: 'There is a recovery copy from {when}. Restore it?',
  },
  restore: { nb: 'Gjenopprett', nn: 'Gjenopprett', en: 'Restore' },
  discard: { nb: 'Forkast', nn: 'Forkast', en: 'Discard' },
  structures: { nb: 'Strukturer', nn: 'Strukturar', en: 'Structures' },
  'level.strategisk': { nb: 'Strategisk nivå', nn: 'Strategisk nivå', en: 'Strategic level' },
  'level.organisatorisk': {
    nb: 'Organisatorisk nivå',
    nn: 'Organisatorisk nivå',
    en: 'Organisational level',
  },
  'level.operativt': { nb: 'Operativt nivå', nn: 'Operativt nivå', en: 'Operational level' },
  'focus.samhandling': { nb: 'Samhandling', nn: 'Samhandling', en: 'Collaboration' },
  'focus.elevene': { nb: 'Elevene', nn: 'Elevane', en: 'The pupils' },
  'focus.elever-og-foresatte': {
    nb: 'Elever og foresatte',
    nn: 'Elevar og føresette',
    en: 'Pupils and parents',
  },
  'focus.none': { nb: 'Uten fokus', nn: 'Utan fokus', en: 'No focus' },
  cadence: { nb: 'Oppfølging (rytme)', nn: 'Oppfølging (rytme)', en: 'Follow-up (rhythm)' },
  cadenceMeaning: { nb: 'Forstått som', nn: 'Forstått som', en: 'Understood as' },
  nextDates: { nb: 'Neste datoer', nn: 'Neste datoar', en: 'Next dates' },
  noDates: {
    nb: 'Ingen datoer i skoleåret',
    nn: 'Ingen datoar i skuleåret',
    en: 'No dates in the school year',
  },
  notUnderstood: { nb: 'Ikke forstått', nn: 'Ikkje forstått', en: 'Not understood' },
  didYouMean: { nb: 'Mente du «{s}»?', nn: 'Meinte du «{s}»?', en: 'Did you mean «{s}»?' },
  useSuggestion: { nb: 'Bruk forslaget', nn: 'Bruk forslaget', en: 'Use the suggestion' },
  close: { nb: 'Lukk', nn: 'Lukk', en: 'Close' },
  editor: { nb: 'Rediger struktur', nn: 'Rediger struktur', en: 'Edit structure' },
  tabPlan: { nb: 'Plan', nn: 'Plan', en: 'Plan' },
  allAreas: { nb: 'Hele bydelen', nn: 'Heile bydelen', en: 'The whole district' },
  role: { nb: 'Rolle', nn: 'Rolle', en: 'Role' },
  all: { nb: 'Alle', nn: 'Alle', en: 'All' },
  filters: { nb: 'Filter', nn: 'Filter', en: 'Filters' },
  noUndated: { nb: 'Alt har dato.', nn: 'Alt har dato.', en: 'Everything has a date.' },
  details: { nb: 'Detaljer', nn: 'Detaljar', en: 'Details' },
  wheelHelp: {
    nb: 'Pek eller klikk på en hendelse for detaljer. Piltastene flytter mellom hendelsene, Page Up/Page Down zoomer inn på en måned.',
    nn: 'Peik eller klikk på ei hending for detaljar. Piltastane flyttar mellom hendingane, Page Up/Page Down zoomar inn på ein månad.',
    en: 'Point at or click an item for its details. The arrow keys move between items; Page Up/Page Down zoom into a month.',
  },
  noSelection: { nb: 'Ingen hendelse valgt.', nn: 'Inga hending vald.', en: 'No item selected.' },
  errors: { nb: 'Feil', nn: 'Feil', en: 'Errors' },
  warnings: { nb: 'Merknader', nn: 'Merknader', en: 'Warnings' },
  noModel: { nb: 'Ingen modell er åpen.', nn: 'Ingen modell er open.', en: 'No model is open.' },
  buildFailed: {
    nb: 'Kunne ikke bygge årshjulet',
    nn: 'Kunne ikkje byggje årshjulet',
    en: 'Could not build the annual wheel',
  },
  rebuild: { nb: 'Oppdatert på {ms} ms', nn: 'Oppdatert på {ms} ms', en: 'Updated in {ms} ms' },
  dropHint: {
    nb: 'Slipp en modellfil her for å åpne den',
    nn: 'Slepp ei modellfil her for å opne ho',
    en: 'Drop a model file here to open it',
  },
  recent: { nb: 'Nylige filer', nn: 'Nylege filer', en: 'Recent files' },
  zoom: { nb: 'Zoom', nn: 'Zoom', en: 'Zoom' },
  numbered: { nb: 'Nummererte hendelser', nn: 'Nummererte hendingar', en: 'Numbered items' },
  wholeYear: { nb: 'Hele året', nn: 'Heile året', en: 'The whole year' },
  'reason.waiting-for-event': {
    nb: 'Venter på en dato',
    nn: 'Ventar på ein dato',
    en: 'Waiting for a date',
  },
} satisfies Record<string, Record<Lang, string>>;

/** The dictionaries by file, for the test that no key is defined twice. */
export const PARTS = {
  CORE,
  MODEL,
  ORGANISATION,
  ROLES,
  PARTICIPATION,
  DOCUMENTS,
  ONBOARDING,
  ROUTINES,
  GLOSSARY,
  REVISION,
  CALENDAR,
  TRANSFER,
  EXPORT,
} as const;

/** Each editor keeps its words in its own file (`words/*.ts`); a key may be defined only once. */
const DICT = {
  ...CORE,
  ...MODEL,
  ...ORGANISATION,
  ...ROLES,
  ...PARTICIPATION,
  ...DOCUMENTS,
  ...ONBOARDING,
  ...ROUTINES,
  ...GLOSSARY,
  ...REVISION,
  ...CALENDAR,
  ...TRANSFER,
  ...EXPORT,
};

/** Words the app shares with the exported plan (`@arshjul/export/pure`): one wording for both. */
const SHARED = {
  id: 'id',
  name: 'name',
  description: 'colDescription',
  responsible: 'responsible',
  tabArshjul: 'arshjul',
  area: 'area',
  schoolYear: 'schoolYear',
  school: 'school',
  level: 'level',
  months: 'months',
  undated: 'undated',
  date: 'date',
  schools: 'colSchools',
  revisions: 'revisionsSheet',
  skip: 'skip',
  rhythm: 'rhythm',
  formalStructure: 'colStructure',
  followUp: 'colFollowUp',
  'reason.on-demand': 'reason.on-demand',
  'reason.continuous': 'reason.continuous',
  'reason.needs-interval': 'reason.needs-interval',
  'reason.school-choice': 'reason.school-choice',
  'reason.not-this-year': 'reason.not-this-year',
} as const satisfies Record<string, WordKey>;

export type MessageKey = keyof typeof DICT | keyof typeof SHARED;

/** The current language, shared by the whole renderer. */
export const lang = ref<Lang>('nb');

export function setLang(next: Lang): void {
  lang.value = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** A word in the current (or given) language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, l?: Lang): string {
  const text =
    key in SHARED
      ? word(l ?? lang.value, SHARED[key as keyof typeof SHARED])
      : (DICT[key as keyof typeof DICT] as Record<Lang, string>)[l ?? lang.value];
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] !== undefined ? String(params[name]) : m,
  );
}

/** A key that may or may not be in the dictionary (reasons from the packages). */
export function tOr(key: string, fallback: string): string {
  return key in DICT || key in SHARED ? t(key as MessageKey) : fallback;
}
