import type { Clock, RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { StatusDecisionPolicy } from './domain/statusDecisions';
import { createPractitionerLoaders, type PractitionerLoaders } from './resolvers/loaders';

export interface PractitionerServices {
  clock: Clock;
  statusDecisionPolicy: StatusDecisionPolicy;
}

export type { Clock };

export interface Context extends RequestContext, PractitionerServices {
  db: DataSource;
  loaders: PractitionerLoaders;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }, services: PractitionerServices): Context {
  return { ...base, db, loaders: createPractitionerLoaders(db), ...services };
}
