import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { LicenceRecord } from '../../entities/licence';
import type { LicencePlaceRecord } from '../../entities/licencePlace';

/**
 * Event types on `licensing.licence.v1`. A licence created by re-licensing or by a transfer to a
 * reorganised institution's successor is `issued` too, with `continuesId` naming the licence it
 * continues; the ended one publishes `relicensed` or `transferred` with `continuedById`.
 */
export type LicenceEventType =
  | 'licensing.licence.issued'
  | 'licensing.licence.amended'
  | 'licensing.licence.place-added'
  | 'licensing.licence.place-removed'
  | 'licensing.licence.suspended'
  | 'licensing.licence.revoked'
  | 'licensing.licence.restored'
  | 'licensing.licence.relicensed'
  | 'licensing.licence.lapsed'
  | 'licensing.licence.transferred';

/** The public state of a licence as carried on `licensing.licence.v1`. */
export function licenceState(licence: LicenceRecord, places: readonly LicencePlaceRecord[]) {
  return {
    id: licence.id,
    institutionId: licence.institutionId,
    programmeCode: licence.programmeCode,
    programmeName: licence.programmeName,
    level: licence.level,
    kind: licence.kind,
    specialNeedsCategory: licence.specialNeedsCategory,
    internationalProgramme: licence.internationalProgramme,
    latvianStudiesPermit: licence.latvianStudiesPermit,
    accreditationProof: licence.accreditationProof,
    professionalOrientationField: licence.professionalOrientationField,
    derivedFromId: licence.derivedFromId,
    /** The place it was issued for (kept for subscribers that read one place). */
    implementationPlace: { id: licence.implementationPlaceId, address: licence.implementationPlaceAddress },
    /** Every place it covers now. */
    implementationPlaces: places
      .filter((place) => place.removedOn === null)
      .map((place) => ({ id: place.placeId, address: place.address, addedOn: place.addedOn })),
    status: licence.status,
    issuedOn: licence.issuedOn,
    decisionNumber: licence.decisionNumber,
    lapsedOn: licence.lapsedOn,
    revokedOn: licence.status === 'REVOKED' ? licence.endedOn : null,
    endedOn: licence.endedOn,
    continuesId: licence.continuesId,
    continuedById: licence.continuedById,
  };
}

export type LicenceState = ReturnType<typeof licenceState>;

/** Writes the licence's event to the outbox in the caller's transaction, with its state re-read there. */
export async function recordLicenceEvent(
  manager: EntityManager,
  type: LicenceEventType,
  licenceId: string,
  changedFields: string[],
): Promise<void> {
  const licence = await manager.getRepository<LicenceRecord>('Licence').findOneByOrFail({ id: licenceId });
  const places = await manager.getRepository<LicencePlaceRecord>('LicencePlace').find({ where: { licenceId }, order: { addedOn: 'ASC' } });
  const data: StateChange<LicenceState> = { state: licenceState(licence, places), changedFields };
  await enqueueEvent(manager, Topics.licensingLicence, makeCloudEvent({ source: '/licensing', type, subject: licence.id, data }));
}
