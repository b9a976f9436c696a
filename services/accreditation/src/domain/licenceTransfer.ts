/** What accreditation knows of a licence from `licensing.licence.v1`. */
export interface LicenceLinks {
  id: string;
  status: string;
  continuesId?: string | null;
  continuedById?: string | null;
}

export interface TransferStep {
  fromLicenceId: string;
  toLicenceId: string;
}

/**
 * Which transfer a licence event may complete. Licensing publishes two events for one transfer
 * (the successor's licence `issued` with `continuesId`, the predecessor's `transferred` with
 * `continuedById`), on different keys, so they may arrive in either order: each names the pair,
 * and the move happens once both sides are known (see `transferConfirmed`).
 */
export function transferStepOf(licence: LicenceLinks): TransferStep | null {
  if (licence.status === 'TRANSFERRED' && licence.continuedById) return { fromLicenceId: licence.id, toLicenceId: licence.continuedById };
  if (licence.continuesId) return { fromLicenceId: licence.continuesId, toLicenceId: licence.id };
  return null;
}

/**
 * The predecessor's licence really was transferred to this one. A licence that continues one
 * re-licensed to a new template also carries `continuesId`; only a transfer moves the
 * programme's accreditation (a re-licensed programme is a new template, accredited anew).
 */
export function transferConfirmed(from: LicenceLinks | null, toLicenceId: string): boolean {
  return from !== null && from.status === 'TRANSFERRED' && from.continuedById === toLicenceId;
}

/**
 * A programme accreditation follows its licence to the successor (semantics, README): the same
 * accreditation, with its decision, results and term, now names the successor's licence and
 * institution. When the successor's licence already has an accreditation of its own in force
 * (licensing linked the transfer to a licence the successor already held), that one stands and
 * the predecessor's ends as `LICENCE_TRANSFERRED`: one programme at one place has one accreditation.
 */
export function transferOutcome(targetHasActiveAccreditation: boolean): 'MOVE' | 'END' {
  return targetHasActiveAccreditation ? 'END' : 'MOVE';
}

/**
 * An institution's licences go to its successor when it ended by reorganisation into successors;
 * otherwise they lapse. Licensing decides by the same rule, so accreditation leaves the programme
 * accreditations of in-force licences to follow them instead of ending them with the institution.
 */
export function followsLicence(institution: { liquidationKind: string | null; successors: readonly unknown[] }): boolean {
  return institution.liquidationKind === 'REORGANISATION' && institution.successors.length > 0;
}
