import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, forbidden, pipelinedTransaction, notFound, todayInLatvia } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { ownsActivity } from '../domain/activityAccess';
import { normaliseReason } from '../domain/activityLifecycle';
import { assertMayCancel, bookingSchoolOf } from '../domain/bookingAccess';
import { bookingClosesOn } from '../domain/bookingPolicy';
import {
  assertCancellable,
  assertGroupFits,
  assertSessionOpen,
  attendanceOutcome,
  placementOf,
  validateBookingRequest,
} from '../domain/bookingRules';
import { attendanceCostCents } from '../domain/fundQuota';
import { assertEligibleSchool } from '../domain/schoolEligibility';
import { semesterFundOf } from '../domain/semesterBudgets';
import { semesterOf } from '../domain/semesters';
import { cancelBookingRecord, lockBookingContext, lockSession, serveWaitingLists, storeNewBooking } from '../store/bookingMoves';
import { noFundMoves, settleFund } from '../store/fundLedger';
import { assertFundingAllows, schoolFundingIn } from '../domain/bookingFunding';
import { ActivityEntity } from '../entities/activity';
import type { ActivitySessionRecord } from '../entities/activitySession';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { bookingEvent, recordBookingEvent } from '../events/out/bookingEvents';
import type { MutationResolvers } from '../generated/resolvers';

/**
 * The booking with its session locked first, then the booking's own row: the lock order of
 * every booking write (fundLedger.ts), so a cancellation and a promotion never deadlock.
 */
async function lockBookingAndSession(
  manager: EntityManager,
  id: string,
): Promise<{ booking: BookingRecord; session: ActivitySessionRecord }> {
  const bookings = manager.getRepository(BookingEntity);
  const seen = await bookings.findOne({ where: { id }, select: { id: true, sessionId: true } });
  if (!seen) throw notFound('Booking', id);
  const session = (await lockSession(manager, seen.sessionId))!;
  const booking = (await bookings.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }))!;
  return { booking, session };
}

export const bookingMutations: Pick<MutationResolvers, 'bookSession' | 'cancelBooking' | 'recordAttendance'> = {
  bookSession: async (_parent, { input }, { db, caller, options }) => {
    const institutionId = bookingSchoolOf(caller);
    const sessionId = assertUuid(input.sessionId, 'sessionId');
    const request = validateBookingRequest({ grade: input.grade, pupils: input.pupils });

    const today = options.clock.today();

    const booking = await pipelinedTransaction(db, async (tx) => {
      // Two round trips. The first takes the locks (the school's replica row, so a liquidation
      // applied meanwhile waits and then cancels this booking too; the session, its seats; the
      // school's funding lock, its quota and allocation) and reads what the rules below decide
      // on. The second writes the booking, its seats, its event and, last, the fund's money,
      // and commits in the same message, so the fund's row is never locked across a turn of
      // this event loop (see pipelinedTransaction).
      const context = await lockBookingContext(tx, db, institutionId, sessionId, semesterOf(today));
      const school = assertEligibleSchool(institutionId, context.school);
      if (!context.session) throw notFound('Session', sessionId);
      const { session, terms } = context;
      const sessionDate = todayInLatvia(session.startsAt);
      assertSessionOpen(terms, session, today, bookingClosesOn(sessionDate, options.booking));
      assertGroupFits(request, terms, session);

      const semester = semesterOf(sessionDate);
      const ask = {
        institutionId: school.id,
        schoolYear: semester.schoolYear,
        semester: semester.label,
        ...request,
        pricePerPupilCents: terms.pricePerPupilCents,
      };
      const placement = placementOf(session.capacity - session.bookedPupils, request.pupils, context.waiting);
      // Quota and money are checked for a waiting group too: a group that could never be funded
      // is refused now rather than left waiting for nothing. A confirmed group's fund money is
      // decided by the statement that takes it.
      assertFundingAllows(
        options.fund,
        schoolFundingIn(context.ledger, ask),
        ask,
        placement === 'CONFIRMED' ? null : semesterFundOf(context.fund, semester.label, options.fund),
      );
      const decided: BookingRecord = {
        id: randomUUID(),
        sessionId,
        institutionId: school.id,
        ...request,
        status: placement,
        semester: semester.label,
        pricePerPupilCents: terms.pricePerPupilCents,
        committedCents: placement === 'CONFIRMED' ? request.pupils * terms.pricePerPupilCents : 0,
        costCents: 0,
        attendedPupils: null,
        statusReason: null,
        queueSeq: '',
        createdBy: caller.subject ?? null,
        createdAt: context.now,
        updatedAt: context.now,
      };
      const changedFields = ['sessionId', 'institutionId', 'grade', 'pupils', 'status', 'semester', 'committedCents'];
      const event = bookingEvent(
        placement === 'CONFIRMED' ? 'catalogue.booking.confirmed' : 'catalogue.booking.waitlisted',
        decided,
        session,
        changedFields,
      );
      return storeNewBooking(tx, options.fund, decided, event);
    });
    return { booking };
  },

  cancelBooking: async (_parent, { input }, { db, caller, options }) => {
    const id = assertUuid(input.id);
    const reason = normaliseReason(input.reason);
    const booking = await db.transaction(async (manager) => {
      const { booking: current, session } = await lockBookingAndSession(manager, id);
      assertMayCancel(caller, current);
      assertCancellable(current, session.startsAt, options.clock.now());
      const moves = noFundMoves();
      const cancelled = await cancelBookingRecord(manager, current, session, reason, moves);
      await serveWaitingLists(manager, options, [session], moves);
      await settleFund(manager, options.fund, moves);
      return cancelled;
    });
    return { booking };
  },

  recordAttendance: async (_parent, { input }, { db, caller, options }) => {
    const id = assertUuid(input.bookingId, 'bookingId');
    if (caller.role !== 'PROVIDER') throw forbidden(`Only the session's PROVIDER records attendance; you are ${caller.role}`);
    const booking = await db.transaction(async (manager) => {
      const { booking: current, session } = await lockBookingAndSession(manager, id);
      const activity = await manager.getRepository(ActivityEntity).findOneByOrFail({ id: session.activityId });
      if (!ownsActivity(caller, activity)) throw forbidden("Only the provider of this booking's activity records its attendance");
      if (current.status !== 'CONFIRMED')
        throw conflict(`Attendance is recorded for a confirmed booking; this one is ${current.status.toLowerCase()}`);
      if (session.startsAt > options.clock.now()) throw conflict('The session has not begun yet');
      const status = attendanceOutcome(current.pupils, input.attendedPupils);
      const costCents = attendanceCostCents(input.attendedPupils, current.pricePerPupilCents);
      const bookings = manager.getRepository(BookingEntity);
      await bookings.update({ id }, { status, attendedPupils: input.attendedPupils, costCents, committedCents: 0 });
      const stored = await bookings.findOneByOrFail({ id });
      await recordBookingEvent(
        manager,
        status === 'ATTENDED' ? 'catalogue.booking.attended' : 'catalogue.booking.no-show',
        stored,
        session,
        ['status', 'attendedPupils', 'costCents', 'committedCents'],
      );
      // The held money becomes what was spent: attended pupils × price; the rest goes back.
      await settleFund(
        manager,
        options.fund,
        new Map([[current.semester, { committedCents: -current.committedCents, spentCents: costCents }]]),
      );
      return stored;
    });
    return { booking };
  },
};
