import { todayInLatvia } from '@eq/shared';
import type { Context } from '../context';
import { safetyDeadlines } from '../domain/eventSafety';
import type { BookingRecord } from '../entities/booking';
import type { BookingResolvers } from '../generated/resolvers';

/** The session's deadlines for a booking, from the request's loaders (one statement per kind of row). */
async function deadlinesOf(booking: BookingRecord, { loaders, options }: Context) {
  const session = (await loaders.session.load(booking.sessionId))!;
  const activity = (await loaders.activity.load(session.activityId))!;
  return safetyDeadlines(todayInLatvia(session.startsAt), activity.format, options.booking.publicHolidays);
}

/** The event-safety fields of a Booking (domain/eventSafety.ts). */
export const bookingSafetyFields: Pick<BookingResolvers, 'headApprovalDueOn' | 'headApproval' | 'parentsInformBy' | 'parentsInformedOn'> = {
  headApprovalDueOn: async (booking, _args, context) => (await deadlinesOf(booking, context)).headApprovalDueOn,
  parentsInformBy: async (booking, _args, context) => (await deadlinesOf(booking, context)).parentsInformBy,
  headApproval: async (booking, _args, { loaders }) => {
    const record = await loaders.bookingSafety.load(booking.id);
    if (!record?.headApprovedBy || !record.headApprovedOn || !record.headApprovalRecordedAt) return null;
    return {
      approvedBy: record.headApprovedBy,
      approvedOn: record.headApprovedOn,
      recordedAt: record.headApprovalRecordedAt.toISOString(),
    };
  },
  parentsInformedOn: async (booking, _args, { loaders }) => (await loaders.bookingSafety.load(booking.id))?.parentsInformedOn ?? null,
};
