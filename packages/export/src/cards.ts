/**
 * Role cards («rollevisittkort») and a contact sheet for an area or the whole district (issue 7):
 * for each role its title, where it works, what it is for, which schools it serves and how to
 * reach it — for the schools' websites and for parents.
 *
 * - `roleCards` reads the model into plain data; `cardsOutline` and `contactSheetOutline` turn
 *   that into the exports' document `Outline`, which the existing writers render as Word
 *   (`renderDocx`), PDF (`renderPlanPdf`) and HTML (`renderHtml`); `renderCardsHtml` is a
 *   standalone web page with the cards as a grid.
 * - How to reach a role comes from its current assignment in the model: a person's name, phone
 *   and e-mail — the only personal data the model holds. Without a person the card says to go
 *   through the school's reception or the district's switchboard, and never invents a number.
 *   `personalData: false` leaves every person out (default: persons are shown, as the schools'
 *   own contact sheets do; use `false` for pages that must not name anyone).
 * - Pure: no I/O, no clock (the day the cards are for is `asOf`, by default the first day of the
 *   model's school year).
 */
import {
  activeSchools,
  appliesToDistrict,
  isRunning,
  periodCovers,
  responsibilitiesOf,
  schoolsInArea,
  schoolYearStart,
  schoolsInScope,
  type Assignment,
  type Model,
  type Person,
  type Role,
  type School,
} from '@arshjul/model';
import { formatDate, type IsoDate, type Lang } from '@arshjul/school-calendar';
import { escapeHtml } from './html.js';
import type { Block, Outline } from './outline.js';
import { slugify } from './words.js';

// ---------------------------------------------------------------------------------------------
// Words (this file's own; bokmål, nynorsk, English)

const CARD_WORDS = {
  cardsTitle: { nb: 'Rollekort for {name}', nn: 'Rollekort for {name}', en: 'Role cards: {name}' },
  sheetTitle: {
    nb: 'Kontaktark for {name}',
    nn: 'Kontaktark for {name}',
    en: 'Contact sheet: {name}',
  },
  areaName: {
    nb: '{area} skoleområde',
    nn: '{area} skuleområde',
    en: 'the {area} school area',
  },
  cardsIntro: {
    nb: 'Her er rollene som samarbeider om barn og unge på skolene i {name}. Hvert kort sier hvor rollen hører til, hva den gjør, hvilke skoler den er for, og hvordan du kommer i kontakt.',
    nn: 'Her er rollene som samarbeider om born og unge på skulane i {name}. Kvart kort seier kvar rolla høyrer til, kva ho gjer, kva skular ho er for, og korleis du kjem i kontakt.',
    en: 'These are the roles that work together for children and young people at the schools in {name}. Each card says where the role belongs, what it does, which schools it is for and how to get in touch.',
  },
  sheetIntro: {
    nb: 'Hvem gjør hva, og hvordan kommer du i kontakt? Står det ingen navn, kan du ringe skolen eller bydelen og spørre etter rollen.',
    nn: 'Kven gjer kva, og korleis kjem du i kontakt? Står det ikkje noko namn, kan du ringje skulen eller bydelen og spørje etter rolla.',
    en: 'Who does what, and how do you get in touch? Where no name is given, call the school or the district and ask for the role.',
  },
  area: { nb: 'Område', nn: 'Område', en: 'Area' },
  schools: { nb: 'Skoler', nn: 'Skular', en: 'Schools' },
  schoolYear: { nb: 'Skoleår', nn: 'Skuleår', en: 'School year' },
  asOf: { nb: 'Gjelder fra', nn: 'Gjeld frå', en: 'Valid from' },
  role: { nb: 'Rolle', nn: 'Rolle', en: 'Role' },
  workplace: { nb: 'Arbeidssted', nn: 'Arbeidsstad', en: 'Workplace' },
  purpose: { nb: 'Hva rollen gjør', nn: 'Kva rolla gjer', en: 'What the role does' },
  serves: { nb: 'Skoler og område', nn: 'Skular og område', en: 'Schools and area' },
  contact: { nb: 'Kontakt', nn: 'Kontakt', en: 'Contact' },
  reach: {
    nb: 'Slik kommer du i kontakt',
    nn: 'Slik kjem du i kontakt',
    en: 'How to get in touch',
  },
  'group.district': { nb: 'Fra bydelen', nn: 'Frå bydelen', en: 'From the district' },
  'group.school': { nb: 'På skolen', nn: 'På skulen', en: 'At the school' },
  'group.home': { nb: 'Foreldre og elever', nn: 'Foreldre og elevar', en: 'Parents and pupils' },
  atSchool: { nb: 'Skolen', nn: 'Skulen', en: 'The school' },
  responsibleFor: { nb: 'Har ansvar for', nn: 'Har ansvar for', en: 'Responsible for' },
  takesPartIn: { nb: 'Deltar i', nn: 'Deltek i', en: 'Takes part in' },
  noPurpose: {
    nb: 'Samarbeidsmodellen beskriver ikke rollen ennå.',
    nn: 'Samarbeidsmodellen skildrar ikkje rolla enno.',
    en: 'The collaboration model does not describe the role yet.',
  },
  wholeDistrict: { nb: 'Hele {district}', nn: 'Heile {district}', en: 'All of {district}' },
  allSchools: {
    nb: 'Alle de {count} skolene i {district}',
    nn: 'Alle dei {count} skulane i {district}',
    en: 'All {count} schools in {district}',
  },
  areasAll: {
    nb: 'Skoleområdene {areas} (alle de {count} skolene i {district})',
    nn: 'Skuleområda {areas} (alle dei {count} skulane i {district})',
    en: 'The {areas} school areas (all {count} schools in {district})',
  },
  areaSchools: {
    nb: '{area} skoleområde: {schools}',
    nn: '{area} skuleområde: {schools}',
    en: '{area} school area: {schools}',
  },
  none: { nb: '–', nn: '–', en: '–' },
  'reach.school': {
    nb: 'Kontakt via skolens resepsjon',
    nn: 'Kontakt via resepsjonen på skulen',
    en: "Contact the school's reception",
  },
  'reach.home': {
    nb: 'Kontakt via skolen',
    nn: 'Kontakt via skulen',
    en: 'Contact through the school',
  },
  'reach.district': {
    nb: 'Kontakt via bydelens sentralbord ({district})',
    nn: 'Kontakt via sentralbordet i bydelen ({district})',
    en: "Contact the district's switchboard ({district})",
  },
  'reach.external': { nb: 'Kontakt via {unit}', nn: 'Kontakt via {unit}', en: 'Contact {unit}' },
  phone: { nb: 'tlf.', nn: 'tlf.', en: 'phone' },
  email: { nb: 'e-post', nn: 'e-post', en: 'e-mail' },
  and: { nb: 'og', nn: 'og', en: 'and' },
  skip: { nb: 'Hopp til innholdet', nn: 'Hopp til innhaldet', en: 'Skip to content' },
  noArea: {
    nb: 'Rollekort: modellen har ikke noe skoleområde med id «{area}». Områdene er: {areas}.',
    nn: 'Rollekort: modellen har ikkje noko skuleområde med id «{area}». Områda er: {areas}.',
    en: 'Role cards: the model has no school area with id «{area}». The areas are: {areas}.',
  },
  noDay: {
    nb: 'Rollekort: modellen har ikke noe skoleår; oppgi dagen kortene gjelder (asOf).',
    nn: 'Rollekort: modellen har ikkje noko skuleår; oppgi dagen korta gjeld (asOf).',
    en: 'Role cards: the model has no school year; give the day the cards are for (asOf).',
  },
} as const satisfies Record<string, Record<Lang, string>>;

type CardWord = keyof typeof CARD_WORDS;

function cw(lang: Lang, key: CardWord, vars: Record<string, string | number> = {}): string {
  return CARD_WORDS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    vars[name] === undefined ? `{${name}}` : String(vars[name]),
  );
}

/** «A, B og C» / «A, B and C». */
export function joinAnd(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${cw(lang, 'and')} ${items[items.length - 1]!}`;
}

// ---------------------------------------------------------------------------------------------
// The cards as data

export interface CardOptions {
  /** A school area id: the roles that serve that area. Left out: every role of the district. */
  area?: string;
  /** The day the cards are for (current assignments, running structures); default: the first day of the model's school year. */
  asOf?: IsoDate;
  lang?: Lang;
  /**
   * Show the persons of the assignments (name, phone, e-mail). Default `true`, as on the
   * schools' own contact sheets; `false` leaves every person out and gives the neutral way to
   * reach the role instead.
   */
  personalData?: boolean;
}

/** One way to reach a role. */
export interface ContactLine {
  /** Where this line applies (a school or an area) when the card has several lines. */
  where?: string;
  /** The line as shown: a person's name, phone and e-mail, or a neutral «Kontakt via …». */
  text: string;
  /** The person, only with `personalData` and when the assignment names one. */
  person?: Person;
}

export type CardGroup = 'district' | 'school' | 'home';

export interface RoleCard {
  /** The role id. */
  role: string;
  title: string;
  abbreviation?: string;
  /** «Fra bydelen», «På skolen» or «Foreldre og elever». */
  group: CardGroup;
  /** Where the role works: «Aktivitets- og Kulturenheten (AE), Bydel Grorud», «Skolen (Utdanningsetaten)». */
  workplace: string;
  /** The role's mandate, or what it is responsible for and takes part in. */
  purpose: string;
  purposeFrom: 'mandate' | 'structures' | 'none';
  /** The schools or area it serves. */
  serves: string;
  /** The ids of the schools it serves, in model order. */
  schools: string[];
  contacts: ContactLine[];
}

export interface RoleCards {
  lang: Lang;
  asOf: IsoDate;
  /** The area, or the district when the cards are for all of it. */
  scope: { kind: 'area' | 'district'; id: string; name: string };
  /** «Ammerud skoleområde», «Bydel Grorud». */
  scopeName: string;
  district: string;
  schoolYear?: string;
  /** The schools in scope on `asOf`, in model order. */
  schools: School[];
  personalData: boolean;
  /** The language of the model's own texts (titles, mandates), which may differ from `lang`. */
  contentLang: Lang;
  cards: RoleCard[];
}

/** The title with its abbreviation when it says something more: «Nærmiljøskolekoordinator (NSK)». */
export function cardTitle(card: Pick<RoleCard, 'title' | 'abbreviation'>): string {
  return card.abbreviation && card.abbreviation !== card.title
    ? `${card.title} (${card.abbreviation})`
    : card.title;
}

function groupOf(role: Role): CardGroup {
  switch (role.side) {
    case 'school':
      return 'school';
    case 'parents':
    case 'pupils':
      return 'home';
    default:
      return 'district';
  }
}

function workplaceOf(model: Model, role: Role, lang: Lang): string {
  const district = model.organisation.district.name;
  const units = model.organisation.units;
  const unit = role.unit === undefined ? undefined : units.find((u) => u.id === role.unit);
  if (role.side === 'school') {
    return unit ? `${cw(lang, 'atSchool')} (${unit.name})` : cw(lang, 'atSchool');
  }
  if (role.side === 'parents' || role.side === 'pupils') return cw(lang, 'atSchool');
  if (!unit) return district;
  if (unit.kind === 'external') return unit.name;
  const name = unit.abbreviation ? `${unit.name} (${unit.abbreviation})` : unit.name;
  const parent =
    unit.kind === 'team' && unit.parent !== undefined
      ? units.find((u) => u.id === unit.parent)
      : undefined;
  return [name, parent?.name, district].filter((x) => x !== undefined).join(', ');
}

/** The neutral way to reach a role: through the school, the district or the outside unit. */
function neutralReach(model: Model, role: Role, lang: Lang): string {
  const district = model.organisation.district.name;
  const unit =
    role.unit === undefined ? undefined : model.organisation.units.find((u) => u.id === role.unit);
  if (role.side === 'school') return cw(lang, 'reach.school');
  if (role.side === 'parents' || role.side === 'pupils') return cw(lang, 'reach.home');
  if (unit?.kind === 'external') return cw(lang, 'reach.external', { unit: unit.name });
  return cw(lang, 'reach.district', { district });
}

function personLine(person: Person, neutral: string, lang: Lang): string {
  const parts = [
    person.name,
    ...(person.phone ? [`${cw(lang, 'phone')} ${person.phone}`] : []),
    ...(person.email ? [`${cw(lang, 'email')} ${person.email}`] : []),
  ];
  return parts.length > 1
    ? parts.join(', ')
    : `${person.name} (${neutral.charAt(0).toLocaleLowerCase(lang) + neutral.slice(1)})`;
}

interface Scope {
  kind: 'area' | 'district';
  id: string;
  /** The schools of the scope on the day. */
  schools: School[];
  schoolIds: Set<string>;
}

/** Whether an assignment is for the scope: its area, one of its schools, or the whole district. */
function assignmentInScope(a: Assignment, scope: Scope): boolean {
  if (scope.kind === 'district') return true;
  if (a.school !== undefined) return scope.schoolIds.has(a.school);
  if (a.area !== undefined) return a.area === scope.id;
  return true;
}

/** The schools an assignment covers on the day (all active schools for a district-wide one). */
function assignmentSchools(model: Model, a: Assignment, asOf: IsoDate): string[] {
  if (a.school !== undefined) return [a.school];
  if (a.area !== undefined) return schoolsInArea(model, a.area, asOf).map((s) => s.id);
  return activeSchools(model, asOf).map((s) => s.id);
}

/** The running structures the role is responsible for or takes part in, within the scope. */
function structureLinks(
  model: Model,
  role: Role,
  scope: Scope,
  asOf: IsoDate,
): { responsible: string[]; participates: string[]; schools: Set<string> } {
  const r = responsibilitiesOf(model, role.id, { asOf });
  const schools = new Set<string>();
  const keep = (ids: readonly string[]) =>
    ids.filter((id) => {
      const s = model.structures.find((x) => x.id === id);
      if (!s || !isRunning(s, asOf)) return false;
      const inScope = schoolsInScope(model, s, asOf).filter((x) => scope.schoolIds.has(x));
      // The district's cards also count district-level structures (no schools); an area's
      // cards only structures at its schools.
      if (inScope.length === 0 && !(scope.kind === 'district' && appliesToDistrict(s))) {
        return false;
      }
      for (const x of inScope) schools.add(x);
      return true;
    });
  const responsible = keep(r.responsibleFor);
  const participates = keep([...r.participatesIn, ...r.contributesTo]).filter(
    (id, i, all) => !responsible.includes(id) && all.indexOf(id) === i,
  );
  return { responsible, participates, schools };
}

function structureNames(model: Model, ids: readonly string[]): string[] {
  return ids.map((id) => model.structures.find((s) => s.id === id)?.name ?? id);
}

function scopeOf(model: Model, area: string | undefined, asOf: IsoDate, lang: Lang): Scope {
  if (area === undefined) {
    const schools = activeSchools(model, asOf);
    return {
      kind: 'district',
      id: model.organisation.district.id,
      schools,
      schoolIds: new Set(schools.map((s) => s.id)),
    };
  }
  if (!model.organisation.areas.some((a) => a.id === area)) {
    throw new Error(
      cw(lang, 'noArea', {
        area,
        areas: model.organisation.areas.map((a) => `«${a.id}»`).join(', ') || cw(lang, 'none'),
      }),
    );
  }
  const schools = schoolsInArea(model, area, asOf);
  return { kind: 'area', id: area, schools, schoolIds: new Set(schools.map((s) => s.id)) };
}

function servesText(
  model: Model,
  schools: readonly string[],
  areas: readonly string[],
  districtWide: boolean,
  scope: Scope,
  asOf: IsoDate,
  lang: Lang,
): string {
  const district = model.organisation.district.name;
  const name = (id: string) => model.organisation.schools.find((s) => s.id === id)?.name ?? id;
  if (districtWide) return cw(lang, 'wholeDistrict', { district });
  if (schools.length === 0) return cw(lang, 'none');
  const all = scope.schools.every((s) => schools.includes(s.id));
  if (scope.kind === 'district' && all && areas.length > 1) {
    const names = model.organisation.areas.filter((a) => areas.includes(a.id)).map((a) => a.name);
    return cw(lang, 'areasAll', {
      areas: joinAnd(names, lang),
      count: scope.schools.length,
      district,
    });
  }
  if (scope.kind === 'district' && all && scope.schools.length > 3) {
    return cw(lang, 'allSchools', { count: scope.schools.length, district });
  }
  if (areas.length === 0) return joinAnd(schools.map(name), lang);
  // Area by area, then any schools held on their own.
  const parts = areas.map((id) => {
    const area = model.organisation.areas.find((a) => a.id === id)?.name ?? id;
    const inArea = schoolsInArea(model, id, asOf)
      .map((s) => s.id)
      .filter((s) => schools.includes(s));
    return cw(lang, 'areaSchools', { area, schools: joinAnd(inArea.map(name), lang) });
  });
  const covered = new Set(areas.flatMap((id) => schoolsInArea(model, id, asOf).map((s) => s.id)));
  const rest = schools.filter((s) => !covered.has(s));
  if (rest.length > 0) parts.push(joinAnd(rest.map(name), lang));
  return parts.join('; ');
}

/** The role cards of an area (the roles that serve it) or of the whole district (every role). */
export function roleCards(model: Model, options: CardOptions = {}): RoleCards {
  const lang = options.lang ?? 'nb';
  const personalData = options.personalData ?? true;
  const asOf =
    options.asOf ??
    (model.schoolYear !== undefined ? schoolYearStart(model.schoolYear) : undefined);
  if (asOf === undefined) throw new Error(cw(lang, 'noDay'));
  const scope = scopeOf(model, options.area, asOf, lang);
  const district = model.organisation.district.name;
  const areaEntity = model.organisation.areas.find((a) => a.id === scope.id);
  const scopeName = areaEntity ? cw(lang, 'areaName', { area: areaEntity.name }) : district;
  const schoolName = (id: string) =>
    model.organisation.schools.find((s) => s.id === id)?.name ?? id;
  const areaName = (id: string) => model.organisation.areas.find((a) => a.id === id)?.name ?? id;

  const cards: RoleCard[] = [];
  for (const role of model.roles) {
    const current = role.assignments.filter((a) => periodCovers(a, asOf));
    const inScope = current.filter((a) => assignmentInScope(a, scope));
    const local = inScope.filter((a) => a.school !== undefined || a.area !== undefined);
    const links = structureLinks(model, role, scope, asOf);
    if (scope.kind === 'area') {
      // An area's cards: roles held in the area or at its schools, and district-wide roles
      // (or roles without a current holder) that work in the area's running structures.
      const districtWide = inScope.length > 0 && local.length === 0;
      const unassigned = current.length === 0;
      const linked = links.responsible.length + links.participates.length > 0;
      if (!(local.length > 0 || ((districtWide || unassigned) && linked))) continue;
    }

    // Which schools it serves.
    const schoolSet = new Set<string>();
    for (const a of inScope) {
      for (const s of assignmentSchools(model, a, asOf)) {
        if (scope.schoolIds.has(s)) schoolSet.add(s);
      }
    }
    const districtWide = inScope.some((a) => a.school === undefined && a.area === undefined);
    if (inScope.length === 0) for (const s of links.schools) schoolSet.add(s);
    const areas = [...new Set(local.filter((a) => a.school === undefined).map((a) => a.area!))];
    const schools = scope.schools.map((s) => s.id).filter((id) => schoolSet.has(id));

    // What it is for.
    let purpose: string;
    let purposeFrom: RoleCard['purposeFrom'];
    if (role.mandate) {
      purpose = role.mandate;
      purposeFrom = 'mandate';
    } else if (links.responsible.length + links.participates.length > 0) {
      const parts: string[] = [];
      if (links.responsible.length > 0) {
        parts.push(
          `${cw(lang, 'responsibleFor')}: ${joinAnd(structureNames(model, links.responsible), lang)}.`,
        );
      }
      if (links.participates.length > 0) {
        parts.push(
          `${cw(lang, 'takesPartIn')}: ${joinAnd(structureNames(model, links.participates), lang)}.`,
        );
      }
      purpose = parts.join(' ');
      purposeFrom = 'structures';
    } else {
      purpose = cw(lang, 'noPurpose');
      purposeFrom = 'none';
    }

    // How to reach it.
    const neutral = neutralReach(model, role, lang);
    const lines: ContactLine[] = inScope.map((a) => {
      const where =
        a.school !== undefined
          ? schoolName(a.school)
          : a.area !== undefined
            ? areaName(a.area)
            : undefined;
      const person = personalData ? a.person : undefined;
      return {
        ...(where !== undefined ? { where } : {}),
        text: person ? personLine(person, neutral, lang) : neutral,
        ...(person ? { person } : {}),
      };
    });
    let contacts: ContactLine[];
    if (lines.length === 0 || lines.every((l) => l.person === undefined)) {
      contacts = [{ text: neutral }];
    } else if (lines.length === 1) {
      contacts = [lines[0]!];
    } else {
      // One line per person and place; a place with a named person drops its neutral line
      // (e.g. an old vacancy next to the new holder).
      const named = new Set(lines.filter((l) => l.person).map((l) => l.where ?? ''));
      const seen = new Set<string>();
      contacts = lines.filter((l) => {
        if (!l.person && named.has(l.where ?? '')) return false;
        const key = `${l.where ?? ''}|${l.text}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }

    cards.push({
      role: role.id,
      title: role.title,
      ...(role.abbreviation ? { abbreviation: role.abbreviation } : {}),
      group: groupOf(role),
      workplace: workplaceOf(model, role, lang),
      purpose,
      purposeFrom,
      serves: servesText(model, schools, areas, districtWide, scope, asOf, lang),
      schools,
      contacts,
    });
  }

  return {
    lang,
    asOf,
    scope: { kind: scope.kind, id: scope.id, name: areaEntity?.name ?? district },
    scopeName,
    district,
    ...(model.schoolYear !== undefined ? { schoolYear: model.schoolYear } : {}),
    schools: scope.schools,
    personalData,
    contentLang: model.language,
    cards,
  };
}

// ---------------------------------------------------------------------------------------------
// As document outlines (Word, PDF and HTML through the existing writers)

const GROUPS: CardGroup[] = ['district', 'school', 'home'];

/** The groups of the cards in the order their first card comes. */
function grouped(cards: readonly RoleCard[]): { group: CardGroup; cards: RoleCard[] }[] {
  const order = [...new Set(cards.map((c) => c.group))];
  return order
    .sort((a, b) => order.indexOf(a) - order.indexOf(b) || GROUPS.indexOf(a) - GROUPS.indexOf(b))
    .map((group) => ({ group, cards: cards.filter((c) => c.group === group) }));
}

/** A contact line with its place when it has one: «Ammerud: Kari Nordmann, tlf. …». */
export function contactText(line: ContactLine): string {
  return line.where !== undefined ? `${line.where}: ${line.text}` : line.text;
}

function metaOf(cards: RoleCards): Outline['meta'] {
  const lang = cards.lang;
  return [
    ...(cards.scope.kind === 'area' ? [{ label: cw(lang, 'area'), value: cards.scopeName }] : []),
    {
      label: cw(lang, 'schools'),
      value: joinAnd(
        cards.schools.map((s) => s.name),
        lang,
      ),
    },
    ...(cards.schoolYear !== undefined
      ? [{ label: cw(lang, 'schoolYear'), value: cards.schoolYear.replace('-', '–') }]
      : []),
    { label: cw(lang, 'asOf'), value: formatDate(cards.asOf, lang) },
  ];
}

/** Unique heading ids, as `planOutline` makes them. */
function headingMaker(blocks: Block[]) {
  const ids = new Set<string>();
  return (level: 1 | 2 | 3, text: string) => {
    const base = slugify(text) || 'del';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    blocks.push({ kind: 'heading', level, text, id });
  };
}

/**
 * The role cards as a document: a heading per group («Fra bydelen», «På skolen», «Foreldre og
 * elever»), then per role its title, what it does, and a short list: workplace, schools, contact.
 */
export function cardsOutline(cards: RoleCards): Outline {
  const lang = cards.lang;
  const blocks: Block[] = [];
  const heading = headingMaker(blocks);
  blocks.push({
    kind: 'paragraph',
    text: cw(lang, 'cardsIntro', { name: cards.scopeName }),
    style: 'lead',
  });
  for (const { group, cards: list } of grouped(cards.cards)) {
    heading(2, cw(lang, `group.${group}`));
    for (const card of list) {
      heading(3, cardTitle(card));
      blocks.push({ kind: 'paragraph', text: card.purpose });
      blocks.push({
        kind: 'list',
        items: [
          `${cw(lang, 'workplace')}: ${card.workplace}`,
          `${cw(lang, 'serves')}: ${card.serves}`,
          ...card.contacts.map((c) => `${cw(lang, 'contact')}: ${contactText(c)}`),
        ],
      });
    }
  }
  return {
    lang,
    title: cw(lang, 'cardsTitle', { name: cards.scopeName }),
    meta: metaOf(cards),
    blocks,
  };
}

/** The contact sheet: one table, a row per role (role, workplace, schools, how to reach it). */
export function contactSheetOutline(cards: RoleCards): Outline {
  const lang = cards.lang;
  const title = cw(lang, 'sheetTitle', { name: cards.scopeName });
  return {
    lang,
    title,
    meta: metaOf(cards),
    blocks: [
      { kind: 'paragraph', text: cw(lang, 'sheetIntro') },
      {
        kind: 'table',
        id: 'kontaktark',
        caption: title,
        columns: [
          { header: cw(lang, 'role'), width: 24 },
          { header: cw(lang, 'workplace'), width: 22 },
          { header: cw(lang, 'serves'), width: 24 },
          { header: cw(lang, 'reach'), width: 30 },
        ],
        rows: cards.cards.map((c) => [
          cardTitle(c),
          c.workplace,
          c.serves,
          c.contacts.map(contactText).join('; '),
        ]),
        rowHeaders: true,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// A standalone web page

/** The look shared by the standalone cards and glossary pages (AA contrast, prints on A4). */
export const PAGE_CSS = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #4d4d4d; --link: #0b5394;
  --rule: #b8c2cc; --card-bg: #f5f7fa; --focus: #0b5394; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: var(--text);
  font-family: Arimo, Arial, Helvetica, 'Liberation Sans', sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.skip { position: absolute; left: 0.5rem; top: -10rem; padding: 0.5rem 1rem; background: #ffffff;
  color: var(--link); border: 2px solid var(--link); z-index: 1; }
.skip:focus { top: 0.5rem; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
p { margin: 0 0 0.75rem; max-width: 48rem; }
.lead { font-size: 1.1rem; }
.meta { margin: 0 0 1rem; }
.meta div { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.meta dt { flex: 0 0 8rem; font-weight: bold; }
.meta dd { flex: 1 1 16rem; margin: 0; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.card { height: 100%; padding: 1rem 1.1rem; background: var(--card-bg); border: 1px solid var(--rule);
  border-top: 4px solid var(--link); border-radius: 4px; }
.card dl { margin: 0.75rem 0 0; }
.card dt { font-weight: bold; font-size: 0.9rem; }
.card dd { margin: 0 0 0.5rem; }
.card ul { margin: 0; padding-left: 1.1rem; }
.letters { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.letters a { display: inline-block; min-width: 1.75rem; padding: 0.1rem 0.3rem; text-align: center; }
.terms dt { font-weight: bold; font-size: 1.05rem; margin-top: 1rem; }
.terms dd { margin: 0.25rem 0 0 0; max-width: 48rem; }
.terms dd p { margin: 0 0 0.25rem; }
.muted { color: var(--muted); }
@media print {
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  .skip, .letters { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .cards { grid-template-columns: 1fr 1fr; gap: 4mm; }
  .card { break-inside: avoid; page-break-inside: avoid; background: none; }
  .terms dt { break-after: avoid; page-break-after: avoid; }
  .terms dd { break-inside: avoid; page-break-inside: avoid; }
}
@page { size: A4; margin: 15mm; }
`.trim();

export interface StandalonePage {
  lang: Lang;
  title: string;
  description?: string;
  /** HTML under the h1 inside the header (already escaped). */
  header: string;
  /** HTML of the main content (already escaped). */
  main: string;
}

/** A self-contained page: one h1, a skip link, header and main; inline CSS; no scripts. */
export function standalonePage(page: StandalonePage): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    ...(page.description !== undefined
      ? [`<meta name="description" content="${escapeHtml(page.description)}">`]
      : []),
    `<style>\n${PAGE_CSS}\n</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#innhold">${escapeHtml(cw(page.lang, 'skip'))}</a>`,
    '<div class="page">',
    '<header>',
    `<h1>${escapeHtml(page.title)}</h1>`,
    page.header,
    '</header>',
    '<main id="innhold" tabindex="-1">',
    page.main,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The outline's facts as a description list. */
export function metaHtml(meta: Outline['meta']): string {
  if (meta.length === 0) return '';
  const rows = meta
    .map((m) => `<div><dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd></div>`)
    .join('\n');
  return `<dl class="meta">\n${rows}\n</dl>`;
}

/** A contact line as HTML, with `tel:` and `mailto:` links for a person's phone and e-mail. */
function contactHtml(line: ContactLine, lang: Lang): string {
  const where = line.where !== undefined ? `${escapeHtml(line.where)}: ` : '';
  const p = line.person;
  if (!p || (!p.phone && !p.email)) return where + escapeHtml(line.text);
  const parts = [escapeHtml(p.name)];
  if (p.phone) {
    const tel = p.phone.replace(/[^\d+]/g, '');
    parts.push(
      `${escapeHtml(cw(lang, 'phone'))} <a href="tel:${escapeHtml(tel)}">${escapeHtml(p.phone)}</a>`,
    );
  }
  if (p.email) {
    parts.push(
      `${escapeHtml(cw(lang, 'email'))} <a href="mailto:${escapeHtml(p.email)}">${escapeHtml(p.email)}</a>`,
    );
  }
  return where + parts.join(', ');
}

export interface CardsHtmlOptions {
  /** The page's `<meta name="description">`. */
  description?: string;
}

/**
 * The role cards as a standalone, accessible web page for a school's website: a grid of cards
 * (one `<article>` per role, its title an h3 under the group's h2), links to call or e-mail a
 * named person, two cards a row when printed.
 */
export function renderCardsHtml(cards: RoleCards, options: CardsHtmlOptions = {}): string {
  const lang = cards.lang;
  const outline = cardsOutline(cards);
  // The model's own texts may be in another language than the page's words.
  const own = cards.contentLang !== lang ? ` lang="${escapeHtml(cards.contentLang)}"` : '';
  const main: string[] = [];
  const used = new Set<string>(['innhold']);
  const id = (base: string) => {
    let x = base;
    for (let n = 2; used.has(x); n++) x = `${base}-${n}`;
    used.add(x);
    return x;
  };
  for (const { group, cards: list } of grouped(cards.cards)) {
    const groupTitle = cw(lang, `group.${group}`);
    const gid = id(slugify(groupTitle) || 'gruppe');
    main.push(
      `<section aria-labelledby="${gid}">`,
      `<h2 id="${gid}">${escapeHtml(groupTitle)}</h2>`,
    );
    main.push('<ul class="cards">');
    for (const card of list) {
      const cid = id(`rolle-${slugify(card.role) || 'x'}`);
      const contacts = card.contacts.map((c) => `<li>${contactHtml(c, lang)}</li>`).join('');
      main.push(
        [
          `<li><article class="card" aria-labelledby="${cid}">`,
          `<h3 id="${cid}"${own}>${escapeHtml(cardTitle(card))}</h3>`,
          `<p${card.purposeFrom === 'mandate' ? own : ''}>${escapeHtml(card.purpose)}</p>`,
          '<dl>',
          `<dt>${escapeHtml(cw(lang, 'workplace'))}</dt><dd>${escapeHtml(card.workplace)}</dd>`,
          `<dt>${escapeHtml(cw(lang, 'serves'))}</dt><dd>${escapeHtml(card.serves)}</dd>`,
          `<dt>${escapeHtml(cw(lang, 'contact'))}</dt><dd><ul>${contacts}</ul></dd>`,
          '</dl>',
          '</article></li>',
        ].join('\n'),
      );
    }
    main.push('</ul>', '</section>');
  }
  const intro = outline.blocks[0];
  return standalonePage({
    lang,
    title: outline.title,
    ...(options.description !== undefined ? { description: options.description } : {}),
    header: [
      ...(intro?.kind === 'paragraph' ? [`<p class="lead">${escapeHtml(intro.text)}</p>`] : []),
      metaHtml(outline.meta),
    ].join('\n'),
    main: main.join('\n'),
  });
}
