import { DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Activity } from './activity';
import { ActivityConnection } from './activityCatalogue';
import { activityMutations } from './activityMutations';
import { ActivityProvider } from './activityProvider';
import { ActivitySession } from './activitySession';
import { AreaBudget, Booking, ParticipationRow, SchoolBudget } from './booking';
import { bookingMutations } from './bookingMutations';
import { bookingQueries } from './bookingQueries';
import { fundMutations } from './fundMutations';
import { FundPartner, fundQueries, LearningChoiceReport } from './fundQueries';
import { Institution } from './institution';
import { providerMutations } from './providerMutations';
import { Query } from './query';
import { sessionMutations } from './sessionMutations';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...bookingQueries, ...fundQueries },
  Mutation: { ...providerMutations, ...activityMutations, ...sessionMutations, ...bookingMutations, ...fundMutations },
  Activity,
  ActivityConnection,
  ActivityProvider,
  ActivitySession,
  Booking,
  SchoolBudget,
  ParticipationRow,
  AreaBudget,
  FundPartner,
  LearningChoiceReport,
  Institution,
};
