import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { TermPolicy } from './domain/termPolicy';
import { createAccreditationLoaders, type AccreditationLoaders } from './resolvers/loaders';

export interface Context extends RequestContext {
  db: DataSource;
  loaders: AccreditationLoaders;
  /** The term policy the service was configured with (checked once, at start). */
  termPolicy: TermPolicy;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }, termPolicy: TermPolicy): Context {
  return { ...base, db, loaders: createAccreditationLoaders(db), termPolicy };
}
