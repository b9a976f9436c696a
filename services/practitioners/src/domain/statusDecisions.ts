import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';
import type { PsychologistStatusCode } from './psychologistRules';

/**
 * The person-level decisions the register takes after registration and certification: suspension
 * and termination of professional activity, each with restoration, and exclusion. (Decisions on one
 * certificate are in certificateDecisions.ts.) There is no "cancel registration": no public rule
 * names one; see migration 1732300004400.
 */
export type StatusDecisionKind = 'SUSPEND' | 'TERMINATE' | 'EXCLUDE' | 'RESTORE';

export const STATUS_AFTER: Readonly<Record<StatusDecisionKind, PsychologistStatusCode>> = Object.freeze({
  SUSPEND: 'SUSPENDED',
  TERMINATE: 'TERMINATED',
  EXCLUDE: 'EXCLUDED',
  RESTORE: 'RESTORED',
});

/**
 * Policy (the reference data names the decisions, not their order): exclusion is final by
 * default, because the register keeps an excluded person only as a record. When the law is read
 * to allow it, `restoreAfterExclusion` lets a RESTORE decision (and only that) reopen the entry.
 */
export interface StatusDecisionPolicy {
  restoreAfterExclusion: boolean;
}

export const DEFAULT_STATUS_DECISION_POLICY: StatusDecisionPolicy = Object.freeze({ restoreAfterExclusion: false });

/** Statuses in which the professional activity is in force (what queries filter on too). */
export const PRACTISING: readonly PsychologistStatusCode[] = Object.freeze(['REGISTERED', 'CERTIFIED', 'RESTORED']);

/** From which statuses each decision may be taken (EXCLUDED is handled by the policy above). */
const ALLOWED_FROM: Readonly<Record<StatusDecisionKind, ReadonlySet<PsychologistStatusCode>>> = {
  SUSPEND: new Set(PRACTISING),
  TERMINATE: new Set([...PRACTISING, 'SUSPENDED']),
  EXCLUDE: new Set([...PRACTISING, 'SUSPENDED', 'TERMINATED']),
  RESTORE: new Set(['SUSPENDED', 'TERMINATED']),
};

/**
 * True when the person's professional activity is in force (neither suspended, terminated nor
 * excluded): only then do certificates, supervisor rights and supervision contracts count.
 * Whether the person may practise also needs one of those: see practiceRights.ts.
 */
export function activityInForce(status: PsychologistStatusCode): boolean {
  return PRACTISING.includes(status);
}

export interface StatusDecisionSubject {
  name: string;
  status: PsychologistStatusCode;
  /** Date of the latest decision in the status history. */
  latestDecisionDate: string;
}

/** `extensions.reason` of the CONFLICT given for any decision on an excluded person. */
export const PERSON_EXCLUDED = 'PERSON_EXCLUDED';

/** Any decision on an excluded person is refused: CONFLICT with `extensions.reason` PERSON_EXCLUDED. */
export function assertNotExcluded(subject: { name: string; status: PsychologistStatusCode }): void {
  if (subject.status === 'EXCLUDED') {
    throw new DomainError(ErrorCode.CONFLICT, `${subject.name} is excluded from the register: no further decision is taken`, {
      reason: PERSON_EXCLUDED,
    });
  }
}

/**
 * Decides whether a status decision may be taken and returns the status it leads to:
 * - on an excluded person: CONFLICT with reason PERSON_EXCLUDED (unless the policy allows restore);
 * - from a status the decision does not apply to (suspending a terminated person): CONFLICT;
 * - dated before the latest decision already recorded: VALIDATION_FAILED, so the history stays in order.
 */
export function assertStatusDecision(
  subject: StatusDecisionSubject,
  kind: StatusDecisionKind,
  decision: ValidDecision,
  policy: StatusDecisionPolicy = DEFAULT_STATUS_DECISION_POLICY,
): PsychologistStatusCode {
  if (!(kind === 'RESTORE' && policy.restoreAfterExclusion)) assertNotExcluded(subject);
  if (subject.status !== 'EXCLUDED' && !ALLOWED_FROM[kind].has(subject.status)) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `${subject.name} is ${subject.status.toLowerCase()}: a ${kind.toLowerCase()} decision does not apply`,
      {
        reason: 'STATUS_DOES_NOT_ALLOW',
      },
    );
  }
  if (decision.date < subject.latestDecisionDate) {
    throw validationFailed(`The decision cannot precede the latest decision on record (${subject.latestDecisionDate})`, 'decision.date');
  }
  return STATUS_AFTER[kind];
}
