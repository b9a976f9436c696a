import { EntitySchema } from 'typeorm';

/** One field of one institution changed by one decision, effective on a date (pending until then). */
export interface InstitutionChangeRecord {
  seq: string;
  institutionId: string;
  decisionId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  effectiveDate: string;
  recordedAt: Date;
  /** Null while the change waits for its effective date. */
  appliedAt: Date | null;
  /** Set when the decision was revoked before this change took effect. */
  cancelledAt: Date | null;
}

export const InstitutionChangeEntity = new EntitySchema<InstitutionChangeRecord>({
  name: 'InstitutionChange',
  tableName: 'institution_change',
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    institutionId: { type: 'uuid', name: 'institution_id' },
    decisionId: { type: 'uuid', name: 'decision_id' },
    field: { type: 'text' },
    oldValue: { type: 'jsonb', name: 'old_value', nullable: true },
    newValue: { type: 'jsonb', name: 'new_value', nullable: true },
    effectiveDate: { type: 'date', name: 'effective_date' },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
    appliedAt: { type: 'timestamptz', name: 'applied_at', nullable: true },
    cancelledAt: { type: 'timestamptz', name: 'cancelled_at', nullable: true },
  },
});
