import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandCadence } from '@arshjul/recurrence';
import type { RevisionRule } from '@arshjul/revision';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { modelSchema, type Model } from './schema.js';
import { revisionsForYear, type ModelRevision } from './model-revisions.js';

const GRORUD_FILE = new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url);
const grorud: Model = modelSchema.parse(JSON.parse(readFileSync(GRORUD_FILE, 'utf8')));
/** The model without records, so that states depend on the dates alone. */
const noRecords: Model = { ...grorud, revisionRecords: [] };
const year = new CalendarRegistry().schoolYear('oslo', '2025-26');
const SPRING = { from: '2026-01-01', to: '2026-06-30' };

/** The rule that revises a structure, directly or through a document that belongs to it. */
function ruleFor(model: Model, structure: string): RevisionRule {
  const rule =
    model.revisions.find(
      (r) => r.subject.kind === 'structure' && r.subject.structure === structure,
    ) ??
    model.revisions.find((r) => {
      if (r.subject.kind !== 'document') return false;
      const id = r.subject.document;
      return model.documents.find((d) => d.id === id)?.structures.includes(structure);
    });
  if (!rule) throw new Error(`no revision rule for ${structure}`);
  return rule;
}

const entry = (list: ModelRevision[], rule: RevisionRule) =>
  list.find((r) => r.rule.id === rule.id)!;

describe('revisionsForYear, Grorud, Oslo 2025-26', () => {
  const list = revisionsForYear(noRecords, year);
  const nskPaper = ruleFor(grorud, 'T1.5');
  const bvkPaper = ruleFor(grorud, 'T1.4');

  it('has one entry per revision rule', () => {
    expect(list).toHaveLength(grorud.revisions.length);
    expect(new Set(list.map((r) => r.rule.id)).size).toBe(grorud.revisions.length);
  });

  it('puts both concept papers in the spring, drafted by NSK and by BVK', () => {
    for (const [rule, drafter] of [
      [nskPaper, 'NSK'],
      [bvkPaper, 'BVK'],
    ] as const) {
      const r = entry(list, rule);
      expect(r.dueDates.length).toBeGreaterThanOrEqual(1);
      const spring = r.dueDates.filter((d) => d.date >= SPRING.from && d.date <= SPRING.to);
      expect(spring.length).toBeGreaterThanOrEqual(1);
      expect(r.draftedBy.map((p) => p.name)).toContain(drafter);
      expect(r.unscheduled).toBeNull();
    }
    expect(entry(list, nskPaper).draftedBy.map((p) => p.id)).toContain('nsk');
    expect(entry(list, bvkPaper).draftedBy.map((p) => p.id)).toContain('bvk');
  });

  it('names the subject of each rule', () => {
    const r = entry(list, nskPaper);
    if (r.subject.kind === 'structure') {
      expect(r.subject).toEqual({
        kind: 'structure',
        id: 'T1.5',
        name: 'T1.5 Konseptpapir for NSK',
      });
    } else {
      expect(r.subject.kind).toBe('document');
      expect(r.subject.name).toBe(grorud.documents.find((d) => d.id === r.subject.id)!.title);
    }
    const model = list.find((x) => x.subject.kind === 'model')!;
    expect(model.subject).toEqual({ kind: 'model', name: grorud.name });
  });

  it('places the revision of the model itself on a spring meeting of its forum T1.1', () => {
    const r = list.find((x) => x.subject.kind === 'model')!;
    expect(r.forum?.structure).toBe('T1.1');
    const t11 = grorud.structures.find((s) => s.id === 'T1.1')!;
    expect(r.forum?.dates).toEqual(expandCadence(t11.cadence, year).occurrences.map((o) => o.date));
    expect(r.forum!.dates.length).toBeGreaterThan(0);
    expect(r.dueDates.length).toBeGreaterThanOrEqual(1);
    const due = r.dueDates[0]!;
    expect(due.date >= SPRING.from && due.date <= SPRING.to).toBe(true);
    expect(due.atForum).toBe(true);
    expect(r.forum!.dates).toContain(due.date);
  });

  it('keeps the revision at T1.1 a suggestion, since the SaLTo meeting date is one too', () => {
    const r = list.find((x) => x.subject.kind === 'model')!;
    // T1.1 «En gang i året» (in the spring) fixes no day: recurrence suggests the first school
    // day of the middle school week of the spring half (5 January – 22 June 2026, without the
    // winter and Easter breaks), the week of Easter Monday 6 April: Tuesday 7 April 2026.
    expect(r.dueDates).toEqual([
      {
        rule: r.rule.id,
        date: '2026-04-07',
        placement: 'suggested',
        window: { from: '2026-01-05', to: '2026-06-22' },
        atForum: true,
      },
    ]);
    // with a status, the due dates in it say the same
    const withStatus = revisionsForYear(noRecords, year, { asOf: '2026-03-01' });
    const status = withStatus.find((x) => x.subject.kind === 'model')!.status!;
    expect(status.map((s) => [s.due.date, s.due.placement, s.due.atForum])).toEqual([
      ['2026-04-07', 'suggested', true],
    ]);
  });

  it('gives an exact date at a forum whose meeting day is fixed', () => {
    // the same day, fixed by the forum's cadence: Tuesday in week 15
    const fixed: Model = {
      ...noRecords,
      structures: noRecords.structures.map((s) =>
        s.id === 'T1.1'
          ? {
              ...s,
              cadence: {
                text: 'Tirsdag i uke 15',
                rule: { kind: 'week', week: 15, weekdays: [2] },
              },
            }
          : s,
      ),
    };
    const r = revisionsForYear(fixed, year).find((x) => x.subject.kind === 'model')!;
    expect(r.dueDates.map((d) => [d.date, d.placement, d.atForum])).toEqual([
      ['2026-04-07', 'exact', true],
    ]);
  });

  it('gives the nærværsplan two due dates, one per half', () => {
    const r = entry(list, ruleFor(grorud, 'T5.4'));
    expect(r.dueDates).toHaveLength(2);
    expect(r.dueDates[0]!.date < '2026-01-01').toBe(true);
    expect(r.dueDates[1]!.date >= '2026-01-01').toBe(true);
  });

  it('spreads the revisions suggested for one day over the nearest free school weeks', () => {
    // Six yearly revisions without a forum («Revideres en gang i året», «En gang i året», …) all
    // land on Monday 26 January 2026; the first in model order keeps it, the others go a week
    // later, a week earlier, two weeks later, … (16 February is in the winter break: the next
    // school day, 23 February).
    const dates = (id: string) => list.find((r) => r.rule.id === id)!.dueDates.map((d) => d.date);
    expect(dates('revisjon-plan-ny-rektor')).toEqual(['2026-01-26']);
    expect(dates('revisjon-plan-ny-nsk-bvk')).toEqual(['2026-02-02']);
    expect(dates('revisjon-nettekst-naermiljoskole')).toEqual(['2026-01-19']);
    expect(dates('revisjon-nettekst-nsk')).toEqual(['2026-02-09']);
    expect(dates('revisjon-nettekst-bvk')).toEqual(['2026-01-12']);
    expect(dates('revisjon-bydelskatalog')).toEqual(['2026-02-23']);
    const dues = list.flatMap((r) => r.dueDates);
    expect(new Set(dues.map((d) => d.date)).size).toBe(dues.length);
    for (const d of dues) {
      expect(year.isSchoolDay(d.date)).toBe(true);
      if (d.window) expect(d.date >= d.window.from && d.date <= d.window.to).toBe(true);
    }
  });

  it('keeps a revision at its forum meeting and moves the others off that day', () => {
    // The konseptpapirer are also suggested for 7 April, the spring SaLTo meeting (T1.1) where
    // the model is adjusted: that revision stays, the konseptpapirer go a week before or after
    // (30 March–6 April is the Easter break, so a week before is Friday 27 March).
    const model = list.find((x) => x.subject.kind === 'model')!;
    expect(model.dueDates.map((d) => [d.date, d.atForum])).toEqual([['2026-04-07', true]]);
    expect(entry(list, bvkPaper).dueDates.map((d) => d.date)).toEqual(['2026-03-27']);
    expect(entry(list, nskPaper).dueDates.map((d) => d.date)).toEqual(['2026-04-14']);
  });

  it('moves a draft deadline with its due date, and the status follows the moved dates', () => {
    const withLead: Model = {
      ...noRecords,
      revisions: noRecords.revisions.map((r) =>
        r.id === 'revisjon-nettekst-nsk' ? { ...r, draftLead: { amount: 2, unit: 'week' } } : r,
      ),
    };
    const moved = revisionsForYear(withLead, year, { asOf: '2026-01-20' }).find(
      (r) => r.rule.id === 'revisjon-nettekst-nsk',
    )!;
    // Suggested for 26 January, drafted by 12 January; moved two weeks on, to 9 February.
    expect(moved.dueDates.map((d) => [d.date, d.draftBy])).toEqual([['2026-02-09', '2026-01-26']]);
    // On 20 January the draft is not yet due (it would be, by the unmoved dates).
    expect(moved.status!.map((s) => [s.state, s.due.date])).toEqual([
      ['not-yet-due', '2026-02-09'],
    ]);
  });

  it('sorts by the first due date, rules without dates last with the reason', () => {
    const firsts = list.filter((r) => r.dueDates.length > 0).map((r) => r.dueDates[0]!.date);
    expect(firsts).toEqual([...firsts].sort());
    const firstUnscheduled = list.findIndex((r) => r.dueDates.length === 0);
    if (firstUnscheduled >= 0) {
      expect(list.slice(firstUnscheduled).every((r) => r.dueDates.length === 0)).toBe(true);
      for (const r of list.slice(firstUnscheduled)) expect(r.unscheduled).toMatch(/\S/);
    }
    expect(list.filter((r) => r.dueDates.length > 0).every((r) => r.unscheduled === null)).toBe(
      true,
    );
  });

  it('gives no status unless asked', () => {
    expect(list.every((r) => r.status === undefined)).toBe(true);
  });

  it('gives the status as of 1 March and 1 July 2026', () => {
    for (const asOf of ['2026-03-01', '2026-07-01']) {
      const withStatus = revisionsForYear(noRecords, year, { asOf });
      for (const r of withStatus) {
        expect(r.status).toHaveLength(r.dueDates.length);
        r.status!.forEach((s, i) => {
          const due = r.dueDates[i]!;
          expect(s.due).toEqual(due);
          const start = due.draftBy ?? due.window?.from ?? due.date;
          const deadline = due.window?.to ?? due.date;
          const expected = asOf < start ? 'not-yet-due' : asOf <= deadline ? 'due' : 'overdue';
          expect(s.state).toBe(expected);
        });
      }
    }
    // Nothing recorded: by 1 July every spring revision of the concept papers is overdue.
    const july = revisionsForYear(noRecords, year, { asOf: '2026-07-01' });
    expect(entry(july, nskPaper).status!.map((s) => s.state)).toContain('overdue');
    expect(entry(july, bvkPaper).status!.map((s) => s.state)).toContain('overdue');
  });

  it('counts a revision record in the window as done', () => {
    const due = entry(list, nskPaper).dueDates.find((d) => d.date >= SPRING.from)!;
    const withRecord: Model = {
      ...noRecords,
      revisionRecords: [{ rule: nskPaper.id, date: due.date, summary: 'Revidert', by: ['nsk'] }],
    };
    const july = revisionsForYear(withRecord, year, { asOf: '2026-07-01' });
    const status = entry(july, nskPaper).status!.find((s) => s.due.date === due.date)!;
    expect(status.state).toBe('done');
    expect(status.record?.date).toBe(due.date);
    // The same record does not count for the BVK paper.
    expect(entry(july, bvkPaper).status!.map((s) => s.state)).not.toContain('done');
  });

  it('says why a rule has no dates, in the language asked for', () => {
    const onDemand = modelSchema.parse({
      ...JSON.parse(readFileSync(GRORUD_FILE, 'utf8')),
      revisionRecords: [],
      revisions: [
        {
          id: 'kontaktliste',
          title: 'Kontaktlisten',
          subject: { kind: 'model' },
          cadence: 'Ved behov',
          draftedBy: ['skolene'],
        },
      ],
    });
    const [nb] = revisionsForYear(onDemand, year);
    const [en] = revisionsForYear(onDemand, year, { lang: 'en' });
    expect(nb!.dueDates).toEqual([]);
    expect(nb!.unscheduled).toMatch(/\S/);
    expect(en!.unscheduled).toMatch(/\S/);
    expect(en!.unscheduled).not.toBe(nb!.unscheduled);
    expect(nb!.draftedBy).toEqual([{ id: 'skolene', name: 'Skolene' }]);
    expect(nb!.continuous).toBe(false);
    expect(nb!.forum).toBeUndefined();
  });
});
