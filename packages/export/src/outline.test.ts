import { describe, expect, it } from 'vitest';
import { buildOf } from '../test-fixtures/grorud.js';
import { monthRows, planOutline, type Block } from './outline.js';

const tables = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const headings = (blocks: Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');

describe('planOutline', () => {
  const ammerud = buildOf('omrade-ammerud');
  const outline = planOutline(ammerud, { madeOn: '2026-03-01' });

  it('titles the plan and lists area, schools, year, school calendar and the day it was made', () => {
    expect(outline.title).toBe('Implementeringsplan for Ammerud 2025–26');
    expect(Object.fromEntries(outline.meta.map((m) => [m.label, m.value]))).toEqual({
      Område: 'Ammerud',
      Skoler: ammerud.plan.schools.map((s) => s.name).join(', '),
      Skoleår: '2025–26',
      Skolerute: 'Oslo',
      Laget: 'søndag 1. mars 2026 fra samarbeidsmodellen',
    });
  });

  it('has every Vedlegg 3 table of the plan with the five columns and the same rows', () => {
    for (const t of ammerud.plan.tables) {
      const block = tables(outline.blocks).find((b) => b.caption === t.title);
      expect(block, t.title).toBeDefined();
      expect(block!.columns.map((c) => c.header)).toEqual([
        'Formell struktur',
        'Beskrivelse',
        'Oppfølging',
        'Ansvar for oppfølging',
        'Skoler',
      ]);
      expect(block!.rows.map((r) => r[0])).toEqual(t.rows.map((r) => r.formellStruktur));
    }
  });

  it('has the sections in reading order, headings unique and never skipping a level', () => {
    const hs = headings(outline.blocks);
    expect(hs.map((h) => h.text).filter((_, i) => hs[i]!.level === 2)).toEqual([
      'Skoler',
      'Årshjul for Ammerud 2025–26',
      'Formelle strukturer',
      'Deltakelse',
      'Dokumenter og avtaler',
      'Revisjonskalender',
      'Introduksjonsplaner',
      'Rutiner',
      'Ordliste',
      'Merknader',
    ]);
    expect(new Set(hs.map((h) => h.id)).size).toBe(hs.length);
    let previous = 1;
    for (const h of hs) {
      expect(h.level).toBeLessThanOrEqual(previous + 1);
      previous = h.level;
    }
  });

  it('puts the wheel in with a text alternative that counts its rings and items', () => {
    const wheel = outline.blocks.find((b) => b.kind === 'wheel');
    const count = ammerud.arshjul.rings.reduce((n, r) => n + r.entries.length, 0);
    expect(wheel).toMatchObject({ kind: 'wheel' });
    expect((wheel as { alt: string }).alt).toContain(`5 ringer`);
    expect((wheel as { alt: string }).alt).toContain(`${count} hendelser`);
  });

  it('has a participation column per school of the area', () => {
    const t = tables(outline.blocks).find((b) => b.caption === 'Deltakelse')!;
    expect(t.columns.map((c) => c.header).slice(1, 4)).toEqual(
      ammerud.plan.participation.schools.map((s) => s.name),
    );
    expect(t.rows.length).toBe(ammerud.plan.participation.rows.length);
    for (const row of t.rows)
      for (const cell of row.slice(1)) expect(['Ja', 'Egen', '–']).toContain(cell);
  });

  it('says in the Romsås plan that Romsås has no ungdomsskole since Bjøråsen left', () => {
    const romsas = planOutline(buildOf('omrade-romsas'));
    const texts = romsas.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toContain(
      'Romsås har ingen ungdomsskole med i samarbeidet etter at Bjøråsen ungdomskole gikk ut i mai 2021.',
    );
  });

  it('speaks nynorsk and English when asked', () => {
    const nn = planOutline(ammerud, { lang: 'nn' });
    const en = planOutline(ammerud, { lang: 'en' });
    expect(headings(nn.blocks).map((h) => h.text)).toContain('Deltaking');
    expect(headings(en.blocks).map((h) => h.text)).toContain('Participation');
  });
});

describe('monthRows', () => {
  const { arshjul } = buildOf('omrade-ammerud');
  const rows = monthRows(arshjul, 'nb');

  it('lists every dated entry once, weekly series as one row per month, in date order', () => {
    const weekly = new Set(arshjul.series.filter((s) => s.entries.length > 15).map((s) => s.id));
    expect(weekly.size).toBeGreaterThan(0);
    const entries = arshjul.rings.flatMap((r) => r.entries);
    const single = entries.filter((e) => e.series === undefined || !weekly.has(e.series));
    const monthsOfWeekly = new Set(
      entries
        .filter((e) => e.series !== undefined && weekly.has(e.series))
        .map((e) => `${e.series}|${e.date.slice(0, 7)}`),
    );
    expect(rows.length).toBe(single.length + monthsOfWeekly.size);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
  });

  it('writes a weekly series in a month as its days', () => {
    const t33 = rows.filter((r) => r.what.startsWith('T3.3 ') && r.month === '2025-09');
    expect(t33).toHaveLength(1);
    const days = arshjul.rings
      .flatMap((r) => r.entries)
      .filter((e) => e.structureId === 'T3.3' && e.date.startsWith('2025-09'))
      .map((e) => `${Number(e.date.slice(8))}.`);
    expect(t33[0]!.when).toBe(`${days.join(', ')} sep.`);
  });

  it('marks suggested dates and dates moved off a day without school', () => {
    const entries = arshjul.rings.flatMap((r) => r.entries);
    expect(entries.some((e) => e.moved)).toBe(true);
    expect(rows.some((r) => r.note.includes('flyttet fra'))).toBe(true);
    expect(rows.some((r) => r.note.startsWith('foreslått dato'))).toBe(
      entries.some((e) => e.placement === 'suggested'),
    );
  });
});
