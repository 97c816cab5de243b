/**
 * Reading a model file's text: a size cap, a byte-order mark is fine, broken JSON is reported
 * with the line and column of the problem and a short excerpt; then `validateModel`.
 * Pure: the caller reads the file.
 */
import type { Lang } from '@arshjul/school-calendar';
import type { Issue, LoadOptions, ValidationResult } from './issues.js';
import { makeIssue } from './messages.js';
import { isPlainObject } from './paths.js';
import { internalIssue, validateModel } from './validate.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

/** Reads and validates a model file's text. Never throws. */
export function loadModelText(text: string, given: LoadOptions): ValidationResult {
  // A JavaScript caller may leave the options out: reported by validateModel, never thrown.
  const options = (isPlainObject(given) ? given : {}) as LoadOptions;
  const lang: Lang = LANGS.includes(options.lang as Lang) ? (options.lang as Lang) : 'nb';
  const failed = (issue: ReturnType<typeof makeIssue>): ValidationResult => ({
    valid: false,
    errors: [issue],
    warnings: [],
    summary: null,
    ...(options.source !== undefined ? { source: options.source } : {}),
  });
  try {
    if (typeof text !== 'string') {
      throw new Error(`loadModelText expects a string, got ${typeof text}`);
    }
    const tooLarge = fileTooLarge(utf8Length(text), { lang, maxBytes: options.maxBytes });
    if (tooLarge) return failed(tooLarge);
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') return failed(makeIssue('error', '', 'file.empty', {}, lang));
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      return failed(jsonSyntaxIssue(body, e, lang));
    }
    return validateModel(value, { ...options, lang });
  } catch (e) {
    return failed(internalIssue(e, lang));
  }
}

/**
 * The error for text that is not JSON: where (line, column, an excerpt) and why, in words. For any
 * JSON file the CLI reads (a model, a kommune's calendar).
 */
export function jsonSyntaxIssue(text: string, error: unknown, lang: Lang = 'nb'): Issue {
  const where = locateJsonError(text, error instanceof Error ? error.message : String(error));
  return makeIssue(
    'error',
    '',
    'json.syntax',
    {
      reason: jsonReason(where.message, text, where.position, lang),
      line: where.line,
      column: where.column,
      excerpt: where.excerpt,
    },
    lang,
  );
}

/**
 * The error for a file of `bytes` bytes when it is over the limit (`maxBytes`, 20 MB by default),
 * else null: lets a caller refuse a huge file before reading it.
 */
export function fileTooLarge(
  bytes: number,
  options: { lang?: Lang; maxBytes?: number | undefined } = {},
): Issue | null {
  const lang: Lang = LANGS.includes(options.lang as Lang) ? (options.lang as Lang) : 'nb';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!(bytes > maxBytes)) return null;
  return makeIssue(
    'error',
    '',
    'file.too-large',
    { size: formatSize(bytes, lang), limit: formatSize(maxBytes, lang), bytes, maxBytes },
    lang,
  );
}

/** UTF-8 length of a string. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** «21 MB», «20,5 MB», «1,5 kB», «300 byte». */
function formatSize(bytes: number, lang: Lang): string {
  const MB = 1024 * 1024;
  const kB = 1024;
  const num = (n: number) => {
    const fixed = n.toFixed(1).replace(/\.0$/, '');
    return lang === 'en' ? fixed : fixed.replace('.', ',');
  };
  if (bytes >= MB) return `${num(bytes / MB)} MB`;
  if (bytes >= kB) return `${num(bytes / kB)} kB`;
  return `${bytes} ${lang === 'en' ? (bytes === 1 ? 'byte' : 'bytes') : 'byte'}`;
}

// ---------------------------------------------------------------------------------------------
// Where and why JSON.parse failed

interface JsonErrorPlace {
  message: string;
  position: number;
  line: number;
  column: number;
  excerpt: string;
}

/**
 * The position of a JSON syntax error: from the SyntaxError message («at position N», or «line L
 * column C» on newer Node), else from a scan of the text.
 */
export function locateJsonError(text: string, message: string): JsonErrorPlace {
  let position: number | undefined;
  const pos = /at position (\d+)/.exec(message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (pos) position = Number(pos[1]);
  else if (lc) position = offsetOf(text, Number(lc[1]), Number(lc[2]));
  else if (/Unexpected end of JSON input/.test(message)) position = text.length;
  else position = scanJson(text) ?? text.length;
  position = Math.max(0, Math.min(position, text.length));
  const { line, column } = lineColumn(text, position);
  return { message, position, line, column, excerpt: excerptAt(text, position) };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** The text around a position on its line, at most ~50 characters, with «…» where cut. */
function excerptAt(text: string, position: number): string {
  let start = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
  if (position > 0 && text[position - 1] === '\n') start = position;
  let end = text.indexOf('\n', position);
  if (end < 0) end = text.length;
  const from = Math.max(start, position - 35);
  const to = Math.min(end, position + 15);
  const body = text.slice(from, to).replace(/\r/g, '').replace(/\t/g, ' ').trim();
  if (!body) {
    return position >= text.trimEnd().length
      ? text.trimEnd().slice(-40).split('\n').pop()!.trim()
      : '';
  }
  return `${from > start ? '…' : ''}${body}${to < end ? '…' : ''}`;
}

const REASONS: [RegExp, Record<Lang, string>][] = [
  [
    /Unexpected end of JSON input|Unterminated string in JSON at position \d+$/,
    { nb: 'fila slutter for tidlig', nn: 'fila sluttar for tidleg', en: 'the file ends too early' },
  ],
  [
    /Expected double-quoted property name/,
    {
      nb: 'ventet et feltnavn i doble anførselstegn (et komma for mye?)',
      nn: 'venta eit feltnamn i doble hermeteikn (eit komma for mykje?)',
      en: 'expected a field name in double quotes (a comma too many?)',
    },
  ],
  [
    /Expected property name or '\}'/,
    {
      nb: 'ventet et feltnavn i doble anførselstegn eller «}»',
      nn: 'venta eit feltnamn i doble hermeteikn eller «}»',
      en: 'expected a field name in double quotes or «}»',
    },
  ],
  [
    /Expected ',' or '\}' after property value/,
    {
      nb: 'ventet «,» eller «}» etter verdien (mangler et komma?)',
      nn: 'venta «,» eller «}» etter verdien (manglar eit komma?)',
      en: 'expected «,» or «}» after the value (a missing comma?)',
    },
  ],
  [
    /Expected ',' or '\]' after array element/,
    {
      nb: 'ventet «,» eller «]» etter elementet (mangler et komma?)',
      nn: 'venta «,» eller «]» etter elementet (manglar eit komma?)',
      en: 'expected «,» or «]» after the element (a missing comma?)',
    },
  ],
  [
    /Expected ':' after property name/,
    {
      nb: 'ventet «:» etter feltnavnet',
      nn: 'venta «:» etter feltnamnet',
      en: 'expected «:» after the field name',
    },
  ],
  [
    /Bad control character in string literal/,
    {
      nb: 'linjeskift eller tabulator inne i en tekst (skriv \\n)',
      nn: 'linjeskift eller tabulator inne i ein tekst (skriv \\n)',
      en: 'a line break or tab inside a text (write \\n)',
    },
  ],
  [
    /Bad (escaped character|Unicode escape)/,
    {
      nb: 'ugyldig «\\» i en tekst (skriv \\\\ for en skråstrek)',
      nn: 'ugyldig «\\» i ein tekst (skriv \\\\ for ein skråstrek)',
      en: 'an invalid «\\» in a text (write \\\\ for a backslash)',
    },
  ],
  [
    /Unterminated string/,
    {
      nb: 'en tekst mangler avsluttende anførselstegn',
      nn: 'ein tekst manglar avsluttande hermeteikn',
      en: 'a text lacks its closing quote',
    },
  ],
  [
    /Unexpected non-whitespace character after JSON/,
    {
      nb: 'mer innhold etter slutten av modellen',
      nn: 'meir innhald etter slutten av modellen',
      en: 'more content after the end of the model',
    },
  ],
  [
    /No number after minus sign|Exponent part is missing a number|Unterminated fractional number/,
    { nb: 'et ugyldig tall', nn: 'eit ugyldig tal', en: 'an invalid number' },
  ],
];

function jsonReason(message: string, text: string, position: number, lang: Lang): string {
  for (const [re, words] of REASONS) if (re.test(message)) return words[lang];
  const ch = text[position];
  if (ch !== undefined) {
    return {
      nb: `uventet tegn «${ch}»`,
      nn: `uventa teikn «${ch}»`,
      en: `unexpected character «${ch}»`,
    }[lang];
  }
  return { nb: 'feil i JSON-syntaksen', nn: 'feil i JSON-syntaksen', en: 'a JSON syntax error' }[
    lang
  ];
}

/**
 * Finds the offset of the first JSON syntax error by scanning the text (for SyntaxError
 * messages that give no position); undefined when the scan finds none.
 */
export function scanJson(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i++;
  };
  class Stop {
    constructor(readonly at: number) {}
  }
  const stop = (at = i): never => {
    throw new Stop(at);
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) if (text[i + k] !== word[k]) stop(i + k);
    i += word.length;
  };
  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) stop();
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) stop(i + 1);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop(i + 1);
      } else i++;
    }
    stop(n);
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') stop();
    i += m![0].length;
  };
  // An explicit stack instead of recursion, so deep nesting cannot overflow.
  const stack: ('{' | '[')[] = [];
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        return 'closed';
      }
      if (c === '{') key();
      return 'open';
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else stop();
    return 'done';
  };
  const key = () => {
    ws();
    if (text[i] !== '"') stop();
    string();
    ws();
    if (text[i] !== ':') stop();
    i++;
  };
  try {
    let expectValue = true;
    for (;;) {
      if (expectValue) {
        if (value() === 'open') continue; // the container's first element comes next
        expectValue = false;
      }
      if (!stack.length) break;
      ws();
      const top = stack[stack.length - 1]!;
      if (i >= n) stop(n);
      if (text[i] === ',') {
        i++;
        if (top === '{') key();
        expectValue = true;
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        stop();
      }
    }
    ws();
    if (i < n) stop();
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    return undefined;
  }
}
