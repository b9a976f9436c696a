import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInLatvia, Topics } from '@eq/shared';
import { createRegistry } from '@eq/registry';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

/*
 * Learner counts against the deadline, through the gateway: the registry runs on a clock of the
 * test's, so "now" can be set either side of 5 September 23:59 Riga time, and its deadline job
 * runs every 100 ms, so the year locks by itself with no one's action.
 */

const clock = {
  instant: new Date('2025-09-02T09:00:00Z'),
  today() {
    return todayInLatvia(this.instant);
  },
  now() {
    return this.instant;
  },
};

const YEAR = '2025/2026';
const CESIS = 'Cēsu novads';
const GROUPS = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
const COUNTS = Object.fromEntries(GROUPS.map((group) => [group, 10]));

const SAVE = 'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id status } } }';
const CONFIRM = 'mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }';
const APPROVE = 'mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }';
const REPORT = 'query($id: ID!, $year: String!) { learnerCountReport(institutionId: $id, schoolYear: $year) { id status lockedAt } }';
const SCHOOL_YEAR = `query($year: String!) { learnerCountSchoolYear(schoolYear: $year) {
  schoolYear regularDeadline deadline acceptsChanges lockedAt reopenedUntil reopenReason } }`;
const REOPEN = `mutation($input: ReopenSchoolYearInput!) { reopenSchoolYear(input: $input) { schoolYear {
  deadline acceptsChanges lockedAt reopenedUntil reopenReason } } }`;
const LOCK =
  'mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedAt lockedReportCount unapproved { municipality reports { id } } } }';
const OVERVIEW = `query($municipality: String!, $year: String!) { municipalityLearnerCounts(municipality: $municipality, schoolYear: $year) {
  municipality schoolYear reportedTotal approvedTotal
  countsByStatus { missing draft confirmed approved locked }
  institutions { institution { id name } status report { id total } }
  submission { status reportCount total returnReason } } }`;
const SUBMISSION = 'submission { id municipality schoolYear status reportCount total sentAt decidedAt returnReason }';
const SEND = `mutation($input: LearnerCountSubmissionInput!) { sendLearnerCountsToMinistry(input: $input) { ${SUBMISSION} } }`;
const REOPEN_REPORT = 'mutation($id: ID!) { reopenLearnerCountReport(id: $id) { report { status } } }';
const ACCEPT = `mutation($input: LearnerCountSubmissionInput!) { acceptLearnerCountSubmission(input: $input) { ${SUBMISSION} } }`;
const RETURN = `mutation($input: ReturnLearnerCountSubmissionInput!) { returnLearnerCountSubmission(input: $input) { ${SUBMISSION} } }`;

describe('learner counts: the deadline, reopening, the municipality’s submission and its overview', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  const tokens = new Map<string, Promise<string>>();
  const token = (caller: Record<string, string>) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) tokens.set(key, stack.client.token(caller as never));
    return tokens.get(key)!;
  };
  const officer = () => token({ role: Role.OFFICER, subject: 'officer-deadline' });
  const cesis = () => token({ role: Role.MUNICIPALITY, municipality: CESIS, subject: 'cesis-board' });
  const riga = () => token({ role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-board' });
  const school = (institutionId: string) => token({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId.slice(0, 8)}` });

  const data = async (query: string, variables: Record<string, unknown>, as?: Promise<string>) =>
    stack.client.data(query, variables, as ? await as : undefined);
  /** The refusal's code and extensions (reason, field, …) for a call that must fail. */
  const refusal = async (query: string, variables: Record<string, unknown>, as?: Promise<string>) => {
    const response = await stack.client.request(query, variables, as ? await as : undefined);
    assert.ok(response.errors?.length, `expected a refusal, got ${JSON.stringify(response.data)}`);
    return response.errors[0]!.extensions as Record<string, unknown>;
  };

  const register = async (name: string, municipality: string) =>
    (
      await data(
        REGISTER,
        {
          input: institutionInput({
            name,
            type: 'BASIC_SCHOOL',
            founder: { kind: 'MUNICIPALITY', name: `${municipality} pašvaldība`, municipality },
            implementationPlaces: [{ address: `Skolas iela 1, ${municipality}`, municipality, planningRegion: 'VIDZEME' }],
          }),
        },
        officer(),
      )
    ).registerInstitution.institution.id as string;
  const save = (institutionId: string, counts = COUNTS) =>
    data(SAVE, { input: { institutionId, schoolYear: YEAR, counts } }, school(institutionId)).then(
      (d) => d.saveLearnerCountReport.report.id as string,
    );
  const status = async (institutionId: string) => (await data(REPORT, { id: institutionId, year: YEAR })).learnerCountReport?.status;
  const overview = async (as = cesis()) => (await data(OVERVIEW, { municipality: CESIS, year: YEAR }, as)).municipalityLearnerCounts;

  /** Cēsu novads: one approved, one confirmed, one draft, one without a report; one Rīga school in draft. */
  const ids: Record<'approved' | 'confirmed' | 'draft' | 'missing' | 'riga', string> = {} as never;
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startTestStack('learnercountdeadline', {
      definitions: { registry: createRegistry({ clock, learnerCountDeadlineIntervalMs: 100 }) as never },
    });
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.registryLearnerCounts]);
    ids.approved = await register('Cēsu Alfa pamatskola', CESIS);
    ids.confirmed = await register('Cēsu Beta pamatskola', CESIS);
    ids.draft = await register('Cēsu Gamma pamatskola', CESIS);
    ids.missing = await register('Cēsu Delta pamatskola', CESIS);
    ids.riga = await register('Rīgas Epsilon pamatskola', 'Rīga');
    for (const key of ['approved', 'confirmed', 'draft', 'riga'] as const) reports[key] = await save(ids[key]);
    await data(CONFIRM, { id: reports.approved }, school(ids.approved));
    await data(APPROVE, { id: reports.approved }, cesis());
    await data(CONFIRM, { id: reports.confirmed }, school(ids.confirmed));
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it("shows a founder every institution's status, MISSING included, with counts and totals, to it, the ministry and the fund only", async () => {
    const seen = await overview();
    expect(seen.institutions.map((line: any) => [line.institution.id, line.status])).toStrictEqual([
      [ids.approved, 'APPROVED'],
      [ids.confirmed, 'CONFIRMED'],
      [ids.missing, 'MISSING'],
      [ids.draft, 'DRAFT'],
    ]);
    expect(seen.institutions.find((line: any) => line.status === 'MISSING').report).toBeNull();
    expect(seen.countsByStatus).toStrictEqual({ missing: 1, draft: 1, confirmed: 1, approved: 1, locked: 0 });
    expect([seen.reportedTotal, seen.approvedTotal, seen.submission]).toStrictEqual([420, 140, null]);
    expect(await overview(officer())).toStrictEqual(seen);
    expect(await overview(token({ role: Role.FUND_ADMIN, subject: 'fund' }))).toStrictEqual(seen);

    expect((await refusal(OVERVIEW, { municipality: CESIS, year: YEAR }, riga())).code).toBe('FORBIDDEN');
    expect((await refusal(OVERVIEW, { municipality: CESIS, year: YEAR }, school(ids.approved))).code).toBe('FORBIDDEN');
    expect((await refusal(OVERVIEW, { municipality: CESIS, year: YEAR })).code).toBe('FORBIDDEN');
    const unknown = await refusal(OVERVIEW, { municipality: 'Atlantīda', year: YEAR }, officer());
    expect([unknown.code, unknown.field]).toStrictEqual(['VALIDATION_FAILED', 'municipality']);
    expect((await refusal(OVERVIEW, { municipality: CESIS, year: '2025-2026' }, officer())).code).toBe('VALIDATION_FAILED');
  });

  it('refuses to send the municipality’s data while a report is missing or not approved, naming them', async () => {
    const refused = await refusal(SEND, { input: { municipality: CESIS, schoolYear: YEAR } }, cesis());
    expect([refused.code, refused.reason]).toStrictEqual(['CONFLICT', 'REPORTS_NOT_APPROVED']);
    expect(new Set(refused.institutionIds as string[])).toStrictEqual(new Set([ids.confirmed, ids.draft, ids.missing]));
    expect((await refusal(SEND, { input: { municipality: CESIS, schoolYear: YEAR } }, riga())).code).toBe('FORBIDDEN');
    expect((await refusal(SEND, { input: { municipality: CESIS, schoolYear: YEAR } }, officer())).code).toBe('FORBIDDEN');
  });

  it('closes the year at 5 September 23:59 Riga time by itself: the job locks the approved reports, the rest are refused', async () => {
    const before = (await data(SCHOOL_YEAR, { year: YEAR })).learnerCountSchoolYear;
    expect(before).toStrictEqual({
      schoolYear: YEAR,
      regularDeadline: '2025-09-05T20:59:00.000Z',
      deadline: '2025-09-05T20:59:00.000Z',
      acceptsChanges: true,
      lockedAt: null,
      reopenedUntil: null,
      reopenReason: null,
    });

    clock.instant = new Date('2025-09-05T21:00:00Z');
    // No one locks: the deadline job does, and publishes the same `locked` event as lockSchoolYear.
    await eventually(
      () => status(ids.approved),
      (seen) => seen === 'LOCKED',
      { what: 'the deadline job to lock the approved report' },
    );
    const locked = await eventually(
      async () =>
        recorder.eventsFor(Topics.registryLearnerCounts, [reports.approved!]).filter((e) => e.type === 'registry.learner-counts.locked'),
      (events) => events.length === 1,
      { what: 'the locked event' },
    );
    expect(locked[0]!.data.state.status).toBe('LOCKED');
    const after = (await data(SCHOOL_YEAR, { year: YEAR })).learnerCountSchoolYear;
    expect(after.acceptsChanges).toBe(false);
    expect(after.lockedAt).toBe('2025-09-05T21:00:00.000Z');
    expect([await status(ids.confirmed), await status(ids.draft)]).toStrictEqual(['CONFIRMED', 'DRAFT']);

    // Nothing in the year may change now, whoever asks.
    const approveLate = await refusal(APPROVE, { id: reports.confirmed }, cesis());
    expect([approveLate.code, approveLate.reason]).toStrictEqual(['CONFLICT', 'YEAR_LOCKED']);
    expect((await refusal(CONFIRM, { id: reports.draft }, school(ids.draft))).reason).toBe('YEAR_LOCKED');
    expect(
      (await refusal(SAVE, { input: { institutionId: ids.missing, schoolYear: YEAR, counts: COUNTS } }, school(ids.missing))).reason,
    ).toBe('YEAR_LOCKED');
    // A year past its deadline refuses changes even where nothing was there to lock.
    const pastYear = await refusal(
      SAVE,
      { input: { institutionId: ids.missing, schoolYear: '2024/2025', counts: COUNTS } },
      school(ids.missing),
    );
    expect([pastYear.code, pastYear.reason, pastYear.deadline]).toStrictEqual(['CONFLICT', 'DEADLINE_PASSED', '2024-09-05T20:59:00.000Z']);

    // The ministry's manual lock still works, and answers with the job's lock.
    const manual = (await data(LOCK, { year: YEAR }, officer())).lockSchoolYear;
    expect([manual.lockedAt, manual.lockedReportCount]).toStrictEqual(['2025-09-05T21:00:00.000Z', 1]);
    expect(manual.unapproved).toStrictEqual([
      { municipality: CESIS, reports: expect.arrayContaining([{ id: reports.confirmed }, { id: reports.draft }]) },
      { municipality: 'Rīga', reports: [{ id: reports.riga }] },
    ]);
  });

  it('lets an OFFICER reopen the year until a new time, keeping locked reports locked, then closes it again by itself', async () => {
    const input = { schoolYear: YEAR, until: '2025-09-20T20:59:00Z', reason: 'Two Cēsu schools were late' };
    expect((await refusal(REOPEN, { input }, cesis())).code).toBe('FORBIDDEN');
    const past = await refusal(REOPEN, { input: { ...input, until: '2025-09-05T20:00:00Z' } }, officer());
    expect([past.code, past.field]).toStrictEqual(['VALIDATION_FAILED', 'until']);
    expect((await refusal(REOPEN, { input: { ...input, reason: ' x ' } }, officer())).field).toBe('reason');
    expect((await refusal(REOPEN, { input: { ...input, until: 'tomorrow' } }, officer())).code).toBe('VALIDATION_FAILED');

    const reopened = (await data(REOPEN, { input }, officer())).reopenSchoolYear.schoolYear;
    expect(reopened).toStrictEqual({
      deadline: '2025-09-20T20:59:00.000Z',
      acceptsChanges: true,
      lockedAt: null,
      reopenedUntil: '2025-09-20T20:59:00.000Z',
      reopenReason: 'Two Cēsu schools were late',
    });

    // Unapproved reports are completed and approved; the locked one stays locked.
    expect(
      (await refusal(SAVE, { input: { institutionId: ids.approved, schoolYear: YEAR, counts: COUNTS } }, school(ids.approved))).code,
    ).toBe('CONFLICT');
    expect(await status(ids.approved)).toBe('LOCKED');
    await data(APPROVE, { id: reports.confirmed }, cesis());
    await data(CONFIRM, { id: reports.draft }, school(ids.draft));
    await data(APPROVE, { id: reports.draft }, cesis());
    reports.missing = await save(ids.missing, { ...COUNTS, grade1: 30 });
    await data(CONFIRM, { id: reports.missing }, school(ids.missing));
    await data(APPROVE, { id: reports.missing }, cesis());
    await data(CONFIRM, { id: reports.riga }, school(ids.riga));
    await data(APPROVE, { id: reports.riga }, riga());

    // At the reopening's end the year closes and locks again, with no one's action.
    clock.instant = new Date('2025-09-20T21:00:00Z');
    await eventually(
      () => status(ids.riga),
      (seen) => seen === 'LOCKED',
      { what: 'the deadline job to lock the year again after the reopening' },
    );
    const closed = (await data(SCHOOL_YEAR, { year: YEAR })).learnerCountSchoolYear;
    expect([closed.acceptsChanges, closed.lockedAt, closed.deadline]).toStrictEqual([
      false,
      '2025-09-20T21:00:00.000Z',
      '2025-09-20T20:59:00.000Z',
    ]);
    expect((await refusal(SAVE, { input: { institutionId: ids.riga, schoolYear: YEAR, counts: COUNTS } }, school(ids.riga))).reason).toBe(
      'YEAR_LOCKED',
    );
  });

  it('takes the municipality’s data to the ministry, which returns it with a reason, then accepts it', async () => {
    // The job locked Cēsu's reports with the year; a founder's data is sent whole all the same.
    const input = { municipality: CESIS, schoolYear: YEAR };
    const sent = (await data(SEND, { input }, cesis())).sendLearnerCountsToMinistry.submission;
    expect(sent).toMatchObject({ municipality: CESIS, schoolYear: YEAR, status: 'SENT', reportCount: 4, total: 140 * 3 + 160 });
    expect((await refusal(SEND, { input }, cesis())).code).toBe('CONFLICT');
    expect((await refusal(ACCEPT, { input }, cesis())).code).toBe('FORBIDDEN');
    expect((await refusal(RETURN, { input: { ...input, reason: 'no' } }, officer())).field).toBe('reason');

    const returned = (await data(RETURN, { input: { ...input, reason: 'Grade 1 of Delta looks tripled' } }, officer()))
      .returnLearnerCountSubmission.submission;
    expect([returned.status, returned.returnReason]).toStrictEqual(['RETURNED', 'Grade 1 of Delta looks tripled']);
    expect((await refusal(ACCEPT, { input }, officer())).code).toBe('CONFLICT');
    expect((await data(SEND, { input }, cesis())).sendLearnerCountsToMinistry.submission.status).toBe('SENT');
    const accepted = (await data(ACCEPT, { input }, officer())).acceptLearnerCountSubmission.submission;
    expect([accepted.id, accepted.status, accepted.returnReason]).toStrictEqual([sent.id, 'ACCEPTED', null]);

    const seen = await overview();
    expect(seen.countsByStatus).toStrictEqual({ missing: 0, draft: 0, confirmed: 0, approved: 0, locked: 4 });
    expect(seen.submission).toStrictEqual({ status: 'ACCEPTED', reportCount: 4, total: 580, returnReason: null });

    const types = await eventually(
      async () => recorder.eventsFor(Topics.registryLearnerCounts, [sent.id]).map((event) => event.type),
      (found) => found.length === 4,
      { what: 'the submission events' },
    );
    expect(types).toStrictEqual([
      'registry.learner-counts.submission-sent',
      'registry.learner-counts.submission-returned',
      'registry.learner-counts.submission-sent',
      'registry.learner-counts.submission-accepted',
    ]);
  });

  it("locks a municipality's approved reports when the ministry accepts its data, not if one was reopened since sending", async () => {
    // The clock stands after the reopening's end: the ministry reopens the year once more.
    const until = '2025-09-30T20:59:00Z';
    await data(REOPEN, { input: { schoolYear: YEAR, until, reason: 'Valmiera asked for more time' } }, officer());
    const valmiera = () => token({ role: Role.MUNICIPALITY, municipality: 'Valmieras novads', subject: 'valmiera-board' });
    const institutionId = await register('Valmieras Zeta pamatskola', 'Valmieras novads');
    const id = await save(institutionId);
    await data(CONFIRM, { id }, school(institutionId));
    await data(APPROVE, { id }, valmiera());
    const input = { municipality: 'Valmieras novads', schoolYear: YEAR };
    const sent = (await data(SEND, { input }, valmiera())).sendLearnerCountsToMinistry.submission;

    // The founder cancelled its approval after sending: the ministry cannot accept that.
    await data(REOPEN_REPORT, { id }, valmiera());
    const refused = await refusal(ACCEPT, { input }, officer());
    expect([refused.code, refused.reason, refused.institutionIds]).toStrictEqual(['CONFLICT', 'REPORTS_NOT_APPROVED', [institutionId]]);

    await data(CONFIRM, { id }, school(institutionId));
    await data(APPROVE, { id }, valmiera());
    expect((await data(ACCEPT, { input }, officer())).acceptLearnerCountSubmission.submission.status).toBe('ACCEPTED');
    // Accepted means locked (source 002), before any deadline: final and funded.
    expect(await status(institutionId)).toBe('LOCKED');
    expect((await refusal(REOPEN_REPORT, { id }, valmiera())).code).toBe('CONFLICT');
    const types = await eventually(
      async () => recorder.eventsFor(Topics.registryLearnerCounts, [id, sent.id]).map((event) => event.type),
      (found) => found.includes('registry.learner-counts.submission-accepted') && found.includes('registry.learner-counts.locked'),
      { what: 'the acceptance and the lock it brings' },
    );
    expect(types.filter((type) => type === 'registry.learner-counts.locked')).toHaveLength(1);
  });
});
