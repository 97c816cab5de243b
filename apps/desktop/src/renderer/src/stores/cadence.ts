/** What the cadence field shows as the user types: the phrase's meaning and next dates, or why not. */
import { expandCadence, parseCadence, renderCadence, type ParseResult } from '@arshjul/recurrence';
import { formatDate, type IsoDate, type Lang, type SchoolYear } from '@arshjul/school-calendar';

export type CadenceDescription =
  | {
      ok: true;
      meaning: string;
      dates: { date: IsoDate; text: string; suggested: boolean }[];
      status: string;
    }
  | { ok: false; reason: string; suggestion?: string };

/** Phrases parsed lately, by language: a keystroke parses its phrase once (store and editor). */
const parsed = new Map<string, ParseResult>();
const PARSED_KEPT = 200;

/**
 * `parseCadence(phrase, { lang })`, kept for the phrases parsed lately: the model store (which
 * writes the phrase when it is understood) and the editor (which shows what it means) ask for
 * the same phrase on every keystroke. The result is shared: do not change it.
 */
export function parseCadenceCached(phrase: string, lang: Lang): ParseResult {
  const key = `${lang}\u0000${phrase}`;
  let result = parsed.get(key);
  if (result === undefined) {
    result = parseCadence(phrase, { lang });
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  } else parsed.delete(key);
  parsed.set(key, result);
  return result;
}

/**
 * The phrase in words in `lang`, and its next `count` dates in the school year from `from` (the
 * first dates of the year when `from` is after it).
 */
export function describeCadence(
  phrase: string,
  year: SchoolYear | null,
  lang: Lang,
  from: IsoDate,
  count = 5,
): CadenceDescription {
  const result = parseCadenceCached(phrase, lang);
  if (!result.ok) {
    return {
      ok: false,
      reason: result.reason,
      ...(result.suggestion !== undefined ? { suggestion: result.suggestion } : {}),
    };
  }
  const meaning = renderCadence(result.cadence, lang);
  if (!year) return { ok: true, meaning, dates: [], status: 'scheduled' };
  const expansion = expandCadence(result.cadence, year);
  const all = expansion.occurrences;
  const upcoming = all.filter((o) => o.date >= from);
  const pick = (upcoming.length > 0 ? upcoming : all).slice(0, count);
  return {
    ok: true,
    meaning,
    status: expansion.status,
    dates: pick.map((o) => ({
      date: o.date,
      text: formatDate(o.date, lang, lang === 'en' ? 'EEE d MMM yyyy' : 'EEE d. MMM yyyy'),
      suggested: o.placement === 'suggested',
    })),
  };
}
