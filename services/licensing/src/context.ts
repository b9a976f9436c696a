import type { RequestContext } from '@eq/shared';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { LicenceEntity, type LicenceRecord } from './entities/licence';

export interface Context extends RequestContext {
  db: DataSource;
  /** Licences by institution id, newest first: one statement per request. */
  licencesByInstitution: DataLoader<string, LicenceRecord[]>;
}

export function buildContext(base: RequestContext, { db }: { db: DataSource }): Context {
  return {
    ...base,
    db,
    licencesByInstitution: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(LicenceEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
      return ids.map((id) => rows.filter((row) => row.institutionId === id));
    }),
  };
}
