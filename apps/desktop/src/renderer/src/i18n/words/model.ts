/** Words the model editors share: the sections and the row actions. */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  tabModel: { nb: 'Modell', nn: 'Modell', en: 'Model' },
  'section.organisation': { nb: 'Organisasjon', nn: 'Organisasjon', en: 'Organisation' },
  'section.roles': { nb: 'Roller', nn: 'Roller', en: 'Roles' },
  'section.participation': { nb: 'Deltakelse', nn: 'Deltaking', en: 'Participation' },
  'section.documents': { nb: 'Dokumenter', nn: 'Dokument', en: 'Documents' },
  'section.onboarding': {
    nb: 'Introduksjonsplaner',
    nn: 'Introduksjonsplanar',
    en: 'Onboarding plans',
  },
  'section.routines': { nb: 'Rutiner', nn: 'Rutinar', en: 'Routines' },
  'section.glossary': { nb: 'Ordliste', nn: 'Ordliste', en: 'Glossary' },
  modelSections: { nb: 'Deler av modellen', nn: 'Delar av modellen', en: 'Parts of the model' },
  add: { nb: 'Legg til', nn: 'Legg til', en: 'Add' },
  remove: { nb: 'Fjern', nn: 'Fjern', en: 'Remove' },
  moveUp: { nb: 'Flytt opp', nn: 'Flytt opp', en: 'Move up' },
  moveDown: { nb: 'Flytt ned', nn: 'Flytt ned', en: 'Move down' },
  none: { nb: 'Ingen', nn: 'Ingen', en: 'None' },
  notChosen: { nb: '(ikke valgt)', nn: '(ikkje valt)', en: '(not chosen)' },
  removeWouldBreak: {
    nb: '{what} er i bruk. Fjernes det, blir det {n} feil i modellen:',
    nn: '{what} er i bruk. Blir det fjerna, blir det {n} feil i modellen:',
    en: '{what} is in use. Removing it leaves {n} errors in the model:',
  },
  removeAnyway: { nb: 'Fjern likevel', nn: 'Fjern likevel', en: 'Remove anyway' },
  cancel: { nb: 'Avbryt', nn: 'Avbryt', en: 'Cancel' },
} satisfies Record<string, Record<Lang, string>>;
