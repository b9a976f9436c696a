import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInLatvia, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { institutionInput } from '../../../test/support/fixtures';
import { startServiceHarness, type ServiceHarness } from '../../../test/support/serviceHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { createRegistry } from '../src/index';
import { learnerCountDeadlineJob } from '../src/jobs/learnerCountDeadlineJob';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const RIGA: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-education-board' };
const LIEPAJA: Caller = { role: Role.MUNICIPALITY, municipality: 'Liepāja', subject: 'liepaja-education-board' };
const schoolOf = (institutionId: string): Caller => ({ role: Role.SCHOOL, institutionId, subject: `school-${institutionId.slice(0, 8)}` });

/**
 * The registry's clock, moved by the tests: by default 2 September 2025, when 2024/2025 is past
 * its deadline, 2025/2026 takes reports until 5 September and 2026/2027 has not begun.
 */
const START = new Date('2025-09-02T09:00:00Z');
const clock = {
  instant: START,
  today() {
    return todayInLatvia(this.instant);
  },
  now() {
    return this.instant;
  },
};
const PAST_YEAR = '2024/2025';
const OPEN_YEAR = '2025/2026';
const FUTURE_YEAR = '2026/2027';

const GROUPS = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
/** 20 + 21 + … + 33 learners: every group distinct, so a swapped column would show. */
const COUNTS = Object.fromEntries(GROUPS.map((group, i) => [group, 20 + i]));
const COUNTS_TOTAL = GROUPS.reduce((sum, _group, i) => sum + 20 + i, 0);

const REPORT_FIELDS = /* GraphQL */ `
  fragment LearnerCountReportFields on LearnerCountReport {
    id
    schoolYear
    asOf
    status
    total
    confirmedAt
    approvedAt
    lockedAt
    updatedAt
    counts {
      preschoolAge5
      preschoolAge6
      grade1
      grade2
      grade3
      grade4
      grade5
      grade6
      grade7
      grade8
      grade9
      grade10
      grade11
      grade12
    }
    institution {
      id
      name
    }
  }
`;

const SAVE = /* GraphQL */ `
  mutation Save($input: SaveLearnerCountReportInput!) {
    saveLearnerCountReport(input: $input) {
      report {
        ...LearnerCountReportFields
      }
    }
  }
  ${REPORT_FIELDS}
`;
const CONFIRM = /* GraphQL */ `
  mutation Confirm($id: ID!) {
    confirmLearnerCountReport(id: $id) {
      report {
        ...LearnerCountReportFields
      }
    }
  }
  ${REPORT_FIELDS}
`;
const APPROVE = /* GraphQL */ `
  mutation Approve($id: ID!) {
    approveLearnerCountReport(id: $id) {
      report {
        ...LearnerCountReportFields
      }
    }
  }
  ${REPORT_FIELDS}
`;
const REOPEN = /* GraphQL */ `
  mutation Reopen($id: ID!) {
    reopenLearnerCountReport(id: $id) {
      report {
        ...LearnerCountReportFields
      }
    }
  }
  ${REPORT_FIELDS}
`;
const LOCK = /* GraphQL */ `
  mutation Lock($schoolYear: String!) {
    lockSchoolYear(schoolYear: $schoolYear) {
      schoolYear
      lockedAt
      deadline
      lockedReportCount
      unapproved {
        municipality
        reports {
          id
          status
        }
      }
    }
  }
`;
const REPORT = /* GraphQL */ `
  query Report($institutionId: ID!, $schoolYear: String!) {
    learnerCountReport(institutionId: $institutionId, schoolYear: $schoolYear) {
      ...LearnerCountReportFields
    }
  }
  ${REPORT_FIELDS}
`;
const INSTITUTION_COUNTS = /* GraphQL */ `
  query Counts($id: ID!, $schoolYear: String!) {
    institution(id: $id) {
      id
      learnerCounts(schoolYear: $schoolYear) {
        status
        total
        counts {
          grade1
          grade12
        }
      }
    }
  }
`;
const REGISTER = /* GraphQL */ `
  mutation LearnerCountsRegister($input: RegisterInstitutionInput!) {
    registerInstitution(input: $input) {
      institution {
        id
      }
    }
  }
`;
const LIQUIDATE = /* GraphQL */ `
  mutation LearnerCountsLiquidate($input: LiquidateInstitutionInput!) {
    liquidateInstitution(input: $input) {
      institution {
        id
        status
      }
    }
  }
`;

describe('learner-count reports', () => {
  let harness: ServiceHarness;
  let recorder: TopicRecorder;

  /** Calls the subgraph and fails the test on any error. */
  const data = async (query: string, variables: Record<string, unknown>, caller?: Caller) => {
    const response = await harness.request(query, variables, caller);
    expect(response.errors).toBe(undefined);
    return response.data;
  };
  /** Calls the subgraph and returns the error code of a refused call. */
  const refusal = async (query: string, variables: Record<string, unknown>, caller?: Caller) => {
    const response = await harness.request(query, variables, caller);
    assert.ok(response.errors?.length, `expected an error, got ${JSON.stringify(response.data)}`);
    return { code: response.errors[0]!.extensions?.code, message: response.errors[0]!.message, extensions: response.errors[0]!.extensions };
  };
  const register = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await data(REGISTER, { input: institutionInput({ name: 'Rīgas 64. vidusskola', type: 'SECONDARY_SCHOOL', ...overrides }) }, OFFICER))
      .registerInstitution.institution.id;
  const report = async (institutionId: string, schoolYear: string) =>
    (await data(REPORT, { institutionId, schoolYear })).learnerCountReport;

  beforeAll(async () => {
    harness = await startServiceHarness(createRegistry({ clock }));
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.registryLearnerCounts]);
  });
  afterEach(() => {
    clock.instant = START;
  });
  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('runs a report from preparation to lock and publishes its approval and lock; a locked report refuses every change', async () => {
    clock.instant = new Date('2024-09-02T09:00:00Z');
    const institutionId = await register();
    const school = schoolOf(institutionId);
    const save = (counts: Record<string, number>, caller: Caller = school) =>
      harness.request(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts } }, caller);

    // Only the institution itself prepares its report.
    expect((await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } })).code).toBe('FORBIDDEN');
    expect((await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } }, schoolOf(randomUUID()))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } }, RIGA)).code).toBe('FORBIDDEN');

    const prepared = (await save({ ...COUNTS, grade1: 99 })).data!.saveLearnerCountReport.report;
    expect(prepared.status).toBe('DRAFT');
    expect(prepared.asOf).toBe('2024-09-01');
    expect(prepared.institution.id).toBe(institutionId);
    const corrected = (await save(COUNTS)).data!.saveLearnerCountReport.report;
    expect(corrected.id).toBe(prepared.id);
    expect(corrected.counts).toStrictEqual(COUNTS);
    expect(corrected.total).toBe(COUNTS_TOTAL);

    // The founder cannot approve what the institution has not confirmed.
    expect((await refusal(APPROVE, { id: prepared.id }, RIGA)).code).toBe('CONFLICT');
    const confirmed = (await data(CONFIRM, { id: prepared.id }, school)).confirmLearnerCountReport.report;
    expect(confirmed.status).toBe('CONFIRMED');
    assert.ok(confirmed.confirmedAt);
    expect((await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } }, school)).code).toBe('CONFLICT');

    // Approval belongs to the founding municipality: not another one, not the ministry.
    const wrongMunicipality = await refusal(APPROVE, { id: prepared.id }, LIEPAJA);
    expect(wrongMunicipality.code).toBe('FORBIDDEN');
    expect(wrongMunicipality.message).toMatch(/municipality of Rīga/);
    expect((await refusal(APPROVE, { id: prepared.id }, OFFICER)).code).toBe('FORBIDDEN');
    const approved = (await data(APPROVE, { id: prepared.id }, RIGA)).approveLearnerCountReport.report;
    expect(approved.status).toBe('APPROVED');
    assert.ok(approved.approvedAt);
    const approvedEdit = await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } }, school);
    expect(approvedEdit.code).toBe('CONFLICT');
    expect(approvedEdit.message).toMatch(/founder must reopen it/);

    // Locking is the ministry's, and only after the deadline.
    expect((await refusal(LOCK, { schoolYear: PAST_YEAR }, RIGA)).code).toBe('FORBIDDEN');
    const early = await refusal(LOCK, { schoolYear: FUTURE_YEAR }, OFFICER);
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/only after its deadline, \d{4}-09-05 23:59 Europe\/Riga/);
    expect(early.extensions?.deadline).toBe('2026-09-05T20:59:00.000Z');
    expect((await refusal(LOCK, { schoolYear: '2024/2026' }, OFFICER)).code).toBe('VALIDATION_FAILED');

    // Another school confirmed its counts, but its founder never approved them: the lock leaves
    // that report out (unlocked, so unfunded) and names it under the municipality that had to approve.
    const unapprovedSchool = await register();
    const unapproved = (
      await data(SAVE, { input: { institutionId: unapprovedSchool, schoolYear: PAST_YEAR, counts: COUNTS } }, schoolOf(unapprovedSchool))
    ).saveLearnerCountReport.report;
    await data(CONFIRM, { id: unapproved.id }, schoolOf(unapprovedSchool));

    clock.instant = new Date('2024-09-10T09:00:00Z');
    const locked = (await data(LOCK, { schoolYear: PAST_YEAR }, OFFICER)).lockSchoolYear;
    expect(locked.schoolYear).toBe(PAST_YEAR);
    expect(locked.deadline).toBe('2024-09-05T20:59:00.000Z');
    expect(locked.lockedReportCount).toBe(1);
    expect(locked.unapproved).toStrictEqual([{ municipality: 'Rīga', reports: [{ id: unapproved.id, status: 'CONFIRMED' }] }]);
    expect((await report(unapprovedSchool, PAST_YEAR)).status).toBe('CONFIRMED');
    // Its year is locked all the same: the founder cannot approve it now.
    const lateApproval = await refusal(APPROVE, { id: unapproved.id }, RIGA);
    expect(lateApproval.code).toBe('CONFLICT');
    expect(lateApproval.message).toMatch(/was locked on/);
    expect(lateApproval.extensions?.reason).toBe('YEAR_LOCKED');
    const lockedReport = await report(institutionId, PAST_YEAR);
    expect(lockedReport.status).toBe('LOCKED');
    expect(lockedReport.approvedAt).toBe(approved.approvedAt);

    // After the lock: every change is a CONFLICT, for anyone, and nothing changes.
    const afterLock = await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: { ...COUNTS, grade5: 1 } } }, school);
    expect(afterLock.code).toBe('CONFLICT');
    expect(afterLock.message).toMatch(/locked/);
    for (const [mutation, caller] of [
      [CONFIRM, school],
      [APPROVE, RIGA],
      [REOPEN, RIGA],
      [REOPEN, school],
    ] as const) {
      expect((await refusal(mutation, { id: prepared.id }, caller)).code).toBe('CONFLICT');
    }
    // Locking again (by hand, or after the deadline job) answers with the same lock.
    const again = (await data(LOCK, { schoolYear: PAST_YEAR }, OFFICER)).lockSchoolYear;
    expect([again.lockedAt, again.lockedReportCount]).toStrictEqual([locked.lockedAt, 1]);
    expect(await report(institutionId, PAST_YEAR)).toStrictEqual(lockedReport);

    // Counts are public, also through the institution.
    const publicView = (await data(INSTITUTION_COUNTS, { id: institutionId, schoolYear: PAST_YEAR })).institution.learnerCounts;
    expect(publicView).toStrictEqual({ status: 'LOCKED', total: COUNTS_TOTAL, counts: { grade1: COUNTS.grade1, grade12: COUNTS.grade12 } });
    expect((await data(INSTITUTION_COUNTS, { id: institutionId, schoolYear: OPEN_YEAR })).institution.learnerCounts).toBe(null);

    const events = await eventually(
      async () => recorder.messages.filter((m) => m.topic === Topics.registryLearnerCounts && m.event.subject === prepared.id),
      (messages) => messages.length >= 2,
      { what: 'approved and locked events' },
    );
    expect(events.map((m) => m.event.type)).toStrictEqual(['registry.learner-counts.approved', 'registry.learner-counts.locked']);
    for (const { key, event } of events) {
      expect(key).toBe(prepared.id);
      expect(event.specversion).toBe('1.0');
      expect({
        institutionId: event.data.state.institutionId,
        schoolYear: event.data.state.schoolYear,
        counts: event.data.state.counts,
        total: event.data.state.total,
      }).toStrictEqual({ institutionId, schoolYear: PAST_YEAR, counts: COUNTS, total: COUNTS_TOTAL });
    }
    expect(events[0]!.event.data.state.status).toBe('APPROVED');
    expect(events[0]!.event.data.changedFields).toStrictEqual(['status', 'approvedAt']);
    expect(events[1]!.event.data.state.status).toBe('LOCKED');
    expect(events[1]!.event.data.state.approvedAt).toBe(approved.approvedAt);
    expect(events[1]!.event.data.changedFields).toStrictEqual(['status', 'lockedAt']);
  });

  it('refuses to start a report in a school year that is already locked', async () => {
    const institutionId = await register();
    const refused = await refusal(SAVE, { input: { institutionId, schoolYear: PAST_YEAR, counts: COUNTS } }, schoolOf(institutionId));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/School year 2024\/2025 was locked/);
    expect(await report(institutionId, PAST_YEAR)).toBe(null);
  });

  it('lets the founder reopen an approved report for correction, publishing the withdrawal of the approval', async () => {
    const institutionId = await register();
    const school = schoolOf(institutionId);
    const { id } = (await data(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: COUNTS } }, school)).saveLearnerCountReport
      .report;
    await data(CONFIRM, { id }, school);
    await data(APPROVE, { id }, RIGA);

    expect((await refusal(REOPEN, { id }, school)).code).toBe('FORBIDDEN');
    const reopened = (await data(REOPEN, { id }, RIGA)).reopenLearnerCountReport.report;
    expect([reopened.status, reopened.confirmedAt, reopened.approvedAt]).toStrictEqual(['DRAFT', null, null]);
    const fixed = (await data(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: { ...COUNTS, grade9: 0 } } }, school))
      .saveLearnerCountReport.report;
    expect(fixed.total).toBe(COUNTS_TOTAL - COUNTS.grade9!);

    // The school may also cancel its own confirmation before approval.
    await data(CONFIRM, { id }, school);
    expect((await data(REOPEN, { id }, school)).reopenLearnerCountReport.report.status).toBe('DRAFT');

    const types = await eventually(
      async () => recorder.eventsFor(Topics.registryLearnerCounts, [id]).map((e) => e.type),
      (seen) => seen.length >= 2,
      { what: 'approved and reopened events' },
    );
    expect(types).toStrictEqual(['registry.learner-counts.approved', 'registry.learner-counts.reopened']);
  });

  it('makes two simultaneous first saves one draft, the later one correcting it', async () => {
    const institutionId = await register();
    const school = schoolOf(institutionId);
    const saves = await Promise.all(
      [5, 6, 7, 8].map((grade1) => data(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: { ...COUNTS, grade1 } } }, school)),
    );
    const ids = new Set(saves.map((saved) => saved.saveLearnerCountReport.report.id));
    expect(ids.size).toBe(1);
    assert.ok([5, 6, 7, 8].includes((await report(institutionId, OPEN_YEAR)).counts.grade1));
  });

  it('has the ministry approve the report of a state-founded institution, not a municipality', async () => {
    const institutionId = await register({
      name: 'Rīgas Valsts 1. ģimnāzija',
      type: 'STATE_GYMNASIUM',
      founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
    });
    const school = schoolOf(institutionId);
    const { id } = (await data(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: COUNTS } }, school)).saveLearnerCountReport
      .report;
    await data(CONFIRM, { id }, school);
    expect((await refusal(APPROVE, { id }, RIGA)).code).toBe('FORBIDDEN');
    expect((await data(APPROVE, { id }, OFFICER)).approveLearnerCountReport.report.status).toBe('APPROVED');
  });

  it('refuses bad input and unknown or liquidated institutions with a typed error, storing nothing', async () => {
    const institutionId = await register();
    const school = schoolOf(institutionId);
    const save = (input: Record<string, unknown>, caller: Caller = school) =>
      refusal(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: COUNTS, ...input } }, caller);

    const negative = await save({ counts: { ...COUNTS, grade4: -1 } });
    expect([negative.code, negative.extensions?.field]).toStrictEqual(['VALIDATION_FAILED', 'counts.grade4']);
    expect((await save({ counts: { ...COUNTS, grade4: 50_000 } })).code).toBe('VALIDATION_FAILED');
    for (const schoolYear of ['2025-2026', '2025/2027', '1999/2000']) expect((await save({ schoolYear })).code).toBe('VALIDATION_FAILED');
    expect((await save({ schoolYear: FUTURE_YEAR })).code).toBe('VALIDATION_FAILED');
    expect((await refusal(REPORT, { institutionId: 'not-a-uuid', schoolYear: OPEN_YEAR })).code).toBe('VALIDATION_FAILED');
    expect((await refusal(CONFIRM, { id: randomUUID() }, school)).code).toBe('NOT_FOUND');
    expect(await report(institutionId, OPEN_YEAR)).toBe(null);

    const unknown = randomUUID();
    expect((await save({ institutionId: unknown }, schoolOf(unknown))).code).toBe('NOT_FOUND');

    await data(
      LIQUIDATE,
      { input: { id: institutionId, decision: { number: 'IKVD-2025/77', date: '2025-09-01', reason: 'Reorganisation' } } },
      OFFICER,
    );
    const liquidated = await save({});
    expect(liquidated.code).toBe('CONFLICT');
    expect(liquidated.message).toMatch(/liquidated/);
    expect(await report(institutionId, OPEN_YEAR)).toBe(null);
  });

  // Last: it locks OPEN_YEAR, which the tests above still change.
  it('has two instances running the deadline job at once lock a year once, with one locked event per report', async () => {
    const institutionId = await register();
    const school = schoolOf(institutionId);
    const { id } = (await data(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: COUNTS } }, school)).saveLearnerCountReport
      .report;
    await data(CONFIRM, { id }, school);
    await data(APPROVE, { id }, RIGA);

    clock.instant = new Date('2025-09-05T20:59:00Z');
    const job = learnerCountDeadlineJob({ clock, intervalMs: 60_000 });
    const deps = { db: harness.service.db, logger: harness.service.logger };
    await Promise.all([job.run(deps), job.run(deps)]);

    expect((await report(institutionId, OPEN_YEAR)).status).toBe('LOCKED');
    const [{ n }] = await harness.service.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE key = $1 AND payload->>'type' = 'registry.learner-counts.locked'`,
      [id],
    );
    expect(n).toBe(1);
    const refused = await refusal(SAVE, { input: { institutionId, schoolYear: OPEN_YEAR, counts: COUNTS } }, school);
    expect([refused.code, refused.extensions?.reason]).toStrictEqual(['CONFLICT', 'YEAR_LOCKED']);
  });
});
