import type { MutationResolvers } from '../generated/resolvers';
import { amendInstitution } from './amendInstitution';
import { liquidateInstitution } from './liquidateInstitution';
import { approveRegistration, postponeRegistration, refuseRegistration } from './applications';
import { receiveRegistrationApplication, registerInstitution } from './registerInstitution';
import { revokeDecision } from './revokeDecision';
import { reorganiseInstitutions } from './reorganiseInstitutions';
import { grantStateSignificance, revokeStateSignificance } from './stateSignificance';

export const Mutation: MutationResolvers = {
  registerInstitution,
  amendInstitution,
  liquidateInstitution,
  reorganiseInstitutions,
  grantStateSignificance,
  revokeStateSignificance,
  receiveRegistrationApplication,
  postponeRegistration,
  refuseRegistration,
  approveRegistration,
  revokeDecision,
};
