import { EntitySchema } from 'typeorm';

/** Learners in one programme in one school year, as last reported. */
export interface InterestProgrammeLearnerCountRecord {
  programmeId: string;
  schoolYear: string;
  learners: number;
  reportedBy: string | null;
  reportedAt: Date;
}

export const InterestProgrammeLearnerCountEntity = new EntitySchema<InterestProgrammeLearnerCountRecord>({
  name: 'InterestProgrammeLearnerCount',
  tableName: 'interest_programme_learner_count',
  columns: {
    programmeId: { type: 'uuid', name: 'programme_id', primary: true },
    schoolYear: { type: 'text', name: 'school_year', primary: true },
    learners: { type: 'integer' },
    reportedBy: { type: 'text', name: 'reported_by', nullable: true },
    reportedAt: { type: 'timestamptz', name: 'reported_at', updateDate: true },
  },
});
