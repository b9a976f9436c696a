import { cloudEventEnvelopeSchema } from '../cloudEvent';
import { coarseStateChangeSchema } from './common';
import { higherEducationChangeSchema, higherEducationStateSchema, registryDecisionReferenceSchema } from './registryHigherEducation';
import { registryInstitutionChangeSchema, registryInstitutionLinkSchema, registryInstitutionStateSchema } from './registryInstitution';
import { learnerCountChangeSchema, learnerCountsSchema, learnerCountStateSchema } from './registryLearnerCounts';

export * from './common';
export * from './registryHigherEducation';
export * from './registryInstitution';
export * from './registryLearnerCounts';

/** The schemas the AsyncAPI document lists under `components.schemas`, by id. */
export const COMPONENT_SCHEMAS = {
  CloudEvent: cloudEventEnvelopeSchema,
  RegistryInstitutionLink: registryInstitutionLinkSchema,
  RegistryInstitutionState: registryInstitutionStateSchema,
  RegistryInstitutionChange: registryInstitutionChangeSchema,
  LearnerCounts: learnerCountsSchema,
  LearnerCountState: learnerCountStateSchema,
  LearnerCountChange: learnerCountChangeSchema,
  RegistryDecisionReference: registryDecisionReferenceSchema,
  HigherEducationInstitutionState: higherEducationStateSchema,
  HigherEducationChange: higherEducationChangeSchema,
  CoarseStateChange: coarseStateChangeSchema,
};
