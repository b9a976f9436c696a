import { EntitySchema } from 'typeorm';
import type { PlanningRegion } from '../generated/resolvers';

export interface ImplementationPlaceRecord {
  id: string;
  institutionId: string;
  address: string;
  municipality: string;
  planningRegion: PlanningRegion;
  /** Order in which the places were listed in the decision. */
  position: number;
  /** Removed from the institution by an amendment; kept because licences refer to it. */
  removed: boolean;
}

export const ImplementationPlaceEntity = new EntitySchema<ImplementationPlaceRecord>({
  name: 'ImplementationPlace',
  tableName: 'implementation_place',
  columns: {
    id: { type: 'uuid', primary: true },
    institutionId: { type: 'uuid', name: 'institution_id' },
    address: { type: 'text' },
    municipality: { type: 'text' },
    planningRegion: { type: 'text', name: 'planning_region' },
    position: { type: 'integer' },
    removed: { type: 'boolean', default: false },
  },
});
