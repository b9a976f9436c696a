import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, findRegistryInstitution, isUniqueViolation, requireRole, Role } from '@eq/shared';
import { validateProvider } from '../domain/providerRules';
import { ActivityProviderEntity, type ActivityProviderRecord } from '../entities/activityProvider';
import type { MutationResolvers } from '../generated/resolvers';

export const providerMutations: Pick<MutationResolvers, 'registerProvider'> = {
  registerProvider: async (_parent, { input }, { db, caller }) => {
    requireRole(caller, Role.OFFICER, Role.FUND_ADMIN);
    const institutionId = input.institutionId ? assertUuid(input.institutionId, 'institutionId') : null;

    try {
      const provider = await db.transaction(async (manager) => {
        // Share-lock the replica row: a liquidation applied meanwhile waits for us.
        const institution = institutionId ? await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_read' }) : null;
        const valid = validateProvider({ kind: input.kind, name: input.name, institutionId }, institution);
        const providers = manager.getRepository(ActivityProviderEntity);
        if (valid.institutionId && (await providers.existsBy({ institutionId: valid.institutionId }))) {
          throw conflict(`${valid.name} is already an activity provider`);
        }
        const record: Omit<ActivityProviderRecord, 'registeredAt'> = { id: randomUUID(), ...valid, registeredBy: caller.subject ?? null };
        await providers.insert(record);
        return providers.findOneByOrFail({ id: record.id });
      });
      return { provider };
    } catch (error) {
      // Two officers registering the same institution at once: the unique index decides.
      if (isUniqueViolation(error)) throw conflict('This institution is already an activity provider');
      throw error;
    }
  },
};
