import {
  DomainError,
  outboxEnqueueArgs,
  Topics,
  type CloudEvent,
  type PipelinedTransaction,
  type RegistryInstitutionState,
} from '@eq/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { CatalogueOptions } from '../catalogueOptions';
import type { ActivityRecord } from '../entities/activity';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { recordFromJson } from '../entities/recordFromJson';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { recordBookingEvent } from '../events/out/bookingEvents';
import { assertFundingAllows, type SchoolLedger } from '../domain/bookingFunding';
import type { FundPolicy } from '../domain/fundPolicy';
import { defaultSemesterBudgetCents, type SemesterLedgerRow } from '../domain/semesterBudgets';
import type { Semester } from '../domain/semesters';
import {
  addFundMove,
  lockSchoolFunding,
  movedIn,
  readFundingPosition,
  refuseFundMove,
  refusedSemesterFund,
  semesterLedgerRow,
  type FundMoves,
  type SemesterLedgerJson,
} from './fundLedger';

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

/** Everything a booking is decided on, read under its locks by `lockBookingContext`. */
export interface BookingContext {
  /** The school's replicated state, share-locked (null: the registry never announced it). */
  school: RegistryInstitutionState | null;
  /** The session, locked (null: no such session; then nothing below is read). */
  session: ActivitySessionRecord | null;
  terms: BookingTerms;
  ledger: SchoolLedger;
  /** Bookings on the session's waiting list. */
  waiting: number;
  /** The fund's rows of the semesters from `from` on, as committed so far (no lock). */
  fund: SemesterLedgerRow[];
  /** The transaction's time: what the database writes as the new booking's created_at. */
  now: Date;
}

/** What `catalogue_booking_context` returns: JSON, so numbers may come as strings and dates as text. */
interface BookingContextJson {
  school: BookingContext['school'];
  session: Record<string, unknown> | null;
  terms: BookingContext['terms'];
  usage?: SchoolLedger['usage'];
  learnerCounts?: SchoolLedger['learnerCounts'];
  waiting?: number | string;
  fund?: SemesterLedgerJson[];
  now: string;
}

/**
 * Takes a booking's locks in the documented order (the school's replica row, the session, the
 * school's funding lock) and reads, under them, what the decision needs: one round trip, the
 * database's `catalogue_booking_context`. Usage is read from the semester `from` on (the
 * session's semester is not known before its row is read, and is never earlier than today's).
 */
export async function lockBookingContext(
  tx: PipelinedTransaction,
  db: DataSource,
  schoolId: string,
  sessionId: string,
  from: Semester,
): Promise<BookingContext> {
  const [row] = await tx.query<{ context: BookingContextJson }>('SELECT catalogue_booking_context($1, $2, $3, $4) AS context', [
    schoolId,
    sessionId,
    from.label,
    from.schoolYear,
  ]);
  const context = row!.context;
  return {
    school: context.school,
    session: context.session ? recordFromJson(db, ActivitySessionEntity, context.session) : null,
    terms: context.terms,
    ledger: { usage: context.usage ?? [], learnerCounts: context.learnerCounts ?? [] },
    waiting: Number(context.waiting ?? 0),
    fund: (context.fund ?? []).map(semesterLedgerRow),
    now: new Date(context.now),
  };
}

/**
 * Stores a new booking and commits, in one round trip: its row, the session's seats when it
 * is confirmed, its event in the outbox, and its money in its semester's row of the fund as the
 * last write, then COMMIT. When the semester's budget cannot pay, nothing is stored and the
 * answer is a refusal (SEMESTER_BUDGET_EXCEEDED, or CONFLICT when money came back meanwhile),
 * decided from the figures the database's error carries: asking the pool for another
 * connection here, while this aborted transaction still holds the session's lock, could wait
 * for ever when every connection queues behind that lock. The caller holds the booking's locks
 * (`lockBookingContext`) and decided `booking` under them; its created_at is the transaction's
 * time, as the column's default would have written it.
 */
export async function storeNewBooking(
  tx: PipelinedTransaction,
  policy: FundPolicy,
  booking: BookingRecord,
  event: CloudEvent,
): Promise<BookingRecord> {
  const confirmed = booking.status === 'CONFIRMED';
  try {
    const [row] = await tx.commitWith<{ queue_seq: string }>(
      `WITH seats AS (UPDATE activity_session SET booked_pupils = booked_pupils + $5, updated_at = now() WHERE id = $2 AND $13::boolean),
            stored AS (INSERT INTO booking (id, session_id, institution_id, grade, pupils, status, semester, price_per_pupil_cents, committed_cents,
                                            cost_cents, attended_pupils, status_reason, created_by, created_at, updated_at)
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15, $15) RETURNING queue_seq)
       SELECT (SELECT queue_seq FROM stored) AS queue_seq, outbox_enqueue($16, $17, $18, $19) AS enqueued, catalogue_settle_fund($7, $9, 0, $20, true) AS settled`,
      [
        booking.id,
        booking.sessionId,
        booking.institutionId,
        booking.grade,
        booking.pupils,
        booking.status,
        booking.semester,
        booking.pricePerPupilCents,
        booking.committedCents,
        booking.costCents,
        booking.attendedPupils,
        booking.statusReason,
        confirmed,
        booking.createdBy,
        booking.createdAt,
        ...outboxEnqueueArgs(Topics.catalogueBooking, event),
        defaultSemesterBudgetCents(policy),
      ],
    );
    return { ...booking, queueSeq: String(row!.queue_seq) };
  } catch (error) {
    const fund = refusedSemesterFund(error);
    if (!fund) throw error;
    return refuseFundMove(fund, booking.committedCents);
  }
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
 * transaction's moves in its semester; negative numbers give them back.
 */
export async function takeSeatsAndMoney(
  manager: EntityManager,
  session: ActivitySessionRecord,
  semester: string,
  pupils: number,
  committedCents: number,
  moves: FundMoves,
): Promise<void> {
  await manager.query('UPDATE activity_session SET booked_pupils = booked_pupils + $2, updated_at = now() WHERE id = $1', [
    session.id,
    pupils,
  ]);
  session.bookedPupils += pupils;
  addFundMove(moves, semester, committedCents);
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
  if (booking.status === 'CONFIRMED')
    await takeSeatsAndMoney(manager, session, booking.semester, -booking.pupils, -booking.committedCents, moves);
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
 * (its school may free money by cancelling); the list moves on past it. The funding locks of
 * every waiting group's school are taken up front, in one order, before any is promoted.
 */
export async function serveWaitingLists(
  manager: EntityManager,
  options: CatalogueOptions,
  sessions: ActivitySessionRecord[],
  moves: FundMoves,
): Promise<BookingRecord[]> {
  const open = sessions.filter((session) => session.status === 'SCHEDULED' && session.startsAt > options.clock.now());
  if (open.length === 0) return [];
  const waiting = await manager
    .getRepository(BookingEntity)
    .find({ where: { sessionId: In(open.map((session) => session.id)), status: 'WAITING' }, order: { queueSeq: 'ASC' } });
  if (waiting.length === 0) return [];
  await lockSchoolFunding(
    manager,
    waiting.map((booking) => booking.institutionId),
  );
  const promoted: BookingRecord[] = [];
  for (const session of open) {
    for (const booking of waiting.filter((candidate) => candidate.sessionId === session.id)) {
      if (booking.pupils > session.capacity - session.bookedPupils) break;
      const committedCents = booking.pupils * booking.pricePerPupilCents;
      try {
        const ask = { ...booking, schoolYear: booking.semester.slice(0, 9) };
        const position = await readFundingPosition(manager, options.fund, ask);
        // The fund's rows are settled last: add what this transaction has moved so far.
        const semesterFund = { ...position.semesterFund, usedCents: position.semesterFund.usedCents + movedIn(moves, booking.semester) };
        assertFundingAllows(options.fund, position, ask, semesterFund);
      } catch (error) {
        if (error instanceof DomainError) continue;
        throw error;
      }
      await takeSeatsAndMoney(manager, session, booking.semester, booking.pupils, committedCents, moves);
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
  const sessions = await lockSessions(
    manager,
    seen.map((booking) => booking.sessionId),
  );
  const bookings = await repository.find({
    where: { id: In(bookingIds) },
    order: { queueSeq: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  let cancelled = 0;
  for (const booking of bookings) {
    if (booking.status !== 'CONFIRMED' && booking.status !== 'WAITING') continue;
    await cancelBookingRecord(manager, booking, sessions.get(booking.sessionId)!, reason, moves);
    cancelled += 1;
  }
  if (serveWaiting) await serveWaitingLists(manager, options, [...sessions.values()], moves);
  return cancelled;
}
