import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, todayInLatvia, type Caller } from '@eq/shared';
import { createCatalogue } from '@eq/catalogue';
import { semestersOfPeriod } from '../services/catalogue/src/domain/semesterBudgets';
import { semesterOf } from '../services/catalogue/src/domain/semesters';
import {
  activityInput,
  ADD_FUND_PARTNERS,
  answers,
  BOOK_SESSION,
  CREATE_ACTIVITY,
  FUND_BUDGET,
  futureWednesday,
  mutableOptions,
  RECORD_ATTENDANCE,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SET_SEMESTER_BUDGETS,
  SUBMIT_ACTIVITY,
} from '../services/catalogue/test/catalogueOperations';
import { eventually } from './support/eventually';
import { reopenSchoolYearForADay } from './support/reopenSchoolYear';
import { institutionInput, REGISTER } from './support/fixtures';
import { startGatewayHarness, type GatewayHarness } from './support/gatewayHarness';

/*
 * The fund's money and indicators through the gateway, with the real registry behind it:
 * schools are registered and their learner counts approved and locked with the registry's own
 * mutations. Source 003: €34,009,600 (ESF+ €28,908,160, state €5,101,440), €27 million of it
 * for attending activities in 2025–2028, phased here into semester budgets; the indicators
 * (85 % take part, 30 % "Projekta darbs" choice, 50 % further-learning choice) count the
 * partner institutions.
 */

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-fund-e2e' };
const FUND_ADMIN: Caller = { role: Role.FUND_ADMIN, subject: 'fund-admin-e2e' };
const MUNICIPALITY: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-fund-e2e' };
const schoolCaller = (institutionId: string): Caller => ({
  role: Role.SCHOOL,
  institutionId,
  subject: `school-${institutionId.slice(0, 6)}`,
});
const providerCaller = (providerId: string): Caller => ({ role: Role.PROVIDER, providerId, subject: `provider-${providerId.slice(0, 6)}` });

const SHARE = 337_500_000; // €27,000,000 over the period's eight semesters

const FINANCING = `query Fin { fundBudget { totalCents financing { totalCents attendanceBudgetCents periodFrom periodTo sources { source labelLv amountCents } } } }`;
const REMOVE_PARTNERS = `mutation Rm($input: FundPartnersInput!) { removeFundPartners(input: $input) { schoolYear changed partners } }`;
const PARTNERS = `query Pa($year: String!) { fundPartners(schoolYear: $year) { institution { id name } schoolYear } }`;
const REPORT_CHOICES = `mutation Rep($input: ReportLearningChoicesInput!) { reportLearningChoices(input: $input) {
  report { institution { id } schoolYear secondaryPupils projectWorkInfluenced pupils furtherLearningInfluenced partner } } }`;
const CHOICE_REPORTS = `query Reps($year: String!) { learningChoiceReports(schoolYear: $year) { institution { id } partner pupils } }`;
const INDICATOR = 'pupils influenced rate targetRate targetMet reportingSchools';
const INDICATORS = `query Ind($year: String!, $by: AreaLevel!) { participation(schoolYear: $year, groupBy: $by) {
  key schools learners participantsAtLeast rateAtLeast targetRate targetMet
  projectWorkChoice { ${INDICATOR} } furtherLearningChoice { ${INDICATOR} } } }`;

describe("the fund's semester budgets and indicators through the gateway", () => {
  let harness: GatewayHarness;
  /** The catalogue's clock: the real time, unless a test moves it. */
  let now: Date | undefined;
  const options = mutableOptions(() => now ?? new Date());
  const sessionStart = futureWednesday();
  const { schoolYear, label: semester } = semesterOf(todayInLatvia(sessionStart));
  let partner: string;
  let outsider: string;
  let racers: string[];
  let providerId: string;
  let activityId: string;

  const { data, refusal } = answers(() => harness);

  /** A school registered in the register, with counts its founder approved (locked in `beforeAll`). */
  async function approvedSchool(name: string, counts: Record<string, number>): Promise<string> {
    const id = (await data(REGISTER, { input: institutionInput({ name, type: 'SECONDARY_SCHOOL' }) }, OFFICER)).registerInstitution
      .institution.id;
    const full = Object.fromEntries(
      ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)].map((key) => [key, counts[key] ?? 0]),
    );
    const saved = await data(
      'mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }',
      { input: { institutionId: id, schoolYear, counts: full } },
      schoolCaller(id),
    );
    const reportId = saved.saveLearnerCountReport.report.id;
    await data('mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { status } } }', { id: reportId }, schoolCaller(id));
    await data('mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { status } } }', { id: reportId }, MUNICIPALITY);
    return id;
  }

  const schedule = async (capacity: number) =>
    (
      await data(
        SCHEDULE_SESSION,
        { input: { activityId, startsAt: sessionStart.toISOString(), place: 'Rīga, Braslas iela 16', capacity } },
        providerCaller(providerId),
      )
    ).scheduleSession.session.id as string;
  const book = (school: string, sessionId: string, pupils: number) =>
    data(BOOK_SESSION, { input: { sessionId, grade: 11, pupils } }, schoolCaller(school)).then((result) => result.bookSession.booking);
  const semesterRow = async (label = semester) =>
    (await data(FUND_BUDGET, {}, FUND_ADMIN)).fundBudget.semesters.find((row: { semester: string }) => row.semester === label);
  const setBudgets = (budgets: Array<{ semester: string; budgetCents: number | null }>) => ({ input: { budgets } });

  beforeAll(async () => {
    harness = await startGatewayHarness(createCatalogue(options));
    await reopenSchoolYearForADay(data, schoolYear, OFFICER);
    partner = await approvedSchool('E2E fonda partneris', { grade10: 15, grade11: 20, grade12: 5, grade9: 40 });
    outsider = await approvedSchool('E2E ne-partneris', { grade11: 30 });
    racers = [];
    for (let i = 0; i < 4; i++) racers.push(await approvedSchool(`E2E sacīkšu skola ${i}`, { grade11: 100 }));
    await data('mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedReportCount } }', { year: schoolYear }, OFFICER);
    const ids = [partner, outsider, ...racers];
    await eventually(
      async () =>
        (
          await harness.service.db.query(
            `SELECT COUNT(DISTINCT l.institution_id)::int AS n FROM learner_count_report l JOIN registry_institution r ON r.id = l.institution_id
              WHERE l.status = 'LOCKED' AND l.institution_id = ANY($1)`,
            [ids],
          )
        )[0].n,
      (known) => known === ids.length,
      { what: 'the schools and their locked learner counts to reach the catalogue' },
    );
    providerId = (await data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Fonda zinātnes centrs' } }, FUND_ADMIN)).registerProvider
      .provider.id;
    activityId = (await data(CREATE_ACTIVITY, { input: activityInput({ gradeBands: ['GRADES_10_12'] }) }, providerCaller(providerId)))
      .createActivity.activity.id;
    await data(SUBMIT_ACTIVITY, { input: { id: activityId } }, providerCaller(providerId));
    await data(REVIEW_ACTIVITY, { input: { id: activityId, decision: 'PUBLISH' } }, FUND_ADMIN);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it("shows FUND_ADMIN the measure's total by source, the attendance budget and its default semester shares", async () => {
    const { fundBudget } = await data(FINANCING, {}, FUND_ADMIN);
    expect(fundBudget).toStrictEqual({
      totalCents: 2_700_000_000,
      financing: {
        totalCents: 3_400_960_000,
        attendanceBudgetCents: 2_700_000_000,
        periodFrom: '2025-01-01',
        periodTo: '2028-12-31',
        sources: [
          { source: 'ESF_PLUS', labelLv: 'Eiropas Sociālais fonds Plus (ESF Plus)', amountCents: 2_890_816_000 },
          { source: 'STATE_BUDGET', labelLv: 'Valsts budžeta (VB) līdzfinansējums', amountCents: 510_144_000 },
        ],
      },
    });
    const { semesters } = (await data(FUND_BUDGET, {}, FUND_ADMIN)).fundBudget;
    expect(semesters.map((row: any) => [row.semester, row.budgetCents, row.isDefault])).toStrictEqual(
      semestersOfPeriod().map((label) => [label, SHARE, true]),
    );
    expect((await refusal(FINANCING, {}, schoolCaller(partner))).code).toBe('FORBIDDEN');
  });

  it('lets FUND_ADMIN phase the attendance budget, never above it in sum nor below what a semester holds, storing nothing refused', async () => {
    const sessionId = await schedule(60);
    const booking = await book(partner, sessionId, 20);
    expect(booking.status).toBe('CONFIRMED');
    const before = await semesterRow();
    expect(before.committedCents).toBe(20_000);

    const below = await refusal(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents: 19_999 }]), FUND_ADMIN);
    expect([below.code, below.reason, below.usedCents]).toStrictEqual(['CONFLICT', 'BUDGET_BELOW_COMMITTED', 20_000]);
    const above = await refusal(SET_SEMESTER_BUDGETS, setBudgets([{ semester: '2027/2028-1', budgetCents: SHARE + 1 }]), FUND_ADMIN);
    expect([above.code, above.reason]).toStrictEqual(['VALIDATION_FAILED', 'SEMESTER_BUDGETS_ABOVE_ATTENDANCE_BUDGET']);
    // Refused as a whole: the first semester of the request is not changed either.
    const mixed = await refusal(
      SET_SEMESTER_BUDGETS,
      setBudgets([
        { semester: '2027/2028-2', budgetCents: 1_000 },
        { semester: '2029/2030-1', budgetCents: 1_000 },
      ]),
      FUND_ADMIN,
    );
    expect([mixed.code, mixed.reason]).toStrictEqual(['VALIDATION_FAILED', 'OUTSIDE_FUND_PERIOD']);
    expect((await semesterRow('2027/2028-2')).isDefault).toBe(true);
    // Hostile amounts and labels are client errors too.
    for (const budgets of [
      [{ semester, budgetCents: 1e300 }],
      [{ semester, budgetCents: -0.5 }],
      [{ semester: 'x'.repeat(10_000), budgetCents: 0 }],
    ]) {
      expect((await refusal(SET_SEMESTER_BUDGETS, setBudgets(budgets), FUND_ADMIN)).code).toBe('VALIDATION_FAILED');
    }
    expect((await refusal(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents: 30_000 }]), OFFICER)).code).toBe('FORBIDDEN');

    // Money moves from one semester to another in one request.
    const moved = (
      await data(
        SET_SEMESTER_BUDGETS,
        setBudgets([
          { semester: '2027/2028-1', budgetCents: SHARE + 50_000_000 },
          { semester: '2027/2028-2', budgetCents: SHARE - 50_000_000 },
        ]),
        FUND_ADMIN,
      )
    ).setSemesterBudgets.semesters;
    expect(moved.find((row: any) => row.semester === '2027/2028-1')).toMatchObject({ budgetCents: SHARE + 50_000_000, isDefault: false });
    await data(
      SET_SEMESTER_BUDGETS,
      setBudgets([
        { semester: '2027/2028-1', budgetCents: null },
        { semester: '2027/2028-2', budgetCents: null },
      ]),
      FUND_ADMIN,
    );

    // A semester's budget set to exactly what it holds takes no further booking.
    await data(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents: 20_000 }]), FUND_ADMIN);
    try {
      const refused = await refusal(BOOK_SESSION, { input: { sessionId, grade: 11, pupils: 1 } }, schoolCaller(partner));
      expect([refused.code, refused.reason, refused.semester, refused.leftCents]).toStrictEqual([
        'QUOTA_EXCEEDED',
        'SEMESTER_BUDGET_EXCEEDED',
        semester,
        0,
      ]);
    } finally {
      await data(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents: null }]), FUND_ADMIN);
    }
  });

  // Decided in the subgraph, so the requests go to it directly (as the catalogue's own races
  // do): 200 requests queued behind one row lock can outlast the gateway's subgraph deadline on
  // a loaded machine, and an abandoned answer says nothing about whether the booking was made.
  it('never overspends a semester: 200 simultaneous bookings by four schools for its last €100 confirm exactly €100', async () => {
    const sessionId = await schedule(400);
    const { committedCents, spentCents } = await semesterRow();
    const budgetCents = committedCents + spentCents + 10_000;
    await data(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents }]), FUND_ADMIN);
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          harness.direct(BOOK_SESSION, { input: { sessionId, grade: 11, pupils: 1 } }, schoolCaller(racers[index % racers.length]!)),
        ),
      );
      const confirmed = results.filter((result: any) => result.data?.bookSession?.booking?.status === 'CONFIRMED').length;
      const reasons = results.filter((result) => result.errors?.length).map((result) => result.errors![0]!.extensions?.reason);
      expect(confirmed).toBe(10);
      expect(reasons).toStrictEqual(Array.from({ length: 190 }, () => 'SEMESTER_BUDGET_EXCEEDED'));
      const row = await semesterRow();
      expect([row.committedCents + row.spentCents, row.leftCents]).toStrictEqual([budgetCents, 0]);
      const [held] = await harness.service.db.query(
        `SELECT COALESCE(SUM(committed_cents + cost_cents), 0)::bigint AS money FROM booking WHERE semester = $1`,
        [semester],
      );
      expect(Number(held.money)).toBe(budgetCents);
    } finally {
      await data(SET_SEMESTER_BUDGETS, setBudgets([{ semester, budgetCents: null }]), FUND_ADMIN);
    }
  });

  it('reports all three indicators of the partner institutions against 85 / 30 / 50 %', async () => {
    // Partners: FUND_ADMIN records them per school year; the register must know them.
    const added = await eventually(
      () => harness.request(ADD_FUND_PARTNERS, { input: { schoolYear, institutionIds: [partner, partner] } }, FUND_ADMIN),
      (response) => !response.errors,
      { what: 'the partner to be known to the catalogue' },
    );
    expect(added.data.addFundPartners).toStrictEqual({ schoolYear, changed: 1, partners: 1 });
    const unknown = await refusal(ADD_FUND_PARTNERS, { input: { schoolYear, institutionIds: [randomUUID()] } }, FUND_ADMIN);
    expect(unknown.code).toBe('NOT_FOUND');
    expect((await refusal(ADD_FUND_PARTNERS, { input: { schoolYear, institutionIds: [outsider] } }, schoolCaller(outsider))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(ADD_FUND_PARTNERS, { input: { schoolYear: '2031/2032', institutionIds: [outsider] } }, FUND_ADMIN)).reason).toBe(
      'OUTSIDE_FUND_PERIOD',
    );
    await data(ADD_FUND_PARTNERS, { input: { schoolYear, institutionIds: [outsider] } }, FUND_ADMIN);
    expect(
      (await data(REMOVE_PARTNERS, { input: { schoolYear, institutionIds: [outsider] } }, FUND_ADMIN)).removeFundPartners,
    ).toStrictEqual({
      schoolYear,
      changed: 1,
      partners: 1,
    });
    const partners = (await data(PARTNERS, { year: schoolYear }, OFFICER)).fundPartners;
    expect(partners).toStrictEqual([{ institution: { id: partner, name: 'E2E fonda partneris' }, schoolYear }]);

    // Participation: the partner's grade 11 (20 learners) attends with 18 of 20 booked.
    const booking = await book(partner, await schedule(30), 20);
    now = new Date(sessionStart.getTime() + 2 * 60 * 60 * 1000);
    try {
      await data(RECORD_ATTENDANCE, { input: { bookingId: booking.id, attendedPupils: 18 } }, providerCaller(providerId));
    } finally {
      now = undefined;
    }

    // Choices: the schools report their own counts; only the partner's count.
    const counts = { schoolYear, secondaryPupils: 40, projectWorkInfluenced: 14, pupils: 80, furtherLearningInfluenced: 36 };
    const reported = (await data(REPORT_CHOICES, { input: counts }, schoolCaller(partner))).reportLearningChoices.report;
    expect(reported).toMatchObject({ institution: { id: partner }, partner: true, projectWorkInfluenced: 14 });
    await data(REPORT_CHOICES, { input: { ...counts, projectWorkInfluenced: 40, furtherLearningInfluenced: 80 } }, schoolCaller(outsider));
    for (const [bad, field] of [
      [{ ...counts, projectWorkInfluenced: 41 }, 'projectWorkInfluenced'],
      [{ ...counts, pupils: -1 }, 'pupils'],
      [{ ...counts, secondaryPupils: 81 }, 'secondaryPupils'],
      [{ ...counts, furtherLearningInfluenced: 100_000 }, 'furtherLearningInfluenced'],
    ] as const) {
      const refused = await refusal(REPORT_CHOICES, { input: bad }, schoolCaller(partner));
      expect([refused.code, refused.field]).toStrictEqual(['VALIDATION_FAILED', field]);
    }
    expect((await refusal(REPORT_CHOICES, { input: counts }, FUND_ADMIN)).code).toBe('FORBIDDEN');
    const nextYear = `${Number(schoolYear.slice(0, 4)) + 1}/${Number(schoolYear.slice(0, 4)) + 2}`;
    expect((await refusal(REPORT_CHOICES, { input: { ...counts, schoolYear: nextYear } }, schoolCaller(partner))).code).toBe('CONFLICT');
    // FUND_ADMIN and OFFICER read every report, a school its own, nothing was stored by the refusals.
    const all = (await data(CHOICE_REPORTS, { year: schoolYear }, OFFICER)).learningChoiceReports;
    expect(all.map((report: any) => [report.institution.id, report.partner, report.pupils]).sort()).toStrictEqual(
      [
        [partner, true, 80],
        [outsider, false, 80],
      ].sort(),
    );
    expect((await data(CHOICE_REPORTS, { year: schoolYear }, schoolCaller(outsider))).learningChoiceReports).toHaveLength(1);
    expect((await refusal(CHOICE_REPORTS, { year: schoolYear }, providerCaller(providerId))).code).toBe('FORBIDDEN');

    const [country] = (await data(INDICATORS, { year: schoolYear, by: 'COUNTRY' }, FUND_ADMIN)).participation;
    expect(country).toStrictEqual({
      key: 'LV',
      schools: 1,
      learners: 80,
      participantsAtLeast: 18,
      rateAtLeast: 18 / 80,
      targetRate: 0.85,
      targetMet: false,
      projectWorkChoice: { pupils: 40, influenced: 14, rate: 0.35, targetRate: 0.3, targetMet: true, reportingSchools: 1 },
      furtherLearningChoice: { pupils: 80, influenced: 36, rate: 0.45, targetRate: 0.5, targetMet: false, reportingSchools: 1 },
    });
    const bySchool = (await data(INDICATORS, { year: schoolYear, by: 'SCHOOL' }, FUND_ADMIN)).participation;
    assert.ok(!bySchool.some((row: any) => row.key === outsider), 'a school that is not a partner is not in the base');
  });
});
