import type { QueryResolvers } from '../generated/resolvers';
import { assertId } from './assertId';

export const Query: QueryResolvers = {
  accreditation: (_parent, { id }, { loaders }) => loaders.accreditation.load(assertId(id)),
};
