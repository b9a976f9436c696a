import { EntitySchema } from 'typeorm';
import type { PsychologistStatus } from '../generated/resolvers';

export interface PsychologistRecord {
  id: string;
  registrationNumber: string;
  name: string;
  /** `name` folded for case- and diacritic-insensitive search. */
  searchName: string;
  /** Personal data: resolves only for callers who may read it, never goes on a topic or in a log. */
  personalCode: string;
  education: string;
  /** Where the psychologist practises: public, a place of work. Null for registrations that did not record it. */
  practiceMunicipality: string | null;
  searchPracticeMunicipality: string | null;
  registrationDecisionNumber: string;
  registrationDecisionDate: string;
  status: PsychologistStatus;
  createdAt: Date;
  updatedAt: Date;
}

export const PsychologistEntity = new EntitySchema<PsychologistRecord>({
  name: 'Psychologist',
  tableName: 'psychologist',
  columns: {
    id: { type: 'uuid', primary: true },
    registrationNumber: { type: 'text', name: 'registration_number', unique: true },
    name: { type: 'text' },
    searchName: { type: 'text', name: 'search_name' },
    personalCode: { type: 'text', name: 'personal_code', unique: true },
    education: { type: 'text' },
    practiceMunicipality: { type: 'text', name: 'practice_municipality', nullable: true },
    searchPracticeMunicipality: { type: 'text', name: 'search_practice_municipality', nullable: true },
    registrationDecisionNumber: { type: 'text', name: 'registration_decision_number' },
    registrationDecisionDate: { type: 'date', name: 'registration_decision_date' },
    status: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
