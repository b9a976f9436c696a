import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, notFound, requireRole, Role, todayInLatvia } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { normaliseDecision, type ValidDecision } from '../domain/decisions';
import { assertCanLiquidate, assertFounder, assertHasPlaces, assertInstitutionName } from '../domain/institutionRules';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { DecisionEntity, type DecisionRecord } from '../entities/decision';
import { ImplementationPlaceEntity, type ImplementationPlaceRecord } from '../entities/implementationPlace';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { recordInstitutionEvent } from '../events/institutionEvents';
import type { DecisionKind, MutationResolvers } from '../generated/resolvers';


async function recordDecision(
  manager: EntityManager,
  institutionId: string,
  kind: DecisionKind,
  decision: ValidDecision,
  recordedBy: string | undefined,
): Promise<void> {
  const record: Omit<DecisionRecord, 'recordedAt'> = { id: randomUUID(), institutionId, kind, ...decision, recordedBy: recordedBy ?? null };
  await manager.getRepository(DecisionEntity).insert(record);
}

export const Mutation: MutationResolvers = {
  registerInstitution: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    const registrationNumber = assertRegistrationNumber(input.registrationNumber);
    const name = assertInstitutionName(input.name);
    assertFounder(input.founder);
    assertHasPlaces(input.implementationPlaces);
    const decision = normaliseDecision(input.decision);

    const institution = await db.transaction(async (manager) => {
      const institutions = manager.getRepository(InstitutionEntity);
      if (await institutions.existsBy({ registrationNumber })) {
        throw conflict(`Registration number ${registrationNumber} is already in the register`);
      }
      const record: Omit<InstitutionRecord, 'createdAt' | 'updatedAt'> = {
        id: randomUUID(),
        registrationNumber,
        name,
        searchName: foldForSearch(name),
        type: input.type,
        status: 'ACTIVE',
        founderKind: input.founder.kind,
        founderName: input.founder.name.trim(),
        founderMunicipality: input.founder.municipality?.trim() || null,
        planningRegion: input.planningRegion,
        registeredOn: decision.effectiveDate,
        liquidatedOn: null,
      };
      await institutions.insert(record);
      const places: ImplementationPlaceRecord[] = input.implementationPlaces.map((place, position) => ({
        id: randomUUID(),
        institutionId: record.id,
        address: place.address.trim(),
        municipality: place.municipality.trim(),
        planningRegion: place.planningRegion,
        position,
      }));
      await manager.getRepository(ImplementationPlaceEntity).insert(places);
      await recordDecision(manager, record.id, 'REGISTRATION', decision, caller.subject);
      const stored = await institutions.findOneByOrFail({ id: record.id });
      await recordInstitutionEvent(manager, 'registry.institution.registered', stored, places, Object.keys(record));
      return stored;
    });
    return { institution };
  },

  liquidateInstitution: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id);
    const decision = normaliseDecision(input.decision);

    const institution = await db.transaction(async (manager) => {
      const institutions = manager.getRepository(InstitutionEntity);
      // Row lock: two officers liquidating at once must not both publish a liquidation.
      const current = await institutions.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Institution', id);
      assertCanLiquidate(current, decision, todayInLatvia());
      await institutions.update({ id }, { status: 'LIQUIDATED', liquidatedOn: decision.effectiveDate });
      await recordDecision(manager, id, 'LIQUIDATION', decision, caller.subject);
      const stored = await institutions.findOneByOrFail({ id });
      const places = await manager.getRepository(ImplementationPlaceEntity).find({ where: { institutionId: id }, order: { position: 'ASC' } });
      await recordInstitutionEvent(manager, 'registry.institution.liquidated', stored, places, ['status', 'liquidatedOn']);
      return stored;
    });
    return { institution };
  },
};
