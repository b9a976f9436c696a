import { assertUuid, requireRole, Role, validationFailed } from '@eq/shared';
import { assertNoPendingEnd } from '../domain/institutionRules';
import type { MutationResolvers } from '../generated/resolvers';
import { decideOnInstitution, hasPendingEnd } from './decide';

export const liquidateInstitution: MutationResolvers['liquidateInstitution'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  const kind = input.kind ?? 'LIQUIDATION';
  if (kind === 'REORGANISATION') throw validationFailed('Use reorganiseInstitutions for a reorganisation', 'kind');
  return decideOnInstitution(context, {
    id: assertUuid(input.id),
    kind,
    decision: input.decision,
    decide: async ({ record }, decision, manager) => {
      assertNoPendingEnd(record, await hasPendingEnd(manager, record.id));
      return { status: 'LIQUIDATED', liquidatedOn: decision.effectiveDate, liquidationKind: kind };
    },
  });
};
