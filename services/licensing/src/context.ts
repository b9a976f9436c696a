import type { Clock, RequestContext } from '@eq/shared';
import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import type { StemMinimums } from './domain/stemSubsidyShare';
import { InterestProgrammeEntity, type InterestProgrammeRecord } from './entities/interestProgramme';
import { InterestProgrammeDecisionEntity, type InterestProgrammeDecisionRecord } from './entities/interestProgrammeDecision';
import { InterestProgrammeLearnerCountEntity, type InterestProgrammeLearnerCountRecord } from './entities/interestProgrammeLearnerCount';
import { InterestProgrammeVersionEntity, type InterestProgrammeVersionRecord } from './entities/interestProgrammeVersion';
import { LicenceEntity, type LicenceRecord } from './entities/licence';
import { LicenceDecisionEntity, type LicenceDecisionRecord } from './entities/licenceDecision';
import { LicencePlaceEntity, type LicencePlaceRecord } from './entities/licencePlace';

export type { Clock };

export interface Context extends RequestContext {
  db: DataSource;
  clock: Clock;
  /** The minimum STEM share of the targeted subsidy per school year (configuration). */
  stemMinimums: StemMinimums;
  /** Licences by institution id, newest first: one statement per request. */
  licencesByInstitution: DataLoader<string, LicenceRecord[]>;
  licenceById: DataLoader<string, LicenceRecord | null>;
  /** The places each licence covers now. */
  placesByLicence: DataLoader<string, LicencePlaceRecord[]>;
  /** Each licence's decision log, oldest first. */
  decisionsByLicence: DataLoader<string, LicenceDecisionRecord[]>;
  interestProgrammesByInstitution: DataLoader<string, InterestProgrammeRecord[]>;
  /** Each programme's versions, oldest first. */
  versionsByProgramme: DataLoader<string, InterestProgrammeVersionRecord[]>;
  /** Each programme's decision log, oldest first. */
  decisionsByProgramme: DataLoader<string, InterestProgrammeDecisionRecord[]>;
  /** Each programme's learner numbers, oldest school year first. */
  learnerCountsByProgramme: DataLoader<string, InterestProgrammeLearnerCountRecord[]>;
}

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) byKey.set(key(row), [...(byKey.get(key(row)) ?? []), row]);
  return ids.map((id) => byKey.get(id) ?? []);
}

export function buildContext(
  base: RequestContext,
  { db }: { db: DataSource },
  { clock, stemMinimums }: { clock: Clock; stemMinimums: StemMinimums },
): Context {
  return {
    ...base,
    db,
    clock,
    stemMinimums,
    licencesByInstitution: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(LicenceEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
      return groupBy(ids, rows, (row) => row.institutionId);
    }),
    licenceById: new DataLoader(async (ids) => {
      const rows = await db.getRepository(LicenceEntity).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
    placesByLicence: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(LicencePlaceEntity)
        .find({ where: { licenceId: In([...ids]), removedOn: IsNull() }, order: { addedOn: 'ASC', placeId: 'ASC' } });
      return groupBy(ids, rows, (row) => row.licenceId);
    }),
    decisionsByLicence: new DataLoader(async (ids) => {
      const rows = await db.getRepository(LicenceDecisionEntity).find({ where: { licenceId: In([...ids]) }, order: { seq: 'ASC' } });
      return groupBy(ids, rows, (row) => row.licenceId);
    }),
    interestProgrammesByInstitution: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(InterestProgrammeEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { startsOn: 'DESC', name: 'ASC' } });
      return groupBy(ids, rows, (row) => row.institutionId);
    }),
    versionsByProgramme: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(InterestProgrammeVersionEntity)
        .find({ where: { programmeId: In([...ids]) }, order: { validFrom: 'ASC' } });
      return groupBy(ids, rows, (row) => row.programmeId);
    }),
    decisionsByProgramme: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(InterestProgrammeDecisionEntity)
        .find({ where: { programmeId: In([...ids]) }, order: { seq: 'ASC' } });
      return groupBy(ids, rows, (row) => row.programmeId);
    }),
    learnerCountsByProgramme: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(InterestProgrammeLearnerCountEntity)
        .find({ where: { programmeId: In([...ids]) }, order: { schoolYear: 'ASC' } });
      return groupBy(ids, rows, (row) => row.programmeId);
    }),
  };
}
