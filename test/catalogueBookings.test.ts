import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, todayInLatvia, type Caller } from '@eq/shared';
import { createCatalogue, DEFAULT_CATALOGUE_OPTIONS } from '@eq/catalogue';
import { semesterOf } from '../services/catalogue/src/domain/semesters';
import {
  activityInput,
  answers,
  mutableOptions,
  BOOK_SESSION,
  BOOKING,
  CALENDAR,
  CANCEL_BOOKING,
  CREATE_ACTIVITY,
  FUND_BUDGET,
  futureWednesday,
  RECORD_ATTENDANCE,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SESSION,
  SUBMIT_ACTIVITY,
} from '../services/catalogue/test/catalogueOperations';
import { eventually } from './support/eventually';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startGatewayHarness, type GatewayHarness } from './support/gatewayHarness';
import { TopicRecorder } from './support/topicRecorder';

/*
 * The catalogue through the gateway with the real registry behind it: schools and provider
 * institutions are registered, their learner counts prepared, confirmed, approved and locked
 * with the registry's own mutations, and everything the catalogue knows of them arrives over
 * Kafka, as in production. Only the catalogue's clock is the test's (to record attendance after
 * a session) and its fund budget (to reach the end of it).
 */

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-e2e' };
const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin-e2e' };
const MUNICIPALITY: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-e2e' };
const schoolCaller = (institutionId: string): Caller => ({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId.slice(0, 6)}` });
const providerCaller = (providerId: string): Caller => ({ role: Role.PROVIDER, providerId, subject: `provider-${providerId.slice(0, 6)}` });

const DAY = 24 * 60 * 60 * 1000;
const GRADES = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];

/** An iCalendar component: its properties (name → values, in order) and its sub-components. */
interface IcsComponent {
  name: string;
  properties: Map<string, string[]>;
  components: IcsComponent[];
}

/**
 * Reads an iCalendar text by RFC 5545: CRLF line ends, unfolding (§3.1), content lines
 * `NAME[;PARAM=…]:VALUE`, and BEGIN/END nesting that must match. Throws on anything else.
 */
function parseIcs(text: string): IcsComponent {
  assert.ok(text.endsWith('\r\n'), 'the feed ends with CRLF');
  const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  const root: IcsComponent = { name: '', properties: new Map(), components: [] };
  const open: IcsComponent[] = [root];
  for (const line of lines) {
    const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    assert.ok(match, `not a content line: ${JSON.stringify(line)}`);
    const [, name, , value] = match;
    const current = open.at(-1)!;
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value!, properties: new Map(), components: [] };
      current.components.push(component);
      open.push(component);
    } else if (name === 'END') {
      expect(value).toBe(current.name);
      open.pop();
    } else {
      current.properties.set(name!, [...(current.properties.get(name!) ?? []), value!]);
    }
  }
  expect(open.length).toBe(1);
  expect(root.components.length).toBe(1);
  return root.components[0]!;
}

/** A DATE-TIME in UTC form (RFC 5545 §3.3.5), e.g. 20260107T080000Z. */
function icsInstant(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(match, `not a UTC date-time: ${value}`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

describe('catalogue end to end: the register, bookings, money and attendance through the gateway', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  let now = new Date();
  const options = mutableOptions(() => now);
  const sessionStart = futureWednesday();
  const { schoolYear, label: semester } = semesterOf(todayInLatvia(sessionStart));
  const schools: Record<'main' | 'second' | 'third' | 'small' | 'closing' | 'calendar', string> = {} as never;
  let providerInstitutionId: string;
  let providerId: string;
  let activityId: string;

  const { data, refusal } = answers(() => harness);

  const catalogueDb = () => harness.service.db;
  const count = async (table: 'booking' | 'activity' | 'activity_session') => (await catalogueDb().query(`SELECT COUNT(*)::int AS n FROM ${table}`))[0].n as number;

  /** Registers an institution in the registry (OFFICER) and returns its id. */
  async function registerInstitution(name: string): Promise<string> {
    return (await data(REGISTER, { input: institutionInput({ name, type: 'SECONDARY_SCHOOL' }) }, OFFICER)).registerInstitution.institution.id;
  }

  /** The school prepares and confirms its counts; its founder (Rīga) approves them. */
  async function approvedCounts(institutionId: string, perGrade: Record<string, number>): Promise<void> {
    const counts = Object.fromEntries(GRADES.map((key) => [key, perGrade[key] ?? 0]));
    const saved = await data(
      'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }',
      { input: { institutionId, schoolYear, counts } },
      schoolCaller(institutionId),
    );
    const id = saved.saveLearnerCountReport.report.id;
    await data('mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }', { id }, schoolCaller(institutionId));
    await data('mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }', { id }, MUNICIPALITY);
  }

  async function schedule(capacity: number, startsAt = sessionStart, activity = activityId, owner = providerId): Promise<string> {
    const input = { activityId: activity, startsAt: startsAt.toISOString(), place: 'Rīga, Braslas iela 16', capacity };
    return (await data(SCHEDULE_SESSION, { input }, providerCaller(owner))).scheduleSession.session.id;
  }

  async function publish(owner: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (await data(CREATE_ACTIVITY, { input: activityInput(overrides) }, providerCaller(owner))).createActivity.activity.id;
    await data(SUBMIT_ACTIVITY, { input: { id } }, providerCaller(owner));
    expect((await data(REVIEW_ACTIVITY, { input: { id, decision: 'PUBLISH' } }, FUND_ADMIN)).reviewActivity.activity.status).toBe('PUBLISHED');
    return id;
  }

  /** Registers the institution as a provider once the catalogue has learnt of it from the register. */
  async function institutionProvider(institutionId: string): Promise<string> {
    const registered = await eventually(
      () => harness.request(REGISTER_PROVIDER, { input: { kind: 'INSTITUTION', institutionId } }, FUND_ADMIN),
      (response) => !response.errors,
      { what: 'the catalogue to learn of the provider institution' },
    );
    return registered.data.registerProvider.provider.id;
  }

  const book = (school: string, sessionId: string, pupils: number, grade = 7) =>
    data(BOOK_SESSION, { input: { sessionId, grade, pupils } }, schoolCaller(school)).then((result) => result.bookSession.booking);
  const fund = async () => (await data(FUND_BUDGET, { semester }, FUND_ADMIN)).fundBudget;
  const bookingEvents = (ids: string[]) => recorder.eventsFor(Topics.catalogueBooking, ids);

  beforeAll(async () => {
    harness = await startGatewayHarness(createCatalogue(options));
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.catalogueBooking, Topics.catalogueActivity]);
    for (const key of Object.keys({ main: 0, second: 0, third: 0, small: 0, closing: 0, calendar: 0 }) as Array<keyof typeof schools>) {
      schools[key] = await registerInstitution(`E2E skola ${key}`);
      await approvedCounts(schools[key], { grade7: key === 'small' ? 5 : 60, grade3: 20 });
    }
    providerInstitutionId = await registerInstitution('E2E Tehnikums (pakalpojumu sniedzējs)');
    // After the deadline the ministry locks the year: registry.learner-counts.locked for each report.
    await data('mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedReportCount } }', { year: schoolYear }, OFFICER);
    const ids = Object.values(schools);
    await eventually(
      async () => (await catalogueDb().query(`SELECT COUNT(DISTINCT institution_id)::int AS n FROM learner_count_report WHERE status = 'LOCKED' AND institution_id = ANY($1)`, [ids]))[0].n,
      (locked) => locked === ids.length,
      { what: 'the locked learner counts to reach the catalogue' },
    );
    providerId = await institutionProvider(providerInstitutionId);
    activityId = await publish(providerId);
  });

  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('publishes, books, records attendance and costs attended pupils × €10, visible on the institution', async () => {
    const sessionId = await schedule(30);
    const before = await fund();
    const booking = await book(schools.main, sessionId, 25);
    expect([booking.status, booking.committedCents, booking.semester]).toStrictEqual(['CONFIRMED', 25_000, semester]);
    expect((await fund()).committedCents).toBe(before.committedCents + 25_000);

    // The registry's Institution carries the catalogue's bookings: one query, two subgraphs.
    const institution = (await data('query($id: ID!) { institution(id: $id) { name bookings { id status } } }', { id: schools.main }, schoolCaller(schools.main))).institution;
    expect(institution.name).toBe('E2E skola main');
    assert.ok(institution.bookings.some((row: any) => row.id === booking.id && row.status === 'CONFIRMED'));

    now = new Date(sessionStart.getTime() + 2 * 60 * 60 * 1000);
    try {
      const attended = (await data(RECORD_ATTENDANCE, { input: { bookingId: booking.id, attendedPupils: 23 } }, providerCaller(providerId))).recordAttendance.booking;
      expect([attended.status, attended.attendedPupils, attended.costCents, attended.committedCents]).toStrictEqual(['ATTENDED', 23, 23_000, 0]);
    } finally {
      now = new Date();
    }
    const after = await fund();
    expect([after.committedCents, after.spentCents]).toStrictEqual([before.committedCents, before.spentCents + 23_000]);
    const mine = after.schools.find((row: any) => row.institution.id === schools.main);
    expect([mine.learners, mine.allocationCents, mine.spentCents]).toStrictEqual([80, 80 * 4 * 1000, 23_000]);
    const events = await eventually(() => Promise.resolve(bookingEvents([booking.id])), (found) => found.length === 2, { what: 'booking events' });
    expect(events.map((event) => event.type)).toStrictEqual(['catalogue.booking.confirmed', 'catalogue.booking.attended']);
    expect(events[1]!.data.state.costCents).toBe(23_000);
  });

  it('refuses the grade quota, a group larger than the session, a wrong grade band, a closed session and an exhausted fund, each with its reason, storing nothing', async () => {
    const sessionId = await schedule(25);
    // "small" has 5 pupils in grade 7: 4 activities × 5 = 20 funded attendances this semester.
    await book(schools.small, sessionId, 20);
    const stored = await count('booking');
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ sessionId, grade: 7, pupils: 1 }, 'QUOTA_EXCEEDED', 'PUPIL_QUOTA_EXCEEDED'],
      [{ sessionId, grade: 7, pupils: 26 }, 'VALIDATION_FAILED', 'GROUP_TOO_LARGE'],
      [{ sessionId, grade: 3, pupils: 5 }, 'VALIDATION_FAILED', 'GRADE_BAND_MISMATCH'],
    ];
    for (const [input, code, reason] of refusals) {
      const school = reason === 'PUPIL_QUOTA_EXCEEDED' ? schools.small : schools.second;
      const extensions = await refusal(BOOK_SESSION, { input }, schoolCaller(school));
      expect([extensions.code, extensions.reason]).toStrictEqual([code, reason]);
    }
    // Bookings close 5 working days before the session (the head's approval deadline).
    const soon = await schedule(30, new Date(Date.now() + 2 * DAY));
    const closed = await refusal(BOOK_SESSION, { input: { sessionId: soon, grade: 7, pupils: 5 } }, schoolCaller(schools.second));
    expect([closed.code, closed.reason]).toStrictEqual(['CONFLICT', 'BOOKING_CLOSED']);
    // The fund's budget is never exceeded: with €50 left, a group of 6 (€60) is refused.
    const roomy = await schedule(30);
    const { committedCents, spentCents } = await fund();
    options.fund.attendanceBudgetCents = committedCents + spentCents + 5_000;
    try {
      const broke = await refusal(BOOK_SESSION, { input: { sessionId: roomy, grade: 7, pupils: 6 } }, schoolCaller(schools.second));
      expect([broke.code, broke.reason]).toStrictEqual(['QUOTA_EXCEEDED', 'FUND_BUDGET_EXCEEDED']);
      expect((await book(schools.second, roomy, 5)).status).toBe('CONFIRMED');
    } finally {
      options.fund.attendanceBudgetCents = DEFAULT_CATALOGUE_OPTIONS.fund.attendanceBudgetCents;
    }
    expect(await count('booking')).toBe(stored + 1);
  });

  it('refuses bad input with a typed error and stores nothing', async () => {
    const sessionId = await schedule(30);
    const [bookings, activities, sessions] = [await count('booking'), await count('activity'), await count('activity_session')];
    for (const pupils of [0, -4]) {
      expect((await refusal(BOOK_SESSION, { input: { sessionId, grade: 7, pupils } }, schoolCaller(schools.second))).code).toBe('VALIDATION_FAILED');
    }
    // Grade 13 is in no grade band (pre-school 0 to grade 12).
    expect((await refusal(BOOK_SESSION, { input: { sessionId, grade: 13, pupils: 5 } }, schoolCaller(schools.second))).code).toBe('VALIDATION_FAILED');
    const past = { activityId, startsAt: new Date(Date.now() - DAY).toISOString(), place: 'Rīga', capacity: 20 };
    expect((await refusal(SCHEDULE_SESSION, { input: past }, providerCaller(providerId))).code).toBe('VALIDATION_FAILED');
    expect((await refusal(CREATE_ACTIVITY, { input: activityInput({ fields: [] }) }, providerCaller(providerId))).code).toBe('VALIDATION_FAILED');
    // An unknown grade band is not a value of the schema's enum: refused before any resolver runs.
    const unknownBand = await harness.request(CREATE_ACTIVITY, { input: activityInput({ gradeBands: ['GRADES_13_15'] }) }, providerCaller(providerId));
    assert.ok(unknownBand.errors?.length);
    assert.ok(['BAD_USER_INPUT', 'VALIDATION_FAILED'].includes(unknownBand.errors[0]!.extensions?.code as string), JSON.stringify(unknownBand.errors));
    expect([await count('booking'), await count('activity'), await count('activity_session')]).toStrictEqual([bookings, activities, sessions]);
  });

  it('serves the waiting list in order when a confirmed booking is cancelled', async () => {
    const sessionId = await schedule(30);
    const first = await book(schools.main, sessionId, 20);
    const waitingA = await book(schools.second, sessionId, 12);
    const waitingB = await book(schools.third, sessionId, 9);
    expect([first.status, waitingA.status, waitingA.waitingPosition, waitingB.status, waitingB.waitingPosition]).toStrictEqual(['CONFIRMED', 'WAITING', 1, 'WAITING', 2]);

    const cancelled = (await data(CANCEL_BOOKING, { input: { id: first.id, reason: 'Ekskursija pārcelta' } }, schoolCaller(schools.main))).cancelBooking.booking;
    expect([cancelled.status, cancelled.committedCents]).toStrictEqual(['CANCELLED', 0]);
    const [a, b] = await Promise.all([waitingA, waitingB].map(async (booking) => (await data(BOOKING, { id: booking.id }, schoolCaller(booking === waitingA ? schools.second : schools.third))).booking));
    expect([a.status, a.committedCents, b.status, b.committedCents]).toStrictEqual(['CONFIRMED', 12_000, 'CONFIRMED', 9_000]);
    expect(a.session.freePlaces).toBe(30 - 21);
    const promoted = await eventually(() => Promise.resolve(bookingEvents([waitingA.id])), (found) => found.length === 2, { what: 'promotion event' });
    expect(promoted.map((event) => event.type)).toStrictEqual(['catalogue.booking.waitlisted', 'catalogue.booking.promoted']);
  });

  it("liquidating a school cancels its future bookings, releases their money, serves the waiting list and announces each booking", async () => {
    const [one, two] = [await schedule(20), await schedule(20, new Date(sessionStart.getTime() + 7 * DAY))];
    const doomed = [await book(schools.closing, one, 20), await book(schools.closing, two, 8)];
    const waiting = await book(schools.third, one, 15);
    const before = await fund();

    await data(LIQUIDATE, { input: { id: schools.closing, decision: { number: 'E2E-L-1', date: todayInLatvia() } } }, OFFICER);
    const cancelled = await eventually(
      () => Promise.all(doomed.map(async (booking) => (await data(BOOKING, { id: booking.id }, OFFICER)).booking)),
      (rows) => rows.every((row) => row.status === 'CANCELLED'),
      { what: "the liquidated school's bookings cancelled" },
    );
    assert.ok(cancelled.every((row) => /liquidated/.test(row.statusReason)));
    expect((await data(BOOKING, { id: waiting.id }, OFFICER)).booking.status).toBe('CONFIRMED');
    expect((await fund()).committedCents).toBe(before.committedCents - 28_000 + 15_000);
    const events = await eventually(() => Promise.resolve(bookingEvents(doomed.map((booking) => booking.id))), (found) => found.filter((event) => event.type === 'catalogue.booking.cancelled').length === 2, {
      what: 'a cancellation event per booking',
    });
    expect(new Set(events.filter((event) => event.type === 'catalogue.booking.cancelled').map((event) => event.subject))).toStrictEqual(new Set(doomed.map((booking) => booking.id)));
    const again = await refusal(BOOK_SESSION, { input: { sessionId: two, grade: 7, pupils: 1 } }, schoolCaller(schools.closing));
    expect(again.code).toBe('CONFLICT');
  });

  it("liquidating a provider institution withdraws its activities, cancels its future sessions and announces every booking affected", async () => {
    const institutionId = await registerInstitution('E2E Zinātnes centrs (likvidējams)');
    const ownerId = await institutionProvider(institutionId);
    const activity = await publish(ownerId, { title: 'Ķīmijas laboratorija' });
    const sessionIds = [await schedule(30, sessionStart, activity, ownerId), await schedule(30, new Date(sessionStart.getTime() + 7 * DAY), activity, ownerId)];
    const affected = [await book(schools.main, sessionIds[0]!, 10), await book(schools.second, sessionIds[0]!, 10), await book(schools.third, sessionIds[1]!, 5)];
    const before = await fund();

    await data(LIQUIDATE, { input: { id: institutionId, decision: { number: 'E2E-L-2', date: todayInLatvia() } } }, OFFICER);
    await eventually(
      () => Promise.all(sessionIds.map(async (id) => (await data(SESSION, { id }, OFFICER)).activitySession)),
      (sessions) => sessions.every((session) => session.status === 'CANCELLED' && session.bookedPupils === 0 && session.activity.status === 'WITHDRAWN'),
      { what: "the provider's sessions cancelled" },
    );
    for (const booking of affected) expect((await data(BOOKING, { id: booking.id }, OFFICER)).booking.status).toBe('CANCELLED');
    expect((await fund()).committedCents).toBe(before.committedCents - 25_000);
    const events = await eventually(
      () => Promise.resolve(bookingEvents(affected.map((booking) => booking.id)).filter((event) => event.type === 'catalogue.booking.cancelled')),
      (found) => found.length === affected.length,
      { what: 'a cancellation event per booking' },
    );
    expect(new Set(events.map((event) => event.subject))).toStrictEqual(new Set(affected.map((booking) => booking.id)));
    const activityEvents = await eventually(() => Promise.resolve(recorder.eventsFor(Topics.catalogueActivity, [activity])), (found) => found.filter((event) => event.type === 'catalogue.activity.session-cancelled').length === 2, {
      what: 'session-cancelled events',
    });
    assert.ok(activityEvents.some((event) => event.type === 'catalogue.activity.withdrawn'));
    const catalogue = await data('query($search: String) { activities(filter: { search: $search }) { totalCount } }', { search: 'kimijas laboratorija' }, FUND_ADMIN);
    expect(catalogue.activities.totalCount).toBe(0);
  });

  it("gives a school its bookings as an iCalendar feed that parses", async () => {
    const later = new Date(sessionStart.getTime() + 14 * DAY);
    const bookings = [await book(schools.calendar, await schedule(30), 12), await book(schools.calendar, await schedule(30, later), 8)];
    const ics: string = (await data(CALENDAR, { id: schools.calendar }, schoolCaller(schools.calendar))).schoolBookingsCalendar;
    const calendar = parseIcs(ics);
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.properties.get('VERSION')).toStrictEqual(['2.0']);
    assert.ok(calendar.properties.get('PRODID')?.[0]);
    const events = calendar.components.filter((component) => component.name === 'VEVENT');
    expect(events.length).toBe(2);
    for (const event of events) {
      for (const property of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) expect(event.properties.get(property)?.length).toBe(1);
      assert.ok(icsInstant(event.properties.get('DTEND')![0]!) > icsInstant(event.properties.get('DTSTART')![0]!));
    }
    const byUid = new Map(events.map((event) => [event.properties.get('UID')![0], event]));
    for (const [booking, start] of [[bookings[0], sessionStart], [bookings[1], later]] as const) {
      const event = byUid.get(`${booking.id}@catalogue`);
      assert.ok(event, `an event for booking ${booking.id}`);
      expect(icsInstant(event.properties.get('DTSTART')![0]!).getTime()).toBe(start.getTime());
      expect(event.properties.get('SUMMARY')![0]).toBe('Robotika 7. klasei');
    }
    expect((await refusal(CALENDAR, { id: schools.calendar }, schoolCaller(schools.main))).code).toBe('FORBIDDEN');
  });
});
