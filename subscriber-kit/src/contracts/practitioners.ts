import { z } from 'zod';
import { decisionSchema, isoDate, stateChange } from './common';

/** Every event type on `practitioners.psychologist.v1`; each carries the public register entry. */
export const PRACTITIONERS_PSYCHOLOGIST_EVENTS = {
  'practitioners.psychologist.registered': 'A psychologist was entered in the register.',
  'practitioners.psychologist.certified': 'A certificate for a field of practice was issued.',
  'practitioners.psychologist.foreign-qualification-recognised': 'A foreign qualification was recognised.',
  'practitioners.psychologist.supervisor-rights-granted': 'Supervisor rights were granted in a field of practice.',
  'practitioners.psychologist.certificate-expired':
    'A certificate (and the supervisor rights resting on it) reached the end of its validity.',
  'practitioners.psychologist.certificate-suspended': 'One certificate (one field of practice) was suspended; the others stay in force.',
  'practitioners.psychologist.certificate-annulled': 'One certificate (one field of practice) was annulled; the others stay in force.',
  'practitioners.psychologist.certificate-restored': 'A suspended certificate was restored.',
  'practitioners.psychologist.supervision-contract-recorded':
    'A supervision contract was recorded: the registered psychologist practises under a supervisor.',
  'practitioners.psychologist.suspended': "The psychologist's professional activity was suspended by a decision.",
  'practitioners.psychologist.restored': 'A suspended or terminated professional activity was restored.',
  'practitioners.psychologist.excluded': 'The psychologist was excluded from the register.',
  'practitioners.psychologist.terminated': "The professional activity was terminated (e.g. on the psychologist's own request).",
} as const;

/** Every event type on `practitioners.childcare-provider.v1`. */
export const PRACTITIONERS_CHILDCARE_PROVIDER_EVENTS = {
  'practitioners.childcare-provider.registered': 'A child-supervision service provider was registered.',
  'practitioners.childcare-provider.amended': 'Its registered data changed by a decision.',
  'practitioners.childcare-provider.refused': 'An application was refused: only the decision travels, never the applicant.',
  'practitioners.childcare-provider.excluded': 'It was excluded from the register, with the reason.',
} as const;

/** Every event type on `practitioners.private-practice.v1`. */
export const PRACTITIONERS_PRIVATE_PRACTICE_EVENTS = {
  'practitioners.private-practice.issued': 'A private-practice certificate was issued.',
  'practitioners.private-practice.extended': 'Its validity was extended.',
  'practitioners.private-practice.revoked': 'It was revoked, with the reason.',
} as const;

const fieldOfPractice = z.enum([
  'EDUCATION_AND_SCHOOL',
  'WORK_AND_ORGANISATIONAL',
  'CLINICAL_AND_HEALTH',
  'LEGAL',
  'COUNSELLING',
  'MILITARY',
]);
// CANCELLED appears only in events published before migration 1732300004400 carried it over to TERMINATED
// (that migration also retired the event type practitioners.psychologist.cancelled).
const psychologistStatus = z.enum(['REGISTERED', 'CERTIFIED', 'SUSPENDED', 'CANCELLED', 'TERMINATED', 'EXCLUDED', 'RESTORED']);
const certificateStatus = z.enum(['ACTIVE', 'SUSPENDED', 'ANNULLED']);

export const psychologistStateSchema = z
  .object({
    id: z.uuid(),
    registrationNumber: z.string().min(1),
    name: z.string().min(1),
    education: z.string().min(1),
    // A place of work, public; null for registrations that did not record it.
    practiceMunicipality: z.string().min(1).nullable(),
    registrationDecision: decisionSchema,
    status: psychologistStatus,
    certificates: z.array(
      z.object({
        number: z.string().min(1),
        fieldOfPractice,
        validFrom: isoDate,
        validUntil: isoDate,
        expired: z.boolean(),
        decision: decisionSchema,
        // Defaults: events published before certificate decisions existed.
        status: certificateStatus.default('ACTIVE'),
        statusHistory: z.array(z.object({ status: certificateStatus, decision: decisionSchema })).default([]),
      }),
    ),
    statusHistory: z.array(z.object({ status: psychologistStatus, decision: decisionSchema })),
    supervisorRights: z.array(
      z.object({ fieldOfPractice, validFrom: isoDate, validUntil: isoDate, expired: z.boolean(), decision: decisionSchema }),
    ),
    foreignQualifications: z.array(
      z.object({
        country: z.string().min(1),
        qualification: z.string().min(1),
        decision: decisionSchema,
        recognitionCertificate: z
          .object({ number: z.string().min(1), date: isoDate })
          .nullable()
          .default(null)
          .describe('The recognition certificate (profesionālās kvalifikācijas atzīšanas apliecība); null when not recorded.'),
      }),
    ),
    supervisionContracts: z
      .array(z.object({ supervisorId: z.uuid(), startsOn: isoDate, endsOn: isoDate }))
      .default([])
      .describe('Contracts under which a registered psychologist practises with a supervisor (a psychologist id).'),
  })
  .meta({ id: 'PsychologistState', description: 'What the public register of psychologists shows (never a personal code).' });

const childcareProviderKind = z.enum(['NATURAL_PERSON', 'LEGAL_PERSON']);

export const childcareProviderStateSchema = z
  .object({
    id: z.uuid(),
    registrationNumber: z.string().min(1),
    kind: childcareProviderKind,
    name: z.string().min(1),
    companyNumber: z.string().nullable().describe("A legal person's registration number with the Enterprise Register."),
    homeAddress: z.string().nullable().describe("A natural person's home address only with their consent."),
    homeAddressPublic: z.boolean(),
    serviceAddress: z.string().min(1),
    municipality: z.string().min(1),
    status: z.enum(['REGISTERED', 'EXCLUDED']),
    decision: decisionSchema,
    exclusionDecision: decisionSchema.nullable(),
    exclusionReasonCode: z
      .enum(['FOUNDER_LIQUIDATED', 'SERVICE_DISCONTINUED', 'REQUIREMENTS_NOT_MET', 'OTHER'])
      .nullable()
      .default(null)
      .describe('Why it was excluded, as a code (absent in events published before the codes).'),
    exclusionReason: z.string().nullable().describe('The exclusion decision’s own words, when it adds any.'),
    amendments: z.array(decisionSchema),
  })
  .meta({ id: 'ChildcareProviderState', description: "A registered provider's public state (never a personal code)." });

export const refusedChildcareApplicationStateSchema = z
  .object({
    id: z.uuid(),
    registrationNumber: z.string().min(1),
    kind: childcareProviderKind,
    status: z.literal('REFUSED'),
    decision: decisionSchema,
  })
  .meta({
    id: 'RefusedChildcareApplicationState',
    description: "A refused application: the decision only, without the applicant's name, addresses or the reason.",
  });

export const privatePracticeStateSchema = z
  .object({
    id: z.uuid(),
    number: z.string().min(1),
    teacherName: z.string().min(1),
    programmeKind: z.enum(['INTEREST_EDUCATION', 'NON_FORMAL_EDUCATION']),
    programmeName: z.string().min(1),
    municipality: z.string().min(1),
    validFrom: isoDate,
    validUntil: isoDate,
    status: z.enum(['ISSUED', 'REVOKED']),
    decision: decisionSchema,
    extensions: z.array(z.object({ validUntil: isoDate, decision: decisionSchema })),
    revocationDecision: decisionSchema.nullable(),
    revocationReason: z.string().nullable(),
  })
  .meta({ id: 'PrivatePracticeCertificateState', description: "A private-practice certificate's public state (never a personal code)." });

export const psychologistChangeSchema = stateChange(psychologistStateSchema, 'PsychologistChange', 'practitioners.psychologist.v1');
export const childcareProviderChangeSchema = stateChange(
  childcareProviderStateSchema,
  'ChildcareProviderChange',
  'practitioners.childcare-provider.v1',
);
export const refusedChildcareApplicationChangeSchema = z
  .object({ state: refusedChildcareApplicationStateSchema, changedFields: z.array(z.string()) })
  .meta({ id: 'RefusedChildcareApplicationChange', description: '`data` of practitioners.childcare-provider.refused.' });
export const privatePracticeChangeSchema = stateChange(
  privatePracticeStateSchema,
  'PrivatePracticeCertificateChange',
  'practitioners.private-practice.v1',
);

export type PsychologistState = z.output<typeof psychologistStateSchema>;
export type ChildcareProviderState = z.output<typeof childcareProviderStateSchema>;
export type RefusedChildcareApplicationState = z.output<typeof refusedChildcareApplicationStateSchema>;
export type PrivatePracticeCertificateState = z.output<typeof privatePracticeStateSchema>;
