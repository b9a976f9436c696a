import { assertUuid, requireRole, Role } from '@eq/shared';
import { AccreditationApplicationEntity } from '../entities/accreditationApplication';
import type {
  AccreditationApplicationResolvers,
  AccreditationDecisionResolvers,
  AccreditationEvaluationResolvers,
  QueryResolvers,
} from '../generated/resolvers';
import { mayReadApplication } from './applicationAccess';

export const applicationQueries: Pick<QueryResolvers, 'accreditationApplication' | 'accreditationApplications'> = {
  accreditationApplication: async (_parent, { id }, { loaders, caller }) => {
    const application = await loaders.application.load(assertUuid(id));
    return application && mayReadApplication(caller, application) ? application : null;
  },
  accreditationApplications: (_parent, { status }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    return db.getRepository(AccreditationApplicationEntity).find({
      where: status ? { status } : {},
      order: { submittedOn: 'ASC', createdAt: 'ASC' },
    });
  },
};

export const AccreditationApplication: AccreditationApplicationResolvers = {
  __resolveReference: async (reference, { loaders, caller }) => {
    const application = await loaders.application.load(assertUuid(reference.id));
    return application && mayReadApplication(caller, application) ? application : null;
  },
  institution: (application) => ({ id: application.institutionId }),
  licence: (application) => (application.licenceId ? { id: application.licenceId } : null),
  evaluation: (application) => (application.evaluatedOn ? application : null),
  decision: (application) => (application.decisionNumber ? application : null),
  accreditation: (application, _args, { loaders }) =>
    application.accreditationId ? loaders.accreditation.load(application.accreditationId) : null,
};

export const AccreditationEvaluation: AccreditationEvaluationResolvers = {
  evaluatedOn: (application) => application.evaluatedOn!,
  results: (application) => application.evaluationResults ?? [],
  /** Evaluators' notes are restricted to OFFICERs (issue 5); the applying school sees the results only. */
  evaluatorsNotes: (application, _args, { caller }) => (caller.role === Role.OFFICER ? application.evaluatorsNotes : null),
};

export const AccreditationDecision: AccreditationDecisionResolvers = {
  outcome: (application) => application.decisionOutcome!,
  number: (application) => application.decisionNumber!,
  date: (application) => application.decisionDate!,
  refusalReason: (application) => application.refusalReason,
};
