/**
 * Bad input gives a clear message that names what is wrong, exit 2 (1 for a phrase that is not
 * understood), and never a stack trace.
 */
import { describe, it, expect } from 'vitest';
import { cli, hasStackTrace } from '../test-fixtures/fake-io.js';

interface Case {
  name: string;
  args: string[];
  code: 1 | 2;
  /** Texts the message must contain (they name the problem). */
  says: (string | RegExp)[];
}

const CASES: Case[] = [
  // Unknown kommune
  {
    name: 'calendar with an unknown kommune',
    args: ['calendar', '--kommune', 'bergen', '--year', '2025-26'],
    code: 2,
    says: ['Ukjent kommune «bergen»', 'Kjente kommuner: oslo', '--data'],
  },
  {
    name: 'cadence with an unknown kommune',
    args: ['cadence', 'Hver uke', '--kommune', 'bergen', '--year', '2025-26'],
    code: 2,
    says: ['Ukjent kommune «bergen»'],
  },
  {
    name: 'cadence --json with an unknown kommune (a usage error, not a JSON answer)',
    args: ['cadence', 'Hver uke', '--kommune', 'bergen', '--json'],
    code: 2,
    says: ['Ukjent kommune «bergen»'],
  },
  {
    name: 'an empty kommune',
    args: ['calendar', '--kommune', ''],
    code: 2,
    says: ['Ukjent kommune «»'],
  },
  // Unknown or malformed school year
  {
    name: 'calendar with a school year without data',
    args: ['calendar', '--year', '2031-32'],
    code: 2,
    says: ['ingen skolerute for 2031-32', 'Kjente skoleår: 2024-25, 2025-26'],
  },
  {
    name: 'cadence with a school year without data',
    args: ['cadence', 'Hver uke', '--year', '2031-32', '--json'],
    code: 2,
    says: ['ingen skolerute for 2031-32'],
  },
  {
    name: 'a school year of two years that do not follow each other',
    args: ['calendar', '--year', '2025-27'],
    code: 2,
    says: ['«2025-27» er ikke et skoleår', '2025-26'],
  },
  {
    name: 'a school year that is not a year at all',
    args: ['cadence', 'Hver uke', '--year', 'i fjor'],
    code: 2,
    says: ['«i fjor» er ikke et skoleår', 'Skriv for eksempel 2025-26'],
  },
  {
    name: 'a date in a year without data',
    args: ['calendar', '--date', '2031-10-01'],
    code: 2,
    says: ['ingen skolerute for 2031-32'],
  },
  // Dates that do not exist
  {
    name: 'calendar --date 29 February in a year that is not a leap year',
    args: ['calendar', '--date', '2026-02-29'],
    code: 2,
    says: ['--date', 'Datoen 2026-02-29 finnes ikke', 'ikke et skuddår'],
  },
  {
    name: 'calendar --date with month 13',
    args: ['calendar', '--date', '2025-13-01'],
    code: 2,
    says: ['--date', 'måned 13 finnes ikke'],
  },
  {
    name: 'calendar --date 31 April',
    args: ['calendar', '--date', '2026-04-31'],
    code: 2,
    says: ['Datoen 2026-04-31 finnes ikke', '30 dager'],
  },
  {
    name: 'calendar --date that is not a date',
    args: ['calendar', '--date', '1. oktober'],
    code: 2,
    says: ['«1. oktober» er ikke en dato på formen ÅÅÅÅ-MM-DD'],
  },
  {
    name: 'calendar --date outside the --year',
    args: ['calendar', '--year', '2025-26', '--date', '2024-10-01'],
    code: 2,
    says: ['2024-10-01 ligger ikke i skoleåret 2025-26'],
  },
  {
    name: 'cadence --start 30 February',
    args: ['cadence', 'Hver uke', '--start', '2025-02-30'],
    code: 2,
    says: ['--start', 'Datoen 2025-02-30 finnes ikke'],
  },
  {
    name: 'cadence --event with a date that does not exist',
    args: [
      'cadence',
      'Ved budsjettlegging i bydelen',
      '--event',
      'budsjettlegging i bydelen=2025-11-31',
    ],
    code: 2,
    says: ['--event budsjettlegging i bydelen', 'Datoen 2025-11-31 finnes ikke'],
  },
  {
    name: 'cadence --event without a date',
    args: ['cadence', 'Ved budsjettlegging i bydelen', '--event', 'budsjettlegging i bydelen'],
    code: 2,
    says: ['--event skrives «navn=ÅÅÅÅ-MM-DD»'],
  },
  // Impossible rules and phrases that are not understood
  {
    name: 'an impossible rule: "hver 0. uke"',
    args: ['cadence', 'hver 0. uke', '--year', '2025-26'],
    code: 1,
    says: ['«hver 0. uke»', 'intervallet må være minst 1 (fikk 0)'],
  },
  {
    name: 'an impossible rule: "0 ganger i året"',
    args: ['cadence', '0 ganger i året', '--year', '2025-26'],
    code: 1,
    says: ['antallet må være minst 1'],
  },
  {
    name: 'an impossible rule: "8 ganger i uken"',
    args: ['cadence', '8 ganger i uken', '--year', '2025-26'],
    code: 1,
    says: ['8 ganger per uke er flere enn det er dager'],
  },
  {
    name: 'an impossible week: "uke 54"',
    args: ['cadence', 'uke 54', '--year', '2025-26'],
    code: 1,
    says: ['uke 54 finnes ikke'],
  },
  {
    name: 'a date in a phrase that does not exist: "31. april"',
    args: ['cadence', '31. april', '--year', '2025-26'],
    code: 1,
    says: ['«31. april»', 'datoen finnes ikke', 'april har 30 dager'],
  },
  {
    name: 'an invalid RRULE',
    args: ['cadence', 'FREQ=WEEKLY;INTERVAL=0', '--year', '2025-26'],
    code: 1,
    says: ['RRULE', 'INTERVAL=0 er utenfor'],
  },
  {
    name: 'an RRULE finer than an årshjul uses (would otherwise expand for minutes)',
    args: ['cadence', 'FREQ=SECONDLY', '--year', '2025-26'],
    code: 1,
    says: ['FREQ=SECONDLY', 'DAILY, WEEKLY, MONTHLY eller YEARLY'],
  },
  {
    name: 'an RRULE with a month that does not exist',
    args: ['cadence', 'FREQ=YEARLY;BYMONTH=13', '--year', '2025-26'],
    code: 1,
    says: ['BYMONTH=13'],
  },
  {
    name: 'a time of day that does not exist, naming the phrase',
    args: ['cadence', 'kl 25:00 hver uke', '--year', '2025-26'],
    code: 1,
    says: ['«kl 25:00 hver uke»', '25:00'],
  },
  {
    name: 'a phrase that says how many but not per what',
    args: ['cadence', 'To ganger', '--year', '2025-26'],
    code: 1,
    says: ['ikke per hva'],
  },
  {
    name: 'an empty phrase',
    args: ['cadence', '', '--year', '2025-26'],
    code: 1,
    says: ['Frasen er tom'],
  },
  {
    name: 'a phrase of only spaces',
    args: ['cadence', '   ', '--year', '2025-26'],
    code: 1,
    says: ['Frasen er tom'],
  },
  // Usage
  {
    name: 'cadence without a phrase',
    args: ['cadence', '--year', '2025-26'],
    code: 2,
    says: ['Skriv rytmen i anførselstegn'],
  },
  {
    name: 'cadence with the phrase not in quotes',
    args: ['cadence', 'Hver', 'fjerde', 'uke'],
    code: 2,
    says: ['Forventet én rytme i anførselstegn, fikk 3 ord'],
  },
  {
    name: 'calendar with an argument',
    args: ['calendar', 'oslo'],
    code: 2,
    says: ['calendar tar ingen argumenter', '«oslo»'],
  },
  {
    name: 'an unknown command',
    args: ['kalender'],
    code: 2,
    says: ['Ukjent kommando «kalender»', 'calendar, cadence'],
  },
  {
    name: 'an unknown option',
    args: ['calendar', '--aar', '2025-26'],
    code: 2,
    says: ['Ukjent valg «--aar»', 'arshjul --help'],
  },
  {
    name: 'an option without its value',
    args: ['calendar', '--year'],
    code: 2,
    says: ['Valget --year mangler en verdi'],
  },
  {
    name: 'a flag given a value',
    args: ['calendar', '--json=ja'],
    code: 2,
    says: ['--json tar ingen verdi'],
  },
  {
    name: 'an unknown language',
    args: ['cadence', 'Hver uke', '--lang', 'de'],
    code: 2,
    says: ['--lang må være nb, nn eller en (fikk «de»)'],
  },
  {
    name: 'an unknown policy',
    args: ['cadence', 'Hver uke', '--policy', 'hopp-over'],
    code: 2,
    says: [
      '--policy må være en av skip, next-school-day, previous-school-day, keep',
      '«hopp-over»',
    ],
  },
];

describe('bad input', () => {
  it.each(CASES)('$name → exit $code', async ({ args, code, says }) => {
    const r = await cli(args);
    const text = `${r.out}\n${r.err}`;
    expect(r.code).toBe(code);
    for (const s of says) {
      if (typeof s === 'string') expect(text).toContain(s);
      else expect(text).toMatch(s);
    }
    expect(hasStackTrace(text)).toBe(false);
    expect(text).not.toContain('uventet feil');
    if (code === 2) {
      // Usage errors go to stderr, prefixed with the program's name; stdout stays clean for pipes.
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^arshjul: /);
    }
  });

  it.each([
    ['hver 0. uke', /intervallet må være minst 1/],
    ['', /Frasen er tom/],
  ])(
    'cadence "%s" --json still answers with JSON (understood false), exit 1',
    async (text, reason) => {
      const r = await cli(['cadence', text, '--year', '2025-26', '--json']);
      expect(r.code).toBe(1);
      expect(r.err).toBe('');
      const body = r.json<{
        text: string;
        understood: boolean;
        reason: string;
        occurrences: unknown[];
      }>();
      expect(body.text).toBe(text);
      expect(body.understood).toBe(false);
      expect(body.reason).toMatch(reason);
      expect(body.occurrences).toEqual([]);
    },
  );

  it('checks the calendar before the phrase: an unknown year is exit 2 even for a bad phrase', async () => {
    const r = await cli(['cadence', 'hver 0. uke', '--year', '2031-32', '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('2031-32');
  });
});
