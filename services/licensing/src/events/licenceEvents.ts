import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { LicenceRecord } from '../entities/licence';

export type LicenceEventType = 'licensing.licence.issued' | 'licensing.licence.lapsed';

/** The public state of a licence as carried on `licensing.licence.v1`. */
export function licenceState(licence: LicenceRecord) {
  return {
    id: licence.id,
    institutionId: licence.institutionId,
    programmeCode: licence.programmeCode,
    programmeName: licence.programmeName,
    level: licence.level,
    implementationPlace: { id: licence.implementationPlaceId, address: licence.implementationPlaceAddress },
    status: licence.status,
    issuedOn: licence.issuedOn,
    decisionNumber: licence.decisionNumber,
    lapsedOn: licence.lapsedOn,
  };
}

export async function recordLicenceEvent(
  manager: EntityManager,
  type: LicenceEventType,
  licence: LicenceRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<ReturnType<typeof licenceState>> = { state: licenceState(licence), changedFields };
  await enqueueEvent(manager, Topics.licensingLicence, makeCloudEvent({ source: '/licensing', type, subject: licence.id, data }));
}
