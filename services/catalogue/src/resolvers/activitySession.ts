import { todayInLatvia } from '@eq/shared';
import { bookingClosesOn } from '../domain/bookingPolicy';
import { semesterOf } from '../domain/semesters';
import type { ActivitySessionResolvers } from '../generated/resolvers';

export const ActivitySession: ActivitySessionResolvers = {
  activity: async (session, _args, { loaders }) => {
    const activity = await loaders.activity.load(session.activityId);
    if (!activity) throw new Error(`session ${session.id} refers to missing activity ${session.activityId}`);
    return activity;
  },
  freePlaces: (session) => session.capacity - session.bookedPupils,
  waitingBookings: (session, _args, { loaders }) => loaders.waitingCount.load(session.id),
  bookingClosesOn: (session, _args, { options }) => bookingClosesOn(todayInLatvia(session.startsAt), options.booking),
  semester: (session) => semesterOf(todayInLatvia(session.startsAt)).label,
};
