import { DomainError } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { CatalogueOptions } from '../catalogueOptions';
import type { ActivityRecord } from '../entities/activity';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { recordFromRow } from '../entities/recordFromRow';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { recordBookingEvent } from '../events/bookingEvents';
import { assertFundingAllows } from '../domain/bookingFunding';
import { lockSchoolSemesters, readFundingPosition, type FundMoves } from './fundLedger';

/*
 * The moves of a booking that hold or release seats and money. Callers hold the session's row
 * lock (taken before any booking row, see fundLedger.ts for the whole lock order) and collect
 * the money moved in `FundMoves`, which they settle as their last write.
 */

export async function lockSession(manager: EntityManager, id: string): Promise<ActivitySessionRecord | null> {
  return manager.getRepository(ActivitySessionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** The activity's terms a booking is decided on. */
export type BookingTerms = Pick<ActivityRecord, 'status' | 'gradeBands' | 'maxGroupSize' | 'pricePerPupilCents'>;

/** Locks the session's row and reads its activity's booking terms, in one statement. */
export async function lockSessionForBooking(manager: EntityManager, id: string): Promise<{ session: ActivitySessionRecord; terms: BookingTerms } | null> {
  const [row]: Array<Record<string, any>> = await manager.query(
    `SELECT s.*, a.status AS activity_status, a.grade_bands AS activity_grade_bands, a.max_group_size AS activity_max_group_size,
            a.price_per_pupil_cents AS activity_price_per_pupil_cents
     FROM activity_session s JOIN activity a ON a.id = s.activity_id WHERE s.id = $1 FOR UPDATE OF s`,
    [id],
  );
  if (!row) return null;
  return {
    session: recordFromRow(manager, ActivitySessionEntity, row),
    terms: { status: row.activity_status, gradeBands: row.activity_grade_bands, maxGroupSize: row.activity_max_group_size, pricePerPupilCents: row.activity_price_per_pupil_cents },
  };
}

export type NewBooking = Omit<BookingRecord, 'queueSeq' | 'createdAt' | 'updatedAt'>;

/**
 * Stores a new booking and, when it is confirmed, takes its seats in the (locked) session, in
 * one statement; its money joins `moves`. Returns the stored record.
 */
export async function insertBooking(manager: EntityManager, booking: NewBooking, session: ActivitySessionRecord, moves: FundMoves): Promise<BookingRecord> {
  const confirmed = booking.status === 'CONFIRMED';
  const [row]: Array<Record<string, unknown>> = await manager.query(
    `WITH seats AS (UPDATE activity_session SET booked_pupils = booked_pupils + $5, updated_at = now() WHERE id = $2 AND $13::boolean)
     INSERT INTO booking (id, session_id, institution_id, grade, pupils, status, semester, price_per_pupil_cents, committed_cents, cost_cents,
                          attended_pupils, status_reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14) RETURNING *`,
    [
      booking.id, booking.sessionId, booking.institutionId, booking.grade, booking.pupils, booking.status, booking.semester,
      booking.pricePerPupilCents, booking.committedCents, booking.costCents, booking.attendedPupils, booking.statusReason, confirmed, booking.createdBy,
    ],
  );
  if (confirmed) {
    session.bookedPupils += booking.pupils;
    moves.committedCents += booking.committedCents;
  }
  return recordFromRow(manager, BookingEntity, row!);
}

/** Locks several sessions in id order, so two transactions locking overlapping sets cannot deadlock. */
export async function lockSessions(manager: EntityManager, ids: string[]): Promise<Map<string, ActivitySessionRecord>> {
  const sessions = new Map<string, ActivitySessionRecord>();
  for (const id of [...new Set(ids)].sort()) {
    const session = await lockSession(manager, id);
    if (session) sessions.set(id, session);
  }
  return sessions;
}

/**
 * Takes a confirmed group's seats in the (locked) session and adds its money to the
 * transaction's moves; negative numbers give them back.
 */
export async function takeSeatsAndMoney(manager: EntityManager, session: ActivitySessionRecord, pupils: number, committedCents: number, moves: FundMoves): Promise<void> {
  await manager.query('UPDATE activity_session SET booked_pupils = booked_pupils + $2, updated_at = now() WHERE id = $1', [session.id, pupils]);
  session.bookedPupils += pupils;
  moves.committedCents += committedCents;
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
  moves: FundMoves,
): Promise<BookingRecord> {
  const bookings = manager.getRepository(BookingEntity);
  if (booking.status === 'CONFIRMED') await takeSeatsAndMoney(manager, session, -booking.pupils, -booking.committedCents, moves);
  const changedFields = booking.status === 'CONFIRMED' ? ['status', 'committedCents', 'statusReason'] : ['status', 'statusReason'];
  await bookings.update({ id: booking.id }, { status: 'CANCELLED', committedCents: 0, statusReason: reason });
  const stored = await bookings.findOneByOrFail({ id: booking.id });
  await recordBookingEvent(manager, 'catalogue.booking.cancelled', stored, session, changedFields);
  return stored;
}

/**
 * Serves the sessions' waiting lists in order when seats free up. First come, first served for
 * seats: when the next group does not fit the free places, nobody behind it jumps ahead. A
 * group whose school has no quota or money left cannot be served at all and keeps waiting
 * (its school may free money by cancelling); the list moves on past it. The schools' semester
 * locks of every waiting group are taken up front, in one order, before any is promoted.
 */
export async function serveWaitingLists(manager: EntityManager, options: CatalogueOptions, sessions: ActivitySessionRecord[], moves: FundMoves): Promise<BookingRecord[]> {
  const open = sessions.filter((session) => session.status === 'SCHEDULED' && session.startsAt > options.clock());
  if (open.length === 0) return [];
  const waiting = await manager.getRepository(BookingEntity).find({ where: { sessionId: In(open.map((session) => session.id)), status: 'WAITING' }, order: { queueSeq: 'ASC' } });
  if (waiting.length === 0) return [];
  await lockSchoolSemesters(manager, waiting);
  const promoted: BookingRecord[] = [];
  for (const session of open) {
    for (const booking of waiting.filter((candidate) => candidate.sessionId === session.id)) {
      if (booking.pupils > session.capacity - session.bookedPupils) break;
      const committedCents = booking.pupils * booking.pricePerPupilCents;
      try {
        const ask = { ...booking, schoolYear: booking.semester.slice(0, 9) };
        const position = await readFundingPosition(manager, ask, null);
        // The fund's row is settled last: add what this transaction has moved so far.
        assertFundingAllows(options.fund, position, ask, position.fundUsedCents + moves.committedCents + moves.spentCents);
      } catch (error) {
        if (error instanceof DomainError) continue;
        throw error;
      }
      await takeSeatsAndMoney(manager, session, booking.pupils, committedCents, moves);
      const bookings = manager.getRepository(BookingEntity);
      await bookings.update({ id: booking.id }, { status: 'CONFIRMED', committedCents });
      const stored = await bookings.findOneByOrFail({ id: booking.id });
      await recordBookingEvent(manager, 'catalogue.booking.promoted', stored, session, ['status', 'committedCents']);
      promoted.push(stored);
    }
  }
  return promoted;
}

/**
 * Cancels the given bookings (confirmed or waiting, of sessions still to come) with `reason`;
 * when `serveWaiting`, the sessions' waiting lists are served afterwards. Used by the reactions
 * to the register: a liquidated school's bookings, a liquidated provider's sessions. The
 * sessions are locked first (in id order), then the bookings are read again under those locks.
 */
export async function cancelBookings(
  manager: EntityManager,
  options: CatalogueOptions,
  bookingIds: string[],
  reason: string,
  { serveWaiting }: { serveWaiting: boolean },
  moves: FundMoves,
): Promise<number> {
  if (bookingIds.length === 0) return 0;
  const repository = manager.getRepository(BookingEntity);
  const seen = await repository.find({ where: { id: In(bookingIds) }, select: { id: true, sessionId: true } });
  const sessions = await lockSessions(manager, seen.map((booking) => booking.sessionId));
  const bookings = await repository.find({ where: { id: In(bookingIds) }, order: { queueSeq: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  let cancelled = 0;
  for (const booking of bookings) {
    if (booking.status !== 'CONFIRMED' && booking.status !== 'WAITING') continue;
    await cancelBookingRecord(manager, booking, sessions.get(booking.sessionId)!, reason, moves);
    cancelled += 1;
  }
  if (serveWaiting) await serveWaitingLists(manager, options, [...sessions.values()], moves);
  return cancelled;
}
