import { DateScalar, DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Mutation } from './mutation';
import { Certificate, Psychologist, PsychologistStatusChange } from './psychologist';
import { Query } from './query';

export const resolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query, Mutation, Psychologist, Certificate, PsychologistStatusChange };
