/**
 * Every rhythm phrase of the Grorud model (grorud-model.md §2.1 «Oppfølging» and §3.1), as a
 * table: phrase → kind → number of dates in Oslo 2025-26. The counts follow from the calendar:
 * 2025-26 runs from Monday 18 August 2025 to Monday 22 June 2026, 40 school weeks, 11 school
 * months (August–June), two halves, four quarters.
 */
import { describe, expect, it } from 'vitest';
import { CalendarRegistry } from '@arshjul/school-calendar';
import { expandCadence, parseCadence, renderCadence, type RuleKind } from './index.js';

const year = new CalendarRegistry().schoolYear('oslo', '2025-26');
const weeks = year.schoolWeeks().length; // 40

// [phrase as written in the source, kind, dates in 2025-26, status]
const TABLE: [string, RuleKind, number, string][] = [
  // §2.1 Tabell 1–6, column «Oppfølging»
  ['En gang i året', 'count', 1, 'scheduled'],
  ['Hvert kvartal', 'count', 4, 'scheduled'],
  ['Ved budsjettlegging i bydelen', 'event', 0, 'waiting-for-event'],
  ['Justeres en gang i året', 'count', 1, 'scheduled'],
  ['Revideres en gang i året', 'count', 1, 'scheduled'],
  ['Revideres en ganger i året', 'count', 1, 'scheduled'], // typo in the source (T2.6)
  ['Ved behov', 'on-demand', 0, 'on-demand'],
  ['Ukentlig', 'interval', weeks, 'scheduled'],
  ['Hver fjerde uke', 'interval', 12, 'scheduled'], // 44 weeks from 18 Aug: 12 four-week steps
  ['Hver 6. uke', 'interval', 8, 'scheduled'],
  ['Fire ganger i året', 'count', 4, 'scheduled'],
  ['En gang i forkant av sommerferien', 'count', 1, 'scheduled'],
  ['En gang i semesteret', 'count', 2, 'scheduled'],
  ['Samlinger gjennom hele året', 'continuous', 0, 'continuous'],
  ['Revideres to ganger i året', 'count', 2, 'scheduled'],
  ['En gang i uken/ved behov', 'alternatives', weeks, 'scheduled'],
  ['Hver uke / hver 2. uke', 'alternatives', weeks, 'scheduled'],
  ['En til to ganger i året', 'count', 2, 'scheduled'],
  // §3.1 other collaboration structures
  ['en gang i uken', 'interval', weeks, 'scheduled'],
  ['Hyppighet avtale på den enkelte skole', 'school-choice', 0, 'school-choice'],
  ['hver 14 dag', 'interval', 22, 'scheduled'],
  ['to ganger årlig', 'count', 2, 'scheduled'],
  ['en gang årlig', 'count', 1, 'scheduled'],
  ['revidert fortløpende', 'continuous', 0, 'continuous'],
  ['fire dager i uken; mandag-torsdag', 'interval', 153, 'scheduled'],
  ['informasjonsmøter på barnehagenes planleggingsdager 1x i året', 'count', 1, 'scheduled'],
  ['hver barnehage får besøk hver 8. uke', 'interval', 6, 'scheduled'],
  ['1xmnd', 'count', 11, 'scheduled'],
  ['1x i måneden', 'count', 11, 'scheduled'],
  ['ca. hver 6. uke', 'interval', 8, 'scheduled'],
  ['ca. 1x i måneden', 'count', 11, 'scheduled'],
  ['Det avsettes tid en gang i året', 'count', 1, 'scheduled'],
  ['evalueringsmøte av samarbeidsavtalen hvert vår semester', 'count', 1, 'scheduled'],
  ['i starten av skoleåret', 'count', 1, 'scheduled'],
  ['primært i starten av skoleåret og ellers etter behov', 'alternatives', 1, 'scheduled'],
  ['En gang i forkant av sommerferien', 'count', 1, 'scheduled'],
  ['Hvert andre år siden 2012', 'interval', 0, 'not-this-year'], // 2025 − 2012 is odd
  ['om våren', 'count', 1, 'scheduled'],
  ['høsten', 'count', 1, 'scheduled'],
  ['I et område møtes to ganger årlig', 'count', 2, 'scheduled'],
  ['Utlysning en gang i året (februar)', 'count', 1, 'scheduled'],
  ['oppdateres før hver ferie', 'anchor', 5, 'scheduled'],
  ['Ved oppstart av ny rektor', 'event', 0, 'waiting-for-event'],
  ['minimum hver 3. måned', 'interval', 4, 'scheduled'],
  // Weekdays and times (Bydelskatalog §3.2)
  ['Tirs 18:00-22:00', 'interval', 42, 'scheduled'],
  ['Mandag-fredag: 15:00-21:00', 'interval', year.schoolDayCount, 'scheduled'],
  ['Hver onsdag klokken 18:00-20:00', 'interval', 43, 'scheduled'],
  ['Mandag, onsdag og torsdag fra klokken 09:30-14:00', 'interval', 117, 'scheduled'],
];

describe('every Grorud phrase', () => {
  it.each(TABLE)('«%s» → %s, %i dates in 2025-26', (phrase, kind, count, status) => {
    const r = parseCadence(phrase);
    if (!r.ok) throw new Error(`${phrase}: ${r.reason}`);
    expect(r.cadence.rule.kind).toBe(kind);
    expect(r.cadence.text).toBe(phrase);
    const e = expandCadence(r.cadence, year);
    expect(e.status).toBe(status);
    expect(e.occurrences).toHaveLength(count);
    // Every date lands on a school day of the year unless the rule fixed it (and then it says why).
    for (const o of e.occurrences) {
      expect(year.contains(o.date)).toBe(true);
      if (!o.nonSchoolDay) expect(year.isSchoolDay(o.date), `${phrase} ${o.date}`).toBe(true);
    }
  });

  it.each(TABLE)('«%s» renders in nb and nn and parses back to the same cadence', (phrase) => {
    const r = parseCadence(phrase);
    if (!r.ok) throw new Error(r.reason);
    for (const lang of ['nb', 'nn'] as const) {
      const text = renderCadence(r.cadence, lang);
      const back = parseCadence(text);
      if (!back.ok) throw new Error(`${lang} «${text}»: ${back.reason}`);
      expect(back.cadence.rule, `${lang}: ${text}`).toEqual(r.cadence.rule);
      expect(back.cadence.action).toBe(r.cadence.action);
    }
    expect(renderCadence(r.cadence, 'en')).toMatch(/^[A-Z]/);
  });

  it('reads the verbs of revision cycles as what is done', () => {
    const r = parseCadence('Revideres en gang i året');
    expect(r.ok && r.cadence.action).toBe('revision');
    const j = parseCadence('Justeres en gang i året');
    expect(j.ok && j.cadence.action).toBe('adjustment');
    expect(j.ok && renderCadence(j.cadence, 'en')).toBe('Adjusted once a year');
  });

  it('weekly meetings meet once in every school week; the weekly office day follows the school weeks', () => {
    const r = parseCadence('Ukentlig');
    if (!r.ok) throw new Error(r.reason);
    const e = expandCadence(r.cadence, year);
    const perWeek = new Map<string, number>();
    for (const o of e.occurrences) {
      const w = year.weeks().find((wk) => o.date >= wk.monday && o.date <= wk.sunday)!;
      perWeek.set(w.monday, (perWeek.get(w.monday) ?? 0) + 1);
    }
    expect([...perWeek.values()].every((n) => n === 1)).toBe(true);
    expect(perWeek.size).toBe(year.schoolWeeks().length);
    // The Mondays that fell in a break are listed as skipped, each with its reason.
    for (const s of e.skipped) {
      expect(year.isSchoolDay(s.date)).toBe(false);
      expect(s.reason).toMatch(/ferie/);
    }
  });

  it('the every-other-year conference comes back the year after', () => {
    const r = parseCadence('Hvert andre år siden 2012');
    if (!r.ok) throw new Error(r.reason);
    const next = new CalendarRegistry().schoolYear('oslo', '2026-27');
    expect(expandCadence(r.cadence, next).occurrences).toHaveLength(1);
  });
});
