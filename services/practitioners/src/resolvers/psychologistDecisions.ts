import { randomUUID } from 'node:crypto';
import { assertUuid, notFound, requireRole, Role, validationFailed } from '@eq/shared';
import { normaliseDecision } from '../domain/decisions';
import { assertForeignQualification, assertRecognitionCertificate } from '../domain/foreignQualification';
import { assertNotExcluded, assertStatusDecision, type StatusDecisionKind } from '../domain/statusDecisions';
import { assertCanGrantSupervisorRights } from '../domain/supervisorRights';
import { ForeignQualificationEntity } from '../entities/foreignQualification';
import { PsychologistEntity } from '../entities/psychologist';
import { SupervisorRightEntity } from '../entities/supervisorRight';
import type { PsychologistEventType } from '../events/out/psychologistEvents';
import type { MutationResolvers, PsychologistStatusDecisionInput, ResolverFn, ResolversTypes } from '../generated/resolvers';
import type { Context } from '../context';
import { assertEntry, ENTRY_FIELDS, enterPsychologist, PSYCHOLOGIST_UNIQUE_MESSAGES } from '../store/enterPsychologist';
import { lockPsychologist, publishPsychologist, recordStatus } from '../store/psychologistStore';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';
import { findCertificates, findStatusHistory, findSupervisorRights } from './loaders';

const EVENT_OF: Record<StatusDecisionKind, PsychologistEventType> = {
  SUSPEND: 'practitioners.psychologist.suspended',
  TERMINATE: 'practitioners.psychologist.terminated',
  EXCLUDE: 'practitioners.psychologist.excluded',
  RESTORE: 'practitioners.psychologist.restored',
};

type StatusDecisionResolver = ResolverFn<
  ResolversTypes['PsychologistStatusDecisionPayload'],
  unknown,
  Context,
  { input: PsychologistStatusDecisionInput }
>;

/** One resolver per decision kind: validate, lock the person, apply the rule, record, publish. */
function statusDecision(kind: StatusDecisionKind): StatusDecisionResolver {
  return async (_parent, { input }, { db, caller, clock, statusDecisionPolicy }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.psychologistId, 'psychologistId');
    const decision = normaliseDecision(input.decision, clock.today());
    const psychologist = await db.transaction(async (manager) => {
      const current = await lockPsychologist(manager, id);
      if (!current) throw notFound('Psychologist', id);
      const history = await findStatusHistory(manager, [id]);
      const latestDecisionDate = history.reduce(
        (latest, s) => (s.decisionDate > latest ? s.decisionDate : latest),
        current.registrationDecisionDate,
      );
      const status = assertStatusDecision(
        { name: current.name, status: current.status, latestDecisionDate },
        kind,
        decision,
        statusDecisionPolicy,
      );
      await manager.getRepository(PsychologistEntity).update({ id }, { status });
      await recordStatus(manager, id, status, decision, caller.subject);
      return publishPsychologist(manager, EVENT_OF[kind], id, ['status', 'statusHistory']);
    });
    return { psychologist };
  };
}

export const psychologistDecisionMutations: MutationResolvers = {
  suspendPsychologist: statusDecision('SUSPEND'),
  terminatePsychologist: statusDecision('TERMINATE'),
  excludePsychologist: statusDecision('EXCLUDE'),
  restorePsychologist: statusDecision('RESTORE'),

  grantSupervisorRights: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.psychologistId, 'psychologistId');
    const decision = normaliseDecision(input.decision, clock.today());
    return db.transaction(async (manager) => {
      // Row lock: two grants at once must not both see one field free and make three.
      const current = await lockPsychologist(manager, id);
      if (!current) throw notFound('Psychologist', id);
      const certificates = await findCertificates(manager, [id]);
      const rights = await findSupervisorRights(manager, [id]);
      const grant = assertCanGrantSupervisorRights(current, certificates, rights, input.fieldOfPractice, decision);
      const rightId = randomUUID();
      await manager.getRepository(SupervisorRightEntity).insert({
        id: rightId,
        psychologistId: id,
        certificateId: grant.certificateId,
        fieldOfPractice: input.fieldOfPractice,
        validFrom: grant.validFrom,
        validUntil: grant.validUntil,
        decisionNumber: decision.number,
        decisionDate: decision.date,
        expiredOn: null,
        recordedBy: caller.subject ?? null,
      });
      const psychologist = await publishPsychologist(manager, 'practitioners.psychologist.supervisor-rights-granted', id, [
        'supervisorRights',
      ]);
      return { psychologist, supervisorRight: await manager.getRepository(SupervisorRightEntity).findOneByOrFail({ id: rightId }) };
    });
  },

  recogniseForeignQualification: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const today = clock.today();
    if ((input.psychologistId == null) === (input.newEntry == null)) {
      throw validationFailed('Give exactly one of psychologistId (an entry in the register) and newEntry (a new one)', 'psychologistId');
    }
    const existingId = input.psychologistId == null ? null : assertUuid(input.psychologistId, 'psychologistId');
    const entry = input.newEntry == null ? null : assertEntry(input.newEntry, today);
    const decision = normaliseDecision(input.decision, today);
    const { country, qualification } = assertForeignQualification(input);
    const certificate = assertRecognitionCertificate(input.recognitionCertificate, decision, today);
    const psychologist = await withUniqueViolationsAsConflicts(PSYCHOLOGIST_UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        let id: string;
        if (existingId !== null) {
          const current = await lockPsychologist(manager, existingId);
          if (!current) throw notFound('Psychologist', existingId);
          // A recognition is a decision like any other: none on an excluded person.
          assertNotExcluded(current);
          id = existingId;
        } else {
          // MK 827: the recognition is what entitles the person to the register, so it can create the entry.
          id = await enterPsychologist(manager, entry!, decision, caller.subject);
        }
        await manager.getRepository(ForeignQualificationEntity).insert({
          id: randomUUID(),
          psychologistId: id,
          country,
          qualification,
          decisionNumber: decision.number,
          decisionDate: decision.date,
          certificateNumber: certificate.number,
          certificateDate: certificate.date,
          recordedBy: caller.subject ?? null,
        });
        const changed = existingId === null ? [...ENTRY_FIELDS, 'foreignQualifications'] : ['foreignQualifications'];
        return publishPsychologist(manager, 'practitioners.psychologist.foreign-qualification-recognised', id, changed);
      }),
    );
    return { psychologist };
  },
};
