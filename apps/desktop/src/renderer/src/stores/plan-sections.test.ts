import { describe, expect, it } from 'vitest';
import { buildArshjul, buildPlan } from '@arshjul/plan';
import { planOutline, type Outline } from '@arshjul/export/pure';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { loadModelText } from '@arshjul/model';
import { serialize, setCadence, type Json } from './edits.js';
import { TEMPLATE_TEXT } from './template.js';
import { planSections, withArshjulFrom } from './plan-sections.js';

const year = new CalendarRegistry().schoolYear('oslo', '2025-26');
const doc = JSON.parse(TEMPLATE_TEXT) as Json;

function outlineOf(d: Json): Outline {
  const model = loadModelText(serialize(d), { asOf: '2025-09-01' }).model!;
  const options = { area: 'omrade-ammerud', year, lang: 'nb' as const };
  return planOutline(
    { area: options.area, arshjul: buildArshjul(model, options), plan: buildPlan(model, options) },
    { lang: 'nb' },
  );
}

const before = outlineOf(doc);
const after = outlineOf(setCadence('T4.1', 'Hver andre uke')(doc));
const monthRows = (o: Outline | ReturnType<typeof planSections>[number]) =>
  o.blocks.filter((b) => b.kind === 'table')[0];

describe('the plan in sections', () => {
  it('splits Ammerud’s plan at its top headings, every block kept in order', () => {
    const sections = planSections(before);
    expect(sections.flatMap((s) => s.blocks)).toEqual(before.blocks);
    expect(sections.map((s) => s.id)).toEqual(
      expect.arrayContaining(['skoler', 'formelle-strukturer', 'deltakelse', 'merknader']),
    );
    expect(sections.filter((s) => s.arshjul)).toHaveLength(1);
    expect(sections.find((s) => s.arshjul)!.blocks[0]).toMatchObject({
      kind: 'heading',
      text: 'Årshjul for Ammerud 2025–26',
    });
  });

  it('takes the årshjul section from the older outline and the rest from the new one', () => {
    const mixed = withArshjulFrom(after, before);
    const arshjul = mixed.find((s) => s.arshjul)!;
    // T4.1 every other week has more meetings: the month list is still the old one …
    expect(monthRows(arshjul)).toEqual(monthRows(planSections(before).find((s) => s.arshjul)!));
    expect(monthRows(arshjul)).not.toEqual(monthRows(planSections(after).find((s) => s.arshjul)!));
    // … while the level tables already say «Hver andre uke».
    const tables = mixed.find((s) => s.id === 'formelle-strukturer')!;
    expect(JSON.stringify(tables.blocks)).toContain('Hver andre uke');
    expect(withArshjulFrom(after, null)).toEqual(planSections(after));
  });
});
