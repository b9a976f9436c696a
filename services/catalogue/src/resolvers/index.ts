import { DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Activity } from './activity';
import { activityMutations } from './activityMutations';
import { ActivityProvider } from './activityProvider';
import { Institution } from './institution';
import { providerMutations } from './providerMutations';
import { Query } from './query';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation: { ...providerMutations, ...activityMutations },
  Activity,
  ActivityProvider,
  Institution,
};
