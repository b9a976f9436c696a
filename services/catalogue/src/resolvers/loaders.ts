import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ActivityEntity, type ActivityRecord } from '../entities/activity';
import { ActivityProviderEntity, type ActivityProviderRecord } from '../entities/activityProvider';
import { ActivitySessionEntity, type ActivitySessionRecord } from '../entities/activitySession';
import { BookingEntity, type BookingRecord } from '../entities/booking';
import { BookingSafetyEntity, type BookingSafetyRecord } from '../entities/bookingSafety';
import { isUuid } from '@eq/shared';

/** Per-request batch loaders: one statement per kind of row however many entities a query touches. */
export interface CatalogueLoaders {
  activity: DataLoader<string, ActivityRecord | null>;
  provider: DataLoader<string, ActivityProviderRecord | null>;
  /** Published activities of the provider that is the institution, by title. */
  activitiesOffered: DataLoader<string, ActivityRecord[]>;
  session: DataLoader<string, ActivitySessionRecord | null>;
  /** Bookings waiting for seats, per session. */
  waitingCount: DataLoader<string, number>;
  /** Places on the waiting list, per waiting booking (1 = next). */
  waitingPosition: DataLoader<string, number | null>;
  /** What the booking school recorded of a booking's event safety, per booking (null: nothing yet). */
  bookingSafety: DataLoader<string, BookingSafetyRecord | null>;
  /** An institution's bookings, latest session first. */
  bookingsOfInstitution: DataLoader<string, BookingRecord[]>;
  /**
   * Scheduled sessions per activity within a window, earliest first. A list's activities all ask
   * with the same arguments, so one loader per window batches them into one statement.
   */
  sessionsOfActivity(window: SessionWindow): DataLoader<string, ActivitySessionRecord[]>;
}

export interface SessionWindow {
  from?: string | null;
  to?: string | null;
}

function byIdOf<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export function createCatalogueLoaders(db: DataSource): CatalogueLoaders {
  const sessionLoaders = new Map<string, DataLoader<string, ActivitySessionRecord[]>>();
  const sessionsOfActivity = ({ from, to }: SessionWindow) => {
    const key = `${from ?? ''}|${to ?? ''}`;
    let loader = sessionLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (activityIds) => {
        const query = db
          .getRepository(ActivitySessionEntity)
          .createQueryBuilder('s')
          .where("s.activity_id IN (:...ids) AND s.status = 'SCHEDULED'", { ids: [...activityIds] });
        if (from) query.andWhere('s.starts_at >= :from', { from: new Date(from) });
        if (to) query.andWhere('s.starts_at <= :to', { to: new Date(to) });
        const rows = await query.orderBy('s.starts_at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
        return activityIds.map((id) => rows.filter((row) => row.activityId === id));
      });
      sessionLoaders.set(key, loader);
    }
    return loader;
  };
  return {
    sessionsOfActivity,
    activity: new DataLoader(async (ids) => byIdOf(await db.getRepository(ActivityEntity).findBy({ id: In(ids.filter(isUuid)) }), ids)),
    provider: new DataLoader(async (ids) => byIdOf(await db.getRepository(ActivityProviderEntity).findBy({ id: In([...ids]) }), ids)),
    session: new DataLoader(async (ids) =>
      byIdOf(await db.getRepository(ActivitySessionEntity).findBy({ id: In(ids.filter(isUuid)) }), ids),
    ),
    waitingCount: new DataLoader(async (sessionIds) => {
      const rows: Array<{ session_id: string; waiting: number }> = await db.query(
        `SELECT session_id, COUNT(*)::int AS waiting FROM booking WHERE session_id = ANY($1) AND status = 'WAITING' GROUP BY session_id`,
        [sessionIds],
      );
      const bySession = new Map(rows.map((row) => [row.session_id, row.waiting]));
      return sessionIds.map((id) => bySession.get(id) ?? 0);
    }),
    waitingPosition: new DataLoader(async (bookingIds) => {
      const rows: Array<{ id: string; position: number }> = await db.query(
        `SELECT id, position FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY session_id ORDER BY queue_seq)::int AS position FROM booking
           WHERE status = 'WAITING' AND session_id IN (SELECT session_id FROM booking WHERE id = ANY($1))
         ) ranked WHERE id = ANY($1)`,
        [bookingIds],
      );
      const byId = new Map(rows.map((row) => [row.id, row.position]));
      return bookingIds.map((id) => byId.get(id) ?? null);
    }),
    bookingSafety: new DataLoader(async (bookingIds) => {
      const rows = await db.getRepository(BookingSafetyEntity).findBy({ bookingId: In([...bookingIds]) });
      const byBooking = new Map(rows.map((row) => [row.bookingId, row]));
      return bookingIds.map((id) => byBooking.get(id) ?? null);
    }),
    bookingsOfInstitution: new DataLoader(async (institutionIds) => {
      const rows = await db
        .getRepository(BookingEntity)
        .createQueryBuilder('b')
        .innerJoin('activity_session', 's', 's.id = b.session_id')
        .where('b.institution_id IN (:...ids)', { ids: institutionIds.filter(isUuid).concat('00000000-0000-0000-0000-000000000000') })
        .orderBy('s.starts_at', 'DESC')
        .addOrderBy('b.queue_seq', 'ASC')
        .getMany();
      return institutionIds.map((id) => rows.filter((row) => row.institutionId === id.toLowerCase()));
    }),
    activitiesOffered: new DataLoader(async (institutionIds) => {
      // Ids come from other subgraphs' entities: anything that is not a UUID is no provider of ours.
      const providers = await db.getRepository(ActivityProviderEntity).findBy({ institutionId: In(institutionIds.filter(isUuid)) });
      const activities =
        providers.length === 0
          ? []
          : await db.getRepository(ActivityEntity).find({
              where: { providerId: In(providers.map((provider) => provider.id)), status: 'PUBLISHED' },
              order: { title: 'ASC', id: 'ASC' },
            });
      return institutionIds.map((institutionId) => {
        const provider = providers.find((candidate) => candidate.institutionId === institutionId);
        return provider ? activities.filter((activity) => activity.providerId === provider.id) : [];
      });
    }),
  };
}
