import type { Clock, RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { MunicipalityClassifier } from './domain/municipalities';
import { createRegistryLoaders, type RegistryLoaders } from './resolvers/loaders';
import { createHigherEducationLoaders, type HigherEducationLoaders } from './resolvers/higherEducationLoaders';

export type { Clock };

export interface Context extends RequestContext {
  db: DataSource;
  loaders: RegistryLoaders;
  higherEducation: HigherEducationLoaders;
  clock: Clock;
  municipalities: MunicipalityClassifier;
}

export function buildContext(
  base: RequestContext,
  { db }: { db: DataSource },
  services: { clock: Clock; municipalities: MunicipalityClassifier },
): Context {
  return { ...base, db, loaders: createRegistryLoaders(db), higherEducation: createHigherEducationLoaders(db), ...services };
}
