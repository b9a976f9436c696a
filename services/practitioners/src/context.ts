import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { createPractitionerLoaders, type PractitionerLoaders } from './resolvers/loaders';

export interface Context extends RequestContext {
  db: DataSource;
  loaders: PractitionerLoaders;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }): Context {
  return { ...base, db, loaders: createPractitionerLoaders(db) };
}
