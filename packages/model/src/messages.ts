/**
 * Everything validation says to people, in bokmål, nynorsk and English, keyed by issue code.
 * Messages are plain and specific: they name the school or structure, say what is expected
 * and, where it helps, suggest the nearest thing that exists.
 */
import { MONTH_NAMES, daysInMonth, type Lang } from '@arshjul/school-calendar';
import type { Issue, Severity } from './issues.js';

type Params = Record<string, string | number>;
type Texts = Record<Lang, (p: Params) => string>;

const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
const dym: Record<Lang, (p: Params) => string> = {
  nb: (p) => (p.suggestion !== undefined ? ` — mente du «${s(p.suggestion)}»?` : ''),
  nn: (p) => (p.suggestion !== undefined ? ` — meinte du «${s(p.suggestion)}»?` : ''),
  en: (p) => (p.suggestion !== undefined ? ` — did you mean «${s(p.suggestion)}»?` : ''),
};

const MESSAGES = {
  // --- reading the file -------------------------------------------------------------------
  'file.too-large': {
    nb: (p) => `Fila er for stor (${s(p.size)}); grensen er ${s(p.limit)}.`,
    nn: (p) => `Fila er for stor (${s(p.size)}); grensa er ${s(p.limit)}.`,
    en: (p) => `The file is too large (${s(p.size)}); the limit is ${s(p.limit)}.`,
  },
  'file.empty': {
    nb: () => 'Fila er tom.',
    nn: () => 'Fila er tom.',
    en: () => 'The file is empty.',
  },
  'json.syntax': {
    nb: (p) =>
      `Fila er ikke gyldig JSON: ${s(p.reason)} på linje ${s(p.line)}, kolonne ${s(p.column)}: «${s(p.excerpt)}»`,
    nn: (p) =>
      `Fila er ikkje gyldig JSON: ${s(p.reason)} på linje ${s(p.line)}, kolonne ${s(p.column)}: «${s(p.excerpt)}»`,
    en: (p) =>
      `The file is not valid JSON: ${s(p.reason)} at line ${s(p.line)}, column ${s(p.column)}: «${s(p.excerpt)}»`,
  },

  // --- the root and the schema version ----------------------------------------------------
  'model.not-an-object': {
    nb: (p) => `Modellen skal være et JSON-objekt ({ … }), men er ${s(p.received)}.`,
    nn: (p) => `Modellen skal vere eit JSON-objekt ({ … }), men er ${s(p.received)}.`,
    en: (p) => `The model must be a JSON object ({ … }), but is ${s(p.received)}.`,
  },
  'schema-version.missing': {
    nb: (p) =>
      `mangler: fila må si hvilken skjemaversjon den følger, for eksempel «"schemaVersion": ${s(p.supported)}»`,
    nn: (p) =>
      `manglar: fila må seie kva skjemaversjon ho følgjer, til dømes «"schemaVersion": ${s(p.supported)}»`,
    en: (p) =>
      `is missing: the file must say which schema version it follows, e.g. «"schemaVersion": ${s(p.supported)}»`,
  },
  'schema-version.invalid': {
    nb: (p) => `skal være et heltall (skjemaversjonen), men er ${s(p.received)}`,
    nn: (p) => `skal vere eit heiltal (skjemaversjonen), men er ${s(p.received)}`,
    en: (p) => `must be a whole number (the schema version), but is ${s(p.received)}`,
  },
  'schema-version.newer': {
    nb: (p) =>
      `Fila er laget med en nyere versjon av Årshjulet (skjemaversjon ${s(p.version)}); denne versjonen leser til og med versjon ${s(p.supported)}. Oppdater programmet.`,
    nn: (p) =>
      `Fila er laga med ein nyare versjon av Årshjulet (skjemaversjon ${s(p.version)}); denne versjonen les til og med versjon ${s(p.supported)}. Oppdater programmet.`,
    en: (p) =>
      `The file was made with a newer version of Årshjulet (schema version ${s(p.version)}); this version reads up to and including version ${s(p.supported)}. Update the program.`,
  },
  'migration.missing-step': {
    nb: (p) =>
      `Fila har skjemaversjon ${s(p.version)}, men denne versjonen av Årshjulet vet ikke hvordan versjon ${s(p.from)} gjøres om til versjon ${s(p.to)}, og kan ikke lese fila.`,
    nn: (p) =>
      `Fila har skjemaversjon ${s(p.version)}, men denne versjonen av Årshjulet veit ikkje korleis versjon ${s(p.from)} blir gjord om til versjon ${s(p.to)}, og kan ikkje lese fila.`,
    en: (p) =>
      `The file has schema version ${s(p.version)}, but this version of Årshjulet does not know how to turn version ${s(p.from)} into version ${s(p.to)}, and cannot read the file.`,
  },
  'migration.failed': {
    nb: (p) =>
      `Fila kunne ikke gjøres om fra skjemaversjon ${s(p.from)} til ${s(p.to)} (${s(p.describe)}): ${s(p.detail)}`,
    nn: (p) =>
      `Fila kunne ikkje gjerast om frå skjemaversjon ${s(p.from)} til ${s(p.to)} (${s(p.describe)}): ${s(p.detail)}`,
    en: (p) =>
      `The file could not be turned from schema version ${s(p.from)} into ${s(p.to)} (${s(p.describe)}): ${s(p.detail)}`,
  },
  internal: {
    nb: (p) =>
      `Intern feil under kontrollen (${s(p.detail)}). Dette er en feil i Årshjulet, ikke i fila; meld gjerne fra.`,
    nn: (p) =>
      `Intern feil under kontrollen (${s(p.detail)}). Dette er ein feil i Årshjulet, ikkje i fila; meld gjerne frå.`,
    en: (p) =>
      `Internal error while checking (${s(p.detail)}). This is a fault in Årshjulet, not in the file; please report it.`,
  },
  'too-many-issues': {
    nb: (p) => `… og ${s(p.count)} ${p.severity === 'error' ? 'feil' : 'advarsler'} til`,
    nn: (p) => `… og ${s(p.count)} ${p.severity === 'error' ? 'feil' : 'åtvaringar'} til`,
    en: (p) => `… and ${s(p.count)} more ${p.severity === 'error' ? 'errors' : 'warnings'}`,
  },

  // --- the shape of the file (zod issues) -------------------------------------------------
  'schema.missing': {
    nb: (p) => `mangler (skal være ${s(p.expected)})`,
    nn: (p) => `manglar (skal vere ${s(p.expected)})`,
    en: (p) => `is missing (must be ${s(p.expected)})`,
  },
  'schema.invalid-type': {
    nb: (p) => `skal være ${s(p.expected)}, men er ${s(p.received)}`,
    nn: (p) => `skal vere ${s(p.expected)}, men er ${s(p.received)}`,
    en: (p) => `must be ${s(p.expected)}, but is ${s(p.received)}`,
  },
  'schema.unknown-key': {
    nb: (p) => `ukjent felt «${s(p.key)}»${dym.nb(p)}`,
    nn: (p) => `ukjent felt «${s(p.key)}»${dym.nn(p)}`,
    en: (p) => `unknown field «${s(p.key)}»${dym.en(p)}`,
  },
  'schema.invalid-value': {
    nb: (p) =>
      `${p.value !== undefined ? `«${s(p.value)}» er ikke en gyldig verdi` : 'har en ugyldig verdi'}; skal være ${s(p.allowed)}${dym.nb(p)}`,
    nn: (p) =>
      `${p.value !== undefined ? `«${s(p.value)}» er ikkje ein gyldig verdi` : 'har ein ugyldig verdi'}; skal vere ${s(p.allowed)}${dym.nn(p)}`,
    en: (p) =>
      `${p.value !== undefined ? `«${s(p.value)}» is not a valid value` : 'has an invalid value'}; must be ${s(p.allowed)}${dym.en(p)}`,
  },
  'schema.empty-text': {
    nb: () => 'kan ikke være tom tekst',
    nn: () => 'kan ikkje vere tom tekst',
    en: () => 'cannot be empty text',
  },
  'schema.too-few': {
    nb: (p) =>
      `skal ha minst ${s(p.min)} ${p.min === 1 ? 'element' : 'elementer'}, men har ${s(p.count)}`,
    nn: (p) =>
      `skal ha minst ${s(p.min)} ${p.min === 1 ? 'element' : 'element'}, men har ${s(p.count)}`,
    en: (p) =>
      `must have at least ${s(p.min)} ${p.min === 1 ? 'item' : 'items'}, but has ${s(p.count)}`,
  },
  'schema.too-many': {
    nb: (p) => `kan ha høyst ${s(p.max)} elementer, men har ${s(p.count)}`,
    nn: (p) => `kan ha høgst ${s(p.max)} element, men har ${s(p.count)}`,
    en: (p) => `can have at most ${s(p.max)} items, but has ${s(p.count)}`,
  },
  'schema.too-small': {
    nb: (p) => `skal være minst ${s(p.min)}, men er ${s(p.value)}`,
    nn: (p) => `skal vere minst ${s(p.min)}, men er ${s(p.value)}`,
    en: (p) => `must be at least ${s(p.min)}, but is ${s(p.value)}`,
  },
  'schema.too-big': {
    nb: (p) => `skal være høyst ${s(p.max)}, men er ${s(p.value)}`,
    nn: (p) => `skal vere høgst ${s(p.max)}, men er ${s(p.value)}`,
    en: (p) => `must be at most ${s(p.max)}, but is ${s(p.value)}`,
  },
  'schema.too-long': {
    nb: (p) => `er for lang (høyst ${s(p.max)} tegn)`,
    nn: (p) => `er for lang (høgst ${s(p.max)} teikn)`,
    en: (p) => `is too long (at most ${s(p.max)} characters)`,
  },
  'schema.not-integer': {
    nb: (p) => `skal være et heltall, men er ${s(p.value)}`,
    nn: (p) => `skal vere eit heiltal, men er ${s(p.value)}`,
    en: (p) => `must be a whole number, but is ${s(p.value)}`,
  },
  'schema.invalid-date': {
    nb: (p) => `«${s(p.value)}» er ikke en dato på formen ÅÅÅÅ-MM-DD`,
    nn: (p) => `«${s(p.value)}» er ikkje ein dato på forma ÅÅÅÅ-MM-DD`,
    en: (p) => `«${s(p.value)}» is not a date in the form YYYY-MM-DD`,
  },
  'schema.nonexistent-date': {
    nb: (p) => `${s(p.value)} finnes ikke (${s(p.reason)})`,
    nn: (p) => `${s(p.value)} finst ikkje (${s(p.reason)})`,
    en: (p) => `${s(p.value)} does not exist (${s(p.reason)})`,
  },
  'schema.invalid-id': {
    nb: (p) =>
      `«${s(p.value)}» er ikke en gyldig id (bruk bokstaver, tall, «.», «_» og «-», og begynn med en bokstav eller et tall)`,
    nn: (p) =>
      `«${s(p.value)}» er ikkje ein gyldig id (bruk bokstavar, tal, «.», «_» og «-», og byrj med ein bokstav eller eit tal)`,
    en: (p) =>
      `«${s(p.value)}» is not a valid id (use letters, digits, «.», «_» and «-», starting with a letter or digit)`,
  },
  'schema.invalid-school-year': {
    nb: (p) => `«${s(p.value)}» er ikke et skoleår på formen 2025-26`,
    nn: (p) => `«${s(p.value)}» er ikkje eit skuleår på forma 2025-26`,
    en: (p) => `«${s(p.value)}» is not a school year in the form 2025-26`,
  },
  'schema.invalid-time': {
    nb: (p) => `«${s(p.value)}» er ikke et klokkeslett på formen TT:MM`,
    nn: (p) => `«${s(p.value)}» er ikkje eit klokkeslett på forma TT:MM`,
    en: (p) => `«${s(p.value)}» is not a time of day in the form HH:MM`,
  },
  'schema.invalid-format': {
    nb: (p) => `«${s(p.value)}» har feil form`,
    nn: (p) => `«${s(p.value)}» har feil form`,
    en: (p) => `«${s(p.value)}» has the wrong form`,
  },
  'schema.invalid': {
    nb: (p) => `er ugyldig${p.detail ? `: ${s(p.detail)}` : ''}`,
    nn: (p) => `er ugyldig${p.detail ? `: ${s(p.detail)}` : ''}`,
    en: (p) => `is invalid${p.detail ? `: ${s(p.detail)}` : ''}`,
  },
  'cadence.not-understood': {
    nb: (p) =>
      `«${s(p.text)}» er ikke forstått${p.suggestion !== undefined ? ` — mente du «${s(p.suggestion)}»?` : `: ${s(p.reason)}`}`,
    nn: (p) =>
      `«${s(p.text)}» er ikkje forstått${p.suggestion !== undefined ? ` — meinte du «${s(p.suggestion)}»?` : `: ${s(p.reason)}`}`,
    en: (p) =>
      `«${s(p.text)}» is not understood${p.suggestion !== undefined ? ` — did you mean «${s(p.suggestion)}»?` : `: ${s(p.reason)}`}`,
  },
  'cadence.bad-rrule': {
    nb: (p) => `RRULE-en kan ikke brukes: ${s(p.detail)}`,
    nn: (p) => `RRULE-en kan ikkje brukast: ${s(p.detail)}`,
    en: (p) => `The RRULE cannot be used: ${s(p.detail)}`,
  },

  // --- references and consistency -----------------------------------------------------------
  'id.duplicate': {
    nb: (p) =>
      `${cap(s(p.entity))} har samme id («${s(p.id)}») som ${s(p.other)} (${s(p.otherPath)}); ${s(p.rule)}`,
    nn: (p) =>
      `${cap(s(p.entity))} har same id («${s(p.id)}») som ${s(p.other)} (${s(p.otherPath)}); ${s(p.rule)}`,
    en: (p) =>
      `${cap(s(p.entity))} has the same id («${s(p.id)}») as ${s(p.other)} (${s(p.otherPath)}); ${s(p.rule)}`,
  },
  'ref.unknown': {
    nb: (p) => `«${s(p.id)}» finnes ikke blant ${s(p.among)}${dym.nb(p)}`,
    nn: (p) => `«${s(p.id)}» finst ikkje blant ${s(p.among)}${dym.nn(p)}`,
    en: (p) => `«${s(p.id)}» is not among ${s(p.among)}${dym.en(p)}`,
  },
  'ref.wrong-kind': {
    nb: (p) => `«${s(p.id)}» er ${s(p.actual)}, ikke ${s(p.expected)}${dym.nb(p)}`,
    nn: (p) => `«${s(p.id)}» er ${s(p.actual)}, ikkje ${s(p.expected)}${dym.nn(p)}`,
    en: (p) => `«${s(p.id)}» is ${s(p.actual)}, not ${s(p.expected)}${dym.en(p)}`,
  },
  'ref.bad-concept': {
    nb: (p) =>
      `«${s(p.id)}»: «${s(p.value)}» er ikke ${s(p.what)}; bruk ${s(p.allowed)}${dym.nb(p)}`,
    nn: (p) =>
      `«${s(p.id)}»: «${s(p.value)}» er ikkje ${s(p.what)}; bruk ${s(p.allowed)}${dym.nn(p)}`,
    en: (p) => `«${s(p.id)}»: «${s(p.value)}» is not ${s(p.what)}; use ${s(p.allowed)}${dym.en(p)}`,
  },
  'unit.parent-cycle': {
    nb: (p) => `${cap(s(p.entity))} ligger under seg selv: ${s(p.chain)}`,
    nn: (p) => `${cap(s(p.entity))} ligg under seg sjølv: ${s(p.chain)}`,
    en: (p) => `${cap(s(p.entity))} is placed under itself: ${s(p.chain)}`,
  },
  'school.two-areas': {
    nb: (p) =>
      `${cap(s(p.entity))} er i to skoleområder samtidig: «${s(p.area)}» (${s(p.period)}) og «${s(p.otherArea)}» (${s(p.otherPeriod)})`,
    nn: (p) =>
      `${cap(s(p.entity))} er i to skuleområde samtidig: «${s(p.area)}» (${s(p.period)}) og «${s(p.otherArea)}» (${s(p.otherPeriod)})`,
    en: (p) =>
      `${cap(s(p.entity))} is in two areas at once: «${s(p.area)}» (${s(p.period)}) and «${s(p.otherArea)}» (${s(p.otherPeriod)})`,
  },
  'dates.out-of-order': {
    nb: (p) => `perioden slutter (${s(p.to)}) før den begynner (${s(p.from)})`,
    nn: (p) => `perioden sluttar (${s(p.to)}) før han byrjar (${s(p.from)})`,
    en: (p) => `the period ends (${s(p.to)}) before it starts (${s(p.from)})`,
  },
  'status.out-of-order': {
    nb: (p) =>
      `statusen fra ${s(p.from)} står etter statusen fra ${s(p.previous)}; statusene skal stå i datorekkefølge`,
    nn: (p) =>
      `statusen frå ${s(p.from)} står etter statusen frå ${s(p.previous)}; statusane skal stå i datorekkjefølgje`,
    en: (p) =>
      `the status from ${s(p.from)} comes after the status from ${s(p.previous)}; statuses must be in date order`,
  },
  'duration.min-max': {
    nb: (p) => `korteste varighet (${s(p.min)} min) er lengre enn lengste (${s(p.max)} min)`,
    nn: (p) => `kortaste varigheit (${s(p.min)} min) er lengre enn lengste (${s(p.max)} min)`,
    en: (p) =>
      `the shortest duration (${s(p.min)} min) is longer than the longest (${s(p.max)} min)`,
  },
  'grades.out-of-order': {
    nb: (p) =>
      `trinnene går fra ${s(p.from)} til ${s(p.to)}; det første kan ikke være større enn det siste`,
    nn: (p) =>
      `trinna går frå ${s(p.from)} til ${s(p.to)}; det første kan ikkje vere større enn det siste`,
    en: (p) =>
      `the grades run from ${s(p.from)} to ${s(p.to)}; the first cannot be greater than the last`,
  },
  'variation.duplicate': {
    nb: (p) =>
      `${cap(s(p.entity))} har to variasjoner i ${s(p.structure)} (også variations[${s(p.other)}]); slå dem sammen`,
    nn: (p) =>
      `${cap(s(p.entity))} har to variasjonar i ${s(p.structure)} (også variations[${s(p.other)}]); slå dei saman`,
    en: (p) =>
      `${cap(s(p.entity))} has two variations in ${s(p.structure)} (also variations[${s(p.other)}]); merge them`,
  },
  'glossary.duplicate': {
    nb: (p) =>
      `«${s(p.term)}» står allerede i ordlisten som «${s(p.other)}» (${s(p.otherPath)}); hvert ord skal stå én gang — slå oppslagene sammen`,
    nn: (p) =>
      `«${s(p.term)}» står alt i ordlista som «${s(p.other)}» (${s(p.otherPath)}); kvart ord skal stå éin gong — slå oppslaga saman`,
    en: (p) =>
      `«${s(p.term)}» is already in the glossary as «${s(p.other)}» (${s(p.otherPath)}); each term goes in once — merge the entries`,
  },
  'record.duplicate': {
    nb: (p) =>
      `Revisjonen etter ${s(p.rule)} den ${s(p.date)} er registrert to ganger (også ${s(p.otherPath)}); slå registreringene sammen`,
    nn: (p) =>
      `Revisjonen etter ${s(p.rule)} den ${s(p.date)} er registrert to gonger (også ${s(p.otherPath)}); slå registreringane saman`,
    en: (p) =>
      `The revision under ${s(p.rule)} on ${s(p.date)} is recorded twice (also ${s(p.otherPath)}); merge the records`,
  },

  // --- newcomers and the model's own school calendar ----------------------------------------
  'newcomer.duplicate': {
    nb: (p) =>
      `To nytilsatte har samme id («${s(p.id)}»; også ${s(p.otherPath)}); id-ene til de nytilsatte må være unike`,
    nn: (p) =>
      `To nytilsette har same id («${s(p.id)}»; også ${s(p.otherPath)}); id-ane til dei nytilsette må vere unike`,
    en: (p) =>
      `Two newcomers have the same id («${s(p.id)}»; also ${s(p.otherPath)}); the ids of newcomers must be unique`,
  },
  'newcomer.role-not-in-plan': {
    nb: (p) =>
      `«${s(p.role)}» er ikke en av rollene ${s(p.plan)} gjelder for (${s(p.roles)})${dym.nb(p)}`,
    nn: (p) =>
      `«${s(p.role)}» er ikkje ei av rollene ${s(p.plan)} gjeld for (${s(p.roles)})${dym.nn(p)}`,
    en: (p) =>
      `«${s(p.role)}» is not one of the roles ${s(p.plan)} is for (${s(p.roles)})${dym.en(p)}`,
  },
  'newcomer.school-missing': {
    nb: (p) =>
      `mangler: ${s(p.plan)} gjelder en ny person på en skole, så skolen må oppgis (feltet school)`,
    nn: (p) =>
      `manglar: ${s(p.plan)} gjeld ein ny person på ein skule, så skulen må oppgjevast (feltet school)`,
    en: (p) =>
      `is missing: ${s(p.plan)} is for a new person at a school, so the school must be given (the field school)`,
  },
  'newcomer.area-missing': {
    nb: (p) =>
      `mangler: ${s(p.plan)} gjelder en ny person i et skoleområde, så skoleområdet må oppgis (feltet area)`,
    nn: (p) =>
      `manglar: ${s(p.plan)} gjeld ein ny person i eit skuleområde, så skuleområdet må oppgjevast (feltet area)`,
    en: (p) =>
      `is missing: ${s(p.plan)} is for a new person in a school area, so the area must be given (the field area)`,
  },
  'newcomer.too-many-dates': {
    nb: (p) =>
      `${s(p.count)} datoer, men ${s(p.plan)} har bare ${s(p.meetings)} møter; det skal være én dato per møte, i rekkefølge`,
    nn: (p) =>
      `${s(p.count)} datoar, men ${s(p.plan)} har berre ${s(p.meetings)} møte; det skal vere éin dato per møte, i rekkjefølgje`,
    en: (p) =>
      `${s(p.count)} dates, but ${s(p.plan)} has only ${s(p.meetings)} meetings; give one date per meeting, in order`,
  },
  'calendar.year-duplicate': {
    nb: (p) =>
      `Skoleåret ${s(p.year)} står to ganger i modellens skolerute (også ${s(p.otherPath)}); slå dem sammen`,
    nn: (p) =>
      `Skuleåret ${s(p.year)} står to gonger i skuleruta til modellen (også ${s(p.otherPath)}); slå dei saman`,
    en: (p) =>
      `The school year ${s(p.year)} is in the model's school calendar twice (also ${s(p.otherPath)}); merge them`,
  },
  'calendar.outside-year': {
    nb: (p) => `${s(p.date)} ligger utenfor skoleåret ${s(p.year)} (${s(p.from)} – ${s(p.to)})`,
    nn: (p) => `${s(p.date)} ligg utanfor skuleåret ${s(p.year)} (${s(p.from)} – ${s(p.to)})`,
    en: (p) => `${s(p.date)} lies outside the school year ${s(p.year)} (${s(p.from)} – ${s(p.to)})`,
  },
  'calendar.last-before-first': {
    nb: (p) => `siste skoledag (${s(p.last)}) må komme etter første skoledag (${s(p.first)})`,
    nn: (p) => `siste skuledag (${s(p.last)}) må kome etter første skuledag (${s(p.first)})`,
    en: (p) =>
      `the last school day (${s(p.last)}) must come after the first school day (${s(p.first)})`,
  },
  'calendar.year-invalid': {
    nb: (p) => `skoleåret ${s(p.year)} kan ikke brukes: ${s(p.detail)}`,
    nn: (p) => `skuleåret ${s(p.year)} kan ikkje brukast: ${s(p.detail)}`,
    en: (p) => `the school year ${s(p.year)} cannot be used: ${s(p.detail)}`,
  },

  // --- lint (warnings) ---------------------------------------------------------------------
  'no-strategic-forum': {
    nb: () =>
      'Modellen har ingen strategisk møteplass: ingen struktur på strategisk nivå er et møte med fast rytme. Det er der samarbeidet mellom bydel og skole justeres (som på SaLTo-møtet i Grorudmodellen).',
    nn: () =>
      'Modellen har ingen strategisk møtestad: ingen struktur på strategisk nivå er eit møte med fast rytme. Det er der samarbeidet mellom bydel og skule blir justert (som på SaLTo-møtet i Grorudmodellen).',
    en: () =>
      'The model has no strategic forum: no structure on the strategic level is a meeting with a fixed rhythm. That is where the collaboration between district and schools is adjusted (like the SaLTo meeting in the Grorud model).',
  },
  'no-revision-cycle': {
    nb: (p) =>
      p.document !== undefined
        ? `Dokumentet «${s(p.document)}» blir aldri revidert: ingen revisjonsregel gjelder dokumentet eller en struktur det hører til.`
        : 'Modellen har ingen revisjonsregler: ingen dokument eller struktur har en fast tid for revisjon.',
    nn: (p) =>
      p.document !== undefined
        ? `Dokumentet «${s(p.document)}» blir aldri revidert: ingen revisjonsregel gjeld dokumentet eller ein struktur det høyrer til.`
        : 'Modellen har ingen revisjonsreglar: ingen dokument eller struktur har ei fast tid for revisjon.',
    en: (p) =>
      p.document !== undefined
        ? `The document «${s(p.document)}» is never revised: no revision rule covers it or a structure it belongs to.`
        : 'The model has no revision rules: no document or structure has a set time for revision.',
  },
  'qualitative-needs-interval': {
    nb: (p) =>
      `Rytmen «${s(p.text)}» for ${s(p.entity)} sier ikke hvor ofte («${s(p.word)}»); skriv et intervall, for eksempel «Hver fjerde uke», så den kommer med i årshjulet.`,
    nn: (p) =>
      `Rytmen «${s(p.text)}» for ${s(p.entity)} seier ikkje kor ofte («${s(p.word)}»); skriv eit intervall, til dømes «Kvar fjerde veke», så han kjem med i årshjulet.`,
    en: (p) =>
      `The rhythm «${s(p.text)}» of ${s(p.entity)} does not say how often («${s(p.word)}»); give an interval such as «Hver fjerde uke» so that it appears in the annual wheel.`,
  },
  'nobody-responsible': {
    nb: (p) =>
      `Ingen er ansvarlig for ${s(p.entity)}${p.text !== undefined ? ` (ansvarsteksten «${s(p.text)}» peker ikke på noen rolle, enhet eller skole)` : ''}.`,
    nn: (p) =>
      `Ingen er ansvarleg for ${s(p.entity)}${p.text !== undefined ? ` (ansvarsteksten «${s(p.text)}» peikar ikkje på nokon rolle, eining eller skule)` : ''}.`,
    en: (p) =>
      `Nobody is responsible for ${s(p.entity)}${p.text !== undefined ? ` (the text «${s(p.text)}» does not point to any role, unit or school)` : ''}.`,
  },
  'school-takes-part-in-nothing': {
    nb: (p) =>
      `${cap(s(p.entity))} er med i samarbeidet per ${s(p.asOf)}, men ingen struktur gjelder skolen.`,
    nn: (p) =>
      `${cap(s(p.entity))} er med i samarbeidet per ${s(p.asOf)}, men ingen struktur gjeld skulen.`,
    en: (p) =>
      `${cap(s(p.entity))} takes part in the collaboration on ${s(p.asOf)}, but no structure applies to it.`,
  },
  'role-nobody-holds': {
    nb: (p) =>
      `Ingen har ${s(p.entity)}: rollen har ingen tildelinger. Legg inn hvem som har den (eller en ledig stilling) per skoleområde eller skole.`,
    nn: (p) =>
      `Ingen har ${s(p.entity)}: rolla har ingen tildelingar. Legg inn kven som har henne (eller ei ledig stilling) per skuleområde eller skule.`,
    en: (p) =>
      `Nobody holds ${s(p.entity)}: the role has no assignments. Add who holds it (or a vacancy) per area or school.`,
  },
  'personal-data-outside-assignment': {
    nb: (p) =>
      `ser ut til å inneholde ${p.kind === 'email' ? 'en e-postadresse' : 'et telefonnummer'} (${s(p.masked)}); personopplysninger hører bare hjemme i roles[].assignments[].person, som aldri følger med når modellen deles`,
    nn: (p) =>
      `ser ut til å innehalde ${p.kind === 'email' ? 'ei e-postadresse' : 'eit telefonnummer'} (${s(p.masked)}); personopplysningar høyrer berre heime i roles[].assignments[].person, som aldri følgjer med når modellen blir delt`,
    en: (p) =>
      `seems to contain ${p.kind === 'email' ? 'an e-mail address' : 'a phone number'} (${s(p.masked)}); personal data belongs only in roles[].assignments[].person, which is never included when the model is shared`,
  },
  'focus-on-non-operative': {
    nb: (p) =>
      `${cap(s(p.entity))} er på ${s(p.level)} nivå, men har fokus «${s(p.focus)}»; fokus brukes bare for operative strukturer.`,
    nn: (p) =>
      `${cap(s(p.entity))} er på ${s(p.level)} nivå, men har fokus «${s(p.focus)}»; fokus blir berre brukt for operative strukturar.`,
    en: (p) =>
      `${cap(s(p.entity))} is on the ${s(p.level)} level but has the focus «${s(p.focus)}»; a focus is only for operative structures.`,
  },
  'document-without-owner': {
    nb: (p) =>
      `Dokumentet «${s(p.document)}» har ingen eier${p.text !== undefined ? ` (eierteksten «${s(p.text)}» peker ikke på noen rolle, enhet eller skole)` : ''}; noen må ha ansvar for å holde det oppdatert.`,
    nn: (p) =>
      `Dokumentet «${s(p.document)}» har ingen eigar${p.text !== undefined ? ` (eigarteksten «${s(p.text)}» peikar ikkje på nokon rolle, eining eller skule)` : ''}; nokon må ha ansvar for å halde det oppdatert.`,
    en: (p) =>
      `The document «${s(p.document)}» has no owner${p.text !== undefined ? ` (the text «${s(p.text)}» does not point to any role, unit or school)` : ''}; someone must be responsible for keeping it up to date.`,
  },
  'inactive-school-in-scope': {
    nb: (p) =>
      `${cap(s(p.entity))} er ikke med i samarbeidet per ${s(p.asOf)}, men står i ${s(p.structure)}.`,
    nn: (p) =>
      `${cap(s(p.entity))} er ikkje med i samarbeidet per ${s(p.asOf)}, men står i ${s(p.structure)}.`,
    en: (p) =>
      `${cap(s(p.entity))} does not take part in the collaboration on ${s(p.asOf)}, but is listed in ${s(p.structure)}.`,
  },
} satisfies Record<string, Texts>;

export type MessageCode = keyof typeof MESSAGES;

/** The message for a code in a language. */
export function message(code: MessageCode, params: Params = {}, lang: Lang = 'nb'): string {
  return MESSAGES[code][lang](params);
}

/** Makes an issue; params with undefined values are left out. */
export function makeIssue(
  severity: Severity,
  path: string,
  code: MessageCode,
  params: Record<string, string | number | undefined>,
  lang: Lang,
): Issue {
  const clean: Params = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  const issue: Issue = { path, code, message: message(code, clean, lang), severity };
  if (Object.keys(clean).length) issue.params = clean;
  return issue;
}

const ROOT: Record<Lang, string> = { nb: '(roten)', nn: '(rota)', en: '(root)' };

/** `path: message`, with «(roten)» / «(root)» for the root. */
export function formatIssue(issue: Issue, lang: Lang = 'nb'): string {
  return `${issue.path || ROOT[lang]}: ${issue.message}`;
}

// ---------------------------------------------------------------------------------------------
// Words

export function cap(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Quotes a value for a message, cut short when long. */
export function short(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const TYPE_WORDS: Record<Lang, Record<string, string>> = {
  nb: {
    string: 'tekst',
    number: 'et tall',
    int: 'et heltall',
    boolean: 'true eller false',
    array: 'en liste',
    object: 'et objekt',
    null: 'null',
    undefined: 'tom',
    bigint: 'et tall',
  },
  nn: {
    string: 'tekst',
    number: 'eit tal',
    int: 'eit heiltal',
    boolean: 'true eller false',
    array: 'ei liste',
    object: 'eit objekt',
    null: 'null',
    undefined: 'tom',
    bigint: 'eit tal',
  },
  en: {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
    undefined: 'empty',
    bigint: 'a number',
  },
};

/** The JSON type of a value: string, number, boolean, array, object, null, undefined. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** «tekst», «et tall», «en liste» … for a type name such as zod's `expected`. */
export function typeWord(type: string, lang: Lang): string {
  return TYPE_WORDS[lang][type] ?? type;
}

/** What a value is, in words: «et tall (12)», «tekst («abc»)», «en liste». */
export function describeValue(value: unknown, lang: Lang): string {
  const t = jsonType(value);
  const word = typeWord(t, lang);
  if (t === 'number') return `${word} (${String(value)})`;
  if (t === 'boolean') return `${String(value)}`;
  if (t === 'string') return `${word} («${short(value as string, 40)}»)`;
  return word;
}

/** «a, b eller c» / «a, b or c». */
export function orList(items: readonly string[], lang: Lang): string {
  const or = lang === 'en' ? 'or' : 'eller';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]!}`;
}

/** «a, b og c» / «a, b and c». */
export function andList(items: readonly string[], lang: Lang): string {
  const and = lang === 'en' ? 'and' : 'og';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}

/** «a», «b» eller «c», listing at most `max` values. */
export function quotedOrList(values: readonly unknown[], lang: Lang, max = 12): string {
  const quoted = values.slice(0, max).map((v) => `«${String(v)}»`);
  if (values.length > max) quoted.push(lang === 'en' ? '…' : '…');
  return orList(quoted, lang);
}

/** Why a well-formed date does not exist: «februar 2025 har 28 dager», «måned 13 finnes ikke». */
export function nonexistentDateReason(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) {
    return {
      nb: `måned ${m} finnes ikke`,
      nn: `månad ${m} finst ikkje`,
      en: `there is no month ${m}`,
    }[lang];
  }
  const month = MONTH_NAMES[lang][m - 1]!;
  const days = daysInMonth(y, m);
  if (d < 1) {
    return { nb: `dag ${d} finnes ikke`, nn: `dag ${d} finst ikkje`, en: `there is no day ${d}` }[
      lang
    ];
  }
  return {
    nb: `${month} ${y} har ${days} dager`,
    nn: `${month} ${y} har ${days} dagar`,
    en: `${month} ${y} has ${days} days`,
  }[lang];
}

/** A membership or assignment period in words. */
export function periodText(from: string | undefined, to: string | undefined, lang: Lang): string {
  const w = {
    nb: { from: 'fra', to: 'til', always: 'uten start og slutt' },
    nn: { from: 'frå', to: 'til', always: 'utan start og slutt' },
    en: { from: 'from', to: 'until', always: 'without start or end' },
  }[lang];
  if (from && to) return `${w.from} ${from} ${lang === 'en' ? 'to' : w.to} ${to}`;
  if (from) return `${w.from} ${from}`;
  if (to) return `${w.to} ${to}`;
  return w.always;
}

// ---------------------------------------------------------------------------------------------
// Entities

export type EntityKind =
  | 'district'
  | 'unit'
  | 'area'
  | 'school'
  | 'institution'
  | 'role'
  | 'collective'
  | 'structure'
  | 'document'
  | 'revision'
  | 'onboarding'
  | 'routine';

/** [the X, a X, the Xs] per language. */
const ENTITY_WORDS: Record<EntityKind, Record<Lang, [string, string, string]>> = {
  district: {
    nb: ['bydelen', 'bydelen', 'bydelen'],
    nn: ['bydelen', 'bydelen', 'bydelen'],
    en: ['the district', 'the district', 'the district'],
  },
  unit: {
    nb: ['enheten', 'en enhet', 'enhetene'],
    nn: ['eininga', 'ei eining', 'einingane'],
    en: ['the unit', 'a unit', 'the units'],
  },
  area: {
    nb: ['skoleområdet', 'et skoleområde', 'skoleområdene'],
    nn: ['skuleområdet', 'eit skuleområde', 'skuleområda'],
    en: ['the area', 'an area', 'the areas'],
  },
  school: {
    nb: ['skolen', 'en skole', 'skolene'],
    nn: ['skulen', 'ein skule', 'skulane'],
    en: ['the school', 'a school', 'the schools'],
  },
  institution: {
    nb: ['institusjonen', 'en institusjon', 'institusjonene'],
    nn: ['institusjonen', 'ein institusjon', 'institusjonane'],
    en: ['the institution', 'an institution', 'the institutions'],
  },
  role: {
    nb: ['rollen', 'en rolle', 'rollene'],
    nn: ['rolla', 'ei rolle', 'rollene'],
    en: ['the role', 'a role', 'the roles'],
  },
  collective: {
    nb: ['gruppen', 'en gruppe', 'gruppene'],
    nn: ['gruppa', 'ei gruppe', 'gruppene'],
    en: ['the group', 'a group', 'the groups'],
  },
  structure: {
    nb: ['strukturen', 'en struktur', 'strukturene'],
    nn: ['strukturen', 'ein struktur', 'strukturane'],
    en: ['the structure', 'a structure', 'the structures'],
  },
  document: {
    nb: ['dokumentet', 'et dokument', 'dokumentene'],
    nn: ['dokumentet', 'eit dokument', 'dokumenta'],
    en: ['the document', 'a document', 'the documents'],
  },
  revision: {
    nb: ['revisjonsregelen', 'en revisjonsregel', 'revisjonsreglene'],
    nn: ['revisjonsregelen', 'ein revisjonsregel', 'revisjonsreglane'],
    en: ['the revision rule', 'a revision rule', 'the revision rules'],
  },
  onboarding: {
    nb: ['oppstartsplanen', 'en oppstartsplan', 'oppstartsplanene'],
    nn: ['oppstartsplanen', 'ein oppstartsplan', 'oppstartsplanane'],
    en: ['the onboarding plan', 'an onboarding plan', 'the onboarding plans'],
  },
  routine: {
    nb: ['rutinen', 'en rutine', 'rutinene'],
    nn: ['rutinen', 'ei rutine', 'rutinane'],
    en: ['the routine', 'a routine', 'the routines'],
  },
};

/** «skolen «Rødtvet skole»», «strukturen «Nærmiljøteam på hver skole» (T4.1)». */
export function entityLabel(
  kind: EntityKind,
  name: string | undefined,
  id: string,
  lang: Lang,
  showId = true,
): string {
  const the = ENTITY_WORDS[kind][lang][0];
  const shown = name ? short(name, 70) : id;
  const withId = showId && (kind === 'structure' || kind === 'revision' || kind === 'document');
  return withId && name && name !== id ? `${the} «${shown}» (${id})` : `${the} «${shown}»`;
}

/** «et skoleområde («Ammerud»)» — what an id turned out to be. */
export function entityIndefinite(kind: EntityKind, name: string | undefined, lang: Lang): string {
  const a = ENTITY_WORDS[kind][lang][1];
  return name ? `${a} («${short(name, 50)}»)` : a;
}

/** «en skole» — what was expected. */
export function entityA(kind: EntityKind, lang: Lang): string {
  return ENTITY_WORDS[kind][lang][1];
}

/** «skolene», or for several kinds «rollene, enhetene eller skolene». */
export function entityPlural(kinds: readonly EntityKind[], lang: Lang): string {
  return orList(
    kinds.map((k) => ENTITY_WORDS[k][lang][2]),
    lang,
  );
}
