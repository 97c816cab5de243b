/**
 * The school calendar a model resolves its rules against: the bundled (or given) calendars plus
 * the model's own school years (`schoolCalendar.years`), which win over a bundled or derived
 * year of the same name. Cheap to call after every edit: the model's years are only stored; a
 * year is built (its day table worked out) the first time someone asks for it.
 */
import {
  CalendarRegistry,
  KommuneCalendar,
  SchoolYear,
  isArshjulError,
  kommuneId,
  parseCalendarFile,
  type KommuneInfo,
} from '@arshjul/school-calendar';
import type { Model } from './schema.js';

let shared: CalendarRegistry | undefined;
/** The bundled calendars, made once (never handed out for changes: see calendarRegistryFor). */
function bundled(): CalendarRegistry {
  return (shared ??= new CalendarRegistry());
}

/** How CalendarRegistry.kommune reads an id or name. */
function key(idOrName: string): string {
  return idOrName
    .trim()
    .toLowerCase()
    .replace(/\s+kommune$/, '');
}

function tryKommune(registry: CalendarRegistry, idOrName: string): KommuneCalendar | undefined {
  try {
    return registry.kommune(idOrName);
  } catch (e) {
    if (isArshjulError(e)) return undefined;
    throw e;
  }
}

/** A kommune whose own years (the model's, then added files) come before those of the base. */
class LayeredKommune extends KommuneCalendar {
  constructor(
    info: KommuneInfo,
    private readonly below: KommuneCalendar | undefined,
  ) {
    super(info);
  }

  private own(name: string): boolean {
    return super.hasYear(name);
  }

  override years(): string[] {
    return [...new Set([...super.years(), ...(this.below?.years() ?? [])])].sort();
  }

  override hasYear(name: string): boolean {
    return this.own(name) || (this.below?.hasYear(name) ?? false);
  }

  override year(name: string): SchoolYear {
    if (this.below && !this.own(name) && this.below.hasYear(name)) return this.below.year(name);
    return super.year(name);
  }
}

/** The base registry with one kommune layered: the model's. */
class ModelCalendarRegistry extends CalendarRegistry {
  private readonly names: Set<string>;

  constructor(
    private readonly base: CalendarRegistry,
    private readonly layered: LayeredKommune,
    aliases: readonly string[],
  ) {
    super({ bundled: false });
    this.names = new Set(
      [layered.id, layered.name, ...aliases].flatMap((n) => [key(n), kommuneId(n)]),
    );
  }

  override kommune(idOrName: string): KommuneCalendar {
    if (this.names.has(key(idOrName)) || this.names.has(kommuneId(idOrName))) return this.layered;
    return this.base.kommune(idOrName);
  }

  override list(): KommuneInfo[] {
    const rest = this.base.list().filter((k) => k.id !== this.layered.id);
    return [...rest, this.layered.info];
  }

  /**
   * A file for the model's kommune corrects the model's years (as with --data after the model);
   * a file for another kommune is added to the base registry.
   */
  override addFile(value: unknown, source = 'kalenderfil'): this {
    const file = parseCalendarFile(value, source);
    if (!this.names.has(key(file.kommune.id))) {
      this.base.addFile(file, source);
      return this;
    }
    for (const y of file.years) new SchoolYear(y, this.layered.info, `${source} ${y.year}`);
    for (const y of file.years) this.layered.setYear(y, source);
    return this;
  }
}

/**
 * A registry with the bundled calendars (or `base`) plus the model's own school years, which win.
 * Without own years (and no own kommune) this is `base` itself, or a registry of the bundled
 * calendars shared between calls: add files only to a registry you made (pass it as `base`).
 * Files added to the result go to the model's kommune (over the model's years) or to `base`.
 */
export function calendarRegistryFor(model: Model, base?: CalendarRegistry): CalendarRegistry {
  const cal = model.schoolCalendar;
  const under = base ?? bundled();
  if (!cal || (cal.years.length === 0 && !cal.kommune)) return under;
  const district = model.organisation.district.kommune;
  const below = tryKommune(under, district) ?? (cal.kommune && tryKommune(under, cal.kommune.id));
  const info: KommuneInfo = below?.info ?? {
    id: cal.kommune?.id ?? kommuneId(district),
    name: cal.kommune?.name ?? district,
    timeZone: cal.kommune?.timeZone ?? 'Europe/Oslo',
  };
  const layered = new LayeredKommune(info, below);
  const source = cal.source ?? `${model.id} (modellens skolerute)`;
  for (const y of cal.years) layered.setYear(y, source);
  const aliases = [district, ...(cal.kommune ? [cal.kommune.id, cal.kommune.name] : [])];
  return new ModelCalendarRegistry(under, layered, aliases);
}

/**
 * The id of the kommune the model's school years are for: `organisation.district.kommune` as the
 * registry knows it, else `schoolCalendar.kommune.id`. Throws the registry's «Ukjent kommune»
 * error (with the kommuner it knows) when neither is known.
 */
export function modelKommuneId(model: Model, registry: CalendarRegistry): string {
  const district = model.organisation.district.kommune;
  const own = model.schoolCalendar?.kommune;
  const hit = tryKommune(registry, district) ?? (own && tryKommune(registry, own.id));
  if (hit) return hit.id;
  if (own) return own.id;
  return registry.kommune(district).id;
}
