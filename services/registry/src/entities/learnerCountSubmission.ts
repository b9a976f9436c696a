import { EntitySchema } from 'typeorm';
import type { SubmissionStatus } from '../domain/learnerCountSubmission';

/** A municipality's learner counts for a school year, sent to the ministry: one per municipality and year. */
export interface LearnerCountSubmissionRecord {
  id: string;
  /** The founding municipality, as the register spells it. */
  municipality: string;
  schoolYear: string;
  status: SubmissionStatus;
  /** Reports and learners sent (the municipality's approved reports when it sent). */
  reportCount: number;
  total: number;
  sentAt: Date;
  sentBy: string | null;
  /** When the ministry accepted or returned it. */
  decidedAt: Date | null;
  decidedBy: string | null;
  returnReason: string | null;
}

export const LearnerCountSubmissionEntity = new EntitySchema<LearnerCountSubmissionRecord>({
  name: 'LearnerCountSubmission',
  tableName: 'learner_count_submission',
  columns: {
    id: { type: 'uuid', primary: true },
    municipality: { type: 'text' },
    schoolYear: { type: 'text', name: 'school_year' },
    status: { type: 'text' },
    reportCount: { type: 'integer', name: 'report_count' },
    total: { type: 'integer' },
    sentAt: { type: 'timestamptz', name: 'sent_at' },
    sentBy: { type: 'text', name: 'sent_by', nullable: true },
    decidedAt: { type: 'timestamptz', name: 'decided_at', nullable: true },
    decidedBy: { type: 'text', name: 'decided_by', nullable: true },
    returnReason: { type: 'text', name: 'return_reason', nullable: true },
  },
});
