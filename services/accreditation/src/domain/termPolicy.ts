import { validationFailed } from '@eq/shared/errors';
import { addMonthsClamped, lastDayOfYearsFrom } from './calendar';
import { levelLabelLv, lowestLevel, QUALITY_LEVELS, type QualityLevel, type QualityResult } from './qualityScale';
import { ACCREDITATION_REGULATION } from './regulation';

/**
 * The rule that turns accreditation results into a term. The regulation fixes only the ceiling
 * (six years, `rules.json`); how results map to a shorter term or a refusal is not in the
 * reference data, so it is a policy the service is configured with.
 *
 * The policy looks at the lowest level among the four categories (a weak category is not
 * averaged away by strong ones) and gives the term for that level; `null` means the
 * accreditation is refused.
 */
export interface TermPolicy {
  termYearsByLowestLevel: Record<QualityLevel, number | null>;
}

/**
 * Default policy:
 * - every category GOOD or better → the full six years;
 * - any category NEEDS_IMPROVEMENT → two years, so the institution is evaluated again soon
 *   after working on the tasks the evaluation set it;
 * - any category INSUFFICIENT → refused.
 */
export const DEFAULT_TERM_POLICY: TermPolicy = Object.freeze({
  termYearsByLowestLevel: Object.freeze({
    INSUFFICIENT: null,
    NEEDS_IMPROVEMENT: 2,
    GOOD: ACCREDITATION_REGULATION.maximumTermYears,
    VERY_GOOD: ACCREDITATION_REGULATION.maximumTermYears,
    EXCELLENT: ACCREDITATION_REGULATION.maximumTermYears,
  }),
});

/**
 * Checks a policy once, when the service is configured: every level has a term of whole years
 * within the regulation's ceiling (or a refusal), and a better lowest level never earns a
 * shorter term than a worse one.
 */
export function assertTermPolicy(policy: TermPolicy): TermPolicy {
  let previous = 0;
  for (const { code } of QUALITY_LEVELS) {
    const years = policy.termYearsByLowestLevel[code];
    if (years === undefined) throw validationFailed(`The term policy gives no term for ${code}`, 'termPolicy');
    if (years === null) {
      if (previous > 0) throw validationFailed(`The term policy refuses ${code} after granting a worse level`, 'termPolicy');
      continue;
    }
    if (!Number.isInteger(years) || years < 1 || years > ACCREDITATION_REGULATION.maximumTermYears) {
      throw validationFailed(
        `The term for ${code} must be 1-${ACCREDITATION_REGULATION.maximumTermYears} whole years, got ${years}`,
        'termPolicy',
      );
    }
    if (years < previous) throw validationFailed(`The term policy gives ${code} a shorter term than a worse level`, 'termPolicy');
    previous = years;
  }
  return policy;
}

/** The term in years the results earn; VALIDATION_FAILED when the policy refuses them. */
export function termYearsFor(results: readonly QualityResult[], policy: TermPolicy): number {
  const lowest = lowestLevel(results);
  const years = policy.termYearsByLowestLevel[lowest];
  if (years === null || years === undefined) {
    throw validationFailed(`Accreditation is refused: a category was assessed "${levelLabelLv(lowest)}" (${lowest})`, 'results');
  }
  // The policy was checked at start; this guards a policy built around that check.
  return Math.min(years, ACCREDITATION_REGULATION.maximumTermYears);
}

export interface Term {
  years: number;
  /** First day of the term. */
  start: string;
  /** Last day of the term. */
  end: string;
  /** Last day to apply for the next accreditation. */
  applicationDueBy: string;
}

/**
 * The term's dates. Applications are due at least four months before the term ends; when the
 * day four months earlier does not exist (30 June → 30 February), the deadline is that month's
 * last day, so it is never less than four months.
 */
export function termFrom(start: string, years: number): Term {
  if (!Number.isInteger(years) || years < 1 || years > ACCREDITATION_REGULATION.maximumTermYears) {
    throw validationFailed(`A term is 1-${ACCREDITATION_REGULATION.maximumTermYears} years, got ${years}`, 'termYears');
  }
  const end = lastDayOfYearsFrom(start, years);
  return { years, start, end, applicationDueBy: addMonthsClamped(end, -ACCREDITATION_REGULATION.applicationDueMonthsBeforeExpiry) };
}
