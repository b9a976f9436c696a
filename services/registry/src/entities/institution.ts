import { EntitySchema } from 'typeorm';
import type { ImplementationPlaceRecord } from './implementationPlace';
import type { FounderKind, InstitutionStatus, InstitutionType, PlanningRegion } from '../generated/resolvers';

export interface InstitutionRecord {
  id: string;
  registrationNumber: string;
  name: string;
  /** `name` folded for case- and diacritic-insensitive search. */
  searchName: string;
  type: InstitutionType;
  status: InstitutionStatus;
  founderKind: FounderKind;
  founderName: string;
  founderMunicipality: string | null;
  planningRegion: PlanningRegion;
  registeredOn: string;
  liquidatedOn: string | null;
  /** LIQUIDATION, STRIKING_OFF or REORGANISATION, when not ACTIVE. */
  liquidationKind: string | null;
  headName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  stateSignificance: boolean;
  /** Restricted: a natural-person founder's personal code (OFFICER only; never on topics or in logs). */
  founderPersonalCode: string | null;
  /** Restricted: officers' notes. */
  internalNotes: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set on an `asOf` view only: the places as they stood on that date. */
  asOfPlaces?: ImplementationPlaceRecord[];
}

export const InstitutionEntity = new EntitySchema<InstitutionRecord>({
  name: 'Institution',
  tableName: 'institution',
  columns: {
    id: { type: 'uuid', primary: true },
    registrationNumber: { type: 'text', name: 'registration_number', unique: true },
    name: { type: 'text' },
    searchName: { type: 'text', name: 'search_name' },
    type: { type: 'text' },
    status: { type: 'text' },
    founderKind: { type: 'text', name: 'founder_kind' },
    founderName: { type: 'text', name: 'founder_name' },
    founderMunicipality: { type: 'text', name: 'founder_municipality', nullable: true },
    planningRegion: { type: 'text', name: 'planning_region' },
    registeredOn: { type: 'date', name: 'registered_on' },
    liquidatedOn: { type: 'date', name: 'liquidated_on', nullable: true },
    liquidationKind: { type: 'text', name: 'liquidation_kind', nullable: true },
    headName: { type: 'text', name: 'head_name', nullable: true },
    contactEmail: { type: 'text', name: 'contact_email', nullable: true },
    contactPhone: { type: 'text', name: 'contact_phone', nullable: true },
    stateSignificance: { type: 'boolean', name: 'state_significance', default: false },
    founderPersonalCode: { type: 'text', name: 'founder_personal_code', nullable: true },
    internalNotes: { type: 'text', name: 'internal_notes', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
