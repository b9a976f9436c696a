import { EntitySchema } from 'typeorm';
import type { FounderKind, HigherEducationInstitutionStatus, HigherEducationKind } from '../generated/resolvers';

export interface HigherEducationInstitutionRecord {
  id: string;
  registrationNumber: string;
  name: string;
  /** `name` folded for case- and diacritic-insensitive search. */
  searchName: string;
  kind: HigherEducationKind;
  founderKind: FounderKind;
  founderName: string;
  status: HigherEducationInstitutionStatus;
  registrationDecisionNumber: string;
  registrationDecisionDate: string;
  /** Token subject of the officer who registered it (internal; not in the public schema). */
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const HigherEducationInstitutionEntity = new EntitySchema<HigherEducationInstitutionRecord>({
  name: 'HigherEducationInstitution',
  tableName: 'higher_education_institution',
  columns: {
    id: { type: 'uuid', primary: true },
    registrationNumber: { type: 'text', name: 'registration_number', unique: true },
    name: { type: 'text' },
    searchName: { type: 'text', name: 'search_name' },
    kind: { type: 'text' },
    founderKind: { type: 'text', name: 'founder_kind' },
    founderName: { type: 'text', name: 'founder_name' },
    status: { type: 'text' },
    registrationDecisionNumber: { type: 'text', name: 'registration_decision_number' },
    registrationDecisionDate: { type: 'date', name: 'registration_decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
