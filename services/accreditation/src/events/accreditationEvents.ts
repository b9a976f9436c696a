import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { QualityResult } from '../domain/qualityScale';
import type { AccreditationRecord } from '../entities/accreditation';

export type AccreditationEventType = 'accreditation.accreditation.granted' | 'accreditation.accreditation.ended';

/** The public state of an accreditation as carried on `accreditation.accreditation.v1`. */
export function accreditationState(accreditation: AccreditationRecord, results: readonly QualityResult[]) {
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
  };
}

export type AccreditationState = ReturnType<typeof accreditationState>;

/** Writes the event to the outbox in the caller's transaction. */
export async function recordAccreditationEvent(
  manager: EntityManager,
  type: AccreditationEventType,
  accreditation: AccreditationRecord,
  results: readonly QualityResult[],
  changedFields: string[],
): Promise<void> {
  const data: StateChange<AccreditationState> = { state: accreditationState(accreditation, results), changedFields };
  await enqueueEvent(
    manager,
    Topics.accreditationAccreditation,
    makeCloudEvent({ source: '/accreditation', type, subject: accreditation.id, data }),
  );
}
