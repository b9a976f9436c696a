import { assertUuid, requireRole, Role } from '@eq/shared';
import { notFound, validationFailed } from '@eq/shared/errors';
import { In } from 'typeorm';
import { normaliseDecision } from '../domain/accreditationRules';
import { addDays } from '../domain/calendar';
import { extendTerm } from '../domain/extensionRules';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationExtensionEntity } from '../entities/accreditationExtension';
import { recordAccreditationEvent } from '../events/accreditationEvents';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { loadResults } from '../store/results';
import { NEXT_APPLICATION_LODGED } from './loaders';

export const termQueries: Pick<QueryResolvers, 'accreditationsAwaitingApplication'> = {
  accreditationsAwaitingApplication: async (_parent, { withinDays }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const days = withinDays ?? 0;
    if (!Number.isInteger(days) || days < 0 || days > 3660) throw validationFailed('withinDays must be 0-3660', 'withinDays');
    const rows: Array<{ id: string }> = await db.query(
      `SELECT a.id FROM accreditation a
       WHERE a.status = 'ACTIVE' AND a.application_due_by <= $1 AND NOT ${NEXT_APPLICATION_LODGED}
       ORDER BY a.application_due_by, a.id`,
      [addDays(clock.today(), days)],
    );
    if (rows.length === 0) return [];
    const found = await db.getRepository(AccreditationEntity).findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(found.map((row) => [row.id, row]));
    return rows.map((row) => byId.get(row.id)!);
  },
};

export const termMutations: Pick<MutationResolvers, 'extendAccreditation'> = {
  extendAccreditation: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.accreditationId, 'accreditationId');
    const decision = normaliseDecision(input, clock.today());
    const accreditation = await db.transaction(async (manager) => {
      const accreditations = manager.getRepository(AccreditationEntity);
      const current = await accreditations.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Accreditation', id);
      const extended = extendTerm(current, input.termEnd, decision.decisionDate);
      const extensions = manager.getRepository(AccreditationExtensionEntity);
      await extensions.insert({
        accreditationId: id,
        position: await extensions.countBy({ accreditationId: id }),
        reason: input.reason,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        previousTermEnd: current.termEnd,
        termEnd: extended.termEnd,
      });
      // The expiring notice went out for the old end; the new end gets its own.
      const change: Partial<AccreditationRecord> = { ...extended, expiringAnnouncedOn: null };
      await accreditations.update({ id }, change);
      const stored = await accreditations.findOneByOrFail({ id });
      const results = await loadResults(manager, [id]);
      await recordAccreditationEvent(manager, 'accreditation.accreditation.extended', stored, results.get(id)!, [
        'termEnd',
        'applicationDueBy',
        'extensions',
      ]);
      return stored;
    });
    return { accreditation };
  },
};
