import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { MunicipalityClassifier } from './domain/municipalities';
import { createRegistryLoaders, type RegistryLoaders } from './resolvers/loaders';
import { createHigherEducationLoaders, type HigherEducationLoaders } from './resolvers/higherEducationLoaders';

/** What decides "today" for decisions and "now" for deadlines: the system clock, or a test's own. */
export interface Clock {
  /** Today in Latvia, "2025-09-01". */
  today(): string;
  /** The current instant (learner-count deadlines are instants: 23:59 Riga time). */
  now(): Date;
}

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
