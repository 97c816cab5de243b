import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { buildArshjul, type Arshjul, type ArshjulEntry, type RingId } from '@arshjul/plan';
import { rruleBetween } from '@arshjul/recurrence';
import { addDays, zonedInstant, type IsoDate } from '@arshjul/school-calendar';
import { builds, buildOf, grorud, grorudText, oslo2025 } from '../test-fixtures/grorud.js';
import {
  arshjulToIcs,
  escapeText,
  foldLine,
  outlookSafeRule,
  roleFilter,
  uidKeys,
  UnknownRoleError,
  type IcsOptions,
} from './ics.js';

/** The start of a single event's UID (its key, then `@`). */
const uidOf = (arshjul: Arshjul, entry: ArshjulEntry) => `${uidKeys(arshjul).get(entry.id)}@`;
/** A UID of the series `id`: its recurring event (`id@…`) or one of its dates (`id+n@…`). */
const inSeries = (uid: string, id: string) => {
  const key = uid.split('@')[0]!;
  return key === id || key.startsWith(`${id}+`);
};

// ---------------------------------------------------------------------------------------------
// Helpers

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  category: string;
  start: ICAL.Time;
  end: ICAL.Time;
  rrule: string | null;
  exdates: IsoDate[];
  /** Every occurrence's start (the start itself for a single event). */
  occurrences: ICAL.Time[];
}

const isoOf = (t: ICAL.Time): IsoDate => t.toString().slice(0, 10);

function parse(ics: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    const occurrences: ICAL.Time[] = [];
    if (event.isRecurring()) {
      const iterator = event.iterator();
      for (let t = iterator.next(); t; t = iterator.next()) {
        occurrences.push(t);
        if (occurrences.length > 1000) throw new Error(`unbounded recurrence ${event.uid}`);
      }
    } else occurrences.push(event.startDate);
    const rrule = component.getFirstProperty('rrule');
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      category: String(component.getFirstPropertyValue('categories') ?? ''),
      start: event.startDate,
      end: event.endDate,
      rrule: rrule ? rrule.getFirstValue()!.toString() : null,
      exdates: component
        .getAllProperties('exdate')
        .map((p) => isoOf(p.getFirstValue() as ICAL.Time)),
      occurrences,
    };
  });
  return { calendar, events };
}

/** Occurrence dates of the calendar per ring (by CATEGORIES), sorted, duplicates kept. */
function datesPerRing(arshjul: Arshjul, events: ParsedEvent[]): Record<string, IsoDate[]> {
  const ringByLabel = new Map(arshjul.rings.map((r) => [r.label, r.id]));
  const out: Record<string, IsoDate[]> = {};
  for (const e of events) {
    const ring = ringByLabel.get(e.category);
    expect(ring, `ring of ${e.uid}`).toBeDefined();
    (out[ring!] ??= []).push(...e.occurrences.map(isoOf));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** Entry dates of the årshjul per ring, sorted; empty rings left out. */
function entryDatesPerRing(
  arshjul: Arshjul,
  keep: (e: ArshjulEntry) => boolean = () => true,
): Record<string, IsoDate[]> {
  const out: Record<string, IsoDate[]> = {};
  for (const ring of arshjul.rings) {
    const dates = ring.entries
      .filter(keep)
      .map((e) => e.date)
      .sort();
    if (dates.length > 0) out[ring.id] = dates;
  }
  return out;
}

const physicalLines = (ics: string) => ics.slice(0, -2).split('\r\n');
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (ics: string) => ics.replace(/\r\n /g, '');
const contentLines = (ics: string) => unfold(ics).slice(0, -2).split('\r\n');

function loadEdited(
  edit: (json: { structures: { id: string; cadence: unknown }[] }) => void,
): Model {
  const json = JSON.parse(grorudText) as { structures: { id: string; cadence: unknown }[] };
  edit(json);
  const result = loadModelText(JSON.stringify(json), { asOf: '2025-08-01' });
  if (!result.model) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.model;
}

function setCadence(structureId: string, cadence: string): Model {
  return loadEdited((json) => {
    const s = json.structures.find((x) => x.id === structureId)!;
    s.cadence = cadence;
  });
}

const ammerud = buildOf('omrade-ammerud').arshjul;
const ammerudIcs = arshjulToIcs(ammerud);

// ---------------------------------------------------------------------------------------------

describe('arshjulToIcs: the file', () => {
  it('uses CRLF everywhere, ends with CRLF and keeps every line within 75 octets', () => {
    for (const { arshjul } of builds) {
      const ics = arshjulToIcs(arshjul);
      expect(ics.endsWith('\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
    }
  });

  it('has the calendar properties and the Europe/Oslo VTIMEZONE even when nothing has a time', () => {
    const lines = contentLines(ammerudIcs);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    for (const p of [
      'VERSION:2.0',
      'PRODID:-//Årshjulet//arshjul//NB',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${escapeText(ammerud.title)}`,
      'X-WR-TIMEZONE:Europe/Oslo',
    ])
      expect(lines).toContain(p);
    expect(ammerud.rings.flatMap((r) => r.entries).some((e) => e.time)).toBe(false);
    expect(ammerudIcs.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Oslo\r\n/g)).toHaveLength(1);
    expect(ammerudIcs).not.toContain('TZID=');
  });

  it('is byte-identical across exports and has unique, valid UIDs', () => {
    for (const { arshjul } of builds) {
      const ics = arshjulToIcs(arshjul);
      expect(arshjulToIcs(arshjul)).toBe(ics);
      const uids = parse(ics).events.map((e) => e.uid);
      expect(new Set(uids).size).toBe(uids.length);
      for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9._~:+@%-]+@arshjul\.no$/);
    }
  });

  it('stamps every event with asOf at midnight UTC, or the given stamp', () => {
    const stamps = (ics: string) => [
      ...new Set(contentLines(ics).filter((l) => l.startsWith('DTSTAMP:'))),
    ];
    expect(stamps(ammerudIcs)).toEqual([`DTSTAMP:${ammerud.asOf.replace(/-/g, '')}T000000Z`]);
    expect(
      stamps(arshjulToIcs(ammerud, { stamp: new Date(Date.UTC(2025, 9, 1, 8, 30, 5)) })),
    ).toEqual(['DTSTAMP:20251001T083005Z']);
    expect(stamps(arshjulToIcs(ammerud, { stamp: '2025-12-24' }))).toEqual([
      'DTSTAMP:20251224T000000Z',
    ]);
  });
});

describe('arshjulToIcs: round trip through ical.js', () => {
  for (const { area, arshjul } of builds) {
    it(`gives exactly the årshjul's dates per ring (${area})`, () => {
      const { events } = parse(arshjulToIcs(arshjul));
      expect(datesPerRing(arshjul, events)).toEqual(entryDatesPerRing(arshjul));
    });
  }

  it('writes breaks as multi-day all-day events ending the day after', () => {
    const { events } = parse(ammerudIcs);
    const ferier = ammerud.rings.find((r) => r.id === 'ferier')!;
    expect(ferier.entries.length).toBeGreaterThan(0);
    for (const entry of ferier.entries) {
      const event = events.find((e) => e.summary === entry.title && isoOf(e.start) === entry.date)!;
      expect(event.start.isDate).toBe(true);
      expect(isoOf(event.end)).toBe(addDays(entry.to!, 1));
    }
    const raw = ammerudIcs.split('BEGIN:VEVENT').filter((b) => b.includes('UID:ferie'));
    expect(raw.length).toBe(ferier.entries.length);
    for (const block of raw) expect(block).toContain('TRANSP:TRANSPARENT');
  });

  it('writes all-day items as DATE values with an exclusive DTEND', () => {
    for (const e of parse(ammerudIcs).events) {
      expect(e.start.isDate).toBe(true);
      if (!e.rrule && !e.uid.startsWith('ferie'))
        expect(isoOf(e.end)).toBe(addDays(isoOf(e.start), 1));
    }
  });

  it('describes cadence, responsible, schools, suggested window and moves', () => {
    const { events } = parse(ammerudIcs);
    const entries = ammerud.rings.flatMap((r) => r.entries);
    const suggested = entries.find(
      (e) => e.placement === 'suggested' && e.window && e.schools.length > 0,
    )!;
    const ev = events.find((e) => e.uid.startsWith(uidOf(ammerud, suggested)))!;
    expect(ev.description).toContain(`Rytme: ${suggested.cadenceText}`);
    expect(ev.description).toContain(`Ansvar: ${suggested.responsible}`);
    const names = suggested.schools.map((id) => ammerud.schools.find((s) => s.id === id)!.name);
    expect(ev.description).toContain(`Skoler: ${names.join(', ')}`);
    expect(ev.description).toMatch(/Foreslått dato, innenfor \d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}/);
    const moved = entries.find((e) => e.moved)!;
    const mv = events.find((e) => e.uid.startsWith(uidOf(ammerud, moved)))!;
    expect(mv.description).toContain(`Flyttet fra `);
    expect(mv.description).toContain(moved.moved!.reason);
    const en = parse(arshjulToIcs(ammerud, { lang: 'en' })).events.find((e) =>
      e.uid.startsWith(uidOf(ammerud, suggested)),
    )!;
    expect(en.description).toContain(`Cadence: ${suggested.cadenceText}`);
    expect(en.description).toContain('Suggested date, within');
    const nn = parse(arshjulToIcs(ammerud, { lang: 'nn' })).events.find((e) =>
      e.uid.startsWith(uidOf(ammerud, suggested)),
    )!;
    expect(nn.description).toContain('Føreslått dato, innanfor');
  });
});

describe('arshjulToIcs: recurring series', () => {
  const { events } = parse(ammerudIcs);

  it('writes T4.1 «Hver fjerde uke» as one RRULE event for Ammerud', () => {
    const series = ammerud.series.find((s) => s.id === 'T4.1')!;
    expect(series.cadenceText).toBe('Hver fjerde uke');
    const t41 = events.filter((e) => inSeries(e.uid, 'T4.1'));
    const recurring = t41.filter((e) => e.rrule !== null);
    expect(recurring).toHaveLength(1);
    expect(recurring[0]!.rrule).toContain('FREQ=WEEKLY');
    expect(recurring[0]!.rrule).toContain('INTERVAL=4');
    // The moved dates are their own events, UIDs by their place in the series.
    const entries = ammerud.rings.flatMap((r) => r.entries).filter((e) => e.series === 'T4.1');
    const moved = entries.filter((e) => e.moved);
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) {
      const single = t41.find((e) => e.uid.startsWith(uidOf(ammerud, m)))!;
      expect(single.rrule).toBeNull();
      expect(isoOf(single.start)).toBe(m.date);
    }
    expect(t41).toHaveLength(1 + moved.length);
    expect(recurring[0]!.occurrences.map(isoOf)).toEqual(
      entries.filter((e) => !e.moved).map((e) => e.date),
    );
  });

  it('writes a recurring event for every exact series with an Outlook-safe rule', () => {
    for (const { arshjul } of builds) {
      const { events } = parse(arshjulToIcs(arshjul));
      const recurringIds = new Set(events.filter((e) => e.rrule).map((e) => e.uid.split('@')[0]));
      for (const s of arshjul.series) {
        const unmoved = arshjul.rings
          .flatMap((r) => r.entries)
          .filter((e) => e.series === s.id && !e.moved);
        const candidate =
          s.rrule !== null &&
          !s.approximate &&
          outlookSafeRule(s.rrule) !== null &&
          unmoved.length >= 2;
        expect(recurringIds.has(s.id), s.id).toBe(candidate);
      }
    }
  });

  it('bounds every RRULE with UNTIL, never uses BYWEEKNO, BYYEARDAY, COUNT or RDATE', () => {
    for (const { arshjul } of builds) {
      // The events' rules (the VTIMEZONE's own DST rules are not events).
      const ics = unfold(arshjulToIcs(arshjul)).replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE/, '');
      expect(ics).not.toMatch(/BYWEEKNO|BYYEARDAY|COUNT=|^RDATE/m);
      for (const line of ics.split('\r\n').filter((l) => l.startsWith('RRULE:'))) {
        expect(line).toMatch(/;UNTIL=\d{8}(T\d{6}Z)?$/);
        expect(outlookSafeRule(line)).not.toBeNull();
      }
    }
  });

  it('puts EXDATEs only on dates the rule gives within the series, never on a written date', () => {
    let checked = 0;
    for (const { arshjul } of builds) {
      const { events } = parse(arshjulToIcs(arshjul));
      const entries = arshjul.rings.flatMap((r) => r.entries);
      for (const e of events.filter((x) => x.rrule)) {
        const id = e.uid.split('@')[0]!;
        const series = arshjul.series.find((s) => s.id === id)!;
        const unmoved = new Set(
          entries.filter((x) => x.series === id && !x.moved).map((x) => x.date),
        );
        const start = isoOf(e.start);
        const until = [...unmoved].sort().at(-1)!;
        const ruleDates = rruleBetween(series.rrule!, series.dtstart!, start, until);
        for (const d of e.exdates) {
          expect(d >= start && d <= until).toBe(true);
          expect(ruleDates).toContain(d);
          expect(unmoved.has(d)).toBe(false);
          checked++;
        }
        // Skipped dates of the plan are among the EXDATEs when inside the bounds.
        for (const k of series.skipped)
          if (k.date > start && k.date < until) expect(e.exdates).toContain(k.date);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('writes every date on its own when the rule is not Outlook-safe, approximate or wrong', () => {
    const a = structuredClone(ammerud);
    const t41 = a.series.find((s) => s.id === 'T4.1')!;
    const t33 = a.series.find((s) => s.id === 'T3.3')!;
    const t64 = a.series.find((s) => s.id === 'T6.4')!;
    t41.rrule = 'FREQ=YEARLY;BYWEEKNO=34,38,42;BYDAY=MO';
    t33.approximate = true;
    t64.rrule = 'FREQ=WEEKLY;BYDAY=TU;WKST=MO'; // does not give the Monday dates
    const ics = arshjulToIcs(a);
    const { events } = parse(ics);
    for (const id of ['T4.1', 'T3.3', 'T6.4']) {
      const mine = events.filter((e) => inSeries(e.uid, id));
      expect(mine.every((e) => e.rrule === null)).toBe(true);
      expect(mine.map((e) => isoOf(e.start)).sort()).toEqual(
        a.rings
          .flatMap((r) => r.entries)
          .filter((e) => e.series === id)
          .map((e) => e.date)
          .sort(),
      );
    }
    expect(datesPerRing(a, events)).toEqual(entryDatesPerRing(a));
    expect(unfold(ics)).not.toMatch(/^RDATE/m);
  });
});

describe('arshjulToIcs: an ordinal weekday of the month', () => {
  it('writes «Første mandag i måneden» as a monthly RRULE with BYDAY=1MO that gives the same dates', () => {
    const a = buildArshjul(setCadence('T4.1', 'Første mandag i måneden'), {
      area: 'omrade-ammerud',
      year: oslo2025,
    });
    const { events } = parse(arshjulToIcs(a));
    const recurring = events.filter((e) => inSeries(e.uid, 'T4.1') && e.rrule);
    expect(recurring).toHaveLength(1);
    expect(recurring[0]!.rrule).toMatch(/^FREQ=MONTHLY;BYDAY=1MO;/);
    expect(outlookSafeRule('FREQ=MONTHLY;BYDAY=+1MO')).toEqual(['FREQ=MONTHLY', 'BYDAY=1MO']);
    const dates = events
      .filter((e) => inSeries(e.uid, 'T4.1'))
      .flatMap((e) => e.occurrences.map(isoOf))
      .sort();
    expect(dates).toEqual(
      a.rings
        .flatMap((r) => r.entries)
        .filter((e) => e.series === 'T4.1')
        .map((e) => e.date)
        .sort(),
    );
  });
});

describe('arshjulToIcs: UIDs', () => {
  it('scopes UIDs by area and keeps the school year in series UIDs', () => {
    const uids = parse(ammerudIcs).events.map((e) => e.uid);
    expect(uids).toContain('T4.1@2025-26@omrade-ammerud@arshjul.no');
    // A moved T4.1 meeting: its place in the series, not its date.
    const moved = ammerud.rings
      .flatMap((r) => r.entries)
      .find((e) => e.series === 'T4.1' && e.moved)!;
    const n = ammerud.series.find((s) => s.id === 'T4.1')!.entries.indexOf(moved.id) + 1;
    expect(uids).toContain(`T4.1+${n}@2025-26@omrade-ammerud@arshjul.no`);
    for (const u of uids) expect(u).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const all = parse(arshjulToIcs(buildOf('all').arshjul)).events.map((e) => e.uid);
    expect(all.every((u) => u.endsWith('@all@arshjul.no'))).toBe(true);
    const other = parse(arshjulToIcs(ammerud, { uidDomain: 'grorud.example' })).events;
    expect(other.map((e) => e.uid)).toEqual(
      uids.map((u) => u.replace(/arshjul\.no$/, 'grorud.example')),
    );
  });

  it('keeps the UID of a meeting whose date changes, so a re-import updates it', () => {
    const before = ammerud.rings.flatMap((r) => r.entries).find((e) => e.structureId === 'T4.4')!;
    const variant = buildArshjul(setCadence('T4.4', 'I mars'), {
      area: 'omrade-ammerud',
      year: oslo2025,
    });
    const after = variant.rings.flatMap((r) => r.entries).find((e) => e.structureId === 'T4.4')!;
    expect(after.date).not.toBe(before.date);
    const uid = (a: Arshjul, e: ArshjulEntry) =>
      parse(arshjulToIcs(a)).events.find((x) => x.uid.startsWith(uidOf(a, e)))!;
    expect(uid(variant, after).uid).toBe(uid(ammerud, before).uid);
    expect(isoOf(uid(variant, after).start)).toBe(after.date);
  });

  it('percent-encodes characters that are unsafe in a UID', () => {
    const uids = parse(ammerudIcs).events.map((e) => e.uid);
    expect(uids).toContain('ferie:h%C3%B8stferie+1@2025-26@omrade-ammerud@arshjul.no');
  });

  it('keeps T4.1 and its UIDs when another structure changes its cadence', () => {
    const edited = setCadence('T6.1', 'Hver andre uke');
    const variant = buildArshjul(edited, { area: 'omrade-ammerud', year: oslo2025 });
    const before = parse(ammerudIcs).events;
    const after = parse(arshjulToIcs(variant)).events;
    const byId = (list: ParsedEvent[], id: string) =>
      list.filter((e) => inSeries(e.uid, id)).map((e) => e.uid);
    // The edit took: T6.1 now meets every other week.
    expect(after.find((e) => e.uid.startsWith('T6.1@2025-26@'))!.rrule).toContain('INTERVAL=2');
    expect(byId(after, 'T4.1')).toEqual(byId(before, 'T4.1'));
    expect(byId(after, 'T4.1').length).toBeGreaterThan(1);
    const t41 = (ics: string) =>
      ics.split('BEGIN:VEVENT').filter((b) => b.startsWith('\r\nUID:T4.1@'));
    expect(t41(arshjulToIcs(variant))).toEqual(t41(ammerudIcs));
    // Everything not of T6.1 keeps its UID.
    const notT61 = (list: ParsedEvent[]) =>
      list
        .map((e) => e.uid)
        .filter((u) => !inSeries(u, 'T6.1'))
        .sort();
    expect(notT61(after)).toEqual(notT61(before));
  });
});

describe('arshjulToIcs: times of day', () => {
  const timedModel = setCadence('T4.1', 'Hver fjerde uke kl. 14:00-15:30');
  const timed = buildArshjul(timedModel, { area: 'omrade-ammerud', year: oslo2025 });
  const ics = arshjulToIcs(timed);
  const { events } = parse(ics);
  const t41 = timed.rings.flatMap((r) => r.entries).filter((e) => e.series === 'T4.1');

  it('has a timed T4.1 to test with', () => {
    expect(t41.length).toBeGreaterThan(2);
    expect(t41.every((e) => e.time?.start === '14:00' && e.time.end === '15:30')).toBe(true);
  });

  it('includes one Europe/Oslo VTIMEZONE with DST rules and TZID on timed events', () => {
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const lines = contentLines(ics);
    expect(lines).toContain('TZID:Europe/Oslo');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    const first = t41.find((e) => !e.moved)!.date.replace(/-/g, '');
    expect(lines).toContain(`DTSTART;TZID=Europe/Oslo:${first}T140000`);
    expect(lines).toContain(`DTEND;TZID=Europe/Oslo:${first}T153000`);
  });

  it('bounds the timed RRULE with UNTIL in UTC and excludes dates at the local time', () => {
    const series = events.find((e) => e.uid.startsWith('T4.1@2025-26@'))!;
    const last = t41.filter((e) => !e.moved).at(-1)!.date;
    const until = zonedInstant(last, '14:00').replace(/[-:]/g, '');
    expect(series.rrule).toContain(`UNTIL=${until}`);
    const exdates = contentLines(ics).filter((l) => l.startsWith('EXDATE;TZID=Europe/Oslo:'));
    expect(exdates.length).toBeGreaterThan(0);
    for (const l of exdates) expect(l).toMatch(/T140000$/);
  });

  it('gives every occurrence at 14:00 Oslo time on both sides of the DST change', () => {
    const mine = events.filter((e) => inSeries(e.uid, 'T4.1'));
    const starts = mine.flatMap((e) => e.occurrences);
    expect(starts.map(isoOf).sort()).toEqual(t41.map((e) => e.date).sort());
    for (const t of starts) {
      expect(t.toUnixTime() * 1000).toBe(Date.parse(zonedInstant(isoOf(t), '14:00')));
    }
    expect(datesPerRing(timed, events)).toEqual(entryDatesPerRing(timed));
  });

  it('defaults to one hour, across midnight when need be', () => {
    const a = structuredClone(ammerud);
    const entry = a.rings.find((r) => r.id === 'revisjon')!.entries[0]!;
    entry.time = { start: '23:30' };
    const lines = contentLines(arshjulToIcs(a));
    const day = entry.date.replace(/-/g, '');
    expect(lines).toContain(`DTSTART;TZID=Europe/Oslo:${day}T233000`);
    expect(lines).toContain(
      `DTEND;TZID=Europe/Oslo:${addDays(entry.date, 1).replace(/-/g, '')}T003000`,
    );
    expect(lines).toContain('BEGIN:VTIMEZONE');
  });
});

describe('folding and escaping', () => {
  it('folds a long Norwegian DESCRIPTION without splitting characters', () => {
    const a = structuredClone(ammerud);
    const entry = a.rings.find((r) => r.id === 'revisjon')!.entries[0]!;
    entry.responsible =
      'Rektorene på Ammerud, Rødtvet og Apalløkka; nærmiljøskolekoordinatoren (NSK), ' +
      'bydelens barnevernskoordinator og «Æ, Ø, Å»-gruppa – sammen med elevrådet 🎒 og FAU. ' +
      'Søknadsfrist for økonomisk støtte: første skoledag i året. '.repeat(3);
    const ics = arshjulToIcs(a);
    for (const line of physicalLines(ics)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split inside a character would leave a lone surrogate or a replacement character.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
    }
    const ev = parse(ics).events.find((e) => e.uid.startsWith(uidOf(a, entry)))!;
    expect(ev.description).toContain(`Ansvar: ${entry.responsible}`);
  });

  it('foldLine fills lines to 75 octets and unfolds to the original', () => {
    for (const text of ['a'.repeat(200), 'æøå'.repeat(60), `x${'🎒'.repeat(50)}`, 'kort']) {
      const folded = foldLine(text);
      const lines = folded.split('\r\n');
      expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
      for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
      // Only the last line may be short by more than one character.
      for (const l of lines.slice(0, -1)) expect(octets(l)).toBeGreaterThan(71);
      expect(folded.replace(/\r\n /g, '')).toBe(text);
    }
  });

  it('escapes TEXT so ical.js reads back the same title', () => {
    const a = structuredClone(ammerud);
    const entry = a.rings.find((r) => r.id === 'revisjon')!.entries[0]!;
    entry.title = 'Plan; revisjon, del 1\\2\nneste linje';
    expect(escapeText(entry.title)).toBe('Plan\\; revisjon\\, del 1\\\\2\\nneste linje');
    const ev = parse(arshjulToIcs(a)).events.find((e) => e.summary.startsWith('Plan;'))!;
    expect(ev.summary).toBe(entry.title);
  });
});

describe('outlookSafeRule', () => {
  it('accepts the Outlook recurrence templates, FREQ first, without UNTIL or COUNT', () => {
    expect(outlookSafeRule('FREQ=WEEKLY;INTERVAL=4;BYDAY=MO;WKST=MO')).toEqual([
      'FREQ=WEEKLY',
      'INTERVAL=4',
      'BYDAY=MO',
      'WKST=MO',
    ]);
    expect(outlookSafeRule('BYDAY=2TU;FREQ=MONTHLY;COUNT=5')).toEqual([
      'FREQ=MONTHLY',
      'BYDAY=2TU',
    ]);
    for (const ok of [
      'FREQ=DAILY;INTERVAL=2',
      'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260101',
      'FREQ=MONTHLY;BYDAY=-1FR',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=5',
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    ])
      expect(outlookSafeRule(ok), ok).not.toBeNull();
  });

  it('rejects what Outlook cannot map', () => {
    for (const bad of [
      'FREQ=YEARLY;BYWEEKNO=34;BYDAY=MO',
      'FREQ=YEARLY;BYYEARDAY=100',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1',
      'FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1,2',
      'FREQ=MONTHLY;BYDAY=1MO,3MO',
      'FREQ=MONTHLY;BYDAY=MO',
      'FREQ=WEEKLY;BYDAY=2MO',
      'FREQ=DAILY;BYDAY=MO',
      'FREQ=WEEKLY;BYDAY=MO;BYHOUR=14',
      'FREQ=HOURLY',
      'INTERVAL=2',
    ])
      expect(outlookSafeRule(bad), bad).toBeNull();
  });
});

describe('roleFilter', () => {
  const structureHas = (roleId: string) => {
    const collectives = new Map(grorud.collectives.map((c) => [c.id, c.members]));
    const expand = (refs: string[]): string[] =>
      refs.flatMap((r) => [r, ...expand(collectives.get(r) ?? [])]);
    return new Set(
      grorud.structures
        .filter((s) =>
          expand([...s.responsible, ...s.contributors, ...s.participants]).includes(roleId),
        )
        .map((s) => s.id),
    );
  };

  it('gives only the role’s items, named after the role', () => {
    for (const roleId of ['bvk', 'nsk', 'rektor']) {
      const role = roleFilter(grorud, roleId);
      const options: IcsOptions = { role };
      const ics = arshjulToIcs(ammerud, options);
      const { events } = parse(ics);
      const rules = new Map(grorud.revisions.map((r) => [r.id, r]));
      const structures = structureHas(roleId);
      const mine = (e: ArshjulEntry) =>
        e.kind !== 'break' &&
        ((e.structureId !== undefined && structures.has(e.structureId)) ||
          (e.revisionId !== undefined &&
            [
              ...rules.get(e.revisionId)!.draftedBy,
              ...rules.get(e.revisionId)!.input,
              ...rules.get(e.revisionId)!.decidedBy,
            ].includes(roleId)));
      expect(events.length).toBeGreaterThan(0);
      expect(datesPerRing(ammerud, events)).toEqual(entryDatesPerRing(ammerud, mine));
      expect(datesPerRing(ammerud, events)['ferier' satisfies RingId]).toBeUndefined();
      const name = grorud.roles.find((r) => r.id === roleId)!.title;
      expect(unfold(ics)).toContain(`X-WR-CALNAME:${escapeText(ammerud.title)} – ${name}`);
      // The same event has the same UID in the role's calendar as in the area's.
      const areaUids = new Set(parse(ammerudIcs).events.map((e) => e.uid));
      for (const e of events) expect(areaUids.has(e.uid), e.uid).toBe(true);
    }
  });

  it('leaves out structures where the role takes no part', () => {
    const bvk = roleFilter(grorud, 'bvk');
    const t41 = ammerud.rings.flatMap((r) => r.entries).find((e) => e.structureId === 'T4.1')!;
    const t61 = ammerud.rings.flatMap((r) => r.entries).find((e) => e.structureId === 'T6.1')!;
    expect(bvk.match(t41)).toBe(false);
    expect(bvk.match(t61)).toBe(true);
    expect(roleFilter(grorud, 'nsk').match(t41)).toBe(true);
  });

  it('throws UnknownRoleError with the known role ids', () => {
    expect(() => roleFilter(grorud, 'rektr')).toThrow(UnknownRoleError);
    try {
      roleFilter(grorud, 'rektr');
    } catch (e) {
      const err = e as UnknownRoleError;
      expect(err.known).toEqual(grorud.roles.map((r) => r.id));
      expect(err.message).toContain('rektr');
      expect(err.message).toContain('nsk');
    }
  });

  it('uses calendarName when given', () => {
    const ics = arshjulToIcs(ammerud, {
      calendarName: 'NSK, Ammerud',
      role: roleFilter(grorud, 'nsk'),
    });
    expect(contentLines(ics)).toContain('X-WR-CALNAME:NSK\\, Ammerud');
  });
});

describe('arshjulToIcs: a newcomer’s onboarding meetings', () => {
  // «Ny rektor på Rødtvet fra 5. januar»: Rødtvet is in Ammerud.
  const json = JSON.parse(grorudText) as {
    newcomers?: unknown[];
    onboarding: { id: string; trigger: { roles: string[] } }[];
  };
  const plan = json.onboarding.find((p) => p.trigger.roles.includes('rektor'))!;
  json.newcomers = [
    {
      id: 'ny-rektor-rodtvet',
      plan: plan.id,
      role: 'rektor',
      school: 'rodtvet',
      startsOn: '2026-01-05',
    },
  ];
  const loaded = loadModelText(JSON.stringify(json), { asOf: '2025-08-01' });
  const model = loaded.model!;
  const wheel = buildArshjul(model, { area: 'omrade-ammerud', year: oslo2025 });
  const meetings = wheel.rings.flatMap((r) => r.entries).filter((e) => e.newcomer);
  const { events } = parse(arshjulToIcs(wheel));

  it('writes each meeting with its agenda in DESCRIPTION, as a tentative date', () => {
    expect(loaded.errors).toEqual([]);
    const rektorPlan = model.onboarding.find((p) => p.id === plan.id)!;
    expect(meetings).toHaveLength(rektorPlan.meetings.length);
    for (const entry of meetings) {
      const event = events.find((e) => e.summary === entry.title)!;
      expect(event, entry.title).toBeDefined();
      expect(isoOf(event.start)).toBe(entry.date);
      for (const line of entry.details!) expect(event.description).toContain(line);
      for (const row of rektorPlan.meetings[entry.newcomer!.meeting]!.agenda)
        expect(event.description).toContain(row.content);
    }
    const text = unfold(arshjulToIcs(wheel));
    expect(text.match(/STATUS:TENTATIVE/g)!.length).toBeGreaterThanOrEqual(meetings.length);
  });

  it('is in the calendar of every role taking part', () => {
    const participants = new Set(meetings.flatMap((e) => e.participants ?? []));
    for (const role of model.roles) {
      const ics = arshjulToIcs(wheel, { role: roleFilter(model, role.id) });
      const titles = parse(ics).events.map((e) => e.summary);
      const has = meetings.some((e) => titles.includes(e.title));
      if (participants.has(role.id)) expect(has, role.id).toBe(true);
    }
    expect(participants.has('rektor')).toBe(true);
  });
});
