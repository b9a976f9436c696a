import { addDays, daysFromTo, lastDayOfYearsFrom } from './calendar';

/**
 * A new programme must be accredited within two years of its start (issue 16, from the quality
 * service's public pages on programme accreditation; the figure is not in the reference data, so
 * it is kept as a configurable option, `defineAccreditation({ newProgrammeAccreditationYears })`).
 * The register has no separate start date: a programme can start once its licence is issued, so
 * the licence's issue date counts as its start.
 */
export const DEFAULT_NEW_PROGRAMME_ACCREDITATION_YEARS = 2;

export interface ProgrammeDeadline {
  startedOn: string;
  /** The last day by which the programme must be accredited. */
  accreditationDueBy: string;
  /** Days from today to the deadline; negative once it has passed. */
  daysLeft: number;
  overdue: boolean;
}

/** The accreditation deadline of a programme that started on `startedOn`, seen on `today`. */
export function programmeAccreditationDeadline(startedOn: string, today: string, years: number): ProgrammeDeadline {
  const accreditationDueBy = lastDayOfYearsFrom(startedOn, years);
  const daysLeft = daysFromTo(today, accreditationDueBy);
  return { startedOn, accreditationDueBy, daysLeft, overdue: daysLeft < 0 };
}

/** True when the deadline falls within `withinDays` days from today, or has passed. */
export function isDeadlineNear(deadline: ProgrammeDeadline, today: string, withinDays: number): boolean {
  return deadline.accreditationDueBy <= addDays(today, withinDays);
}
