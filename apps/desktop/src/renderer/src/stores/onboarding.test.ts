import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { getAt, insertAt, serialize, type Json } from './edits.js';
import {
  addMeeting,
  addPlan,
  agendaPath,
  agendaRowCount,
  documentChoices,
  durationText,
  moveStep,
  newAgendaRow,
} from './onboarding.js';

const TEXT = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const DOC = JSON.parse(TEXT) as Json;
const load = (doc: Json) => loadModelText(serialize(doc), { asOf: '2025-09-01', lang: 'nb' });
const MODEL = load(DOC).model as Model;

const contents = (doc: Json, plan: number, meeting: number): string[] =>
  (getAt(doc, agendaPath(plan, meeting)) as { content: string }[]).map((r) => r.content);

describe('the Grorud onboarding plans', () => {
  it('has two plans with 15 agenda rows, durations in words', () => {
    expect(MODEL.onboarding.map((p) => p.title)).toEqual([
      'Plan for ny rektor',
      'Plan for ny NSK og BVK',
    ]);
    expect(agendaRowCount(MODEL)).toBe(15);
    const [m1, m2] = MODEL.onboarding[0]!.meetings;
    expect(durationText(m1!.duration)).toBe('15–30 min');
    expect(durationText(m2!.duration)).toBe('60 min');
    expect(durationText(undefined)).toBe('');
  });

  it('adds a row to Møte 1 of «Plan for ny rektor» and moves it up', () => {
    const added = insertAt(agendaPath(0, 0), newAgendaRow('Omvisning på skolen'))(DOC);
    expect(load(added).errors).toEqual([]);
    expect(contents(added, 0, 0)).toHaveLength(4);
    const up = moveStep(agendaPath(0, 0), 4, 3, -1)!(added);
    expect(contents(up, 0, 0).slice(2)).toEqual([
      'Omvisning på skolen',
      'Avtale neste møte mellom NSK, BVK og rektor med dato og tidspunkt',
    ]);
    // No step beyond the ends.
    expect(moveStep(agendaPath(0, 0), 4, 0, -1)).toBeNull();
    expect(moveStep(agendaPath(0, 0), 4, 3, 1)).toBeNull();
  });

  it('adds a meeting and a plan that are valid from the start', () => {
    const withMeeting = addMeeting(0, 'Møte 3', 'Nytt punkt')(DOC);
    const plan = addPlan(withMeeting, {
      title: 'Plan for ny FAU-leder',
      role: 'fau',
      meetingTitle: 'Møte 1',
      rowContent: 'Nytt punkt',
    });
    expect(plan.id).toBe('plan-for-ny-fau-leder');
    const next = plan.edit(withMeeting);
    const result = load(next);
    expect(result.errors).toEqual([]);
    expect(result.model!.onboarding[0]!.meetings.map((m) => m.title)).toEqual([
      'Møte 1 – varighet 15-30 min',
      'Møte 2 - varighet 60 min',
      'Møte 3',
    ]);
    expect(result.model!.onboarding[2]).toMatchObject({
      id: 'plan-for-ny-fau-leder',
      trigger: { roles: ['fau'], at: 'school' },
    });
    const again = {
      title: 'Plan for ny FAU-leder',
      role: 'fau',
      meetingTitle: 'M',
      rowContent: 'P',
    };
    expect(addPlan(next, again).id).toBe('plan-for-ny-fau-leder-2');
  });

  it('offers the model’s documents for an agenda row', () => {
    const choices = documentChoices(MODEL);
    expect(choices.map((c) => c.value)).toEqual([
      'hjemmesidetekster',
      'konseptpapirer',
      'oppstartsplaner',
      'bydelskatalog',
      'kontaktliste',
    ]);
    expect(choices.find((c) => c.value === 'bydelskatalog')?.label).toBe(
      'Bydelskatalog (digitalt dokument)',
    );
    expect(choices.every((c) => c.label.length <= 70)).toBe(true);
  });
});
