import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isRunning,
  loadModelText,
  periodCovers,
  responsibilitiesOf,
  schoolsInArea,
  schoolYearStart,
  structuresForArea,
  type Model,
} from '@arshjul/model';
import { grorud, grorudText } from '../test-fixtures/grorud.js';
import {
  cardsOutline,
  cardTitle,
  contactSheetOutline,
  renderCardsHtml,
  roleCards,
  type RoleCards,
} from './cards.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import type { Block } from './outline.js';
import { renderPlanPdf } from './pdf.js';

const asOf = schoolYearStart(grorud.schoolYear!);
const AREAS = grorud.organisation.areas.map((a) => a.id);

/** A copy of the Grorud model where Ammerud's NSK is a (fictional) named person. */
const KARI = { name: 'Kari Nordmann', phone: '22 00 00 00', email: 'kari.nordmann@example.no' };
function withKari(): Model {
  const doc = JSON.parse(grorudText) as {
    roles: {
      id: string;
      assignments: { area?: string; from?: string; to?: string; person?: unknown }[];
    }[];
  };
  const nsk = doc.roles.find((r) => r.id === 'nsk')!;
  const current = nsk.assignments.find(
    (a) => a.area === 'omrade-ammerud' && periodCovers(a, asOf),
  )!;
  current.person = KARI;
  const result = loadModelText(JSON.stringify(doc), { asOf });
  if (!result.model) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.model;
}
const kari = withKari();

const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const unxml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('roleCards: the district', () => {
  const cards = roleCards(grorud);

  it('has one card per role, in model order', () => {
    expect(cards.cards.map((c) => c.role)).toEqual(grorud.roles.map((r) => r.id));
    expect(cards.scope).toMatchObject({ kind: 'district', id: grorud.organisation.district.id });
    expect(cards.asOf).toBe(asOf);
  });

  it('lists every role exactly once on the contact sheet', () => {
    const table = contactSheetOutline(cards).blocks.find((b) => b.kind === 'table')!;
    const titles = table.rows.map((r) => r[0]);
    expect(titles).toHaveLength(grorud.roles.length);
    expect(new Set(titles).size).toBe(grorud.roles.length);
    for (const role of grorud.roles) {
      expect(titles.filter((t) => t === cardTitle(role))).toHaveLength(1);
    }
    expect(table.rowHeaders).toBe(true);
    expect(table.columns).toHaveLength(4);
    for (const row of table.rows) expect(row.every((cell) => cell.length > 0)).toBe(true);
  });

  it('takes the workplace from the role unit', () => {
    for (const role of grorud.roles) {
      const card = cards.cards.find((c) => c.role === role.id)!;
      const unit = grorud.organisation.units.find((u) => u.id === role.unit);
      if (unit) expect(card.workplace).toContain(unit.name);
      else expect(card.workplace.length).toBeGreaterThan(0);
      if (role.side === 'district' && unit?.kind !== 'external') {
        expect(card.workplace).toContain(grorud.organisation.district.name);
      }
    }
  });

  it('says what a role is for: its mandate, else the structures it is responsible for', () => {
    for (const role of grorud.roles) {
      const card = cards.cards.find((c) => c.role === role.id)!;
      if (role.mandate) {
        expect(card.purposeFrom).toBe('mandate');
        expect(card.purpose).toBe(role.mandate);
        continue;
      }
      const r = responsibilitiesOf(grorud, role.id, { asOf });
      const running = [...r.responsibleFor, ...r.participatesIn, ...r.contributesTo]
        .map((id) => grorud.structures.find((s) => s.id === id)!)
        .filter((s) => isRunning(s, asOf));
      if (running.length > 0) {
        expect(card.purposeFrom).toBe('structures');
        for (const s of running) expect(card.purpose).toContain(s.name);
      } else {
        expect(card.purposeFrom).toBe('none');
        expect(card.purpose).toMatch(/beskriver ikke rollen/);
      }
    }
    expect(cards.cards.some((c) => c.purposeFrom === 'structures')).toBe(true);
  });

  it('never invents a phone number or a name when the model has no person', () => {
    expect(grorud.roles.every((r) => r.assignments.every((a) => a.person === undefined))).toBe(
      true,
    );
    for (const card of cards.cards) {
      for (const line of card.contacts) {
        expect(line.person).toBeUndefined();
        expect(line.text).not.toMatch(/\d/);
        expect(line.text).toMatch(/^Kontakt via /);
      }
    }
    const school = cards.cards.find((c) => c.role === 'rektor')!;
    expect(school.contacts.map((c) => c.text)).toEqual(['Kontakt via skolens resepsjon']);
    const district = cards.cards.find((c) => c.role === 'bvk')!;
    expect(district.contacts[0]!.text).toContain('sentralbord');
  });

  it('names the areas of a role held one per area', () => {
    const nsk = cards.cards.find((c) => c.role === 'nsk')!;
    for (const a of grorud.organisation.areas) expect(nsk.serves).toContain(a.name);
    expect(nsk.serves).toContain(`alle de ${cards.schools.length} skolene`);
    expect(nsk.schools).toEqual(cards.schools.map((s) => s.id));
  });

  it('leaves out assignments that have ended (Bjøråsen left in 2021)', () => {
    const rektor = cards.cards.find((c) => c.role === 'rektor')!;
    expect(rektor.schools).not.toContain('bjorasen');
    expect(rektor.schools).toEqual(cards.schools.map((s) => s.id));
    expect(cards.schools.map((s) => s.id)).not.toContain('bjorasen');
  });

  it('speaks nynorsk and English', () => {
    const nn = roleCards(grorud, { lang: 'nn' });
    const en = roleCards(grorud, { lang: 'en' });
    expect(cardsOutline(nn).title).toBe(`Rollekort for ${grorud.organisation.district.name}`);
    expect(nn.cards.find((c) => c.role === 'rektor')!.workplace).toMatch(/^Skulen/);
    expect(en.cards.find((c) => c.role === 'rektor')!.contacts[0]!.text).toMatch(/reception/);
    expect(contactSheetOutline(en).blocks.find((b) => b.kind === 'table')!.columns[0]!.header).toBe(
      'Role',
    );
  });
});

describe('roleCards: an area', () => {
  for (const area of AREAS) {
    it(`lists only the roles relevant to ${area}`, () => {
      const cards = roleCards(grorud, { area });
      const areaSchools = schoolsInArea(grorud, area, asOf).map((s) => s.id);
      const inArea = new Set(structuresForArea(grorud, area, { asOf }).map((s) => s.structure.id));
      expect(cards.schools.map((s) => s.id)).toEqual(areaSchools);
      expect(cards.cards.length).toBeGreaterThan(0);
      expect(cards.cards.length).toBeLessThan(grorud.roles.length);
      for (const role of grorud.roles) {
        const current = role.assignments.filter((a) => periodCovers(a, asOf));
        const local = current.filter(
          (a) => a.area === area || (a.school !== undefined && areaSchools.includes(a.school)),
        );
        const elsewhere = current.length > 0 && current.every((a) => a.area ?? a.school);
        const r = responsibilitiesOf(grorud, role.id, { asOf });
        const linked = [...r.responsibleFor, ...r.participatesIn, ...r.contributesTo].some((id) =>
          inArea.has(id),
        );
        const card = cards.cards.find((c) => c.role === role.id);
        if (local.length > 0) expect(card, role.id).toBeDefined();
        else if (elsewhere || !linked) expect(card, role.id).toBeUndefined();
        else expect(card, role.id).toBeDefined();
        if (card) for (const s of card.schools) expect(areaSchools).toContain(s);
      }
    });
  }

  it('gives the area its own NSK and BVK, serving the area schools', () => {
    const cards = roleCards(grorud, { area: 'omrade-ammerud' });
    const names = schoolsInArea(grorud, 'omrade-ammerud', asOf).map((s) => s.name);
    for (const id of ['nsk', 'bvk']) {
      const card = cards.cards.find((c) => c.role === id)!;
      expect(card.serves).toContain('Ammerud');
      for (const n of names) expect(card.serves).toContain(n);
      expect(card.schools).toHaveLength(names.length);
    }
    // Roles with no link to the area (a team leader at the district) are not on its cards.
    expect(cards.cards.find((c) => c.role === 'fagleder-mottaksteam')).toBeUndefined();
  });

  it('names the unknown area in Norwegian', () => {
    expect(() => roleCards(grorud, { area: 'omrade-nowhere' })).toThrow(
      /Rollekort: modellen har ikke noe skoleområde med id «omrade-nowhere»\. Områdene er: «omrade-ammerud»/,
    );
  });
});

describe('roleCards: personal data', () => {
  const on = roleCards(kari, { area: 'omrade-ammerud' });
  const off = roleCards(kari, { area: 'omrade-ammerud', personalData: false });

  it('shows the person of the current assignment by default', () => {
    expect(on.personalData).toBe(true);
    const nsk = on.cards.find((c) => c.role === 'nsk')!;
    expect(nsk.contacts).toHaveLength(1);
    expect(nsk.contacts[0]!.person).toEqual(KARI);
    for (const part of Object.values(KARI)) expect(nsk.contacts[0]!.text).toContain(part);
    for (const part of Object.values(KARI)) {
      expect(JSON.stringify(contactSheetOutline(on))).toContain(part);
      expect(JSON.stringify(cardsOutline(on))).toContain(part);
    }
    const html = renderCardsHtml(on);
    expect(html).toContain('href="tel:22000000"');
    expect(html).toContain(`href="mailto:${KARI.email}"`);
  });

  it('shows the person only in the area the assignment is for', () => {
    const grorudArea = roleCards(kari, { area: 'omrade-grorud' });
    expect(JSON.stringify(grorudArea)).not.toContain(KARI.name);
    const district = roleCards(kari);
    const nsk = district.cards.find((c) => c.role === 'nsk')!;
    expect(nsk.contacts.filter((c) => c.person)).toHaveLength(1);
    expect(nsk.contacts.find((c) => c.person)!.where).toBe('Ammerud');
    // The other areas keep the neutral line.
    expect(nsk.contacts.some((c) => !c.person && /sentralbord/.test(c.text))).toBe(true);
  });

  it('leaves every person out with personalData: false', () => {
    expect(off.personalData).toBe(false);
    const outputs = [
      JSON.stringify(off),
      JSON.stringify(cardsOutline(off)),
      JSON.stringify(contactSheetOutline(off)),
      renderCardsHtml(off),
      renderHtml(contactSheetOutline(off), ''),
    ];
    for (const out of outputs) {
      for (const part of Object.values(KARI)) expect(out).not.toContain(part);
      expect(out).not.toContain('tel:');
      expect(out).not.toContain('mailto:');
    }
    expect(off.cards.find((c) => c.role === 'nsk')!.contacts[0]!.text).toMatch(/sentralbord/);
  });
});

describe('cardsOutline', () => {
  const cards = roleCards(grorud, { area: 'omrade-romsas' });
  const outline = cardsOutline(cards);

  it('is a title, facts, an introduction, a heading per group and one per card', () => {
    expect(outline.title).toBe('Rollekort for Romsås skoleområde');
    expect(outline.meta.map((m) => m.label)).toEqual([
      'Område',
      'Skoler',
      'Skoleår',
      'Gjelder fra',
    ]);
    expect(outline.blocks[0]).toMatchObject({ kind: 'paragraph', style: 'lead' });
    const h = outline.blocks.filter(
      (b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading',
    );
    const groups = [...new Set(cards.cards.map((c) => c.group))];
    expect(h.filter((x) => x.level === 3).map((x) => x.text)).toEqual(
      groups.flatMap((g) => cards.cards.filter((c) => c.group === g).map(cardTitle)),
    );
    expect(new Set(cards.cards.map((c) => c.group)).size).toBe(
      h.filter((x) => x.level === 2).length,
    );
    expect(new Set(h.map((x) => x.id)).size).toBe(h.length);
    const lists = outline.blocks.filter((b) => b.kind === 'list');
    expect(lists).toHaveLength(cards.cards.length);
    for (const l of lists) expect(l.items[0]).toMatch(/^Arbeidssted: /);
  });
});

describe('renderCardsHtml', () => {
  const cards = roleCards(grorud, { area: 'omrade-ammerud' });
  const html = renderCardsHtml(cards, { description: 'Roller på skolene' });

  it('is a standalone page with lang, one h1 and headings in order', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nb">')).toBe(true);
    const levels = headingLevels(html);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
    }
    expect(html).toContain('<meta name="description" content="Roller på skolene">');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('has one labelled article per card in a list, with unique ids', () => {
    const articles = [...html.matchAll(/<article class="card" aria-labelledby="([^"]+)">/g)];
    expect(articles).toHaveLength(cards.cards.length);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of articles) expect(ids).toContain(a[1]);
    for (const card of cards.cards) {
      expect(html).toContain(`>${cardTitle(card)}</h3>`);
    }
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
  });

  it('marks the model’s Norwegian texts on an English page', () => {
    const en = renderCardsHtml(roleCards(grorud, { area: 'omrade-ammerud', lang: 'en' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/<h3 id="[^"]+" lang="nb">Nærmiljøskolekoordinator \(NSK\)<\/h3>/);
  });
});

describe('the contact sheet through the existing writers', () => {
  const cards: RoleCards = roleCards(grorud);
  const sheet = contactSheetOutline(cards);
  const titles = grorud.roles.map((r) => cardTitle(r));

  it('HTML: lang, one h1, column and row headers with scope', () => {
    const html = renderHtml(sheet, '');
    expect(html).toContain('<html lang="nb">');
    expect(headingLevels(html).filter((l) => l === 1)).toHaveLength(1);
    expect([...html.matchAll(/<th scope="col">/g)]).toHaveLength(4);
    expect([...html.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(titles);
  });

  it('DOCX: every role title in the document', async () => {
    const bytes = await renderDocx(sheet, new Uint8Array(), { wheelWidthPx: 1, wheelHeightPx: 1 });
    const zip = await JSZip.loadAsync(bytes);
    const text = unxml(textOf(await zip.file('word/document.xml')!.async('string')));
    expect(text).toContain(sheet.title);
    for (const t of titles) expect(text).toContain(t);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'arshjul-cards-test-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('PDF: renders, and (with pdftotext) contains every role title', async () => {
    const outline = cardsOutline(cards);
    const bytes = await renderPlanPdf(outline, '');
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toMatch(/^%PDF-/);
    const sheetBytes = await renderPlanPdf(sheet, '');
    expect(sheetBytes.length).toBeGreaterThan(1000);
    if (!existsSync('/usr/bin/pdftotext')) return;
    const file = join(scratch, 'cards.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain(outline.title);
    for (const t of titles) expect(text).toContain(t);
  });
});
