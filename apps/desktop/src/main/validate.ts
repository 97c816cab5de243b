/**
 * zod schemas for every IPC message (main trusts nothing the renderer sends). A message that
 * does not match is rejected with a Norwegian (bokmål) message naming what was wrong.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { MAX_TEXT_BYTES, UserFacingError } from './files.js';
import { checkExternalUrl } from './security.js';
import { CHANNELS, FILE_KINDS } from '../shared/api.js';

export const MAX_EXPORT_FILES = 200;
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;
const MAX_PATH = 4096;
const MAX_NAME = 200;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** An absolute path as the renderer got it from main (it is checked against main's lists too). */
export const pathSchema = z
  .string({ error: 'stien må være tekst' })
  .min(1, { error: 'stien er tom' })
  .max(MAX_PATH, { error: 'stien er for lang' })
  .refine((p) => !p.includes('\0'), { error: 'stien inneholder ugyldige tegn' })
  .refine((p) => isAbsolute(p), { error: 'stien må være absolutt' });

export const textSchema = z
  .string({ error: 'innholdet må være tekst' })
  .refine((t) => t.length <= MAX_TEXT_BYTES && utf8Bytes(t) <= MAX_TEXT_BYTES, {
    error: 'innholdet er for stort (største tillatte er 20 MB)',
  });

/** A single file or folder name: no path separators, no `..`, nothing the OS forbids. */
export const fileNameSchema = z
  .string({ error: 'filnavnet må være tekst' })
  .min(1, { error: 'filnavnet er tomt' })
  .max(MAX_NAME, { error: 'filnavnet er for langt' })
  .refine((n) => !/[/\\]/.test(n), { error: 'filnavnet kan ikke inneholde / eller \\' })
  .refine((n) => n !== '.' && n !== '..', { error: 'filnavnet kan ikke være . eller ..' })
  // eslint-disable-next-line no-control-regex
  .refine((n) => !/[\u0000-\u001f<>:"|?*]/.test(n), {
    error: 'filnavnet inneholder ugyldige tegn',
  })
  .refine((n) => n.trim() === n && !n.endsWith('.'), {
    error: 'filnavnet kan ikke begynne eller slutte med mellomrom eller punktum',
  });

/**
 * An export file's name relative to the export folder: a file name, or one sub-folder and a file
 * name (`ammerud/plan-ammerud-2025-26.pdf`), each part a valid file name, `/` as the separator.
 */
export const exportPathSchema = z
  .string({ error: 'filnavnet må være tekst' })
  .max(2 * MAX_NAME + 1, { error: 'filnavnet er for langt' })
  .refine((n) => !n.includes('\\'), { error: 'filnavnet kan ikke inneholde \\' })
  .refine((n) => !n.startsWith('/') && !/^[a-z]:/i.test(n), {
    error: 'filnavnet kan ikke være en absolutt sti',
  })
  .refine((n) => n.split('/').length <= 2, {
    error: 'filnavnet kan ha høyst én undermappe (mappe/fil)',
  })
  .superRefine((n, ctx) => {
    for (const part of n.split('/')) {
      const result = fileNameSchema.safeParse(part);
      if (!result.success) {
        ctx.addIssue({
          code: 'custom',
          message: `«${n}»: ${result.error.issues[0]?.message ?? 'ugyldig filnavn'}`,
        });
        return;
      }
    }
  });

export const urlSchema = z
  .string({ error: 'lenken må være tekst' })
  .refine((u) => checkExternalUrl(u) !== null, {
    error: 'bare https-lenker uten brukernavn eller passord kan åpnes',
  });

const exportRequestSchema = z
  .object(
    {
      name: fileNameSchema,
      files: z
        .array(
          z.object({
            name: exportPathSchema,
            bytes: z.instanceof(Uint8Array, { error: 'filinnholdet må være bytes' }),
          }),
          { error: 'filene må være en liste' },
        )
        .min(1, { error: 'ingen filer å eksportere' })
        .max(MAX_EXPORT_FILES, { error: 'for mange filer' }),
    },
    { error: 'eksporten må være et objekt' },
  )
  .strict()
  .refine((r) => r.files.reduce((sum, f) => sum + f.bytes.byteLength, 0) <= MAX_EXPORT_BYTES, {
    error: 'eksporten er for stor (største tillatte er 200 MB)',
  })
  .refine((r) => new Set(r.files.map((f) => f.name.toLowerCase())).size === r.files.length, {
    error: 'to filer har samme navn',
  })
  .refine(
    (r) => {
      const folders = new Set(
        r.files.filter((f) => f.name.includes('/')).map((f) => f.name.split('/')[0]!.toLowerCase()),
      );
      return !r.files.some((f) => folders.has(f.name.toLowerCase()));
    },
    { error: 'en fil har samme navn som en mappe i eksporten' },
  );

/** The argument list each channel accepts (exactly these, nothing more). */
export const argumentSchemas = {
  openFile: z.tuple([z.enum(FILE_KINDS).optional()]),
  openRecent: z.tuple([pathSchema]),
  recentFiles: z.tuple([]),
  saveFile: z.tuple([pathSchema.nullable(), textSchema, fileNameSchema]),
  exportFiles: z.tuple([exportRequestSchema]),
  openFolder: z.tuple([pathSchema]),
  print: z.tuple([]),
  readRecovery: z.tuple([]),
  writeRecovery: z.tuple([textSchema, pathSchema.nullable()]),
  clearRecovery: z.tuple([]),
  setDirty: z.tuple([z.boolean({ error: 'verdien må være sann eller usann' })]),
  openExternal: z.tuple([urlSchema]),
  saveDone: z.tuple([
    z.number({ error: 'id-en må være et tall' }).int().nonnegative(),
    z.boolean({ error: 'verdien må være sann eller usann' }),
  ]),
} satisfies Record<keyof typeof CHANNELS, z.ZodType>;

export type ChannelName = keyof typeof CHANNELS;
export type ChannelArgs<K extends ChannelName> = z.infer<(typeof argumentSchemas)[K]>;

/** Parses the arguments of one message or throws a Norwegian error. */
export function parseArgs<K extends ChannelName>(channel: K, args: unknown[]): ChannelArgs<K> {
  const result = argumentSchemas[channel].safeParse(args);
  if (result.success) return result.data as ChannelArgs<K>;
  const issue = result.error.issues[0];
  const detail =
    issue?.code === 'too_big' && issue.origin === 'array' && issue.path.length === 0
      ? 'for mange argumenter'
      : issue?.code === 'too_small' && issue.origin === 'array' && issue.path.length === 0
        ? 'for få argumenter'
        : (issue?.message ?? 'ugyldige data');
  throw new UserFacingError(`Ugyldig forespørsel (${CHANNELS[channel]}): ${detail}.`);
}
