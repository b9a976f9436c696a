import type { AreaBudgetResolvers, BookingResolvers, ParticipationRowResolvers, SchoolBudgetResolvers } from '../generated/resolvers';

export const Booking: BookingResolvers = {
  session: async (booking, _args, { loaders }) => {
    const session = await loaders.session.load(booking.sessionId);
    if (!session) throw new Error(`booking ${booking.id} refers to missing session ${booking.sessionId}`);
    return session;
  },
  institution: (booking) => ({ id: booking.institutionId }),
  waitingPosition: (booking, _args, { loaders }) => (booking.status === 'WAITING' ? loaders.waitingPosition.load(booking.id) : null),
};

export const SchoolBudget: SchoolBudgetResolvers = {
  institution: (row) => ({ id: row.institutionId }),
};

export const ParticipationRow: ParticipationRowResolvers = {
  institution: (row) => (row.institutionId ? { id: row.institutionId } : null),
  participantsAtLeast: (row) => row.atLeast,
  participantsAtMost: (row) => row.atMost,
};

export const AreaBudget: AreaBudgetResolvers = {
  institution: (row) => (row.institutionId ? { id: row.institutionId } : null),
};
