import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { QualityResult } from '../../domain/qualityScale';
import type { AccreditationRecord } from '../../entities/accreditation';
import { AccreditationTaskEntity, type AccreditationTaskRecord } from '../../entities/monitoring';

export type AccreditationEventType =
  | 'accreditation.accreditation.granted'
  | 'accreditation.accreditation.ended'
  | 'accreditation.accreditation.transferred'
  | 'accreditation.accreditation.extended'
  | 'accreditation.accreditation.expiring'
  | 'accreditation.accreditation.expired'
  | 'accreditation.accreditation.tasks-assigned'
  | 'accreditation.accreditation.monitoring-visit-recorded';

/** The public state of an accreditation as carried on `accreditation.accreditation.v1`. */
export function accreditationState(
  accreditation: AccreditationRecord,
  results: readonly QualityResult[],
  tasks: readonly AccreditationTaskRecord[],
) {
  return {
    id: accreditation.id,
    kind: accreditation.kind,
    institutionId: accreditation.institutionId,
    decisionNumber: accreditation.decisionNumber,
    decisionDate: accreditation.decisionDate,
    results: results.map(({ category, level }) => ({ category, level })),
    termYears: accreditation.termYears,
    termStart: accreditation.termStart,
    termEnd: accreditation.termEnd,
    applicationDueBy: accreditation.applicationDueBy,
    status: accreditation.status,
    endedOn: accreditation.endedOn,
    endReason: accreditation.endReason,
    licenceId: accreditation.licenceId,
    programmeCode: accreditation.programmeCode,
    applicationId: accreditation.applicationId,
    tasks: tasks.map(({ id, category, description, assignedOn, deadline, status, completedOn }) => ({
      id,
      category,
      description,
      assignedOn,
      deadline,
      status,
      completedOn,
    })),
  };
}

export type AccreditationState = ReturnType<typeof accreditationState>;

/** Writes the event to the outbox in the caller's transaction, with the tasks as stored there. */
export async function recordAccreditationEvent(
  manager: EntityManager,
  type: AccreditationEventType,
  accreditation: AccreditationRecord,
  results: readonly QualityResult[],
  changedFields: string[],
): Promise<void> {
  const tasks = await manager
    .getRepository(AccreditationTaskEntity)
    .find({ where: { accreditationId: accreditation.id }, order: { deadline: 'ASC', createdAt: 'ASC' } });
  const data: StateChange<AccreditationState> = { state: accreditationState(accreditation, results, tasks), changedFields };
  await enqueueEvent(
    manager,
    Topics.accreditationAccreditation,
    makeCloudEvent({ source: '/accreditation', type, subject: accreditation.id, data }),
  );
}
