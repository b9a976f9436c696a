import Holidays from 'date-holidays';

/**
 * Latvia's public holidays ("svētku dienas", Law on Public Holidays, Commemoration Days and
 * Celebration Days), from the maintained `date-holidays` library: the fixed days, Easter, and the
 * Mondays that replace 4 May and 18 November when they fall on a weekend. Working days moved by
 * a Cabinet order are not in it; an operator who needs them sets CATALOGUE_PUBLIC_HOLIDAYS.
 */
const LATVIA = new Holidays('LV');
const byYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      LATVIA.getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

/** Whether a YYYY-MM-DD date is a public holiday in Latvia. */
export function isLatvianPublicHoliday(isoDate: string): boolean {
  return holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate);
}
