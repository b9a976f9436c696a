import { assertUuid, requireRole, Role } from '@eq/shared';
import { notFound, validationFailed } from '@eq/shared/errors';
import { In } from 'typeorm';
import { normaliseDecision, NOT_ACCREDITED_TYPES } from '../domain/accreditationRules';
import { addDays } from '../domain/calendar';
import { extendTerm } from '../domain/extensionRules';
import { isDeadlineNear, programmeAccreditationDeadline } from '../domain/programmeDeadline';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationExtensionEntity } from '../entities/accreditationExtension';
import { recordAccreditationEvent } from '../events/out/accreditationEvents';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers';
import { loadResults } from '../store/results';
import { NEXT_APPLICATION_LODGED } from './loaders';

export const termQueries: Pick<QueryResolvers, 'accreditationsAwaitingApplication' | 'programmesAwaitingAccreditation'> = {
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

  programmesAwaitingAccreditation: async (_parent, { withinDays }, { db, caller, clock, newProgrammeAccreditationYears }) => {
    requireRole(caller, Role.OFFICER);
    const days = withinDays ?? 0;
    if (!Number.isInteger(days) || days < 0 || days > 3660) throw validationFailed('withinDays must be 0-3660', 'withinDays');
    const today = clock.today();
    // Licences in force, never the licence of an accreditation, at institutions the service accredits.
    const rows: Array<{ id: string; institution_id: string; programme_code: string; issued_on: string }> = await db.query(
      `SELECT kl.id, kl.institution_id, kl.programme_code, kl.state->>'issuedOn' AS issued_on
         FROM known_licence kl LEFT JOIN registry_institution ri ON ri.id = kl.institution_id
        WHERE kl.status IN ('ACTIVE', 'SUSPENDED') AND kl.state->>'issuedOn' IS NOT NULL
          AND NOT (coalesce(ri.state->>'type', '') = ANY($1))
          AND NOT EXISTS (SELECT 1 FROM accreditation a WHERE a.licence_id = kl.id)`,
      [Object.keys(NOT_ACCREDITED_TYPES)],
    );
    return rows
      .map((row) => ({
        licence: { id: row.id },
        institution: { id: row.institution_id },
        programmeCode: row.programme_code,
        ...programmeAccreditationDeadline(row.issued_on, today, newProgrammeAccreditationYears),
      }))
      .filter((deadline) => isDeadlineNear(deadline, today, days))
      .sort((a, b) => a.accreditationDueBy.localeCompare(b.accreditationDueBy) || a.licence.id.localeCompare(b.licence.id));
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
