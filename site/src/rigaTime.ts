/**
 * Dates as a visitor in Latvia reads them: the catalogue's days begin and end at midnight in
 * Riga (EET/EEST), whatever the server's own time zone.
 */
const TIME_ZONE = 'Europe/Riga';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const dayAndTime = new Intl.DateTimeFormat('lv-LV', { timeZone: TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });
const shortDayAndTime = new Intl.DateTimeFormat('lv-LV', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('lv-LV', { timeZone: TIME_ZONE, timeStyle: 'short' });
const dayOnly = new Intl.DateTimeFormat('lv-LV', { timeZone: 'UTC', dateStyle: 'long' });

/** `YYYY-MM-DD` of the instant in Riga. */
export function rigaDay(instant: Date): string {
  return isoDay.format(instant);
}

/** Riga's offset from UTC on that day at noon, e.g. `+02:00` or `+03:00`. */
export function rigaOffset(day: string): string {
  const name = offsetName.formatToParts(new Date(`${day}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

/** The first instant of the day in Riga, as ISO 8601 with its offset. */
export function startOfRigaDay(day: string): string {
  return `${day}T00:00:00${rigaOffset(day)}`;
}

/** The last instant of the day in Riga, as ISO 8601 with its offset. */
export function endOfRigaDay(day: string): string {
  return `${day}T23:59:59.999${rigaOffset(day)}`;
}

/** e.g. `ceturtdiena, 2027. gada 4. februāris 10:00`. */
export const formatDayAndTime = (iso: string): string => dayAndTime.format(new Date(iso));

/** e.g. `2027. gada 4. febr. 10:00`. */
export const formatShortDayAndTime = (iso: string): string => shortDayAndTime.format(new Date(iso));

export const formatTime = (iso: string): string => timeOnly.format(new Date(iso));

/** A calendar date (`YYYY-MM-DD`, no time zone) in words, e.g. `2027. gada 1. februāris`. */
export const formatDay = (day: string): string => dayOnly.format(new Date(`${day}T00:00:00Z`));
