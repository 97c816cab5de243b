/**
 * The Grorud revision cycles (grorud-model.md §4, R1–R15) as revision rules, for the tests.
 * Party ids are role and unit ids; R14 has no cadence in the source and is left out.
 */
import { revisionRuleSchema, type RevisionRule, type RevisionRuleInput } from '../src/schema.js';

export const GRORUD_RULE_INPUTS: readonly RevisionRuleInput[] = [
  {
    id: 'R1',
    title: 'Justering av samarbeidet mellom bydel og skole',
    subject: { kind: 'model' },
    cadence: {
      text: 'En gang i året',
      rule: { kind: 'count', min: 1, max: 1, per: 'year', within: { kind: 'half', half: 'vår' } },
    },
    forum: { text: 'på SaLTo-møtet som arrangeres om våren', structure: 'T1.2' },
    draftedBy: ['salto-koordinator', 'nsk'],
    input: ['rektor', 'seksjonssjef'],
    source: 'T1.1',
  },
  {
    id: 'R2',
    title: 'Løpende saker i samarbeidet',
    subject: { kind: 'structure', structure: 'T1.2' },
    cadence: 'Hvert kvartal',
    forum: { text: 'SaLTo-møtene', structure: 'T1.2' },
    draftedBy: ['salto-koordinator', 'nsk'],
    input: ['rektor', 'seksjonssjef'],
    source: 'T1.2',
  },
  {
    id: 'R3',
    title: 'NSK og BVK i bydelens budsjett',
    subject: { kind: 'structure', structure: 'T1.3' },
    cadence: 'Ved budsjettlegging i bydelen',
    decidedBy: ['oppvekstsjef'],
    source: 'T1.3',
  },
  {
    id: 'R4',
    title: 'Revisjon av konseptpapir for NSK',
    subject: { kind: 'structure', structure: 'T1.5' },
    cadence: {
      text: 'Justeres en gang i året',
      rule: { kind: 'count', min: 1, max: 1, per: 'year', within: { kind: 'half', half: 'vår' } },
    },
    forum: { text: 'SaLTo-koordineringsgruppe' },
    draftedBy: ['nsk'],
    input: ['rektor', 'seksjonssjef'],
    continuous: true,
    firstRevision: { schoolYear: '2022-23', text: 'våren 2023' },
    source: 'T1.5; Konseptpapir NSK §2',
  },
  {
    id: 'R5',
    title: 'Revisjon av konseptpapir for BVK',
    subject: { kind: 'structure', structure: 'T1.4' },
    cadence: 'hvert vårsemester',
    forum: { text: 'evalueringsmøtet av samarbeidsavtalen hvert vårsemester' },
    draftedBy: ['bvk'],
    input: ['rektor', 'mottaksleder', 'fagleder-mottaksteam'],
    continuous: true,
    firstRevision: { schoolYear: '2022-23', text: 'våren 2023' },
    source: 'T1.4; Konseptpapir BVK §2',
  },
  {
    id: 'R6',
    title: 'Revisjon av samarbeidsavtalen mellom barneverntjenesten og skolene',
    subject: { kind: 'document', document: 'samarbeidsavtale-bv' },
    cadence: 'hvert vårsemester',
    forum: { text: 'evalueringsmøte av samarbeidsavtalen hvert vår semester' },
    input: ['rektor', 'mottaksleder', 'fagleder-mottaksteam', 'bvk'],
    source: 'Konseptpapir BVK §2',
  },
  {
    id: 'R7',
    title: 'Plan for oppstart av ny rektor',
    subject: { kind: 'structure', structure: 'T2.1' },
    cadence: 'Revideres en gang i året',
    draftedBy: ['nsk'],
    source: 'T2.1',
  },
  {
    id: 'R8',
    title: 'Plan for oppstart av ny NSK/BVK',
    subject: { kind: 'structure', structure: 'T2.2' },
    cadence: 'Revideres en gang i året',
    draftedBy: ['rektor'],
    source: 'T2.2',
  },
  {
    id: 'R9',
    title: 'Beskrivelse av nærmiljøskolekonseptet på hjemmesidene',
    subject: { kind: 'document', document: 'D1' },
    cadence: 'Revideres en gang i året',
    draftedBy: ['rektor', 'nsk'],
    source: 'T2.3',
  },
  {
    id: 'R10',
    title: 'Stillingsbeskrivelse av NSK på hjemmesiden til skolene',
    subject: { kind: 'structure', structure: 'T2.4' },
    cadence: 'En gang i året',
    draftedBy: ['nsk'],
    publishedBy: ['skolene'],
    source: 'T2.4',
  },
  {
    id: 'R11',
    title: 'Stillingsbeskrivelse av BVK på hjemmesiden til skolene',
    subject: { kind: 'structure', structure: 'T2.5' },
    cadence: 'En gang i året',
    draftedBy: ['bvk'],
    publishedBy: ['skolene'],
    source: 'T2.5',
  },
  {
    id: 'R12',
    title: 'Bydelskatalog over tjenester i bydelen',
    subject: { kind: 'document', document: 'D4' },
    cadence: 'Revideres en ganger i året',
    draftedBy: ['nsk'],
    source: 'T2.6; Vedlegg 3, 3a',
    notes: [{ kind: 'note', text: '«en ganger» er en skrivefeil i kilden.', source: '§11.16' }],
  },
  {
    id: 'R13',
    title: 'Nærværsplan',
    subject: { kind: 'structure', structure: 'T5.4' },
    cadence: 'Revideres to ganger i året',
    draftedBy: ['rodtvet', 'nsk'],
    source: 'T5.4',
  },
  {
    id: 'R15',
    title: 'Ferietilbud i bydelskatalogen',
    subject: { kind: 'document', document: 'D4' },
    cadence: 'oppdateres før hver ferie',
    draftedBy: ['aktivitet-og-kultur'],
    source: 'Bydelskatalog',
  },
];

export const GRORUD_RULES: readonly RevisionRule[] = GRORUD_RULE_INPUTS.map((r) =>
  revisionRuleSchema.parse(r),
);

export function grorudRule(id: string): RevisionRule {
  const rule = GRORUD_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no Grorud rule ${id}`);
  return rule;
}
