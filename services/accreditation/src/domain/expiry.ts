import { addDays } from './calendar';

/**
 * Expiry of a term. A term's last day is `termEnd`; the accreditation expires the day after.
 * Announcing an expiry ahead is a policy (not in the reference data): `expiringNoticeDays`
 * before the end, configurable (default in definition.ts).
 */
export function hasExpired(termEnd: string, today: string): boolean {
  return today > termEnd;
}

/** On `today`, terms ending on or before the returned day (and not yet ended) are announced as expiring. */
export function expiringNoticeReaches(today: string, noticeDays: number): string {
  return addDays(today, noticeDays);
}

/** An institution that has not applied by the deadline is flagged (four months before the end). */
export function isApplicationOverdue(applicationDueBy: string, today: string, applied: boolean): boolean {
  return !applied && today > applicationDueBy;
}
