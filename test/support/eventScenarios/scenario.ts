import type { Caller, TopicName } from '@eq/shared';
import type { GraphQLClient } from '../graphqlClient';

/** What a scenario drives the stack with: the gateway's client and tokens. */
export interface ScenarioContext {
  client: GraphQLClient;
  /** A token for an OFFICER. */
  officer: string;
  /** A token for any caller. */
  tokenFor(caller: Caller): Promise<string>;
  /** Calls the gateway with `{ input }` (or the variables given) and fails on any GraphQL error. */
  data(query: string, variables: Record<string, unknown>, token?: string): Promise<any>;
}

/** The aggregates (CloudEvent subjects) a scenario published events for, per topic. */
export type Produced = Partial<Record<TopicName, string[]>>;

/** Drives one service through the gateway so that it publishes every event type of its topics. */
export type EventScenario = (context: ScenarioContext) => Promise<Produced>;
