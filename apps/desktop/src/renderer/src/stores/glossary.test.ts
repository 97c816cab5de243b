import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, type Model } from '@arshjul/model';
import { insertAt, serialize, type Json } from './edits.js';
import {
  duplicateTerms,
  existingTerm,
  formatAliases,
  parseAliases,
  rawEntries,
  refersToChoices,
  sortedIndexes,
  termKey,
} from './glossary.js';

const TEXT = readFileSync(
  new URL('../../../../../../examples/grorud/grorudmodellen.json', import.meta.url),
  'utf8',
);
const DOC = JSON.parse(TEXT) as { glossary: Json[] } & Json;
const MODEL = loadModelText(TEXT, { asOf: '2025-09-01', lang: 'nb' }).model as Model;
const ENTRIES = rawEntries(DOC.glossary);

describe('the Grorud glossary', () => {
  it('sorts the 40 terms in Norwegian order', () => {
    const order = sortedIndexes(ENTRIES).map((i) => ENTRIES[i]!.term);
    expect(order).toHaveLength(40);
    expect(order.slice(0, 4)).toEqual(['AE', 'ART', 'bekymringsallianse', 'BGR']);
    // «nærmiljøskole» after «NSK»: æ, ø, å sort after z.
    expect(order.indexOf('nærmiljøskole')).toBeGreaterThan(order.indexOf('NSK'));
    const more = rawEntries([
      { term: 'Årshjul' },
      { term: 'zebra' },
      { term: 'Øst' },
      { term: 'Ære' },
    ]);
    expect(sortedIndexes(more).map((i) => more[i]!.term)).toEqual([
      'zebra',
      'Ære',
      'Øst',
      'Årshjul',
    ]);
    expect(order.indexOf('Operative')).toBeLessThan(order.indexOf('Organisering'));
  });

  it('filters by term, expansion, alias and description, case aside', () => {
    const terms = (f: string) => sortedIndexes(ENTRIES, f).map((i) => ENTRIES[i]!.term);
    expect(terms('nsk')).toContain('NSK');
    expect(terms('bvtj')).toEqual(['BV']); // an alias of BV
    expect(terms('Sammen lager')).toEqual(['SaLTo']);
    expect(terms('  ')).toHaveLength(40);
    expect(terms('finnes ikke her')).toEqual([]);
  });

  it('has no duplicate terms, and finds one when a term is added twice', () => {
    expect(duplicateTerms(ENTRIES)).toEqual([]);
    const next = insertAt(['glossary'], { term: ' nsk ', kind: 'term' })(DOC) as typeof DOC;
    const dups = duplicateTerms(rawEntries(next.glossary));
    expect(dups).toEqual([{ term: 'NSK', indexes: [0, 40] }]);
    // The model's own validation agrees: the second is an error at its term.
    const result = loadModelText(serialize(next), { asOf: '2025-09-01', lang: 'nb' });
    expect(result.errors.map((e) => e.path)).toEqual(['glossary[40].term']);
    expect(existingTerm(ENTRIES, 'Salto')?.term).toBe('SaLTo');
    expect(existingTerm(ENTRIES, 'Årshjul')).toBeUndefined();
    expect(existingTerm(ENTRIES, '')).toBeUndefined();
    expect(termKey(' NSK ')).toBe('nsk');
  });

  it('reads and writes the aliases as a comma-separated text', () => {
    expect(parseAliases('nærmiljøkoordinator, NSK-en ,, ')).toEqual([
      'nærmiljøkoordinator',
      'NSK-en',
    ]);
    expect(parseAliases('')).toEqual([]);
    expect(formatAliases(ENTRIES[0]!.aliases)).toBe('nærmiljøkoordinator');
  });

  it('offers parties, structures, documents, levels, foci and the concepts in use', () => {
    const choices = refersToChoices(MODEL, [{ value: 'nsk', label: 'NSK' }], {
      structure: 'S',
      document: 'D',
      concept: 'C',
      level: (l) => `nivå ${l}`,
      focus: (f) => `fokus ${f}`,
    });
    const values = choices.map((c) => c.value);
    // Every refersTo of the Grorud glossary other than the parties left out here is a choice.
    const used = MODEL.glossary.map((g) => g.refersTo).filter((r): r is string => !!r);
    const missing = used.filter((r) => !values.includes(r));
    expect(new Set(missing)).toEqual(
      new Set([
        'bvk',
        'fe',
        'bv',
        'salto',
        'ae',
        'fau',
        'ude',
        'bydel-grorud',
        'nav-ungdomsteam',
        'helsestasjon',
      ]),
    );
    expect(values).toContain('level:strategisk');
    expect(values).toContain('focus:elever-og-foresatte');
    expect(choices.filter((c) => c.group === 'C' && c.value.startsWith('concept:'))).toEqual([
      { value: 'concept:skoleområde', label: 'skoleområde', group: 'C' },
    ]);
  });
});
