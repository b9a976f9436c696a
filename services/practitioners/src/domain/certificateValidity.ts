import { validationFailed } from '@eq/shared/errors';
import { calendarDay, utcDate } from '@eq/shared/calendarDay';
import { isIsoDate } from '@eq/shared/scalars';
import { PSYCHOLOGIST_FACTS } from './registerFacts';

export interface ValidityPeriod {
  /** First day of validity. */
  validFrom: string;
  /** Last day of validity, inclusive. */
  validUntil: string;
}

/**
 * The period of a certificate valid for `years` years from `validFrom`.
 *
 * Policy for the end date (the regulation gives only "7 years"): the certificate covers whole
 * years of days, so it ends on the day before the anniversary of `validFrom`
 * (2024-03-15 → 2031-03-14). When that anniversary does not exist (a certificate from
 * 29 February, ending in a common year), the period counts to the end of February
 * (2024-02-29 → 2031-02-28), as periods in years do when the day is missing in the last month.
 * The end is computed, never entered, so it can never precede the start.
 */
export function certificateValidity(validFrom: string, years: number = PSYCHOLOGIST_FACTS.certificateValidityYears): ValidityPeriod {
  if (!isIsoDate(validFrom)) throw validationFailed('validFrom must be a calendar date YYYY-MM-DD', 'validFrom');
  if (!Number.isInteger(years) || years < 1) throw new RangeError('years must be a positive whole number');
  const [year, month, day] = validFrom.split('-').map(Number) as [number, number, number];
  // A missing 29 February rolls over to 1 March; the day before is then 28 February.
  const anniversary = utcDate(year + years, month - 1, day).getTime();
  const validUntil = calendarDay(new Date(anniversary - 86_400_000), 'validFrom');
  return { validFrom, validUntil };
}

/** True when `day` lies within the period, both ends included. */
export function isWithinValidity(period: ValidityPeriod, day: string): boolean {
  return period.validFrom <= day && day <= period.validUntil;
}

/** True once `day` is after the last day of validity: the register then records the expiry. */
export function hasEnded(period: ValidityPeriod, day: string): boolean {
  return period.validUntil < day;
}
