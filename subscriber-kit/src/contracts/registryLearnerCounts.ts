import { z } from 'zod';
import { isoDate, isoDateTime } from './common';

/**
 * Every event type on `registry.learner-counts.v1`: a report's events carry its full state; a
 * municipality's submission to the ministry (`submission-*`) carries the submission's.
 */
export const REGISTRY_LEARNER_COUNTS_EVENTS = {
  'registry.learner-counts.approved': 'The founder approved the report; budgets may be computed from it.',
  'registry.learner-counts.reopened': 'An approval was cancelled to correct the counts; stop using them.',
  'registry.learner-counts.locked':
    'The report is final: its school year was locked (by the ministry or by the deadline) or the ministry accepted its municipality.',
  'registry.learner-counts.submission-sent': "A municipality sent its school year's learner counts to the ministry.",
  'registry.learner-counts.submission-accepted': "The ministry accepted a municipality's learner counts; its reports are locked.",
  'registry.learner-counts.submission-returned': "The ministry returned a municipality's learner counts with a reason.",
} as const;

/** The event types whose `data` is a submission's, not a report's. */
export const REGISTRY_LEARNER_COUNT_SUBMISSION_EVENTS = [
  'registry.learner-counts.submission-sent',
  'registry.learner-counts.submission-accepted',
  'registry.learner-counts.submission-returned',
] as const;

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

export const learnerCountSubmissionStateSchema = z
  .object({
    id: z.uuid(),
    municipality: z.string().min(1).describe('The founding municipality, as the register spells it.'),
    schoolYear: z
      .string()
      .regex(/^\d{4}\/\d{4}$/)
      .describe('e.g. `2024/2025`.'),
    status: z.enum(['SENT', 'ACCEPTED', 'RETURNED']),
    reportCount: z.number().int().min(0).describe('Approved reports when it was sent.'),
    total: z.number().int().min(0).describe('Learners in those reports.'),
    sentAt: isoDateTime,
    decidedAt: isoDateTime.nullable().describe('When the ministry accepted or returned it.'),
    returnReason: z.string().nullable(),
  })
  .meta({ id: 'LearnerCountSubmissionState', description: "A municipality's learner counts sent to the ministry." });

export const learnerCountSubmissionChangeSchema = z
  .object({ state: learnerCountSubmissionStateSchema, changedFields: z.array(z.string()) })
  .meta({ id: 'LearnerCountSubmissionChange', description: '`data` of the `registry.learner-counts.submission-*` events.' });

export type LearnerCountSubmissionState = z.output<typeof learnerCountSubmissionStateSchema>;
export type LearnerCountState = z.output<typeof learnerCountStateSchema>;
export type LearnerCountChange = z.output<typeof learnerCountChangeSchema>;
