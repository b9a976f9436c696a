import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { StatusDecisionPolicy } from './domain/statusDecisions';
import { createPractitionerLoaders, type PractitionerLoaders } from './resolvers/loaders';

/** What decides "today" for decisions, validity and expiry: the system clock in Latvia, or a test's own. */
export interface Clock {
  today(): string;
}

export interface PractitionerServices {
  clock: Clock;
  statusDecisionPolicy: StatusDecisionPolicy;
}

export interface Context extends RequestContext, PractitionerServices {
  db: DataSource;
  loaders: PractitionerLoaders;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }, services: PractitionerServices): Context {
  return { ...base, db, loaders: createPractitionerLoaders(db), ...services };
}
