/**
 * «Ny rektor på Rødtvet fra 5. januar»: the newcomer's onboarding meetings in Ammerud's årshjul
 * (Rødtvet is in Ammerud), with the plan's titles, durations, participants and agenda, and in the
 * implementation plan's list of newcomers.
 */
import { describe, expect, it } from 'vitest';
import { loadModelText, type Model, type ModelInput } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { readFileSync } from 'node:fs';
import { grorud, oslo2025 } from '../test-fixtures/grorud.js';
import { buildArshjul, buildPlan, type Arshjul, type ArshjulEntry } from './index.js';

const TEXT = readFileSync(
  new URL('../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const rektorPlan = grorud.onboarding.find((p) => p.trigger.roles.includes('rektor'))!;
const rodtvet = grorud.organisation.schools.find((s) => s.id === 'rodtvet')!;
const rodtvetArea = rodtvet.memberships[0]!.area!;

function withNewcomers(
  newcomers: ModelInput['newcomers'],
  change?: (m: ModelInput) => void,
): Model {
  const json = JSON.parse(TEXT) as ModelInput;
  json.newcomers = newcomers;
  change?.(json);
  const r = loadModelText(JSON.stringify(json), { asOf: '2025-08-01' });
  if (!r.model) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.model;
}

const NEW_REKTOR = {
  id: 'ny-rektor-rodtvet',
  plan: rektorPlan.id,
  role: 'rektor',
  school: 'rodtvet',
  startsOn: '2026-01-05',
};
const model = withNewcomers([NEW_REKTOR]);
const onboardingEntries = (w: Arshjul): (ArshjulEntry & { ring: string })[] =>
  w.rings.flatMap((r) => r.entries.map((e) => ({ ...e, ring: r.id }))).filter((e) => e.newcomer);

describe('a new rektor at Rødtvet from 5 January 2026', () => {
  const wheel = buildArshjul(model, { area: rodtvetArea, year: oslo2025 });
  const found = onboardingEntries(wheel);

  it("puts both of the plan's meetings in the area's årshjul, on the ring of the plan's structure", () => {
    expect(found).toHaveLength(rektorPlan.meetings.length);
    const level = grorud.structures.find((s) => s.id === rektorPlan.structure)!.level;
    expect(found.map((e) => e.ring)).toEqual(found.map(() => level));
    for (const [i, e] of found.entries()) {
      const meeting = rektorPlan.meetings[i]!;
      expect(e.newcomer).toEqual({ id: NEW_REKTOR.id, plan: rektorPlan.id, meeting: i });
      expect(e.kind).toBe('meeting');
      expect(e.structureId).toBe(rektorPlan.structure);
      expect(e.schools).toEqual(['rodtvet']);
      expect(e.participants).toEqual(meeting.participants);
      // «Oppstart ny rektor, Rødtvet barneskole: Møte 1 (15–30 min)»
      const short = meeting.title.split(/\s+[–-]\s+/)[0]!;
      const d = meeting.duration!;
      const duration = d.min === d.max ? `${d.min} min` : `${d.min}–${d.max} min`;
      expect(e.title).toBe(`Oppstart ny rektor, ${rodtvet.name}: ${short} (${duration})`);
    }
    expect(found[0]!.title).toMatch(
      /^Oppstart ny rektor, Rødtvet barneskole: Møte 1 \(15–30 min\)$/,
    );
  });

  it('suggests the dates: the first school day from the start, then two weeks later', () => {
    const [one, two] = found;
    expect(one!.placement).toBe('suggested');
    expect(two!.placement).toBe('suggested');
    expect(oslo2025.isSchoolDay(one!.date)).toBe(true);
    expect(one!.date >= NEW_REKTOR.startsOn).toBe(true);
    expect(oslo2025.schoolDays().filter((d) => d >= NEW_REKTOR.startsOn && d < one!.date)).toEqual(
      [],
    );
    const twoWeeks = new Date(`${one!.date}T00:00:00Z`);
    twoWeeks.setUTCDate(twoWeeks.getUTCDate() + 14);
    const after = twoWeeks.toISOString().slice(0, 10);
    expect(two!.date).toBe(oslo2025.schoolDays().find((d) => d >= after));
  });

  it('carries who convenes, the participants and every agenda row in the details', () => {
    for (const [i, e] of found.entries()) {
      const meeting = rektorPlan.meetings[i]!;
      const details = e.details!.join('\n');
      expect(e.responsible).toBe('NSK'); // plan.convenedBy: the NSK calls the new rektor in
      expect(details).toContain(`Kaller inn: NSK`);
      expect(details).toContain(`Deltakere: ${meeting.participantsText ?? ''}`.trim());
      expect(details).toContain('Datoen er et forslag');
      for (const row of meeting.agenda) {
        expect(details).toContain(row.content);
        if (row.purpose) expect(details).toContain(`Hensikt: ${row.purpose}`);
        if (row.responsibleText) expect(details).toContain(`Ansvar: ${row.responsibleText}`);
        for (const doc of row.documents) {
          const title = grorud.documents.find((d) => d.id === doc)?.title ?? doc;
          expect(details).toContain(title);
        }
      }
    }
  });

  it('leaves the other areas alone, and is in the district', () => {
    for (const area of grorud.organisation.areas.filter((a) => a.id !== rodtvetArea)) {
      expect(onboardingEntries(buildArshjul(model, { area: area.id, year: oslo2025 }))).toEqual([]);
    }
    expect(onboardingEntries(buildArshjul(model, { area: 'all', year: oslo2025 }))).toHaveLength(2);
  });

  it('uses chosen dates as they are, in the language asked for', () => {
    const chosen = withNewcomers([{ ...NEW_REKTOR, meetingDates: ['2026-01-07', '2026-01-28'] }]);
    const w = buildArshjul(chosen, { area: rodtvetArea, year: oslo2025, lang: 'en' });
    const es = onboardingEntries(w);
    expect(es.map((e) => [e.date, e.placement])).toEqual([
      ['2026-01-07', 'exact'],
      ['2026-01-28', 'exact'],
    ]);
    expect(es[0]!.title).toMatch(/^Onboarding new rektor, Rødtvet barneskole: Møte 1/);
    expect(es[0]!.details!.join('\n')).not.toContain('suggestion');
  });

  it('is in the next year only with the meetings that fall in it', () => {
    const june = withNewcomers([{ ...NEW_REKTOR, startsOn: '2026-06-15' }]);
    const next = new CalendarRegistry().schoolYear('oslo', '2026-27');
    const thisYear = onboardingEntries(buildArshjul(june, { area: rodtvetArea, year: oslo2025 }));
    const nextYear = onboardingEntries(buildArshjul(june, { area: rodtvetArea, year: next }));
    expect(thisYear.length + nextYear.length).toBe(2);
    expect(thisYear.map((e) => e.newcomer!.meeting)).toEqual([0]);
    // Meeting 2 falls in the summer break and moves to the first school day of 2026-27.
    expect(nextYear.map((e) => [e.newcomer!.meeting, e.date])).toEqual([[1, next.firstSchoolDay]]);
  });
});

describe('the implementation plan', () => {
  it("lists the year's newcomers and their meeting dates", () => {
    const plan = buildPlan(model, { area: rodtvetArea, year: oslo2025 });
    const wheel = buildArshjul(model, { area: rodtvetArea, year: oslo2025 });
    expect(plan.newcomers).toEqual([
      {
        id: NEW_REKTOR.id,
        plan: rektorPlan.title,
        role: 'rektor',
        where: rodtvet.name,
        startsOn: NEW_REKTOR.startsOn,
        meetings: onboardingEntries(wheel).map((e) => ({
          title: e.title,
          date: e.date,
          suggested: true,
        })),
      },
    ]);
    expect(buildPlan(grorud, { area: rodtvetArea, year: oslo2025 }).newcomers).toEqual([]);
  });
});
