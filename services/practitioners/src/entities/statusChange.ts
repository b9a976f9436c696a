import { EntitySchema } from 'typeorm';
import type { PsychologistStatus } from '../generated/resolvers';

/** One status a psychologist entered, with the decision that put it there (public). */
export interface StatusChangeRecord {
  id: string;
  psychologistId: string;
  status: PsychologistStatus;
  decisionNumber: string;
  decisionDate: string;
  /** Token subject of the officer who recorded it (internal; not in the public schema). */
  recordedBy: string | null;
  /** Insertion order: decisions of one day keep the order they were recorded in. */
  seq: number;
}

export const StatusChangeEntity = new EntitySchema<StatusChangeRecord>({
  name: 'StatusChange',
  tableName: 'status_change',
  columns: {
    id: { type: 'uuid', primary: true },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    status: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment', transformer: { from: (v: string) => Number(v), to: (v: unknown) => v } },
  },
});
