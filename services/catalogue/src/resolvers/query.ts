import { assertUuid } from '@eq/shared';
import { activities } from './activityCatalogue';
import { mayViewActivity } from '../domain/activityAccess';
import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  activity: async (_parent, { id }, { loaders, caller }) => {
    const activity = await loaders.activity.load(assertUuid(id));
    // Not visible reads as not there: a draft's existence is not public.
    return activity && mayViewActivity(caller, activity) ? activity : null;
  },

  activityProvider: async (_parent, { id }, { loaders }) => loaders.provider.load(assertUuid(id)),

  activities,
};
