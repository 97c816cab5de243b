import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { getAt, insertAt, serialize, type Json } from './edits.js';
import {
  addNewcomer,
  newcomerPlans,
  newcomerRows,
  placeChoices,
  setMeetingDate,
  suggestFrom,
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

describe('newcomers («Ny i rollen»)', () => {
  const RODTVET = {
    plan: 'plan-ny-rektor',
    role: 'rektor',
    place: 'rodtvet',
    startsOn: '2026-01-05',
  };

  it('offers the plans with their trigger roles and where they apply', () => {
    const plans = newcomerPlans(MODEL);
    expect(plans.map((p) => [p.id, p.at, p.roles.map((r) => r.value)])).toEqual(
      MODEL.onboarding.map((p) => [p.id, p.trigger.at, p.trigger.roles]),
    );
    expect(plans[1]!.roles.map((r) => r.label)).toEqual(['NSK', 'BVK']);
    const schools = placeChoices(MODEL, 'school');
    expect(schools.find((c) => c.value === 'rodtvet')?.label).toBe('Rødtvet barneskole');
    expect(placeChoices(MODEL, 'district')).toEqual([]);
  });

  it('adds «Ny rektor på Rødtvet fra 2026-01-05» without a name, valid in the model', () => {
    const result = addNewcomer(MODEL, DOC, { ...RODTVET, startsOn: '5.1.2026' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe('rektor-rodtvet-2026-01-05');
    const next = result.edit(DOC);
    expect(getAt(next, ['newcomers'])).toEqual([
      {
        id: result.id,
        plan: 'plan-ny-rektor',
        role: 'rektor',
        school: 'rodtvet',
        startsOn: '2026-01-05',
      },
    ]);
    const loaded = load(next);
    expect(loaded.errors).toEqual([]);
    const [row] = newcomerRows(loaded.model!);
    expect(row).toMatchObject({
      planTitle: 'Plan for ny rektor',
      roleName: 'Rektor',
      placeName: 'Rødtvet barneskole',
      startsOn: '2026-01-05',
    });
    expect(row!.meetings.map((m) => m.title)).toEqual(
      MODEL.onboarding[0]!.meetings.map((m) => m.title),
    );
    expect(row!.meetings.every((m) => !m.chosen && m.date === undefined)).toBe(true);
    // With the calendar: suggested school days, the first on or after the start, in order.
    const [dated] = newcomerRows(loaded.model!, suggestFrom(new CalendarRegistry()));
    const dates = dated!.meetings.map((m) => m.date!);
    expect(dates).toHaveLength(2);
    expect(dates[0]! >= '2026-01-05').toBe(true);
    expect(dates[0]! < dates[1]!).toBe(true);
    expect(dated!.meetings.every((m) => !m.chosen)).toBe(true);
    // The same person again is refused.
    const again = addNewcomer(loaded.model!, next, RODTVET);
    expect(!again.ok && again.problems).toEqual([
      { field: 'startsOn', key: 'onb.nc.err.duplicate' },
    ]);
  });

  it('says what is wrong per field', () => {
    const bad = addNewcomer(MODEL, DOC, {
      plan: 'plan-ny-rektor',
      role: 'nsk',
      place: '',
      startsOn: '2026-02-30',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => [p.field, p.key])).toEqual([
      ['role', 'onb.nc.err.role'],
      ['place', 'onb.nc.err.place'],
      ['startsOn', 'onb.nc.err.date'],
    ]);
    expect(bad.problems[2]!.detail).toMatch(/finnes ikke/);
    const noPlan = addNewcomer(MODEL, DOC, {
      ...RODTVET,
      plan: 'plan-ny-vaktmester',
      startsOn: '',
    });
    expect(!noPlan.ok && noPlan.problems.map((p) => p.key)).toEqual([
      'onb.nc.err.plan',
      'onb.nc.err.dateMissing',
    ]);
  });

  it('sets a meeting’s date: earlier meetings keep the date they show; clearing goes back', () => {
    const added = addNewcomer(MODEL, DOC, RODTVET);
    if (!added.ok) throw new Error('not added');
    const doc = added.edit(DOC);
    const model = load(doc).model!;
    // Suggestions as @arshjul/plan gives them: here a week apart from the start.
    const suggest = () => ['2026-01-05', '2026-01-12'];
    const [row] = newcomerRows(model, suggest);
    expect(row!.meetings.map((m) => [m.date, m.chosen])).toEqual([
      ['2026-01-05', false],
      ['2026-01-12', false],
    ]);
    const second = setMeetingDate(row!, 1, '2026-01-20')(doc);
    expect(getAt(second, ['newcomers', 0, 'meetingDates'])).toEqual(['2026-01-05', '2026-01-20']);
    const reloaded = load(second);
    expect(reloaded.errors).toEqual([]);
    const [after] = newcomerRows(reloaded.model!, suggest);
    expect(after!.meetings.map((m) => [m.date, m.chosen])).toEqual([
      ['2026-01-05', true],
      ['2026-01-20', true],
    ]);
    // Without suggestions the earlier meeting takes the start date.
    const [bare] = newcomerRows(model);
    expect(
      getAt(setMeetingDate(bare!, 1, '2026-01-20')(doc), ['newcomers', 0, 'meetingDates']),
    ).toEqual(['2026-01-05', '2026-01-20']);
    // Clearing meeting 1 keeps meeting 0's chosen date; clearing meeting 0 removes the list.
    const cleared = setMeetingDate(after!, 1, '')(second);
    expect(getAt(cleared, ['newcomers', 0, 'meetingDates'])).toEqual(['2026-01-05']);
    expect(
      getAt(setMeetingDate(after!, 0, '')(second), ['newcomers', 0, 'meetingDates']),
    ).toBeUndefined();
  });
});
