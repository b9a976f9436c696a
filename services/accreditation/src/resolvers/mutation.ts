import { assertUuid, findRegistryInstitution, requireRole, Role } from '@eq/shared';
import { assertCanAccredit, assertNoOverlap, normaliseDecision } from '../domain/accreditationRules';
import { assertCompleteResults } from '../domain/qualityResults';
import { termFrom, termYearsFor } from '../domain/termPolicy';
import { AccreditationEntity } from '../entities/accreditation';
import type { MutationResolvers } from '../generated/resolvers';
import { grantAccreditation } from '../store/grantAccreditation';
import { applicationMutations } from './applicationMutations';
import { headEvaluationMutations } from './headEvaluation';
import { monitoringMutations } from './monitoring';
import { termMutations } from './terms';

export const Mutation: MutationResolvers = {
  /** A decision recorded without an application (e.g. carried over from the paper register). */
  accreditInstitution: async (_parent, { input }, { db, caller, termPolicy, clock }) => {
    requireRole(caller, Role.OFFICER);
    const institutionId = assertUuid(input.institutionId, 'institutionId');
    const decision = normaliseDecision(input, clock.today());
    const results = assertCompleteResults(input.results);
    const term = termFrom(decision.termStart, termYearsFor(results, termPolicy));

    const accreditation = await db.transaction(async (manager) => {
      // Row lock on the replica: accreditations of one institution queue behind each other
      // (so two cannot both pass the overlap check), and a liquidation arriving meanwhile waits
      // for this commit and then ends this accreditation too, instead of racing past it.
      const institution = await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_write' });
      assertCanAccredit(institution, institutionId);
      assertNoOverlap(
        await manager.getRepository(AccreditationEntity).findBy({ institutionId, kind: 'INSTITUTION', status: 'ACTIVE' }),
        term,
      );
      return grantAccreditation(manager, {
        kind: 'INSTITUTION',
        institutionId,
        licenceId: null,
        programmeCode: null,
        applicationId: null,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        term,
        results,
        today: clock.today(),
      });
    });
    return { accreditation };
  },
  ...applicationMutations,
  ...termMutations,
  ...headEvaluationMutations,
  ...monitoringMutations,
};
