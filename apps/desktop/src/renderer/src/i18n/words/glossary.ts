/** Words of the glossary editor (bokmål, nynorsk, English). */
import type { Lang } from '@arshjul/school-calendar';

export const WORDS = {
  'gloss.intro': {
    nb: 'Forkortelser og begreper som brukes i samarbeidet, i alfabetisk rekkefølge.',
    nn: 'Forkortingar og omgrep som blir brukte i samarbeidet, i alfabetisk rekkjefølgje.',
    en: 'Abbreviations and terms used in the collaboration, in alphabetical order.',
  },
  'gloss.term': { nb: 'Begrep', nn: 'Omgrep', en: 'Term' },
  'gloss.kind': { nb: 'Type', nn: 'Type', en: 'Kind' },
  'gloss.kind.abbreviation': { nb: 'Forkortelse', nn: 'Forkorting', en: 'Abbreviation' },
  'gloss.kind.term': { nb: 'Begrep', nn: 'Omgrep', en: 'Term' },
  'gloss.kind.alias': { nb: 'Annet navn', nn: 'Anna namn', en: 'Alias' },
  'gloss.expansion': { nb: 'Står for', nn: 'Står for', en: 'Stands for' },
  'gloss.refersTo': { nb: 'Viser til', nn: 'Viser til', en: 'Refers to' },
  'gloss.aliases': { nb: 'Andre navn', nn: 'Andre namn', en: 'Other names' },
  'gloss.aliasesHint': { nb: 'Skill med komma', nn: 'Skil med komma', en: 'Separate with commas' },
  'gloss.filter': { nb: 'Søk i ordlisten', nn: 'Søk i ordlista', en: 'Search the glossary' },
  'gloss.shown': {
    nb: 'Viser {n} av {total}',
    nn: 'Viser {n} av {total}',
    en: 'Showing {n} of {total}',
  },
  'gloss.newTerm': { nb: 'Nytt begrep', nn: 'Nytt omgrep', en: 'New term' },
  'gloss.add': { nb: 'Legg til begrep', nn: 'Legg til omgrep', en: 'Add the term' },
  'gloss.exists': {
    nb: '«{term}» står allerede i ordlisten.',
    nn: '«{term}» står alt i ordlista.',
    en: '«{term}» is already in the glossary.',
  },
  'gloss.showIt': { nb: 'Vis den', nn: 'Vis han', en: 'Show it' },
  'gloss.duplicates': {
    nb: 'Står flere ganger i ordlisten (slå dem sammen):',
    nn: 'Står fleire gonger i ordlista (slå dei saman):',
    en: 'In the glossary more than once (merge them):',
  },
  'gloss.times': { nb: '{n} ganger', nn: '{n} gonger', en: '{n} times' },
  'gloss.duplicate': { nb: 'Dobbelt', nn: 'Dobbel', en: 'Duplicate' },
  'gloss.noMatch': {
    nb: 'Ingen begreper passer med søket.',
    nn: 'Ingen omgrep passar med søket.',
    en: 'No term matches the search.',
  },
  'gloss.structure': { nb: 'Strukturer', nn: 'Strukturar', en: 'Structures' },
  'gloss.document': { nb: 'Dokumenter', nn: 'Dokument', en: 'Documents' },
  'gloss.concept': { nb: 'Begreper', nn: 'Omgrep', en: 'Concepts' },
  'gloss.entry': { nb: 'begrepet «{term}»', nn: 'omgrepet «{term}»', en: 'the term «{term}»' },
} satisfies Record<string, Record<Lang, string>>;
