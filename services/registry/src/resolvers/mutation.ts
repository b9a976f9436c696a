import type { MutationResolvers } from '../generated/resolvers';
import { amendInstitution } from './amendInstitution';
import { liquidateInstitution } from './liquidateInstitution';
import { registerInstitution } from './registerInstitution';
import { reorganiseInstitutions } from './reorganiseInstitutions';
import { grantStateSignificance, revokeStateSignificance } from './stateSignificance';

export const Mutation: MutationResolvers = {
  registerInstitution,
  amendInstitution,
  liquidateInstitution,
  reorganiseInstitutions,
  grantStateSignificance,
  revokeStateSignificance,
};
