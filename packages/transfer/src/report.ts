/**
 * The adaptation report as text for people: what was adopted, what was changed locally, what
 * was left out and why, and what must still be decided, each section with its count.
 */
import type { Lang } from '@arshjul/school-calendar';
import type { AdaptationReport } from './adapt.js';

const HEADINGS: Record<Lang, [string, string, string, string]> = {
  nb: ['Tatt i bruk', 'Endret lokalt', 'Ikke tatt med', 'Må avgjøres'],
  nn: ['Teke i bruk', 'Endra lokalt', 'Ikkje teke med', 'Må avgjerast'],
  en: ['Adopted', 'Changed locally', 'Not adopted', 'To decide'],
};

const NONE: Record<Lang, string> = { nb: 'Ingen.', nn: 'Ingen.', en: 'None.' };

const KINDS: Record<string, Record<Lang, string>> = {
  structure: { nb: 'struktur', nn: 'struktur', en: 'structure' },
  document: { nb: 'dokument', nn: 'dokument', en: 'document' },
  role: { nb: 'rolle', nn: 'rolle', en: 'role' },
  unit: { nb: 'enhet', nn: 'eining', en: 'unit' },
  institution: { nb: 'institusjon', nn: 'institusjon', en: 'institution' },
  revision: { nb: 'revisjon', nn: 'revisjon', en: 'revision' },
  onboarding: { nb: 'oppstartsplan', nn: 'oppstartsplan', en: 'onboarding plan' },
  routine: { nb: 'rutine', nn: 'rutine', en: 'routine' },
  glossary: { nb: 'ordliste', nn: 'ordliste', en: 'glossary' },
  notes: { nb: 'merknader', nn: 'merknader', en: 'notes' },
  school: { nb: 'skole', nn: 'skule', en: 'school' },
};

const kind = (k: string, lang: Lang): string => KINDS[k]?.[lang] ?? k;

/** The report as plain text (Markdown-like headings and bullet lists). */
export function formatAdaptationReport(report: AdaptationReport, lang: Lang = 'nb'): string {
  const [adopted, changed, dropped, toDecide] = HEADINGS[lang];
  const from = { nb: 'fra', nn: 'frå', en: 'from' }[lang];
  const section = (title: string, lines: string[]): string =>
    [
      `${title} (${lines.length})`,
      ...(lines.length ? lines.map((l) => `- ${l}`) : [NONE[lang]]),
    ].join('\n');
  return (
    [
      section(
        adopted,
        report.adopted.map(
          (a) =>
            `${kind(a.kind, lang)} ${a.id} «${a.name}»${a.sourceId !== a.id ? ` (${from} ${a.sourceId})` : ''}`,
        ),
      ),
      section(
        changed,
        report.changed.map((c) => `${kind(c.kind, lang)} ${c.id}: ${c.what}`),
      ),
      section(
        dropped,
        report.dropped.map((d) => `${kind(d.kind, lang)} ${d.sourceId} «${d.name}»: ${d.why}`),
      ),
      section(
        toDecide,
        report.toDecide.map((d) => `${kind(d.kind, lang)} ${d.id}: ${d.what}`),
      ),
    ].join('\n\n') + '\n'
  );
}
