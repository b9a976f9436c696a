import { z } from 'zod';
import { isoDate, isoDateTime, planningRegion, stateChange } from './common';

/** Every event type on `catalogue.activity.v1`; each carries the activity's full state, session events the session too. */
export const CATALOGUE_ACTIVITY_EVENTS = {
  'catalogue.activity.created': 'A provider created a draft activity.',
  'catalogue.activity.submitted': 'The draft was submitted for review.',
  'catalogue.activity.published': 'The review published it: schools can book its sessions.',
  'catalogue.activity.returned': 'The review returned it to the provider with a reason.',
  'catalogue.activity.withdrawn': 'It was withdrawn from the catalogue.',
  'catalogue.activity.session-scheduled': 'A session was scheduled (`session`).',
  'catalogue.activity.session-cancelled': 'A session was cancelled (`session`); its bookings are cancelled too.',
} as const;

/** Every event type on `catalogue.booking.v1`. */
export const CATALOGUE_BOOKING_EVENTS = {
  'catalogue.booking.confirmed': "A school's booking got its places (the budget is committed).",
  'catalogue.booking.waitlisted': 'The session was full: the booking waits for places.',
  'catalogue.booking.promoted': 'A waiting booking got places that were released.',
  'catalogue.booking.cancelled': "It was cancelled (by the school, the session's cancellation or the school's liquidation).",
  'catalogue.booking.attended': 'The provider recorded the attendance; the cost is final.',
  'catalogue.booking.no-show': 'The group did not come.',
  'catalogue.booking.head-approved': "The school recorded its head's written approval of the group's attendance (`safety`).",
  'catalogue.booking.parents-informed': "The school confirmed that the pupils' parents were informed (`safety`).",
} as const;

/** Every event type on `catalogue.fund.v1`: the fund's settings and the counts its indicators read (no personal data). */
export const CATALOGUE_FUND_EVENTS = {
  'catalogue.fund.semester-budget-set':
    "FUND_ADMIN set a semester's budget out of the attendance budget, or back to its default share. Key: the semester.",
  'catalogue.fund.partners-changed':
    "FUND_ADMIN changed a school year's partner institutions (`institutionIds`: all of them after the change). Key: the school year.",
  'catalogue.fund.learning-choices-reported':
    'A school reported its learning-choice counts for a school year. Key: `<institution id>/<school year>`.',
} as const;

const schoolYear = z
  .string()
  .regex(/^\d{4}\/\d{4}$/)
  .describe('e.g. `2025/2026`.');

export const semesterBudgetStateSchema = z
  .object({
    semester: z
      .string()
      .regex(/^\d{4}\/\d{4}-[12]$/)
      .describe('e.g. `2025/2026-1` (autumn) or `2025/2026-2` (spring).'),
    budgetCents: z.number().int().min(0),
    isDefault: z.boolean().describe('True for the default share: the attendance budget spread evenly over the semesters.'),
    committedCents: z.number().int().min(0),
    spentCents: z.number().int().min(0),
    leftCents: z.number().int(),
  })
  .meta({ id: 'SemesterBudgetState', description: "A semester's budget out of the fund's attendance budget, and its money." });

export const fundPartnersStateSchema = z
  .object({ schoolYear, institutionIds: z.array(z.uuid()) })
  .meta({ id: 'FundPartnersState', description: "A school year's partner institutions, the base of the measure's indicators." });

export const learningChoicesStateSchema = z
  .object({
    institutionId: z.uuid(),
    schoolYear,
    secondaryPupils: z.number().int().min(0),
    projectWorkInfluenced: z.number().int().min(0),
    pupils: z.number().int().min(0),
    furtherLearningInfluenced: z.number().int().min(0),
    reportedAt: isoDateTime,
  })
  .meta({
    id: 'LearningChoicesState',
    description: "A school's learning-choice counts for a school year (source 003's 30 % and 50 % indicators).",
  });

export const activityStateSchema = z
  .object({
    id: z.uuid(),
    provider: z.object({
      id: z.uuid(),
      name: z.string().min(1),
      kind: z.enum(['INSTITUTION', 'MUSEUM', 'COMPANY', 'ASSOCIATION', 'UNIVERSITY', 'OTHER']),
      institutionId: z.uuid().nullable(),
    }),
    title: z.string().min(1),
    description: z.string(),
    fields: z.array(
      z.enum([
        'MATHEMATICS',
        'PHYSICS',
        'CHEMISTRY',
        'BIOLOGY',
        'GEOGRAPHY',
        'COMPUTING',
        'ENGINEERING',
        'DESIGN_AND_TECHNOLOGY',
        'CIVIC_PARTICIPATION',
      ]),
    ),
    gradeBands: z.array(z.enum(['PRESCHOOL_5_6', 'GRADES_1_3', 'GRADES_4_6', 'GRADES_7_9', 'GRADES_10_12'])),
    curriculumLink: z.string().nullable(),
    format: z.enum(['AT_PROVIDER', 'AT_SCHOOL', 'ONLINE']),
    durationMinutes: z.number().int().positive(),
    language: z.string().min(1),
    municipality: z.string().nullable(),
    planningRegion: planningRegion.nullable(),
    maxGroupSize: z.number().int().positive(),
    accessibility: z.string().nullable(),
    pricePerPupilCents: z.number().int().min(0),
    status: z.enum(['DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED', 'WITHDRAWN']),
    statusReason: z.string().nullable(),
    publishedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'ActivityState', description: "A catalogue activity's full public state, with its provider." });

export const activitySessionSchema = z
  .object({
    id: z.uuid(),
    activityId: z.uuid(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    place: z.string().min(1),
    capacity: z.number().int().positive(),
    bookedPupils: z.number().int().min(0),
    status: z.enum(['SCHEDULED', 'CANCELLED']),
  })
  .meta({ id: 'ActivitySession', description: 'A session of an activity.' });

export const bookingStateSchema = z
  .object({
    id: z.uuid(),
    sessionId: z.uuid(),
    activityId: z.uuid(),
    startsAt: isoDateTime,
    institutionId: z.uuid(),
    grade: z.number().int().min(0).max(12).describe('0 for pre-school (5-6 year olds).'),
    pupils: z.number().int().positive(),
    status: z.enum(['CONFIRMED', 'WAITING', 'CANCELLED', 'ATTENDED', 'NO_SHOW']),
    semester: z
      .string()
      .regex(/^\d{4}\/\d{4}-[12]$/)
      .describe('e.g. `2025/2026-1` (autumn) or `2025/2026-2` (spring).'),
    pricePerPupilCents: z.number().int().min(0),
    committedCents: z.number().int().min(0),
    costCents: z.number().int().min(0),
    attendedPupils: z.number().int().min(0).nullable(),
    statusReason: z.string().nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'BookingState', description: "A booking's full state, with its session's activity and start." });

export const activityChangeSchema = stateChange(activityStateSchema, 'ActivityChange', 'catalogue.activity.v1');
export const activitySessionChangeSchema = z
  .object({ state: activityStateSchema, session: activitySessionSchema, changedFields: z.array(z.string()) })
  .meta({
    id: 'ActivitySessionChange',
    description: "`data` of the catalogue.activity.session-* events: the activity's state and the session.",
  });
export const bookingChangeSchema = stateChange(bookingStateSchema, 'BookingChange', 'catalogue.booking.v1');

export const bookingSafetySchema = z
  .object({
    headApprovalDueOn: isoDate.describe('Five working days before the session (Cabinet Regulation No. 474).'),
    headApprovedOn: isoDate.nullable(),
    parentsInformBy: isoDate.nullable().describe('Three days before a session away from the school; null at the school or online.'),
    parentsInformedOn: isoDate.nullable(),
  })
  .meta({
    id: 'BookingSafety',
    description: "What the booking school recorded of the event-safety steps (the approver's name stays in the catalogue).",
  });
export const bookingSafetyChangeSchema = z
  .object({ state: bookingStateSchema, safety: bookingSafetySchema, changedFields: z.array(z.string()) })
  .meta({
    id: 'BookingSafetyChange',
    description: "`data` of the catalogue.booking.head-approved and parents-informed events: the booking's state and its safety record.",
  });
export const semesterBudgetChangeSchema = stateChange(
  semesterBudgetStateSchema,
  'SemesterBudgetChange',
  'catalogue.fund.semester-budget-set',
);
export const fundPartnersChangeSchema = stateChange(fundPartnersStateSchema, 'FundPartnersChange', 'catalogue.fund.partners-changed');
export const learningChoicesChangeSchema = stateChange(
  learningChoicesStateSchema,
  'LearningChoicesChange',
  'catalogue.fund.learning-choices-reported',
);

export type ActivityState = z.output<typeof activityStateSchema>;
export type ActivitySession = z.output<typeof activitySessionSchema>;
export type BookingState = z.output<typeof bookingStateSchema>;
export type BookingSafety = z.output<typeof bookingSafetySchema>;
