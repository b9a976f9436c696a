import { parseConfig } from '@eq/shared';
import { z } from 'zod';
import { assertFundPolicy, MEASURE_4221_POLICY, type FundPolicy } from './domain/fundPolicy';

/** Options of the catalogue service beyond the kit's (database, Kafka, server). */
export interface CatalogueOptions {
  fund: FundPolicy;
}

/** The measure's own figures (€10 per pupil, 4 activities per pupil per semester). */
export const DEFAULT_CATALOGUE_OPTIONS: CatalogueOptions = { fund: { ...MEASURE_4221_POLICY } };

const positiveInt = z.coerce.number().int().positive();

/** Environment variables of the catalogue; unset means the measure's figure. */
export const catalogueEnvSchema = z.object({
  CATALOGUE_PRICE_PER_PUPIL_CENTS: positiveInt
    .default(MEASURE_4221_POLICY.pricePerPupilCents)
    .describe('What the fund pays per attending pupil per activity, in euro cents'),
  CATALOGUE_ACTIVITIES_PER_PUPIL_PER_SEMESTER: positiveInt
    .default(MEASURE_4221_POLICY.activitiesPerPupilPerSemester)
    .describe('Funded activities per pupil per semester'),
});

/** Reads the catalogue's options from the environment; called only from `main.ts`. */
export function loadCatalogueOptions(env: Record<string, string | undefined>): CatalogueOptions {
  const parsed = parseConfig('catalogue', catalogueEnvSchema, env);
  return {
    fund: assertFundPolicy({
      pricePerPupilCents: parsed.CATALOGUE_PRICE_PER_PUPIL_CENTS,
      activitiesPerPupilPerSemester: parsed.CATALOGUE_ACTIVITIES_PER_PUPIL_PER_SEMESTER,
    }),
  };
}
