/** Words of the onboarding editor (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  'onb.intro': {
    nb: 'Planer for oppstart når en ny person kommer i en sentral rolle: møtene i rekkefølge, hvem som deltar og hva som tas opp.',
    nn: 'Planar for oppstart når ein ny person kjem i ei sentral rolle: møta i rekkjefølgje, kven som deltek og kva som blir teke opp.',
    en: 'Plans for when a new person takes up a key role: the meetings in order, who takes part and what is covered.',
  },
  'onb.title': { nb: 'Tittel', nn: 'Tittel', en: 'Title' },
  'onb.triggerRoles': {
    nb: 'Ny person i rollen',
    nn: 'Ny person i rolla',
    en: 'A new person in the role',
  },
  'onb.triggerAt': { nb: 'Gjelder', nn: 'Gjeld', en: 'At' },
  'onb.at.school': { nb: 'på skolen', nn: 'på skulen', en: 'at the school' },
  'onb.at.area': { nb: 'i skoleområdet', nn: 'i skuleområdet', en: 'in the school area' },
  'onb.at.district': { nb: 'i bydelen', nn: 'i bydelen', en: 'in the district' },
  'onb.triggerText': {
    nb: 'Utløser med kildens ord',
    nn: 'Utløysar med orda til kjelda',
    en: "Trigger in the source's words",
  },
  'onb.maintainedBy': { nb: 'Ansvar for planen', nn: 'Ansvar for planen', en: 'Maintained by' },
  'onb.convenedBy': {
    nb: 'Starter samarbeidet (kaller inn)',
    nn: 'Startar samarbeidet (kallar inn)',
    en: 'Starts the collaboration (convenes)',
  },
  'onb.structure': {
    nb: 'Rad i implementeringsplanen',
    nn: 'Rad i implementeringsplanen',
    en: 'Row of the implementation plan',
  },
  'onb.document': { nb: 'Dokument', nn: 'Dokument', en: 'Document' },
  'onb.meeting': { nb: 'Møte {n}', nn: 'Møte {n}', en: 'Meeting {n}' },
  'onb.meetingTitle': { nb: 'Møtets tittel', nn: 'Tittelen på møtet', en: 'Meeting title' },
  'onb.durationMin': {
    nb: 'Varighet fra (min)',
    nn: 'Varigheit frå (min)',
    en: 'Duration from (min)',
  },
  'onb.durationMax': { nb: 'til (min)', nn: 'til (min)', en: 'to (min)' },
  'onb.duration': { nb: 'Varighet', nn: 'Varigheit', en: 'Duration' },
  'onb.setDuration': { nb: 'Angi varighet', nn: 'Set varigheit', en: 'Set a duration' },
  'onb.participants': { nb: 'Deltakere', nn: 'Deltakarar', en: 'Participants' },
  'onb.participantsText': {
    nb: 'Deltakere med kildens ord',
    nn: 'Deltakarar med orda til kjelda',
    en: "Participants in the source's words",
  },
  'onb.agenda': {
    nb: 'Agenda for {meeting}',
    nn: 'Agenda for {meeting}',
    en: 'Agenda of {meeting}',
  },
  'onb.rowNo': { nb: 'Nr.', nn: 'Nr.', en: 'No.' },
  'onb.content': { nb: 'Innhold', nn: 'Innhald', en: 'Content' },
  'onb.purpose': { nb: 'Hensikt', nn: 'Føremål', en: 'Purpose' },
  'onb.documents': { nb: 'Dokument', nn: 'Dokument', en: 'Documents' },
  'onb.responsibleText': {
    nb: 'Ansvar med kildens ord',
    nn: 'Ansvar med orda til kjelda',
    en: "Responsible in the source's words",
  },
  'onb.note': { nb: 'Merknad', nn: 'Merknad', en: 'Note' },
  'onb.actions': { nb: 'Flytt / fjern', nn: 'Flytt / fjern', en: 'Move / remove' },
  'onb.row': { nb: 'punkt {n}', nn: 'punkt {n}', en: 'item {n}' },
  'onb.addRow': { nb: 'Legg til punkt', nn: 'Legg til punkt', en: 'Add an item' },
  'onb.newRow': { nb: 'Nytt punkt', nn: 'Nytt punkt', en: 'New item' },
  'onb.addMeeting': { nb: 'Legg til møte', nn: 'Legg til møte', en: 'Add a meeting' },
  'onb.addPlan': { nb: 'Legg til plan', nn: 'Legg til plan', en: 'Add a plan' },
  'onb.newPlanTitle': {
    nb: 'Ny introduksjonsplan',
    nn: 'Ny introduksjonsplan',
    en: 'New onboarding plan',
  },
  'onb.noPlans': {
    nb: 'Modellen har ingen introduksjonsplaner.',
    nn: 'Modellen har ingen introduksjonsplanar.',
    en: 'The model has no onboarding plans.',
  },
} satisfies Record<string, Record<Lang, string>>;
