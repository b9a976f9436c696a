import { EntitySchema } from 'typeorm';

/** The `Institution` entity as the catalogue sees it: a reference by id (the registry owns the rest). */
export interface InstitutionReference {
  id: string;
}

/**
 * Local read model of the registry's institutions, built from `registry.institution.v1`. The
 * catalogue decides on it (can this institution become a provider; later, may this school
 * book) without a synchronous call to the registry on the write path.
 */
export interface KnownInstitutionRecord {
  id: string;
  name: string;
  type: string;
  status: string;
  planningRegion: string;
  /** `time` of the last applied event; older events never overwrite newer state. */
  stateAt: Date;
}

export const KnownInstitutionEntity = new EntitySchema<KnownInstitutionRecord>({
  name: 'KnownInstitution',
  tableName: 'known_institution',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    type: { type: 'text' },
    status: { type: 'text' },
    planningRegion: { type: 'text', name: 'planning_region' },
    stateAt: { type: 'timestamptz', name: 'state_at' },
  },
});
