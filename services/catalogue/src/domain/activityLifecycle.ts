import { conflict, validationFailed } from '@eq/shared/errors';

export const ACTIVITY_STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'WITHDRAWN'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export type ActivityAction = 'SUBMIT' | 'PUBLISH' | 'RETURN' | 'WITHDRAW';

/**
 * Review before publication, as in the "Latvijas skolas soma" catalogue: a provider submits,
 * FUND_ADMIN or OFFICER publishes or returns it with reasons, and a returned activity can be
 * submitted again. Withdrawal is possible from any status but is final, so that bookings and
 * events that refer to a withdrawn activity never see it come back.
 */
const TRANSITIONS: Record<ActivityAction, { from: readonly ActivityStatus[]; to: ActivityStatus }> = {
  SUBMIT: { from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED' },
  PUBLISH: { from: ['SUBMITTED'], to: 'PUBLISHED' },
  RETURN: { from: ['SUBMITTED'], to: 'RETURNED' },
  WITHDRAW: { from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED'], to: 'WITHDRAWN' },
};

const VERB: Record<ActivityAction, string> = { SUBMIT: 'submitted', PUBLISH: 'published', RETURN: 'returned', WITHDRAW: 'withdrawn' };

/** The status after `action`, or CONFLICT when the action does not apply to `current`. */
export function nextStatus(current: ActivityStatus, action: ActivityAction): ActivityStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw conflict(`A ${current.toLowerCase()} activity cannot be ${VERB[action]}`);
  }
  return transition.to;
}

export const REASON_MAX_LENGTH = 2000;

/** A reason as stored: trimmed, null when blank, bounded. */
export function normaliseReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() || null;
  if (trimmed && trimmed.length > REASON_MAX_LENGTH)
    throw validationFailed(`A reason is limited to ${REASON_MAX_LENGTH} characters`, 'reason');
  return trimmed;
}

/** A reviewer's decision as an action; returning an activity needs a reason the provider can act on. */
export function reviewAction(
  decision: 'PUBLISH' | 'RETURN',
  reason: string | null | undefined,
): { action: ActivityAction; reason: string | null } {
  const normalised = normaliseReason(reason);
  if (decision === 'RETURN' && !normalised) throw validationFailed('Returning an activity needs a reason', 'reason');
  return { action: decision, reason: normalised };
}

export interface LifecycleState {
  status: ActivityStatus;
  statusReason: string | null;
  publishedAt: Date | null;
}

export interface StatusChange {
  next: LifecycleState;
  /** Names of the fields whose value changed, for the event's `changedFields`. */
  changedFields: string[];
}

/**
 * Applies `action` to an activity's lifecycle fields. The reason is kept for RETURN and
 * WITHDRAW (why it left review or the catalogue); submitting or publishing clears it.
 */
export function changeStatus(current: LifecycleState, action: ActivityAction, reason: string | null, now: Date): StatusChange {
  const status = nextStatus(current.status, action);
  const next: LifecycleState = {
    status,
    statusReason: action === 'RETURN' || action === 'WITHDRAW' ? reason : null,
    publishedAt: action === 'PUBLISH' ? now : current.publishedAt,
  };
  const changedFields = (Object.keys(next) as Array<keyof LifecycleState>).filter((field) => {
    const before = current[field];
    const after = next[field];
    return before instanceof Date && after instanceof Date ? before.getTime() !== after.getTime() : before !== after;
  });
  return { next, changedFields };
}
