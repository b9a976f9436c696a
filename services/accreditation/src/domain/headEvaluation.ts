import { validationFailed } from '@eq/shared/errors';
import { lowestLevel, type QualityResult } from './qualityScale';

export type HeadEvaluationOutcome = 'MEETS_REQUIREMENTS' | 'MUST_IMPROVE' | 'DOES_NOT_MEET';

/**
 * A head's professional activity is evaluated on the accreditation's five-level scale, one level
 * per criterion; the reference data names no criteria of its own, so the criteria are the four
 * quality categories. The overall decision is a documented policy (the reference data fixes
 * none): the lowest level decides, as for an accreditation's term — a head with any criterion
 * "needs improvement" must substantially improve (source 004, 2024 report), any "insufficient"
 * does not meet the requirements.
 */
export function headEvaluationOutcome(results: readonly QualityResult[]): HeadEvaluationOutcome {
  const lowest = lowestLevel(results);
  if (lowest === 'INSUFFICIENT') return 'DOES_NOT_MEET';
  if (lowest === 'NEEDS_IMPROVEMENT') return 'MUST_IMPROVE';
  return 'MEETS_REQUIREMENTS';
}

/** A head is named as the register names a person: 2-200 characters. */
export function normaliseHeadName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 200) throw validationFailed("The head's name must be 2-200 characters", 'headName');
  return trimmed;
}
