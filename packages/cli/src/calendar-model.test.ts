/**
 * A model that carries its own school calendar (`schoolCalendar`) and newcomers: `arshjul build`
 * resolves the school year through the model's years (the app does the same), --data still
 * corrects them, and the newcomers' onboarding meetings reach the calendar file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, REPO_ROOT } from '../test-fixtures/fake-io.js';

const GRORUD = join(REPO_ROOT, 'examples/grorud/grorudmodellen.json');
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

/** The Fjelldal test skoleruta's 2025-26 as Oslo's (autumn break in week 41, not 40). */
const OWN_YEAR = (
  JSON.parse(readFileSync(fixture('fjelldal-2025-26.json'), 'utf8')) as { years: unknown[] }
).years[0] as { breaks: { kind: string; from: string; to: string }[]; source: string };

function model(change: (m: Record<string, unknown>) => void): string {
  const m = JSON.parse(readFileSync(GRORUD, 'utf8')) as Record<string, unknown>;
  change(m);
  return JSON.stringify(m);
}

/** DTSTART;VALUE=DATE of the first event whose SUMMARY is `summary`. */
function startOf(ics: string, summary: string): string | undefined {
  for (const event of unfold(ics).split('BEGIN:VEVENT').slice(1)) {
    if (!event.includes(`\r\nSUMMARY:${summary}\r\n`)) continue;
    return /DTSTART;VALUE=DATE:(\d{8})/.exec(event)?.[1];
  }
  return undefined;
}
const compact = (iso: string) => iso.replace(/-/g, '');

describe("arshjul build with the model's own school calendar", { timeout: 120_000 }, () => {
  const withYear = model((m) => (m.schoolCalendar = { years: [OWN_YEAR] }));
  const args = ['build', 'modell.json', '--area', 'omrade-ammerud', '--year', '2025-26'];
  const autumn = OWN_YEAR.breaks.find((b) => b.kind === 'høstferie')!;

  it('puts the model’s breaks in the årshjul', async () => {
    const r = await cli([...args, '--out', 'ut', '--formats', 'ics'], {
      files: { 'modell.json': withYear },
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ics = text(r.written.get('ut/arshjul-ammerud-2025-26.ics'));
    expect(startOf(ics, 'høstferie')).toBe(compact(autumn.from));
    // Without it, the bundled (derived) Oslo year is used: another week.
    const plain = await cli([...args, '--out', 'ut', '--formats', 'ics'], {
      files: { 'modell.json': model(() => {}) },
    });
    const bundled = startOf(text(plain.written.get('ut/arshjul-ammerud-2025-26.ics')), 'høstferie');
    expect(bundled).toBeDefined();
    expect(bundled).not.toBe(compact(autumn.from));
  });

  it('--data still corrects the model’s year', async () => {
    const correction = JSON.stringify({
      schemaVersion: 1,
      kommune: { id: 'oslo', name: 'Oslo' },
      years: [
        {
          ...OWN_YEAR,
          breaks: OWN_YEAR.breaks.map((b) =>
            b.kind === 'høstferie' ? { ...b, from: '2025-10-13', to: '2025-10-17' } : b,
          ),
        },
      ],
    });
    const r = await cli([...args, '--out', 'ut', '--formats', 'ics', '--data', 'rettelse.json'], {
      files: { 'modell.json': withYear, 'rettelse.json': correction },
    });
    expect(r.code).toBe(0);
    expect(startOf(text(r.written.get('ut/arshjul-ammerud-2025-26.ics')), 'høstferie')).toBe(
      '20251013',
    );
  });

  it("writes a new rektor's onboarding meetings, with the agenda, into the calendar", async () => {
    const withNewcomer = model((m) => {
      const plans = m.onboarding as { id: string; trigger: { roles: string[] } }[];
      const plan = plans.find((p) => p.trigger.roles.includes('rektor'))!;
      m.newcomers = [
        {
          id: 'ny-rektor-rodtvet',
          plan: plan.id,
          role: 'rektor',
          school: 'rodtvet',
          startsOn: '2026-01-05',
        },
      ];
    });
    const r = await cli([...args, '--out', 'ut', '--formats', 'ics'], {
      files: { 'modell.json': withNewcomer },
    });
    expect(r.err).toBe('');
    const ics = unfold(text(r.written.get('ut/arshjul-ammerud-2025-26.ics')));
    expect(ics).toMatch(/SUMMARY:Oppstart ny rektor\\, Rødtvet barneskole: Møte 1 \(15–30 min\)/);
    expect(ics).toMatch(/SUMMARY:Oppstart ny rektor\\, Rødtvet barneskole: Møte 2 \(60 min\)/);
    expect(ics).toContain('Gjennomgang av bydelskatalogen');
    expect(ics).toContain('Kaller inn: NSK');
  });
});
