import { mayViewActivity } from '../domain/activityAccess';
import type { ActivityResolvers } from '../generated/resolvers';
import { isUuid } from '@eq/shared';
import { ActivitySessionEntity } from '../entities/activitySession';

export const Activity: ActivityResolvers = {
  __resolveReference: async (reference, { loaders, caller }) => {
    if (!isUuid(reference.id)) return null;
    const activity = await loaders.activity.load(reference.id.toLowerCase());
    return activity && mayViewActivity(caller, activity) ? activity : null;
  },
  provider: async (activity, _args, { loaders }) => {
    const provider = await loaders.provider.load(activity.providerId);
    // The foreign key guarantees the row; a miss is a bug worth an INTERNAL_SERVER_ERROR.
    if (!provider) throw new Error(`activity ${activity.id} refers to missing provider ${activity.providerId}`);
    return provider;
  },
  sessions: async (activity, { from, to }, { db }) => {
    const query = db
      .getRepository(ActivitySessionEntity)
      .createQueryBuilder('s')
      .where("s.activity_id = :id AND s.status = 'SCHEDULED'", { id: activity.id });
    if (from) query.andWhere('s.starts_at >= :from', { from: new Date(from) });
    if (to) query.andWhere('s.starts_at <= :to', { to: new Date(to) });
    return query.orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  },
};
