import { EntitySchema } from 'typeorm';

/** An implementation place a licence covers; a removed place keeps its row with `removedOn`. */
export interface LicencePlaceRecord {
  licenceId: string;
  placeId: string;
  /** The address when the place was licensed (the registry owns the place). */
  address: string;
  addedOn: string;
  removedOn: string | null;
}

export const LicencePlaceEntity = new EntitySchema<LicencePlaceRecord>({
  name: 'LicencePlace',
  tableName: 'licence_place',
  columns: {
    licenceId: { type: 'uuid', name: 'licence_id', primary: true },
    placeId: { type: 'uuid', name: 'place_id', primary: true },
    address: { type: 'text' },
    addedOn: { type: 'date', name: 'added_on' },
    removedOn: { type: 'date', name: 'removed_on', nullable: true },
  },
});
