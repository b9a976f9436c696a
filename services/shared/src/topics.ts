/**
 * Every Kafka topic of the supergraph: `<service>.<aggregate>.v<major>`, key = aggregate id.
 * Topic names are a public contract with subscribers outside this repository.
 */
export const Topics = {
  registryInstitution: 'registry.institution.v1',
  registryLearnerCounts: 'registry.learner-counts.v1',
  registryHigherEducation: 'registry.higher-education.v1',
  licensingLicence: 'licensing.licence.v1',
  licensingInterestProgramme: 'licensing.interest-programme.v1',
  accreditationAccreditation: 'accreditation.accreditation.v1',
  accreditationApplication: 'accreditation.application.v1',
  accreditationHeadEvaluation: 'accreditation.head-evaluation.v1',
  practitionersPsychologist: 'practitioners.psychologist.v1',
  practitionersChildcareProvider: 'practitioners.childcare-provider.v1',
  practitionersPrivatePractice: 'practitioners.private-practice.v1',
  catalogueActivity: 'catalogue.activity.v1',
  catalogueBooking: 'catalogue.booking.v1',
  catalogueFund: 'catalogue.fund.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a consumer group parks messages it cannot process, so they never block a partition. */
export const deadLetterTopic = (consumerGroup: string) => `${consumerGroup}.dead-letter.v1`;
