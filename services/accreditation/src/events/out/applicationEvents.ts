import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { AccreditationApplicationRecord } from '../../entities/accreditationApplication';

export type ApplicationEventType =
  | 'accreditation.application.submitted'
  | 'accreditation.application.evaluated'
  | 'accreditation.application.decided'
  | 'accreditation.application.refused'
  | 'accreditation.application.closed';

/**
 * The public state of an application as carried on `accreditation.application.v1`. The
 * evaluators' notes are restricted to OFFICERs, so they never travel on the topic.
 */
export function applicationState(application: AccreditationApplicationRecord) {
  return {
    id: application.id,
    kind: application.kind,
    institutionId: application.institutionId,
    licenceId: application.licenceId,
    programmeCode: application.programmeCode,
    submittedOn: application.submittedOn,
    implementationPlaces: application.implementationPlaces,
    status: application.status,
    evaluatedOn: application.evaluatedOn,
    evaluationResults: application.evaluationResults,
    decision: application.decisionNumber
      ? {
          outcome: application.decisionOutcome,
          number: application.decisionNumber,
          date: application.decisionDate,
          refusalReason: application.refusalReason,
        }
      : null,
    accreditationId: application.accreditationId,
    closedOn: application.closedOn,
    closeReason: application.closeReason,
  };
}

export type ApplicationState = ReturnType<typeof applicationState>;

/** Writes the event to the outbox in the caller's transaction. */
export async function recordApplicationEvent(
  manager: EntityManager,
  type: ApplicationEventType,
  application: AccreditationApplicationRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<ApplicationState> = { state: applicationState(application), changedFields };
  await enqueueEvent(
    manager,
    Topics.accreditationApplication,
    makeCloudEvent({ source: '/accreditation', type, subject: application.id, data }),
  );
}
