import { randomUUID } from 'node:crypto';
import { assertUuid, findRegistryInstitution, foldForSearch, notFound, requireRole, Role } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { assertMaySubmit, assertMayWithdraw, providerOfNewActivity } from '../domain/activityAccess';
import { validateActivityDraft } from '../domain/activityDraft';
import { changeStatus, normaliseReason, reviewAction, type ActivityAction } from '../domain/activityLifecycle';
import { assertProviderMayOffer } from '../domain/providerRules';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import { ActivityProviderEntity, type ActivityProviderRecord } from '../entities/activityProvider';
import { activityState, recordActivityEvent, type ActivityEventType } from '../events/out/activityEvents';
import type { MutationResolvers } from '../generated/resolvers';
import type { Context } from '../context';
import { cancelFutureSessions } from '../store/providerWithdrawal';

const EVENT_OF: Record<ActivityAction, ActivityEventType> = {
  SUBMIT: 'catalogue.activity.submitted',
  PUBLISH: 'catalogue.activity.published',
  RETURN: 'catalogue.activity.returned',
  WITHDRAW: 'catalogue.activity.withdrawn',
};

async function providerOf(manager: EntityManager, providerId: string): Promise<ActivityProviderRecord> {
  const provider = await manager.getRepository(ActivityProviderEntity).findOneBy({ id: providerId });
  if (!provider) throw notFound('Activity provider', providerId);
  return provider;
}

/**
 * One status change: lock the activity's row (two reviewers deciding at once must not both
 * win), check who may do it and whether the status allows it, store it and write its event,
 * all in one transaction.
 */
async function transition(
  { db, options }: Context,
  id: string,
  action: ActivityAction,
  reason: string | null,
  authorise: (activity: ActivityRecord) => void,
  afterwards?: (manager: EntityManager, activity: ActivityRecord, provider: ActivityProviderRecord) => Promise<void>,
): Promise<ActivityRecord> {
  return db.transaction(async (manager) => {
    const activities = manager.getRepository(ActivityEntity);
    const current = await activities.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Activity', id);
    authorise(current);
    const { next, changedFields } = changeStatus(current, action, reason, options.clock.now());
    await activities.update({ id }, next);
    const stored = await activities.findOneByOrFail({ id });
    const provider = await providerOf(manager, stored.providerId);
    await recordActivityEvent(manager, EVENT_OF[action], stored, provider, changedFields);
    await afterwards?.(manager, stored, provider);
    return stored;
  });
}

export const activityMutations: Pick<MutationResolvers, 'createActivity' | 'submitActivity' | 'reviewActivity' | 'withdrawActivity'> = {
  createActivity: async (_parent, { input }, { db, caller, options }) => {
    requireRole(caller, Role.PROVIDER, Role.OFFICER);
    const requested = input.providerId ? assertUuid(input.providerId, 'providerId') : null;
    const providerId = providerOfNewActivity(caller, requested);
    const draft = validateActivityDraft(input);

    const activity = await db.transaction(async (manager) => {
      const provider = await providerOf(manager, providerId);
      const institution = provider.institutionId
        ? await findRegistryInstitution(manager, provider.institutionId, { lock: 'pessimistic_read' })
        : null;
      assertProviderMayOffer(provider, institution);
      const record: Omit<ActivityRecord, 'createdAt' | 'updatedAt'> = {
        id: randomUUID(),
        providerId,
        ...draft,
        searchText: foldForSearch(`${draft.title} ${draft.description}`),
        municipalityKey: draft.municipality ? foldForSearch(draft.municipality) : null,
        // The price is fixed when the activity is created, so a later change of configuration
        // does not reprice what schools already saw.
        pricePerPupilCents: options.fund.pricePerPupilCents,
        status: 'DRAFT',
        statusReason: null,
        publishedAt: null,
        createdBy: caller.subject ?? null,
      };
      const activities = manager.getRepository(ActivityEntity);
      await activities.insert(record);
      const stored = await activities.findOneByOrFail({ id: record.id });
      await recordActivityEvent(manager, 'catalogue.activity.created', stored, provider, Object.keys(activityState(stored, provider)));
      return stored;
    });
    return { activity };
  },

  submitActivity: async (_parent, { input }, context) => {
    requireRole(context.caller, Role.PROVIDER);
    const activity = await transition(context, assertUuid(input.id), 'SUBMIT', null, (current) => assertMaySubmit(context.caller, current));
    return { activity };
  },

  reviewActivity: async (_parent, { input }, context) => {
    requireRole(context.caller, Role.FUND_ADMIN, Role.OFFICER);
    const id = assertUuid(input.id);
    const { action, reason } = reviewAction(input.decision, input.reason);
    const activity = await transition(context, id, action, reason, () => {});
    return { activity };
  },

  withdrawActivity: async (_parent, { input }, context) => {
    requireRole(context.caller, Role.PROVIDER, Role.OFFICER);
    const id = assertUuid(input.id);
    const reason = normaliseReason(input.reason);
    const activity = await transition(
      context,
      id,
      'WITHDRAW',
      reason,
      (current) => assertMayWithdraw(context.caller, current),
      async (manager, stored, provider) =>
        // A withdrawn offer is not held: its future sessions and their bookings are cancelled.
        cancelFutureSessions(manager, context.options, stored, provider, reason ?? 'The activity was withdrawn'),
    );
    return { activity };
  },
};
