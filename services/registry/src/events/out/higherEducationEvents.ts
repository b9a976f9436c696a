import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { HigherEducationAmendmentRecord } from '../../entities/higherEducationAmendment';
import type { HigherEducationBranchRecord } from '../../entities/higherEducationBranch';
import type { HigherEducationInstitutionRecord } from '../../entities/higherEducationInstitution';

type Decision = { number: string; date: string };

/**
 * The public state of a higher-education institution as carried on the topic, built field by
 * field so that nothing internal (who recorded a decision) rides along.
 */
export interface HigherEducationInstitutionState {
  id: string;
  registrationNumber: string;
  name: string;
  kind: string;
  founder: { kind: string; name: string };
  status: string;
  registrationDecision: Decision;
  branches: Array<{
    id: string;
    address: string;
    municipality: string;
    planningRegion: string;
    status: string;
    openedDecision: Decision;
    excludedDecision: (Decision & { reason: string | null }) | null;
  }>;
  amendments: Array<{ field: string; oldValue: string; newValue: string; decision: Decision }>;
}

export type HigherEducationEventType =
  | 'registry.higher-education.registered'
  | 'registry.higher-education.amended'
  | 'registry.higher-education.branch-opened'
  | 'registry.higher-education.branch-excluded';

export function higherEducationState(
  institution: HigherEducationInstitutionRecord,
  branches: HigherEducationBranchRecord[],
  amendments: HigherEducationAmendmentRecord[],
): HigherEducationInstitutionState {
  return {
    id: institution.id,
    registrationNumber: institution.registrationNumber,
    name: institution.name,
    kind: institution.kind,
    founder: { kind: institution.founderKind, name: institution.founderName },
    status: institution.status,
    registrationDecision: { number: institution.registrationDecisionNumber, date: institution.registrationDecisionDate },
    branches: branches.map((branch) => ({
      id: branch.id,
      address: branch.address,
      municipality: branch.municipality,
      planningRegion: branch.planningRegion,
      status: branch.status,
      openedDecision: { number: branch.openedDecisionNumber, date: branch.openedDecisionDate },
      excludedDecision:
        branch.excludedDecisionNumber && branch.excludedDecisionDate
          ? { number: branch.excludedDecisionNumber, date: branch.excludedDecisionDate, reason: branch.excludedReason }
          : null,
    })),
    amendments: amendments.map((amendment) => ({
      field: amendment.field,
      oldValue: amendment.oldValue,
      newValue: amendment.newValue,
      decision: { number: amendment.decisionNumber, date: amendment.decisionDate },
    })),
  };
}

/** Writes the event to the outbox in the caller's transaction; the subject is the institution. */
export async function recordHigherEducationEvent(
  manager: EntityManager,
  type: HigherEducationEventType,
  state: HigherEducationInstitutionState,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<HigherEducationInstitutionState> = { state, changedFields };
  await enqueueEvent(manager, Topics.registryHigherEducation, makeCloudEvent({ source: '/registry', type, subject: state.id, data }));
}
