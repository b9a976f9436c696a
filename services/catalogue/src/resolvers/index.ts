import { DateScalar, DateTimeScalar, enumLabelList } from '@eq/shared';
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
import { CATALOGUE_ENUM_LABELS } from '../domain/enumLabels';

/** Served as data from one table; computed once. */
const enumLabels = enumLabelList(CATALOGUE_ENUM_LABELS);

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...bookingQueries, ...fundQueries, catalogueEnumLabels: () => enumLabels },
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
