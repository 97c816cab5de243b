/**
 * The model's field names in words (the file's own names are English): «cadence» is «rytme» in a
 * change log for the spring SaLTo meeting, in a merge conflict and wherever a field is named to a
 * user. Fields without a word here are shown as they are.
 */
import type { Lang } from '@arshjul/school-calendar';

type Words = Record<Lang, string>;
const w = (nb: string, nn: string, en: string): Words => ({ nb, nn, en });

const FIELD_WORDS: Record<string, Words> = {
  name: w('navn', 'namn', 'name'),
  title: w('tittel', 'tittel', 'title'),
  description: w('beskrivelse', 'skildring', 'description'),
  cadence: w('rytme', 'rytme', 'rhythm'),
  responsible: w('ansvar', 'ansvar', 'responsible'),
  responsibleText: w('ansvar (tekst)', 'ansvar (tekst)', 'responsible (text)'),
  contributors: w('bidrar', 'bidreg', 'contributors'),
  participants: w('deltakere', 'deltakarar', 'participants'),
  scope: w('skoler', 'skular', 'schools'),
  scopeText: w('skoler (tekst)', 'skular (tekst)', 'schools (text)'),
  level: w('nivå', 'nivå', 'level'),
  secondaryLevels: w('andre nivåer', 'andre nivå', 'other levels'),
  focus: w('fokus', 'fokus', 'focus'),
  kind: w('type', 'type', 'kind'),
  documents: w('dokumenter', 'dokument', 'documents'),
  agenda: w('dagsorden', 'dagsorden', 'agenda'),
  status: w('status', 'status', 'status'),
  variations: w('tilpasninger per skole', 'tilpassingar per skule', 'per-school variations'),
  owner: w('eier', 'eigar', 'owner'),
  ownerText: w('eier (tekst)', 'eigar (tekst)', 'owner (text)'),
  mandate: w('mandat', 'mandat', 'mandate'),
  abbreviation: w('forkortelse', 'forkorting', 'abbreviation'),
  assignments: w('hvem som har rollen', 'kven som har rolla', 'who holds the role'),
  memberships: w('medlemskap', 'medlemskap', 'memberships'),
  meetings: w('møter', 'møte', 'meetings'),
  startsOn: w('første arbeidsdag', 'første arbeidsdag', 'first working day'),
  meetingDates: w('møtedatoer', 'møtedatoar', 'meeting dates'),
  schoolYear: w('skoleår', 'skuleår', 'school year'),
  firstSchoolDay: w('første skoledag', 'første skuledag', 'first school day'),
  lastSchoolDay: w('siste skoledag', 'siste skuledag', 'last school day'),
  breaks: w('ferier', 'feriar', 'breaks'),
  daysOff: w('fridager', 'fridagar', 'days off'),
  notes: w('merknader', 'merknader', 'notes'),
};

/**
 * A field path in words: its first part translated (`cadence` → «rytme»), the rest as it is
 * (`scope.schools` → «skoler › schools»); an unknown field stays as it is.
 */
export function fieldWord(path: string, lang: Lang = 'nb'): string {
  const match = /^([A-Za-z]+)(.*)$/.exec(path);
  const words = match ? FIELD_WORDS[match[1]!] : undefined;
  if (!match || !words) return path;
  const rest = match[2]!.replace(/^\./, '');
  return rest ? `${words[lang]} › ${rest}` : words[lang];
}
