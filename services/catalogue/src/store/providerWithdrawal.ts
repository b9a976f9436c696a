import type { EntityManager } from 'typeorm';
import { In, MoreThan, Not } from 'typeorm';
import type { CatalogueOptions } from '../catalogueOptions';
import { changeStatus } from '../domain/activityLifecycle';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import type { ActivityProviderRecord } from '../entities/activityProvider';
import { ActivitySessionEntity } from '../entities/activitySession';
import { BookingEntity } from '../entities/booking';
import { recordActivityEvent, recordSessionEvent } from '../events/out/activityEvents';
import { cancelBookings } from './bookingMoves';
import { noFundMoves, settleFund, type FundMoves } from './fundLedger';

/**
 * Cancels an activity's sessions still to come and every booking on them (no waiting list is
 * served: the session itself is gone). Each booking and session announces its cancellation.
 * The money released joins `moves` when given (the caller settles it once, last); otherwise it
 * is settled here.
 */
export async function cancelFutureSessions(
  manager: EntityManager,
  options: CatalogueOptions,
  activity: ActivityRecord,
  provider: ActivityProviderRecord,
  reason: string,
  moves?: FundMoves,
): Promise<void> {
  const sessions = manager.getRepository(ActivitySessionEntity);
  const future = await sessions.find({ where: { activityId: activity.id, status: 'SCHEDULED', startsAt: MoreThan(options.clock.now()) } });
  if (future.length === 0) return;
  const bookings = await manager.getRepository(BookingEntity).find({
    where: { sessionId: In(future.map((session) => session.id)), status: In(['CONFIRMED', 'WAITING']) },
    select: { id: true },
  });
  const released = moves ?? noFundMoves();
  await cancelBookings(
    manager,
    options,
    bookings.map((booking) => booking.id),
    reason,
    { serveWaiting: false },
    released,
  );
  for (const session of future) {
    await sessions.update({ id: session.id }, { status: 'CANCELLED' });
    await recordSessionEvent(
      manager,
      'catalogue.activity.session-cancelled',
      activity,
      provider,
      await sessions.findOneByOrFail({ id: session.id }),
    );
  }
  if (!moves) await settleFund(manager, options.fund, released);
}

/** A provider that can no longer offer anything: every activity withdrawn, future sessions cancelled. */
export async function withdrawProviderOffer(
  manager: EntityManager,
  options: CatalogueOptions,
  provider: ActivityProviderRecord,
  reason: string,
  moves: FundMoves,
): Promise<void> {
  const activities = manager.getRepository(ActivityEntity);
  const open = await activities.find({ where: { providerId: provider.id, status: Not('WITHDRAWN') }, lock: { mode: 'pessimistic_write' } });
  for (const activity of open) {
    const { next, changedFields } = changeStatus(activity, 'WITHDRAW', reason, options.clock.now());
    await activities.update({ id: activity.id }, next);
    const stored = await activities.findOneByOrFail({ id: activity.id });
    await recordActivityEvent(manager, 'catalogue.activity.withdrawn', stored, provider, changedFields);
    await cancelFutureSessions(manager, options, stored, provider, reason, moves);
  }
}
