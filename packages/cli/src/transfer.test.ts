import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, hasStackTrace, REPO_ROOT } from '../test-fixtures/fake-io.js';

const GRORUD = join(REPO_ROOT, 'examples/grorud/grorudmodellen.json');
const GRORUD_NEXT = join(REPO_ROOT, 'examples/grorud/grorudmodellen-2026-27.json');
const MAPPING = join(REPO_ROOT, 'examples/nordre-lia/kartlegging.json');
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const json = <T = Record<string, unknown>>(bytes: Uint8Array | undefined) =>
  JSON.parse(text(bytes)) as T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits of free-form JSON
type Json = Record<string, any>;
const mapping = () => JSON.parse(readFileSync(MAPPING, 'utf8')) as Json;

describe('arshjul adapt', { timeout: 60_000 }, () => {
  it('writes the adapted model and prints the adaptation report', async () => {
    const r = await cli([
      'adapt',
      GRORUD,
      '--mapping',
      MAPPING,
      '--out',
      'nl.json',
      '--date',
      '2025-06-10',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const model = json<{ name: string; upstream: { adoptedOn: string } }>(r.written.get('nl.json'));
    expect(model.name).toBe('Nordre Lia-modellen');
    expect(model.upstream.adoptedOn).toBe('2025-06-10');
    expect(r.out).toContain('Skrev nl.json: «Nordre Lia-modellen» tilpasset fra «Grorudmodellen».');
    for (const heading of ['Tatt i bruk', 'Endret lokalt', 'Ikke tatt med', 'Må avgjøres'])
      expect(r.out).toContain(heading);
    expect(r.out).toMatch(/struktur T4\.1: rytme: «Hver fjerde uke» → «Cirka hver sjette uke»/);
  });

  it('writes a starter mapping to fill in', async () => {
    const r = await cli(['adapt', GRORUD, '--starter', 'start.json']);
    expect(r.code).toBe(0);
    const starter = json<{ mappingVersion: number; source: { model: string } }>(
      r.written.get('start.json'),
    );
    expect(starter).toMatchObject({ mappingVersion: 1, source: { model: 'grorudmodellen' } });
    expect(r.out).toContain('Skrev en kartlegging å fylle ut: start.json');
  });

  it.each([
    [
      'a school that does not exist',
      (m: Json) => void (m.structures.perSchool['T4.1'] = ['lia', 'finnes-ikke']),
      /structures\.perSchool\["T4\.1"\]\[1\]: Skolen «finnes-ikke» finnes ikke/,
    ],
    [
      'a role that does not exist',
      (m: Json) => void (m.roles.nks = 'oppvekstkoordinator'),
      /roles\.nks.*mente du «nsk»/s,
    ],
    [
      'a role mapped twice',
      (m: Json) => void (m.roles.seksjonssjef = 'oppvekstkoordinator'),
      /oppvekstkoordinator/,
    ],
  ])('refuses a mapping with %s, precisely, writing nothing', async (_what, edit, message) => {
    const m = mapping();
    edit(m);
    const r = await cli(['adapt', GRORUD, '--mapping', 'm.json', '--out', 'x.json'], {
      files: { 'm.json': JSON.stringify(m) },
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/kartleggingen kan ikke brukes .* ingenting er skrevet/);
    expect(r.err).toMatch(message);
    expect(r.written.size).toBe(0);
    expect(hasStackTrace(r.err)).toBe(false);
  });

  it('refuses a source that is not a model, and a mapping that is not JSON', async () => {
    const notModel = await cli(['adapt', 'k.json', '--mapping', MAPPING, '--out', 'x.json'], {
      files: { 'k.json': '{"hei": 1}' },
    });
    expect(notModel.code).toBe(1);
    expect(notModel.written.size).toBe(0);
    const broken = await cli(['adapt', GRORUD, '--mapping', 'm.json', '--out', 'x.json'], {
      files: { 'm.json': '{"mappingVersion": 1,' },
    });
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/m\.json/);
    expect(broken.written.size).toBe(0);
  });
});

describe('privacy in transfer files', { timeout: 60_000 }, () => {
  const EMAIL = 'kari.nordmann@bydel-grorud.oslo.kommune.no';
  const PHONE = '+47 912 34 567';
  const source = () => {
    const g = JSON.parse(readFileSync(GRORUD, 'utf8')) as Json;
    g.structures[0].description += ` Kontakt ${EMAIL} eller ring ${PHONE}.`;
    g.glossary[0].description = `Spør NSK på 22 33 44 55 eller ${EMAIL}.`;
    g.roles[0].assignments[0].person = { name: 'Kari Nordmann', email: EMAIL, phone: PHONE };
    return JSON.stringify(g);
  };

  it('adapt, strip and update never write an e-mail address or a phone number', async () => {
    const files = { 'kilde.json': source() };
    const adapted = await cli(['adapt', 'kilde.json', '--mapping', MAPPING, '--out', 'nl.json'], {
      files,
    });
    const stripped = await cli(['strip', 'kilde.json', '--out', 'delt.json'], { files });
    expect(adapted.code).toBe(0);
    expect(stripped.code).toBe(0);
    expect(stripped.out).toMatch(/fjernet \d+ personopplysninger/);
    const nl = text(adapted.written.get('nl.json'));
    const updated = await cli(['update', 'nl.json', '--from', 'kilde.json', '--out', 'ny.json'], {
      files: { ...files, 'nl.json': nl },
    });
    for (const out of [
      nl,
      text(stripped.written.get('delt.json')),
      text(updated.written.get('ny.json')),
    ]) {
      expect(out.length).toBeGreaterThan(1000);
      for (const secret of [EMAIL, PHONE, '912 34 567', '22 33 44 55', 'Kari Nordmann'])
        expect(out).not.toContain(secret);
    }
  });
});

describe('arshjul update', { timeout: 60_000 }, () => {
  it('merges Grorud 2026-27 into Nordre Lia: one change applied, local changes kept, a conflict listed (exit 1)', async () => {
    const adapted = await cli([
      'adapt',
      GRORUD,
      '--mapping',
      MAPPING,
      '--out',
      'nl.json',
      '--date',
      '2025-06-10',
    ]);
    const r = await cli(
      ['update', 'nl.json', '--from', GRORUD_NEXT, '--out', 'ny.json', '--date', '2026-06-01'],
      {
        files: { 'nl.json': text(adapted.written.get('nl.json')) },
      },
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'Endringer fra kilden som er tatt inn (1):\n  struktur T1.2: beskrivelse',
    );
    expect(r.out).toContain('Nytt fra kilden, tatt i bruk (1):\n  struktur T5.8');
    expect(r.out).toContain(
      'Lokale endringer som er beholdt (2):\n  struktur T4.7: rytme\n  struktur T6.7: navn',
    );
    expect(r.out).toContain(
      '  struktur T4.1: rytme\n      før: «Hver fjerde uke»\n      lokalt: «Cirka hver sjette uke»\n      kilden nå: «Hver tredje uke»',
    );
    expect(json<{ upstream: { version: string } }>(r.written.get('ny.json')).upstream.version).toBe(
      '2026-27',
    );
  });

  it('lists the pending conflict and decides it with arshjul resolve', async () => {
    const adapted = await cli(['adapt', GRORUD, '--mapping', MAPPING, '--out', 'nl.json']);
    const updated = await cli(['update', 'nl.json', '--from', GRORUD_NEXT, '--out', 'ny.json'], {
      files: { 'nl.json': text(adapted.written.get('nl.json')) },
    });
    const files = { 'ny.json': text(updated.written.get('ny.json')) };
    const list = await cli(['resolve', 'ny.json'], { files });
    expect(list.code).toBe(1);
    expect(list.out).toContain('struktur T4.1: rytme (--item T4.1 --field cadence)');
    const take = await cli(
      ['resolve', 'ny.json', '--item', 'T4.1', '--take', 'kilden', '--out', 'avgjort.json'],
      { files },
    );
    expect(take.code).toBe(0);
    expect(take.out).toContain('T4.1 rytme — kildens verdi er tatt inn. Ingen konflikter igjen.');
    const decided = json<{
      structures: { id: string; cadence: { text: string; rule: { every: number } } }[];
    }>(take.written.get('avgjort.json'));
    const t41 = decided.structures.find((s) => s.id === 'T4.1')!;
    expect(t41.cadence.text).toBe('Hver tredje uke');
    expect(t41.cadence.rule.every).toBe(3);
    const unknown = await cli(
      ['resolve', 'ny.json', '--item', 'T9.9', '--take', 'lokalt', '--out', 'x.json'],
      { files },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Ingen konflikt for «T9.9»');
    expect(unknown.written.size).toBe(0);
  });

  it('refuses an update from a different source model, writing nothing', async () => {
    const adapted = await cli(['adapt', GRORUD, '--mapping', MAPPING, '--out', 'nl.json']);
    const other = JSON.parse(readFileSync(GRORUD_NEXT, 'utf8')) as Record<string, unknown>;
    other.id = 'alnamodellen';
    other.name = 'Alnamodellen';
    const r = await cli(['update', 'nl.json', '--from', 'alna.json', '--out', 'ny.json'], {
      files: {
        'nl.json': text(adapted.written.get('nl.json')),
        'alna.json': JSON.stringify(other),
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Oppdateringen er fra «Alnamodellen» (alnamodellen)');
    expect(r.err).toContain('Ingenting er skrevet.');
    expect(r.written.size).toBe(0);
  });
});

describe('arshjul update: versions', { timeout: 60_000 }, () => {
  it('refuses to go back to an older version of the source, writing nothing', async () => {
    const r = await cli([
      'update',
      join(REPO_ROOT, 'examples/nordre-lia/nordre-lia-modellen-2026-27.json'),
      '--from',
      GRORUD,
      '--out',
      'tilbake.json',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2025-26 er eldre enn versjonen');
    expect(r.err).not.toContain('arshjul --help');
    expect(r.written.size).toBe(0);
  });
});
