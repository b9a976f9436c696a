import { validationFailed } from '@eq/shared/errors';

/**
 * The learner-count rules that the reference data does not fix, kept as one object so that a
 * change (next year's deadline, a test) is configuration, not code.
 */
export interface LearnerCountPolicy {
  /**
   * When an OFFICER may lock a school year: this local wall-clock time in the school year's
   * first calendar year. Before it, schools and founders may still cancel and correct reports.
   */
  lockDeadline: { month: number; day: number; time: string; timeZone: string };
  /** Largest count accepted for one grade (or pre-school age) of one institution. */
  maxLearnersPerGroup: number;
  /** First calendar year of the earliest school year a report may be kept for. */
  earliestSchoolYearStart: number;
}

/**
 * Defaults:
 * - deadline 5 September 23:59 Riga time, the 2023 rule (`rules.json`, learnerCounts.lockDeadline2023:
 *   "2023-09-05T23:59 local time"; the ministry "closes the possibility to cancel the submitted
 *   reports" then). Applied to every year until the ministry sets another date.
 * - at most 5,000 learners in one grade of one institution: `registers-2024.json` gives
 *   224,234 pupils in grades 1-12 in 2024, about 18,700 per grade in the whole country, so
 *   5,000 (over a quarter of a national cohort in one school) can only be a typing mistake.
 * - school years from 2000/2001: a guard against mistyped years, not an official date.
 */
export const DEFAULT_LEARNER_COUNT_POLICY: Readonly<LearnerCountPolicy> = Object.freeze({
  lockDeadline: Object.freeze({ month: 9, day: 5, time: '23:59', timeZone: 'Europe/Riga' }),
  maxLearnersPerGroup: 5000,
  earliestSchoolYearStart: 2000,
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks a policy once, when the service is configured. */
export function assertLearnerCountPolicy(policy: LearnerCountPolicy): LearnerCountPolicy {
  const { month, day, time, timeZone } = policy.lockDeadline;
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw validationFailed('The lock deadline month must be 1-12', 'lockDeadline.month');
  // 2001 is not a leap year, so a 29 February deadline (missing in most years) is refused.
  const daysInMonth = new Date(Date.UTC(2001, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) {
    throw validationFailed(`The lock deadline day must be 1-${daysInMonth} in month ${month}`, 'lockDeadline.day');
  }
  if (!TIME.test(time)) throw validationFailed('The lock deadline time must be HH:MM', 'lockDeadline.time');
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw validationFailed(`Unknown time zone "${timeZone}"`, 'lockDeadline.timeZone');
  }
  if (!Number.isSafeInteger(policy.maxLearnersPerGroup) || policy.maxLearnersPerGroup < 1) {
    throw validationFailed('The largest count per grade must be a whole, positive number', 'maxLearnersPerGroup');
  }
  if (!Number.isInteger(policy.earliestSchoolYearStart) || policy.earliestSchoolYearStart < 1900) {
    throw validationFailed('The earliest school year must start in 1900 or later', 'earliestSchoolYearStart');
  }
  return policy;
}
