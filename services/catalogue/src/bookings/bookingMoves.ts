import { DomainError } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { CatalogueOptions } from '../catalogueOptions';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { recordBookingEvent } from '../events/bookingEvents';
import { adjustFund, assertFundable, lockFund, type FundTotals } from './fundLedger';

/*
 * The moves of a booking that hold or release seats and money. Callers hold the fund's lock
 * (lockFund) and the session's row lock, in that order, so these never race one another.
 */

export async function lockSession(manager: EntityManager, id: string): Promise<ActivitySessionRecord | null> {
  return manager.getRepository(ActivitySessionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Takes a confirmed group's seats in the session and its money in the fund. */
export async function takeSeatsAndMoney(manager: EntityManager, session: ActivitySessionRecord, pupils: number, committedCents: number): Promise<void> {
  await manager.query('UPDATE activity_session SET booked_pupils = booked_pupils + $2, updated_at = now() WHERE id = $1', [session.id, pupils]);
  session.bookedPupils += pupils;
  await adjustFund(manager, committedCents, 0);
}

/** Takes seats and money for a waiting booking: it becomes CONFIRMED. */
export async function holdSeatsAndMoney(manager: EntityManager, booking: BookingRecord, session: ActivitySessionRecord): Promise<void> {
  const committedCents = booking.pupils * booking.pricePerPupilCents;
  await takeSeatsAndMoney(manager, session, booking.pupils, committedCents);
  await manager.getRepository(BookingEntity).update({ id: booking.id }, { status: 'CONFIRMED', committedCents });
}

/**
 * Cancels a confirmed or waiting booking: a confirmed one gives back its seats and money. The
 * event is written here, so every cancellation (by the school, an officer or a reaction to the
 * register) announces itself the same way.
 */
export async function cancelBookingRecord(
  manager: EntityManager,
  booking: BookingRecord,
  session: ActivitySessionRecord,
  reason: string | null,
): Promise<BookingRecord> {
  const bookings = manager.getRepository(BookingEntity);
  if (booking.status === 'CONFIRMED') {
    await manager.getRepository(ActivitySessionEntity).update({ id: session.id }, { bookedPupils: session.bookedPupils - booking.pupils });
    session.bookedPupils -= booking.pupils;
    await adjustFund(manager, -booking.committedCents, 0);
  }
  const changedFields = booking.status === 'CONFIRMED' ? ['status', 'committedCents', 'statusReason'] : ['status', 'statusReason'];
  await bookings.update({ id: booking.id }, { status: 'CANCELLED', committedCents: 0, statusReason: reason });
  const stored = await bookings.findOneByOrFail({ id: booking.id });
  await recordBookingEvent(manager, 'catalogue.booking.cancelled', stored, session, changedFields);
  return stored;
}

/**
 * Serves the session's waiting list in order when seats free up. First come, first served for
 * seats: when the next group does not fit the free places, nobody behind it jumps ahead. A
 * group whose school has no quota or money left cannot be served at all and keeps waiting
 * (its school may free money by cancelling); the list moves on past it.
 */
export async function serveWaitingList(manager: EntityManager, options: CatalogueOptions, session: ActivitySessionRecord, fund: FundTotals): Promise<BookingRecord[]> {
  if (session.status !== 'SCHEDULED' || session.startsAt <= options.clock()) return [];
  const waiting = await manager.getRepository(BookingEntity).find({ where: { sessionId: session.id, status: 'WAITING' }, order: { queueSeq: 'ASC' } });
  const promoted: BookingRecord[] = [];
  for (const booking of waiting) {
    if (booking.pupils > session.capacity - session.bookedPupils) break;
    try {
      const schoolYear = booking.semester.slice(0, 9);
      await assertFundable(manager, options.fund, fund, { ...booking, schoolYear, pricePerPupilCents: booking.pricePerPupilCents });
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    await holdSeatsAndMoney(manager, booking, session);
    fund.committedCents += booking.pupils * booking.pricePerPupilCents;
    const stored = await manager.getRepository(BookingEntity).findOneByOrFail({ id: booking.id });
    await recordBookingEvent(manager, 'catalogue.booking.promoted', stored, session, ['status', 'committedCents']);
    promoted.push(stored);
  }
  return promoted;
}

/**
 * Cancels the given bookings (confirmed or waiting, of sessions still to come) with `reason`;
 * when `serveWaiting`, the sessions' waiting lists are served afterwards. Used by the reactions
 * to the register: a liquidated school's bookings, a liquidated provider's sessions.
 */
export async function cancelBookings(
  manager: EntityManager,
  options: CatalogueOptions,
  bookingIds: string[],
  reason: string,
  { serveWaiting }: { serveWaiting: boolean },
): Promise<number> {
  if (bookingIds.length === 0) return 0;
  const fund = await lockFund(manager);
  const bookings = await manager.getRepository(BookingEntity).find({ where: { id: In(bookingIds) }, order: { queueSeq: 'ASC' } });
  const sessions = new Map<string, ActivitySessionRecord>();
  let cancelled = 0;
  for (const booking of bookings) {
    if (booking.status !== 'CONFIRMED' && booking.status !== 'WAITING') continue;
    let session = sessions.get(booking.sessionId);
    if (!session) {
      session = (await lockSession(manager, booking.sessionId))!;
      sessions.set(session.id, session);
    }
    if (booking.status === 'CONFIRMED') fund.committedCents -= booking.committedCents;
    await cancelBookingRecord(manager, booking, session, reason);
    cancelled += 1;
  }
  if (serveWaiting) for (const session of sessions.values()) await serveWaitingList(manager, options, session, fund);
  return cancelled;
}
