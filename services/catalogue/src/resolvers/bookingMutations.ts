import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, findRegistryInstitution, forbidden, notFound, todayInLatvia } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { ownsActivity } from '../domain/activityAccess';
import { normaliseReason } from '../domain/activityLifecycle';
import { assertMayCancel, bookingSchoolOf } from '../domain/bookingAccess';
import { bookingClosesOn } from '../domain/bookingPolicy';
import { assertCancellable, assertGroupFits, assertSessionOpen, attendanceOutcome, placementOf, validateBookingRequest } from '../domain/bookingRules';
import { attendanceCostCents } from '../domain/fundQuota';
import { assertEligibleSchool } from '../domain/schoolEligibility';
import { semesterOf } from '../domain/semesters';
import { cancelBookingRecord, lockSession, serveWaitingList, takeSeatsAndMoney } from '../bookings/bookingMoves';
import { adjustFund, assertFundable, lockFund } from '../bookings/fundLedger';
import { ActivityEntity } from '../entities/activity';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { recordBookingEvent } from '../events/bookingEvents';
import type { MutationResolvers } from '../generated/resolvers';

async function lockBooking(manager: EntityManager, id: string): Promise<BookingRecord> {
  const booking = await manager.getRepository(BookingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!booking) throw notFound('Booking', id);
  return booking;
}

export const bookingMutations: Pick<MutationResolvers, 'bookSession' | 'cancelBooking' | 'recordAttendance'> = {
  bookSession: async (_parent, { input }, { db, caller, options }) => {
    const institutionId = bookingSchoolOf(caller);
    const sessionId = assertUuid(input.sessionId, 'sessionId');
    const request = validateBookingRequest({ grade: input.grade, pupils: input.pupils });

    const booking = await db.transaction(async (manager) => {
      // Lock order, everywhere: the school's replica row (shared), the fund, the session. The
      // share lock makes a liquidation applied meanwhile wait and then cancel this booking too.
      const school = assertEligibleSchool(institutionId, await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_read' }));
      const fund = await lockFund(manager);
      const session = await lockSession(manager, sessionId);
      if (!session) throw notFound('Session', sessionId);
      const activity = await manager.getRepository(ActivityEntity).findOneByOrFail({ id: session.activityId });
      const now = options.clock();
      const sessionDate = todayInLatvia(session.startsAt);
      assertSessionOpen(activity, session, todayInLatvia(now), bookingClosesOn(sessionDate, options.booking));
      assertGroupFits(request, activity, session);

      const semester = semesterOf(sessionDate);
      // Quota and money are checked for a waiting group too: a group that could never be funded
      // is refused now rather than left waiting for nothing.
      await assertFundable(manager, options.fund, fund, {
        institutionId: school.id,
        schoolYear: semester.schoolYear,
        semester: semester.label,
        ...request,
        pricePerPupilCents: activity.pricePerPupilCents,
      });
      const bookings = manager.getRepository(BookingEntity);
      const waiting = await bookings.countBy({ sessionId, status: 'WAITING' });
      const placement = placementOf(session.capacity - session.bookedPupils, request.pupils, waiting);
      const id = randomUUID();
      const committedCents = placement === 'CONFIRMED' ? request.pupils * activity.pricePerPupilCents : 0;
      await bookings.insert({
        id,
        sessionId,
        institutionId: school.id,
        ...request,
        status: placement,
        semester: semester.label,
        pricePerPupilCents: activity.pricePerPupilCents,
        committedCents,
        costCents: 0,
        attendedPupils: null,
        statusReason: null,
        createdBy: caller.subject ?? null,
      });
      if (placement === 'CONFIRMED') await takeSeatsAndMoney(manager, session, request.pupils, committedCents);
      const stored = await bookings.findOneByOrFail({ id });
      const changedFields = ['sessionId', 'institutionId', 'grade', 'pupils', 'status', 'semester', 'committedCents'];
      await recordBookingEvent(manager, placement === 'CONFIRMED' ? 'catalogue.booking.confirmed' : 'catalogue.booking.waitlisted', stored, session, changedFields);
      return stored;
    });
    return { booking };
  },

  cancelBooking: async (_parent, { input }, { db, caller, options }) => {
    const id = assertUuid(input.id);
    const reason = normaliseReason(input.reason);
    const booking = await db.transaction(async (manager) => {
      const fund = await lockFund(manager);
      const current = await lockBooking(manager, id);
      assertMayCancel(caller, current);
      const session = (await lockSession(manager, current.sessionId))!;
      assertCancellable(current, session.startsAt, options.clock());
      if (current.status === 'CONFIRMED') fund.committedCents -= current.committedCents;
      const cancelled = await cancelBookingRecord(manager, current, session, reason);
      await serveWaitingList(manager, options, session, fund);
      return cancelled;
    });
    return { booking };
  },

  recordAttendance: async (_parent, { input }, { db, caller, options }) => {
    const id = assertUuid(input.bookingId, 'bookingId');
    if (caller.role !== 'PROVIDER') throw forbidden(`Only the session's PROVIDER records attendance; you are ${caller.role}`);
    const booking = await db.transaction(async (manager) => {
      await lockFund(manager);
      const current = await lockBooking(manager, id);
      const session = (await lockSession(manager, current.sessionId))!;
      const activity = await manager.getRepository(ActivityEntity).findOneByOrFail({ id: session.activityId });
      if (!ownsActivity(caller, activity)) throw forbidden("Only the provider of this booking's activity records its attendance");
      if (current.status !== 'CONFIRMED') throw conflict(`Attendance is recorded for a confirmed booking; this one is ${current.status.toLowerCase()}`);
      if (session.startsAt > options.clock()) throw conflict('The session has not begun yet');
      const status = attendanceOutcome(current.pupils, input.attendedPupils);
      const costCents = attendanceCostCents(input.attendedPupils, current.pricePerPupilCents);
      // The held money becomes what was spent: attended pupils × price; the rest goes back.
      await adjustFund(manager, -current.committedCents, costCents);
      const bookings = manager.getRepository(BookingEntity);
      await bookings.update({ id }, { status, attendedPupils: input.attendedPupils, costCents, committedCents: 0 });
      const stored = await bookings.findOneByOrFail({ id });
      await recordBookingEvent(manager, status === 'ATTENDED' ? 'catalogue.booking.attended' : 'catalogue.booking.no-show', stored, session, [
        'status',
        'attendedPupils',
        'costCents',
        'committedCents',
      ]);
      return stored;
    });
    return { booking };
  },
};
