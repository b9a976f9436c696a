import { z } from 'zod';
import { decisionSchema, isoDate, planningRegion } from './common';

/** Every event type on `registry.higher-education.v1`; each carries the institution's full state. */
export const REGISTRY_HIGHER_EDUCATION_EVENTS = {
  'registry.higher-education.registered': 'A higher-education institution was registered.',
  'registry.higher-education.amended': 'Its name or founder changed (see the amendment log).',
  'registry.higher-education.branch-opened': 'A branch was opened.',
  'registry.higher-education.branch-excluded': 'A branch was excluded.',
} as const;

/** Kept under its first name for subscribers that import it. */
export const registryDecisionReferenceSchema = decisionSchema;

export const higherEducationStateSchema = z
  .object({
    id: z.uuid(),
    registrationNumber: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['UNIVERSITY', 'UNIVERSITY_OF_APPLIED_SCIENCES', 'COLLEGE', 'ACADEMY']),
    founder: z.object({ kind: z.enum(['STATE', 'MUNICIPALITY', 'LEGAL_PERSON', 'NATURAL_PERSON']), name: z.string().min(1) }),
    status: z.enum(['ACTIVE', 'EXCLUDED']),
    registrationDecision: registryDecisionReferenceSchema,
    branches: z.array(
      z.object({
        id: z.uuid(),
        address: z.string().min(1),
        municipality: z.string(),
        planningRegion,
        status: z.enum(['OPEN', 'EXCLUDED']),
        openedDecision: registryDecisionReferenceSchema,
        excludedDecision: z.object({ number: z.string().min(1), date: isoDate, reason: z.string().nullable() }).nullable(),
      }),
    ),
    amendments: z.array(
      z.object({
        field: z.enum(['NAME', 'FOUNDER_KIND', 'FOUNDER_NAME']),
        oldValue: z.string(),
        newValue: z.string(),
        decision: registryDecisionReferenceSchema,
      }),
    ),
  })
  .meta({ id: 'HigherEducationInstitutionState', description: 'A higher-education institution with its branches and amendment log.' });

export const higherEducationChangeSchema = z
  .object({ state: higherEducationStateSchema, changedFields: z.array(z.string()) })
  .meta({ id: 'HigherEducationChange', description: '`data` of every registry.higher-education.v1 event.' });

export type HigherEducationInstitutionState = z.output<typeof higherEducationStateSchema>;
export type HigherEducationChange = z.output<typeof higherEducationChangeSchema>;
