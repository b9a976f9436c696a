import type { Logger } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { publishPsychologist } from './psychologistStore';

const BATCH = 200;

/**
 * Certificates and supervisor rights end by themselves after their last day; nobody takes a
 * decision. This records that end (`expired_on`) and publishes
 * `practitioners.psychologist.certificate-expired` once per psychologist with the new state, so
 * subscribers learn it without polling. Supervisor rights end with the certificate they rest on,
 * so they are marked in the same transaction.
 *
 * Lock order, as every decision on a psychologist: the psychologist's row first, then their
 * certificates and rights. (This job once locked the certificates first: against a grant of
 * supervisor rights, which holds the psychologist and checks its certificate by foreign key,
 * that deadlocked.) Rows are locked in id order, so two instances running it wait for each
 * other instead of deadlocking, and the second finds nothing left to expire.
 */
export async function recordExpiries(db: DataSource, today: string, logger: Logger): Promise<number> {
  let psychologists = 0;
  for (;;) {
    const count = await db.transaction(async (manager) => {
      const due: Array<{ id: string }> = await manager.query(
        `SELECT p.id FROM psychologist p
          WHERE p.id IN (SELECT psychologist_id FROM certificate WHERE expired_on IS NULL AND valid_until < $1
                         UNION
                         SELECT psychologist_id FROM supervisor_right WHERE expired_on IS NULL AND valid_until < $1)
          ORDER BY p.id
          LIMIT $2
          FOR UPDATE OF p`,
        [today, BATCH],
      );
      for (const { id } of due) {
        const certificates = await manager.query(
          'UPDATE certificate SET expired_on = $2 WHERE psychologist_id = $1 AND expired_on IS NULL AND valid_until < $2 RETURNING id',
          [id, today],
        );
        const rights = await manager.query(
          'UPDATE supervisor_right SET expired_on = $2 WHERE psychologist_id = $1 AND expired_on IS NULL AND valid_until < $2 RETURNING id',
          [id, today],
        );
        const changed = [...(certificates[0].length > 0 ? ['certificates'] : []), ...(rights[0].length > 0 ? ['supervisorRights'] : [])];
        if (changed.length > 0) await publishPsychologist(manager, 'practitioners.psychologist.certificate-expired', id, changed);
      }
      return due.length;
    });
    psychologists += count;
    if (count < BATCH) break;
  }
  if (psychologists > 0) logger.info({ psychologists, today }, 'recorded expired certificates and supervisor rights');
  return psychologists;
}
