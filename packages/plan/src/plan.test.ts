import { describe, expect, it } from 'vitest';
import { participationMatrix, revisionsForYear, schoolsInArea, type Level } from '@arshjul/model';
import { grorud, oslo2025 } from '../test-fixtures/grorud.js';
import { buildArshjul, buildPlan, type ImplementationPlan } from './index.js';

const year = oslo2025;
const asOf = year.firstSchoolDay;
const matrix = participationMatrix(grorud, { asOf });
const AREAS = ['omrade-ammerud', 'omrade-grorud', 'omrade-romsas'] as const;
const plans = Object.fromEntries(
  AREAS.map((a) => [a, buildPlan(grorud, { area: a, year })]),
) as Record<(typeof AREAS)[number], ImplementationPlan>;
const district = buildPlan(grorud, { area: 'all', year });

const rowsByLevel = (plan: ImplementationPlan) => {
  const out: Record<Level, number> = { strategisk: 0, organisatorisk: 0, operativt: 0 };
  for (const t of plan.tables) out[t.level] += t.rows.length;
  return out;
};

describe('buildPlan for an area', () => {
  it('has as many rows per level as the area takes part in by the participation matrix', () => {
    for (const area of AREAS) {
      const ids = schoolsInArea(grorud, area, asOf).map((s) => s.id);
      const expected: Record<Level, number> = { strategisk: 0, organisatorisk: 0, operativt: 0 };
      for (const row of matrix.rows) {
        if (ids.some((id) => row.cells[id] !== 'no')) expected[row.structure.level] += 1;
      }
      expect(rowsByLevel(plans[area])).toEqual(expected);
    }
    expect(rowsByLevel(plans['omrade-ammerud']).strategisk).toBe(11);
    expect(rowsByLevel(plans['omrade-ammerud']).organisatorisk).toBe(3); // T3.4 (scope district) is only in the district-wide plan
  });

  it('groups the operative structures by focus with the Vedlegg 3 titles', () => {
    const titles = plans['omrade-ammerud'].tables.map((t) => t.title);
    expect(titles).toEqual([
      'Strategiske strukturer',
      'Organisatoriske strukturer',
      'Operative strukturer rettet mot samhandling',
      'Operative strukturer rettet mot elevene',
      'Operative strukturer rettet mot elever og foresatte',
    ]);
    for (const t of plans['omrade-ammerud'].tables.slice(2)) {
      for (const row of t.rows) {
        expect(grorud.structures.find((s) => s.id === row.id)?.focus).toBe(t.focus);
      }
    }
  });

  it('fills the columns from the structure', () => {
    const rows = plans['omrade-ammerud'].tables.flatMap((t) => t.rows);
    const t41 = rows.find((r) => r.id === 'T4.1')!;
    const source = grorud.structures.find((s) => s.id === 'T4.1')!;
    expect(t41.formellStruktur).toBe(source.name);
    expect(t41.beskrivelse).toBe(source.description);
    expect(t41.oppfolging).toBe('Hver fjerde uke');
    expect(t41.ansvar).toBe(source.responsibleText);
    expect(t41.skoler).toBe('Alle skolene i området');
    expect(rows.find((r) => r.id === 'T6.2')!.skoler).toBe(
      'Ammerud barneskole og Rødtvet barneskole',
    );
  });

  it('shows the Romsås plan without an ungdomsskole since Bjøråsen left', () => {
    const romsas = plans['omrade-romsas'];
    expect(romsas.stageSummary.barneskoler).toBe(2);
    expect(romsas.stageSummary.ungdomsskoler).toBe(0);
    expect(romsas.stageSummary.note).toContain('ingen ungdomsskole');
    expect(romsas.stageSummary.note).toContain('Bjøråsen');
    expect(romsas.stageSummary.note).toContain('mai 2021');
    expect(plans['omrade-ammerud'].stageSummary).toEqual({ barneskoler: 2, ungdomsskoler: 1 });
  });

  it('restricts the participation matrix to the area', () => {
    const p = plans['omrade-grorud'].participation;
    expect(p.schools.map((s) => s.id)).toEqual(['grorud', 'nordtvet', 'groruddalen']);
    for (const row of p.rows)
      expect(Object.keys(row.cells).sort()).toEqual(['grorud', 'groruddalen', 'nordtvet']);
    expect(p.counts).toEqual({
      grorud: matrix.counts['grorud'],
      nordtvet: matrix.counts['nordtvet'],
      groruddalen: matrix.counts['groruddalen'],
    });
    expect(p.rows.find((r) => r.structure.id === 'T5.2')?.cells).toEqual({
      grorud: 'no',
      nordtvet: 'no',
      groruddalen: 'yes',
    });
  });

  it('lists documents with owners and the revision calendar with drafters', () => {
    const plan = plans['omrade-ammerud'];
    const konsept = plan.documents.find((d) => d.id === 'konseptpapirer')!;
    expect(konsept.owner).toContain('NSK');
    // Two konseptpapirer, each revised in the spring: suggested for two different weeks.
    const konseptDue = plan.revisionCalendar
      .filter((r) => r.id.startsWith('revisjon-konseptpapir-'))
      .flatMap((r) => r.dueDates.map((d) => d.date));
    expect(konseptDue).toHaveLength(2);
    expect(konsept.revisionDates).toEqual([...konseptDue].sort());
    expect(konsept.revisionDates[0]! > '2026-01-01').toBe(true);
    expect(plan.documents.find((d) => d.id === 'kontaktliste')?.revisionDates).toEqual([]);
    const nsk = plan.revisionCalendar.find((r) => r.id === 'revisjon-konseptpapir-nsk')!;
    expect(nsk.draftedBy).toContain('NSK');
    // Rødtvet's attendance plan is in Ammerud's calendar, not in Grorud's.
    expect(plan.revisionCalendar.some((r) => r.id === 'revisjon-naervaersplan')).toBe(true);
    expect(
      plans['omrade-grorud'].revisionCalendar.some((r) => r.id === 'revisjon-naervaersplan'),
    ).toBe(false);
    expect(district.revisionCalendar.map((r) => r.id)).toEqual(
      revisionsForYear(grorud, year).map((r) => r.rule.id),
    );
  });

  it('gives each revision the date the årshjul shows, one revision a day', () => {
    for (const area of AREAS) {
      const inPlan = plans[area].revisionCalendar.flatMap((r) =>
        r.dueDates.map((d) => `${r.id} ${d.date}`),
      );
      const ring = buildArshjul(grorud, { area, year }).rings.find((r) => r.id === 'revisjon')!;
      const inWheel = ring.entries
        .filter((e) => e.kind === 'revision')
        .map((e) => `${e.revisionId} ${e.date}`);
      expect(inPlan.sort()).toEqual(inWheel.sort());
      const days = inPlan.map((x) => x.split(' ')[1]);
      expect(new Set(days).size).toBe(days.length);
    }
  });

  it('carries onboarding plans, routines, glossary and the inconsistency notes', () => {
    const plan = plans['omrade-ammerud'];
    expect(plan.onboarding.map((o) => o.id)).toEqual(grorud.onboarding.map((o) => o.id));
    const rektor = plan.onboarding.find((o) => o.id === 'plan-ny-rektor')!;
    expect(rektor.meetings[0]!.participants).toBe('NSK, BVK og rektor');
    expect(rektor.meetings[0]!.agenda[1]!.documents[0]).toContain('Konseptpapir');
    expect(plan.routines.length).toBe(grorud.routines.length);
    expect(plan.glossary.find((g) => g.term === 'NSK')?.expansion).toBe('Nærmiljøskolekoordinator');
    const included = new Set(plan.tables.flatMap((t) => t.rows.map((r) => r.id)));
    expect(plan.notes.length).toBeGreaterThan(0);
    const onStructures = plan.notes.filter((n) => n.kind === 'structure');
    for (const n of onStructures) {
      expect(included.has(n.structure!)).toBe(true);
      expect(n.label).toBe(n.structure);
    }
    expect(plan.notes.some((n) => n.structure === 'T5.1')).toBe(false);
    // Every inconsistency the model notes on the plan's documents, revision rules and onboarding
    // plans is there too, after the structures', named by title.
    const expected = [
      ...grorud.documents
        .filter((d) => plan.documents.some((x) => x.id === d.id))
        .flatMap((d) => d.notes.filter((n) => n.kind === 'inconsistency').map(() => d.title)),
      ...grorud.revisions
        .filter((r) => plan.revisionCalendar.some((x) => x.id === r.id))
        .sort(
          (a, b) =>
            plan.revisionCalendar.findIndex((x) => x.id === a.id) -
            plan.revisionCalendar.findIndex((x) => x.id === b.id),
        )
        .flatMap((r) => r.notes.filter((n) => n.kind === 'inconsistency').map(() => r.title)),
      ...grorud.onboarding.flatMap((o) =>
        o.notes.filter((n) => n.kind === 'inconsistency').map(() => o.title),
      ),
      ...grorud.routines.flatMap((r) =>
        r.notes.filter((n) => n.kind === 'inconsistency').map(() => r.name),
      ),
      // Grorud's organisation notes one (the number of kindergartens), on no unit or school.
      ...grorud.organisation.notes
        .filter((n) => n.kind === 'inconsistency')
        .map(() => grorud.organisation.district.name),
      ...grorud.notes.filter((n) => n.kind === 'inconsistency').map(() => grorud.name),
    ];
    expect(plan.notes.filter((n) => n.kind !== 'structure').map((n) => n.label)).toEqual(expected);
    expect(expected).toContain('Bydelskatalog (digitalt dokument)');
    expect(expected).toContain('Plan for ny rektor');
    // Ungdomskonferansen is in the sources but not a structure of the plan: said on the model.
    expect(
      plan.notes.find((n) => n.kind === 'model' && n.text.startsWith('Ungdomskonferansen')),
    ).toBeDefined();
    expect(plan.notes.findIndex((n) => n.kind !== 'structure')).toBe(onStructures.length);
    const kindergartens = plan.notes.find((n) => n.kind === 'organisation')!;
    expect(kindergartens).toMatchObject({ id: 'bydel-grorud', label: 'Bydel Grorud' });
    expect(kindergartens.text).toContain('18 barnehager');
    expect(kindergartens.alternative).toContain('til sammen 16');
  });

  it('notes the inconsistencies of an area, its schools, roles and glossary in that area only', () => {
    const note = (text: string) => ({ kind: 'inconsistency' as const, text });
    const model = structuredClone(grorud);
    const romsas = model.organisation.areas.find((a) => a.id === 'omrade-romsas')!;
    romsas.notes.push(note('Romsås-området: kildene er uenige om grensen.'));
    const rodtvet = model.organisation.schools.find((s) => s.id === 'rodtvet')!;
    rodtvet.notes.push(note('Rødtvet: kildene er uenige om antall elever.'));
    model.roles[0]!.notes.push(note('Rollen: kildene er uenige om tittelen.'));
    // An institution and a unit organised by Romsås only.
    const barnehage = model.organisation.institutions.find(
      (i) => i.id === 'grorud-apen-barnehage',
    )!;
    barnehage.area = 'omrade-romsas';
    barnehage.notes.push(note('Barnehagen: to adresser i kildene.'));
    const ae = model.organisation.units.find((u) => u.id === 'ae')!;
    ae.areas = ['omrade-romsas'];
    ae.notes.push(note('AE: to navn i kildene.'));
    model.glossary.find((g) => g.term === 'NSK')!.notes.push(note('NSK: to forklaringer.'));
    const texts = (area: string) =>
      buildPlan(model, { area, year }).notes.map((n) => `${n.kind} ${n.label}: ${n.text}`);
    const ammerud = texts('omrade-ammerud');
    const romsasPlan = texts('omrade-romsas');
    expect(romsasPlan).toContain(
      'organisation Romsås: Romsås-området: kildene er uenige om grensen.',
    );
    expect(ammerud.some((t) => t.includes('Romsås-området'))).toBe(false);
    expect(ammerud).toContain(
      'organisation Rødtvet barneskole: Rødtvet: kildene er uenige om antall elever.',
    );
    expect(romsasPlan.some((t) => t.includes('Rødtvet:'))).toBe(false);
    for (const text of ['Barnehagen: to adresser i kildene.', 'AE: to navn i kildene.']) {
      expect(romsasPlan.some((t) => t.startsWith('organisation') && t.endsWith(text))).toBe(true);
      expect(ammerud.some((t) => t.endsWith(text))).toBe(false);
      expect(texts('all').some((t) => t.endsWith(text))).toBe(true);
    }
    // Roles and the glossary are the whole model's: in every plan, before the model's own notes.
    for (const plan of [ammerud, romsasPlan]) {
      expect(plan).toContain(
        `role ${model.roles[0]!.title}: Rollen: kildene er uenige om tittelen.`,
      );
      expect(plan).toContain('glossary NSK: NSK: to forklaringer.');
      const glossary = plan.findIndex((t) => t.startsWith('glossary'));
      expect(glossary).toBeLessThan(plan.findIndex((t) => t.startsWith('model')));
      expect(plan.findIndex((t) => t.startsWith('role'))).toBeLessThan(glossary);
    }
  });
});

describe('buildPlan for the whole district', () => {
  it('has all 37 rows, with the district-level ones', () => {
    const rows = district.tables.flatMap((t) => t.rows);
    expect(rows).toHaveLength(37);
    expect(rows.map((r) => r.id)).toEqual(grorud.structures.map((s) => s.id).sort(byTable));
    expect(rows.find((r) => r.id === 'T3.4')!.skoler).toBe('Bydelsnivå');
    expect(rows.find((r) => r.id === 'T1.1')!.skoler).toBe('Alle skolene');
    expect(district.title).toBe('Implementeringsplan for Bydel Grorud 2025–26');
    expect(district.stageSummary).toEqual({ barneskoler: 6, ungdomsskoler: 2 });
    expect(district.participation.rows).toHaveLength(37);
  });
});

function byTable(a: string, b: string): number {
  const [ta, ra] = a.slice(1).split('.').map(Number) as [number, number];
  const [tb, rb] = b.slice(1).split('.').map(Number) as [number, number];
  return ta - tb || ra - rb;
}
