import { conflict, DomainError, ErrorCode, notFound, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import type { Term } from './termPolicy';

export interface InstitutionView {
  id: string;
  name: string;
  status: string;
  type: string;
}

/**
 * Institution types the service does not accredit (source 004, and the service's public pages):
 * pre-school institutions, and interest-education institutions, whose programmes are neither
 * licensed nor accredited by it. Universities and colleges are a register of their own (higher
 * education) that accreditation never hears of.
 */
export const NOT_ACCREDITED_TYPES: Readonly<Record<string, string>> = {
  PRESCHOOL: 'pre-school institutions are not accredited',
  INTEREST_EDUCATION: 'interest-education institutions are not accredited',
};

/**
 * Only an institution the register has told us about, that it has not liquidated, and of a kind
 * the service accredits, is accredited.
 */
export function assertCanAccredit<T extends InstitutionView>(institution: T | null, institutionId: string): T {
  if (!institution) throw notFound('Institution', institutionId);
  const outOfScope = NOT_ACCREDITED_TYPES[institution.type];
  if (outOfScope) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `${institution.name} is out of scope: ${outOfScope} by the quality service`, {
      field: 'institutionId',
      reason: 'OUT_OF_SCOPE',
      institutionType: institution.type,
    });
  }
  if (institution.status !== 'ACTIVE')
    throw conflict(`${institution.name} is ${institution.status.toLowerCase()}: it cannot be accredited`);
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
  if (decisionNumber.length === 0 || decisionNumber.length > 100)
    throw validationFailed('Decision number must be 1-100 characters', 'decisionNumber');
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
