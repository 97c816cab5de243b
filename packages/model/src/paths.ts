/**
 * Paths into a model file, as people read them: `structures[12].cadence`,
 * `organisation.schools[3].memberships[0].to`, and `` for the root. Also: the value at a path
 * in a parsed JSON value, and the keys a zod object schema knows at a path (for «did you mean»).
 */
import type { z } from 'zod';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['structures', 12, 'cadence']` → `structures[12].cadence`; `[]` → `` (the root). */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && PLAIN_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** Appends segments to a formatted path. */
export function joinPath(base: string, ...rest: PathSegment[]): string {
  const tail = formatPath(rest);
  if (!base) return tail;
  if (!tail) return base;
  return tail.startsWith('[') ? base + tail : `${base}.${tail}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path, and whether the path exists (a key present, an index in range). */
export function valueAt(
  root: unknown,
  path: readonly PropertyKey[],
): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') {
      if (seg < 0 || seg >= cur.length) return { found: false, value: undefined };
      cur = cur[seg];
    } else if (isPlainObject(cur) && typeof seg === 'string') {
      if (!Object.prototype.hasOwnProperty.call(cur, seg))
        return { found: false, value: undefined };
      cur = cur[seg];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: cur };
}

// ---------------------------------------------------------------------------------------------
// Walking a zod schema along a path (zod 4 internals, read defensively)

interface Def {
  type?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, unknown>;
  getter?: () => z.ZodType;
}

function defOf(schema: unknown): Def {
  const zod = (schema as { _zod?: { def?: Def } } | undefined)?._zod;
  return zod?.def ?? {};
}

/** Strips wrappers (optional, default, pipe, …) down to the schema that checks the value. */
function unwrap(schema: z.ZodType, value: unknown, depth = 0): z.ZodType | undefined {
  if (depth > 20) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return def.innerType ? unwrap(def.innerType, value, depth + 1) : undefined;
    case 'pipe':
      return def.in ? unwrap(def.in, value, depth + 1) : undefined;
    case 'lazy':
      return def.getter ? unwrap(def.getter(), value, depth + 1) : undefined;
    case 'union': {
      const options = def.options ?? [];
      const objects = options
        .map((o) => unwrap(o, value, depth + 1))
        .filter((o): o is z.ZodType => !!o && defOf(o).type === 'object');
      if (objects.length === 0) return undefined;
      if (def.discriminator && isPlainObject(value)) {
        const tag = value[def.discriminator];
        const hit = objects.find((o) =>
          literalValues(defOf(o).shape?.[def.discriminator!]).includes(tag),
        );
        if (hit) return hit;
      }
      return objects.length === 1 ? objects[0] : undefined;
    }
    default:
      return schema;
  }
}

function literalValues(schema: z.ZodType | undefined): unknown[] {
  if (!schema) return [];
  const def = defOf(schema);
  if (def.type === 'literal') return def.values ?? [];
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  if (def.innerType) return literalValues(def.innerType);
  return [];
}

/**
 * The keys the object schema at `path` accepts, following `input` to choose union branches;
 * an empty list when the path does not lead to one object schema.
 */
export function knownKeysAt(
  schema: z.ZodType,
  path: readonly PropertyKey[],
  input: unknown,
): string[] {
  let cur: z.ZodType | undefined = schema;
  let value: unknown = input;
  for (const seg of path) {
    cur = cur && unwrap(cur, value);
    if (!cur) return [];
    const def = defOf(cur);
    if (def.type === 'object' && typeof seg === 'string') cur = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') cur = def.element;
    else return [];
    value = isPlainObject(value)
      ? value[seg as string]
      : Array.isArray(value)
        ? value[seg as number]
        : undefined;
  }
  cur = cur && unwrap(cur, value);
  const def = cur ? defOf(cur) : {};
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}
