import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, isUniqueViolation, notFound, requireRole, Role } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { normaliseExclusionDecision, normaliseHigherEducationDecision } from '../domain/higherEducationDecisions';
import { assertHigherEducationRegistrationNumber } from '../domain/higherEducationRegistrationNumber';
import {
  assertCanExcludeBranch,
  assertCanOpenBranch,
  normaliseBranchPlace,
  normaliseHigherEducationFounder,
  normaliseHigherEducationName,
  planAmendment,
} from '../domain/higherEducationRules';
import { HigherEducationAmendmentEntity } from '../entities/higherEducationAmendment';
import { HigherEducationBranchEntity, type HigherEducationBranchRecord } from '../entities/higherEducationBranch';
import { HigherEducationInstitutionEntity, type HigherEducationInstitutionRecord } from '../entities/higherEducationInstitution';
import { higherEducationState, recordHigherEducationEvent, type HigherEducationEventType } from '../events/out/higherEducationEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { findAmendments, findBranches } from './higherEducationLoaders';

const duplicateNumber = (registrationNumber: string) =>
  conflict(`Registration number ${registrationNumber} is already in the higher-education register`);

/**
 * Locks the institution row: every change to an institution or its branches goes through it,
 * so two officers acting at once cannot both exclude one branch or open two at one address.
 */
async function lockInstitution(manager: EntityManager, id: string): Promise<HigherEducationInstitutionRecord> {
  const institution = await manager
    .getRepository(HigherEducationInstitutionEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!institution) throw notFound('Higher-education institution', id);
  return institution;
}

/** Reads the institution back inside the transaction and writes the event with that state. */
async function publish(
  manager: EntityManager,
  type: HigherEducationEventType,
  id: string,
  changedFields: string[],
): Promise<HigherEducationInstitutionRecord> {
  const institution = await manager.getRepository(HigherEducationInstitutionEntity).findOneByOrFail({ id });
  const [branches, amendments] = await Promise.all([findBranches(manager, [id]), findAmendments(manager, [id])]);
  await recordHigherEducationEvent(manager, type, higherEducationState(institution, branches, amendments), changedFields);
  return institution;
}

export const higherEducationMutation: MutationResolvers = {
  registerHigherEducationInstitution: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const registrationNumber = assertHigherEducationRegistrationNumber(input.registrationNumber);
    const name = normaliseHigherEducationName(input.name);
    const founder = normaliseHigherEducationFounder(input.founder);
    const decision = normaliseHigherEducationDecision(input.decision, clock.today());

    try {
      const institution = await db.transaction(async (manager) => {
        const institutions = manager.getRepository(HigherEducationInstitutionEntity);
        if (await institutions.existsBy({ registrationNumber })) throw duplicateNumber(registrationNumber);
        const id = randomUUID();
        await institutions.insert({
          id,
          registrationNumber,
          name,
          searchName: foldForSearch(name),
          kind: input.kind,
          founderKind: founder.kind,
          founderName: founder.name,
          status: 'ACTIVE',
          registrationDecisionNumber: decision.number,
          registrationDecisionDate: decision.date,
          recordedBy: caller.subject ?? null,
        });
        return publish(manager, 'registry.higher-education.registered', id, [
          'registrationNumber',
          'name',
          'kind',
          'founder',
          'status',
          'registrationDecision',
        ]);
      });
      return { institution };
    } catch (error) {
      // The check above cannot see a registration another transaction is committing at this
      // moment; the unique index catches that race and it gets the same CONFLICT.
      if (isUniqueViolation(error)) throw duplicateNumber(registrationNumber);
      throw error;
    }
  },

  amendHigherEducationInstitution: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id);
    const decision = normaliseHigherEducationDecision(input.decision, clock.today());

    const institution = await db.transaction(async (manager) => {
      const current = await lockInstitution(manager, id);
      const changes = planAmendment(current, { name: input.name, founder: input.founder }, decision);
      const update: Partial<HigherEducationInstitutionRecord> = {};
      for (const change of changes) {
        if (change.field === 'NAME') Object.assign(update, { name: change.newValue, searchName: foldForSearch(change.newValue) });
        if (change.field === 'FOUNDER_KIND') update.founderKind = change.newValue as HigherEducationInstitutionRecord['founderKind'];
        if (change.field === 'FOUNDER_NAME') update.founderName = change.newValue;
      }
      await manager.getRepository(HigherEducationInstitutionEntity).update({ id }, update);
      await manager.getRepository(HigherEducationAmendmentEntity).insert(
        changes.map((change) => ({
          id: randomUUID(),
          institutionId: id,
          ...change,
          decisionNumber: decision.number,
          decisionDate: decision.date,
          recordedBy: caller.subject ?? null,
        })),
      );
      const changedFields = [...new Set(changes.map((change) => (change.field === 'NAME' ? 'name' : 'founder'))), 'amendments'];
      return publish(manager, 'registry.higher-education.amended', id, changedFields);
    });
    return { institution };
  },

  openBranch: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const institutionId = assertUuid(input.institutionId, 'institutionId');
    const place = normaliseBranchPlace(input);
    const decision = normaliseHigherEducationDecision(input.decision, clock.today());

    return db.transaction(async (manager) => {
      const current = await lockInstitution(manager, institutionId);
      const openBranches = (await findBranches(manager, [institutionId])).filter((branch) => branch.status === 'OPEN');
      assertCanOpenBranch(current, place, decision, openBranches);
      const branches = manager.getRepository(HigherEducationBranchEntity);
      const id = randomUUID();
      await branches.insert({
        id,
        institutionId,
        ...place,
        status: 'OPEN',
        openedDecisionNumber: decision.number,
        openedDecisionDate: decision.date,
        excludedDecisionNumber: null,
        excludedDecisionDate: null,
        excludedReason: null,
        openedBy: caller.subject ?? null,
        excludedBy: null,
      });
      const institution = await publish(manager, 'registry.higher-education.branch-opened', institutionId, ['branches']);
      return { institution, branch: await branches.findOneByOrFail({ id }) };
    });
  },

  excludeBranch: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.branchId, 'branchId');
    const decision = normaliseExclusionDecision(input.decision, clock.today());

    return db.transaction(async (manager) => {
      const branches = manager.getRepository(HigherEducationBranchEntity);
      const found = await branches.findOneBy({ id });
      if (!found) throw notFound('Branch', id);
      await lockInstitution(manager, found.institutionId);
      // Read again under the institution's lock: another officer may have excluded it meanwhile.
      const branch: HigherEducationBranchRecord = await branches.findOneByOrFail({ id });
      assertCanExcludeBranch(branch, decision);
      await branches.update(
        { id },
        {
          status: 'EXCLUDED',
          excludedDecisionNumber: decision.number,
          excludedDecisionDate: decision.date,
          excludedReason: decision.reason,
          excludedBy: caller.subject ?? null,
        },
      );
      const institution = await publish(manager, 'registry.higher-education.branch-excluded', branch.institutionId, ['branches']);
      return { institution, branch: await branches.findOneByOrFail({ id }) };
    });
  },
};
