import { conflict, notFound, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import type { Term } from './termPolicy';

export interface InstitutionView {
  id: string;
  name: string;
  status: string;
}

/** Only an institution the register has told us about, and that it has not liquidated, is accredited. */
export function assertCanAccredit<T extends InstitutionView>(institution: T | null, institutionId: string): T {
  if (!institution) throw notFound('Institution', institutionId);
  if (institution.status !== 'ACTIVE') throw conflict(`${institution.name} is ${institution.status.toLowerCase()}: it cannot be accredited`);
  return institution;
}

export interface DecisionDraft {
  decisionNumber: string;
  decisionDate: string;
  termStart?: string | null;
}

export interface ValidDecision {
  decisionNumber: string;
  decisionDate: string;
  termStart: string;
}

/**
 * A decision has a number and a real date no later than today (a decision is recorded once it
 * is made); its term starts on the decision date or later, never before it.
 */
export function normaliseDecision(draft: DecisionDraft, today: string): ValidDecision {
  const decisionNumber = draft.decisionNumber.trim();
  if (decisionNumber.length === 0 || decisionNumber.length > 100) throw validationFailed('Decision number must be 1-100 characters', 'decisionNumber');
  if (!isIsoDate(draft.decisionDate)) throw validationFailed('Decision date must be YYYY-MM-DD', 'decisionDate');
  if (draft.decisionDate > today) throw validationFailed('A decision cannot be dated after today', 'decisionDate');
  const termStart = draft.termStart ?? draft.decisionDate;
  if (!isIsoDate(termStart)) throw validationFailed('Term start must be YYYY-MM-DD', 'termStart');
  if (termStart < draft.decisionDate) throw validationFailed('The term cannot start before the decision was made', 'termStart');
  return { decisionNumber, decisionDate: draft.decisionDate, termStart };
}

/**
 * An institution holds one accreditation at a time: a new term may follow an active one
 * (re-accreditation before expiry), not overlap it.
 */
export function assertNoOverlap(active: ReadonlyArray<{ termStart: string; termEnd: string; decisionNumber: string }>, term: Term): void {
  const overlapping = active.find((existing) => existing.termStart <= term.end && term.start <= existing.termEnd);
  if (overlapping) {
    throw conflict(
      `The institution is already accredited from ${overlapping.termStart} to ${overlapping.termEnd} (decision ${overlapping.decisionNumber}); a new term must start after it`,
    );
  }
}
