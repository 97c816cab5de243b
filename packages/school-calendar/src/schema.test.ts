import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import {
  calendarJsonSchema,
  parseCalendarFile,
  schoolYearNameSchema,
  CALENDAR_SCHEMA_VERSION,
} from './schema.js';
import { ArshjulError } from './errors.js';

const DOCS_SCHEMA = new URL('../../../docs/school-calendar.schema.json', import.meta.url);

describe('docs/school-calendar.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing schema.ts)', () => {
    expect(existsSync(DOCS_SCHEMA)).toBe(true);
    const committed = readFileSync(DOCS_SCHEMA, 'utf8');
    expect(JSON.parse(committed)).toEqual(calendarJsonSchema());
    expect(committed).toBe(JSON.stringify(calendarJsonSchema(), null, 2) + '\n');
  });

  it('is the file the bundled data points to with $schema', () => {
    const dataUrl = new URL('./data/oslo.json', import.meta.url);
    const data = JSON.parse(readFileSync(dataUrl, 'utf8')) as { $schema: string };
    expect(new URL(data.$schema, dataUrl).href).toBe(DOCS_SCHEMA.href);
  });

  it('describes the file format for editors', () => {
    const schema = calendarJsonSchema() as {
      required: string[];
      properties: { years: { items: { required: string[]; properties: Record<string, object> } } };
    };
    expect(schema.required).toEqual(['schemaVersion', 'kommune', 'years']);
    const year = schema.properties.years.items;
    expect(year.required).toEqual(['year', 'status', 'firstSchoolDay', 'lastSchoolDay']);
    expect(year.properties.firstSchoolDay).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('parseCalendarFile', () => {
  const minimal = {
    schemaVersion: CALENDAR_SCHEMA_VERSION,
    kommune: { id: 'test', name: 'Test' },
    years: [
      {
        year: '2025-26',
        status: 'user',
        firstSchoolDay: '2025-08-18',
        lastSchoolDay: '2026-06-19',
      },
    ],
  };

  it('fills in defaults', () => {
    const f = parseCalendarFile(minimal);
    expect(f.kommune.timeZone).toBe('Europe/Oslo');
    expect(f.years[0]).toMatchObject({ breaks: [], daysOff: [] });
  });

  it('rejects an unknown schema version and a badly written date, naming the field', () => {
    let error: unknown;
    try {
      parseCalendarFile(
        {
          ...minimal,
          schemaVersion: 2,
          years: [{ ...minimal.years[0], lastSchoolDay: '19.06.2026' }],
        },
        'test.json',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArshjulError);
    const message = (error as ArshjulError).message;
    expect(message).toContain('test.json schemaVersion');
    expect(message).toContain('test.json years[0].lastSchoolDay: er ikke en dato på formen');
  });

  it('names the root when the file is not an object', () => {
    expect(() => parseCalendarFile([], 'liste.json')).toThrow(/liste\.json \(roten\)/);
  });
});

describe('school-year names in data files', () => {
  it('accept a year followed by the next, also across a century', () => {
    expect(schoolYearNameSchema.safeParse('2025-26').success).toBe(true);
    expect(schoolYearNameSchema.safeParse('2099-00').success).toBe(true);
  });

  it('refuse a span that is not one school year, with a message saying why', () => {
    for (const bad of ['2025-27', '2022-99', '2025-25']) {
      const r = schoolYearNameSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/^er ikke et skoleår/);
    }
    expect(schoolYearNameSchema.safeParse('2025/26').error!.issues).toHaveLength(1);
  });
});
