/** Words of the routines editor (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  'rut.intro': {
    nb: 'Rutiner er det som gjøres, steg for steg og av hvem, når noe skjer: en ny medarbeider, en skole som er bekymret for en elev. De står i implementeringsplanen, ikke på datoer i årshjulet.',
    nn: 'Rutinar er det som blir gjort, steg for steg og av kven, når noko skjer: ein ny medarbeidar, ein skule som er uroa for ein elev. Dei står i implementeringsplanen, ikkje på datoar i årshjulet.',
    en: 'Routines are what is done, step by step and by whom, when something happens: a new employee, a school worried about a pupil. They are in the implementation plan, not on dates in the årshjul.',
  },
  'rut.none': {
    nb: 'Modellen har ingen rutiner.',
    nn: 'Modellen har ingen rutinar.',
    en: 'The model has no routines.',
  },
  'rut.add': { nb: 'Legg til rutine', nn: 'Legg til rutine', en: 'Add a routine' },
  'rut.newName': { nb: 'Ny rutine', nn: 'Ny rutine', en: 'New routine' },
  'rut.newEvent': { nb: 'når dette skjer', nn: 'når dette skjer', en: 'when this happens' },
  'rut.newStep': { nb: 'Hva som gjøres', nn: 'Kva som blir gjort', en: 'What is done' },
  'rut.event': { nb: 'Når', nn: 'Når', en: 'When' },
  'rut.eventHint': {
    nb: 'Kort, f.eks. «ny medarbeider»',
    nn: 'Kort, t.d. «ny medarbeidar»',
    en: 'In short, e.g. «ny medarbeider»',
  },
  'rut.triggerText': {
    nb: 'Med kildens ord',
    nn: 'Med orda til kjelda',
    en: "In the source's words",
  },
  'rut.source': { nb: 'Kilde', nn: 'Kjelde', en: 'Source' },
  'rut.structures': {
    nb: 'Hører til strukturer',
    nn: 'Høyrer til strukturar',
    en: 'Belongs to structures',
  },
  'rut.steps': { nb: 'Steg', nn: 'Steg', en: 'Steps' },
  'rut.step': { nb: 'Steg {n}', nn: 'Steg {n}', en: 'Step {n}' },
  'rut.action': { nb: 'Hva som gjøres', nn: 'Kva som blir gjort', en: 'What is done' },
  'rut.timing': { nb: 'Når (med ord)', nn: 'Når (med ord)', en: 'When (in words)' },
  'rut.timingHint': {
    nb: 'F.eks. «innen en uke»',
    nn: 'T.d. «innan ei veke»',
    en: 'E.g. «innen en uke»',
  },
  'rut.preconditions': {
    nb: 'Forutsetninger (skilt med komma)',
    nn: 'Føresetnader (skilde med komma)',
    en: 'Preconditions (separated by commas)',
  },
  'rut.documents': { nb: 'Dokumenter', nn: 'Dokument', en: 'Documents' },
  'rut.addStep': { nb: 'Legg til steg', nn: 'Legg til steg', en: 'Add a step' },
} satisfies Record<string, Record<Lang, string>>;
