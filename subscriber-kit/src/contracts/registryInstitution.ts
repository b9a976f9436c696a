import { z } from 'zod';
import { isoDate, planningRegion } from './common';

/** Every event type on `registry.institution.v1`; each carries the institution's full state. */
export const REGISTRY_INSTITUTION_EVENTS = {
  'registry.institution.applied': 'An application for registration was received (status PENDING).',
  'registry.institution.registration-postponed': 'The decision on an application was postponed until a deadline.',
  'registry.institution.registration-refused': 'An application was refused (status REFUSED).',
  'registry.institution.registered': 'The institution was registered (status ACTIVE).',
  'registry.institution.decision-revoked': 'An earlier decision was revoked; the state is as it stands after the revocation.',
  'registry.institution.amended': 'Registered data changed (name, places, head, contacts, ...).',
  'registry.institution.liquidated': 'The institution was liquidated or struck off (status LIQUIDATED).',
  'registry.institution.reorganised': 'The institution took part in a merger, division or attachment (see predecessors/successors).',
  'registry.institution.state-significance-granted': 'The institution was granted state significance.',
  'registry.institution.state-significance-revoked': 'State significance was revoked.',
} as const;

export const registryInstitutionLinkSchema = z
  .object({
    institutionId: z.uuid(),
    kind: z.enum(['MERGER', 'DIVISION', 'ATTACHMENT']),
    effectiveDate: isoDate,
  })
  .meta({ id: 'RegistryInstitutionLink', description: 'A reorganisation link to another institution.' });

export const registryInstitutionStateSchema = z
  .object({
    id: z.uuid(),
    registrationNumber: z.string().regex(/^\d{10}$/),
    name: z.string().min(1),
    type: z.enum([
      'PRESCHOOL',
      'PRIMARY_SCHOOL',
      'BASIC_SCHOOL',
      'SECONDARY_SCHOOL',
      'GYMNASIUM',
      'STATE_GYMNASIUM',
      'SPECIAL_SCHOOL',
      'VOCATIONAL_SCHOOL',
      'INTEREST_EDUCATION',
      'PROFESSIONAL_ORIENTATION_MUSIC',
      'PROFESSIONAL_ORIENTATION_ART',
      'PROFESSIONAL_ORIENTATION_DANCE',
      'PROFESSIONAL_ORIENTATION_SPORT',
      'INTERNATIONAL_SCHOOL',
      'EVENING_OR_DISTANCE_SCHOOL',
    ]),
    status: z.enum(['PENDING', 'ACTIVE', 'REFUSED', 'LIQUIDATED']),
    founder: z.object({
      kind: z.enum(['STATE', 'MUNICIPALITY', 'LEGAL_PERSON', 'NATURAL_PERSON']),
      name: z.string().min(1),
      municipality: z.string().nullable().describe('Set when kind is MUNICIPALITY, as the classifier spells it.'),
    }),
    planningRegion,
    implementationPlaces: z.array(z.object({ id: z.uuid(), address: z.string().min(1), municipality: z.string(), planningRegion })),
    headName: z.string().nullable(),
    contacts: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    stateSignificance: z.boolean(),
    registeredOn: isoDate,
    liquidatedOn: isoDate.nullable(),
    liquidationKind: z.enum(['LIQUIDATION', 'STRIKING_OFF', 'REORGANISATION']).nullable(),
    predecessors: z.array(registryInstitutionLinkSchema).describe('Institutions this one continues.'),
    successors: z.array(registryInstitutionLinkSchema).describe('Institutions that continue this one.'),
  })
  .meta({ id: 'RegistryInstitutionState', description: "An institution's full public state (never a personal code)." });

export const registryInstitutionChangeSchema = z
  .object({ state: registryInstitutionStateSchema, changedFields: z.array(z.string()) })
  .meta({ id: 'RegistryInstitutionChange', description: '`data` of every registry.institution.v1 event.' });

export type RegistryInstitutionState = z.output<typeof registryInstitutionStateSchema>;
export type RegistryInstitutionChange = z.output<typeof registryInstitutionChangeSchema>;
