import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';

/** Decisions on an application are taken while it is pending, not before it was received. */
export function assertPendingApplication(
  institution: { name: string; status: string; registeredOn: string },
  decision: ValidDecision,
): void {
  if (institution.status !== 'PENDING')
    throw conflict(`${institution.name} is ${institution.status.toLowerCase()}, not an application awaiting a decision`);
  if (decision.date < institution.registeredOn) {
    throw validationFailed(`The decision cannot precede the application received on ${institution.registeredOn}`, 'decision.date');
  }
}

/** A postponement gives the applicant a deadline after the decision. */
export function assertPostponementDeadline(decision: ValidDecision, deadline: string): void {
  if (deadline <= decision.date) throw validationFailed('The deadline must come after the decision', 'deadline');
}

/** A refusal must say why: the applicant may appeal it. */
export function assertRefusalReason(decision: ValidDecision): void {
  if (!decision.reason) throw validationFailed('A refusal needs its reason', 'decision.reason');
}
