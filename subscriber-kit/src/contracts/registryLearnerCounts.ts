import { z } from 'zod';
import { isoDate, isoDateTime } from './common';

/** Every event type on `registry.learner-counts.v1`; each carries the report's full state. */
export const REGISTRY_LEARNER_COUNTS_EVENTS = {
  'registry.learner-counts.approved': 'The founder approved the report; budgets may be computed from it.',
  'registry.learner-counts.reopened': 'An approval was cancelled to correct the counts; stop using them.',
  'registry.learner-counts.locked': 'The ministry locked the school year; the counts are final.',
} as const;

const count = z.number().int().min(0);

export const learnerCountsSchema = z
  .object({
    preschoolAge5: count,
    preschoolAge6: count,
    grade1: count,
    grade2: count,
    grade3: count,
    grade4: count,
    grade5: count,
    grade6: count,
    grade7: count,
    grade8: count,
    grade9: count,
    grade10: count,
    grade11: count,
    grade12: count,
  })
  .meta({ id: 'LearnerCounts', description: 'Learners as of 1 September, per group.' });

export const learnerCountStateSchema = z
  .object({
    id: z.uuid(),
    institutionId: z.uuid(),
    schoolYear: z
      .string()
      .regex(/^\d{4}\/\d{4}$/)
      .describe('e.g. `2024/2025`.'),
    asOf: isoDate.describe("1 September of the school year's first year."),
    status: z.enum(['DRAFT', 'CONFIRMED', 'APPROVED', 'LOCKED']),
    counts: learnerCountsSchema,
    total: z.number().int().min(0),
    approvedAt: isoDateTime.nullable().describe('Null on a `locked` event: locked before the founder approved.'),
    lockedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'LearnerCountState', description: "A learner-count report's full public state." });

export const learnerCountChangeSchema = z
  .object({ state: learnerCountStateSchema, changedFields: z.array(z.string()) })
  .meta({ id: 'LearnerCountChange', description: '`data` of every registry.learner-counts.v1 event.' });

export type LearnerCountState = z.output<typeof learnerCountStateSchema>;
export type LearnerCountChange = z.output<typeof learnerCountChangeSchema>;
