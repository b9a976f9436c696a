import { DateScalar, DateTimeScalar } from '@eq/shared';
import type { Resolvers } from '../generated/resolvers';
import { Activity } from './activity';
import { ActivityConnection } from './activityCatalogue';
import { activityMutations } from './activityMutations';
import { ActivityProvider } from './activityProvider';
import { ActivitySession } from './activitySession';
import { AreaBudget, Booking, ParticipationRow, SchoolBudget } from './booking';
import { bookingMutations } from './bookingMutations';
import { bookingQueries } from './bookingQueries';
import { bookingSafetyFields } from './bookingSafety';
import { eventSafetyMutations } from './eventSafetyMutations';
import { fundMutations } from './fundMutations';
import { FundPartner, fundQueries, LearningChoiceReport } from './fundQueries';
import { Institution } from './institution';
import { providerMutations } from './providerMutations';
import { Query } from './query';
import { sessionMutations } from './sessionMutations';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...bookingQueries, ...fundQueries },
  Mutation: {
    ...providerMutations,
    ...activityMutations,
    ...sessionMutations,
    ...bookingMutations,
    ...eventSafetyMutations,
    ...fundMutations,
  },
  Activity,
  ActivityConnection,
  ActivityProvider,
  ActivitySession,
  Booking: { ...Booking, ...bookingSafetyFields },
  SchoolBudget,
  ParticipationRow,
  AreaBudget,
  FundPartner,
  LearningChoiceReport,
  Institution,
};
