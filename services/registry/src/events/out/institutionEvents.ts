import { enqueueEvent, makeCloudEvent, Topics, type RegistryInstitutionState, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { ImplementationPlaceRecord } from '../../entities/implementationPlace';
import type { InstitutionRecord } from '../../entities/institution';
import type { InstitutionLinkRecord } from '../../entities/institutionLink';
import { currentPlaces } from '../../store/institutionStore';

/** The public state of an institution as carried on `registry.institution.v1` (no personal codes, no notes). */
export type InstitutionState = RegistryInstitutionState;

/** Event type for each kind of decision (`registry.institution.<past-tense verb>`). */
export const INSTITUTION_EVENT_TYPE_BY_DECISION = {
  APPLICATION: 'registry.institution.applied',
  POSTPONEMENT: 'registry.institution.registration-postponed',
  REFUSAL: 'registry.institution.registration-refused',
  REVOCATION: 'registry.institution.decision-revoked',
  REGISTRATION: 'registry.institution.registered',
  AMENDMENT: 'registry.institution.amended',
  LIQUIDATION: 'registry.institution.liquidated',
  STRIKING_OFF: 'registry.institution.liquidated',
  REORGANISATION: 'registry.institution.reorganised',
  STATE_SIGNIFICANCE_GRANTED: 'registry.institution.state-significance-granted',
  STATE_SIGNIFICANCE_REVOKED: 'registry.institution.state-significance-revoked',
} as const;

export type InstitutionDecisionKind = keyof typeof INSTITUTION_EVENT_TYPE_BY_DECISION;

export function institutionState(
  institution: InstitutionRecord,
  places: ImplementationPlaceRecord[],
  links: InstitutionLinkRecord[] = [],
): InstitutionState {
  return {
    id: institution.id,
    registrationNumber: institution.registrationNumber,
    name: institution.name,
    type: institution.type,
    status: institution.status,
    founder: { kind: institution.founderKind, name: institution.founderName, municipality: institution.founderMunicipality },
    planningRegion: institution.planningRegion,
    implementationPlaces: places.map(({ id, address, municipality, planningRegion }) => ({ id, address, municipality, planningRegion })),
    headName: institution.headName,
    contacts: { email: institution.contactEmail, phone: institution.contactPhone },
    stateSignificance: institution.stateSignificance,
    registeredOn: institution.registeredOn,
    liquidatedOn: institution.liquidatedOn,
    liquidationKind: institution.liquidationKind,
    predecessors: links
      .filter((link) => link.successorId === institution.id)
      .map((link) => ({ institutionId: link.predecessorId, kind: link.kind, effectiveDate: link.effectiveDate })),
    successors: links
      .filter((link) => link.predecessorId === institution.id)
      .map((link) => ({ institutionId: link.successorId, kind: link.kind, effectiveDate: link.effectiveDate })),
  };
}

/**
 * Writes the institution's event to the outbox in the caller's transaction, with its state as
 * it now stands in this transaction (re-read, so the event never disagrees with the row).
 */
export async function recordInstitutionEvent(
  manager: EntityManager,
  decisionKind: InstitutionDecisionKind,
  institutionId: string,
  changedFields: string[],
): Promise<void> {
  const record = await manager.getRepository<InstitutionRecord>('Institution').findOneByOrFail({ id: institutionId });
  const places = await currentPlaces(manager, institutionId);
  const links: InstitutionLinkRecord[] = await manager
    .getRepository<InstitutionLinkRecord>('InstitutionLink')
    .find({ where: [{ predecessorId: institutionId }, { successorId: institutionId }] });
  const data: StateChange<InstitutionState> = { state: institutionState(record, places, links), changedFields };
  await enqueueEvent(
    manager,
    Topics.registryInstitution,
    makeCloudEvent({ source: '/registry', type: INSTITUTION_EVENT_TYPE_BY_DECISION[decisionKind], subject: institutionId, data }),
  );
}
