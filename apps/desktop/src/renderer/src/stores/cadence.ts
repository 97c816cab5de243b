/** What the cadence field shows as the user types: the phrase's meaning and next dates, or why not. */
import { expandCadence, parseCadence, renderCadence } from '@arshjul/recurrence';
import { formatDate, type IsoDate, type Lang, type SchoolYear } from '@arshjul/school-calendar';

export type CadenceDescription =
  | {
      ok: true;
      meaning: string;
      dates: { date: IsoDate; text: string; suggested: boolean }[];
      status: string;
    }
  | { ok: false; reason: string; suggestion?: string };

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
  const parsed = parseCadence(phrase, { lang });
  if (!parsed.ok) {
    return {
      ok: false,
      reason: parsed.reason,
      ...(parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : {}),
    };
  }
  const meaning = renderCadence(parsed.cadence, lang);
  if (!year) return { ok: true, meaning, dates: [], status: 'scheduled' };
  const expansion = expandCadence(parsed.cadence, year);
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
