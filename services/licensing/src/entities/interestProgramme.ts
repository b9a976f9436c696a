import { EntitySchema } from 'typeorm';

/** An interest-education programme a municipality registered, with its annual targeted subsidy. */
export interface InterestProgrammeRecord {
  id: string;
  institutionId: string;
  municipality: string;
  name: string;
  classifierCode: string;
  /** The classifier entry's area when registered (AT is STEM); null for the earlier classifier's own area. */
  areaCode: string | null;
  startsOn: string;
  endsOn: string | null;
  annualTargetedSubsidyCents: number;
  registeredBy: string | null;
  createdAt: Date;
}

export const InterestProgrammeEntity = new EntitySchema<InterestProgrammeRecord>({
  name: 'InterestProgramme',
  tableName: 'interest_programme',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    municipality: { type: 'text' },
    name: { type: 'text' },
    classifierCode: { type: 'text', name: 'classifier_code' },
    areaCode: { type: 'text', name: 'area_code', nullable: true },
    startsOn: { type: 'date', name: 'starts_on' },
    endsOn: { type: 'date', name: 'ends_on', nullable: true },
    annualTargetedSubsidyCents: { type: 'integer', name: 'annual_targeted_subsidy_cents' },
    registeredBy: { type: 'text', name: 'registered_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
