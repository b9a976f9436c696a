import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, DateScalar, findRegistryInstitution, requireRole, Role, validationFailed } from '@eq/shared';
import { assertCanLicence, assertIssueDate, assertProgrammeCode, assertText } from '../domain/licenceRules';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { recordLicenceEvent } from '../events/licenceEvents';
import type { Resolvers } from '../generated/resolvers';


export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: {
    licence: (_parent, { id }, { db }) => db.getRepository(LicenceEntity).findOneBy({ id: assertUuid(id, 'id') }),
  },
  Mutation: {
    issueLicence: async (_parent, { input }, { db, caller }) => {
      requireRole(caller, Role.OFFICER);
      const institutionId = assertUuid(input.institutionId, 'institutionId');
      const placeId = assertUuid(input.implementationPlaceId, 'implementationPlaceId');
      const programmeCode = assertProgrammeCode(input.programmeCode);
      const programmeName = assertText(input.programmeName, 'programmeName');
      const decisionNumber = assertText(input.decisionNumber, 'decisionNumber', 100);
      const issuedOn = assertIssueDate(input.issuedOn);

      const licence = await db.transaction(async (manager) => {
        // Share-lock the replica row so a liquidation applied concurrently waits for us
        // (and then lapses this licence too) instead of racing past it.
        const institution = await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_read' });
        const place = assertCanLicence(institution, institutionId, placeId);
        const licences = manager.getRepository(LicenceEntity);
        if (await licences.existsBy({ implementationPlaceId: placeId, programmeCode, status: 'ACTIVE' })) {
          throw conflict(`Programme ${programmeCode} is already licensed at ${place.address}`);
        }
        const record: Omit<LicenceRecord, 'createdAt' | 'updatedAt'> = {
          id: randomUUID(),
          institutionId,
          programmeCode,
          programmeName,
          level: input.level,
          implementationPlaceId: place.id,
          implementationPlaceAddress: place.address,
          status: 'ACTIVE',
          issuedOn,
          decisionNumber,
          lapsedOn: null,
        };
        await licences.insert(record);
        const stored = await licences.findOneByOrFail({ id: record.id });
        await recordLicenceEvent(manager, 'licensing.licence.issued', stored, Object.keys(record));
        return stored;
      });
      return { licence };
    },
  },
  Licence: {
    __resolveReference: (reference, { db }) => db.getRepository(LicenceEntity).findOneBy({ id: reference.id }),
    institution: (licence) => ({ id: licence.institutionId }),
    implementationPlace: (licence) => ({ id: licence.implementationPlaceId, address: licence.implementationPlaceAddress }),
  },
  Institution: {
    __resolveReference: (reference) => ({ id: reference.id }),
    licences: async (institution, { status }, { licencesByInstitution }) => {
      const licences = await licencesByInstitution.load(institution.id);
      return status ? licences.filter((licence) => licence.status === status) : licences;
    },
  },
};
