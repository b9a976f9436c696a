import { DateScalar, DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Institution } from './institution';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query, Mutation, Institution };
