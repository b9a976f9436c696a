import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';

export type LearnerCountLoader = DataLoader<{ institutionId: string; schoolYear: string }, LearnerCountReportRecord | null, string>;

const keyOf = ({ institutionId, schoolYear }: { institutionId: string; schoolYear: string }) => `${institutionId} ${schoolYear}`;

function createLearnerCountLoader(db: DataSource): LearnerCountLoader {
  return new DataLoader(
    async (keys) => {
      const rows = await db.getRepository(LearnerCountReportEntity).find({ where: keys.map((key) => ({ ...key })) });
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(keyOf(key)) ?? null);
    },
    { cacheKeyFn: keyOf },
  );
}

/**
 * One loader per request, kept beside the request's context rather than in it, so this module
 * needs no change to the shared context: `Institution.learnerCounts` over a page of
 * institutions is one SQL statement, and the loader goes away with the request.
 */
const perRequest = new WeakMap<object, LearnerCountLoader>();

export function learnerCountLoader(context: { db: DataSource }): LearnerCountLoader {
  let loader = perRequest.get(context);
  if (!loader) {
    loader = createLearnerCountLoader(context.db);
    perRequest.set(context, loader);
  }
  return loader;
}
