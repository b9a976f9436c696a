import { CreateRegistryInstitutionReplica1732300000050, readSubgraphSdl, type SubgraphDefinition, Topics } from '@eq/shared';
import { parse } from 'graphql';
import { DEFAULT_CATALOGUE_OPTIONS, type CatalogueOptions } from './catalogueOptions';
import { contextBuilder, type Context } from './context';
import { ActivityEntity } from './entities/activity';
import { ActivityProviderEntity } from './entities/activityProvider';
import { ActivitySessionEntity } from './entities/activitySession';
import { BookingEntity } from './entities/booking';
import { BookingSafetyEntity } from './entities/bookingSafety';
import { learnerCountEventHandlers } from './events/in/learnerCountEvents';
import { registryEventHandlers } from './events/in/registryEvents';
import { CreateActivityCatalogue1732300000500 } from './migrations/1732300000500-CreateActivityCatalogue';
import { MoveToRegistryInstitutionReplica1732300000550 } from './migrations/1732300000550-MoveToRegistryInstitutionReplica';
import { CreateSessionsAndBookings1732300002500 } from './migrations/1732300002500-CreateSessionsAndBookings';
import { SpeedUpCatalogueQueries1732300003500 } from './migrations/1732300003500-SpeedUpCatalogueQueries';
import { BookInFewerRoundTrips1732300003700 } from './migrations/1732300003700-BookInFewerRoundTrips';
import { GroupFacetsByKey1732300003800 } from './migrations/1732300003800-GroupFacetsByKey';
import { SplitFundBySemester1732300003900 } from './migrations/1732300003900-SplitFundBySemester';
import { RecordFundPartnersAndChoices1732300003950 } from './migrations/1732300003950-RecordFundPartnersAndChoices';
import { RecordBookingSafety1732300004600 } from './migrations/1732300004600-RecordBookingSafety';
import { resolvers } from './resolvers';

const typeDefs = parse(readSubgraphSdl('catalogue'));

/**
 * The catalogue subgraph: providers and their STEM and civic-participation activities under
 * ESF+ measure 4.2.2.1, their sessions and the schools' bookings with the fund's quota and
 * budgets, with read models of the register's institutions and locked learner counts.
 */
export function createCatalogue(options: CatalogueOptions): SubgraphDefinition<Context> {
  return {
    name: 'catalogue',
    typeDefs,
    resolvers,
    entities: [ActivityProviderEntity, ActivityEntity, ActivitySessionEntity, BookingEntity, BookingSafetyEntity],
    migrations: [
      CreateRegistryInstitutionReplica1732300000050,
      CreateActivityCatalogue1732300000500,
      MoveToRegistryInstitutionReplica1732300000550,
      CreateSessionsAndBookings1732300002500,
      SpeedUpCatalogueQueries1732300003500,
      BookInFewerRoundTrips1732300003700,
      GroupFacetsByKey1732300003800,
      SplitFundBySemester1732300003900,
      RecordFundPartnersAndChoices1732300003950,
      RecordBookingSafety1732300004600,
    ],
    publishes: [Topics.catalogueActivity, Topics.catalogueBooking, Topics.catalogueFund],
    consumes: {
      topics: [Topics.registryInstitution, Topics.registryLearnerCounts],
      handlers: { ...registryEventHandlers(options), ...learnerCountEventHandlers },
    },
    buildContext: contextBuilder(options),
  };
}

/** The catalogue with the measure's own figures (what the stack and tests run). */
export const catalogue = createCatalogue(DEFAULT_CATALOGUE_OPTIONS);
