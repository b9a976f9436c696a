import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { CatalogueOptions } from './catalogueOptions';
import { createCatalogueLoaders, type CatalogueLoaders } from './resolvers/loaders';

export interface Context extends RequestContext {
  db: DataSource;
  options: CatalogueOptions;
  loaders: CatalogueLoaders;
}

export function contextBuilder(options: CatalogueOptions) {
  return (base: RequestContext, { db }: { db: DataSource }): Context => ({ ...base, db, options, loaders: createCatalogueLoaders(db) });
}
