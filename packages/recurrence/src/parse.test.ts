import { describe, expect, it } from 'vitest';
import {
  cadenceSchema,
  parseCadence,
  renderCadence,
  renderRule,
  ruleSchema,
  suggestPhrase,
  type Rule,
} from './index.js';

function rule(text: string): Rule {
  const r = parseCadence(text);
  if (!r.ok) throw new Error(`${text}: ${r.reason}`);
  return r.cadence.rule;
}

describe('tolerant reading', () => {
  it.each([
    ['Hver fjerde uke'],
    ['hver 4. uke'],
    ['Hver 4 uke'],
    ['hver 4.uke'],
    ['HVER FJERDE UKE!!'],
    ['  hver  fjerde   uke. '],
    ['Kvar fjerde veke'],
    ['kvar 4. veke'],
  ])('«%s» is every fourth week', (text) => {
    expect(rule(text)).toEqual({ kind: 'interval', every: 4, unit: 'week' });
  });

  it.each([['hver 14. dag'], ['hver 14 dag'], ['Hver fjortende dag'], ['kvar 14. dag']])(
    '«%s» is every 14 days',
    (text) => {
      expect(rule(text)).toEqual({ kind: 'interval', every: 14, unit: 'day' });
    },
  );

  it.each([
    ['1xmnd'],
    ['1x mnd.'],
    ['en gang i måneden'],
    ['Ein gong i månaden'],
    ['månedlig'],
    ['hver måned'],
    ['1 gang per måned'],
  ])('«%s» is once a month', (text) =>
    expect(rule(text)).toEqual({ kind: 'count', min: 1, max: 1, per: 'month' }),
  );

  it('reads numerals and words alike', () => {
    expect(rule('to ganger i året')).toEqual(rule('2 ganger i året'));
    expect(rule('2x i året')).toEqual(rule('to ganger i året'));
    expect(rule('annenhver uke')).toEqual({ kind: 'interval', every: 2, unit: 'week' });
    expect(rule('hver andre uke')).toEqual({ kind: 'interval', every: 2, unit: 'week' });
  });

  it('reads the kinds other districts bring', () => {
    expect(rule('ca. hver 3. uke')).toEqual({
      kind: 'interval',
      every: 3,
      unit: 'week',
      approximate: true,
    });
    expect(rule('Om lag kvar tredje veke')).toEqual({
      kind: 'interval',
      every: 3,
      unit: 'week',
      approximate: true,
    });
    expect(rule('to ganger per halvår')).toEqual({ kind: 'count', min: 2, max: 2, per: 'half' });
    expect(rule('i løpet av høsten')).toEqual({
      kind: 'count',
      min: 1,
      max: 1,
      per: 'year',
      within: { kind: 'half', half: 'høst' },
    });
    expect(rule('i februar')).toEqual({
      kind: 'count',
      min: 1,
      max: 1,
      per: 'year',
      within: { kind: 'month', month: 2 },
    });
    expect(rule('Hyppigheten avtales med hver skole')).toEqual({ kind: 'school-choice' });
    expect(rule('jevnlig')).toEqual({ kind: 'qualitative', word: 'jevnlig' });
    expect(rule('faste møter')).toEqual({ kind: 'qualitative', word: 'fast' });
    expect(rule('kort tid etter oppstartsmøtet')).toEqual({
      kind: 'event',
      event: 'oppstartsmøtet',
      relation: 'after',
      approximate: true,
    });
    expect(rule('mandag–torsdag')).toEqual({
      kind: 'interval',
      every: 1,
      unit: 'week',
      weekdays: [1, 2, 3, 4],
    });
    expect(rule('Hver onsdag kl. 18-20')).toEqual({
      kind: 'interval',
      every: 1,
      unit: 'week',
      weekdays: [3],
      time: { start: '18:00', end: '20:00' },
    });
  });

  it('reads anchors in the school calendar', () => {
    expect(rule('første skoledag')).toEqual({ kind: 'anchor', anchor: 'skolestart' });
    expect(rule('siste skoledag før jul')).toEqual({ kind: 'anchor', anchor: 'før-juleferie' });
    expect(rule('første skoledag etter vinterferien')).toEqual({
      kind: 'anchor',
      anchor: 'etter-vinterferie',
    });
    expect(rule('2 uker før sommerferien')).toEqual({
      kind: 'anchor',
      anchor: 'sommerferie.start',
      offset: { amount: -2, unit: 'week' },
    });
    expect(rule('uka før vinterferien')).toEqual({
      kind: 'anchor',
      anchor: 'vinterferie.start',
      offset: { amount: -1, unit: 'week' },
    });
    expect(rule('uke 40')).toEqual({ kind: 'week', week: 40 });
    expect(rule('14. oktober')).toEqual({ kind: 'date', month: 10, day: 14 });
  });

  it('keeps a written RRULE as it is, checked', () => {
    expect(rule('RRULE:FREQ=MONTHLY;BYDAY=2TU')).toEqual({
      kind: 'rrule',
      rrule: 'FREQ=MONTHLY;BYDAY=+2TU',
    });
  });

  it('finds the rhythm inside a sentence from the source', () => {
    expect(rule('faste møter med seksjonssjefene under oppvekst hver 14 dag')).toEqual({
      kind: 'interval',
      every: 14,
      unit: 'day',
    });
    expect(rule('ukentlige')).toEqual({ kind: 'interval', every: 1, unit: 'week' });
    expect(rule('årlige')).toEqual({ kind: 'count', min: 1, max: 1, per: 'year' });
    expect(rule('Ved oppstart av ny rektor')).toEqual({
      kind: 'event',
      event: 'oppstart av ny rektor',
      relation: 'at',
    });
  });

  it('tells when leading words were read as description', () => {
    const r = parseCadence('Samlinger gjennom hele året');
    expect(r.ok && r.warnings[0]).toMatch(/samlinger/);
  });
});

describe('phrases it does not understand', () => {
  it.each([
    ['', 'empty', /tom/],
    ['   ', 'empty', /tom/],
    ['hver 0. uke', 'zero-interval', /minst 1/],
    ['hver 0 dag', 'zero-interval', /minst 1/],
    ['0 ganger i året', 'zero-count', /minst 1/],
    ['tre til to ganger i året', 'range-order', /større/],
    ['8 ganger i uken', 'too-many', /flere enn/],
    ['hver 200. uke', 'too-long', /for langt/],
    ['uke 54', 'bad-week', /uke 54 finnes ikke/],
    ['30. februar', 'nonexistent-date', /finnes ikke/],
    ['31. april', 'nonexistent-date', /april har 30/],
    ['hver uke kl. 25:00', 'bad-time', /«hver uke kl\. 25:00»: 25:00/],
    ['1 gang', 'missing-period', /per hva/],
    ['kl. 14', 'only-time', /hvor ofte/],
    ['RRULE:FREQ=SOMETIMES', 'bad-rrule', /ukjent FREQ «SOMETIMES»/],
    ['FREQ=SECONDLY', 'bad-rrule', /finere enn et årshjul/],
    ['FREQ=YEARLY;BYMONTH=13', 'bad-rrule', /BYMONTH=13/],
    ['FREQ=WEEKLY;COUNT=0', 'bad-rrule', /COUNT=0/],
    ['FREQ=WEEKLY;INTERVAL=0', 'bad-rrule', /INTERVAL=0/],
    ['FREQ=WEEKLY;BYDAY=XX', 'bad-rrule', /BYDAY «XX» er ikke en ukedag/],
    ['FREQ=WEEKLY;UNTIL=garbage', 'bad-rrule', /UNTIL «GARBAGE»/],
    ['blå måne', 'unknown', /Forstår ikke «blå måne»/],
  ])('«%s» → %s', (text, code, reason) => {
    const r = parseCadence(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(reason);
  });

  it('reads a raw RRULE only when it starts with FREQ or RRULE:', () => {
    expect(parseCadence('BYDAY=MO').ok).toBe(false);
  });

  it('names the alternative that is wrong', () => {
    const r = parseCadence('hver uke / hver 0. uke');
    expect(!r.ok && r.reason).toMatch(/alternativ 2/);
  });

  it('suggests the nearest phrase it knows', () => {
    const r = parseCadence('Hver fjerede uke');
    expect(!r.ok && r.suggestion).toBe('Hver fjerde uke');
    expect(suggestPhrase('ved behv')).toBe('Ved behov');
    expect(suggestPhrase('xyzzy plugh')).toBeUndefined();
  });

  it('gives its reasons in nynorsk and English on request', () => {
    const nn = parseCadence('hver 0. uke', { lang: 'nn' });
    const en = parseCadence('hver 0. uke', { lang: 'en' });
    expect(!nn.ok && nn.reason).toMatch(/må vere minst 1/);
    expect(!en.ok && en.reason).toMatch(/must be at least 1/);
  });
});

describe('rendering', () => {
  it.each([
    [{ kind: 'interval', every: 4, unit: 'week' }, 'Hver 4. uke', 'Kvar 4. veke', 'Every 4 weeks'],
    [
      { kind: 'count', min: 1, max: 2, per: 'year' },
      'En til to ganger i året',
      'Ein til to gonger i året',
      'Once or twice a year',
    ],
    [
      {
        kind: 'count',
        min: 1,
        max: 1,
        per: 'year',
        within: { kind: 'before', break: 'sommerferie' },
      },
      'En gang i forkant av sommerferien',
      'Ein gong i forkant av sumarferien',
      'Once before the summer holiday',
    ],
    [{ kind: 'on-demand' }, 'Ved behov', 'Ved behov', 'As needed'],
    [
      { kind: 'qualitative', word: 'jevnlig' },
      'Jevnlig',
      'Jamleg',
      'Regularly (no interval given)',
    ],
  ] as [Rule, string, string, string][])('%j', (r, nb, nn, en) => {
    expect(renderRule(r, 'nb')).toBe(nb);
    expect(renderRule(r, 'nn')).toBe(nn);
    expect(renderRule(r, 'en')).toBe(en);
  });

  // Round trip over rules built from the grammar, not only phrases from the source.
  const generated: Rule[] = [
    ...[1, 2, 3, 5, 8, 13].flatMap((every) =>
      (['day', 'week', 'month', 'year'] as const)
        .filter(
          (u) => !(u === 'month' && every === 1) && !(u === 'year' && (every === 1 || every > 10)),
        )
        .map((unit) => ({ kind: 'interval', every, unit }) as Rule),
    ),
    {
      kind: 'interval',
      every: 2,
      unit: 'week',
      weekdays: [2, 4],
      time: { start: '08:30', end: '09:15' },
    },
    { kind: 'interval', every: 1, unit: 'week', weekdays: [5], approximate: true },
    { kind: 'interval', every: 2, unit: 'year', since: 2012 },
    ...(['week', 'month', 'quarter', 'half', 'year'] as const).flatMap((per) =>
      [
        [1, 1],
        [2, 2],
        [1, 3],
      ]
        // Once a week is read as the interval «hver uke», its canonical form.
        .filter(([min, max]) => !(per === 'week' && min === 1 && max === 1))
        .map(([min, max]) => ({ kind: 'count', min, max, per }) as Rule),
    ),
    ...(
      [
        { kind: 'half', half: 'vår' },
        { kind: 'half', half: 'høst' },
        { kind: 'month', month: 9 },
        { kind: 'start-of-year' },
        { kind: 'end-of-year' },
        { kind: 'before', break: 'juleferie' },
        { kind: 'after', break: 'påskeferie' },
        { kind: 'break', break: 'vinterferie' },
      ] as const
    ).map((within) => ({ kind: 'count', min: 1, max: 1, per: 'year', within }) as Rule),
    { kind: 'anchor', anchor: 'skolestart' },
    { kind: 'anchor', anchor: 'vår.start' },
    { kind: 'anchor', anchor: 'høst.slutt' },
    { kind: 'anchor', anchor: 'påskeferie.slutt' },
    { kind: 'anchor', anchor: 'før-hver-ferie' },
    { kind: 'anchor', anchor: 'etter-høstferie' },
    { kind: 'anchor', anchor: 'skolestart', offset: { amount: 3, unit: 'school-day' } },
    { kind: 'anchor', anchor: 'siste-skoledag', offset: { amount: -1, unit: 'week' } },
    { kind: 'week', week: 8 },
    { kind: 'week', week: 40, weekdays: [3] },
    { kind: 'date', month: 2, day: 29 },
    { kind: 'event', event: 'budsjettlegging i bydelen', relation: 'at' },
    { kind: 'event', event: 'oppstartsmøtet', relation: 'after', approximate: true },
    {
      kind: 'event',
      event: 'oppstartsmøtet',
      relation: 'after',
      offset: { amount: 2, unit: 'week' },
    },
    { kind: 'continuous' },
    { kind: 'school-choice' },
    { kind: 'qualitative', word: 'regelmessig' },
    {
      kind: 'alternatives',
      options: [{ kind: 'interval', every: 1, unit: 'week' }, { kind: 'on-demand' }],
    },
  ];

  it.each(generated.map((r) => [renderRule(r), r] as const))(
    '«%s» parses back (nb and nn)',
    (_text, r) => {
      expect(ruleSchema.safeParse(r).success).toBe(true);
      for (const lang of ['nb', 'nn'] as const) {
        const text = renderRule(r, lang);
        const back = parseCadence(text);
        if (!back.ok) throw new Error(`${lang} «${text}»: ${back.reason}`);
        expect(back.cadence.rule, `${lang} «${text}»`).toEqual(r);
      }
    },
  );

  it('puts the verb first for revision cycles', () => {
    expect(renderCadence({ rule: rule('to ganger i året'), action: 'revision' }, 'nb')).toBe(
      'Revideres to ganger i året',
    );
    expect(renderCadence({ rule: rule('to ganger i året'), action: 'revision' }, 'nn')).toBe(
      'Reviderast to gonger i året',
    );
  });
});

describe('schema', () => {
  it('accepts every parsed cadence and rejects impossible rules', () => {
    const r = parseCadence('Hver uke / hver 2. uke');
    expect(r.ok && cadenceSchema.safeParse(r.cadence).success).toBe(true);
    expect(ruleSchema.safeParse({ kind: 'interval', every: 0, unit: 'week' }).success).toBe(false);
    expect(ruleSchema.safeParse({ kind: 'count', min: 1, max: 1, per: 'fortnight' }).success).toBe(
      false,
    );
    expect(ruleSchema.safeParse({ kind: 'anchor', anchor: 'midtsommer' }).success).toBe(false);
  });
});
