import { EntitySchema } from 'typeorm';
import type { DecisionKind } from '../generated/resolvers';

export interface DecisionRecord {
  id: string;
  institutionId: string;
  kind: DecisionKind;
  number: string;
  date: string;
  effectiveDate: string;
  reason: string | null;
  /** Token subject of the officer who recorded it (internal; not in the public schema). */
  recordedBy: string | null;
  recordedAt: Date;
  /** A postponement's deadline for the applicant. */
  deadline: string | null;
  /** The decision that revoked this one. */
  revokedBy: string | null;
}

export const DecisionEntity = new EntitySchema<DecisionRecord>({
  name: 'Decision',
  tableName: 'decision',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    kind: { type: 'text' },
    number: { type: 'text' },
    date: { type: 'date' },
    effectiveDate: { type: 'date', name: 'effective_date' },
    reason: { type: 'text', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
    deadline: { type: 'date', nullable: true },
    revokedBy: { type: 'uuid', name: 'revoked_by', nullable: true },
  },
});
