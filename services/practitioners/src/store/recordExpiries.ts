import type { Logger } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { publishPsychologist } from './psychologistStore';

const BATCH = 200;

/**
 * Certificates and supervisor rights end by themselves after their last day; nobody takes a
 * decision. This records that end (`expired_on`) and publishes
 * `practitioners.psychologist.certificate-expired` once per psychologist with the new state, so
 * subscribers learn it without polling. Supervisor rights end with the certificate they rest on,
 * so they are marked in the same transaction. Instances share the work with
 * `FOR UPDATE SKIP LOCKED`; the psychologist's row lock orders it with concurrent decisions.
 */
export async function recordExpiries(db: DataSource, today: string, logger: Logger): Promise<number> {
  let psychologists = 0;
  for (;;) {
    const count = await db.transaction(async (manager) => {
      const due: Array<{ psychologist_id: string }> = await manager.query(
        `SELECT DISTINCT psychologist_id FROM (
           SELECT psychologist_id FROM certificate WHERE expired_on IS NULL AND valid_until < $1 FOR UPDATE SKIP LOCKED
         ) AS c
         UNION
         SELECT DISTINCT psychologist_id FROM (
           SELECT psychologist_id FROM supervisor_right WHERE expired_on IS NULL AND valid_until < $1 FOR UPDATE SKIP LOCKED
         ) AS r
         LIMIT $2`,
        [today, BATCH],
      );
      for (const { psychologist_id: id } of due) {
        await manager.query('SELECT 1 FROM psychologist WHERE id = $1 FOR UPDATE', [id]);
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
