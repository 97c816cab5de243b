import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  fileTooLarge,
  lineColumn,
  loadModelText,
  locateJsonError,
  scanJson,
} from './load.js';
import { formatIssue } from './messages.js';
import { GRORUD_PATH, MINI_PATH, readText } from '../test-fixtures/fixtures.js';

const AS_OF = '2025-10-01';

function oneError(text: string, options: Partial<Parameters<typeof loadModelText>[1]> = {}) {
  const r = loadModelText(text, { asOf: AS_OF, ...options });
  expect(r.valid).toBe(false);
  expect(r.model).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
}

describe('loadModelText', () => {
  it('loads the Grorud model', () => {
    const r = loadModelText(readText(GRORUD_PATH), { asOf: AS_OF, source: 'grorudmodellen.json' });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.model?.id).toBeTruthy();
    expect(r.summary?.structures).toEqual({
      strategisk: 11,
      organisatorisk: 4,
      operativt: 22,
      total: 37,
    });
    expect(r.source).toBe('grorudmodellen.json');
  });

  it('accepts a byte-order mark and Windows line ends', () => {
    const text = '\uFEFF' + readText(MINI_PATH).replace(/\n/g, '\r\n');
    const r = loadModelText(text, { asOf: AS_OF });
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('refuses a file over 20 MB, before parsing it', () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    const huge = '{' + ' '.repeat(21 * 1024 * 1024) + '}';
    const started = Date.now();
    const e = oneError(huge);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e).toMatchObject({ path: '', code: 'file.too-large', severity: 'error' });
    expect(e.message).toBe('Fila er for stor (21 MB); grensen er 20 MB.');
    expect(oneError(huge, { lang: 'en' }).message).toBe(
      'The file is too large (21 MB); the limit is 20 MB.',
    );
  });

  it('says before reading whether a file of a size is too large', () => {
    expect(fileTooLarge(DEFAULT_MAX_BYTES)).toBeNull();
    expect(fileTooLarge(21 * 1024 * 1024, { lang: 'en' })).toMatchObject({
      path: '',
      code: 'file.too-large',
      severity: 'error',
      message: 'The file is too large (21 MB); the limit is 20 MB.',
    });
    expect(fileTooLarge(1001, { maxBytes: 1000 })?.message).toBe(
      'Fila er for stor (1001 byte); grensen er 1000 byte.',
    );
  });

  it('honours a smaller limit, counting bytes (not characters)', () => {
    const text = readText(MINI_PATH);
    expect(oneError(text, { maxBytes: 1000 }).message).toMatch(
      /^Fila er for stor \(\d+,\d kB\); grensen er 1000 byte\.$/,
    );
    // «"æøå"» is 5 characters but 8 bytes in UTF-8
    expect(oneError('"æøå"', { maxBytes: 8 }).code).toBe('model.not-an-object');
    expect(oneError('"æøå"', { maxBytes: 7 }).message).toBe(
      'Fila er for stor (8 byte); grensen er 7 byte.',
    );
  });

  it('says when the file is empty', () => {
    expect(formatIssue(oneError('  \n'))).toBe('(roten): Fila er tom.');
    expect(oneError('\uFEFF', { lang: 'en' }).message).toBe('The file is empty.');
  });

  it.each([
    [
      'a comma too many',
      '{\n  "schemaVersion": 1,\n  "id": "x",\n}',
      'Fila er ikke gyldig JSON: ventet et feltnavn i doble anførselstegn (et komma for mye?) på linje 4, kolonne 1: «}»',
    ],
    [
      'a missing comma',
      '{\n  "schemaVersion": 1\n  "id": "x"\n}',
      'Fila er ikke gyldig JSON: ventet «,» eller «}» etter verdien (mangler et komma?) på linje 3, kolonne 3: «"id": "x"»',
    ],
    [
      'a missing comma in a list',
      '{\n  "structures": [\n    {} {}\n  ]\n}',
      'Fila er ikke gyldig JSON: ventet «,» eller «]» etter elementet (mangler et komma?) på linje 3, kolonne 8: «{} {}»',
    ],
    [
      'a line break inside a text',
      '{\n  "name": "Grorud\nmodellen"\n}',
      'Fila er ikke gyldig JSON: linjeskift eller tabulator inne i en tekst (skriv \\n) på linje 2, kolonne 18: «"name": "Grorud»',
    ],
    [
      'the file ends too early',
      '{\n  "name": "Grorudmodellen",\n  "structures": [',
      'Fila er ikke gyldig JSON: fila slutter for tidlig på linje 3, kolonne 18: «"structures": [»',
    ],
    [
      'single quotes',
      "{ 'name': 'x' }",
      "Fila er ikke gyldig JSON: ventet et feltnavn i doble anførselstegn eller «}» på linje 1, kolonne 3: «{ 'name': 'x' }»",
    ],
    [
      'a misspelt literal',
      '{\n  "lint": tru\n}',
      'Fila er ikke gyldig JSON: uventet tegn «\n» på linje 2, kolonne 14: «"lint": tru»',
    ],
    [
      'content after the end',
      '{ "a": 1 }\n{ "b": 2 }',
      'Fila er ikke gyldig JSON: mer innhold etter slutten av modellen på linje 2, kolonne 1: «{ "b": 2 }»',
    ],
  ])('broken JSON: %s', (_what, text, message) => {
    const e = oneError(text);
    expect(e).toMatchObject({ path: '', code: 'json.syntax', severity: 'error' });
    expect(e.message).toBe(message);
  });

  it('gives line and column in English too, counting after a byte-order mark', () => {
    const e = oneError('\uFEFF{\n  "a": 1,\n}', { lang: 'en' });
    expect(e.message).toBe(
      'The file is not valid JSON: expected a field name in double quotes (a comma too many?) at line 3, column 1: «}»',
    );
    expect(e.params).toMatchObject({ line: 3, column: 1 });
  });

  it('cuts a long line down to a short excerpt', () => {
    const long = `{"description": "${'x'.repeat(200)}" "id": "a"}`;
    const e = oneError(long);
    expect(e.params?.column).toBe(220);
    expect(e.params?.excerpt).toBe(`…${'x'.repeat(33)}" "id": "a"}`);
  });

  it('never throws, even when given something that is not text', () => {
    const r = loadModelText(42 as unknown as string, { asOf: AS_OF });
    expect(r.errors.map((e) => e.code)).toEqual(['internal']);
  });

  it('never reads the clock: without a date (from JavaScript) it says the date is missing', () => {
    const text = readText(MINI_PATH);
    const r = loadModelText(text, undefined as unknown as { asOf: string });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => [e.code, e.params?.detail])).toEqual([
      [
        'internal',
        'Error: the asOf option (the day that decides which schools take part, YYYY-MM-DD) is required',
      ],
    ]);
    expect(r.summary).toBeNull();
    // what is wrong with the file itself needs no date
    expect(loadModelText('{', {} as { asOf: string }).errors[0]!.code).toBe('json.syntax');
  });
});

describe('where JSON.parse failed', () => {
  it('reads «line L column C» from newer Node versions', () => {
    const text = '{\n  "a": 1,\n}';
    expect(
      locateJsonError(text, 'Expected double-quoted property name in JSON at line 3 column 1'),
    ).toMatchObject({ position: 12, line: 3, column: 1, excerpt: '}' });
  });

  it('scans for the position when the message has none', () => {
    expect(scanJson('{"a": 1}')).toBeUndefined();
    expect(scanJson('[1, 2, {"a": [true, false, null, -1.5e3, "x\\u00e6"]}]')).toBeUndefined();
    expect(scanJson('{"a": tru}')).toBe(9);
    expect(scanJson('{"a": 1,}')).toBe(8);
    expect(scanJson('[1 2]')).toBe(3);
    expect(scanJson('{"a" 1}')).toBe(5);
    expect(scanJson('{"a": "x\\q"}')).toBe(9);
    expect(scanJson('{"a": 01}')).toBe(7);
    expect(scanJson('{"a": [')).toBe(7);
    expect(scanJson('{} x')).toBe(3);
    expect(scanJson('['.repeat(100000))).toBe(100000);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
