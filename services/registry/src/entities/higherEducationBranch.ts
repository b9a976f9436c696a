import { EntitySchema } from 'typeorm';
import type { HigherEducationBranchStatus, PlanningRegion } from '../generated/resolvers';

export interface HigherEducationBranchRecord {
  id: string;
  institutionId: string;
  address: string;
  municipality: string;
  planningRegion: PlanningRegion;
  status: HigherEducationBranchStatus;
  openedDecisionNumber: string;
  openedDecisionDate: string;
  excludedDecisionNumber: string | null;
  excludedDecisionDate: string | null;
  excludedReason: string | null;
  /** Token subjects of the officers who recorded the decisions (internal). */
  openedBy: string | null;
  excludedBy: string | null;
  /** Insertion order: breaks ties between branches opened on the same day. */
  seq: string;
}

export const HigherEducationBranchEntity = new EntitySchema<HigherEducationBranchRecord>({
  name: 'HigherEducationBranch',
  tableName: 'higher_education_branch',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    address: { type: 'text' },
    municipality: { type: 'text' },
    planningRegion: { type: 'text', name: 'planning_region' },
    status: { type: 'text' },
    openedDecisionNumber: { type: 'text', name: 'opened_decision_number' },
    openedDecisionDate: { type: 'date', name: 'opened_decision_date' },
    excludedDecisionNumber: { type: 'text', name: 'excluded_decision_number', nullable: true },
    excludedDecisionDate: { type: 'date', name: 'excluded_decision_date', nullable: true },
    excludedReason: { type: 'text', name: 'excluded_reason', nullable: true },
    openedBy: { type: 'text', name: 'opened_by', nullable: true },
    excludedBy: { type: 'text', name: 'excluded_by', nullable: true },
    seq: { type: 'bigint', generated: 'increment' },
  },
});
