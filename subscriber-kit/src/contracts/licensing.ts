import { z } from 'zod';
import { isoDate, stateChange } from './common';

/** Every event type on `licensing.licence.v1`; each carries the licence's full state. */
export const LICENSING_LICENCE_EVENTS = {
  'licensing.licence.issued':
    'A licence was issued; one created by re-licensing or by a transfer to a successor names the licence it continues (`continuesId`).',
  'licensing.licence.amended': 'Its programme name, kind-specific attributes or documents changed.',
  'licensing.licence.place-added': 'It now also covers another implementation place.',
  'licensing.licence.place-removed': 'It no longer covers an implementation place.',
  'licensing.licence.relicensed': 'It ended because a new licence replaced it (`continuedById`).',
  'licensing.licence.suspended': 'Its rights were suspended (status SUSPENDED).',
  'licensing.licence.restored': 'Its suspended rights were restored (status ACTIVE).',
  'licensing.licence.revoked': 'It was revoked (status REVOKED).',
  'licensing.licence.transferred': "Its institution was reorganised; the successor's licence continues it (`continuedById`).",
  'licensing.licence.lapsed': 'Its institution was liquidated (status LAPSED).',
} as const;

/** Every event type on `licensing.interest-programme.v1`. */
export const LICENSING_INTEREST_PROGRAMME_EVENTS = {
  'licensing.interest-programme.registered': 'A municipality registered an interest-education programme with its annual targeted subsidy.',
  'licensing.interest-programme.amended': 'Its name or annual subsidy changes from a date (a new entry in `versions`), by a decision.',
  'licensing.interest-programme.reclassified':
    'It moves to another classifier entry from a date (a new entry in `versions`), by a decision.',
  'licensing.interest-programme.ended': 'It ends on `endsOn`, by a decision.',
  'licensing.interest-programme.learners-reported': 'Its number of learners in a school year was reported (`learnerCounts`).',
} as const;

const licenceDocument = z.object({ number: z.string().min(1), issuedOn: isoDate });

export const licenceStateSchema = z
  .object({
    id: z.uuid(),
    institutionId: z.uuid(),
    programmeCode: z.string().min(1),
    programmeName: z.string().min(1),
    level: z.enum(['PRESCHOOL', 'BASIC', 'SECONDARY', 'VOCATIONAL']),
    kind: z.enum([
      'GENERAL',
      'SPECIAL',
      'INTERNATIONAL',
      'DISTANCE_LEARNING',
      'VOCATIONAL_INITIAL',
      'VOCATIONAL_CONTINUING',
      'PROFESSIONAL_DEVELOPMENT',
      'PROFESSIONAL_ORIENTATION',
      'MODULAR',
      'DERIVED',
    ]),
    specialNeedsCategory: z
      .enum([
        'VISUAL_IMPAIRMENTS',
        'HEARING_IMPAIRMENTS',
        'PHYSICAL_DEVELOPMENT_DISORDERS',
        'SOMATIC_DISEASES',
        'LANGUAGE_DISORDERS',
        'LEARNING_DISORDERS',
        'MENTAL_HEALTH_DISORDERS',
        'INTELLECTUAL_DEVELOPMENT_DISORDERS',
        'SEVERE_OR_SEVERAL_DEVELOPMENTAL_DISORDERS',
        'MIXED_DEVELOPMENTAL_DISORDERS',
      ])
      .nullable(),
    internationalProgramme: z.enum(['IB_PYP', 'IB_MYP', 'IB_DP']).nullable(),
    latvianStudiesPermit: licenceDocument.nullable().describe("The 'Latvijas mācība' permit of an international programme."),
    accreditationProof: licenceDocument.nullable(),
    professionalOrientationField: z.enum(['MUSIC', 'ART', 'DANCE', 'SPORT']).nullable(),
    derivedFromId: z.uuid().nullable(),
    implementationPlace: z.object({ id: z.uuid(), address: z.string().min(1) }).describe('The place it was issued for.'),
    implementationPlaces: z
      .array(z.object({ id: z.uuid(), address: z.string().min(1), addedOn: isoDate }))
      .describe('Every place it covers now.'),
    status: z.enum(['ACTIVE', 'SUSPENDED', 'REVOKED', 'RELICENSED', 'LAPSED', 'TRANSFERRED']),
    issuedOn: isoDate,
    decisionNumber: z.string().min(1),
    lapsedOn: isoDate.nullable(),
    revokedOn: isoDate.nullable(),
    endedOn: isoDate.nullable(),
    continuesId: z.uuid().nullable(),
    continuedById: z.uuid().nullable(),
  })
  .meta({ id: 'LicenceState', description: "A licence's full public state." });

export const interestProgrammeStateSchema = z
  .object({
    id: z.uuid(),
    institutionId: z.uuid(),
    municipality: z.string().min(1),
    name: z.string().min(1),
    classifierCode: z.string().min(1),
    areaCode: z.string().nullable().describe('The classifier area of the latest version (`AT` is STEM).'),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    annualTargetedSubsidyCents: z.number().int().min(0),
    versions: z
      .array(
        z.object({
          validFrom: isoDate,
          validTo: isoDate.nullable(),
          name: z.string().min(1),
          classifierCode: z.string().min(1),
          areaCode: z.string().nullable(),
          annualTargetedSubsidyCents: z.number().int().min(0),
        }),
      )
      .describe('Its history, oldest first; the top-level name, classification and subsidy are those of the latest version.'),
    learnerCounts: z
      .array(z.object({ schoolYear: z.string().regex(/^\d{4}\/\d{4}$/), learners: z.number().int().min(0) }))
      .describe('Learners reported per school year.'),
  })
  .meta({ id: 'InterestProgrammeState', description: "An interest-education programme's public state." });

export const licenceChangeSchema = stateChange(licenceStateSchema, 'LicenceChange', 'licensing.licence.v1');
export const interestProgrammeChangeSchema = stateChange(
  interestProgrammeStateSchema,
  'InterestProgrammeChange',
  'licensing.interest-programme.v1',
);

export type LicenceState = z.output<typeof licenceStateSchema>;
export type InterestProgrammeState = z.output<typeof interestProgrammeStateSchema>;
