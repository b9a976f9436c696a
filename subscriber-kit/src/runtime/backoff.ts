/** Capped exponential backoff: the delay before attempt `failures + 1`. */
export interface BackoffPolicy {
  /** Delay after the first failure, in ms. */
  initialMs: number;
  /** No delay is ever longer than this, however many failures came before. */
  maxMs: number;
}

/**
 * The delay after `failures` consecutive failures (1 or more): `initialMs · 2^(failures-1)`,
 * capped at `maxMs`, then drawn uniformly from its upper half ("equal jitter"). The jitter
 * keeps the consumers of several services, all cut off by the same broker outage, from
 * reconnecting in lock-step; keeping half the delay fixed keeps a retry storm from forming.
 */
export function backoffDelay(policy: BackoffPolicy, failures: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const capped = Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
  return Math.round(capped / 2 + random() * (capped / 2));
}
