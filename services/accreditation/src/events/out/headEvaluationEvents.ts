import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { HeadEvaluationRecord } from '../../entities/headEvaluation';

/** The public state of a head's evaluation on `accreditation.head-evaluation.v1` (no evaluators' notes). */
export function headEvaluationState(evaluation: HeadEvaluationRecord) {
  return {
    id: evaluation.id,
    institutionId: evaluation.institutionId,
    headName: evaluation.headName,
    institutionCategory: evaluation.institutionCategory,
    decisionNumber: evaluation.decisionNumber,
    decisionDate: evaluation.decisionDate,
    results: evaluation.results.map(({ category, level }) => ({ category, level })),
    outcome: evaluation.outcome,
  };
}

export async function recordHeadEvaluationEvent(
  manager: EntityManager,
  evaluation: HeadEvaluationRecord,
  changedFields: string[],
): Promise<void> {
  const data: StateChange<ReturnType<typeof headEvaluationState>> = { state: headEvaluationState(evaluation), changedFields };
  await enqueueEvent(
    manager,
    Topics.accreditationHeadEvaluation,
    makeCloudEvent({ source: '/accreditation', type: 'accreditation.head-evaluation.recorded', subject: evaluation.id, data }),
  );
}
