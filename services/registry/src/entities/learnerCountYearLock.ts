import { EntitySchema } from 'typeorm';

/**
 * A school year the ministry has locked. Kept apart from the reports so that a report cannot be
 * started for a year after it was locked (there would be no report row to carry the lock).
 */
export interface LearnerCountYearLockRecord {
  /** "2025/2026" */
  schoolYear: string;
  lockedAt: Date;
  /** Token subject of the officer who locked it (internal). */
  lockedBy: string | null;
  /** How many reports the lock took. */
  reportCount: number;
}

export const LearnerCountYearLockEntity = new EntitySchema<LearnerCountYearLockRecord>({
  name: 'LearnerCountYearLock',
  tableName: 'learner_count_year_lock',
  columns: {
    schoolYear: { type: 'text', primary: true, name: 'school_year' },
    lockedAt: { type: 'timestamptz', name: 'locked_at' },
    lockedBy: { type: 'text', name: 'locked_by', nullable: true },
    reportCount: { type: 'integer', name: 'report_count' },
  },
});
