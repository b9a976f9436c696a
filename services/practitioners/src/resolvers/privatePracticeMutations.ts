import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, notFound, requireRole, Role } from '@eq/shared';
import { parsePersonalCode } from '@eq/shared/personalCode';
import type { EntityManager } from 'typeorm';
import { assertMunicipality, assertReason } from '../domain/childcareProviders';
import { normaliseDecision } from '../domain/decisions';
import { assertCanExtend, assertCanRevoke, assertPrivatePracticePeriod } from '../domain/privatePractice';
import { assertPersonName } from '../domain/psychologistRules';
import { assertRegisterNumber, boundedText } from '../domain/registerText';
import {
  PrivatePracticeCertificateEntity,
  PrivatePracticeExtensionEntity,
  type PrivatePracticeCertificateRecord,
} from '../entities/privatePracticeCertificate';
import { recordPrivatePracticeEvent, type PrivatePracticeEventType } from '../events/out/privatePracticeEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { findPrivatePracticeExtensions } from './loaders';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';

const UNIQUE_MESSAGES = { private_practice_certificate_number_key: 'This private-practice certificate number is already in the register' };

async function publish(
  manager: EntityManager,
  type: PrivatePracticeEventType,
  id: string,
  changedFields: string[],
): Promise<PrivatePracticeCertificateRecord> {
  const stored = await manager.getRepository(PrivatePracticeCertificateEntity).findOneByOrFail({ id });
  await recordPrivatePracticeEvent(manager, type, stored, await findPrivatePracticeExtensions(manager, [id]), changedFields);
  return stored;
}

async function lockCertificate(manager: EntityManager, id: string): Promise<PrivatePracticeCertificateRecord> {
  const current = await manager
    .getRepository(PrivatePracticeCertificateEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!current) throw notFound('Private-practice certificate', id);
  return current;
}

export const privatePracticeMutations: MutationResolvers = {
  issuePrivatePracticeCertificate: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const today = clock.today();
    const number = assertRegisterNumber(input.number, 'number');
    const teacherName = assertPersonName(input.teacherName);
    const personalCode = parsePersonalCode(input.personalCode, today).value;
    const programmeName = boundedText(input.programmeName, 'programmeName', 2, 300);
    const municipality = assertMunicipality(input.municipality);
    const decision = normaliseDecision(input.decision, today);
    const period = assertPrivatePracticePeriod(decision, input.validFrom, input.validUntil);
    const certificate = await withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const certificates = manager.getRepository(PrivatePracticeCertificateEntity);
        if (await certificates.existsBy({ number })) throw conflict(`Private-practice certificate ${number} is already in the register`);
        const id = randomUUID();
        await certificates.insert({
          id,
          number,
          teacherName,
          searchName: foldForSearch(teacherName),
          personalCode,
          programmeKind: input.programmeKind,
          programmeName,
          municipality,
          searchMunicipality: foldForSearch(municipality),
          ...period,
          status: 'ISSUED',
          decisionNumber: decision.number,
          decisionDate: decision.date,
          revocationDecisionNumber: null,
          revocationDecisionDate: null,
          revocationReason: null,
          recordedBy: caller.subject ?? null,
        });
        return publish(manager, 'practitioners.private-practice.issued', id, ['status', 'validFrom', 'validUntil', 'decision']);
      }),
    );
    return { certificate };
  },

  extendPrivatePracticeCertificate: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id, 'id');
    const decision = normaliseDecision(input.decision, clock.today());
    const certificate = await db.transaction(async (manager) => {
      const current = await lockCertificate(manager, id);
      const validUntil = assertCanExtend(current, decision, input.validUntil);
      await manager.getRepository(PrivatePracticeCertificateEntity).update({ id }, { validUntil });
      await manager.getRepository(PrivatePracticeExtensionEntity).insert({
        id: randomUUID(),
        certificateId: id,
        validUntil,
        decisionNumber: decision.number,
        decisionDate: decision.date,
        recordedBy: caller.subject ?? null,
      });
      return publish(manager, 'practitioners.private-practice.extended', id, ['validUntil', 'extensions']);
    });
    return { certificate };
  },

  revokePrivatePracticeCertificate: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id, 'id');
    const decision = normaliseDecision(input.decision, clock.today());
    const revocationReason = assertReason(input.reason);
    const certificate = await db.transaction(async (manager) => {
      assertCanRevoke(await lockCertificate(manager, id), decision);
      await manager
        .getRepository(PrivatePracticeCertificateEntity)
        .update(
          { id },
          { status: 'REVOKED', revocationDecisionNumber: decision.number, revocationDecisionDate: decision.date, revocationReason },
        );
      return publish(manager, 'practitioners.private-practice.revoked', id, ['status', 'revocationDecision', 'revocationReason']);
    });
    return { certificate };
  },
};
