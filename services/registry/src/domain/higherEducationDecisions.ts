import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

export interface HigherEducationDecisionDraft {
  number: string;
  date: string;
}

export interface ValidHigherEducationDecision {
  number: string;
  date: string;
}

export interface ValidExclusionDecision extends ValidHigherEducationDecision {
  reason: string;
}

const MAX_REASON = 2000;

/**
 * A decision of the higher-education register needs a number and a real date. The register
 * records decisions once they are taken (it schedules nothing), so a date after today is a
 * typing error, not a plan.
 */
export function normaliseHigherEducationDecision(
  draft: HigherEducationDecisionDraft,
  today: string,
  field = 'decision',
): ValidHigherEducationDecision {
  const number = draft.number.trim();
  if (number.length === 0 || number.length > 100) throw validationFailed('Decision number must be 1-100 characters', `${field}.number`);
  if (!isIsoDate(draft.date)) throw validationFailed('Decision date must be YYYY-MM-DD', `${field}.date`);
  if (draft.date > today) throw validationFailed('A decision cannot be dated after today', `${field}.date`);
  return { number, date: draft.date };
}

/** Excluding a branch is a burdening decision: it must say why (the reason is public). */
export function normaliseExclusionDecision(
  draft: HigherEducationDecisionDraft & { reason: string },
  today: string,
  field = 'decision',
): ValidExclusionDecision {
  const decision = normaliseHigherEducationDecision(draft, today, field);
  const reason = draft.reason.trim();
  if (reason.length === 0) throw validationFailed('Excluding a branch needs a reason', `${field}.reason`);
  if (reason.length > MAX_REASON) throw validationFailed(`Reason is limited to ${MAX_REASON} characters`, `${field}.reason`);
  return { ...decision, reason };
}
