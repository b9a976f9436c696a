import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { makeCloudEvent, Role, Topics, todayInLatvia, type Caller } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { icsInstant, parseIcs } from './icsCalendar';
import { eventually } from '../../../test/support/eventually';
import { registryInstitutionState } from '../../../test/support/fixtures';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { createCatalogue } from '../src';
import { semesterOf } from '../src/domain/semesters';
import {
  activityInput,
  answers,
  mutableOptions,
  BOOK_SESSION as BOOK,
  BOOKING,
  CALENDAR,
  CANCEL_BOOKING as CANCEL,
  CREATE_ACTIVITY as CREATE,
  ADD_FUND_PARTNERS as ADD_PARTNERS,
  FUND_BUDGET as BUDGET,
  SET_SEMESTER_BUDGETS as SET_BUDGETS,
  futureWednesday,
  RECORD_ATTENDANCE as ATTEND,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY as REVIEW,
  SCHEDULE_SESSION as SCHEDULE,
  SUBMIT_ACTIVITY as SUBMIT,
} from './catalogueOperations';

const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin' };
const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer' };
const providerCaller = (providerId: string): Caller => ({ role: Role.PROVIDER, providerId, subject: 'provider' });
const schoolCaller = (institutionId: string): Caller => ({
  role: Role.SCHOOL,
  institutionId,
  subject: `school-${institutionId.slice(0, 6)}`,
});

const DAY = 24 * 60 * 60 * 1000;

describe('catalogue: sessions, bookings, quota, money and attendance', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  let producer: Producer;
  let providerId: string;
  let activityId: string;
  let sessionStart: Date;
  let schoolYear: string;
  let semester: string;
  /** The catalogue's clock: the real time, unless a test moves it. */
  let now: Date | undefined;
  // The options object the running service reads: tests move its clock and, for the budget
  // refusal, its attendance budget (both are configuration).
  const options = mutableOptions(() => now ?? new Date());

  const { data, refusal } = answers(() => harness);

  async function send(topic: string, key: string, event: unknown): Promise<void> {
    await producer.send({ topic, messages: [{ key, value: JSON.stringify(event) }] });
  }

  /** An institution as the registry announces it. */
  async function announceInstitution(id: string, overrides: Record<string, unknown> = {}): Promise<void> {
    const status = (overrides.status as string) ?? 'ACTIVE';
    const type = status === 'ACTIVE' ? 'registry.institution.registered' : 'registry.institution.liquidated';
    const state = registryInstitutionState({
      id,
      name: `Skola ${id.slice(0, 4)}`,
      liquidatedOn: status === 'ACTIVE' ? null : '2025-06-30',
      ...overrides,
    });
    await send(
      Topics.registryInstitution,
      id,
      makeCloudEvent({ source: '/registry', type, subject: id, data: { state, changedFields: ['status'] } }),
    );
  }

  /** A learner-count report as the registry publishes it; every grade but `grade7` empty unless given. */
  async function announceLearnerCounts(
    institutionId: string,
    status: 'LOCKED' | 'APPROVED',
    counts: Record<string, number>,
    reportId: string = randomUUID(),
  ): Promise<string> {
    const full: Record<string, number> = { preschoolAge5: 0, preschoolAge6: 0 };
    for (let grade = 1; grade <= 12; grade += 1) full[`grade${grade}`] = 0;
    Object.assign(full, counts);
    const total = Object.values(full).reduce((sum, value) => sum + value, 0);
    const type = status === 'LOCKED' ? 'registry.learner-counts.locked' : 'registry.learner-counts.reopened';
    const state = {
      id: reportId,
      institutionId,
      schoolYear,
      asOf: `${schoolYear.slice(0, 4)}-09-01`,
      status,
      counts: full,
      total,
      approvedAt: null,
      lockedAt: null,
    };
    await send(
      Topics.registryLearnerCounts,
      reportId,
      makeCloudEvent({ source: '/registry', type, subject: reportId, data: { state, changedFields: ['status'] } }),
    );
    return reportId;
  }

  const lockedCount = async (institutionId: string) =>
    (
      await harness.service.db.query(
        `SELECT COUNT(*)::int AS n FROM learner_count_report WHERE institution_id = $1 AND status = 'LOCKED'`,
        [institutionId],
      )
    )[0].n;
  const knownInstitution = async (id: string) =>
    (await harness.service.db.query(`SELECT state->>'status' AS status FROM registry_institution WHERE id = $1`, [id]))[0]?.status ?? null;

  /** A school known from the register, with locked learner counts for the sessions' school year. */
  async function school(counts: Record<string, number> = { grade7: 50 }, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = randomUUID();
    await announceInstitution(id, overrides);
    await announceLearnerCounts(id, 'LOCKED', counts);
    await eventually(
      async () => (await knownInstitution(id)) === 'ACTIVE' && (await lockedCount(id)) === 1,
      (ready) => ready,
      { what: 'school replicated' },
    );
    return id;
  }

  async function publishedActivity(owner: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const input = activityInput(overrides);
    const { createActivity } = await data(CREATE, { input }, providerCaller(owner));
    await data(SUBMIT, { input: { id: createActivity.activity.id } }, providerCaller(owner));
    await data(REVIEW, { input: { id: createActivity.activity.id, decision: 'PUBLISH' } }, FUND_ADMIN);
    return createActivity.activity.id;
  }

  async function session(capacity: number, startsAt = sessionStart, activity = activityId, owner = providerId): Promise<string> {
    const { scheduleSession } = await data(
      SCHEDULE,
      { input: { activityId: activity, startsAt: startsAt.toISOString(), place: 'Rīga, Zinātnes iela 1', capacity } },
      providerCaller(owner),
    );
    return scheduleSession.session.id;
  }

  const book = (schoolId: string, sessionId: string, pupils: number, grade = 7) =>
    data(BOOK, { input: { sessionId, grade, pupils } }, schoolCaller(schoolId)).then((result) => result.bookSession.booking);
  const bookingCount = async () => (await harness.service.db.query('SELECT COUNT(*)::int AS n FROM booking'))[0].n as number;
  const fundTotals = async () => (await data(BUDGET, {}, FUND_ADMIN)).fundBudget;

  beforeAll(async () => {
    sessionStart = futureWednesday();
    ({ schoolYear, label: semester } = semesterOf(todayInLatvia(sessionStart)));
    harness = await startGatewayHarness(createCatalogue(options));
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.catalogueBooking, Topics.catalogueActivity]);
    producer = new Kafka({
      clientId: 'catalogue-bookings-test',
      brokers: harness.infrastructure.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    providerId = (await data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Zinātnes centrs' } }, FUND_ADMIN)).registerProvider
      .provider.id;
    activityId = await publishedActivity(providerId);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await harness?.close();
  });

  it('books a session, holds €10 per pupil, and turns attendance into cost (attended × €10)', async () => {
    const schoolId = await school();
    const sessionId = await session(30);
    const before = await fundTotals();
    const booking = await book(schoolId, sessionId, 20);
    expect(booking.status).toBe('CONFIRMED');
    expect(booking.semester).toBe(semester);
    expect(booking.committedCents).toBe(20 * 1000);
    expect([booking.session.freePlaces, booking.session.bookedPupils]).toStrictEqual([10, 20]);
    expect((await fundTotals()).committedCents).toBe(before.committedCents + 20_000);

    const early = await refusal(ATTEND, { input: { bookingId: booking.id, attendedPupils: 18 } }, providerCaller(providerId));
    expect(early.code).toBe('CONFLICT');
    now = new Date(sessionStart.getTime() + 60 * 60 * 1000);
    try {
      const other = await refusal(ATTEND, { input: { bookingId: booking.id, attendedPupils: 18 } }, providerCaller(randomUUID()));
      expect(other.code).toBe('FORBIDDEN');
      const tooMany = await refusal(ATTEND, { input: { bookingId: booking.id, attendedPupils: 21 } }, providerCaller(providerId));
      expect(tooMany.code).toBe('VALIDATION_FAILED');
      const attended = (await data(ATTEND, { input: { bookingId: booking.id, attendedPupils: 18 } }, providerCaller(providerId)))
        .recordAttendance.booking;
      expect([attended.status, attended.attendedPupils, attended.costCents, attended.committedCents]).toStrictEqual([
        'ATTENDED',
        18,
        18_000,
        0,
      ]);
    } finally {
      now = undefined;
    }
    const after = await fundTotals();
    expect(after.committedCents).toBe(before.committedCents);
    expect(after.spentCents).toBe(before.spentCents + 18_000);

    const events = await eventually(
      async () => recorder.eventsFor(Topics.catalogueBooking, [booking.id]),
      (found) => found.length >= 2,
      { what: 'booking events' },
    );
    expect(events.map((event) => event.type)).toStrictEqual(['catalogue.booking.confirmed', 'catalogue.booking.attended']);
    expect(events[1]!.data.state.costCents).toBe(18_000);
    expect(events[0]!.data.state.activityId).toBe(activityId);
    const budgets = (await data(BUDGET, { semester }, FUND_ADMIN)).fundBudget.schools;
    const mine = budgets.find((row: any) => row.institution.id === schoolId);
    expect([mine.learners, mine.allocationCents, mine.spentCents, mine.leftCents]).toStrictEqual([
      50,
      50 * 4 * 1000,
      18_000,
      50 * 4 * 1000 - 18_000,
    ]);
  });

  it('refuses bad input, a wrong grade band and a group larger than the session, storing nothing', async () => {
    const schoolId = await school();
    const sessionId = await session(12);
    const stored = await bookingCount();
    for (const [input, reason] of [
      [{ sessionId, grade: 7, pupils: 0 }, undefined],
      [{ sessionId, grade: 7, pupils: -3 }, undefined],
      [{ sessionId, grade: 13, pupils: 5 }, undefined],
      [{ sessionId, grade: 3, pupils: 5 }, 'GRADE_BAND_MISMATCH'],
      [{ sessionId, grade: 7, pupils: 13 }, 'GROUP_TOO_LARGE'],
    ] as const) {
      const extensions = await refusal(BOOK, { input }, schoolCaller(schoolId));
      expect(extensions.code).toBe('VALIDATION_FAILED');
      expect(extensions.reason).toBe(reason);
    }
    expect((await refusal(BOOK, { input: { sessionId: 'nope', grade: 7, pupils: 5 } }, schoolCaller(schoolId))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await refusal(BOOK, { input: { sessionId, grade: 7, pupils: 5 } }, OFFICER)).code).toBe('FORBIDDEN');
    const past = await refusal(
      SCHEDULE,
      { input: { activityId, startsAt: new Date(Date.now() - DAY).toISOString(), place: 'Rīga', capacity: 10 } },
      providerCaller(providerId),
    );
    expect(past.code).toBe('VALIDATION_FAILED');
    expect(
      (
        await refusal(
          SCHEDULE,
          { input: { activityId, startsAt: sessionStart.toISOString(), place: 'Rīga', capacity: 0 } },
          providerCaller(providerId),
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
    // The measure runs 2025–2028 (source 003): a session after it cannot be scheduled.
    const afterMeasure = await refusal(
      SCHEDULE,
      { input: { activityId, startsAt: '2029-01-15T08:00:00Z', place: 'Rīga', capacity: 10 } },
      providerCaller(providerId),
    );
    expect([afterMeasure.code, afterMeasure.reason]).toStrictEqual(['VALIDATION_FAILED', 'OUTSIDE_FUND_PERIOD']);
    expect(await bookingCount()).toBe(stored);
  });

  it('refuses a group larger than its grade in the locked counts, and takes one of the whole grade', async () => {
    const schoolId = await school({ grade5: 20 });
    const sessionId = await session(30, sessionStart, await publishedActivity(providerId, { gradeBands: ['GRADES_4_6'] }));
    const stored = await bookingCount();
    const refused = await refusal(BOOK, { input: { sessionId, grade: 5, pupils: 25 } }, schoolCaller(schoolId));
    expect([refused.code, refused.reason, refused.gradeLearners]).toStrictEqual(['VALIDATION_FAILED', 'GROUP_LARGER_THAN_GRADE', 20]);
    expect(await bookingCount()).toBe(stored);
    expect((await book(schoolId, sessionId, 20, 5)).status).toBe('CONFIRMED');
  });

  it('closes bookings five working days before the session', async () => {
    const schoolId = await school();
    const soon = new Date(Date.now() + 2 * DAY);
    const sessionId = await session(30, soon);
    const extensions = await refusal(BOOK, { input: { sessionId, grade: 7, pupils: 5 } }, schoolCaller(schoolId));
    expect(extensions.code).toBe('CONFLICT');
    expect(extensions.reason).toBe('BOOKING_CLOSED');
  });

  it('refuses a school that is not active or has no locked learner counts', async () => {
    const unknown = await refusal(BOOK, { input: { sessionId: await session(10), grade: 7, pupils: 5 } }, schoolCaller(randomUUID()));
    expect(unknown.code).toBe('NOT_FOUND');
    const noCounts = randomUUID();
    await announceInstitution(noCounts);
    await eventually(
      () => knownInstitution(noCounts),
      (status) => status === 'ACTIVE',
      { what: 'school replicated' },
    );
    const refused = await refusal(BOOK, { input: { sessionId: await session(10), grade: 7, pupils: 5 } }, schoolCaller(noCounts));
    expect(refused.reason).toBe('NO_LOCKED_LEARNER_COUNTS');
    const interest = randomUUID();
    await announceInstitution(interest, { type: 'INTEREST_EDUCATION' });
    await eventually(
      () => knownInstitution(interest),
      (status) => status === 'ACTIVE',
      { what: 'interest school replicated' },
    );
    expect((await refusal(BOOK, { input: { sessionId: await session(10), grade: 7, pupils: 5 } }, schoolCaller(interest))).code).toBe(
      'CONFLICT',
    );
  });

  it('keeps a grade within 4 funded activities per pupil per semester; cancellation gives the quota back', async () => {
    // 10 pupils in grade 7: at most 40 funded pupil-attendances this semester.
    const schoolId = await school({ grade7: 10, grade8: 40 });
    const first = await book(schoolId, await session(30), 10);
    for (const pupils of [10, 10, 8]) await book(schoolId, await session(30), pupils);
    const refused = await refusal(BOOK, { input: { sessionId: await session(30), grade: 7, pupils: 5 } }, schoolCaller(schoolId));
    expect(refused.code).toBe('QUOTA_EXCEEDED');
    expect(refused.reason).toBe('PUPIL_QUOTA_EXCEEDED');
    expect(refused.remaining).toBe(2);
    // Another grade of the same school has its own quota.
    expect((await book(schoolId, await session(30), 10, 8)).status).toBe('CONFIRMED');
    await data(CANCEL, { input: { id: first.id } }, schoolCaller(schoolId));
    expect((await book(schoolId, await session(30), 10)).status).toBe('CONFIRMED');
  });

  it("refuses what exceeds the school's allocation or the semester's budget", async () => {
    const schoolId = await school({ grade7: 10 });
    const sessionId = await session(30);
    // The activity keeps its €10 price; a later configuration of €5 halves the allocation
    // (10 learners × 4 × €5 = €200): two groups of 10 (€100 each) use it up, a third is refused
    // though the grade's quota (40 attendances) would still take it.
    options.fund.pricePerPupilCents = 500;
    try {
      for (let i = 0; i < 2; i++) expect((await book(schoolId, sessionId, 10)).status).toBe('CONFIRMED');
      const refused = await refusal(BOOK, { input: { sessionId, grade: 7, pupils: 10 } }, schoolCaller(schoolId));
      expect(refused.code).toBe('QUOTA_EXCEEDED');
      expect(refused.reason).toBe('SCHOOL_ALLOCATION_EXCEEDED');
    } finally {
      options.fund.pricePerPupilCents = 1000;
    }
    // FUND_ADMIN leaves the semester €50 more than its bookings hold: 6 pupils (€60) are refused, 5 fit to the cent.
    const semesterRow = async () => (await fundTotals()).semesters.find((row: { semester: string }) => row.semester === semester);
    const before = await semesterRow();
    await data(
      SET_BUDGETS,
      { input: { budgets: [{ semester, budgetCents: before.committedCents + before.spentCents + 5_000 }] } },
      FUND_ADMIN,
    );
    try {
      const refused = await refusal(BOOK, { input: { sessionId, grade: 7, pupils: 6 } }, schoolCaller(schoolId));
      expect(refused.code).toBe('QUOTA_EXCEEDED');
      expect(refused.reason).toBe('SEMESTER_BUDGET_EXCEEDED');
      expect(refused.semester).toBe(semester);
      expect((await book(schoolId, sessionId, 5)).status).toBe('CONFIRMED');
      expect((await semesterRow()).leftCents).toBe(0);
    } finally {
      await data(SET_BUDGETS, { input: { budgets: [{ semester, budgetCents: null }] } }, FUND_ADMIN);
    }
  });

  it('puts groups that do not fit on a waiting list and serves it in order when seats free up', async () => {
    const [a, b, c, d] = [await school(), await school(), await school(), await school()];
    const sessionId = await session(25);
    const first = await book(a, sessionId, 20);
    const waitingB = await book(b, sessionId, 10);
    const waitingC = await book(c, sessionId, 8);
    // Seats are free for D's group, but B and C are ahead of it.
    const waitingD = await book(d, sessionId, 3);
    expect([first.status, waitingB.status, waitingC.status, waitingD.status]).toStrictEqual(['CONFIRMED', 'WAITING', 'WAITING', 'WAITING']);
    expect([waitingB.waitingPosition, waitingC.waitingPosition, waitingD.waitingPosition]).toStrictEqual([1, 2, 3]);
    expect(waitingB.committedCents).toBe(0);

    const cancelled = (await data(CANCEL, { input: { id: first.id, reason: 'Klase slima' } }, schoolCaller(a))).cancelBooking.booking;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.committedCents).toBe(0);
    const statuses = await Promise.all(
      [waitingB, waitingC, waitingD].map(async (booking) => (await data(BOOKING, { id: booking.id }, OFFICER)).booking),
    );
    expect(statuses.map((booking) => booking.status)).toStrictEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect(statuses[0].session.freePlaces).toBe(4);
    expect((await refusal(CANCEL, { input: { id: waitingB.id } }, schoolCaller(a))).code).toBe('FORBIDDEN');

    const events = await eventually(
      async () => recorder.eventsFor(Topics.catalogueBooking, [waitingB.id]),
      (found) => found.length >= 2,
      { what: 'promotion event' },
    );
    expect(events.map((event) => event.type)).toStrictEqual(['catalogue.booking.waitlisted', 'catalogue.booking.promoted']);
  });

  // The two races below are decided in the subgraph, so they call it directly: 200 requests
  // queued behind one row lock can outlast the gateway's subgraph deadline on a loaded machine,
  // and an answer the gateway gave up on says nothing about whether the booking was made.
  it('never overbooks: 200 simultaneous requests for the last 10 seats confirm exactly 10 pupils', async () => {
    const schoolId = await school({ grade7: 200 });
    const sessionId = await session(30);
    await book(await school(), sessionId, 20);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => harness.direct(BOOK, { input: { sessionId, grade: 7, pupils: 1 } }, schoolCaller(schoolId))),
    );
    expect(results.filter((result) => result.errors?.length)).toStrictEqual([]);
    const statuses = results.map((result: any) => result.data.bookSession.booking.status);
    expect(statuses.filter((status) => status === 'CONFIRMED').length).toBe(10);
    expect(statuses.filter((status) => status === 'WAITING').length).toBe(190);
    const [row] = await harness.service.db.query(
      `SELECT s.booked_pupils, s.capacity, (SELECT COALESCE(SUM(pupils), 0)::int FROM booking WHERE session_id = s.id AND status = 'CONFIRMED') AS confirmed
       FROM activity_session s WHERE s.id = $1`,
      [sessionId],
    );
    expect(row).toStrictEqual({ booked_pupils: 30, capacity: 30, confirmed: 30 });
  });

  it("never overspends: concurrent requests for the last €100 of a school's allocation confirm exactly €100", async () => {
    // 10 learners → €400 a semester; €300 already held; 200 requests of one pupil (€10 each) race for the last €100.
    const schoolId = await school({ grade7: 10 });
    for (let i = 0; i < 3; i++) await book(schoolId, await session(30), 10);
    const sessionId = await session(300);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => harness.direct(BOOK, { input: { sessionId, grade: 7, pupils: 1 } }, schoolCaller(schoolId))),
    );
    const confirmed = results.filter((result: any) => result.data?.bookSession?.booking?.status === 'CONFIRMED').length;
    const refused = results.filter((result) => result.errors?.[0]?.extensions?.code === 'QUOTA_EXCEEDED').length;
    expect([confirmed, refused]).toStrictEqual([10, 190]);
    const [row] = await harness.service.db.query(`SELECT SUM(committed_cents)::int AS held FROM booking WHERE institution_id = $1`, [
      schoolId,
    ]);
    expect(row.held).toBe(400 * 100);
  });

  it('keeps seats, waiting lists and the fund ledger consistent when bookings, cancellations and promotions race', async () => {
    // Several schools book and cancel on three small sessions at once: cancellations promote
    // waiting groups of other schools, so every lock of the booking paths is taken in every
    // interleaving. None may deadlock (an unexpected error), and the totals must add up.
    const schoolIds = await Promise.all(Array.from({ length: 6 }, () => school({ grade7: 100 })));
    const sessionIds = [await session(12), await session(12), await session(12)];
    const first = await Promise.all(schoolIds.map((id, index) => book(id, sessionIds[index % 3]!, 4)));
    const requests = [
      ...first.map((booking, index) => harness.direct(CANCEL, { input: { id: booking.id } }, schoolCaller(schoolIds[index]!))),
      ...Array.from({ length: 60 }, (_, index) =>
        harness.direct(
          BOOK,
          { input: { sessionId: sessionIds[index % 3]!, grade: 7, pupils: 1 + (index % 4) } },
          schoolCaller(schoolIds[index % schoolIds.length]!),
        ),
      ),
    ];
    const results = await Promise.all(requests);
    expect(results.filter((result) => result.errors?.length)).toStrictEqual([]);

    const sessions = await harness.service.db.query(
      `SELECT s.booked_pupils, s.capacity,
              (SELECT COALESCE(SUM(pupils), 0)::int FROM booking WHERE session_id = s.id AND status = 'CONFIRMED') AS confirmed,
              (SELECT MIN(queue_seq) FROM booking WHERE session_id = s.id AND status = 'WAITING') AS first_waiting,
              (SELECT pupils FROM booking WHERE session_id = s.id AND status = 'WAITING' ORDER BY queue_seq LIMIT 1) AS first_waiting_pupils
       FROM activity_session s WHERE s.id = ANY($1)`,
      [sessionIds],
    );
    for (const row of sessions) {
      expect(row.booked_pupils).toBe(row.confirmed);
      assert.ok(row.booked_pupils <= row.capacity);
      // Nobody waits for seats that are free: the first waiting group is larger than what is left.
      if (row.first_waiting !== null) assert.ok(row.first_waiting_pupils > row.capacity - row.booked_pupils);
    }
    const [ledger] = await harness.service.db.query(
      `SELECT (SELECT SUM(committed_cents + spent_cents) FROM fund_semester_ledger)::bigint AS ledger,
              (SELECT COALESCE(SUM(committed_cents + cost_cents), 0) FROM booking)::bigint AS held`,
    );
    expect(ledger.ledger).toBe(ledger.held);
  });

  it("stops funding when a school's learner counts are reopened", async () => {
    const schoolId = randomUUID();
    await announceInstitution(schoolId);
    const reportId = await announceLearnerCounts(schoolId, 'LOCKED', { grade7: 30 });
    await eventually(
      () => lockedCount(schoolId),
      (count) => count === 1,
      { what: 'counts locked' },
    );
    await announceLearnerCounts(schoolId, 'APPROVED', { grade7: 30 }, reportId);
    await eventually(
      () => lockedCount(schoolId),
      (count) => count === 0,
      { what: 'counts reopened' },
    );
    expect((await refusal(BOOK, { input: { sessionId: await session(30), grade: 7, pupils: 5 } }, schoolCaller(schoolId))).reason).toBe(
      'NO_LOCKED_LEARNER_COUNTS',
    );
  });

  it('finds activities by session dates and free places, sorts them and counts facets over the filter', async () => {
    const first = await publishedActivity(providerId, {
      title: 'Zvaigžņu fizika A',
      fields: ['PHYSICS'],
      gradeBands: ['GRADES_4_6', 'GRADES_7_9'],
      planningRegion: 'KURZEME',
      municipality: 'Liepāja',
    });
    const second = await publishedActivity(providerId, {
      title: 'Zvaigžņu fizika B',
      fields: ['PHYSICS', 'MATHEMATICS'],
      gradeBands: ['GRADES_10_12'],
      planningRegion: 'LATGALE',
      municipality: 'Daugavpils',
    });
    const fullSession = await session(10, sessionStart, first);
    await session(30, new Date(sessionStart.getTime() + 14 * DAY), second);
    await book(await school(), fullSession, 10);
    const CATALOGUE = `query Q($filter: ActivityFilter, $sort: ActivitySort, $first: Int, $after: String) {
      activities(filter: $filter, sort: $sort, first: $first, after: $after) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
        facets { fields { value count } gradeBands { value count } planningRegions { value count } }
      } }`;
    const ids = (result: any) => result.activities.edges.map((edge: any) => edge.node.id);
    const all = await data(CATALOGUE, { filter: { search: 'zvaigznu fizika' } }, { role: Role.PUBLIC });
    expect(ids(all)).toStrictEqual([first, second]);
    expect(all.activities.facets).toStrictEqual({
      fields: [
        { value: 'PHYSICS', count: 2 },
        { value: 'MATHEMATICS', count: 1 },
      ],
      gradeBands: [
        { value: 'GRADES_10_12', count: 1 },
        { value: 'GRADES_4_6', count: 1 },
        { value: 'GRADES_7_9', count: 1 },
      ],
      planningRegions: [
        { value: 'KURZEME', count: 1 },
        { value: 'LATGALE', count: 1 },
      ],
    });
    const withRoom = await data(CATALOGUE, { filter: { search: 'zvaigznu fizika', minFreePlaces: 5 } }, { role: Role.PUBLIC });
    expect(ids(withRoom)).toStrictEqual([second]);
    expect(withRoom.activities.facets.fields).toStrictEqual([
      { value: 'MATHEMATICS', count: 1 },
      { value: 'PHYSICS', count: 1 },
    ]);
    // A facet filter narrows the page and the other facets, not its own facet's counts.
    const inLatgale = await data(CATALOGUE, { filter: { search: 'zvaigznu fizika', planningRegion: 'LATGALE' } }, { role: Role.PUBLIC });
    expect([ids(inLatgale), inLatgale.activities.totalCount]).toStrictEqual([[second], 1]);
    expect(inLatgale.activities.facets.planningRegions).toStrictEqual([
      { value: 'KURZEME', count: 1 },
      { value: 'LATGALE', count: 1 },
    ]);
    expect(inLatgale.activities.facets.gradeBands).toStrictEqual([{ value: 'GRADES_10_12', count: 1 }]);
    const soon = await data(
      CATALOGUE,
      { filter: { search: 'zvaigznu fizika', sessionsTo: new Date(sessionStart.getTime() + DAY).toISOString() } },
      { role: Role.PUBLIC },
    );
    expect(ids(soon)).toStrictEqual([first]);
    const newest = await data(CATALOGUE, { filter: { search: 'zvaigznu fizika' }, sort: 'NEWEST', first: 1 }, { role: Role.PUBLIC });
    expect(ids(newest)).toStrictEqual([second]);
    const next = await data(
      CATALOGUE,
      { filter: { search: 'zvaigznu fizika' }, sort: 'NEWEST', first: 1, after: newest.activities.pageInfo.endCursor },
      { role: Role.PUBLIC },
    );
    expect([ids(next), next.activities.pageInfo.hasNextPage]).toStrictEqual([[first], false]);
    // Soonest session first, an activity with nothing scheduled last; the cursor pages through all three.
    const unscheduled = await publishedActivity(providerId, { title: 'Zvaigžņu fizika C', fields: ['PHYSICS'] });
    const bySession: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await data(
        CATALOGUE,
        { filter: { search: 'zvaigznu fizika' }, sort: 'NEXT_SESSION', first: 1, after: cursor },
        { role: Role.PUBLIC },
      );
      bySession.push(...ids(page));
      cursor = page.activities.pageInfo.hasNextPage ? page.activities.pageInfo.endCursor : null;
    } while (cursor);
    expect(bySession).toStrictEqual([first, second, unscheduled]);
    expect((await refusal(CATALOGUE, { filter: { minFreePlaces: 0 } }, { role: Role.PUBLIC })).code).toBe('VALIDATION_FAILED');
  });

  it('reports participation against the 85% target and money per municipality for FUND_ADMIN', async () => {
    // A municipality name of this test's own: other test files' schools reach this read model
    // through the shared registry topics, and would add to a real municipality's figures.
    const municipality = `Ventspils ${randomUUID().slice(0, 8)}`;
    const place = { id: randomUUID(), address: 'Skolas iela 1, Ventspils', municipality, planningRegion: 'KURZEME' };
    const schoolId = await school({ grade7: 20 }, { planningRegion: 'KURZEME', implementationPlaces: [place] });
    // The indicators' base is the year's partner institutions (source 003).
    await data(ADD_PARTNERS, { input: { schoolYear, institutionIds: [schoolId] } }, FUND_ADMIN);
    const booking = await book(schoolId, await session(30), 20);
    now = new Date(sessionStart.getTime() + 2 * 60 * 60 * 1000);
    try {
      await data(ATTEND, { input: { bookingId: booking.id, attendedPupils: 18 } }, providerCaller(providerId));
    } finally {
      now = undefined;
    }
    const PARTICIPATION = `query P($year: String!, $by: AreaLevel!) { participation(schoolYear: $year, groupBy: $by) {
      key institution { id } schools participatingSchools learners participantsAtLeast participantsAtMost rateAtLeast rateAtMost targetRate targetMet
      projectWorkChoice { pupils influenced rate targetRate targetMet reportingSchools } } }`;
    const bySchool = (await data(PARTICIPATION, { year: schoolYear, by: 'SCHOOL' }, FUND_ADMIN)).participation;
    const mine = bySchool.find((row: any) => row.key === schoolId);
    expect(mine).toStrictEqual({
      key: schoolId,
      institution: { id: schoolId },
      schools: 1,
      participatingSchools: 1,
      learners: 20,
      participantsAtLeast: 18,
      participantsAtMost: 18,
      rateAtLeast: 0.9,
      rateAtMost: 0.9,
      targetRate: 0.85,
      targetMet: true,
      projectWorkChoice: { pupils: 0, influenced: 0, rate: 0, targetRate: 0.3, targetMet: false, reportingSchools: 0 },
    });
    const byMunicipality = (await data(PARTICIPATION, { year: schoolYear, by: 'MUNICIPALITY' }, FUND_ADMIN)).participation;
    expect(byMunicipality.find((row: any) => row.key === municipality).learners).toBe(20);
    const regions = (await data(PARTICIPATION, { year: schoolYear, by: 'PLANNING_REGION' }, FUND_ADMIN)).participation;
    assert.ok(regions.some((row: any) => row.key === 'KURZEME'));
    const BY_AREA = `query A($semester: String!, $by: AreaLevel!) { budgetByArea(semester: $semester, groupBy: $by) { key allocationCents committedCents spentCents leftCents } }`;
    const ventspils = (await data(BY_AREA, { semester, by: 'MUNICIPALITY' }, FUND_ADMIN)).budgetByArea.find(
      (row: any) => row.key === municipality,
    );
    expect(ventspils).toStrictEqual({
      key: municipality,
      allocationCents: 80_000,
      committedCents: 0,
      spentCents: 18_000,
      leftCents: 62_000,
    });
    expect((await refusal(PARTICIPATION, { year: schoolYear, by: 'SCHOOL' }, schoolCaller(schoolId))).code).toBe('FORBIDDEN');
    expect((await refusal(PARTICIPATION, { year: '2025-2026', by: 'SCHOOL' }, FUND_ADMIN)).code).toBe('VALIDATION_FAILED');
  });

  it('gives a school its bookings as an iCalendar feed that parses', async () => {
    const schoolId = await school();
    const first = await book(schoolId, await session(30), 12);
    const secondStart = new Date(sessionStart.getTime() + 7 * DAY);
    await book(schoolId, await session(30, secondStart), 8);
    const ics: string = (await data(CALENDAR, { id: schoolId }, schoolCaller(schoolId))).schoolBookingsCalendar;
    const calendar = parseIcs(ics);
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.properties.get('VERSION')).toStrictEqual(['2.0']);
    assert.ok(calendar.properties.get('PRODID')?.[0]);
    const events = calendar.components.filter((component) => component.name === 'VEVENT');
    expect(events.length).toBe(2);
    for (const event of events) {
      for (const property of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) expect(event.properties.get(property)?.length).toBe(1);
      assert.ok(icsInstant(event.properties.get('DTEND')![0]!) > icsInstant(event.properties.get('DTSTART')![0]!));
      expect(event.properties.get('SUMMARY')![0]).toBe('Robotika 7. klasei');
    }
    const starts = events.map((event) => icsInstant(event.properties.get('DTSTART')![0]!).getTime()).sort();
    expect(starts).toStrictEqual([sessionStart.getTime(), secondStart.getTime()]);
    assert.ok(events.some((event) => event.properties.get('UID')![0] === `${first.id}@catalogue`));
    expect((await refusal(CALENDAR, { id: schoolId }, schoolCaller(randomUUID()))).code).toBe('FORBIDDEN');

    const ENTITIES = `query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { id bookings { id pupils } } } }`;
    const representations = [{ __typename: 'Institution', id: schoolId }];
    // `_entities` is the subgraph's own federation entry point: asked directly, as the gateway does.
    const own = (await harness.direct(ENTITIES, { representations }, schoolCaller(schoolId))).data._entities[0].bookings;
    expect(own.map((booking: any) => booking.pupils)).toStrictEqual([8, 12]);
    expect((await harness.direct(ENTITIES, { representations }, { role: Role.PUBLIC })).data._entities[0].bookings).toStrictEqual([]);
  });
});
