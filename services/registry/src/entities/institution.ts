import { EntitySchema } from 'typeorm';
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
  createdAt: Date;
  updatedAt: Date;
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
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
