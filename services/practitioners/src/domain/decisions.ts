import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

export interface DecisionDraft {
  number: string;
  date: string;
}

export interface ValidDecision {
  number: string;
  date: string;
}

/**
 * A decision of the register needs a number and a real date. Decisions are recorded once they
 * are taken, so a decision dated after today is a typing error, not a plan.
 */
export function normaliseDecision(draft: DecisionDraft, today: string, field = 'decision'): ValidDecision {
  const number = draft.number.trim();
  if (number.length === 0 || number.length > 100) throw validationFailed('Decision number must be 1-100 characters', `${field}.number`);
  if (!isIsoDate(draft.date)) throw validationFailed('Decision date must be YYYY-MM-DD', `${field}.date`);
  if (draft.date > today) throw validationFailed('A decision cannot be dated after today', `${field}.date`);
  return { number, date: draft.date };
}
