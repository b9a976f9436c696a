import { EntitySchema } from 'typeorm';

/**
 * A school year's state beyond its reports: locked (by an OFFICER or by the deadline job) or
 * reopened by an OFFICER until a new deadline. Kept apart from the reports so that a report
 * cannot be started for a year after it was locked (there would be no report row to carry the
 * lock). A year without a row is open until its regular deadline.
 */
export interface LearnerCountYearLockRecord {
  /** "2025/2026" */
  schoolYear: string;
  /** When the year was last locked; null while an OFFICER's reopening is in force. */
  lockedAt: Date | null;
  /** Token subject of the officer who locked it (internal); null when the deadline job did. */
  lockedBy: string | null;
  /** How many reports the last lock took. */
  reportCount: number;
  /** The deadline in force after a reopening (the regular one when null). */
  reopenedUntil: Date | null;
  reopenedAt: Date | null;
  /** Token subject of the officer who reopened it (internal). */
  reopenedBy: string | null;
  reopenReason: string | null;
}

export const LearnerCountYearLockEntity = new EntitySchema<LearnerCountYearLockRecord>({
  name: 'LearnerCountYearLock',
  tableName: 'learner_count_year_lock',
  columns: {
    schoolYear: { type: 'text', primary: true, name: 'school_year' },
    lockedAt: { type: 'timestamptz', name: 'locked_at', nullable: true },
    lockedBy: { type: 'text', name: 'locked_by', nullable: true },
    reportCount: { type: 'integer', name: 'report_count' },
    reopenedUntil: { type: 'timestamptz', name: 'reopened_until', nullable: true },
    reopenedAt: { type: 'timestamptz', name: 'reopened_at', nullable: true },
    reopenedBy: { type: 'text', name: 'reopened_by', nullable: true },
    reopenReason: { type: 'text', name: 'reopen_reason', nullable: true },
  },
});
