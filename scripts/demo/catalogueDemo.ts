import { Role, type Caller } from '@eq/shared';
import { NO_BOOKINGS, seedCatalogueBookingsDemo, type BookableSession, type CatalogueBookingsCounts } from './catalogueBookingsDemo';
import { inParallel } from './inParallel';
import { planCatalogueDemo, type PlannedActivity } from './catalogueDemoPlan';
import type { DemoApi } from './licensingAccreditationDemo';

/** Outside organisations that offer activities, fictitious and marked as demo. */
const OUTSIDE_PROVIDERS = [
  { kind: 'MUSEUM', name: 'Dabas un tehnikas muzejs (demo)' },
  { kind: 'MUSEUM', name: 'Novada vēstures un zinātnes muzejs (demo)' },
  { kind: 'UNIVERSITY', name: 'Reģionālā tehniskā augstskola (demo)' },
  { kind: 'UNIVERSITY', name: 'Dabaszinātņu universitātes skolēnu centrs (demo)' },
  { kind: 'COMPANY', name: 'SIA Inženieru darbnīca (demo)' },
  { kind: 'COMPANY', name: 'SIA Robotu laboratorija (demo)' },
  { kind: 'ASSOCIATION', name: 'Biedrība „Jaunie pētnieki” (demo)' },
  { kind: 'ASSOCIATION', name: 'Biedrība „Pilsoniskā skola” (demo)' },
  { kind: 'OTHER', name: 'Nacionālā parka izglītības centrs (demo)' },
] as const;

const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'demo-seed' };
const WRITERS = 6;

const REGISTER_PROVIDER = `mutation($input: RegisterProviderInput!) { registerProvider(input: $input) { provider { id } } }`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }`;
const SUBMIT = `mutation($id: ID!) { submitActivity(input: { id: $id }) { activity { id } } }`;
const PUBLISH = `mutation($id: ID!) { reviewActivity(input: { id: $id, decision: PUBLISH }) { activity { id } } }`;

/**
 * Up to ten sessions of one activity in one request, as aliases (the gateway's limit): one round
 * trip per activity instead of one per session.
 */
function scheduleSessions(activityId: string, sessions: PlannedActivity['sessions']) {
  const variables = sessions.map((_, i) => `$s${i}: ScheduleSessionInput!`).join(', ');
  const fields = sessions.map((_, i) => `s${i}: scheduleSession(input: $s${i}) { session { id } }`).join(' ');
  return {
    query: `mutation(${variables}) { ${fields} }`,
    variables: Object.fromEntries(sessions.map((session, i) => [`s${i}`, { activityId, ...session }])),
  };
}

export interface CatalogueDemoCounts {
  providers: number;
  published: number;
  underReview: number;
  sessions: number;
  bookings: CatalogueBookingsCounts;
}

/**
 * A catalogue worth browsing: the given register institutions and a few outside organisations
 * as providers, and a few hundred activities through the gateway as their providers would
 * enter them (create, submit; the fund publishes most and leaves some under review), with
 * sessions through the current and next semester, and bookings by demo schools
 * (catalogueBookingsDemo.ts). Runs only into an empty catalogue.
 */
export async function seedCatalogueDemo(api: DemoApi, institutionIds: readonly string[], today: string): Promise<CatalogueDemoCounts> {
  const none = { providers: 0, published: 0, underReview: 0, sessions: 0, bookings: { ...NO_BOOKINGS } };
  const existing = await api.call(FUND_ADMIN, '{ activities(first: 1) { totalCount } }');
  if (existing.activities.totalCount > 1) return none;

  const providerIds: string[] = [];
  await inParallel(
    [...institutionIds.map((institutionId) => ({ kind: 'INSTITUTION', institutionId })), ...OUTSIDE_PROVIDERS],
    WRITERS,
    async (input) => {
      // An institution is known to the catalogue only once the register's event has reached it.
      // One registered by an earlier version of the demo keeps its own activity and gets no more.
      const data = await api
        .whenKnown(() => api.call(FUND_ADMIN, REGISTER_PROVIDER, { input }))
        .catch((error: unknown) => {
          if (/already an activity provider/.test(String(error))) return undefined;
          throw error;
        });
      if (data) providerIds.push(data.registerProvider.provider.id);
    },
  );
  providerIds.sort();
  const plan = planCatalogueDemo(today, providerIds.length);
  const counts = { providers: providerIds.length, published: 0, underReview: 0, sessions: 0 };
  const bookable: BookableSession[] = [];
  await inParallel(plan, WRITERS, async (activity) => {
    const provider: Caller = { role: Role.PROVIDER, providerId: providerIds[activity.provider]!, subject: 'demo-seed' };
    const created = await api.call(provider, CREATE, { input: activity.input });
    const id: string = created.createActivity.activity.id;
    const sessions = activity.sessions.slice(0, 10);
    if (sessions.length > 0) {
      const { query, variables } = scheduleSessions(id, sessions);
      const scheduled = await api.call(provider, query, variables);
      counts.sessions += sessions.length;
      if (activity.status === 'PUBLISHED')
        sessions.forEach((session, i) =>
          bookable.push({
            id: scheduled[`s${i}`].session.id,
            day: session.startsAt.slice(0, 10),
            capacity: session.capacity,
            maxGroupSize: activity.input.maxGroupSize,
            gradeBands: activity.input.gradeBands,
          }),
        );
    }
    await api.call(provider, SUBMIT, { id });
    if (activity.status === 'SUBMITTED') {
      counts.underReview += 1;
      return;
    }
    await api.call(FUND_ADMIN, PUBLISH, { id });
    counts.published += 1;
  });
  bookable.sort((a, b) => a.id.localeCompare(b.id));
  return { ...counts, bookings: await seedCatalogueBookingsDemo(api, bookable, today) };
}
