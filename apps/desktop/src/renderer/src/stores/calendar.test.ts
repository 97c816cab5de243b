import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { calendarRegistryFor, loadModelText, modelKommuneId, type Model } from '@arshjul/model';
import { buildArshjul, type Arshjul } from '@arshjul/plan';
import {
  addDays,
  CalendarRegistry,
  dayNumber,
  weekdayOf,
  type KommuneInfo,
  type SchoolYearData,
} from '@arshjul/school-calendar';
import { setApi } from '../platform/index.js';
import type { ArshjulApi } from '../../../shared/api.js';
import { getAt, serialize, type Json, type JsonObject } from './edits.js';
import { TEMPLATE_TEXT } from './template.js';
import {
  addBreak,
  addDayOff,
  applyImport,
  breakLength,
  bundledYearData,
  checkYear,
  EDITED_SOURCE,
  messagesAt,
  modelYearIndex,
  monthGrid,
  previewImport,
  readCalendarFile,
  removeBreak,
  resetYear,
  setBreakField,
  setKommune,
  setSchoolDay,
  shiftBreak,
  useCalendarStore,
  yearSource,
  YEARS_PATH,
} from './calendar.js';

const ASOF = '2025-09-01';
const YEAR = '2025-26';
const doc = JSON.parse(TEMPLATE_TEXT) as Json;
const OSLO: KommuneInfo = { id: 'oslo', name: 'Oslo', timeZone: 'Europe/Oslo' };
const ICS = readFileSync(
  new URL('../../../../e2e/fixtures/skolerute-oslo-2025-26.ics', import.meta.url),
  'utf8',
);
const HAMAR = readFileSync(
  new URL('../../../../../../examples/school-calendars/hamar-2025-26.json', import.meta.url),
  'utf8',
);

function load(d: Json): Model {
  const r = loadModelText(serialize(d), { asOf: ASOF, lang: 'nb' });
  expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
  return r.model!;
}
/** The school year the model resolves (its own years over the bundled ones). */
function yearOf(model: Model, name = YEAR) {
  const registry = calendarRegistryFor(model, new CalendarRegistry());
  return registry.schoolYear(modelKommuneId(model, registry), name);
}
function arshjulOf(model: Model, name = YEAR): Arshjul {
  return buildArshjul(model, { area: 'all', year: yearOf(model, name), asOf: ASOF, lang: 'nb' });
}
function meetings(a: Arshjul) {
  return a.rings
    .filter((r) => r.id !== 'ferier')
    .flatMap((r) => r.entries)
    .filter((e) => e.kind === 'meeting');
}
const grorud = load(doc);
const bundled = bundledYearData('oslo', YEAR)!;
const base = JSON.parse(JSON.stringify(bundled)) as JsonObject;
const indexOf = (kind: string) => bundled.breaks.findIndex((b) => b.kind === kind);

describe('the year the editor shows', () => {
  it('is the bundled Oslo year until the model has its own', () => {
    const src = yearSource(doc, 'oslo', YEAR, yearOf(grorud))!;
    expect(src.index).toBe(-1);
    expect(src.data.firstSchoolDay).toBe(bundled.firstSchoolDay);
    expect(src.data.status).toBe('derived');
    expect(src.standard).toBe(bundled);
  });

  it('is null for a year the kommune does not have', () => {
    expect(yearSource(doc, 'oslo', '2040-41', null)).toBeNull();
  });
});

describe('editing a year', () => {
  const from = bundled.breaks[indexOf('vinterferie')]!.from;
  const moved = shiftBreak(YEAR, base, indexOf('vinterferie'), 7)(doc);

  it('copies a bundled year into the model on the first edit, as the user’s', () => {
    const i = modelYearIndex(moved, YEAR);
    expect(i).toBe(0);
    const own = getAt(moved, [...YEARS_PATH, i]) as JsonObject;
    expect(own.status).toBe('user');
    expect(own.source).toBe(EDITED_SOURCE);
    expect((own.breaks as JsonObject[]).map((b) => b.kind)).toEqual(
      bundled.breaks.map((b) => b.kind),
    );
    const vinter = (own.breaks as JsonObject[])[indexOf('vinterferie')]!;
    expect(vinter.from).toBe(addDays(from, 7));
    // The bundled data and the original file are left as they were.
    expect(bundledYearData('oslo', YEAR)!.breaks[indexOf('vinterferie')]!.from).toBe(from);
    expect(getAt(doc, ['schoolCalendar'])).toBeUndefined();
  });

  it('moves vinterferie 2026 a week later: the meetings in that week move, the årshjul shows the new break', () => {
    const before = arshjulOf(grorud);
    const after = arshjulOf(load(moved));
    const oldBreak = before.breaks.find((b) => b.kind === 'vinterferie')!;
    const newBreak = after.breaks.find((b) => b.kind === 'vinterferie')!;
    expect(newBreak.from).toBe(addDays(oldBreak.from, 7));
    expect(newBreak.to).toBe(addDays(oldBreak.to, 7));
    const inNew = (d: string) => d >= newBreak.from && d <= newBreak.to;
    const inOld = (d: string) => d >= oldBreak.from && d <= oldBreak.to;
    // Meetings fell in the week that is now the break …
    const fellIn = meetings(before).filter((e) => inNew(e.date));
    expect(fellIn.length).toBeGreaterThan(0);
    // … and none is there now unless flagged as not on a school day; the old break week has some.
    expect(meetings(after).filter((e) => inNew(e.date) && !e.nonSchoolDay)).toEqual([]);
    expect(meetings(after).filter((e) => inOld(e.date)).length).toBeGreaterThan(0);
    // The same structures still meet in the year.
    const ids = (a: Arshjul) => new Set(meetings(a).map((e) => e.structureId));
    expect(ids(after)).toEqual(ids(before));
  });

  it('changes the first school day and counts the school days again', () => {
    const later = addDays(bundled.firstSchoolDay, 1);
    const next = setSchoolDay(YEAR, base, 'firstSchoolDay', later)(doc);
    const year = yearOf(load(next));
    expect(year.firstSchoolDay).toBe(later);
    expect(year.schoolDayCount).toBe(yearOf(grorud).schoolDayCount - 1);
  });

  it('adds a break and a day off in date order, and removes a break', () => {
    const autumn = bundled.breaks[indexOf('høstferie')]!;
    const extra = {
      kind: 'annen ferie' as const,
      from: '2025-11-17',
      to: '2025-11-18',
      name: 'Skolefri',
    };
    let next = addBreak(YEAR, base, extra)(doc);
    const own = () => getAt(next, [...YEARS_PATH, 0]) as JsonObject;
    const kinds = (own().breaks as JsonObject[]).map((b) => b.from as string);
    expect(kinds).toEqual([...kinds].sort());
    expect(kinds).toContain(extra.from);
    next = addDayOff(YEAR, own(), { kind: 'planleggingsdag', date: '2025-10-13' })(next);
    const days = (own().daysOff as JsonObject[]).map((d) => d.date as string);
    expect(days).toEqual([...days].sort());
    const year = yearOf(load(next));
    expect(year.isSchoolDay('2025-11-17')).toBe(false);
    expect(year.isSchoolDay('2025-10-13')).toBe(false);
    // One copy only: the second edit changed the model's year, not a new one.
    expect((getAt(next, YEARS_PATH) as Json[]).length).toBe(1);
    const autumnIndex = (own().breaks as JsonObject[]).findIndex((b) => b.kind === 'høstferie');
    next = removeBreak(YEAR, own(), autumnIndex)(next);
    expect(yearOf(load(next)).isSchoolDay(autumn.from)).toBe(true);
  });

  it('«Tilbakestill til standard» removes the model’s copy and the bundled year applies again', () => {
    const back = resetYear(YEAR)(moved);
    expect(getAt(back, ['schoolCalendar'])).toBeUndefined();
    expect(yearOf(load(back)).breakOf('vinterferie')!.from).toBe(from);
    expect(resetYear(YEAR)(doc)).toBe(doc);
  });

  it('changes the district’s kommune', () => {
    const next = setKommune('hamar')(doc);
    expect(getAt(next, ['organisation', 'district', 'kommune'])).toBe('hamar');
  });
});

describe('immediate checks', () => {
  const problemsOf = (d: JsonObject) => checkYear(d, OSLO, 'nb');
  const at = (d: JsonObject, ...path: (string | number)[]) =>
    problemsOf(d).filter((p) => JSON.stringify(p.path) === JSON.stringify(path));

  it('finds nothing wrong with the bundled Oslo year', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('says when a date does not exist', () => {
    const d = setBreakField(YEAR, base, 0, 'to', '2026-02-30')(doc);
    const own = getAt(d, [...YEARS_PATH, 0]) as JsonObject;
    const found = at(own, 'breaks', 0, 'to');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2026-02-30');
    expect(found[0]!.severity).toBe('error');
  });

  it('says when a break ends before it starts, at its end', () => {
    const i = indexOf('høstferie');
    const b = bundled.breaks[i]!;
    const own = getAt(setBreakField(YEAR, base, i, 'to', addDays(b.from, -1))(doc), [
      ...YEARS_PATH,
      0,
    ]) as JsonObject;
    const found = at(own, 'breaks', i, 'to');
    expect(found.map((p) => p.message)).toEqual([
      expect.stringContaining(`slutter (${addDays(b.from, -1)}) før den starter (${b.from})`),
    ]);
  });

  it('says when a date is outside the school year, and when breaks overlap', () => {
    const i = indexOf('vinterferie');
    const j = indexOf('påskeferie');
    let d = setBreakField(YEAR, base, i, 'to', '2026-08-10')(doc);
    let own = getAt(d, [...YEARS_PATH, 0]) as JsonObject;
    expect(at(own, 'breaks', i, 'to')[0]!.message).toContain('utenfor skoleåret 2025-26');
    // Vinterferie stretched into påskeferie.
    d = setBreakField(YEAR, base, i, 'to', bundled.breaks[j]!.from)(doc);
    own = getAt(d, [...YEARS_PATH, 0]) as JsonObject;
    const overlap = at(own, 'breaks', j, 'from');
    expect(overlap).toHaveLength(1);
    expect(overlap[0]!.message).toContain('overlapper');
  });

  it('says when the first school day is not a school day, and why', () => {
    const sunday = [0, 1, 2, 3, 4, 5, 6]
      .map((n) => addDays(bundled.firstSchoolDay, n))
      .find((x) => weekdayOf(dayNumber(x)) === 7)!;
    const own = getAt(setSchoolDay(YEAR, base, 'firstSchoolDay', sunday)(doc), [
      ...YEARS_PATH,
      0,
    ]) as JsonObject;
    expect(at(own, 'firstSchoolDay')[0]!.message).toMatch(/ikke en skoledag: helg/);
  });

  it('puts the model’s own issues at a field only where the checks found nothing', () => {
    const problems = [{ path: ['breaks', 1, 'to'], severity: 'error' as const, message: 'egen' }];
    const issuesAt = (path: readonly (string | number)[]) => [
      { severity: 'error' as const, message: `modell ${path.join('.')}` },
    ];
    expect(messagesAt(problems, ['breaks', 1, 'to'], 0, issuesAt)).toEqual([
      { severity: 'error', message: 'egen' },
    ]);
    expect(messagesAt(problems, ['breaks', 1, 'from'], 0, issuesAt)[0]!.message).toBe(
      'modell schoolCalendar.years.0.breaks.1.from',
    );
    // A year the model does not hold has no issues in the model.
    expect(messagesAt(problems, ['breaks', 1, 'from'], -1, issuesAt)).toEqual([]);
  });

  it('keeps what was typed when the model rejects it, and the model says where', () => {
    const i = indexOf('høstferie');
    const b = bundled.breaks[i]!;
    const bad = setBreakField(YEAR, base, i, 'to', addDays(b.from, -2))(doc);
    const r = loadModelText(serialize(bad), { asOf: ASOF, lang: 'nb' });
    expect(r.valid).toBe(false);
    expect(r.errors.some((e) => e.path.startsWith('schoolCalendar.years[0]'))).toBe(true);
    expect(getAt(bad, [...YEARS_PATH, 0, 'breaks', i, 'to'])).toBe(addDays(b.from, -2));
  });
});

describe('what the editor shows', () => {
  it('counts the weekdays of a break', () => {
    const b = bundled.breaks[indexOf('høstferie')]!;
    expect(breakLength(b.from, b.to)).toEqual({ weekdays: 5, days: 5 });
    expect(breakLength(b.to, b.from)).toBeNull();
  });

  it('marks every day of the months from the first to the last school day', () => {
    const year = yearOf(grorud);
    const grid = monthGrid(year, 'nb');
    expect(grid[0]!.key).toBe(year.firstSchoolDay.slice(0, 7));
    expect(grid[grid.length - 1]!.key).toBe(year.lastSchoolDay.slice(0, 7));
    const days = grid.flatMap((m) => m.weeks.flatMap((w) => w.days)).filter((d) => d !== null);
    expect(days.filter((d) => d.mark === 'school')).toHaveLength(year.schoolDayCount);
    for (const d of days) expect(d.mark === 'school').toBe(year.isSchoolDay(d.date));
    const autumn = year.breakOf('høstferie')!;
    const inAutumn = days.filter((d) => d.date >= autumn.from && d.date <= autumn.to);
    expect(inAutumn.every((d) => d.mark === 'break' || d.mark === 'weekend')).toBe(true);
    for (const h of year.holidays.filter((x) => x.date <= year.lastSchoolDay))
      expect(days.find((d) => d.date === h.date)?.mark).toBe('holiday');
    for (const o of year.daysOff) expect(days.find((d) => d.date === o.date)?.mark).toBe('dayOff');
    for (const m of grid) for (const w of m.weeks) expect(w.days).toHaveLength(7);
  });
});

describe('importing a skoleruta', () => {
  it('reads the .ics fixture for the model’s kommune and previews what changes', () => {
    const read = readCalendarFile({ name: 'skolerute.ics', text: ICS }, OSLO);
    expect(read.format).toBe('ics');
    expect(read.years.map((y) => y.year)).toEqual([YEAR]);
    const imported = read.years[0]!;
    const preview = previewImport(doc, OSLO, read, 'skolerute.ics', (y) =>
      y === YEAR ? (base as Json) : undefined,
    );
    expect(preview.kommuneFrom).toBeNull();
    expect(preview.usable).toBe(true);
    const y = preview.years[0]!;
    expect(y.replaces).toBe('bundled');
    // Every break whose dates differ from the bundled year is listed as changed.
    const differs = imported.breaks.filter((b) => {
      const old = bundled.breaks.find((x) => x.kind === b.kind);
      return old && (old.from !== b.from || old.to !== b.to);
    });
    expect(differs.length).toBeGreaterThan(0);
    for (const b of differs)
      expect(y.changes).toContainEqual(
        expect.objectContaining({ change: 'changed', after: `${b.from} – ${b.to}` }),
      );
    // The file has no sommerferie: it follows from the last school day, it is not «removed».
    expect(y.changes.some((c) => c.what === 'Sommerferie')).toBe(false);
    // The event the importer did not understand is a warning, not dropped silently.
    expect(preview.warnings.some((w) => w.includes('Foreldremøte'))).toBe(true);
  });

  it('stores the imported year in the model as one edit, and the årshjul follows', () => {
    const read = readCalendarFile({ name: 'skolerute.ics', text: ICS }, OSLO);
    const next = applyImport(read, 'skolerute.ics', 'oslo')(doc);
    expect(getAt(next, ['schoolCalendar', 'source'])).toBe('skolerute.ics');
    const own = getAt(next, [...YEARS_PATH, 0]) as JsonObject;
    expect(own.status).toBe('imported');
    const model = load(next);
    const a = arshjulOf(model);
    const autumn = read.years[0]!.breaks.find((b) => b.kind === 'høstferie')!;
    expect(a.breaks.find((b) => b.kind === 'høstferie')).toMatchObject({
      from: autumn.from,
      to: autumn.to,
    });
    // Importing again replaces the year rather than adding a second.
    const again = applyImport(read, 'skolerute.ics', 'oslo')(next);
    expect((getAt(again, YEARS_PATH) as Json[]).length).toBe(1);
  });

  it('reads a calendar data file of another kommune: the kommune changes with it', () => {
    const read = readCalendarFile({ name: 'hamar-2025-26.json', text: HAMAR }, OSLO);
    expect(read.kommune.id).toBe('hamar');
    const preview = previewImport(doc, OSLO, read, 'hamar-2025-26.json', () => base as Json);
    expect(preview.kommuneFrom).toBe('Oslo');
    expect(preview.years[0]!.replaces).toBe('none');
    const next = applyImport(read, 'hamar-2025-26.json', 'oslo')(doc);
    expect(getAt(next, ['organisation', 'district', 'kommune'])).toBe('hamar');
    expect(getAt(next, ['schoolCalendar', 'kommune', 'name'])).toBe('Hamar');
    const model = load(next);
    const year = yearOf(model);
    expect(year.kommune.name).toBe('Hamar');
    const hamar = (JSON.parse(HAMAR) as { years: SchoolYearData[] }).years[0]!;
    expect(year.firstSchoolDay).toBe(hamar.firstSchoolDay);
  });

  it('names the file and the problem when a file cannot be read', () => {
    expect(() => readCalendarFile({ name: 'rute.json', text: '{ "years": ' }, OSLO)).toThrow(
      /Kunne ikke importere «rute\.json»: .*gyldig JSON/,
    );
    expect(() =>
      readCalendarFile({ name: 'rute.json', text: '{"schemaVersion": 1, "years": []}' }, OSLO),
    ).toThrow(/«rute\.json».*kommune: mangler/s);
    expect(() =>
      readCalendarFile({ name: 'tom.ics', text: 'BEGIN:VCALENDAR\nEND:VCALENDAR\n' }, OSLO),
    ).toThrow(/«tom\.ics».*ingen hendelser/);
  });
});

describe('the import in progress', () => {
  let opened: { name: string; text: string } | null = null;
  beforeEach(() => {
    setActivePinia(createPinia());
    setApi({
      openFile: () => Promise.resolve(opened && { ...opened, path: opened.name }),
    } as unknown as ArshjulApi);
  });
  afterEach(() => setApi(null));

  it('asks for a calendar file, previews it and hands over the edit once', async () => {
    opened = { name: 'skolerute.ics', text: ICS };
    const cal = useCalendarStore();
    expect(await cal.chooseFile(doc, OSLO, () => base as Json)).toBe(true);
    expect(cal.pending?.preview.years.map((y) => y.year)).toEqual([YEAR]);
    const edit = cal.takeEdit('oslo');
    expect(edit).not.toBeNull();
    expect(cal.pending).toBeNull();
    expect(cal.applied).toBe('skolerute.ics');
    expect(cal.takeEdit('oslo')).toBeNull();
    expect(modelYearIndex(edit!(doc), YEAR)).toBe(0);
  });

  it('says where a broken calendar data file is broken', async () => {
    opened = { name: 'skolerute.json', text: '{\n  "schemaVersion": 1,\n}' };
    const cal = useCalendarStore();
    expect(await cal.chooseFile(doc, OSLO, () => undefined)).toBe(false);
    expect(cal.error).toMatch(/^Kunne ikke importere «skolerute\.json»: .*linje 3/);
    expect(cal.error).not.toMatch(/Unexpected|position/);
  });

  it('shows why a broken file cannot be imported, and nothing is pending', async () => {
    opened = { name: 'ødelagt.ics', text: 'BEGIN:VCALENDAR\nBEGIN:VEVENT\n' };
    const cal = useCalendarStore();
    expect(await cal.chooseFile(doc, OSLO, () => undefined)).toBe(false);
    expect(cal.pending).toBeNull();
    expect(cal.error).toMatch(/^Kunne ikke importere «ødelagt\.ics»: /);
  });

  it('does nothing when the dialog is cancelled', async () => {
    opened = null;
    const cal = useCalendarStore();
    expect(await cal.chooseFile(doc, OSLO, () => undefined)).toBe(false);
    expect(cal.error).toBeNull();
    expect(cal.pending).toBeNull();
  });
});
