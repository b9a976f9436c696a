import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ValidDecision } from '../domain/decisions';
import { DecisionEntity, type DecisionRecord } from '../entities/decision';
import type { DecisionKind } from '../generated/resolvers';

/** Records a decision about an institution and returns its id. */
export async function recordDecision(
  manager: EntityManager,
  institutionId: string,
  kind: DecisionKind,
  decision: ValidDecision,
  recordedBy: string | undefined,
  deadline: string | null = null,
): Promise<string> {
  const record: Omit<DecisionRecord, 'recordedAt'> = {
    id: randomUUID(),
    institutionId,
    kind,
    ...decision,
    recordedBy: recordedBy ?? null,
    deadline,
    revokedBy: null,
  };
  await manager.getRepository(DecisionEntity).insert(record);
  return record.id;
}
