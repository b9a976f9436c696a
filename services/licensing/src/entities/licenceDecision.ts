import { EntitySchema } from 'typeorm';

export type LicenceDecisionKind =
  | 'ISSUED'
  | 'AMENDED'
  | 'PLACE_ADDED'
  | 'PLACE_REMOVED'
  | 'SUSPENDED'
  | 'REVOKED'
  | 'RIGHTS_RESTORED'
  | 'RELICENSED'
  | 'LAPSED'
  | 'TRANSFERRED'
  | 'TAKEN_OVER';

/** One entry of a licence's decision log: append-only, so every amendment stays with its decision. */
export interface LicenceDecisionRecord {
  seq: string;
  licenceId: string;
  kind: LicenceDecisionKind;
  /** Null for changes the register's own decision caused (lapse, transfer). */
  number: string | null;
  date: string;
  changedFields: string[];
  reason: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export const LicenceDecisionEntity = new EntitySchema<LicenceDecisionRecord>({
  name: 'LicenceDecision',
  tableName: 'licence_decision',
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    licenceId: { type: 'uuid', name: 'licence_id' },
    kind: { type: 'text' },
    number: { type: 'text', nullable: true },
    date: { type: 'date' },
    changedFields: { type: 'jsonb', name: 'changed_fields' },
    reason: { type: 'text', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
  },
});
