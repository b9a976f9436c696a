import { assertUuid, requireRole, Role, validationFailed } from '@eq/shared';
import { assertPendingApplication, assertPostponementDeadline, assertRefusalReason } from '../domain/applications';
import { isIsoDate } from '@eq/shared/scalars';
import { InstitutionEntity } from '../entities/institution';
import type { MutationResolvers } from '../generated/resolvers';
import { decideOnInstitution } from './decide';

export const postponeRegistration: MutationResolvers['postponeRegistration'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  if (!isIsoDate(input.deadline)) throw validationFailed('deadline must be YYYY-MM-DD', 'deadline');
  return decideOnInstitution(context, {
    id: assertUuid(input.id),
    kind: 'POSTPONEMENT',
    decision: input.decision,
    deadline: input.deadline,
    check: assertPendingApplication,
    decide: (_loaded, decision) => {
      assertPostponementDeadline(decision, input.deadline);
      return {};
    },
  });
};

export const refuseRegistration: MutationResolvers['refuseRegistration'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  return decideOnInstitution(context, {
    id: assertUuid(input.id),
    kind: 'REFUSAL',
    decision: input.decision,
    check: assertPendingApplication,
    decide: (_loaded, decision) => {
      assertRefusalReason(decision);
      return { status: 'REFUSED' };
    },
  });
};

export const approveRegistration: MutationResolvers['approveRegistration'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  return decideOnInstitution(context, {
    id: assertUuid(input.id),
    kind: 'REGISTRATION',
    decision: input.decision,
    check: assertPendingApplication,
    decide: async ({ record }, decision, manager) => {
      if (decision.effectiveDate > context.clock.today()) {
        throw validationFailed('A registration takes effect on its decision date; record it once it has', 'decision.effectiveDate');
      }
      // The register counts an institution from its registration, not from its application.
      await manager.getRepository(InstitutionEntity).update({ id: record.id }, { registeredOn: decision.effectiveDate });
      return { status: 'ACTIVE' };
    },
  });
};
