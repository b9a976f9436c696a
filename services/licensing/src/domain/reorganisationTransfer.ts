import type { PlaceView } from './licenceLifecycle';

export interface SuccessorView {
  institutionId: string;
  /** The successor's implementation places from the replica; null when the replica does not know it yet. */
  implementationPlaces: readonly PlaceView[] | null;
}

export interface TransferPlan {
  successorId: string;
  /** The places the successor's licence covers: the successor's own place at the same address, else the predecessor's. */
  places: PlaceView[];
}

/** Addresses compare without case and spacing differences ("Braslas iela 16, Rīga"). */
export const normaliseAddress = (address: string): string =>
  address
    .trim()
    .toLocaleLowerCase('lv')
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ');

/**
 * Who takes over a licence when its institution is reorganised, and where.
 * - Merger and attachment have one successor: it takes every licence.
 * - A division has several: the licence goes to the successor that holds most of the licence's
 *   places by address (the building goes with the programme taught in it); a tie, or no match,
 *   goes to the successor listed first. The licence is not split: if the places fall to
 *   different successors, the others need their own licence by a decision.
 * - Each place carries over by address: the successor's implementation place at the same
 *   address when it has one, else the predecessor's place as it was licensed (the register may
 *   move it to the successor later; the licence keeps covering the same building meanwhile).
 */
export function planLicenceTransfer(licensed: readonly PlaceView[], successors: readonly SuccessorView[]): TransferPlan {
  if (successors.length === 0) throw new RangeError('planLicenceTransfer needs at least one successor');
  const addresses = new Set(licensed.map((place) => normaliseAddress(place.address)));
  const matches = (successor: SuccessorView) =>
    (successor.implementationPlaces ?? []).filter((place) => addresses.has(normaliseAddress(place.address))).length;
  let chosen = successors[0]!;
  for (const successor of successors) if (matches(successor) > matches(chosen)) chosen = successor;

  const own = new Map((chosen.implementationPlaces ?? []).map((place) => [normaliseAddress(place.address), place]));
  const places = licensed.map((place) => {
    const match = own.get(normaliseAddress(place.address));
    return match ? { id: match.id, address: match.address } : { id: place.id, address: place.address };
  });
  return { successorId: chosen.institutionId, places };
}
