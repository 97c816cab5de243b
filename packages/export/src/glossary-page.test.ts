import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { grorud } from '../test-fixtures/grorud.js';
import { renderDocx } from './docx.js';
import {
  compareTerms,
  glossaryItems,
  glossaryOutline,
  renderGlossaryHtml,
} from './glossary-page.js';
import { renderHtml } from './html.js';
import { renderPlanPdf } from './pdf.js';

const items = glossaryItems(grorud);
const item = (term: string) => items.find((i) => i.term === term)!;
const entry = (term: string) => grorud.glossary.find((g) => g.term === term)!;
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe('glossaryItems', () => {
  it('has every entry of the glossary once, in Norwegian alphabetical order', () => {
    expect(items).toHaveLength(grorud.glossary.length);
    expect(new Set(items.map((i) => i.term))).toEqual(new Set(grorud.glossary.map((g) => g.term)));
    for (let i = 1; i < items.length; i++) {
      expect(compareTerms(items[i - 1]!.term, items[i]!.term)).toBeLessThanOrEqual(0);
    }
    // Æ, Ø and Å come after Z, case does not decide the order.
    expect(compareTerms('Å', 'z')).toBeGreaterThan(0);
    expect(compareTerms('ø', 'Å')).toBeLessThan(0);
    expect(compareTerms('udir', 'UDE')).toBeGreaterThan(0);
  });

  it('keeps what an abbreviation stands for and the other names', () => {
    for (const g of grorud.glossary) {
      const i = item(g.term);
      expect(i.standsFor).toBe(g.expansion);
      expect(i.otherNames).toEqual(g.aliases);
      expect(i.letter).toBe(g.term.charAt(0).toLocaleUpperCase('nb'));
    }
  });

  it('uses the entry’s own explanation, else one from what it refers to', () => {
    for (const g of grorud.glossary.filter((x) => x.description)) {
      expect(item(g.term)).toMatchObject({ explanation: g.description, explanationFrom: 'entry' });
    }
    // An abbreviation of a role borrows its mandate, of a unit its description.
    const nsk = grorud.roles.find((r) => r.id === entry('NSK').refersTo)!;
    expect(item('NSK')).toMatchObject({ explanation: nsk.mandate, explanationFrom: 'model' });
    const bv = grorud.organisation.units.find((u) => u.id === entry('BV').refersTo)!;
    expect(item('BV').explanation).toBe(bv.description);
    // Something that belongs to a unit only says where it belongs.
    const fe = grorud.organisation.units.find((u) => u.id === entry('HAP').refersTo)!;
    expect(item('HAP').explanation).toBe(`Hører til ${fe.name}.`);
    // A term for a structure borrows the structure's description.
    const t61 = grorud.structures.find((s) => s.id === entry('skolehelseteam').refersTo)!;
    expect(item('skolehelseteam').explanation).toBe(t61.description);
    // Another word for a concept points to the concept's own entry.
    const concept = grorud.glossary.find(
      (g) => g.refersTo === entry('område').refersTo && g.kind !== 'alias',
    )!;
    expect(item('område').explanation).toContain(`«${concept.term}»`);
    // A level and a focus are explained in plain words.
    expect(item('Strategisk').explanation).toMatch(/nivå/);
    expect(item('rettet mot elevene').explanation).toMatch(/elevene/);
  });

  it('speaks nynorsk and English in its own words', () => {
    const nn = glossaryItems(grorud, { lang: 'nn' });
    const en = glossaryItems(grorud, { lang: 'en' });
    expect(nn.find((i) => i.term === 'område')!.explanation).toMatch(/^Eit anna ord/);
    expect(en.find((i) => i.term === 'område')!.explanation).toMatch(/^Another word/);
  });
});

describe('glossaryOutline', () => {
  const outline = glossaryOutline(grorud);
  const table = outline.blocks.find((b) => b.kind === 'table')!;

  it('is one table, a row per entry, the term as row header', () => {
    expect(outline.title).toBe(`Ordliste for ${grorud.name}`);
    expect(table.rowHeaders).toBe(true);
    expect(table.columns.map((c) => c.header)).toEqual([
      'Ord',
      'Står for',
      'Forklaring',
      'Andre navn',
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(items.map((i) => i.term));
    expect(outline.meta).toEqual([{ label: 'Antall ord', value: String(items.length) }]);
  });

  it('renders as HTML, Word and PDF through the existing writers', async () => {
    const html = renderHtml(outline, '');
    expect(html).toContain('<html lang="nb">');
    expect(headingLevels(html).filter((l) => l === 1)).toHaveLength(1);
    expect([...html.matchAll(/<th scope="col">/g)]).toHaveLength(4);
    expect([...html.matchAll(/<th scope="row">/g)]).toHaveLength(items.length);

    const zip = await JSZip.loadAsync(
      await renderDocx(outline, new Uint8Array(), { wheelWidthPx: 1, wheelHeightPx: 1 }),
    );
    const doc = await zip.file('word/document.xml')!.async('string');
    for (const term of ['NSK', 'skoleområde', 'Udir']) expect(doc).toContain(`>${term}<`);

    const pdf = await renderPlanPdf(outline, '');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  const scratch = mkdtempSync(join(tmpdir(), 'arshjul-glossary-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.skipIf(!existsSync('/usr/bin/pdftotext'))('PDF text has the terms', async () => {
    const file = join(scratch, 'ordliste.pdf');
    writeFileSync(file, await renderPlanPdf(outline, ''));
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    for (const term of ['NSK', 'BVK', 'skoleområde', 'bekymringsallianse']) {
      expect(text).toContain(term);
    }
  });
});

describe('renderGlossaryHtml', () => {
  const html = renderGlossaryHtml(grorud, { description: 'Ord i samarbeidet' });

  it('is a standalone page: lang, one h1, a letter per h2, every term', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    const letters = [...new Set(items.map((i) => i.letter))];
    expect([...html.matchAll(/<h2 id="[^"]+">([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(letters);
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    expect([...main.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1])).toEqual(
      items.map((i) => i.term),
    );
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('links each letter of the index to its section', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const nav = /<nav aria-label="Bokstaver">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    const targets = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) expect(ids).toContain(t);
  });

  it('marks the Norwegian terms on an English page', () => {
    const en = renderGlossaryHtml(grorud, { lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<dt lang="nb">NSK</dt>');
    expect(en).toContain('Stands for:');
  });
});
