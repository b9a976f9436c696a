import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import { ActivityProviderEntity, type ActivityProviderRecord } from '../entities/activityProvider';
import { isUuid } from '@eq/shared';

/** Per-request batch loaders: one statement per kind of row however many entities a query touches. */
export interface CatalogueLoaders {
  activity: DataLoader<string, ActivityRecord | null>;
  provider: DataLoader<string, ActivityProviderRecord | null>;
  /** Published activities of the provider that is the institution, by title. */
  activitiesOffered: DataLoader<string, ActivityRecord[]>;
}

function byIdOf<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export function createCatalogueLoaders(db: DataSource): CatalogueLoaders {
  return {
    activity: new DataLoader(async (ids) => byIdOf(await db.getRepository(ActivityEntity).findBy({ id: In(ids.filter(isUuid)) }), ids)),
    provider: new DataLoader(async (ids) => byIdOf(await db.getRepository(ActivityProviderEntity).findBy({ id: In([...ids]) }), ids)),
    activitiesOffered: new DataLoader(async (institutionIds) => {
      // Ids come from other subgraphs' entities: anything that is not a UUID is no provider of ours.
      const providers = await db.getRepository(ActivityProviderEntity).findBy({ institutionId: In(institutionIds.filter(isUuid)) });
      const activities =
        providers.length === 0
          ? []
          : await db.getRepository(ActivityEntity).find({
              where: { providerId: In(providers.map((provider) => provider.id)), status: 'PUBLISHED' },
              order: { title: 'ASC', id: 'ASC' },
            });
      return institutionIds.map((institutionId) => {
        const provider = providers.find((candidate) => candidate.institutionId === institutionId);
        return provider ? activities.filter((activity) => activity.providerId === provider.id) : [];
      });
    }),
  };
}
