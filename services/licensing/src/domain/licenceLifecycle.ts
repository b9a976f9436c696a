import { conflict, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

/**
 * A licence's statuses. ACTIVE and SUSPENDED licences are in force (the programme is licensed
 * there; a suspended one may not be taught until its rights are restored); the others are ended:
 * REVOKED by a decision, RELICENSED to a new template (its successor licence continues it),
 * LAPSED with a liquidated institution, TRANSFERRED to the successor of a reorganised one.
 */
export type LicenceStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'RELICENSED' | 'LAPSED' | 'TRANSFERRED';

/** What can happen to a licence after it is issued; each is recorded with its decision. */
export type LicenceAction =
  'AMENDED' | 'PLACE_ADDED' | 'PLACE_REMOVED' | 'SUSPENDED' | 'REVOKED' | 'RIGHTS_RESTORED' | 'RELICENSED' | 'LAPSED' | 'TRANSFERRED';

export const IN_FORCE: readonly LicenceStatus[] = ['ACTIVE', 'SUSPENDED'];
export const isInForce = (status: LicenceStatus): boolean => IN_FORCE.includes(status);

/**
 * From which statuses each action may be taken, and the status it leads to (null: unchanged).
 * Rights are restored after a suspension or a revocation (the 2024 register restored 16);
 * a place is added only to an active licence, but may be removed from a suspended one.
 */
const TRANSITIONS: Record<LicenceAction, { from: readonly LicenceStatus[]; to: LicenceStatus | null }> = {
  AMENDED: { from: IN_FORCE, to: null },
  PLACE_ADDED: { from: ['ACTIVE'], to: null },
  PLACE_REMOVED: { from: IN_FORCE, to: null },
  SUSPENDED: { from: ['ACTIVE'], to: 'SUSPENDED' },
  REVOKED: { from: IN_FORCE, to: 'REVOKED' },
  RIGHTS_RESTORED: { from: ['SUSPENDED', 'REVOKED'], to: 'ACTIVE' },
  RELICENSED: { from: ['ACTIVE'], to: 'RELICENSED' },
  LAPSED: { from: IN_FORCE, to: 'LAPSED' },
  TRANSFERRED: { from: IN_FORCE, to: 'TRANSFERRED' },
};

/** The status after `action`, or CONFLICT when the licence's status does not allow it. */
export function nextStatus(status: LicenceStatus, action: LicenceAction): LicenceStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) {
    throw conflict(
      `A ${status.toLowerCase()} licence cannot be ${action.toLowerCase().replace('_', ' ')} (only ${transition.from.join(' or ').toLowerCase()})`,
    );
  }
  return transition.to ?? status;
}

/** The decision every lifecycle step is taken by. */
export interface LicenceDecisionDraft {
  number: string;
  date: string;
}

export function assertDecision(decision: LicenceDecisionDraft): LicenceDecisionDraft {
  const number = decision.number.trim();
  if (number.length === 0 || number.length > 100) throw validationFailed('The decision number must be 1-100 characters', 'decision.number');
  if (!isIsoDate(decision.date)) throw validationFailed('The decision date must be YYYY-MM-DD', 'decision.date');
  return { number, date: decision.date };
}

/** A later decision cannot predate the licence's issue: the log reads in order. */
export function assertDecisionAfterIssue(decisionDate: string, issuedOn: string): void {
  if (decisionDate < issuedOn)
    throw validationFailed(`The decision (${decisionDate}) predates the licence's issue on ${issuedOn}`, 'decision.date');
}

export interface PlaceView {
  id: string;
  address: string;
}

/** A place is added once, and only one of the institution's own implementation places. */
export function assertPlaceCanBeAdded(
  licensed: readonly PlaceView[],
  institutionPlaces: readonly PlaceView[],
  placeId: string,
  institutionName: string,
): PlaceView {
  if (licensed.some((place) => place.id === placeId)) throw conflict('The licence already covers this implementation place');
  const place = institutionPlaces.find((candidate) => candidate.id === placeId);
  if (!place) throw validationFailed(`${placeId} is not an implementation place of ${institutionName}`, 'implementationPlaceId');
  return place;
}

/** A licence covers at least one place: removing the last one is a revocation, not an amendment. */
export function assertPlaceCanBeRemoved(licensed: readonly PlaceView[], placeId: string): PlaceView {
  const place = licensed.find((candidate) => candidate.id === placeId);
  if (!place) throw validationFailed('The licence does not cover this implementation place', 'implementationPlaceId');
  if (licensed.length === 1) throw conflict("This is the licence's only implementation place: revoke the licence instead");
  return place;
}
