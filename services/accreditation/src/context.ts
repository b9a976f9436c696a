import type { Clock, RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';
import type { TermPolicy } from './domain/termPolicy';
import { createAccreditationLoaders, type AccreditationLoaders } from './resolvers/loaders';

export type { Clock };

export interface Context extends RequestContext {
  db: DataSource;
  loaders: AccreditationLoaders;
  /** The term policy the service was configured with (checked once, at start). */
  termPolicy: TermPolicy;
  clock: Clock;
  /** Within how many years of its start a new programme must be accredited (checked once, at start). */
  newProgrammeAccreditationYears: number;
}

export function buildContext(
  base: RequestContext,
  { db }: { db: DataSource },
  services: { termPolicy: TermPolicy; clock: Clock; newProgrammeAccreditationYears: number },
): Context {
  return { ...base, db, loaders: createAccreditationLoaders(db), ...services };
}
