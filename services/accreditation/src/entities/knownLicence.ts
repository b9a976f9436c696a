import { EntitySchema } from 'typeorm';

interface LicencePlace {
  id: string;
  address: string;
}

/** Where a licence lets its programme be taught: every place now, or (older states) the one it was issued for. */
export interface LicencePlaces {
  implementationPlaces?: LicencePlace[];
  implementationPlace?: LicencePlace | null;
}

/** The places a licence covers, from either shape of its state. */
export function placesOfLicence(state: LicencePlaces): LicencePlace[] {
  const places = state.implementationPlaces ?? (state.implementationPlace ? [state.implementationPlace] : []);
  return places.map(({ id, address }) => ({ id, address }));
}

/** A licence as licensing last published it (read model of `licensing.licence.v1`). */
export interface KnownLicenceRecord {
  id: string;
  institutionId: string;
  programmeCode: string;
  status: string;
  /** The full state of the latest applied event (see events/in/licenceEvents.ts). */
  state: LicencePlaces & Record<string, unknown>;
  stateAt: Date;
}

export const KnownLicenceEntity = new EntitySchema<KnownLicenceRecord>({
  name: 'KnownLicence',
  tableName: 'known_licence',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    programmeCode: { type: 'text', name: 'programme_code' },
    status: { type: 'text' },
    state: { type: 'jsonb' },
    stateAt: { type: 'timestamptz', name: 'state_at' },
  },
});

/** The `Licence` entity as accreditation sees it: a reference by id (licensing owns it). */
export interface LicenceReference {
  id: string;
}
