import type { DataSource } from 'typeorm';
import type { Logger } from '@eq/shared';
import { recordInstitutionEvent, type InstitutionDecisionKind } from '../events/out/institutionEvents';
import { writeSnapshotFields } from './institutionStore';

interface PendingRow {
  seq: string;
  institution_id: string;
  decision_id: string;
  decision_kind: InstitutionDecisionKind;
  field: string;
  new_value: unknown;
}

const BATCH = 200;

/**
 * Applies decisions whose effective date has come: each decision's pending changes are written
 * to the current row, marked applied and published, in one transaction per batch. Instances
 * share the work with `FOR UPDATE SKIP LOCKED`; the institution's row lock keeps them from
 * interleaving with a concurrent decision on the same institution.
 */
export async function applyDueChanges(db: DataSource, today: string, logger: Logger): Promise<number> {
  let applied = 0;
  for (;;) {
    const count = await db.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT c.seq, c.institution_id, c.decision_id, d.kind AS decision_kind, c.field, c.new_value
           FROM institution_change c JOIN decision d ON d.id = c.decision_id
          WHERE c.applied_at IS NULL AND c.cancelled_at IS NULL AND c.effective_date <= $1
          ORDER BY c.effective_date, c.seq
          LIMIT $2
          FOR UPDATE OF c SKIP LOCKED`,
        [today, BATCH],
      );
      const byDecision = new Map<string, PendingRow[]>();
      for (const row of rows) byDecision.set(row.decision_id, [...(byDecision.get(row.decision_id) ?? []), row]);
      // A full batch may end mid-decision: leave its last decision for the next batch, whole.
      if (rows.length === BATCH && byDecision.size > 1) byDecision.delete(rows.at(-1)!.decision_id);
      for (const [, changes] of byDecision) {
        const { institution_id: institutionId, decision_kind: kind } = changes[0]!;
        await manager.query('SELECT 1 FROM institution WHERE id = $1 FOR UPDATE', [institutionId]);
        await writeSnapshotFields(manager, institutionId, Object.fromEntries(changes.map((c) => [c.field, c.new_value])));
        await manager.query('UPDATE institution_change SET applied_at = now() WHERE seq = ANY($1)', [changes.map((c) => c.seq)]);
        await recordInstitutionEvent(
          manager,
          kind,
          institutionId,
          changes.map((c) => c.field),
        );
      }
      return byDecision.size;
    });
    applied += count;
    if (count === 0) break;
  }
  if (applied > 0) logger.info({ decisions: applied, today }, 'applied decisions that took effect');
  return applied;
}
