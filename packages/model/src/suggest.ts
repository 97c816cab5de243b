/**
 * «Did you mean …?»: the nearest of some known words (ids, field names, allowed values) to a
 * word that was not recognised, by edit distance.
 */

/** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

const folded = new Map<string, string>();

/** Lower case, without accents, æ/ø/å as ae/o/a (remembered: the same ids come up again and again). */
function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a');
    if (folded.size >= 10_000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/**
 * The candidate nearest to `word`, when it is near enough to be a likely slip (at most a third
 * of the word's letters wrong, and at least one letter allowed); undefined otherwise. Case and
 * Norwegian letters (ø/o, å/a, æ/ae) count as near.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  if (typeof word !== 'string' || word.length === 0 || word.length > 200) return undefined;
  const w = fold(word);
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    if (c === word) continue;
    if (Math.abs(c.length - word.length) > Math.max(2, word.length / 2)) continue;
    const d = fold(c) === w ? 0.5 : editDistance(w, fold(c));
    if (!best || d < best.d || (d === best.d && c < best.c)) best = { c, d };
  }
  const limit = best ? Math.max(1, Math.floor(Math.max(word.length, best.c.length) / 3)) : 0;
  if (best && best.d <= limit) return best.c;
  return bySegment(w, candidates);
}

/**
 * The one candidate that has the word as a part, or is a part of it, split at «-», «.» and «_»:
 * `ammerud` → `omrade-ammerud`, `omrade-rodtvet` → `rodtvet`.
 */
function bySegment(w: string, candidates: Iterable<string>): string | undefined {
  const parts = (s: string) => s.split(/[-._]/).filter((p) => p.length >= 3);
  const wordParts = parts(w);
  const hits = new Set<string>();
  for (const c of candidates) {
    const fc = fold(c);
    if (fc === w) continue;
    if (parts(fc).includes(w) || wordParts.includes(fc)) hits.add(c);
  }
  return hits.size === 1 ? [...hits][0] : undefined;
}
