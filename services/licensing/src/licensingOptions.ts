import { parseConfig } from '@eq/shared';
import { z } from 'zod';
import type { Clock } from './context';
import { parseStemMinimums, STEM_SHARE_MINIMUMS, type StemMinimums } from './domain/stemSubsidyShare';

/** Options of the licensing service beyond the kit's (database, Kafka, server). */
export interface LicensingOptions {
  /** What "today" is for the classifier's default date, learner reports and the subsidy report (tests pass their own). */
  clock?: Clock;
  /** The minimum STEM share of the targeted subsidy per school year; default `STEM_SHARE_MINIMUMS`. */
  stemMinimums?: StemMinimums;
}

/** Environment variables of licensing; unset means the sources' figures. */
export const licensingEnvSchema = z.object({
  LICENSING_STEM_MINIMUMS: z
    .string()
    .transform((value, context) => {
      try {
        return parseStemMinimums(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    })
    .optional()
    .describe(
      'Minimum STEM share of the interest-education subsidy per school year, in percent, e.g. "2024/2025=10,2025/2026=15,2026/2027=20" (the default); each holds until the next year listed',
    ),
});

/** Reads licensing's options from the environment; called only from `main.ts`. */
export function loadLicensingOptions(env: Record<string, string | undefined>): LicensingOptions {
  const parsed = parseConfig('licensing', licensingEnvSchema, env);
  return { stemMinimums: parsed.LICENSING_STEM_MINIMUMS ?? STEM_SHARE_MINIMUMS };
}
