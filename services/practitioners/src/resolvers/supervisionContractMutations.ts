import { randomUUID } from 'node:crypto';
import { assertUuid, notFound, requireRole, Role } from '@eq/shared';
import { assertCanRecordSupervisionContract } from '../domain/supervisionContracts';
import type { PsychologistRecord } from '../entities/psychologist';
import { SupervisionContractEntity } from '../entities/supervisionContract';
import type { MutationResolvers } from '../generated/resolvers';
import { lockPsychologist, publishPsychologist } from '../store/psychologistStore';
import { findCertificates, findSupervisorRights } from './loaders';

export const supervisionContractMutations: MutationResolvers = {
  recordSupervisionContract: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    const psychologistId = assertUuid(input.psychologistId, 'psychologistId');
    const supervisorId = assertUuid(input.supervisorId, 'supervisorId');
    return db.transaction(async (manager) => {
      // Both rows locked, in id order, so two contracts recorded at once never deadlock; the
      // supervisor's lock keeps a suspension of their rights from slipping in between check and insert.
      const locked = new Map<string, PsychologistRecord | null>();
      for (const id of [psychologistId, supervisorId].sort()) locked.set(id, await lockPsychologist(manager, id));
      const supervisee = locked.get(psychologistId);
      if (!supervisee) throw notFound('Psychologist', psychologistId);
      const supervisor = locked.get(supervisorId);
      if (!supervisor) throw notFound('Psychologist', supervisorId);
      const contract = assertCanRecordSupervisionContract(
        { ...supervisee, certificates: await findCertificates(manager, [supervisee.id]) },
        {
          ...supervisor,
          certificates: await findCertificates(manager, [supervisor.id]),
          supervisorRights: await findSupervisorRights(manager, [supervisor.id]),
        },
        { startsOn: input.startsOn, endsOn: input.endsOn },
      );
      const id = randomUUID();
      await manager.getRepository(SupervisionContractEntity).insert({
        id,
        psychologistId,
        supervisorId,
        ...contract,
        recordedBy: caller.subject ?? null,
      });
      const psychologist = await publishPsychologist(manager, 'practitioners.psychologist.supervision-contract-recorded', psychologistId, [
        'supervisionContracts',
      ]);
      return { psychologist, supervisionContract: await manager.getRepository(SupervisionContractEntity).findOneByOrFail({ id }) };
    });
  },
};
