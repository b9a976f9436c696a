import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, notFound, requireRole, Role, todayInLatvia } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { normaliseDecision, type ValidDecision } from '../domain/decisions';
import { parsePersonalCode } from '@eq/shared/personalCode';
import { assertCanCertify, assertCertificateNumber, assertEducation, assertPersonName } from '../domain/psychologistRules';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { CertificateEntity, type CertificateRecord } from '../entities/certificate';
import { PsychologistEntity, type PsychologistRecord } from '../entities/psychologist';
import { StatusChangeEntity } from '../entities/statusChange';
import { recordPsychologistEvent, type PsychologistEventType } from '../events/psychologistEvents';
import type { MutationResolvers, PsychologistStatus } from '../generated/resolvers';
import { findCertificates, findStatusHistory } from './loaders';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';

/** Messages for the unique indexes (PostgreSQL's default constraint names); none repeats a personal code. */
const UNIQUE_MESSAGES = {
  psychologist_registration_number_key: 'This registration number is already in the register',
  psychologist_personal_code_key: 'A psychologist with this personal code is already in the register',
  certificate_number_key: 'This certificate number is already in the register',
};

async function recordStatus(manager: EntityManager, psychologistId: string, status: PsychologistStatus, decision: ValidDecision, recordedBy: string | undefined) {
  await manager.getRepository(StatusChangeEntity).insert({
    id: randomUUID(),
    psychologistId,
    status,
    decisionNumber: decision.number,
    decisionDate: decision.date,
    recordedBy: recordedBy ?? null,
  });
}

/** Reads the psychologist back inside the transaction and writes the event with that state. */
async function publish(manager: EntityManager, type: PsychologistEventType, id: string, changedFields: string[]): Promise<PsychologistRecord> {
  const stored = await manager.getRepository(PsychologistEntity).findOneByOrFail({ id });
  const [certificates, history] = await Promise.all([findCertificates(manager, [id]), findStatusHistory(manager, [id])]);
  await recordPsychologistEvent(manager, type, stored, certificates, history, changedFields);
  return stored;
}

export const Mutation: MutationResolvers = {
  registerPsychologist: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    const day = todayInLatvia();
    const registrationNumber = assertRegistrationNumber(input.registrationNumber);
    const name = assertPersonName(input.name);
    const personalCode = parsePersonalCode(input.personalCode, day).value;
    const education = assertEducation(input.education);
    const decision = normaliseDecision(input.decision, day);

    const psychologist = await withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const psychologists = manager.getRepository(PsychologistEntity);
        if (await psychologists.existsBy({ registrationNumber })) {
          throw conflict(`Registration number ${registrationNumber} is already in the register`);
        }
        if (await psychologists.existsBy({ personalCode })) throw conflict(UNIQUE_MESSAGES.psychologist_personal_code_key);
        const id = randomUUID();
        await psychologists.insert({
          id,
          registrationNumber,
          name,
          searchName: foldForSearch(name),
          personalCode,
          education,
          registrationDecisionNumber: decision.number,
          registrationDecisionDate: decision.date,
          status: 'REGISTERED',
        });
        await recordStatus(manager, id, 'REGISTERED', decision, caller.subject);
        return publish(manager, 'practitioners.psychologist.registered', id, [
          'registrationNumber',
          'name',
          'education',
          'registrationDecision',
          'status',
          'statusHistory',
        ]);
      }),
    );
    return { psychologist };
  },

  certifyPsychologist: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    const day = todayInLatvia();
    const id = assertUuid(input.psychologistId, 'psychologistId');
    const number = assertCertificateNumber(input.certificateNumber);
    const decision = normaliseDecision(input.decision, day);

    return withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const psychologists = manager.getRepository(PsychologistEntity);
        // Row lock: two certifications of one person at once must not both pass the overlap check.
        const current = await psychologists.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
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
