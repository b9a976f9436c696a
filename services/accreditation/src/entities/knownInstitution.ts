import { EntitySchema } from 'typeorm';

/** The `Institution` entity as accreditation sees it: a reference by id (the registry owns the rest). */
export interface InstitutionReference {
  id: string;
}

/**
 * Local read model of the registry's institutions, built from `registry.institution.v1`.
 * Accreditation decides on it (unknown or liquidated institution) without a synchronous call
 * to the registry on the write path.
 */
export interface KnownInstitutionRecord {
  id: string;
  name: string;
  status: string;
  liquidatedOn: string | null;
  /** `time` of the last applied event; older events never overwrite newer state. */
  stateAt: Date;
}

export const KnownInstitutionEntity = new EntitySchema<KnownInstitutionRecord>({
  name: 'KnownInstitution',
  tableName: 'known_institution',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    status: { type: 'text' },
    liquidatedOn: { type: 'date', name: 'liquidated_on', nullable: true },
    stateAt: { type: 'timestamptz', name: 'state_at' },
  },
});
