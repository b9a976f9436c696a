import { isIsoDate } from '@eq/shared/scalars';
import { validationFailed } from '@eq/shared/errors';

export interface DecisionDraft {
  number: string;
  date: string;
  effectiveDate?: string | null;
  reason?: string | null;
}

export interface ValidDecision {
  number: string;
  date: string;
  effectiveDate: string;
  reason: string | null;
}

/**
 * A decision needs a number and real dates; it cannot take effect before it was made.
 * The effective date defaults to the decision date.
 */
export function normaliseDecision(draft: DecisionDraft): ValidDecision {
  const number = draft.number.trim();
  if (number.length === 0 || number.length > 100) throw validationFailed('Decision number must be 1-100 characters', 'decision.number');
  if (!isIsoDate(draft.date)) throw validationFailed('Decision date must be YYYY-MM-DD', 'decision.date');
  const effectiveDate = draft.effectiveDate ?? draft.date;
  if (!isIsoDate(effectiveDate)) throw validationFailed('Effective date must be YYYY-MM-DD', 'decision.effectiveDate');
  if (effectiveDate < draft.date) {
    throw validationFailed('A decision cannot take effect before the date it was made', 'decision.effectiveDate');
  }
  const reason = draft.reason?.trim() || null;
  if (reason && reason.length > 2000) throw validationFailed('Reason is limited to 2000 characters', 'decision.reason');
  return { number, date: draft.date, effectiveDate, reason };
}
