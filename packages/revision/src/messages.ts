/**
 * What the revision package says to people, in bokmål, nynorsk and English: why a rule has no
 * dates in a school year, and the words of a change log.
 */
import type { Lang } from '@arshjul/school-calendar';

export type RevisionMessageCode =
  | 'first-revision'
  | 'first-revision-year'
  | 'on-demand'
  | 'continuous'
  | 'event'
  | 'qualitative'
  | 'school-choice'
  | 'every-n-years'
  | 'no-dates'
  | 'change.added'
  | 'change.removed'
  | 'change.changed'
  | 'value.none'
  | 'more-fields';

type Params = Record<string, string | number>;
type Catalog = Record<RevisionMessageCode, (p: Params) => string>;

const nb: Catalog = {
  'first-revision': (p) =>
    `Første revisjon er ${p.text} (skoleåret ${p.first}); ingen revisjon i ${p.year}.`,
  'first-revision-year': (p) =>
    `Første revisjon er i skoleåret ${p.first}; ingen revisjon i ${p.year}.`,
  'on-demand': (p) => `«${p.text}»: revideres ved behov, uten faste datoer.`,
  continuous: (p) => `«${p.text}»: revideres fortløpende, uten faste datoer.`,
  event: (p) => `«${p.text}»: venter på en dato for «${p.event}».`,
  qualitative: (p) =>
    `«${p.text}» sier ikke hvor ofte; regelen trenger et intervall før den kan få datoer.`,
  'school-choice': (p) => `«${p.text}»: hver skole avtaler hvor ofte.`,
  'every-n-years': (p) =>
    `«${p.text}»: hvert ${p.every}. år fra ${p.since}, ikke i skoleåret ${p.year}.`,
  'no-dates': (p) => `«${p.text}» gir ingen dato i skoleåret ${p.year}.`,
  'change.added': (p) => `Lagt til ${p.collection} ${p.label}`,
  'change.removed': (p) => `Fjernet ${p.collection} ${p.label}`,
  'change.changed': (p) => `Endret ${p.collection} ${p.label}: ${p.fields}`,
  'value.none': () => '(ingen)',
  'more-fields': (p) => `og ${p.n} til`,
};

const nn: Catalog = {
  'first-revision': (p) =>
    `Første revisjon er ${p.text} (skuleåret ${p.first}); ingen revisjon i ${p.year}.`,
  'first-revision-year': (p) =>
    `Første revisjon er i skuleåret ${p.first}; ingen revisjon i ${p.year}.`,
  'on-demand': (p) => `«${p.text}»: vert revidert ved behov, utan faste datoar.`,
  continuous: (p) => `«${p.text}»: vert revidert fortløpande, utan faste datoar.`,
  event: (p) => `«${p.text}»: ventar på ein dato for «${p.event}».`,
  qualitative: (p) =>
    `«${p.text}» seier ikkje kor ofte; regelen treng eit intervall før han kan få datoar.`,
  'school-choice': (p) => `«${p.text}»: kvar skule avtaler kor ofte.`,
  'every-n-years': (p) =>
    `«${p.text}»: kvart ${p.every}. år frå ${p.since}, ikkje i skuleåret ${p.year}.`,
  'no-dates': (p) => `«${p.text}» gir ingen dato i skuleåret ${p.year}.`,
  'change.added': (p) => `La til ${p.collection} ${p.label}`,
  'change.removed': (p) => `Fjerna ${p.collection} ${p.label}`,
  'change.changed': (p) => `Endra ${p.collection} ${p.label}: ${p.fields}`,
  'value.none': () => '(ingen)',
  'more-fields': (p) => `og ${p.n} til`,
};

const en: Catalog = {
  'first-revision': (p) =>
    `The first revision is «${p.text}» (school year ${p.first}); none in ${p.year}.`,
  'first-revision-year': (p) =>
    `The first revision is in school year ${p.first}; none in ${p.year}.`,
  'on-demand': (p) => `«${p.text}»: revised when needed, no fixed dates.`,
  continuous: (p) => `«${p.text}»: revised continuously, no fixed dates.`,
  event: (p) => `«${p.text}»: waiting for a date for «${p.event}».`,
  qualitative: (p) =>
    `«${p.text}» does not say how often; the rule needs an interval before it can have dates.`,
  'school-choice': (p) => `«${p.text}»: each school agrees how often.`,
  'every-n-years': (p) =>
    `«${p.text}»: every ${p.every} years from ${p.since}, not in school year ${p.year}.`,
  'no-dates': (p) => `«${p.text}» gives no date in school year ${p.year}.`,
  'change.added': (p) => `Added ${p.collection} ${p.label}`,
  'change.removed': (p) => `Removed ${p.collection} ${p.label}`,
  'change.changed': (p) => `Changed ${p.collection} ${p.label}: ${p.fields}`,
  'value.none': () => '(none)',
  'more-fields': (p) => `and ${p.n} more`,
};

const CATALOGS: Record<Lang, Catalog> = { nb, nn, en };

/** A message in the given language (bokmål by default). */
export function revisionMessage(
  code: RevisionMessageCode,
  params: Params = {},
  lang: Lang = 'nb',
): string {
  return CATALOGS[lang][code](params);
}
