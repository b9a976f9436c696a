import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, notFound, requireRole, Role } from '@eq/shared';
import { parsePersonalCode } from '@eq/shared/personalCode';
import { normaliseDecision } from '../domain/decisions';
import { assertMunicipality } from '../domain/childcareProviders';
import { assertCanCertify, assertCertificateNumber, assertEducation, assertPersonName } from '../domain/psychologistRules';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { CertificateEntity, type CertificateRecord } from '../entities/certificate';
import { PsychologistEntity } from '../entities/psychologist';
import type { MutationResolvers } from '../generated/resolvers';
import { lockPsychologist, publishPsychologist as publish, recordStatus } from '../store/psychologistStore';
import { findCertificates } from './loaders';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';

/** Messages for the unique indexes (PostgreSQL's default constraint names); none repeats a personal code. */
const UNIQUE_MESSAGES = {
  psychologist_registration_number_key: 'This registration number is already in the register',
  psychologist_personal_code_key: 'A psychologist with this personal code is already in the register',
  certificate_number_key: 'This certificate number is already in the register',
};

/** Registration and certification; the later decisions are in psychologistDecisions.ts. */
export const psychologistMutations: MutationResolvers = {
  registerPsychologist: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const day = clock.today();
    const registrationNumber = assertRegistrationNumber(input.registrationNumber);
    const name = assertPersonName(input.name);
    const personalCode = parsePersonalCode(input.personalCode, day).value;
    const education = assertEducation(input.education);
    const practiceMunicipality = input.practiceMunicipality == null ? null : assertMunicipality(input.practiceMunicipality);
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
          practiceMunicipality,
          searchPracticeMunicipality: practiceMunicipality && foldForSearch(practiceMunicipality),
          registrationDecisionNumber: decision.number,
          registrationDecisionDate: decision.date,
          status: 'REGISTERED',
        });
        await recordStatus(manager, id, 'REGISTERED', decision, caller.subject);
        return publish(manager, 'practitioners.psychologist.registered', id, [
          'registrationNumber',
          'name',
          'education',
          'practiceMunicipality',
          'registrationDecision',
          'status',
          'statusHistory',
        ]);
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

    return withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
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
