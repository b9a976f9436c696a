import { DateScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Accreditation, Institution, QualityResult } from './accreditation';
import { Mutation } from './mutation';
import { Query } from './query';

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Accreditation, QualityResult, Institution };
