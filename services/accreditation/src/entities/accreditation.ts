import { EntitySchema } from 'typeorm';
import type { AccreditationEndReason, AccreditationKind, AccreditationStatus } from '../generated/resolvers';

/** An accreditation decision; its results per category are rows of `accreditation_result`. */
export interface AccreditationRecord {
  id: string;
  kind: AccreditationKind;
  institutionId: string;
  decisionNumber: string;
  decisionDate: string;
  termYears: number;
  termStart: string;
  termEnd: string;
  applicationDueBy: string;
  status: AccreditationStatus;
  endedOn: string | null;
  endReason: AccreditationEndReason | null;
  /** For a programme accreditation: the licence (and its programme code) it was granted by. */
  licenceId: string | null;
  programmeCode: string | null;
  /** The application it decided, when it was decided on one. */
  applicationId: string | null;
  /** When `accreditation.accreditation.expiring` went out for the current term end. */
  expiringAnnouncedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const AccreditationEntity = new EntitySchema<AccreditationRecord>({
  name: 'Accreditation',
  tableName: 'accreditation',
  columns: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'text' },
    institutionId: { type: 'uuid', name: 'institution_id' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    decisionDate: { type: 'date', name: 'decision_date' },
    termYears: { type: 'integer', name: 'term_years' },
    termStart: { type: 'date', name: 'term_start' },
    termEnd: { type: 'date', name: 'term_end' },
    applicationDueBy: { type: 'date', name: 'application_due_by' },
    status: { type: 'text' },
    endedOn: { type: 'date', name: 'ended_on', nullable: true },
    endReason: { type: 'text', name: 'end_reason', nullable: true },
    licenceId: { type: 'uuid', name: 'licence_id', nullable: true },
    programmeCode: { type: 'text', name: 'programme_code', nullable: true },
    applicationId: { type: 'uuid', name: 'application_id', nullable: true },
    expiringAnnouncedOn: { type: 'date', name: 'expiring_announced_on', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
