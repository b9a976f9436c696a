import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Keyed digests the site hands out and later checks, so it stores nothing: the CSRF token of a
 * signed-in session (bound to that session's cookie) and the unguessable key in a school's
 * calendar address. Each purpose has its own label, so one can never stand in for the other.
 */
function digest(secret: string, purpose: 'csrf' | 'calendar', subject: string): string {
  return createHmac('sha256', secret).update(`eq-site:${purpose}\0${subject}`).digest('base64url');
}

function same(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token every form of a signed-in session carries; it changes with the session. */
export const csrfTokenOf = (secret: string, sessionToken: string) => digest(secret, 'csrf', sessionToken);

/** Whether a POSTed form carries its session's CSRF token. */
export const isCsrfTokenOf = (secret: string, sessionToken: string, given: string | undefined) =>
  same(csrfTokenOf(secret, sessionToken), given);

/** The key in a school's calendar address: whoever holds the address may read that calendar, and no other. */
export const calendarKeyOf = (secret: string, institutionId: string) => digest(secret, 'calendar', institutionId);

/** Whether a calendar address's key is the school's own. */
export const isCalendarKeyOf = (secret: string, institutionId: string, given: string | undefined) =>
  same(calendarKeyOf(secret, institutionId), given);
