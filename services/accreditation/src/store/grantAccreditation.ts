import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { hasExpired } from '../domain/expiry';
import type { QualityResult } from '../domain/qualityScale';
import type { Term } from '../domain/termPolicy';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationResultEntity, type AccreditationResultRecord } from '../entities/accreditationResult';
import { recordAccreditationEvent } from '../events/out/accreditationEvents';

export interface Grant {
  kind: AccreditationRecord['kind'];
  institutionId: string;
  licenceId: string | null;
  programmeCode: string | null;
  applicationId: string | null;
  decisionNumber: string;
  decisionDate: string;
  term: Term;
  results: readonly QualityResult[];
  /** The service's today: a term that has already ended is recorded as EXPIRED at once. */
  today: string;
}

/**
 * Stores an accreditation with its results and writes `accreditation.accreditation.granted`, in
 * the caller's transaction (which has already checked the institution, licence and overlap).
 * A decision recorded after its term ended (an old decision entered late) is granted and
 * expired in the same transaction, with both events, rather than left ACTIVE until the
 * expiry job's next run.
 */
export async function grantAccreditation(manager: EntityManager, grant: Grant): Promise<AccreditationRecord> {
  const accreditations = manager.getRepository(AccreditationEntity);
  const record: Omit<AccreditationRecord, 'createdAt' | 'updatedAt'> = {
    id: randomUUID(),
    kind: grant.kind,
    institutionId: grant.institutionId,
    decisionNumber: grant.decisionNumber,
    decisionDate: grant.decisionDate,
    termYears: grant.term.years,
    termStart: grant.term.start,
    termEnd: grant.term.end,
    applicationDueBy: grant.term.applicationDueBy,
    status: 'ACTIVE',
    endedOn: null,
    endReason: null,
    licenceId: grant.licenceId,
    programmeCode: grant.programmeCode,
    applicationId: grant.applicationId,
    expiringAnnouncedOn: null,
  };
  await accreditations.insert(record);
  const rows: AccreditationResultRecord[] = grant.results.map((result, position) => ({ accreditationId: record.id, ...result, position }));
  await manager.getRepository(AccreditationResultEntity).insert(rows);
  const stored = await accreditations.findOneByOrFail({ id: record.id });
  await recordAccreditationEvent(manager, 'accreditation.accreditation.granted', stored, grant.results, [
    ...Object.keys(record),
    'results',
  ]);
  if (!hasExpired(stored.termEnd, grant.today)) return stored;
  await accreditations.update({ id: stored.id }, { status: 'EXPIRED' });
  const expired = await accreditations.findOneByOrFail({ id: stored.id });
  await recordAccreditationEvent(manager, 'accreditation.accreditation.expired', expired, grant.results, ['status']);
  return expired;
}
