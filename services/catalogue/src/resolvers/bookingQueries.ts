import { cacheControlFromInfo } from '@apollo/cache-control-types';
import { readSemesterLedger } from '../store/fundLedger';
import { assertUuid, forbidden, requireRole, Role, validationFailed } from '@eq/shared';
import { In } from 'typeorm';
import { mayViewActivity } from '../domain/activityAccess';
import { mayListSchoolBookings, mayViewBooking } from '../domain/bookingAccess';
import { icsCalendar, type CalendarEntry } from '../domain/icsCalendar';
import { fundFinancing } from '../domain/fundPolicy';
import { semesterBudgetView } from '../domain/semesterBudgets';
import { parseSemesterLabel } from '../domain/semesters';
import { schoolBudgets } from '../store/budgetQueries';
import { budgetBy, participationBy } from '../store/indicatorQueries';
import { ActivityEntity } from '../entities/activity';
import { ActivitySessionEntity } from '../entities/activitySession';
import { BookingEntity } from '../entities/booking';
import type { QueryResolvers } from '../generated/resolvers';

export const bookingQueries: Pick<
  QueryResolvers,
  'activitySession' | 'booking' | 'schoolBookingsCalendar' | 'fundBudget' | 'participation' | 'budgetByArea'
> = {
  activitySession: async (_parent, { id }, { loaders, caller, options }, info) => {
    cacheControlFromInfo(info).setCacheHint({ maxAge: options.availabilityMaxAgeSeconds });
    const session = await loaders.session.load(assertUuid(id));
    if (!session) return null;
    const activity = await loaders.activity.load(session.activityId);
    return activity && mayViewActivity(caller, activity) ? session : null;
  },

  booking: async (_parent, { id }, { db, loaders, caller }) => {
    const booking = await db.getRepository(BookingEntity).findOneBy({ id: assertUuid(id) });
    if (!booking) return null;
    const session = await loaders.session.load(booking.sessionId);
    const activity = session ? await loaders.activity.load(session.activityId) : null;
    return mayViewBooking(caller, booking, activity?.providerId ?? null) ? booking : null;
  },

  schoolBookingsCalendar: async (_parent, { institutionId }, { db, caller, options }) => {
    const id = assertUuid(institutionId, 'institutionId');
    if (!mayListSchoolBookings(caller, id)) throw forbidden("Only the school itself, an OFFICER or FUND_ADMIN reads a school's bookings");
    const bookings = await db
      .getRepository(BookingEntity)
      .find({ where: { institutionId: id, status: In(['CONFIRMED', 'WAITING', 'ATTENDED', 'NO_SHOW']) } });
    const sessions = bookings.length
      ? await db.getRepository(ActivitySessionEntity).findBy({ id: In(bookings.map((b) => b.sessionId)), status: 'SCHEDULED' })
      : [];
    const activities = sessions.length ? await db.getRepository(ActivityEntity).findBy({ id: In(sessions.map((s) => s.activityId)) }) : [];
    const entries: CalendarEntry[] = [];
    for (const booking of bookings) {
      const session = sessions.find((candidate) => candidate.id === booking.sessionId);
      const activity = session && activities.find((candidate) => candidate.id === session.activityId);
      if (!session || !activity) continue;
      const grade = booking.grade === 0 ? 'pre-school group' : `grade ${booking.grade}`;
      entries.push({
        uid: `${booking.id}@catalogue`,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        summary: activity.title,
        location: session.place,
        description: `${booking.pupils} pupils, ${grade}; booking ${booking.status.toLowerCase()}`,
        status: booking.status === 'WAITING' ? 'TENTATIVE' : 'CONFIRMED',
        updatedAt: booking.updatedAt,
      });
    }
    entries.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return icsCalendar(`Bookings ${options.clock.today()}`, entries, options.clock.now());
  },

  fundBudget: async (_parent, { semester }, { db, caller, options }) => {
    requireRole(caller, Role.FUND_ADMIN);
    const parsed = semester ? parseSemesterLabel(semester) : null;
    if (semester && !parsed) throw validationFailed('A semester is written "2025/2026-1" (autumn) or "2025/2026-2" (spring)', 'semester');
    const ledger = await readSemesterLedger(db.manager);
    const committedCents = ledger.reduce((sum, row) => sum + row.committedCents, 0);
    const spentCents = ledger.reduce((sum, row) => sum + row.spentCents, 0);
    const totalCents = options.fund.attendanceBudgetCents;
    return {
      financing: fundFinancing(options.fund),
      semesters: ledger.map((row) => semesterBudgetView(row, options.fund)),
      totalCents,
      committedCents,
      spentCents,
      leftCents: totalCents - committedCents - spentCents,
      schools: parsed ? await schoolBudgets(db, options.fund, parsed) : [],
    };
  },

  participation: async (_parent, { schoolYear, groupBy }, { db, caller }) => {
    requireRole(caller, Role.FUND_ADMIN);
    if (!/^\d{4}\/\d{4}$/.test(schoolYear) || Number(schoolYear.slice(5)) !== Number(schoolYear.slice(0, 4)) + 1) {
      throw validationFailed('A school year is written "2025/2026"', 'schoolYear');
    }
    return participationBy(db, schoolYear, groupBy);
  },

  budgetByArea: async (_parent, { semester, groupBy }, { db, caller, options }) => {
    requireRole(caller, Role.FUND_ADMIN);
    const parsed = parseSemesterLabel(semester);
    if (!parsed) throw validationFailed('A semester is written "2025/2026-1" (autumn) or "2025/2026-2" (spring)', 'semester');
    return budgetBy(db, options.fund, parsed, groupBy);
  },
};
