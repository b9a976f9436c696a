import { cacheControlFromInfo } from '@apollo/cache-control-types';
import { isUuid } from '@eq/shared';
import { mayViewActivity } from '../domain/activityAccess';
import type { ActivityResolvers } from '../generated/resolvers';

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
  sessions: (activity, { from, to }, { loaders, options }, info) => {
    // Availability changes with every booking: a short hint, so a public listing with sessions
    // is still served from the gateway's cache (their scalar fields inherit it).
    cacheControlFromInfo(info).setCacheHint({ maxAge: options.availabilityMaxAgeSeconds });
    return loaders.sessionsOfActivity({ from, to }).load(activity.id);
  },
};
