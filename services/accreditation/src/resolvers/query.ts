import type { QueryResolvers } from '../generated/resolvers';
import { assertUuid } from '@eq/shared';

export const Query: QueryResolvers = {
  accreditation: (_parent, { id }, { loaders }) => loaders.accreditation.load(assertUuid(id)),
};
