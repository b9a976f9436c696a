import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';

/**
 * Decisions whose field changes can be reversed. Registrations and applications end in a
 * refusal or liquidation instead; a reorganisation also links other institutions, so it is
 * undone by new decisions on each of them.
 */
export const REVOCABLE_KINDS = [
  'AMENDMENT',
  'LIQUIDATION',
  'STRIKING_OFF',
  'STATE_SIGNIFICANCE_GRANTED',
  'STATE_SIGNIFICANCE_REVOKED',
] as const;

export function assertRevocable(
  target: { kind: string; number: string; date: string; revokedBy: string | null },
  revocation: ValidDecision,
): void {
  if (!(REVOCABLE_KINDS as readonly string[]).includes(target.kind)) {
    throw validationFailed(
      `A ${target.kind.toLowerCase().replace(/_/g, ' ')} decision cannot be revoked; only ${REVOCABLE_KINDS.join(', ')}`,
      'decisionId',
    );
  }
  if (target.revokedBy) throw conflict(`Decision ${target.number} is already revoked`);
  if (revocation.date < target.date) throw validationFailed('A revocation cannot precede the decision it revokes', 'decision.date');
}

/** Reversing a field is only sound while no later decision has changed it again. */
export function assertNotSuperseded(field: string, targetNumber: string, supersededBy: string | undefined): void {
  if (supersededBy) throw conflict(`Decision ${supersededBy} changed ${field} after decision ${targetNumber}: revoke that one first`);
}
