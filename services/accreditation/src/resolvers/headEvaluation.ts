import { randomUUID } from 'node:crypto';
import { assertUuid, findRegistryInstitution, requireRole, Role } from '@eq/shared';
import { notFound } from '@eq/shared/errors';
import { normaliseDecision } from '../domain/accreditationRules';
import { normaliseNotes } from '../domain/applicationRules';
import { headEvaluationOutcome, normaliseHeadName } from '../domain/headEvaluation';
import { assertCompleteResults } from '../domain/qualityResults';
import { HeadEvaluationEntity, type HeadEvaluationRecord } from '../entities/headEvaluation';
import { recordHeadEvaluationEvent } from '../events/out/headEvaluationEvents';
import type { HeadEvaluationResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers';

export const headEvaluationQueries: Pick<QueryResolvers, 'headEvaluation'> = {
  headEvaluation: (_parent, { id }, { loaders }) => loaders.headEvaluation.load(assertUuid(id)),
};

export const headEvaluationMutations: Pick<MutationResolvers, 'evaluateHead'> = {
  evaluateHead: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const institutionId = assertUuid(input.institutionId, 'institutionId');
    const decision = normaliseDecision(input, clock.today());
    const results = assertCompleteResults(input.results);
    const record: Omit<HeadEvaluationRecord, 'createdAt'> = {
      id: randomUUID(),
      institutionId,
      headName: normaliseHeadName(input.headName),
      institutionCategory: input.institutionCategory,
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
      results,
      outcome: headEvaluationOutcome(results),
      evaluatorsNotes: normaliseNotes(input.evaluatorsNotes),
    };
    const headEvaluation = await db.transaction(async (manager) => {
      // A head of any institution the register knows, even one since liquidated: the evaluation
      // may be recorded after the fact.
      if (!(await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_read' })))
        throw notFound('Institution', institutionId);
      const evaluations = manager.getRepository(HeadEvaluationEntity);
      await evaluations.insert(record);
      const stored = await evaluations.findOneByOrFail({ id: record.id });
      await recordHeadEvaluationEvent(
        manager,
        stored,
        Object.keys(record).filter((field) => field !== 'evaluatorsNotes'),
      );
      return stored;
    });
    return { headEvaluation };
  },
};

export const HeadEvaluation: HeadEvaluationResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.headEvaluation.load(assertUuid(reference.id)),
  institution: (evaluation) => ({ id: evaluation.institutionId }),
  evaluatorsNotes: (evaluation, _args, { caller }) => (caller.role === Role.OFFICER ? evaluation.evaluatorsNotes : null),
};
