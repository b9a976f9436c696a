import { EntitySchema } from 'typeorm';
import type { ProviderKind } from '../generated/resolvers';

export interface ActivityProviderRecord {
  id: string;
  name: string;
  kind: ProviderKind;
  /** The register's institution, for kind INSTITUTION (at most one provider per institution). */
  institutionId: string | null;
  /** Token subject of who registered it (internal; not in the public schema). */
  registeredBy: string | null;
  registeredAt: Date;
}

export const ActivityProviderEntity = new EntitySchema<ActivityProviderRecord>({
  name: 'ActivityProvider',
  tableName: 'activity_provider',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    kind: { type: 'text' },
    institutionId: { type: 'uuid', name: 'institution_id', nullable: true },
    registeredBy: { type: 'text', name: 'registered_by', nullable: true },
    registeredAt: { type: 'timestamptz', name: 'registered_at', createDate: true },
  },
});
