import { z } from 'zod';
import { isoDate, stateChange } from './common';

/** Every event type on `accreditation.accreditation.v1`; each carries the accreditation's full state. */
export const ACCREDITATION_EVENTS = {
  'accreditation.accreditation.granted': 'An institution or programme was accredited for a term.',
  'accreditation.accreditation.extended': 'Its term was extended (reorganisation, building works).',
  'accreditation.accreditation.expiring': 'Its term ends soon and no new application was decided yet.',
  'accreditation.accreditation.expired': 'Its term ended (status EXPIRED).',
  'accreditation.accreditation.ended':
    'It ended early: the institution was liquidated, the licence revoked or lapsed, or transferred to a successor whose licence was accredited already.',
  'accreditation.accreditation.transferred':
    "A programme accreditation followed its licence to a reorganised institution's successor (new institutionId and licenceId).",
  'accreditation.accreditation.tasks-assigned': 'Tasks for post-accreditation monitoring were assigned.',
  'accreditation.accreditation.monitoring-visit-recorded': 'A monitoring visit recorded progress on its tasks.',
} as const;

/** Every event type on `accreditation.application.v1`. */
export const ACCREDITATION_APPLICATION_EVENTS = {
  'accreditation.application.submitted': 'An application for accreditation was submitted.',
  'accreditation.application.evaluated': "The experts' evaluation results were recorded (their notes are not published).",
  'accreditation.application.decided': 'It was decided: accredited (`accreditationId`).',
  'accreditation.application.refused': 'It was refused by a decision with its reason.',
  'accreditation.application.closed': 'It was closed undecided: the institution was liquidated or the licence ended.',
} as const;

/** Every event type on `accreditation.head-evaluation.v1`. */
export const ACCREDITATION_HEAD_EVALUATION_EVENTS = {
  'accreditation.head-evaluation.recorded': "The evaluation of an institution head's professional activity was recorded.",
} as const;

const qualityCategory = z.enum(['FITNESS_FOR_PURPOSE', 'QUALITY_TEACHING', 'INCLUSIVE_ENVIRONMENT', 'GOOD_GOVERNANCE']);

export const qualityResultSchema = z
  .object({ category: qualityCategory, level: z.enum(['INSUFFICIENT', 'NEEDS_IMPROVEMENT', 'GOOD', 'VERY_GOOD', 'EXCELLENT']) })
  .meta({ id: 'QualityResult', description: 'The quality level reached in one category.' });

const accreditationKind = z.enum(['INSTITUTION', 'PROGRAMME']);

export const accreditationStateSchema = z
  .object({
    id: z.uuid(),
    kind: accreditationKind,
    institutionId: z.uuid(),
    decisionNumber: z.string().min(1),
    decisionDate: isoDate,
    results: z.array(qualityResultSchema),
    termYears: z.number().int().min(0).max(6),
    termStart: isoDate,
    termEnd: isoDate,
    applicationDueBy: isoDate.describe('The next application is due by this day (at least 4 months before the term ends).'),
    status: z.enum(['ACTIVE', 'ENDED', 'EXPIRED']),
    endedOn: isoDate.nullable(),
    endReason: z.enum(['INSTITUTION_LIQUIDATED', 'LICENCE_REVOKED', 'LICENCE_LAPSED', 'LICENCE_TRANSFERRED']).nullable(),
    licenceId: z.uuid().nullable().describe('Set on a programme accreditation.'),
    programmeCode: z.string().nullable(),
    applicationId: z.uuid().nullable(),
    tasks: z.array(
      z.object({
        id: z.uuid(),
        category: qualityCategory,
        description: z.string().min(1),
        assignedOn: isoDate,
        deadline: isoDate,
        status: z.enum(['OPEN', 'COMPLETED']),
        completedOn: isoDate.nullable(),
      }),
    ),
  })
  .meta({ id: 'AccreditationState', description: "An accreditation's full public state." });

export const accreditationApplicationStateSchema = z
  .object({
    id: z.uuid(),
    kind: accreditationKind,
    institutionId: z.uuid(),
    licenceId: z.uuid().nullable(),
    programmeCode: z.string().nullable(),
    submittedOn: isoDate,
    implementationPlaces: z.array(z.object({ id: z.uuid(), address: z.string().min(1) })),
    status: z.enum(['SUBMITTED', 'EVALUATED', 'ACCREDITED', 'REFUSED', 'CLOSED']),
    evaluatedOn: isoDate.nullable(),
    evaluationResults: z.array(qualityResultSchema).nullable(),
    decision: z
      .object({
        outcome: z.enum(['ACCREDITED', 'REFUSED']),
        number: z.string().min(1),
        date: isoDate,
        refusalReason: z.string().nullable(),
      })
      .nullable(),
    accreditationId: z.uuid().nullable(),
    closedOn: isoDate.nullable(),
    closeReason: z.enum(['INSTITUTION_LIQUIDATED', 'LICENCE_ENDED']).nullable(),
  })
  .meta({ id: 'AccreditationApplicationState', description: "An application's public state (never the evaluators' notes)." });

export const headEvaluationStateSchema = z
  .object({
    id: z.uuid(),
    institutionId: z.uuid(),
    headName: z.string().min(1),
    institutionCategory: z.enum(['GENERAL', 'VOCATIONAL', 'PRESCHOOL']),
    decisionNumber: z.string().min(1),
    decisionDate: isoDate,
    results: z.array(qualityResultSchema),
    outcome: z.enum(['MEETS_REQUIREMENTS', 'MUST_IMPROVE', 'DOES_NOT_MEET']),
  })
  .meta({ id: 'HeadEvaluationState', description: "A head's evaluation (never the evaluators' notes)." });

export const accreditationChangeSchema = stateChange(accreditationStateSchema, 'AccreditationChange', 'accreditation.accreditation.v1');
export const accreditationApplicationChangeSchema = stateChange(
  accreditationApplicationStateSchema,
  'AccreditationApplicationChange',
  'accreditation.application.v1',
);
export const headEvaluationChangeSchema = stateChange(
  headEvaluationStateSchema,
  'HeadEvaluationChange',
  'accreditation.head-evaluation.v1',
);

export type AccreditationState = z.output<typeof accreditationStateSchema>;
export type AccreditationApplicationState = z.output<typeof accreditationApplicationStateSchema>;
export type HeadEvaluationState = z.output<typeof headEvaluationStateSchema>;
