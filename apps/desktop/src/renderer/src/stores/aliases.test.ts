import { describe, expect, it } from 'vitest';
import { loadModelText } from '@arshjul/model';
import { getAt, serialize, setAt, type Json } from './edits.js';
import { TEMPLATE_TEXT } from './template.js';
import { aliasesFromText, aliasesText } from './aliases.js';

const doc = JSON.parse(TEMPLATE_TEXT) as Json;

describe('aliases as a line of text', () => {
  it('writes the Grorud district’s aliases as one line and reads them back the same', () => {
    const path = ['organisation', 'district', 'aliases'];
    const line = aliasesText(getAt(doc, path));
    expect(line).toBe('Bydel grorud, bydel Grorud, BGR, bydelen');
    expect(aliasesFromText(line)).toEqual(getAt(doc, path));
  });

  it('trims, drops empty and repeated names, and keeps the model valid', () => {
    expect(aliasesFromText(' NSK ,, nærmiljøskole-\n  koordinatoren, NSK,')).toEqual([
      'NSK',
      'nærmiljøskole- koordinatoren',
    ]);
    expect(aliasesFromText('')).toEqual([]);
    expect(aliasesText(undefined)).toBe('');
    const roles = getAt(doc, ['roles']) as Json[];
    const i = roles.findIndex((r) => (r as { id: string }).id === 'nsk');
    const edited = setAt(['roles', i, 'aliases'], aliasesFromText('NSK-en, koordinatoren'))(doc);
    const result = loadModelText(serialize(edited), { asOf: '2025-09-01' });
    expect(result.errors).toEqual([]);
    expect(result.model!.roles.find((r) => r.id === 'nsk')!.aliases).toEqual([
      'NSK-en',
      'koordinatoren',
    ]);
  });
});
