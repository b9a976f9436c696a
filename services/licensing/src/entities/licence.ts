import { EntitySchema } from 'typeorm';
import type { LicenceStatus, ProgrammeLevel } from '../generated/resolvers';

export interface LicenceRecord {
  id: string;
  institutionId: string;
  programmeCode: string;
  programmeName: string;
  level: ProgrammeLevel;
  implementationPlaceId: string;
  /** The place's address when the licence was issued (the registry owns the place). */
  implementationPlaceAddress: string;
  status: LicenceStatus;
  issuedOn: string;
  decisionNumber: string;
  lapsedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const LicenceEntity = new EntitySchema<LicenceRecord>({
  name: 'Licence',
  tableName: 'licence',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    programmeCode: { type: 'text', name: 'programme_code' },
    programmeName: { type: 'text', name: 'programme_name' },
    level: { type: 'text' },
    implementationPlaceId: { type: 'uuid', name: 'implementation_place_id' },
    implementationPlaceAddress: { type: 'text', name: 'implementation_place_address' },
    status: { type: 'text' },
    issuedOn: { type: 'date', name: 'issued_on' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    lapsedOn: { type: 'date', name: 'lapsed_on', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
