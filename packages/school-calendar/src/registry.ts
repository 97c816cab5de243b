/**
 * Kommuner and their school years: the bundled data plus whatever files a user adds.
 * A later file's year replaces an earlier one for the same kommune and year (a correction).
 */
import { ArshjulError } from './errors.js';
import { parseCalendarFile, type KommuneCalendarFile, type SchoolYearData } from './schema.js';
import { SchoolYear, type KommuneInfo } from './school-year.js';
import { isValidIsoDate, type IsoDate } from './dates.js';
import osloData from './data/oslo.json' with { type: 'json' };

/** The calendar data that ship with the package (Oslo 2024-25 … 2027-28, derived). */
export const BUNDLED_CALENDARS: readonly KommuneCalendarFile[] = [
  parseCalendarFile(osloData, 'oslo.json'),
];

/**
 * Accepts `2025-26`, `2025/26`, `25/26`, `2025-2026` and `2025/2026`; returns `2025-26`.
 * Throws a clear message for anything else, including two years that do not follow each other.
 */
export function normalizeSchoolYearName(input: string, where = 'skoleår'): string {
  const s = input.trim();
  const m = /^(\d{2}|\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/.exec(s);
  if (!m) {
    throw new ArshjulError(
      'calendar.year-format',
      `«${input}» er ikke et skoleår. Skriv for eksempel 2025-26.`,
      where,
    );
  }
  const a = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const b =
    m[2]!.length === 2
      ? Math.floor(a / 100) * 100 + Number(m[2]) + (Number(m[2]) < a % 100 ? 100 : 0)
      : Number(m[2]);
  if (b !== a + 1) {
    throw new ArshjulError(
      'calendar.year-format',
      `«${input}» er ikke et skoleår: et skoleår går fra ett år til det neste (for eksempel ${a}-${String((a + 1) % 100).padStart(2, '0')}).`,
      where,
    );
  }
  return `${a}-${String(b % 100).padStart(2, '0')}`;
}

/** The school year a date belongs to (1 August starts a new one). */
export function schoolYearNameOf(date: IsoDate): string {
  const y = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A kommune's id from its name: «Nord-Fron kommune» → `nord-fron`, «Aurskog Høland» → `aurskog-høland`. */
export function kommuneId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+kommune$/, '')
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9æøå-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export class KommuneCalendar {
  private readonly data = new Map<string, SchoolYearData>();
  private readonly sources = new Map<string, string>();
  private readonly built = new Map<string, SchoolYear>();

  constructor(readonly info: KommuneInfo) {}

  get id(): string {
    return this.info.id;
  }

  get name(): string {
    return this.info.name;
  }

  /** Adds or replaces a year. */
  setYear(year: SchoolYearData, source: string): void {
    this.data.set(year.year, year);
    this.sources.set(year.year, source);
    this.built.delete(year.year);
  }

  years(): string[] {
    return [...this.data.keys()].sort();
  }

  hasYear(name: string): boolean {
    return this.data.has(normalizeSchoolYearName(name));
  }

  year(name: string): SchoolYear {
    const key = normalizeSchoolYearName(name);
    const hit = this.built.get(key);
    if (hit) return hit;
    const data = this.data.get(key);
    if (!data) {
      const known = this.years();
      throw new ArshjulError(
        'calendar.unknown-year',
        `${this.info.name} har ingen skolerute for ${key}.${known.length ? ` Kjente skoleår: ${known.join(', ')}.` : ''}`,
        'skoleår',
        'Legg til skoleåret med en kalenderfil (--data fil.json) eller importer skoleruta som .ics (--ics fil.ics).',
      );
    }
    const year = new SchoolYear(data, this.info, `${this.sources.get(key) ?? this.info.id} ${key}`);
    this.built.set(key, year);
    return year;
  }

  /** The school year that holds a date. */
  yearOf(date: IsoDate): SchoolYear {
    if (!isValidIsoDate(date)) {
      throw new ArshjulError('date.format', `«${date}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD).`);
    }
    return this.year(schoolYearNameOf(date));
  }
}

export class CalendarRegistry {
  private readonly kommuner = new Map<string, KommuneCalendar>();

  /** Starts with the bundled data unless `bundled` is false. */
  constructor(options: { bundled?: boolean } = {}) {
    if (options.bundled !== false)
      for (const f of BUNDLED_CALENDARS) this.addFile(f, `${f.kommune.id}.json`);
  }

  /** Adds a kommune calendar file (already parsed JSON); its years replace existing ones. */
  addFile(value: unknown, source = 'kalenderfil'): this {
    const file = parseCalendarFile(value, source);
    const id = file.kommune.id;
    const existing = this.kommuner.get(id);
    const info = existing?.info ?? {
      id,
      name: file.kommune.name,
      timeZone: file.kommune.timeZone,
    };
    // Check every year before anything is changed, so a broken file is reported when it is
    // loaded and leaves the registry as it was (a bad correction must not replace a good year).
    for (const y of file.years) new SchoolYear(y, info, `${source} ${y.year}`);
    const k = existing ?? new KommuneCalendar(info);
    this.kommuner.set(id, k);
    for (const y of file.years) k.setYear(y, source);
    return this;
  }

  list(): KommuneInfo[] {
    return [...this.kommuner.values()].map((k) => k.info);
  }

  /** Finds a kommune by id or name, ignoring case and a trailing «kommune». */
  kommune(idOrName: string): KommuneCalendar {
    const key = idOrName
      .trim()
      .toLowerCase()
      .replace(/\s+kommune$/, '');
    const hit =
      this.kommuner.get(key) ??
      this.kommuner.get(kommuneId(idOrName)) ??
      [...this.kommuner.values()].find((k) => k.name.toLowerCase() === key);
    if (!hit) {
      const known = [...this.kommuner.keys()].join(', ') || 'ingen';
      throw new ArshjulError(
        'calendar.unknown-kommune',
        `Ukjent kommune «${idOrName}». Kjente kommuner: ${known}.`,
        'kommune',
        'Andre kommuner legges til med en kalenderfil (--data fil.json) eller en .ics-fil med skoleruta (--ics fil.ics).',
      );
    }
    return hit;
  }

  /** Shorthand for `kommune(k).year(y)`. */
  schoolYear(kommune: string, year: string): SchoolYear {
    return this.kommune(kommune).year(year);
  }
}
