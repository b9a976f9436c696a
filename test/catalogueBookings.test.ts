import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, todayInLatvia, type Caller } from '@eq/shared';
import { createCatalogue } from '@eq/catalogue';
import { headApprovalDueOn, parentsInformBy } from '../services/catalogue/src/domain/eventSafety';
import { semesterOf } from '../services/catalogue/src/domain/semesters';
import {
  activityInput,
  answers,
  mutableOptions,
  BOOK_SESSION,
  BOOKING,
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
import { reopenSchoolYearForADay } from './support/reopenSchoolYear';
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
const schoolCaller = (institutionId: string): Caller => ({
  role: Role.SCHOOL,
  institutionId,
  subject: `school-${institutionId.slice(0, 6)}`,
});
const providerCaller = (providerId: string): Caller => ({ role: Role.PROVIDER, providerId, subject: `provider-${providerId.slice(0, 6)}` });

const DAY = 24 * 60 * 60 * 1000;
const GRADES = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];

describe('catalogue end to end: the register, bookings, money and attendance through the gateway', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  /** The catalogue's clock: the real time, unless a test moves it. */
  let now: Date | undefined;
  const options = mutableOptions(() => now ?? new Date());
  const sessionStart = futureWednesday();
  const { schoolYear, label: semester } = semesterOf(todayInLatvia(sessionStart));
  const schools: Record<'main' | 'second' | 'third' | 'closing', string> = {} as never;
  /** A school whose counts were confirmed but never approved by its founder before the lock. */
  let unapprovedSchool: string;
  let providerInstitutionId: string;
  let providerId: string;
  let activityId: string;

  const { data, refusal } = answers(() => harness);

  const catalogueDb = () => harness.service.db;

  /** Registers an institution in the registry (OFFICER) and returns its id. */
  async function registerInstitution(name: string): Promise<string> {
    return (await data(REGISTER, { input: institutionInput({ name, type: 'SECONDARY_SCHOOL' }) }, OFFICER)).registerInstitution.institution
      .id;
  }

  /** The school prepares and confirms its counts; its founder (Rīga) approves them, unless told not to. */
  async function approvedCounts(institutionId: string, perGrade: Record<string, number>, { approve = true } = {}): Promise<void> {
    const counts = Object.fromEntries(GRADES.map((key) => [key, perGrade[key] ?? 0]));
    const saved = await data(
      'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }',
      { input: { institutionId, schoolYear, counts } },
      schoolCaller(institutionId),
    );
    const id = saved.saveLearnerCountReport.report.id;
    await data('mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }', { id }, schoolCaller(institutionId));
    if (approve) await data('mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }', { id }, MUNICIPALITY);
  }

  async function schedule(capacity: number, startsAt = sessionStart, activity = activityId, owner = providerId): Promise<string> {
    const input = { activityId: activity, startsAt: startsAt.toISOString(), place: 'Rīga, Braslas iela 16', capacity };
    return (await data(SCHEDULE_SESSION, { input }, providerCaller(owner))).scheduleSession.session.id;
  }

  async function publish(owner: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = (await data(CREATE_ACTIVITY, { input: activityInput(overrides) }, providerCaller(owner))).createActivity.activity.id;
    await data(SUBMIT_ACTIVITY, { input: { id } }, providerCaller(owner));
    expect((await data(REVIEW_ACTIVITY, { input: { id, decision: 'PUBLISH' } }, FUND_ADMIN)).reviewActivity.activity.status).toBe(
      'PUBLISHED',
    );
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
    await reopenSchoolYearForADay(data, schoolYear, OFFICER);
    for (const key of Object.keys({ main: 0, second: 0, third: 0, closing: 0 }) as Array<keyof typeof schools>) {
      schools[key] = await registerInstitution(`E2E skola ${key}`);
      await approvedCounts(schools[key], { grade7: 60, grade3: 20 });
    }
    unapprovedSchool = await registerInstitution('E2E skola bez apstiprinājuma');
    await approvedCounts(unapprovedSchool, { grade7: 60 }, { approve: false });
    providerInstitutionId = await registerInstitution('E2E Tehnikums (pakalpojumu sniedzējs)');
    // After the deadline the ministry locks the year: registry.learner-counts.locked for each approved report.
    const lock = await data(
      'mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedReportCount unapproved { municipality reports { institution { id } status } } } }',
      { year: schoolYear },
      OFFICER,
    );
    expect(lock.lockSchoolYear.unapproved).toStrictEqual([
      { municipality: 'Rīga', reports: [{ institution: { id: unapprovedSchool }, status: 'CONFIRMED' }] },
    ]);
    const ids = Object.values(schools);
    await eventually(
      async () =>
        (
          await catalogueDb().query(
            `SELECT COUNT(DISTINCT institution_id)::int AS n FROM learner_count_report WHERE status = 'LOCKED' AND institution_id = ANY($1)`,
            [ids],
          )
        )[0].n,
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

  it('funds only counts approved before the lock: a school whose report was only confirmed gets no allocation and cannot book', async () => {
    const sessionId = await schedule(30);
    const refused = await refusal(BOOK_SESSION, { input: { sessionId, grade: 7, pupils: 10 } }, schoolCaller(unapprovedSchool));
    expect([refused.code, refused.reason]).toStrictEqual(['CONFLICT', 'NO_LOCKED_LEARNER_COUNTS']);
    const { schools: funded } = await fund();
    expect(funded.some((row: any) => row.institution.id === unapprovedSchool)).toBe(false);
    expect((await book(schools.second, sessionId, 10)).status).toBe('CONFIRMED');
  });

  it('publishes, books, records attendance and costs attended pupils × €10, visible on the institution', async () => {
    const sessionId = await schedule(30);
    const before = await fund();
    const booking = await book(schools.main, sessionId, 25);
    expect([booking.status, booking.committedCents, booking.semester]).toStrictEqual(['CONFIRMED', 25_000, semester]);
    expect((await fund()).committedCents).toBe(before.committedCents + 25_000);

    // The registry's Institution carries the catalogue's bookings: one query, two subgraphs.
    const institution = (
      await data(
        'query($id: ID!) { institution(id: $id) { name bookings { id status } } }',
        { id: schools.main },
        schoolCaller(schools.main),
      )
    ).institution;
    expect(institution.name).toBe('E2E skola main');
    assert.ok(institution.bookings.some((row: any) => row.id === booking.id && row.status === 'CONFIRMED'));

    now = new Date(sessionStart.getTime() + 2 * 60 * 60 * 1000);
    try {
      const attended = (await data(RECORD_ATTENDANCE, { input: { bookingId: booking.id, attendedPupils: 23 } }, providerCaller(providerId)))
        .recordAttendance.booking;
      expect([attended.status, attended.attendedPupils, attended.costCents, attended.committedCents]).toStrictEqual([
        'ATTENDED',
        23,
        23_000,
        0,
      ]);
    } finally {
      now = undefined;
    }
    const after = await fund();
    expect([after.committedCents, after.spentCents]).toStrictEqual([before.committedCents, before.spentCents + 23_000]);
    const mine = after.schools.find((row: any) => row.institution.id === schools.main);
    expect([mine.learners, mine.allocationCents, mine.spentCents]).toStrictEqual([80, 80 * 4 * 1000, 23_000]);
    const events = await eventually(
      () => Promise.resolve(bookingEvents([booking.id])),
      (found) => found.length === 2,
      { what: 'booking events' },
    );
    expect(events.map((event) => event.type)).toStrictEqual(['catalogue.booking.confirmed', 'catalogue.booking.attended']);
    expect(events[1]!.data.state.costCents).toBe(23_000);
  });

  it("shows a school its own semester funding (allocation, money used, each grade's funded attendances left) and no one else's", async () => {
    const FUNDING = `query($id: ID!, $semester: String!) { institution(id: $id) { semesterFunding(semester: $semester) {
      semester allocationCents usedCents leftCents grades { grade learners fundedPupils remaining } } } }`;
    const funding = async (caller: Caller, id = schools.third) =>
      (await data(FUNDING, { id, semester }, caller)).institution.semesterFunding;
    const sessionId = await schedule(30);
    expect(
      (await data(SESSION.replace('status freePlaces', 'status semester freePlaces'), { id: sessionId }, OFFICER)).activitySession.semester,
    ).toBe(semester);
    const before = await funding(schoolCaller(schools.third));
    const grade7 = (view: any) => view.grades.find((row: any) => row.grade === 7);
    expect([before.semester, before.allocationCents, grade7(before).learners]).toStrictEqual([semester, 80 * 4 * 1000, 60]);
    expect(before.grades.map((row: any) => row.grade)).toStrictEqual([3, 7]);

    await book(schools.third, sessionId, 12);
    const after = await funding(schoolCaller(schools.third));
    expect([after.usedCents, after.leftCents, grade7(after).fundedPupils, grade7(after).remaining]).toStrictEqual([
      before.usedCents + 12_000,
      before.leftCents - 12_000,
      grade7(before).fundedPupils + 12,
      grade7(before).remaining - 12,
    ]);
    // The same numbers for the fund and the ministry; nothing for another school or the public.
    expect(await funding(FUND_ADMIN)).toStrictEqual(after);
    expect(await funding(OFFICER)).toStrictEqual(after);
    expect(await funding(schoolCaller(schools.main))).toBeNull();
    expect((await harness.request(FUNDING, { id: schools.third, semester })).data.institution.semesterFunding).toBeNull();
    // Without locked counts there is no allocation to show; a malformed semester is a client error.
    expect(await funding(schoolCaller(unapprovedSchool), unapprovedSchool)).toBeNull();
    const malformed = await refusal(FUNDING, { id: schools.third, semester: '2026-autumn' }, schoolCaller(schools.third));
    expect([malformed.code, malformed.field]).toStrictEqual(['VALIDATION_FAILED', 'semester']);
  });

  it("records the head's approval and the parents' notice for the booking school, shows them to the provider, and refuses each after its day", async () => {
    const sessionId = await schedule(30);
    const booking = await book(schools.third, sessionId, 12);
    const sessionDate = todayInLatvia(sessionStart);
    const dueOn = headApprovalDueOn(sessionDate, 'LATVIA');
    const informBy = parentsInformBy(sessionDate, 'AT_PROVIDER')!;
    const SAFETY = `query($id: ID!) { booking(id: $id) { headApprovalDueOn headApproval { approvedBy approvedOn } parentsInformBy parentsInformedOn } }`;
    expect((await data(SAFETY, { id: booking.id }, providerCaller(providerId))).booking).toStrictEqual({
      headApprovalDueOn: dueOn,
      headApproval: null,
      parentsInformBy: informBy,
      parentsInformedOn: null,
    });

    const approval = { bookingId: booking.id, approvedBy: 'Direktore Anna Kalniņa', approvedOn: todayInLatvia() };
    const APPROVE = `mutation($input: RecordHeadApprovalInput!) { recordHeadApproval(input: $input) { booking { headApproval { approvedBy approvedOn } } } }`;
    const INFORMED = `mutation($input: ConfirmParentsInformedInput!) { confirmParentsInformed(input: $input) { booking { parentsInformedOn } } }`;
    expect((await refusal(APPROVE, { input: approval }, schoolCaller(schools.second))).code).toBe('FORBIDDEN');
    expect((await data(APPROVE, { input: approval }, schoolCaller(schools.third))).recordHeadApproval.booking.headApproval).toStrictEqual({
      approvedBy: 'Direktore Anna Kalniņa',
      approvedOn: todayInLatvia(),
    });

    // The catalogue's clock moves past the head's day, but not past the parents' one (three calendar days before).
    const atNoon = (day: string) => new Date(`${day}T10:00:00Z`);
    const afterDue = new Date(atNoon(dueOn).getTime() + DAY);
    now = afterDue;
    try {
      const late = await refusal(APPROVE, { input: { ...approval, approvedOn: todayInLatvia(afterDue) } }, schoolCaller(schools.third));
      expect([late.code, late.reason, late.dueOn]).toStrictEqual(['CONFLICT', 'HEAD_APPROVAL_DEADLINE_PASSED', dueOn]);
      const informed = await data(
        INFORMED,
        { input: { bookingId: booking.id, informedOn: todayInLatvia(afterDue) } },
        schoolCaller(schools.third),
      );
      expect(informed.confirmParentsInformed.booking.parentsInformedOn).toBe(todayInLatvia(afterDue));
      now = new Date(atNoon(informBy).getTime() + DAY);
      const tooLate = await refusal(INFORMED, { input: { bookingId: booking.id, informedOn: informBy } }, schoolCaller(schools.third));
      expect([tooLate.code, tooLate.reason]).toStrictEqual(['CONFLICT', 'PARENTS_NOTICE_DEADLINE_PASSED']);
    } finally {
      now = undefined;
    }
    expect((await data(SAFETY, { id: booking.id }, providerCaller(providerId))).booking).toStrictEqual({
      headApprovalDueOn: dueOn,
      headApproval: { approvedBy: 'Direktore Anna Kalniņa', approvedOn: todayInLatvia() },
      parentsInformBy: informBy,
      parentsInformedOn: todayInLatvia(afterDue),
    });
    const events = await eventually(
      () => Promise.resolve(bookingEvents([booking.id])),
      (found) => found.length === 3,
      { what: "the booking's safety events" },
    );
    expect(events.map((event) => event.type)).toStrictEqual([
      'catalogue.booking.confirmed',
      'catalogue.booking.head-approved',
      'catalogue.booking.parents-informed',
    ]);
    expect(events[2]!.data.safety).toStrictEqual({
      headApprovalDueOn: dueOn,
      headApprovedOn: todayInLatvia(),
      parentsInformBy: informBy,
      parentsInformedOn: todayInLatvia(afterDue),
    });
    // The approver's name stays in the catalogue.
    expect(JSON.stringify(events)).not.toContain('Kalniņa');
  });

  it('liquidating a school cancels its future bookings, releases their money, serves the waiting list and announces each booking', async () => {
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
    const events = await eventually(
      () => Promise.resolve(bookingEvents(doomed.map((booking) => booking.id))),
      (found) => found.filter((event) => event.type === 'catalogue.booking.cancelled').length === 2,
      {
        what: 'a cancellation event per booking',
      },
    );
    expect(new Set(events.filter((event) => event.type === 'catalogue.booking.cancelled').map((event) => event.subject))).toStrictEqual(
      new Set(doomed.map((booking) => booking.id)),
    );
    const again = await refusal(BOOK_SESSION, { input: { sessionId: two, grade: 7, pupils: 1 } }, schoolCaller(schools.closing));
    expect(again.code).toBe('CONFLICT');
  });

  it('liquidating a provider institution withdraws its activities, cancels its future sessions and announces every booking affected', async () => {
    const institutionId = await registerInstitution('E2E Zinātnes centrs (likvidējams)');
    const ownerId = await institutionProvider(institutionId);
    const activity = await publish(ownerId, { title: 'Ķīmijas laboratorija' });
    const sessionIds = [
      await schedule(30, sessionStart, activity, ownerId),
      await schedule(30, new Date(sessionStart.getTime() + 7 * DAY), activity, ownerId),
    ];
    const affected = [
      await book(schools.main, sessionIds[0]!, 10),
      await book(schools.second, sessionIds[0]!, 10),
      await book(schools.third, sessionIds[1]!, 5),
    ];
    const before = await fund();

    await data(LIQUIDATE, { input: { id: institutionId, decision: { number: 'E2E-L-2', date: todayInLatvia() } } }, OFFICER);
    await eventually(
      () => Promise.all(sessionIds.map(async (id) => (await data(SESSION, { id }, OFFICER)).activitySession)),
      (sessions) =>
        sessions.every(
          (session) => session.status === 'CANCELLED' && session.bookedPupils === 0 && session.activity.status === 'WITHDRAWN',
        ),
      { what: "the provider's sessions cancelled" },
    );
    for (const booking of affected) expect((await data(BOOKING, { id: booking.id }, OFFICER)).booking.status).toBe('CANCELLED');
    expect((await fund()).committedCents).toBe(before.committedCents - 25_000);
    const events = await eventually(
      () =>
        Promise.resolve(
          bookingEvents(affected.map((booking) => booking.id)).filter((event) => event.type === 'catalogue.booking.cancelled'),
        ),
      (found) => found.length === affected.length,
      { what: 'a cancellation event per booking' },
    );
    expect(new Set(events.map((event) => event.subject))).toStrictEqual(new Set(affected.map((booking) => booking.id)));
    const activityEvents = await eventually(
      () => Promise.resolve(recorder.eventsFor(Topics.catalogueActivity, [activity])),
      (found) => found.filter((event) => event.type === 'catalogue.activity.session-cancelled').length === 2,
      {
        what: 'session-cancelled events',
      },
    );
    assert.ok(activityEvents.some((event) => event.type === 'catalogue.activity.withdrawn'));
    const catalogue = await data(
      'query($search: String) { activities(filter: { search: $search }) { totalCount } }',
      { search: 'kimijas laboratorija' },
      FUND_ADMIN,
    );
    expect(catalogue.activities.totalCount).toBe(0);
  });
});
