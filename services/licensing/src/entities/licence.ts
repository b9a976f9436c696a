import { EntitySchema } from 'typeorm';
import type {
  InternationalProgramme,
  LicenceDocument,
  LicenceKind,
  ProfessionalOrientationField,
  ProgrammeLevel,
  SpecialNeedsCategory,
} from '../domain/licenceKinds';
import type { LicenceStatus } from '../domain/licenceLifecycle';

/**
 * A licence. Other services extend the `Licence` entity by id; the places it covers are in
 * `licence_place`, its decisions in `licence_decision`.
 */
export interface LicenceRecord {
  id: string;
  institutionId: string;
  programmeCode: string;
  programmeName: string;
  level: ProgrammeLevel;
  kind: LicenceKind;
  specialNeedsCategory: SpecialNeedsCategory | null;
  internationalProgramme: InternationalProgramme | null;
  latvianStudiesPermit: LicenceDocument | null;
  accreditationProof: LicenceDocument | null;
  professionalOrientationField: ProfessionalOrientationField | null;
  derivedFromId: string | null;
  /** The place the licence was issued for, and its address then (the registry owns the place). */
  implementationPlaceId: string;
  implementationPlaceAddress: string;
  status: LicenceStatus;
  issuedOn: string;
  decisionNumber: string;
  lapsedOn: string | null;
  endedOn: string | null;
  /** The licence this one continues (re-licensing, transfer), and the one continuing it. */
  continuesId: string | null;
  continuedById: string | null;
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
    kind: { type: 'text' },
    specialNeedsCategory: { type: 'text', name: 'special_needs_category', nullable: true },
    internationalProgramme: { type: 'text', name: 'international_programme', nullable: true },
    latvianStudiesPermit: { type: 'jsonb', name: 'latvian_studies_permit', nullable: true },
    accreditationProof: { type: 'jsonb', name: 'accreditation_proof', nullable: true },
    professionalOrientationField: { type: 'text', name: 'professional_orientation_field', nullable: true },
    derivedFromId: { type: 'uuid', name: 'derived_from_id', nullable: true },
    implementationPlaceId: { type: 'uuid', name: 'implementation_place_id' },
    implementationPlaceAddress: { type: 'text', name: 'implementation_place_address' },
    status: { type: 'text' },
    issuedOn: { type: 'date', name: 'issued_on' },
    decisionNumber: { type: 'text', name: 'decision_number' },
    lapsedOn: { type: 'date', name: 'lapsed_on', nullable: true },
    endedOn: { type: 'date', name: 'ended_on', nullable: true },
    continuesId: { type: 'uuid', name: 'continues_id', nullable: true },
    continuedById: { type: 'uuid', name: 'continued_by_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
