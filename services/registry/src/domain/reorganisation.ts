import { conflict, validationFailed } from '@eq/shared/errors';

export type ReorganisationKind = 'MERGER' | 'DIVISION' | 'ATTACHMENT';

/**
 * The shape of each kind: a merger joins several predecessors into one successor; a division
 * splits one predecessor into several successors; an attachment joins predecessors to one
 * institution that continues. No institution is both, or listed twice.
 */
export function assertReorganisationShape(kind: ReorganisationKind, predecessorIds: string[], successorIds: string[]): void {
  const all = [...predecessorIds, ...successorIds];
  if (new Set(all).size !== all.length) throw validationFailed('An institution may appear only once in a reorganisation', 'predecessorIds');
  const [p, s] = [predecessorIds.length, successorIds.length];
  const rules: Record<ReorganisationKind, [boolean, string]> = {
    MERGER: [p >= 2 && s === 1, 'A merger needs at least two predecessors and exactly one successor'],
    DIVISION: [p === 1 && s >= 2, 'A division needs exactly one predecessor and at least two successors'],
    ATTACHMENT: [p >= 1 && s === 1, 'An attachment needs at least one predecessor and exactly one successor'],
  };
  const [ok, message] = rules[kind];
  if (!ok) throw validationFailed(message, 'predecessorIds');
}

/** Successors must be active and registered by the reorganisation's effective date. */
export function assertSuccessor(successor: { name: string; status: string; registeredOn: string }, effectiveDate: string): void {
  if (successor.status !== 'ACTIVE') throw conflict(`Successor ${successor.name} is ${successor.status.toLowerCase()}`);
  if (successor.registeredOn > effectiveDate) {
    throw validationFailed(
      `Successor ${successor.name} is registered only from ${successor.registeredOn}, after the reorganisation takes effect`,
      'successorIds',
    );
  }
}
