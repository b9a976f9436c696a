import { EntitySchema } from 'typeorm';
import type { LearnerCounts, LearnerCountStatus } from '../domain/learnerCounts';

/** One institution's learner counts for one school year, as of 1 September. */
export interface LearnerCountReportRecord extends LearnerCounts {
  id: string;
  institutionId: string;
  /** "2025/2026" */
  schoolYear: string;
  status: LearnerCountStatus;
  confirmedAt: Date | null;
  approvedAt: Date | null;
  lockedAt: Date | null;
  /** Token subjects of who prepared, confirmed and approved it (internal; not in the public schema). */
  preparedBy: string | null;
  confirmedBy: string | null;
  approvedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const count = (name: string) => ({ type: 'integer', name }) as const;

export const LearnerCountReportEntity = new EntitySchema<LearnerCountReportRecord>({
  name: 'LearnerCountReport',
  tableName: 'learner_count_report',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    schoolYear: { type: 'text', name: 'school_year' },
    status: { type: 'text' },
    preschoolAge5: count('preschool_age_5'),
    preschoolAge6: count('preschool_age_6'),
    grade1: count('grade_1'),
    grade2: count('grade_2'),
    grade3: count('grade_3'),
    grade4: count('grade_4'),
    grade5: count('grade_5'),
    grade6: count('grade_6'),
    grade7: count('grade_7'),
    grade8: count('grade_8'),
    grade9: count('grade_9'),
    grade10: count('grade_10'),
    grade11: count('grade_11'),
    grade12: count('grade_12'),
    confirmedAt: { type: 'timestamptz', name: 'confirmed_at', nullable: true },
    approvedAt: { type: 'timestamptz', name: 'approved_at', nullable: true },
    lockedAt: { type: 'timestamptz', name: 'locked_at', nullable: true },
    preparedBy: { type: 'text', name: 'prepared_by', nullable: true },
    confirmedBy: { type: 'text', name: 'confirmed_by', nullable: true },
    approvedBy: { type: 'text', name: 'approved_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
