import { randomUUID } from 'node:crypto';
import { assertUuid, findRegistryInstitution, requireRole, Role, todayInLatvia } from '@eq/shared';
import { assertCanAccredit, assertNoOverlap, normaliseDecision } from '../domain/accreditationRules';
import { assertCompleteResults } from '../domain/qualityResults';
import { termFrom, termYearsFor } from '../domain/termPolicy';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationResultEntity, type AccreditationResultRecord } from '../entities/accreditationResult';
import { recordAccreditationEvent } from '../events/accreditationEvents';
import type { MutationResolvers } from '../generated/resolvers';


export const Mutation: MutationResolvers = {
  accreditInstitution: async (_parent, { input }, { db, caller, termPolicy }) => {
    requireRole(caller, Role.OFFICER);
    const institutionId = assertUuid(input.institutionId, 'institutionId');
    const decision = normaliseDecision(input, todayInLatvia());
    const results = assertCompleteResults(input.results);
    const term = termFrom(decision.termStart, termYearsFor(results, termPolicy));

    const accreditation = await db.transaction(async (manager) => {
      // Row lock on the replica: accreditations of one institution queue behind each other
      // (so two cannot both pass the overlap check), and a liquidation arriving meanwhile waits
      // for this commit and then ends this accreditation too, instead of racing past it.
      const institution = await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_write' });
      assertCanAccredit(institution, institutionId);
      const accreditations = manager.getRepository(AccreditationEntity);
      assertNoOverlap(await accreditations.findBy({ institutionId, kind: 'INSTITUTION', status: 'ACTIVE' }), term);

      const record: Omit<AccreditationRecord, 'createdAt' | 'updatedAt'> = {
        id: randomUUID(),
        kind: 'INSTITUTION',
        institutionId,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        termYears: term.years,
        termStart: term.start,
        termEnd: term.end,
        applicationDueBy: term.applicationDueBy,
        status: 'ACTIVE',
        endedOn: null,
        endReason: null,
      };
      await accreditations.insert(record);
      const rows: AccreditationResultRecord[] = results.map((result, position) => ({ accreditationId: record.id, ...result, position }));
      await manager.getRepository(AccreditationResultEntity).insert(rows);
      const stored = await accreditations.findOneByOrFail({ id: record.id });
      await recordAccreditationEvent(manager, 'accreditation.accreditation.granted', stored, results, [...Object.keys(record), 'results']);
      return stored;
    });
    return { accreditation };
  },
};
