import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, notFound, requireRole, Role } from '@eq/shared';
import { normaliseDecision } from '../domain/decisions';
import { assertCanCertify, assertCertificateNumber } from '../domain/psychologistRules';
import { CertificateEntity, type CertificateRecord } from '../entities/certificate';
import { PsychologistEntity } from '../entities/psychologist';
import type { MutationResolvers } from '../generated/resolvers';
import { assertEntry, ENTRY_FIELDS, enterPsychologist, PSYCHOLOGIST_UNIQUE_MESSAGES } from '../store/enterPsychologist';
import { lockPsychologist, publishPsychologist as publish, recordStatus } from '../store/psychologistStore';
import { findCertificates } from './loaders';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';

/** Registration and certification; the later decisions are in psychologistDecisions.ts. */
export const psychologistMutations: MutationResolvers = {
  registerPsychologist: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const day = clock.today();
    const entry = assertEntry(input, day);
    const decision = normaliseDecision(input.decision, day);
    const psychologist = await withUniqueViolationsAsConflicts(PSYCHOLOGIST_UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const id = await enterPsychologist(manager, entry, decision, caller.subject);
        return publish(manager, 'practitioners.psychologist.registered', id, ENTRY_FIELDS);
      }),
    );
    return { psychologist };
  },

  certifyPsychologist: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const day = clock.today();
    const id = assertUuid(input.psychologistId, 'psychologistId');
    const number = assertCertificateNumber(input.certificateNumber);
    const decision = normaliseDecision(input.decision, day);

    return withUniqueViolationsAsConflicts(PSYCHOLOGIST_UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const psychologists = manager.getRepository(PsychologistEntity);
        // Row lock: two certifications of one person at once must not both pass the overlap check.
        const current = await lockPsychologist(manager, id);
        if (!current) throw notFound('Psychologist', id);
        const held = await findCertificates(manager, [id]);
        const period = assertCanCertify(current, held, { fieldOfPractice: input.fieldOfPractice, decision, validFrom: input.validFrom });
        const certificates = manager.getRepository(CertificateEntity);
        if (await certificates.existsBy({ number })) throw conflict(`Certificate number ${number} is already in the register`);
        const certificate: Omit<CertificateRecord, 'createdAt'> = {
          id: randomUUID(),
          psychologistId: id,
          number,
          fieldOfPractice: input.fieldOfPractice,
          ...period,
          decisionNumber: decision.number,
          decisionDate: decision.date,
          status: 'ACTIVE',
          expiredOn: null,
          recordedBy: caller.subject ?? null,
        };
        await certificates.insert(certificate);
        const changedFields = ['certificates'];
        if (current.status !== 'CERTIFIED') {
          await psychologists.update({ id }, { status: 'CERTIFIED' });
          await recordStatus(manager, id, 'CERTIFIED', decision, caller.subject);
          changedFields.push('status', 'statusHistory');
        }
        const psychologist = await publish(manager, 'practitioners.psychologist.certified', id, changedFields);
        return { psychologist, certificate: await certificates.findOneByOrFail({ id: certificate.id }) };
      }),
    );
  },
};
