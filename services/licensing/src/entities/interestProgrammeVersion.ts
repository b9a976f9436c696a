import { EntitySchema } from 'typeorm';
import type { ProgrammeVersion } from '../domain/interestProgrammeHistory';

/** One period of a programme's history, opened by a decision. */
export interface InterestProgrammeVersionRecord extends ProgrammeVersion {
  programmeId: string;
  /** The decision (`interest_programme_decision.seq`) the period began with. */
  decisionSeq: string;
}

export const InterestProgrammeVersionEntity = new EntitySchema<InterestProgrammeVersionRecord>({
  name: 'InterestProgrammeVersion',
  tableName: 'interest_programme_version',
  columns: {
    programmeId: { type: 'uuid', name: 'programme_id', primary: true },
    validFrom: { type: 'date', name: 'valid_from', primary: true },
    validTo: { type: 'date', name: 'valid_to', nullable: true },
    name: { type: 'text' },
    classifierCode: { type: 'text', name: 'classifier_code' },
    areaCode: { type: 'text', name: 'area_code', nullable: true },
    annualTargetedSubsidyCents: { type: 'integer', name: 'annual_targeted_subsidy_cents' },
    decisionSeq: { type: 'bigint', name: 'decision_seq' },
  },
});
