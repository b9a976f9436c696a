import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { ImplementationPlaceRecord } from '../entities/implementationPlace';
import type { InstitutionRecord } from '../entities/institution';

/** The public state of an institution as carried on `registry.institution.v1`. */
export interface InstitutionState {
  id: string;
  registrationNumber: string;
  name: string;
  type: string;
  status: string;
  founder: { kind: string; name: string; municipality: string | null };
  planningRegion: string;
  implementationPlaces: Array<{ id: string; address: string; municipality: string; planningRegion: string }>;
  registeredOn: string;
  liquidatedOn: string | null;
}

export type InstitutionEventType = 'registry.institution.registered' | 'registry.institution.liquidated';

export function institutionState(institution: InstitutionRecord, places: ImplementationPlaceRecord[]): InstitutionState {
  return {
    id: institution.id,
    registrationNumber: institution.registrationNumber,
    name: institution.name,
    type: institution.type,
    status: institution.status,
    founder: { kind: institution.founderKind, name: institution.founderName, municipality: institution.founderMunicipality },
    planningRegion: institution.planningRegion,
    implementationPlaces: places.map(({ id, address, municipality, planningRegion }) => ({ id, address, municipality, planningRegion })),
    registeredOn: institution.registeredOn,
    liquidatedOn: institution.liquidatedOn,
  };
}

/** Writes the event to the outbox in the caller's transaction. */
export async function recordInstitutionEvent(
  manager: EntityManager,
  type: InstitutionEventType,
  institution: InstitutionRecord,
  places: ImplementationPlaceRecord[],
  changedFields: string[],
): Promise<void> {
  const data: StateChange<InstitutionState> = { state: institutionState(institution, places), changedFields };
  await enqueueEvent(
    manager,
    Topics.registryInstitution,
    makeCloudEvent({ source: '/registry', type, subject: institution.id, data }),
  );
}
