import type { ActivityProviderResolvers } from '../generated/resolvers';

export const ActivityProvider: ActivityProviderResolvers = {
  institution: (provider) => (provider.institutionId ? { id: provider.institutionId } : null),
};
