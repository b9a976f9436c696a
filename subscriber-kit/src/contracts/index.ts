import type { z } from 'zod';
import { cloudEventEnvelopeSchema } from '../cloudEvent';
import * as accreditation from './accreditation';
import * as catalogue from './catalogue';
import * as common from './common';
import * as licensing from './licensing';
import * as practitioners from './practitioners';
import * as registryHigherEducation from './registryHigherEducation';
import * as registryInstitution from './registryInstitution';
import * as registryLearnerCounts from './registryLearnerCounts';

export * from './accreditation';
export * from './catalogue';
export * from './common';
export * from './licensing';
export * from './practitioners';
export * from './registryHigherEducation';
export * from './registryInstitution';
export * from './registryLearnerCounts';

const isSchema = (value: unknown): value is z.ZodType => typeof value === 'object' && value !== null && '_zod' in value;

/**
 * The schemas the AsyncAPI document lists under `components.schemas`, by id: every exported
 * contract schema that names itself with `.meta({ id })`, so a new one cannot be left out.
 */
export const COMPONENT_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries([
  ['CloudEvent', cloudEventEnvelopeSchema],
  ...[common, registryInstitution, registryLearnerCounts, registryHigherEducation, licensing, accreditation, practitioners, catalogue]
    .flatMap((module) => Object.values(module).filter(isSchema))
    .map((schema) => [schema.meta()?.id as string | undefined, schema] as const)
    .filter((entry): entry is readonly [string, z.ZodType] => entry[0] !== undefined),
]);
