import { assertUuid, notFound, requireRole, Role } from '@eq/shared';
import { normaliseDecision } from '../domain/decisions';
import type { InstitutionSnapshot } from '../domain/institutionSnapshot';
import { assertNotSuperseded, assertRevocable } from '../domain/revocation';
import { DecisionEntity } from '../entities/decision';
import { InstitutionEntity } from '../entities/institution';
import { recordInstitutionEvent } from '../events/out/institutionEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { recordDecision } from '../store/decisions';
import { loadForUpdate, recordChanges, snapshotOf } from '../store/institutionStore';

interface ChangeRow {
  seq: string;
  field: string;
  old_value: unknown;
  applied: boolean;
  superseded_by: string | null;
}

/**
 * Revokes a decision: its changes already in effect are reversed by the revocation (from its
 * effective date, so `asOf` still shows the period the decision was in force), its pending
 * changes are cancelled, and the decision points to the one that revoked it.
 */
export const revokeDecision: MutationResolvers['revokeDecision'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  const decisionId = assertUuid(input.decisionId, 'decisionId');
  const revocation = normaliseDecision(input.decision);

  return context.db.transaction(async (manager) => {
    const decisions = manager.getRepository(DecisionEntity);
    const target = await decisions.findOneBy({ id: decisionId });
    if (!target) throw notFound('Decision', decisionId);
    const loaded = await loadForUpdate(manager, target.institutionId);
    assertRevocable(target, revocation);

    const changes: ChangeRow[] = await manager.query(
      `SELECT c.seq, c.field, c.old_value, c.applied_at IS NOT NULL AS applied,
              (SELECT d.number FROM institution_change later JOIN decision d ON d.id = later.decision_id
                WHERE later.institution_id = c.institution_id AND later.field = c.field AND later.seq > c.seq
                  AND later.cancelled_at IS NULL LIMIT 1) AS superseded_by
         FROM institution_change c WHERE c.decision_id = $1 AND c.cancelled_at IS NULL ORDER BY c.seq`,
      [decisionId],
    );
    const reversed: Partial<InstitutionSnapshot> = {};
    for (const change of changes.filter((c) => c.applied)) {
      assertNotSuperseded(change.field, target.number, change.superseded_by ?? undefined);
      Object.assign(reversed, { [change.field]: change.old_value });
    }
    const pending = changes.filter((c) => !c.applied).map((c) => c.seq);
    if (pending.length > 0) await manager.query('UPDATE institution_change SET cancelled_at = now() WHERE seq = ANY($1)', [pending]);

    const revocationId = await recordDecision(manager, target.institutionId, 'REVOCATION', revocation, context.caller.subject);
    await decisions.update({ id: decisionId }, { revokedBy: revocationId });
    const { changes: made, applied } = await recordChanges(manager, {
      institutionId: target.institutionId,
      decisionId: revocationId,
      current: snapshotOf(loaded),
      next: reversed,
      effectiveDate: revocation.effectiveDate,
      today: context.clock.today(),
    });
    if (applied)
      await recordInstitutionEvent(
        manager,
        'REVOCATION',
        target.institutionId,
        made.map((change) => change.field),
      );
    const institution = await manager.getRepository(InstitutionEntity).findOneByOrFail({ id: target.institutionId });
    return { institution, applied };
  });
};
