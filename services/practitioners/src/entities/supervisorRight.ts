import { EntitySchema } from 'typeorm';
import type { FieldOfPractice } from '../generated/resolvers';

/** Supervisor rights in one field, resting on the certificate in that field (their end is its end). */
export interface SupervisorRightRecord {
  id: string;
  psychologistId: string;
  certificateId: string;
  fieldOfPractice: FieldOfPractice;
  validFrom: string;
  validUntil: string;
  decisionNumber: string;
  decisionDate: string;
  expiredOn: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

export const SupervisorRightEntity = new EntitySchema<SupervisorRightRecord>({
  name: 'SupervisorRight',
  tableName: 'supervisor_right',
  columns: {
    id: { type: 'uuid', primary: true },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    certificateId: { type: 'uuid', name: 'certificate_id' },
    fieldOfPractice: { type: 'text', name: 'field_of_practice' },
    validFrom: { type: 'date', name: 'valid_from' },
    validUntil: { type: 'date', name: 'valid_until' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    expiredOn: { type: 'date', name: 'expired_on', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
