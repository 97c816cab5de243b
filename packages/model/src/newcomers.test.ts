/**
 * Newcomers (people starting in a role who get an onboarding plan) and the model's own school
 * calendar: validation with paths into the file, in the Grorud model.
 */
import { describe, expect, it } from 'vitest';
import { CalendarRegistry, addDays, type Lang } from '@arshjul/school-calendar';
import { validateModel } from './validate.js';
import { modelSchema } from './schema.js';
import { diffModels, formatModelChange } from './diff.js';
import { nextYearModel } from './next-year.js';
import {
  NEWCOMER_MEETING_INTERVAL_DAYS,
  newcomerMeetingDates,
  planOfNewcomer,
  schoolDayOnOrAfter,
} from './newcomers.js';
import { formatIssue } from './messages.js';
import { grorud, type Json } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

function rektorPlan(m: Json): Json {
  return m.onboarding.find((o: Json) => (o.trigger.roles as string[]).includes('rektor'));
}

/** The Grorud model with a new rektor at Rødtvet from 5 January 2026. */
function withNewcomer(change: (n: Json, m: Json) => void = () => {}): Json {
  const m = grorud();
  const n: Json = {
    id: 'ny-rektor-rodtvet',
    plan: rektorPlan(m).id,
    role: 'rektor',
    school: 'rodtvet',
    startsOn: '2026-01-05',
  };
  change(n, m);
  m.newcomers = [n];
  return m;
}

function errors(m: Json, lang: Lang = 'nb'): string[] {
  const r = validateModel(m, { lang, asOf: AS_OF, lint: false });
  expect(r.valid).toBe(r.errors.length === 0);
  return r.errors.map((e) => formatIssue(e, lang));
}

describe('newcomers', () => {
  it('a new rektor at Rødtvet is valid and read with its defaults', () => {
    const r = validateModel(withNewcomer(), { asOf: AS_OF, lint: false });
    expect(r.errors).toEqual([]);
    expect(r.model!.newcomers).toEqual([
      expect.objectContaining({ id: 'ny-rektor-rodtvet', school: 'rodtvet', notes: [] }),
    ]);
    // A model without newcomers reads as an empty list (the field is optional in the file).
    expect(validateModel(grorud(), { asOf: AS_OF, lint: false }).model!.newcomers).toEqual([]);
  });

  it('unknown plan, role and school ids get the nearest id', () => {
    const out = errors(
      withNewcomer((n) => {
        n.plan = 'plan-ny-rekotr';
        n.role = 'rektr';
        n.school = 'rodtvett';
      }),
    );
    expect(out).toEqual(
      expect.arrayContaining([
        'newcomers[0].plan: «plan-ny-rekotr» finnes ikke blant oppstartsplanene — mente du «plan-ny-rektor»?',
        'newcomers[0].role: «rektr» finnes ikke blant rollene — mente du «rektor»?',
        'newcomers[0].school: «rodtvett» finnes ikke blant skolene — mente du «rodtvet»?',
      ]),
    );
  });

  it('a school where an area is expected is named as the wrong kind', () => {
    const out = errors(
      withNewcomer((n) => (n.area = 'rodtvet')),
      'en',
    );
    expect(out.some((l) => l.startsWith('newcomers[0].area: «rodtvet» is a school'))).toBe(true);
  });

  it("the role must be one of the plan's trigger roles", () => {
    const out = errors(withNewcomer((n) => (n.role = 'nsk')));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^newcomers\[0\]\.role: «nsk» er ikke en av rollene oppstartsplanen/);
    expect(out[0]).toContain('«rektor»');
    expect(
      errors(
        withNewcomer((n) => (n.role = 'nsk')),
        'nn',
      )[0],
    ).toContain('er ikkje ei av');
  });

  it('the school is required when the plan is for a school', () => {
    const out = errors(withNewcomer((n) => delete n.school));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^newcomers\[0\]\.school: mangler: oppstartsplanen .* skolen må oppgis/);
  });

  it('the area is required when the plan is for an area', () => {
    const m = withNewcomer((n) => delete n.school);
    rektorPlan(m).trigger.at = 'area';
    expect(errors(m, 'en')).toEqual([
      expect.stringMatching(/^newcomers\[0\]\.area: is missing: the onboarding plan/),
    ]);
    m.newcomers[0].area = 'omrade-ammerud';
    expect(errors(m)).toEqual([]);
  });

  it('no more meeting dates than meetings', () => {
    const m = withNewcomer((n, m) => {
      const count = rektorPlan(m).meetings.length as number;
      n.meetingDates = Array.from({ length: count + 1 }, (_, i) => `2026-01-${10 + i}`);
    });
    const meetings = rektorPlan(m).meetings.length as number;
    expect(errors(m)).toEqual([
      `newcomers[0].meetingDates[${meetings}]: ${meetings + 1} datoer, men oppstartsplanen «Plan for ny rektor» har bare ${meetings} møter; det skal være én dato per møte, i rekkefølge`,
    ]);
  });

  it('dates that do not exist are refused', () => {
    const out = errors(
      withNewcomer((n) => {
        n.startsOn = '2026-02-30';
        n.meetingDates = ['2026-01-10', '2026-13-01'];
      }),
    );
    expect(out.some((l) => l.startsWith('newcomers[0].startsOn:'))).toBe(true);
    expect(out.some((l) => l.startsWith('newcomers[0].meetingDates[1]:'))).toBe(true);
  });

  it('two newcomers cannot share an id', () => {
    const m = withNewcomer();
    m.newcomers.push({ ...m.newcomers[0], school: 'ammerud' });
    expect(errors(m)).toEqual([
      'newcomers[1].id: To nytilsatte har samme id («ny-rektor-rodtvet»; også newcomers[0]); id-ene til de nytilsatte må være unike',
    ]);
  });
});

describe("the model's own school calendar", () => {
  const year = () => ({
    year: '2025-26',
    status: 'published',
    source: 'Skoleruta 2025-26',
    firstSchoolDay: '2025-08-19',
    lastSchoolDay: '2026-06-19',
    breaks: [
      { kind: 'høstferie', from: '2025-10-06', to: '2025-10-10' },
      { kind: 'juleferie', from: '2025-12-22', to: '2026-01-02' },
    ],
    daysOff: [{ kind: 'planleggingsdag', date: '2025-11-14' }],
  });
  const withYears = (...years: Json[]) => {
    const m = grorud();
    m.schoolCalendar = { years };
    return m;
  };

  it('a valid year is read as it is', () => {
    const r = validateModel(withYears(year()), { asOf: AS_OF, lint: false });
    expect(r.errors).toEqual([]);
    expect(r.model!.schoolCalendar!.years[0]!.breaks[0]).toEqual(year().breaks[0]);
  });

  it('dates outside the school year, and breaks that end before they start', () => {
    const y = year();
    y.breaks[0]!.to = '2025-10-01';
    y.breaks[1]!.to = '2026-08-05';
    y.daysOff[0]!.date = '2024-11-14';
    expect(errors(withYears(y))).toEqual([
      'schoolCalendar.years[0].breaks[0].to: perioden slutter (2025-10-01) før den begynner (2025-10-06)',
      'schoolCalendar.years[0].breaks[1].to: 2026-08-05 ligger utenfor skoleåret 2025-26 (2025-08-01 – 2026-07-31)',
      'schoolCalendar.years[0].daysOff[0].date: 2024-11-14 ligger utenfor skoleåret 2025-26 (2025-08-01 – 2026-07-31)',
    ]);
  });

  it('the last school day after the first, and each year once', () => {
    const y = year();
    y.lastSchoolDay = '2025-08-18';
    expect(errors(withYears(y), 'en')).toEqual([
      'schoolCalendar.years[0].lastSchoolDay: the last school day (2025-08-18) must come after the first school day (2025-08-19)',
    ]);
    expect(errors(withYears(year(), year()))).toEqual([
      'schoolCalendar.years[1].year: Skoleåret 2025-26 står to ganger i modellens skolerute (også schoolCalendar.years[0]); slå dem sammen',
    ]);
  });

  it("what else the school calendar refuses comes with the calendar's own reason", () => {
    const y = year();
    y.firstSchoolDay = '2025-08-16'; // a Saturday
    const out = errors(withYears(y));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^schoolCalendar\.years\[0\]\.firstSchoolDay: skoleåret 2025-26 kan ikke brukes: Første skoledag 2025-08-16 .* er ikke en skoledag/,
    );
  });

  it('a kommune id must be written in small letters', () => {
    const m = withYears(year());
    m.schoolCalendar.kommune = { id: 'Nord Fron', name: 'Nord-Fron' };
    expect(errors(m).some((l) => l.startsWith('schoolCalendar.kommune.id:'))).toBe(true);
  });
});

describe('meeting dates of a newcomer', () => {
  const oslo = new CalendarRegistry().kommune('oslo');
  const parsed = (change: (n: Json) => void = () => {}) => {
    const m = modelSchema.parse(withNewcomer(change));
    return { model: m, newcomer: m.newcomers[0]!, plan: planOfNewcomer(m, m.newcomers[0]!)! };
  };

  it('suggests meeting 1 on the first school day from the start, then every two weeks', () => {
    const { newcomer, plan } = parsed((n) => (n.startsOn = '2026-02-01')); // a Sunday
    const dates = newcomerMeetingDates(newcomer, plan, oslo);
    expect(dates.map((d) => d.meeting.title)).toEqual(plan.meetings.map((m) => m.title));
    expect(dates.every((d) => d.suggested)).toBe(true);
    const year = oslo.year('2025-26');
    // Meeting 1: a school day, with none between the start and it.
    expect(year.isSchoolDay(dates[0]!.date)).toBe(true);
    expect(dates[0]!.date > newcomer.startsOn).toBe(true);
    for (let d = newcomer.startsOn; d < dates[0]!.date; d = addDays(d, 1))
      expect(year.isSchoolDay(d)).toBe(false);
    // Meeting 2: two weeks later falls in the winter break, so it moves to the first school day after it.
    const twoWeeks = addDays(dates[0]!.date, NEWCOMER_MEETING_INTERVAL_DAYS);
    expect(year.dayInfo(twoWeeks).reasons.map((r) => r.kind)).toContain('break');
    expect(dates[1]!.date > twoWeeks).toBe(true);
    expect(year.isSchoolDay(dates[1]!.date)).toBe(true);
    for (let d = twoWeeks; d < dates[1]!.date; d = addDays(d, 1))
      expect(year.isSchoolDay(d)).toBe(false);
  });

  it('uses a chosen date as it is, and suggests the next meeting from it', () => {
    const { newcomer, plan } = parsed((n) => (n.meetingDates = ['2026-01-08']));
    const [one, two] = newcomerMeetingDates(newcomer, plan, oslo);
    expect(one).toMatchObject({ date: '2026-01-08', suggested: false });
    expect(two!.suggested).toBe(true);
    expect(two!.date).toBe(schoolDayOnOrAfter(addDays('2026-01-08', 14), oslo));
  });

  it('without a calendar, weekdays that are not public holidays count as school days', () => {
    expect(schoolDayOnOrAfter('2026-05-16')).toBe('2026-05-18'); // Saturday → Monday 18 May
    expect(schoolDayOnOrAfter('2026-05-14')).toBe('2026-05-15'); // Kristi himmelfartsdag
    expect(schoolDayOnOrAfter('2026-05-14', oslo)).not.toBe('2026-05-15'); // an inneklemt dag in Oslo
  });
});

describe('newcomers from one school year to the next', () => {
  it('drops newcomers whose meetings are over, keeps those with a meeting in the new year', () => {
    const m = withNewcomer();
    // A second newcomer starting just before the summer: meeting 2 is after it.
    m.newcomers.push({
      ...m.newcomers[0],
      id: 'ny-rektor-ammerud',
      school: 'ammerud',
      startsOn: '2026-06-15',
    });
    const model = modelSchema.parse(m);
    const { model: next, changes } = nextYearModel(model, { date: '2026-06-25' });
    expect(next.newcomers.map((n) => n.id)).toEqual(['ny-rektor-ammerud']);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          collection: 'newcomers',
          kind: 'removed',
          id: 'ny-rektor-rodtvet',
        }),
      ]),
    );
    const entry = next.changeLog[next.changeLog.length - 1]!;
    expect(entry.changes.some((c) => c.includes('ny-rektor-rodtvet'))).toBe(true);
  });

  it('diffModels reports newcomers and the school years of the own calendar', () => {
    const before = modelSchema.parse(grorud());
    const withYear = grorud();
    withYear.schoolCalendar = {
      years: [
        {
          year: '2025-26',
          status: 'published',
          firstSchoolDay: '2025-08-19',
          lastSchoolDay: '2026-06-19',
        },
      ],
    };
    withYear.newcomers = withNewcomer().newcomers;
    const { changes } = diffModels(before, modelSchema.parse(withYear));
    expect(changes.map((c) => `${c.collection} ${c.kind} ${c.id}`)).toEqual([
      'schoolYears added 2025-26',
      'newcomers added ny-rektor-rodtvet',
    ]);
    expect(changes.map((c) => formatModelChange(c))).toEqual([
      expect.stringContaining('skoleåret «2025-26»'),
      expect.stringContaining('oppstarten «ny-rektor-rodtvet (2026-01-05)»'),
    ]);
  });
});
