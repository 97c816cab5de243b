/**
 * Other names the sources use for the same thing (`aliases`: «NSK», «nærmiljøskolekoordinatoren»
 * …), edited as one line of text separated by commas.
 */
import type { Json } from './edits.js';

/** The aliases in the file as one line, «a, b, c» (what is not text is left out). */
export function aliasesText(v: Json | undefined): string {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').join(', ') : '';
}

/** The aliases in a line of text: split at commas, trimmed, empty and repeated ones left out. */
export function aliasesFromText(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(',')) {
    const alias = part.trim().replace(/\s+/g, ' ');
    if (alias !== '' && !out.includes(alias)) out.push(alias);
  }
  return out;
}
