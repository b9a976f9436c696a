import { EntitySchema } from 'typeorm';
import type { CertificateStatus, FieldOfPractice } from '../generated/resolvers';

export interface CertificateRecord {
  id: string;
  psychologistId: string;
  number: string;
  fieldOfPractice: FieldOfPractice;
  validFrom: string;
  /** Computed from `validFrom` (domain/certificateValidity), inclusive. */
  validUntil: string;
  decisionNumber: string;
  decisionDate: string;
  /** ACTIVE, SUSPENDED or ANNULLED by a decision on this certificate alone (domain/certificateDecisions). */
  status: CertificateStatus;
  /** The day the expiry job recorded the end of validity; null while not recorded. */
  expiredOn: string | null;
  /** Token subject of the officer who recorded it (internal; not in the public schema). */
  recordedBy: string | null;
  createdAt: Date;
}

export const CertificateEntity = new EntitySchema<CertificateRecord>({
  name: 'Certificate',
  tableName: 'certificate',
  columns: {
    id: { type: 'uuid', primary: true },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    number: { type: 'text', unique: true },
    fieldOfPractice: { type: 'text', name: 'field_of_practice' },
    validFrom: { type: 'date', name: 'valid_from' },
    validUntil: { type: 'date', name: 'valid_until' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    status: { type: 'text', default: 'ACTIVE' },
    expiredOn: { type: 'date', name: 'expired_on', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});

/** A decision on one certificate (suspension, annulment, restoration) with the status it led to (public). */
export interface CertificateStatusChangeRecord {
  id: string;
  certificateId: string;
  psychologistId: string;
  status: CertificateStatus;
  decisionNumber: string;
  decisionDate: string;
  recordedBy: string | null;
  seq: number;
}

export const CertificateStatusChangeEntity = new EntitySchema<CertificateStatusChangeRecord>({
  name: 'CertificateStatusChange',
  tableName: 'certificate_status_change',
  columns: {
    id: { type: 'uuid', primary: true },
    certificateId: { type: 'uuid', name: 'certificate_id' },
    psychologistId: { type: 'uuid', name: 'psychologist_id' },
    status: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment', transformer: { from: (v: string) => Number(v), to: (v: unknown) => v } },
  },
});
