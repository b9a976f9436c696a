import type { Logger, PeriodicJob } from '@eq/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../context';
import { expiringNoticeReaches } from '../domain/expiry';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { recordAccreditationEvent } from '../events/out/accreditationEvents';
import { loadResults } from '../store/results';

export interface ExpiryOptions {
  clock: Clock;
  intervalMs: number;
  /** How many days before a term ends `accreditation.accreditation.expiring` goes out. */
  expiringNoticeDays: number;
  /** Accreditations handled per transaction, so one run never holds thousands of row locks. */
  batchSize?: number;
}

/**
 * Claims a batch of ACTIVE accreditations matching `condition` with `FOR UPDATE SKIP LOCKED`, so
 * several instances of the service share the work without handling a row twice.
 */
async function claim(manager: EntityManager, condition: string, parameters: unknown[], batchSize: number): Promise<AccreditationRecord[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM accreditation WHERE status = 'ACTIVE' AND ${condition} ORDER BY term_end, id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`,
    parameters,
  );
  if (rows.length === 0) return [];
  return manager.getRepository(AccreditationEntity).find({ where: rows.map(({ id }) => ({ id })), order: { termEnd: 'ASC', id: 'ASC' } });
}

/** Marks accreditations past their term EXPIRED; returns how many. */
async function expireDue(db: DataSource, today: string, batchSize: number): Promise<number> {
  return db.transaction(async (manager) => {
    const due = await claim(manager, 'term_end < $1', [today], batchSize);
    const results = await loadResults(
      manager,
      due.map((a) => a.id),
    );
    for (const accreditation of due) {
      await manager.getRepository(AccreditationEntity).update({ id: accreditation.id }, { status: 'EXPIRED' });
      await recordAccreditationEvent(
        manager,
        'accreditation.accreditation.expired',
        { ...accreditation, status: 'EXPIRED' },
        results.get(accreditation.id)!,
        ['status'],
      );
    }
    return due.length;
  });
}

/** Announces terms ending within the notice period, once per term end; returns how many. */
async function announceExpiring(db: DataSource, today: string, noticeDays: number, batchSize: number): Promise<number> {
  return db.transaction(async (manager) => {
    const due = await claim(
      manager,
      'expiring_announced_on IS NULL AND term_end >= $1 AND term_end <= $2',
      [today, expiringNoticeReaches(today, noticeDays)],
      batchSize,
    );
    const results = await loadResults(
      manager,
      due.map((a) => a.id),
    );
    for (const accreditation of due) {
      await manager.getRepository(AccreditationEntity).update({ id: accreditation.id }, { expiringAnnouncedOn: today });
      await recordAccreditationEvent(manager, 'accreditation.accreditation.expiring', accreditation, results.get(accreditation.id)!, []);
    }
    return due.length;
  });
}

/**
 * Accreditations expire by themselves on their end date (issue 5): a periodic job, run against
 * the injected clock, marks every ACTIVE accreditation whose term has ended EXPIRED with
 * `accreditation.accreditation.expired`, and announces those within the notice period with
 * `accreditation.accreditation.expiring` (once per term end; an extension resets it).
 */
export function expiryJob(options: ExpiryOptions): PeriodicJob {
  const batchSize = options.batchSize ?? 200;
  return {
    name: 'accreditation-expiry',
    intervalMs: options.intervalMs,
    run: async ({ db, logger }: { db: DataSource; logger: Logger }) => {
      const today = options.clock.today();
      // Full batches mean there may be more: keep claiming until a batch comes back short.
      let expired = 0;
      let claimed: number;
      do expired += claimed = await expireDue(db, today, batchSize);
      while (claimed === batchSize);
      let announced = 0;
      do announced += claimed = await announceExpiring(db, today, options.expiringNoticeDays, batchSize);
      while (claimed === batchSize);
      if (expired + announced > 0) logger.info({ today, expired, announced }, 'accreditation expiry');
    },
  };
}
