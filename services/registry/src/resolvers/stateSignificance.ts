import { assertUuid, requireRole, Role } from '@eq/shared';
import { assertStateSignificanceChange } from '../domain/institutionRules';
import type { MutationResolvers } from '../generated/resolvers';
import { decideOnInstitution } from './decide';

function stateSignificance(grant: boolean): MutationResolvers['grantStateSignificance'] {
  return async (_parent, { input }, context) => {
    requireRole(context.caller, Role.OFFICER);
    return decideOnInstitution(context, {
      id: assertUuid(input.id),
      kind: grant ? 'STATE_SIGNIFICANCE_GRANTED' : 'STATE_SIGNIFICANCE_REVOKED',
      decision: input.decision,
      decide: ({ record }) => {
        assertStateSignificanceChange(record, grant);
        return { stateSignificance: grant };
      },
    });
  };
}

export const grantStateSignificance = stateSignificance(true);
export const revokeStateSignificance = stateSignificance(false);
