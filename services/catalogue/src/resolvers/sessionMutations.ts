import { randomUUID } from 'node:crypto';
import { assertUuid, forbidden, notFound, requireRole, Role } from '@eq/shared';
import { ownsActivity } from '../domain/activityAccess';
import { validateSessionDraft } from '../domain/sessionRules';
import { ActivityEntity } from '../entities/activity';
import { ActivityProviderEntity } from '../entities/activityProvider';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { recordSessionEvent } from '../events/out/activityEvents';
import type { MutationResolvers } from '../generated/resolvers';

export const sessionMutations: Pick<MutationResolvers, 'scheduleSession'> = {
  scheduleSession: async (_parent, { input }, { db, caller, options }) => {
    requireRole(caller, Role.PROVIDER);
    const activityId = assertUuid(input.activityId, 'activityId');
    const session = await db.transaction(async (manager) => {
      // Share-lock the activity: a withdrawal meanwhile waits, then cancels this session too.
      const activity = await manager
        .getRepository(ActivityEntity)
        .findOne({ where: { id: activityId }, lock: { mode: 'pessimistic_read' } });
      if (!activity) throw notFound('Activity', activityId);
      if (!ownsActivity(caller, activity)) throw forbidden('Only the provider that owns this activity can schedule its sessions');
      const draft = validateSessionDraft(
        { startsAt: new Date(input.startsAt), place: input.place, capacity: input.capacity },
        activity,
        options.clock.now(),
      );
      const record: Omit<ActivitySessionRecord, 'createdAt' | 'updatedAt'> = {
        id: randomUUID(),
        activityId,
        ...draft,
        bookedPupils: 0,
        status: 'SCHEDULED',
      };
      const sessions = manager.getRepository(ActivitySessionEntity);
      await sessions.insert(record);
      const stored = await sessions.findOneByOrFail({ id: record.id });
      const provider = await manager.getRepository(ActivityProviderEntity).findOneByOrFail({ id: activity.providerId });
      await recordSessionEvent(manager, 'catalogue.activity.session-scheduled', activity, provider, stored);
      return stored;
    });
    return { session };
  },
};
