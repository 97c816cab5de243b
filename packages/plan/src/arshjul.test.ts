import { describe, expect, it } from 'vitest';
import { expandCadence, parseCadence } from '@arshjul/recurrence';
import { addDays } from '@arshjul/school-calendar';
import { grorud, oslo2025, variant } from '../test-fixtures/grorud.js';
import {
  buildAll,
  buildArshjul,
  UnknownAreaError,
  type Arshjul,
  type ArshjulEntry,
} from './index.js';

const year = oslo2025;
const ammerud = buildArshjul(grorud, { area: 'omrade-ammerud', year });
const grorudArea = buildArshjul(grorud, { area: 'omrade-grorud', year });
const romsas = buildArshjul(grorud, { area: 'omrade-romsas', year });
const district = buildArshjul(grorud, { area: 'all', year });

const entries = (w: Arshjul): ArshjulEntry[] => w.rings.flatMap((r) => r.entries);
const ofStructure = (w: Arshjul, id: string) =>
  entries(w).filter((e) => e.structureId === id && e.kind === 'meeting');

describe('buildArshjul for the Ammerud area', () => {
  it('names the area, its schools and the school year', () => {
    expect(ammerud.title).toBe('Årshjul for Ammerud 2025–26');
    expect(ammerud.area).toEqual({ id: 'omrade-ammerud', name: 'Ammerud' });
    expect(ammerud.schools.map((s) => s.id)).toEqual(['ammerud', 'rodtvet', 'apallokka']);
    expect(ammerud.rings.map((r) => r.id)).toEqual([
      'strategisk',
      'organisatorisk',
      'operativt',
      'revisjon',
      'ferier',
    ]);
  });

  it('has T4.1 Nærmiljøteam every four weeks for all three schools, on the dates of the cadence', () => {
    const t41 = ofStructure(ammerud, 'T4.1');
    // Every 28 days from the first school day, Monday 18 August 2025, to the last school day.
    const nominal: string[] = [];
    for (let d = '2025-08-18'; d <= year.lastSchoolDay; d = addDays(d, 28)) nominal.push(d);
    expect(nominal.slice(0, 4)).toEqual(['2025-08-18', '2025-09-15', '2025-10-13', '2025-11-10']);
    // 30 March is in påskeferie and 25 May is 2. pinsedag: moved to the next school day.
    const expected = nominal.map((d) =>
      d === '2026-03-30' ? '2026-04-07' : d === '2026-05-25' ? '2026-05-26' : d,
    );
    expect(t41.map((e) => e.date)).toEqual(expected);
    const parsed = parseCadence('Hver fjerde uke');
    if (!parsed.ok) throw new Error('not parsed');
    expect(t41.map((e) => e.date)).toEqual(
      expandCadence(parsed.cadence, year).occurrences.map((o) => o.date),
    );
    for (const e of t41) {
      expect(e.schools).toEqual(['ammerud', 'rodtvet', 'apallokka']);
      expect(e.placement).toBe('exact');
      expect(e.cadenceText).toBe('Hver fjerde uke');
      expect(e.title).toBe('Nærmiljøteam på hver skole');
    }
    expect(t41.find((e) => e.date === '2026-04-07')?.moved?.from).toBe('2026-03-30');
    expect(
      ammerud.warnings.some(
        (w) => w.code === 'moved' && w.structure === 'T4.1' && w.date === '2026-04-07',
      ),
    ).toBe(true);
  });

  it('leaves out T5.1 (Grorud area only) and the district-level structures', () => {
    expect(ofStructure(ammerud, 'T5.1')).toEqual([]);
    expect(ofStructure(grorudArea, 'T5.1').length).toBeGreaterThan(0);
    for (const id of ['T3.4', 'T4.5', 'T6.7']) expect(ofStructure(ammerud, id)).toEqual([]);
  });

  it('lists Ved behov structures beside the wheel as on-demand', () => {
    const onDemand = ammerud.undated.filter((u) => u.reason === 'on-demand');
    expect(onDemand.map((u) => u.structure.id)).toEqual(
      expect.arrayContaining(['T3.1', 'T3.2', 'T4.2', 'T4.3', 'T6.2']),
    );
    for (const u of onDemand) expect(u.text).toBe('Ved behov');
    expect(onDemand.find((u) => u.structure.id === 'T6.2')?.schools).toEqual([
      'ammerud',
      'rodtvet',
    ]);
    // An undated structure has no dates in the wheel.
    for (const u of ammerud.undated) expect(ofStructure(ammerud, u.structure.id)).toEqual([]);
    const budget = ammerud.undated.find((u) => u.structure.id === 'T1.3');
    expect(budget?.reason).toBe('waiting-for-event');
  });

  it('puts an event on the wheel once the district dates it', () => {
    const dated = buildArshjul(grorud, {
      area: 'omrade-ammerud',
      year,
      events: { 'budsjettlegging i bydelen': ['2025-10-20'] },
    });
    expect(dated.undated.some((u) => u.structure.id === 'T1.3')).toBe(false);
    expect(ofStructure(dated, 'T1.3').map((e) => e.date)).toEqual(['2025-10-20']);
  });

  it('has the two concept papers in the revision ring in the spring', () => {
    const ring = ammerud.rings.find((r) => r.id === 'revisjon')!;
    for (const id of ['revisjon-konseptpapir-nsk', 'revisjon-konseptpapir-bvk']) {
      const due = ring.entries.filter((e) => e.revisionId === id && e.kind === 'revision');
      expect(due.length).toBe(1);
      expect(due[0]!.date >= '2026-01-01' && due[0]!.date <= year.lastSchoolDay).toBe(true);
    }
    // Rødtvet's attendance plan is revised twice, in autumn and spring.
    const naervaer = ring.entries.filter((e) => e.revisionId === 'revisjon-naervaersplan');
    expect(naervaer.map((e) => e.date < '2026-01-01')).toEqual([true, false]);
  });

  it('shades the breaks and lists the holidays', () => {
    const ring = ammerud.rings.find((r) => r.id === 'ferier')!;
    expect(ring.entries.map((e) => e.title)).toEqual(year.breaks.map((b) => b.name));
    const hostferie = ring.entries.find((e) => e.title === 'høstferie')!;
    expect([hostferie.date, hostferie.to]).toEqual(['2025-09-29', '2025-10-03']);
    expect(ammerud.holidays.map((h) => h.date)).toContain('2026-05-17');
  });

  it('keeps each ring in date order', () => {
    for (const ring of ammerud.rings) {
      const dates = ring.entries.map((e) => e.date);
      expect(dates).toEqual([...dates].sort());
    }
  });
});

describe('which schools a structure applies to', () => {
  it('T5.2 Åpent friminutt: Groruddalen in the Grorud area and Tiurleiken in Romsås only', () => {
    expect(ofStructure(ammerud, 'T5.2')).toEqual([]);
    const g = ofStructure(grorudArea, 'T5.2');
    const r = ofStructure(romsas, 'T5.2');
    expect(g.length).toBeGreaterThan(0);
    expect(r.length).toBeGreaterThan(0);
    for (const e of g) expect(e.schools).toEqual(['groruddalen']);
    for (const e of r) expect(e.schools).toEqual(['tiurleiken']);
    expect(
      ofStructure(district, 'T5.2')
        .flatMap((e) => e.schools)
        .sort(),
    ).toEqual([...g, ...r].flatMap((e) => e.schools).sort());
  });

  it('the district-wide wheel has every school and the district-level structures', () => {
    expect(district.area).toBeNull();
    expect(district.title).toBe('Årshjul for Bydel Grorud 2025–26');
    expect(district.schools).toHaveLength(8);
    expect(district.schools.some((s) => s.id === 'bjorasen')).toBe(false);
    const t45 = ofStructure(district, 'T4.5');
    expect(t45.length).toBeGreaterThan(0);
    for (const e of t45) expect(e.schools).toEqual([]);
    expect(district.undated.some((u) => u.structure.id === 'T4.6')).toBe(true);
  });

  it('gives a school with its own rhythm its own entries', () => {
    const model = variant((s) => {
      s.get('T4.1')!.variations = [
        { school: 'rodtvet', cadence: 'Hver andre uke', localName: 'Rødtvet-teamet' },
      ];
    });
    const w = buildArshjul(model, { area: 'omrade-ammerud', year });
    const t41 = ofStructure(w, 'T4.1');
    const shared = t41.filter((e) => !e.id.endsWith('@rodtvet'));
    const own = t41.filter((e) => e.id.endsWith('@rodtvet'));
    for (const e of shared) expect(e.schools).toEqual(['ammerud', 'apallokka']);
    for (const e of own) {
      expect(e.schools).toEqual(['rodtvet']);
      expect(e.title).toBe('Rødtvet-teamet');
      expect(e.cadenceText).toBe('Hver andre uke');
    }
    expect(own.length).toBeGreaterThan(shared.length);
    expect(own[0]!.id).toBe('T4.1@2025-08-18@rodtvet');
  });
});

describe('entry ids', () => {
  it('are unique within a wheel and stable across builds', () => {
    for (const w of [ammerud, grorudArea, romsas, district]) {
      const ids = entries(w).map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const again = buildArshjul(grorud, { area: 'omrade-ammerud', year });
    expect(entries(again).map((e) => e.id)).toEqual(entries(ammerud).map((e) => e.id));
    expect(entries(ammerud).find((e) => e.structureId === 'T4.1')?.id).toBe('T4.1@2025-08-18');
  });
});

describe('warnings', () => {
  it('warns about an exact meeting kept on a holiday', () => {
    const model = variant((s) => {
      s.get('T4.1')!.cadence = '17. mai';
    });
    const w = buildArshjul(model, { area: 'omrade-ammerud', year });
    const t41 = ofStructure(w, 'T4.1');
    expect(t41.map((e) => e.date)).toEqual(['2026-05-17']);
    expect(t41[0]!.nonSchoolDay).toBeTruthy();
    const warning = w.warnings.find((x) => x.code === 'non-school-day' && x.structure === 'T4.1');
    expect(warning?.date).toBe('2026-05-17');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('ikke er en skoledag');
    expect(ammerud.warnings.some((x) => x.code === 'non-school-day')).toBe(false);
  });

  it('notes which option of alternative rhythms is used', () => {
    const alt = ammerud.warnings.find((x) => x.code === 'alternatives' && x.structure === 'T6.4');
    expect(alt?.message).toContain('Hver uke / hver 2. uke');
    expect(alt?.message).toContain('(«Hver uke»)');
  });

  it('warns about a structure meant for the area that applies to none of its schools', () => {
    const model = variant((s) => {
      s.get('T5.1')!.scope = { kind: 'schools', schools: ['bjorasen'] };
    });
    const w = buildArshjul(model, { area: 'omrade-romsas', year });
    expect(w.warnings.filter((x) => x.code === 'no-school').map((x) => x.structure)).toEqual([
      'T5.1',
    ]);
    expect(ofStructure(w, 'T5.1')).toEqual([]);
    expect(romsas.warnings.some((x) => x.code === 'no-school')).toBe(false);
  });

  it('speaks English when asked', () => {
    const w = buildArshjul(grorud, { area: 'omrade-ammerud', year, lang: 'en' });
    expect(w.title).toBe('Annual wheel for Ammerud 2025–26');
    expect(w.rings[0]!.label).toBe('Strategic level');
  });
});

describe('areas', () => {
  it('rejects an unknown area', () => {
    expect(() => buildArshjul(grorud, { area: 'omrade-x', year })).toThrow(UnknownAreaError);
  });

  it('buildAll builds every area and the district', () => {
    const all = buildAll(grorud, { year });
    expect(all.map((b) => b.area)).toEqual([
      'omrade-ammerud',
      'omrade-grorud',
      'omrade-romsas',
      'all',
    ]);
    expect(all[0]!.arshjul).toEqual(ammerud);
    expect(all[3]!.plan.area).toBeNull();
  });
});

describe('series', () => {
  it('groups every dated meeting into exactly one series, with the rule behind its dates', () => {
    const meetings = entries(ammerud).filter((e) => e.kind === 'meeting');
    const bySeries = new Map(ammerud.series.map((s) => [s.id, s]));
    for (const m of meetings) {
      expect(m.series, m.id).toBeDefined();
      expect(bySeries.get(m.series!)!.entries).toContain(m.id);
    }
    expect(ammerud.series.reduce((n, s) => n + s.entries.length, 0)).toBe(meetings.length);
    const t41 = bySeries.get('T4.1')!;
    const parsed = parseCadence('Hver fjerde uke');
    if (!parsed.ok) throw new Error('not parsed');
    const expansion = expandCadence(parsed.cadence, year);
    expect(t41.rrule).toBe(expansion.rrule);
    expect(t41.rrule).toMatch(/FREQ=WEEKLY;INTERVAL=4/);
    expect(t41.dtstart).toBe(expansion.dtstart);
    expect(t41.entries).toEqual(ofStructure(ammerud, 'T4.1').map((e) => e.id));
    expect(t41.skipped.map((k) => k.date)).toEqual(expansion.skipped.map((k) => k.date));
  });
});

describe('suggested dates', () => {
  it('spreads suggested dates that would share a day in a ring over free school weeks in their window', () => {
    for (const w of [ammerud, grorudArea, romsas, district]) {
      for (const ring of w.rings.filter((r) => r.id !== 'ferier')) {
        const suggested = ring.entries.filter(
          (e) => e.placement === 'suggested' && e.window && e.kind !== 'draft-deadline',
        );
        const dates = suggested.map((e) => e.date);
        expect(new Set(dates).size, `${w.title} ${ring.id}`).toBe(dates.length);
        for (const e of suggested) {
          expect(e.date >= e.window!.from && e.date <= e.window!.to).toBe(true);
          expect(year.isSchoolDay(e.date), e.id).toBe(true);
          expect(e.id).toContain(e.date);
        }
      }
    }
  });

  it('leaves the meeting a revision is placed on where it is, and moves the others off its day', () => {
    // Another spring meeting like T1.1, ahead of it in the model: without the forum rule it would
    // keep 7 April and push T1.1 (the SaLTo meeting where the model is adjusted) off its revision.
    const t11 = grorud.structures.find((s) => s.id === 'T1.1')!;
    const model = {
      ...grorud,
      structures: [{ ...t11, id: 'T1.0', name: 'Et annet vårmøte' }, ...grorud.structures],
    };
    const w = buildArshjul(model, { area: 'omrade-ammerud', year });
    const datesOf = (id: string) =>
      entries(w)
        .filter((e) => e.kind === 'meeting' && e.structureId === id)
        .map((e) => e.date);
    const revision = entries(w).find(
      (e) => e.kind === 'revision' && e.revisionId === 'justering-av-samarbeidet',
    )!;
    expect(revision.date).toBe('2026-04-07');
    expect(datesOf('T1.1')).toEqual([revision.date]);
    expect(datesOf('T1.0')).toHaveLength(1);
    expect(datesOf('T1.0')[0]).not.toBe(revision.date);
  });

  it('keeps the middle of the year for the first yearly structure and moves the next by a week', () => {
    const yearly = entries(romsas).filter(
      (e) =>
        e.kind === 'meeting' && e.cadenceText === 'En gang i året' && e.placement === 'suggested',
    );
    expect(yearly.length).toBeGreaterThan(1);
    const middle = expandCadence(
      (() => {
        const p = parseCadence('En gang i året');
        if (!p.ok) throw new Error('not parsed');
        return p.cadence;
      })(),
      year,
    ).occurrences[0]!.date;
    const dates = yearly.map((e) => e.date).sort();
    expect(dates).toContain(middle);
    expect(dates.some((d) => d === addDays(middle, 7) || d === addDays(middle, -7))).toBe(true);
  });
});
