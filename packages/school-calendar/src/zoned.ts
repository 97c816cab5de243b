/**
 * Wall-clock times in a kommune's time zone (Europe/Oslo) and the instants they name.
 *
 * A meeting "kl. 14:00" stays at 14:00 local time on both sides of a daylight-saving change; its
 * UTC instant moves by an hour. Nothing here reads the machine's own time zone.
 */
import { TZDate } from '@date-fns/tz';
import { ArshjulError } from './errors.js';
import { parseIsoDate, type IsoDate } from './dates.js';

/** `HH:MM`, 24-hour clock. */
export type WallTime = string;

const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export function parseWallTime(value: string, where?: string): WallTime {
  const m = TIME_RE.exec(value.trim());
  if (!m) {
    throw new ArshjulError(
      'time.format',
      `«${value}» er ikke et klokkeslett (TT:MM, for eksempel 14:00).`,
      where,
    );
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * The UTC instant (ISO 8601 with `Z`) of a local date and time in a time zone.
 * Throws for a local time that does not exist (the hour skipped when clocks go forward).
 */
export function zonedInstant(date: IsoDate, time: WallTime, timeZone = 'Europe/Oslo'): string {
  // A date that does not exist (2025-02-30) would otherwise roll over and be reported as a
  // daylight-saving gap.
  parseIsoDate(date);
  const [h, min] = parseWallTime(time).split(':').map(Number) as [number, number];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const z = new TZDate(y, mo - 1, d, h, min, timeZone);
  if (Number.isNaN(z.getTime())) {
    throw new ArshjulError('time.zone', `Ukjent tidssone «${timeZone}».`);
  }
  if (z.getHours() !== h || z.getMinutes() !== min || z.getDate() !== d) {
    throw new ArshjulError(
      'time.nonexistent',
      `Klokkeslettet ${time} finnes ikke ${date} i ${timeZone} (klokka stilles fram ved overgang til sommertid).`,
    );
  }
  return new Date(z.getTime()).toISOString().replace('.000Z', 'Z');
}

/** The offset from UTC, in minutes, of a local date and time in a time zone (60 or 120 for Oslo). */
export function zoneOffsetMinutes(date: IsoDate, time: WallTime, timeZone = 'Europe/Oslo'): number {
  const instant = Date.parse(zonedInstant(date, time, timeZone));
  const [h, min] = parseWallTime(time).split(':').map(Number) as [number, number];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, min) - instant) / 60_000);
}
