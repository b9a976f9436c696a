import type { z } from 'zod';
import {
  ACCREDITATION_APPLICATION_EVENTS,
  ACCREDITATION_EVENTS,
  ACCREDITATION_HEAD_EVALUATION_EVENTS,
  accreditationApplicationChangeSchema,
  accreditationChangeSchema,
  headEvaluationChangeSchema,
} from './contracts/accreditation';
import {
  CATALOGUE_ACTIVITY_EVENTS,
  CATALOGUE_BOOKING_EVENTS,
  CATALOGUE_FUND_EVENTS,
  activityChangeSchema,
  activitySessionChangeSchema,
  bookingSafetyChangeSchema,
  bookingChangeSchema,
  fundPartnersChangeSchema,
  learningChoicesChangeSchema,
  semesterBudgetChangeSchema,
} from './contracts/catalogue';
import {
  LICENSING_INTEREST_PROGRAMME_EVENTS,
  LICENSING_LICENCE_EVENTS,
  interestProgrammeChangeSchema,
  licenceChangeSchema,
} from './contracts/licensing';
import {
  PRACTITIONERS_CHILDCARE_PROVIDER_EVENTS,
  PRACTITIONERS_PRIVATE_PRACTICE_EVENTS,
  PRACTITIONERS_PSYCHOLOGIST_EVENTS,
  childcareProviderChangeSchema,
  privatePracticeChangeSchema,
  psychologistChangeSchema,
  refusedChildcareApplicationChangeSchema,
} from './contracts/practitioners';
import { REGISTRY_HIGHER_EDUCATION_EVENTS, higherEducationChangeSchema } from './contracts/registryHigherEducation';
import { REGISTRY_INSTITUTION_EVENTS, registryInstitutionChangeSchema } from './contracts/registryInstitution';
import {
  REGISTRY_LEARNER_COUNT_SUBMISSION_EVENTS,
  REGISTRY_LEARNER_COUNTS_EVENTS,
  learnerCountChangeSchema,
  learnerCountSubmissionChangeSchema,
} from './contracts/registryLearnerCounts';

/** What a topic carries: who publishes it, its event types (with a summary each) and their `data`. */
export interface TopicContract {
  /** The CloudEvents `source` of every event on the topic. */
  source: string;
  description: string;
  events: Readonly<Record<string, string>>;
  /** The `data` of every event type on the topic, but those in `dataOf`. */
  data: z.ZodType;
  /** Event types whose `data` has a shape of its own. */
  dataOf?: Readonly<Record<string, z.ZodType>>;
}

/**
 * The single source of truth for the topics' contract: the AsyncAPI document
 * (`schema/asyncapi.json`) is generated from it, and the subscriber validates with it.
 * Topic names: `<service>.<aggregate>.v<major>`; the Kafka key is the CloudEvent subject.
 * Every schema is closed (no members beyond those listed), so a field a service starts to
 * publish, such as a personal code, fails the published-events test until it is documented.
 */
export const TOPIC_CONTRACTS = {
  'registry.institution.v1': {
    source: '/registry',
    description: 'Education institutions in the register, from application to liquidation. Key: institution id.',
    events: REGISTRY_INSTITUTION_EVENTS,
    data: registryInstitutionChangeSchema,
  },
  'registry.learner-counts.v1': {
    source: '/registry',
    description:
      "Learner-count reports once the founder approved them, when reopened, and when locked (key: report id); municipalities' submissions to the ministry (key: submission id).",
    events: REGISTRY_LEARNER_COUNTS_EVENTS,
    data: learnerCountChangeSchema,
    dataOf: Object.fromEntries(REGISTRY_LEARNER_COUNT_SUBMISSION_EVENTS.map((type) => [type, learnerCountSubmissionChangeSchema])),
  },
  'registry.higher-education.v1': {
    source: '/registry',
    description: 'Higher-education institutions with their branches. Key: institution id.',
    events: REGISTRY_HIGHER_EDUCATION_EVENTS,
    data: higherEducationChangeSchema,
  },
  'licensing.licence.v1': {
    source: '/licensing',
    description: 'Licences of education programmes per implementation place. Key: licence id.',
    events: LICENSING_LICENCE_EVENTS,
    data: licenceChangeSchema,
  },
  'licensing.interest-programme.v1': {
    source: '/licensing',
    description: 'Registered interest-education programmes. Key: programme id.',
    events: LICENSING_INTEREST_PROGRAMME_EVENTS,
    data: interestProgrammeChangeSchema,
  },
  'accreditation.accreditation.v1': {
    source: '/accreditation',
    description: 'Accreditations of institutions and programmes. Key: accreditation id.',
    events: ACCREDITATION_EVENTS,
    data: accreditationChangeSchema,
  },
  'accreditation.application.v1': {
    source: '/accreditation',
    description: 'Accreditation applications. Key: application id.',
    events: ACCREDITATION_APPLICATION_EVENTS,
    data: accreditationApplicationChangeSchema,
  },
  'accreditation.head-evaluation.v1': {
    source: '/accreditation',
    description: 'Evaluations of institution heads. Key: evaluation id.',
    events: ACCREDITATION_HEAD_EVALUATION_EVENTS,
    data: headEvaluationChangeSchema,
  },
  'practitioners.psychologist.v1': {
    source: '/practitioners',
    description: 'The public register of psychologists (no personal codes). Key: psychologist id.',
    events: PRACTITIONERS_PSYCHOLOGIST_EVENTS,
    data: psychologistChangeSchema,
  },
  'practitioners.childcare-provider.v1': {
    source: '/practitioners',
    description: 'The register of child-supervision service providers (no personal codes). Key: provider id.',
    events: PRACTITIONERS_CHILDCARE_PROVIDER_EVENTS,
    data: childcareProviderChangeSchema,
    dataOf: { 'practitioners.childcare-provider.refused': refusedChildcareApplicationChangeSchema },
  },
  'practitioners.private-practice.v1': {
    source: '/practitioners',
    description: 'Private-practice certificates of teachers (no personal codes). Key: certificate id.',
    events: PRACTITIONERS_PRIVATE_PRACTICE_EVENTS,
    data: privatePracticeChangeSchema,
  },
  'catalogue.activity.v1': {
    source: '/catalogue',
    description: 'Catalogue activities with their provider; session events also carry `session`. Key: activity id.',
    events: CATALOGUE_ACTIVITY_EVENTS,
    data: activityChangeSchema,
    dataOf: {
      'catalogue.activity.session-scheduled': activitySessionChangeSchema,
      'catalogue.activity.session-cancelled': activitySessionChangeSchema,
    },
  },
  'catalogue.booking.v1': {
    source: '/catalogue',
    description: 'Bookings of catalogue sessions. Key: booking id.',
    events: CATALOGUE_BOOKING_EVENTS,
    data: bookingChangeSchema,
    dataOf: {
      'catalogue.booking.head-approved': bookingSafetyChangeSchema,
      'catalogue.booking.parents-informed': bookingSafetyChangeSchema,
    },
  },
  'catalogue.fund.v1': {
    source: '/catalogue',
    description: "The activity fund's semester budgets, partner institutions and schools' learning-choice reports. Key: see each event.",
    events: CATALOGUE_FUND_EVENTS,
    data: semesterBudgetChangeSchema,
    dataOf: {
      'catalogue.fund.partners-changed': fundPartnersChangeSchema,
      'catalogue.fund.learning-choices-reported': learningChoicesChangeSchema,
    },
  },
} as const satisfies Record<string, TopicContract>;

type Contracts = typeof TOPIC_CONTRACTS;

/** A topic this kit knows the contract of. */
export type TopicName = keyof Contracts;

/** The event types published on a topic. */
export type EventTypeOf<T extends TopicName> = keyof Contracts[T]['events'] & string;

/** The validated `data` of an event of type `K` on a topic (of any of its events by default). */
export type EventDataOf<T extends TopicName, K extends EventTypeOf<T> = EventTypeOf<T>> = Contracts[T] extends { dataOf: infer Own }
  ? K extends keyof Own
    ? Own[K] extends z.ZodType
      ? z.output<Own[K]>
      : never
    : z.output<Contracts[T]['data']>
  : z.output<Contracts[T]['data']>;

/** The topic's contract, or undefined for a topic this kit does not know. */
export function topicContract(topic: string): TopicContract | undefined {
  return (TOPIC_CONTRACTS as Record<string, TopicContract>)[topic];
}

/** The schema of the `data` of events of `type` under a topic's contract. */
export const dataSchemaOf = (contract: TopicContract, type: string): z.ZodType => contract.dataOf?.[type] ?? contract.data;

/** The dead-letter topic of a consumer group: where its invalid messages are parked. */
export const deadLetterTopic = (groupId: string) => `${groupId}.dead-letter.v1`;
