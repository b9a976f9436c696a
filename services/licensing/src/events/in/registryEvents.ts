import { findRegistryInstitution, registryInstitutionEventHandlers, type RegistryInstitutionState } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { lapseLicences } from './lapseLicences';
import { transferLicences } from './transferLicences';

/**
 * Every institution event updates the registry replica (shared kit); the reaction reads the state
 * now stored. An institution that ended by reorganisation, with successors, hands its in-force
 * licences over to its successor; one that ended any other way (liquidation, striking off)
 * lets them lapse. Each licence publishes its own event in this same transaction. Replays are
 * harmless: only in-force licences are touched, and a transferred licence is no longer in force.
 */
export const registryEventHandlers = registryInstitutionEventHandlers(async (institution, event, manager) => {
  if (institution.status !== 'LIQUIDATED') return;
  const endedOn = institution.liquidatedOn ?? event.time.slice(0, 10);
  if (institution.liquidationKind === 'REORGANISATION' && institution.successors.length > 0) {
    await transferLicences(manager, institution, endedOn, (id) => successorState(manager, id));
  } else {
    await lapseLicences(manager, institution.id, endedOn);
  }
});

/** A successor's replicated state, row-locked: licence writes of one institution queue behind each other. */
function successorState(manager: EntityManager, id: string): Promise<RegistryInstitutionState | null> {
  return findRegistryInstitution(manager, id, { lock: 'pessimistic_write' });
}
