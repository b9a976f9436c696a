import { conflict, DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { LearnerCountStatus } from './learnerCounts';

/**
 * A municipality's learner counts for a school year sent to the ministry (source 002: the
 * founder "pārbauda informāciju kopumā par novadu … un iesniedz datus IZM (Aizsūtīt uz IZM
 * apstiprināšanai)"; the ministry "APSTIPRINA datu saņemšanu katram novadam un no šī brīža
 * izglītojamo skaita atskaite būs bloķēta"). SENT waits for the ministry; ACCEPTED is final and
 * locks the municipality's reports; RETURNED goes back to the municipality with a reason, and it
 * may send again once it has put things right.
 */
export const SUBMISSION_STATUSES = ['SENT', 'ACCEPTED', 'RETURNED'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type SubmissionAction = 'SEND' | 'ACCEPT' | 'RETURN';

export const SubmissionRefusal = {
  REPORTS_NOT_APPROVED: 'REPORTS_NOT_APPROVED',
} as const;

const TRANSITIONS: Record<SubmissionAction, { from: ReadonlyArray<SubmissionStatus | null>; to: SubmissionStatus }> = {
  SEND: { from: [null, 'RETURNED'], to: 'SENT' },
  ACCEPT: { from: ['SENT'], to: 'ACCEPTED' },
  RETURN: { from: ['SENT'], to: 'RETURNED' },
};

const REFUSALS: Record<SubmissionAction, Partial<Record<SubmissionStatus | 'NONE', string>>> = {
  SEND: {
    SENT: "The municipality's learner counts are already sent and wait for the ministry",
    ACCEPTED: "The ministry has already accepted the municipality's learner counts",
  },
  ACCEPT: {
    NONE: 'The municipality has not sent its learner counts for this school year',
    ACCEPTED: "The municipality's learner counts are already accepted",
    RETURNED: "The municipality's learner counts were returned; it must send them again first",
  },
  RETURN: {
    NONE: 'The municipality has not sent its learner counts for this school year',
    ACCEPTED: "The municipality's learner counts are already accepted and cannot be returned",
    RETURNED: "The municipality's learner counts are already returned",
  },
};

/** The status after `action` (null: never sent), or CONFLICT saying why it does not apply. */
export function nextSubmissionStatus(current: SubmissionStatus | null, action: SubmissionAction): SubmissionStatus {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(current)) return transition.to;
  throw conflict(REFUSALS[action][current ?? 'NONE'] ?? `A ${String(current).toLowerCase()} submission cannot take the action ${action}`);
}

/** One institution the municipality must report for, with its report's status (null: missing). */
export interface SubmissionLine {
  institutionId: string;
  institutionName: string;
  status: LearnerCountStatus | null;
}

/**
 * The municipality sends only when it has approved every report it must approve (source 002:
 * it "pārbauda un apstiprina katras izglītības iestādes atskaiti", then sends). A missing report
 * counts as not approved: the ministry would fund nothing for that school ("Finansējums netiek
 * aprēķināts, ja nav informācijas sistēmā"), so the founder must see to it first. The refusal
 * names the institutions, so the founder knows whom to call.
 */
export function assertReadyToSend(lines: readonly SubmissionLine[]): void {
  const pending = lines.filter((line) => line.status !== 'APPROVED' && line.status !== 'LOCKED');
  if (pending.length === 0) return;
  const named = pending
    .slice(0, 10)
    .map((line) => `${line.institutionName} (${line.status?.toLowerCase() ?? 'missing'})`)
    .join(', ');
  throw new DomainError(
    ErrorCode.CONFLICT,
    `${pending.length} report(s) are not approved yet: ${named}${pending.length > 10 ? ', …' : ''}; approve every report before sending`,
    { reason: SubmissionRefusal.REPORTS_NOT_APPROVED, institutionIds: pending.map((line) => line.institutionId) },
  );
}

export const RETURN_REASON_MIN_LENGTH = 3;
export const RETURN_REASON_MAX_LENGTH = 1000;

/** Returning needs a reason the municipality can act on: 3 to 1,000 characters. */
export function assertReturnReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < RETURN_REASON_MIN_LENGTH || trimmed.length > RETURN_REASON_MAX_LENGTH) {
    throw validationFailed(
      `A reason for returning must be ${RETURN_REASON_MIN_LENGTH} to ${RETURN_REASON_MAX_LENGTH} characters`,
      'reason',
    );
  }
  return trimmed;
}
