import type { z } from 'zod';
import { coarseStateChangeSchema } from './contracts/common';
import { REGISTRY_HIGHER_EDUCATION_EVENTS, higherEducationChangeSchema } from './contracts/registryHigherEducation';
import { REGISTRY_INSTITUTION_EVENTS, registryInstitutionChangeSchema } from './contracts/registryInstitution';
import { REGISTRY_LEARNER_COUNTS_EVENTS, learnerCountChangeSchema } from './contracts/registryLearnerCounts';

/** What a topic carries: who publishes it, its event types (with a summary each) and their `data`. */
export interface TopicContract {
  /** The CloudEvents `source` of every event on the topic. */
  source: string;
  description: string;
  events: Readonly<Record<string, string>>;
  data: z.ZodType;
}

const coarse = <const Types extends readonly string[]>(source: string, description: string, types: Types) => ({
  source,
  description: `${description} The data schema is coarse for now ({ state, changedFields }).`,
  events: Object.fromEntries(types.map((type) => [type, ''])) as Record<Types[number], string>,
  data: coarseStateChangeSchema,
});

/**
 * The single source of truth for the topics' contract: the AsyncAPI document
 * (`schema/asyncapi.json`) is generated from it, and the subscriber validates with it.
 * Topic names: `<service>.<aggregate>.v<major>`; the Kafka key is the CloudEvent subject.
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
    description: 'Learner-count reports once the founder approved them, when reopened, and when locked. Key: report id.',
    events: REGISTRY_LEARNER_COUNTS_EVENTS,
    data: learnerCountChangeSchema,
  },
  'registry.higher-education.v1': {
    source: '/registry',
    description: 'Higher-education institutions with their branches. Key: institution id.',
    events: REGISTRY_HIGHER_EDUCATION_EVENTS,
    data: higherEducationChangeSchema,
  },
  'licensing.licence.v1': coarse('/licensing', 'Licences of education programmes. Key: licence id.', [
    'licensing.licence.issued',
    'licensing.licence.amended',
    'licensing.licence.place-added',
    'licensing.licence.place-removed',
    'licensing.licence.relicensed',
    'licensing.licence.suspended',
    'licensing.licence.restored',
    'licensing.licence.revoked',
    'licensing.licence.transferred',
    'licensing.licence.lapsed',
  ]),
  'licensing.interest-programme.v1': coarse('/licensing', 'Registered interest-education programmes. Key: programme id.', [
    'licensing.interest-programme.registered',
  ]),
  'accreditation.accreditation.v1': coarse('/accreditation', 'Accreditations of institutions and programmes. Key: accreditation id.', [
    'accreditation.accreditation.granted',
    'accreditation.accreditation.extended',
    'accreditation.accreditation.expiring',
    'accreditation.accreditation.expired',
    'accreditation.accreditation.ended',
    'accreditation.accreditation.transferred',
    'accreditation.accreditation.tasks-assigned',
    'accreditation.accreditation.monitoring-visit-recorded',
  ]),
  'accreditation.application.v1': coarse('/accreditation', 'Accreditation applications. Key: application id.', [
    'accreditation.application.submitted',
    'accreditation.application.evaluated',
    'accreditation.application.decided',
    'accreditation.application.refused',
    'accreditation.application.closed',
  ]),
  'accreditation.head-evaluation.v1': coarse('/accreditation', 'Evaluations of institution heads. Key: evaluation id.', [
    'accreditation.head-evaluation.recorded',
  ]),
  'practitioners.psychologist.v1': coarse('/practitioners', 'The public register of psychologists (no personal codes). Key: psychologist id.', [
    'practitioners.psychologist.registered',
    'practitioners.psychologist.certified',
    'practitioners.psychologist.foreign-qualification-recognised',
    'practitioners.psychologist.supervisor-rights-granted',
    'practitioners.psychologist.certificate-expired',
    'practitioners.psychologist.suspended',
    'practitioners.psychologist.restored',
    'practitioners.psychologist.cancelled',
    'practitioners.psychologist.excluded',
    'practitioners.psychologist.terminated',
  ]),
  'practitioners.childcare-provider.v1': coarse('/practitioners', 'The register of childcare providers. Key: provider id.', [
    'practitioners.childcare-provider.registered',
    'practitioners.childcare-provider.amended',
    'practitioners.childcare-provider.refused',
    'practitioners.childcare-provider.excluded',
  ]),
  'practitioners.private-practice.v1': coarse('/practitioners', 'Private-practice certificates. Key: certificate id.', [
    'practitioners.private-practice.issued',
    'practitioners.private-practice.extended',
    'practitioners.private-practice.revoked',
  ]),
  'catalogue.activity.v1': coarse('/catalogue', 'Catalogue activities with their provider; session events also carry `session`. Key: activity id.', [
    'catalogue.activity.created',
    'catalogue.activity.submitted',
    'catalogue.activity.published',
    'catalogue.activity.returned',
    'catalogue.activity.withdrawn',
    'catalogue.activity.session-scheduled',
    'catalogue.activity.session-cancelled',
  ]),
  'catalogue.booking.v1': coarse('/catalogue', 'Bookings of catalogue sessions. Key: booking id.', [
    'catalogue.booking.confirmed',
    'catalogue.booking.waitlisted',
    'catalogue.booking.promoted',
    'catalogue.booking.cancelled',
    'catalogue.booking.attended',
    'catalogue.booking.no-show',
  ]),
} as const satisfies Record<string, TopicContract>;

type Contracts = typeof TOPIC_CONTRACTS;

/** A topic this kit knows the contract of. */
export type TopicName = keyof Contracts;

/** The event types published on a topic. */
export type EventTypeOf<T extends TopicName> = keyof Contracts[T]['events'] & string;

/** The validated `data` of every event on a topic. */
export type EventDataOf<T extends TopicName> = z.output<Contracts[T]['data']>;

/** The topic's contract, or undefined for a topic this kit does not know. */
export function topicContract(topic: string): TopicContract | undefined {
  return (TOPIC_CONTRACTS as Record<string, TopicContract>)[topic];
}

/** The dead-letter topic of a consumer group: where its invalid messages are parked. */
export const deadLetterTopic = (groupId: string) => `${groupId}.dead-letter.v1`;
