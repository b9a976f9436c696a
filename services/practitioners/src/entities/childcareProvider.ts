import { EntitySchema } from 'typeorm';
import type {
  ChildcareExclusionReason,
  ChildcareProviderKind,
  ChildcareProviderStatus,
  ChildcareRefusalReason,
} from '../generated/resolvers';

export interface ChildcareProviderRecord {
  id: string;
  registrationNumber: string;
  kind: ChildcareProviderKind;
  name: string;
  searchName: string;
  /** Natural persons only. Personal data: never public, never on a topic or in a log. */
  personalCode: string | null;
  /** Legal persons only: number in the Register of Enterprises. */
  companyNumber: string | null;
  /** A natural person's home address is personal data, public only with consent. */
  homeAddress: string;
  homeAddressPublic: boolean;
  serviceAddress: string;
  municipality: string;
  searchMunicipality: string;
  status: ChildcareProviderStatus;
  decisionNumber: string;
  decisionDate: string;
  /** Coded reasons (domain/childcareReasons.ts); the free-text columns keep what the decision adds. */
  refusalReasonCode: ChildcareRefusalReason | null;
  refusalReason: string | null;
  exclusionDecisionNumber: string | null;
  exclusionDecisionDate: string | null;
  exclusionReasonCode: ChildcareExclusionReason | null;
  exclusionReason: string | null;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ChildcareProviderEntity = new EntitySchema<ChildcareProviderRecord>({
  name: 'ChildcareProvider',
  tableName: 'childcare_provider',
  columns: {
    id: { type: 'uuid', primary: true },
    registrationNumber: { type: 'text', name: 'registration_number', unique: true },
    kind: { type: 'text' },
    name: { type: 'text' },
    searchName: { type: 'text', name: 'search_name' },
    personalCode: { type: 'text', name: 'personal_code', nullable: true },
    companyNumber: { type: 'text', name: 'company_number', nullable: true },
    homeAddress: { type: 'text', name: 'home_address' },
    homeAddressPublic: { type: 'boolean', name: 'home_address_public' },
    serviceAddress: { type: 'text', name: 'service_address' },
    municipality: { type: 'text' },
    searchMunicipality: { type: 'text', name: 'search_municipality' },
    status: { type: 'text' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    refusalReasonCode: { type: 'text', name: 'refusal_reason_code', nullable: true },
    refusalReason: { type: 'text', name: 'refusal_reason', nullable: true },
    exclusionDecisionNumber: { type: 'text', name: 'exclusion_decision_number', nullable: true },
    exclusionDecisionDate: { type: 'date', name: 'exclusion_decision_date', nullable: true },
    exclusionReasonCode: { type: 'text', name: 'exclusion_reason_code', nullable: true },
    exclusionReason: { type: 'text', name: 'exclusion_reason', nullable: true },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});

export interface ChildcareAmendmentRecord {
  id: string;
  providerId: string;
  changedFields: string[];
  decisionNumber: string;
  decisionDate: string;
  recordedBy: string | null;
  seq: number;
}

export const ChildcareAmendmentEntity = new EntitySchema<ChildcareAmendmentRecord>({
  name: 'ChildcareAmendment',
  tableName: 'childcare_amendment',
  columns: {
    id: { type: 'uuid', primary: true },
    providerId: { type: 'uuid', name: 'provider_id' },
    changedFields: { type: 'text', array: true, name: 'changed_fields' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    recordedBy: { type: 'text', name: 'recorded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment', transformer: { from: (v: string) => Number(v), to: (v: unknown) => v } },
  },
});
