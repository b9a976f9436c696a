import { EntitySchema } from 'typeorm';

export type InterestProgrammeDecisionKind = 'REGISTERED' | 'AMENDED' | 'RECLASSIFIED' | 'ENDED';

/** One entry of a programme's decision log: append-only, like a licence's. */
export interface InterestProgrammeDecisionRecord {
  seq: string;
  programmeId: string;
  kind: InterestProgrammeDecisionKind;
  /** Null for the registration, which the API takes without a decision number. */
  number: string | null;
  date: string;
  /** The first day of the version it opens, or the last day of the programme it ends. */
  effectiveFrom: string;
  changedFields: string[];
  reason: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export const InterestProgrammeDecisionEntity = new EntitySchema<InterestProgrammeDecisionRecord>({
  name: 'InterestProgrammeDecision',
  tableName: 'interest_programme_decision',
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    programmeId: { type: 'uuid', name: 'programme_id' },
    kind: { type: 'text' },
    number: { type: 'text', nullable: true },
    date: { type: 'date' },
    effectiveFrom: { type: 'date', name: 'effective_from' },
    changedFields: { type: 'jsonb', name: 'changed_fields' },
    reason: { type: 'text', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    recordedAt: { type: 'timestamptz', name: 'recorded_at', createDate: true },
  },
});
