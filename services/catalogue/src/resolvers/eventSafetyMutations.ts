import { assertUuid, notFound, todayInLatvia } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { assertBookingSchool } from '../domain/bookingAccess';
import { safetyDeadlines, validateHeadApproval, validateParentsInformed } from '../domain/eventSafety';
import { ActivityEntity } from '../entities/activity';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { BookingSafetyEntity, type BookingSafetyRecord } from '../entities/bookingSafety';
import { recordBookingSafetyEvent, type BookingSafetyEventType } from '../events/out/bookingEvents';
import type { MutationResolvers } from '../generated/resolvers';

interface SafetyStep {
  /** Checks the step against the booking and its deadlines; returns the columns to store. */
  decide(booking: BookingRecord, deadlines: ReturnType<typeof safetyDeadlines>, today: string, now: Date): Partial<BookingSafetyRecord>;
  event: BookingSafetyEventType;
  changedFields: string[];
}

/**
 * One safety step of the booking school: the booking's row locked (a cancellation waits, or this
 * sees it cancelled), the step checked, stored beside the booking and announced, in one transaction.
 */
async function recordSafetyStep(bookingId: string, step: SafetyStep, { db, caller, options }: Context): Promise<BookingRecord> {
  const id = assertUuid(bookingId, 'bookingId');
  return db.transaction(async (manager: EntityManager) => {
    const booking = await manager.getRepository(BookingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!booking) throw notFound('Booking', id);
    assertBookingSchool(caller, booking);
    const session: ActivitySessionRecord = await manager.getRepository(ActivitySessionEntity).findOneByOrFail({ id: booking.sessionId });
    const activity = await manager.getRepository(ActivityEntity).findOneByOrFail({ id: session.activityId });
    const deadlines = safetyDeadlines(todayInLatvia(session.startsAt), activity.format, options.booking.publicHolidays);
    const now = options.clock.now();
    const columns = step.decide(booking, deadlines, todayInLatvia(now), now);
    const records = manager.getRepository(BookingSafetyEntity);
    await records.upsert({ bookingId: id, ...columns, recordedBy: caller.subject ?? null }, ['bookingId']);
    const stored = await records.findOneByOrFail({ bookingId: id });
    await recordBookingSafetyEvent(
      manager,
      step.event,
      booking,
      session,
      { ...deadlines, headApprovedOn: stored.headApprovedOn, parentsInformedOn: stored.parentsInformedOn },
      step.changedFields,
    );
    return booking;
  });
}

export const eventSafetyMutations: Pick<MutationResolvers, 'recordHeadApproval' | 'confirmParentsInformed'> = {
  recordHeadApproval: async (_parent, { input }, context) => ({
    booking: await recordSafetyStep(
      input.bookingId,
      {
        decide: (booking, deadlines, today, now) => {
          const approval = validateHeadApproval(input, booking, today, deadlines.headApprovalDueOn);
          return { headApprovedBy: approval.approvedBy, headApprovedOn: approval.approvedOn, headApprovalRecordedAt: now };
        },
        event: 'catalogue.booking.head-approved',
        changedFields: ['headApproval'],
      },
      context,
    ),
  }),
  confirmParentsInformed: async (_parent, { input }, context) => ({
    booking: await recordSafetyStep(
      input.bookingId,
      {
        decide: (booking, deadlines, today, now) => ({
          parentsInformedOn: validateParentsInformed(input.informedOn, booking, today, deadlines.parentsInformBy),
          parentsInformedRecordedAt: now,
        }),
        event: 'catalogue.booking.parents-informed',
        changedFields: ['parentsInformedOn'],
      },
      context,
    ),
  }),
};
