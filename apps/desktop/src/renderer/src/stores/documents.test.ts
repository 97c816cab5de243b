import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, revisionsForYear, type Model } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { serialize, type Json } from './edits.js';
import {
  addDocument,
  addRevisionRule,
  cadencePhrase,
  choiceLabel,
  documentsOfStructure,
  dueView,
  nextDueOfRules,
  idBase,
  modelAndStructureRules,
  partyChoices,
  recordsOfRule,
  rulesOfDocument,
  setCadencePhrase,
  structureChoices,
  structuresOfDocument,
} from './documents.js';

const TEXT = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const DOC = JSON.parse(TEXT) as Json;
const load = (doc: Json) => loadModelText(serialize(doc), { asOf: '2025-09-01', lang: 'nb' });
const MODEL = load(DOC).model as Model;
const YEAR = new CalendarRegistry().schoolYear('oslo', '2025-26');

describe('the revision cycles of the Grorud documents', () => {
  it('finds a document’s rules through the structures it belongs to', () => {
    const index = MODEL.documents.findIndex((d) => d.id === 'oppstartsplaner');
    const rules = rulesOfDocument(DOC, 'oppstartsplaner', structuresOfDocument(DOC, index));
    expect(rules.map((r) => [r.id, r.via])).toEqual([
      ['revisjon-plan-ny-rektor', 'T2.1'],
      ['revisjon-plan-ny-nsk-bvk', 'T2.2'],
    ]);
    expect(documentsOfStructure(DOC, 'T2.6')).toEqual(['bydelskatalog']);
  });

  it('leaves the contact list without a cycle and lists the model and structure rules', () => {
    expect(rulesOfDocument(DOC, 'kontaktliste', [])).toEqual([]);
    const other = modelAndStructureRules(DOC);
    expect(other).toHaveLength(10);
    expect(other[0]).toMatchObject({ id: 'justering-av-samarbeidet', subject: { kind: 'model' } });
    expect(other.find((r) => r.id === 'revisjon-naervaersplan')?.subject).toEqual({
      kind: 'structure',
      id: 'T5.4',
    });
  });

  it('adds a document and a yearly rule about it, and the model stays valid', () => {
    const { edit, id } = addDocument(DOC, 'Årsplan for foreldrecafé');
    expect(id).toBe('årsplan-for-foreldrecafe');
    const withDoc = edit(DOC);
    const rule = addRevisionRule(
      withDoc,
      { kind: 'document', document: id },
      'Revisjon av årsplanen',
    );
    expect(rule.id).toBe('revisjon-årsplan-for-foreldrecafe');
    const next = rule.edit(withDoc);
    const result = load(next);
    expect(result.errors).toEqual([]);
    const due = revisionsForYear(result.model!, YEAR).find((r) => r.rule.id === rule.id)!;
    // «Revideres en gang i året» suggests Monday 26 January 2026, like six other revisions of the
    // model: spread over the school weeks, the seventh goes three weeks before, to 5 January.
    expect(due.dueDates.map((d) => d.date)).toEqual(['2026-01-05']);
    expect(rulesOfDocument(next, id, []).map((r) => r.id)).toEqual([rule.id]);
    // A second document with the same title gets its own id.
    expect(addDocument(next, 'Årsplan for foreldrecafé').id).toBe('årsplan-for-foreldrecafe-2');
  });

  it('makes ids from titles: accents dropped but not æ, ø, å; long titles cut at a word', () => {
    expect(idBase('Kafé på Rødtvet og Ålesund')).toBe('Kafe på Rødtvet og Ålesund');
    const long = idBase('Beskrivelse av nærmiljøkonseptet på hjemmesidene til skole og bydel');
    expect(long).toBe('Beskrivelse av nærmiljøkonseptet på');
    expect(long.length).toBeLessThanOrEqual(40);
  });

  it('sets a rule’s rhythm phrase, dropping the old rule but keeping the action', () => {
    const path = ['revisions', 0, 'cadence'];
    expect(cadencePhrase((DOC as { revisions: Json[] }).revisions[0]!)).toBe('');
    const next = setCadencePhrase(path, 'hver høst')(DOC);
    const cadence = (next as { revisions: { cadence: Json }[] }).revisions[0]!.cadence;
    expect(cadence).toEqual({ text: 'hver høst', action: 'adjustment' });
    const model = load(next).model!;
    const rule = revisionsForYear(model, YEAR).find(
      (r) => r.rule.id === 'justering-av-samarbeidet',
    )!;
    expect(rule.rule.cadence.text).toBe('hver høst');
    // A phrase written as a plain string stays a string; the original is untouched.
    const plain = setCadencePhrase(['revisions', 3, 'cadence'], 'Revideres to ganger i året')(DOC);
    expect((plain as { revisions: { cadence: Json }[] }).revisions[3]!.cadence).toBe(
      'Revideres to ganger i året',
    );
    expect(cadencePhrase((DOC as { revisions: { cadence: Json }[] }).revisions[3]!.cadence)).toBe(
      'Revideres en gang i året',
    );
  });

  it('writes a phrase that is not understood, so validation says why at the field', () => {
    const next = setCadencePhrase(['revisions', 3, 'cadence'], 'Hver blåe uke')(DOC);
    const result = load(next);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => e.path.startsWith('revisions[3].cadence'))).toBe(true);
  });

  it('shows the due dates of a year, the next one from a day', () => {
    const byId = new Map(revisionsForYear(MODEL, YEAR).map((r) => [r.rule.id, r]));
    const twice = dueView(byId.get('revisjon-naervaersplan'), '2025-12-01')!;
    expect(twice.dates.map((d) => [d.date, d.past])).toEqual([
      ['2025-11-03', true],
      ['2026-04-20', false],
    ]);
    expect(twice.next).toBe('2026-04-20');
    expect(dueView(byId.get('revisjon-naervaersplan'), '2026-11-22')!.next).toBeNull();
    const atForum = dueView(byId.get('justering-av-samarbeidet'), '2025-08-01')!;
    expect(atForum.dates[0]).toMatchObject({ date: '2026-04-07', atForum: true });
    expect(dueView(undefined, '2025-08-01')).toBeNull();
  });

  it('gives a document’s next revision dates in date order, then why some rules have none', () => {
    const byId = new Map(revisionsForYear(MODEL, YEAR).map((r) => [r.rule.id, r]));
    // The konseptpapirer: NSK's rule first in the file, BVK's revised a fortnight earlier.
    const papers = ['revisjon-konseptpapir-nsk', 'revisjon-konseptpapir-bvk'];
    const dates = papers.map((id) => byId.get(id)!.dueDates[0]!.date);
    expect(dates[0]! > dates[1]!).toBe(true);
    expect(nextDueOfRules(byId, papers, '2025-09-01')).toEqual({
      dates: [dates[1], dates[0]],
      reasons: [],
    });
    // Past the spring: each rule's first date in the year.
    expect(nextDueOfRules(byId, papers, '2026-07-01').dates).toEqual([dates[1], dates[0]]);
    const onDemand = revisionsForYear(
      load({
        ...(DOC as object),
        revisions: [
          { id: 'ved-behov', title: 'Ved behov', subject: { kind: 'model' }, cadence: 'Ved behov' },
        ],
      } as Json).model!,
      YEAR,
    );
    const reason = onDemand[0]!.unscheduled!;
    expect(reason).toMatch(/\S/);
    expect(
      nextDueOfRules(
        new Map([['ved-behov', onDemand[0]!]]),
        ['ved-behov', 'ved-behov'],
        '2025-09-01',
      ),
    ).toEqual({ dates: [], reasons: [reason] });
  });

  it('gives party and structure choices in the model’s words', () => {
    const parties = partyChoices(MODEL, (k) => k);
    expect(choiceLabel(parties, 'nsk')).toBe('NSK – Nærmiljøskolekoordinator');
    expect(choiceLabel(parties, 'rektor')).toBe('Rektor');
    expect(choiceLabel(parties, 'ukjent')).toBe('ukjent');
    expect(parties.find((p) => p.value === 'rodtvet')?.group).toBe('school');
    expect(partyChoices(MODEL, (k) => k, ['role']).every((p) => p.group === 'role')).toBe(true);
    const structures = structureChoices(MODEL);
    expect(structures).toHaveLength(MODEL.structures.length);
    expect(choiceLabel(structures, 'T4.1')).toBe('T4.1 Nærmiljøteam på hver skole');
    expect(structures.every((s) => s.label.length <= 70)).toBe(true);
  });

  it('lists a rule’s done revisions oldest first', () => {
    expect(recordsOfRule(MODEL, 'revisjon-plan-ny-rektor')).toEqual([]);
    const withRecords = {
      ...(DOC as object),
      revisionRecords: [
        { rule: 'revisjon-plan-ny-rektor', date: '2025-03-10', summary: 'Andre runde' },
        { rule: 'revisjon-plan-ny-rektor', date: '2024-03-11', summary: 'Første runde' },
        { rule: 'revisjon-bydelskatalog', date: '2024-05-01', summary: 'Katalogen' },
      ],
    } as Json;
    const model = load(withRecords).model!;
    expect(recordsOfRule(model, 'revisjon-plan-ny-rektor').map((r) => r.summary)).toEqual([
      'Første runde',
      'Andre runde',
    ]);
  });
});

describe('the words of the editors', () => {
  it('name every document kind, glossary kind and party kind in nb, nn and en', async () => {
    const { DOCUMENT_KINDS, GLOSSARY_KINDS } = await import('@arshjul/model');
    const { WORDS: DOCS } = await import('../i18n/words/documents.js');
    const { WORDS: GLOSSARY } = await import('../i18n/words/glossary.js');
    const { WORDS: ONBOARDING } = await import('../i18n/words/onboarding.js');
    const keys = [
      ...DOCUMENT_KINDS.map((k) => [DOCS, `doc.kind.${k}`] as const),
      ...GLOSSARY_KINDS.map((k) => [GLOSSARY, `gloss.kind.${k}`] as const),
      ...['school', 'area', 'district'].map((k) => [ONBOARDING, `onb.at.${k}`] as const),
      ...[...new Set(partyChoices(MODEL, (k) => k).map((c) => c.group!))].map(
        (k) => [DOCS, `doc.pk.${k}`] as const,
      ),
    ];
    const missing = keys.filter(([words, key]) => !(key in words)).map(([, key]) => key);
    expect(missing).toEqual([]);
    expect(DOCS['doc.kind.concept-paper'].nb).toBe('Konseptpapir');
  });
});
