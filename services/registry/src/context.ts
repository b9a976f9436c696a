import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { createRegistryLoaders, type RegistryLoaders } from './resolvers/loaders';

export interface Context extends RequestContext {
  db: DataSource;
  loaders: RegistryLoaders;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }): Context {
  return { ...base, db, loaders: createRegistryLoaders(db) };
}
