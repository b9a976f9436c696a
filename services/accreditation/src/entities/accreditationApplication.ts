import { EntitySchema } from 'typeorm';
import type { QualityResult } from '../domain/qualityScale';
import type {
  AccreditationApplicationStatus,
  AccreditationDecisionOutcome,
  AccreditationKind,
  ApplicationCloseReason,
} from '../generated/resolvers';

export interface ApplicationPlaceRecord {
  id: string;
  address: string;
}

/** An application for accreditation, with its evaluation and the decision on it. */
export interface AccreditationApplicationRecord {
  id: string;
  kind: AccreditationKind;
  institutionId: string;
  licenceId: string | null;
  programmeCode: string | null;
  submittedOn: string;
  /** The places the application covers, as the register described them when it was submitted. */
  implementationPlaces: ApplicationPlaceRecord[];
  status: AccreditationApplicationStatus;
  evaluatedOn: string | null;
  evaluationResults: QualityResult[] | null;
  evaluatorsNotes: string | null;
  decisionOutcome: AccreditationDecisionOutcome | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  refusalReason: string | null;
  accreditationId: string | null;
  closedOn: string | null;
  closeReason: ApplicationCloseReason | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AccreditationApplicationEntity = new EntitySchema<AccreditationApplicationRecord>({
  name: 'AccreditationApplication',
  tableName: 'accreditation_application',
  columns: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'text' },
    institutionId: { type: 'uuid', name: 'institution_id' },
    licenceId: { type: 'uuid', name: 'licence_id', nullable: true },
    programmeCode: { type: 'text', name: 'programme_code', nullable: true },
    submittedOn: { type: 'date', name: 'submitted_on' },
    implementationPlaces: { type: 'jsonb', name: 'implementation_places' },
    status: { type: 'text' },
    evaluatedOn: { type: 'date', name: 'evaluated_on', nullable: true },
    evaluationResults: { type: 'jsonb', name: 'evaluation_results', nullable: true },
    evaluatorsNotes: { type: 'text', name: 'evaluators_notes', nullable: true },
    decisionOutcome: { type: 'text', name: 'decision_outcome', nullable: true },
    decisionNumber: { type: 'text', name: 'decision_number', nullable: true },
    decisionDate: { type: 'date', name: 'decision_date', nullable: true },
    refusalReason: { type: 'text', name: 'refusal_reason', nullable: true },
    accreditationId: { type: 'uuid', name: 'accreditation_id', nullable: true },
    closedOn: { type: 'date', name: 'closed_on', nullable: true },
    closeReason: { type: 'text', name: 'close_reason', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
