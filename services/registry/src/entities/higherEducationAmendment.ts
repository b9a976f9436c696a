import { EntitySchema } from 'typeorm';
import type { HigherEducationAmendedField } from '../generated/resolvers';

/** One field changed by an amendment decision: the register's amendment log. */
export interface HigherEducationAmendmentRecord {
  id: string;
  institutionId: string;
  field: HigherEducationAmendedField;
  oldValue: string;
  newValue: string;
  decisionNumber: string;
  decisionDate: string;
  /** Token subject of the officer who recorded it (internal). */
  recordedBy: string | null;
  recordedAt: Date;
  /** Insertion order: the fields of one decision share its recordedAt. */
  seq: string;
}

export const HigherEducationAmendmentEntity = new EntitySchema<HigherEducationAmendmentRecord>({
  name: 'HigherEducationAmendment',
  tableName: 'higher_education_amendment',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    field: { type: 'text' },
    oldValue: { type: 'text', name: 'old_value' },
    newValue: { type: 'text', name: 'new_value' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
    seq: { type: 'bigint', generated: 'increment' },
  },
});
