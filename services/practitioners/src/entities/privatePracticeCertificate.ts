import { EntitySchema } from 'typeorm';
import type { PrivatePracticeCertificateStatus, PrivatePracticeProgrammeKind } from '../generated/resolvers';

export interface PrivatePracticeCertificateRecord {
  id: string;
  number: string;
  teacherName: string;
  searchName: string;
  /** Personal data: never public, never on a topic or in a log. */
  personalCode: string;
  programmeKind: PrivatePracticeProgrammeKind;
  programmeName: string;
  municipality: string;
  searchMunicipality: string;
  validFrom: string;
  /** The current end: the last extension's, or the issue decision's. */
  validUntil: string;
  status: PrivatePracticeCertificateStatus;
  decisionNumber: string;
  decisionDate: string;
  revocationDecisionNumber: string | null;
  revocationDecisionDate: string | null;
  revocationReason: string | null;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PrivatePracticeCertificateEntity = new EntitySchema<PrivatePracticeCertificateRecord>({
  name: 'PrivatePracticeCertificate',
  tableName: 'private_practice_certificate',
  columns: {
    id: { type: 'uuid', primary: true },
    number: { type: 'text', unique: true },
    teacherName: { type: 'text', name: 'teacher_name' },
    searchName: { type: 'text', name: 'search_name' },
    personalCode: { type: 'text', name: 'personal_code' },
    programmeKind: { type: 'text', name: 'programme_kind' },
    programmeName: { type: 'text', name: 'programme_name' },
    municipality: { type: 'text' },
    searchMunicipality: { type: 'text', name: 'search_municipality' },
    validFrom: { type: 'date', name: 'valid_from' },
    validUntil: { type: 'date', name: 'valid_until' },
    status: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    revocationDecisionNumber: { type: 'text', name: 'revocation_decision_number', nullable: true },
    revocationDecisionDate: { type: 'date', name: 'revocation_decision_date', nullable: true },
    revocationReason: { type: 'text', name: 'revocation_reason', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export interface PrivatePracticeExtensionRecord {
  id: string;
  certificateId: string;
  validUntil: string;
  decisionNumber: string;
  decisionDate: string;
  recordedBy: string | null;
  seq: number;
}

export const PrivatePracticeExtensionEntity = new EntitySchema<PrivatePracticeExtensionRecord>({
  name: 'PrivatePracticeExtension',
  tableName: 'private_practice_extension',
  columns: {
    id: { type: 'uuid', primary: true },
    certificateId: { type: 'uuid', name: 'certificate_id' },
    validUntil: { type: 'date', name: 'valid_until' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment', transformer: { from: (v: string) => Number(v), to: (v: unknown) => v } },
  },
});
