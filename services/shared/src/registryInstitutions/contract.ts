import { z } from 'zod';
import { isIsoDate } from '../scalars';

/**
 * The event types the registry publishes on `registry.institution.v1`. Every one of them
 * carries the institution's full state, so a replica applies them all the same way; when the
 * registry adds a type, adding it here is all its subscribers need.
 */
export const REGISTRY_INSTITUTION_EVENT_TYPES = [
  'registry.institution.applied',
  'registry.institution.registration-postponed',
  'registry.institution.registration-refused',
  'registry.institution.registered',
  'registry.institution.decision-revoked',
  'registry.institution.amended',
  'registry.institution.liquidated',
  'registry.institution.reorganised',
  'registry.institution.state-significance-granted',
  'registry.institution.state-significance-revoked',
] as const;

export type RegistryInstitutionEventType = (typeof REGISTRY_INSTITUTION_EVENT_TYPES)[number];

/** An institution's public state as the registry publishes it (its `institutionState`). */
export interface RegistryInstitutionState {
  id: string;
  registrationNumber: string;
  name: string;
  type: string;
  status: string;
  founder: { kind: string; name: string; municipality: string | null };
  planningRegion: string;
  implementationPlaces: Array<{ id: string; address: string; municipality: string; planningRegion: string }>;
  registeredOn: string;
  liquidatedOn: string | null;
  headName: string | null;
  contacts: { email: string | null; phone: string | null };
  stateSignificance: boolean;
  /** LIQUIDATION, STRIKING_OFF or REORGANISATION when the institution has ended. */
  liquidationKind: string | null;
  /** Reorganisation links: institutions this one continues, and those that continue it. */
  predecessors: RegistryInstitutionLink[];
  successors: RegistryInstitutionLink[];
}

export interface RegistryInstitutionLink {
  institutionId: string;
  /** MERGER, DIVISION or ATTACHMENT. */
  kind: string;
  effectiveDate: string;
}

/** The `data` of every `registry.institution.v1` event (event-carried state transfer). */
export interface RegistryInstitutionChange {
  state: RegistryInstitutionState;
  changedFields: string[];
}

/** The `Institution` entity as a subgraph other than the registry sees it: a reference by id. */
export interface InstitutionReference {
  id: string;
}

const text = z.string().min(1);
const isoDate = z.string().refine(isIsoDate, 'must be YYYY-MM-DD');
const link = z.looseObject({ institutionId: z.uuid(), kind: text, effectiveDate: isoDate });

/**
 * The subscribers' side of the contract. A tolerant reader: fields the registry adds later are
 * accepted and kept (loose objects), so a replica already holds them when a subscriber starts
 * reading them; a missing or malformed known field makes the event a poison message.
 */
export const registryInstitutionChangeSchema: z.ZodType<RegistryInstitutionChange> = z.looseObject({
  state: z.looseObject({
    id: z.uuid(),
    registrationNumber: text,
    name: text,
    type: text,
    status: text,
    founder: z.looseObject({ kind: text, name: text, municipality: z.string().nullable() }),
    planningRegion: text,
    implementationPlaces: z.array(z.looseObject({ id: z.uuid(), address: text, municipality: z.string(), planningRegion: z.string() })),
    registeredOn: isoDate,
    liquidatedOn: isoDate.nullable(),
    // Added with the full register; defaults keep states stored by earlier versions readable.
    headName: z.string().nullable().default(null),
    contacts: z.looseObject({ email: z.string().nullable(), phone: z.string().nullable() }).default({ email: null, phone: null }),
    stateSignificance: z.boolean().default(false),
    liquidationKind: z.string().nullable().default(null),
    predecessors: z.array(link).default([]),
    successors: z.array(link).default([]),
  }),
  changedFields: z.array(z.string()),
});
