import { Role, Topics } from '@eq/shared';
import { activityInput } from '../../../services/catalogue/test/catalogueOperations';
import { eventually } from '../eventually';
import { lockLearnerCounts, registerInstitution } from './registry';
import type { EventScenario } from './scenario';

const REGISTER_PROVIDER = /* GraphQL */ `
  mutation ScenarioCatalogueRegisterProvider($input: RegisterProviderInput!) {
    registerProvider(input: $input) {
      provider {
        id
      }
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation ScenarioCatalogueCreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const SUBMIT = /* GraphQL */ `
  mutation ScenarioCatalogueSubmitActivity($input: SubmitActivityInput!) {
    submitActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const REVIEW = /* GraphQL */ `
  mutation ScenarioCatalogueReviewActivity($input: ReviewActivityInput!) {
    reviewActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ScenarioCatalogueWithdrawActivity($input: WithdrawActivityInput!) {
    withdrawActivity(input: $input) {
      activity {
        id
      }
    }
  }
`;
const SCHEDULE = /* GraphQL */ `
  mutation ScenarioCatalogueScheduleSession($input: ScheduleSessionInput!) {
    scheduleSession(input: $input) {
      session {
        id
      }
    }
  }
`;
const BOOK = /* GraphQL */ `
  mutation ScenarioCatalogueBookSession($input: BookSessionInput!) {
    bookSession(input: $input) {
      booking {
        id
        status
      }
    }
  }
`;
const CANCEL = /* GraphQL */ `
  mutation ScenarioCatalogueCancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      booking {
        id
      }
    }
  }
`;
const ATTEND = /* GraphQL */ `
  mutation ScenarioCatalogueRecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      booking {
        id
        status
      }
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation ScenarioCatalogueRecordHeadApproval($input: RecordHeadApprovalInput!) {
    recordHeadApproval(input: $input) {
      booking {
        id
      }
    }
  }
`;
const PARENTS_INFORMED = /* GraphQL */ `
  mutation ScenarioCatalogueConfirmParentsInformed($input: ConfirmParentsInformedInput!) {
    confirmParentsInformed(input: $input) {
      booking {
        id
      }
    }
  }
`;
const BOOKING = /* GraphQL */ `
  query ScenarioCatalogueBooking($id: ID!) {
    booking(id: $id) {
      status
    }
  }
`;

const SET_BUDGETS = /* GraphQL */ `
  mutation ScenarioCatalogueSetSemesterBudgets($input: SetSemesterBudgetsInput!) {
    setSemesterBudgets(input: $input) {
      semesters {
        semester
      }
    }
  }
`;
const ADD_PARTNERS = /* GraphQL */ `
  mutation ScenarioCatalogueAddFundPartners($input: FundPartnersInput!) {
    addFundPartners(input: $input) {
      partners
    }
  }
`;
const REPORT_CHOICES = /* GraphQL */ `
  mutation ScenarioCatalogueReportLearningChoices($input: ReportLearningChoicesInput!) {
    reportLearningChoices(input: $input) {
      report {
        partner
      }
    }
  }
`;

/** The catalogue service's clock in this scenario (its definition reads `now`); moved past a session to record attendance. */
export const catalogueClock = { now: new Date('2025-10-01T08:00:00Z') };

/** Wednesdays at 10:00 in Riga, in the 2025/2026 school year's first semester. */
const FIRST = '2025-11-12T08:00:00.000Z';
const SECOND = '2025-11-19T08:00:00.000Z';
const LATER = '2025-12-10T08:00:00.000Z';

export const catalogueScenario: EventScenario = async (context) => {
  const fundAdmin = await context.tokenFor({ role: Role.FUND_ADMIN, subject: 'fund-asyncapi' });
  const [first, second] = [
    await registerInstitution(context, { type: 'BASIC_SCHOOL' }),
    await registerInstitution(context, { type: 'BASIC_SCHOOL' }),
  ];
  await lockLearnerCounts(context, '2025/2026', [first.id, second.id]);
  const schools = await Promise.all(
    [first, second].map(({ id }) => context.tokenFor({ role: Role.SCHOOL, institutionId: id, subject: `school-${id.slice(0, 8)}` })),
  );

  const providerId = (await context.data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Zinātnes centrs' } }, fundAdmin))
    .registerProvider.provider.id as string;
  const provider = await context.tokenFor({ role: Role.PROVIDER, providerId, subject: 'provider-asyncapi' });
  const activity = (await context.data(CREATE, { input: activityInput() }, provider)).createActivity.activity.id as string;
  await context.data(SUBMIT, { input: { id: activity } }, provider);
  await context.data(
    REVIEW,
    { input: { id: activity, decision: 'RETURN', reason: 'Name the equipment the school must bring' } },
    fundAdmin,
  );
  await context.data(SUBMIT, { input: { id: activity } }, provider);
  await context.data(REVIEW, { input: { id: activity, decision: 'PUBLISH' } }, fundAdmin);

  const schedule = async (startsAt: string, capacity: number) =>
    (await context.data(SCHEDULE, { input: { activityId: activity, startsAt, place: 'Rīga, Zinātnes iela 1', capacity } }, provider))
      .scheduleSession.session.id as string;
  const book = async (school: string, sessionId: string, grade: number, pupils: number) =>
    (await context.data(BOOK, { input: { sessionId, grade, pupils } }, school)).bookSession.booking.id as string;

  // A full session: the second school waits, and gets the places the first school releases.
  const full = await schedule(FIRST, 20);
  // The catalogue learns the schools' locked learner counts from the registry's topic.
  const cancelled = await eventually(
    () => context.client.request(BOOK, { input: { sessionId: full, grade: 7, pupils: 20 } }, schools[0]),
    (r) => !r.errors,
    {
      what: "the catalogue to know the first school's learner counts",
    },
  ).then((response) => response.data.bookSession.booking.id as string);
  const promoted = await eventually(
    () => context.client.request(BOOK, { input: { sessionId: full, grade: 7, pupils: 10 } }, schools[1]),
    (r) => !r.errors,
    {
      what: "the catalogue to know the second school's learner counts",
    },
  ).then((response) => response.data.bookSession.booking.id as string);
  await context.data(CANCEL, { input: { id: cancelled, reason: 'The class is ill' } }, schools[0]);
  await eventually(
    () => context.data(BOOKING, { id: promoted }, schools[1]),
    (found) => found.booking.status === 'CONFIRMED',
    { what: 'the waiting booking promoted' },
  );

  // One group comes, one does not.
  const attendedSession = await schedule(SECOND, 30);
  const attended = await book(schools[0]!, attendedSession, 7, 10);
  const noShow = await book(schools[0]!, attendedSession, 8, 5);
  // The school records its head's approval and the parents' notice while both are still due.
  const today = catalogueClock.now.toISOString().slice(0, 10);
  await context.data(APPROVE, { input: { bookingId: attended, approvedBy: 'Direktors (demo)', approvedOn: today } }, schools[0]!);
  await context.data(PARENTS_INFORMED, { input: { bookingId: attended, informedOn: today } }, schools[0]!);
  catalogueClock.now = new Date(Date.parse(SECOND) + 2 * 60 * 60 * 1000);
  await context.data(ATTEND, { input: { bookingId: attended, attendedPupils: 9 } }, provider);
  await context.data(ATTEND, { input: { bookingId: noShow, attendedPupils: 0 } }, provider);

  // Withdrawing the activity cancels its future session.
  await schedule(LATER, 30);
  await context.data(WITHDRAW, { input: { id: activity, reason: 'The museum closes for renovation' } }, provider);

  // The fund: a semester's budget set (to its even share, so the sum stays within €27 million),
  // a partner recorded, and that school's learning choices reported.
  await context.data(SET_BUDGETS, { input: { budgets: [{ semester: '2026/2027-1', budgetCents: 337_500_000 }] } }, fundAdmin);
  await eventually(
    () => context.client.request(ADD_PARTNERS, { input: { schoolYear: '2025/2026', institutionIds: [first.id] } }, fundAdmin),
    (r) => !r.errors,
    { what: 'the catalogue to know the partner' },
  );
  const choices = { schoolYear: '2025/2026', secondaryPupils: 0, projectWorkInfluenced: 0, pupils: 120, furtherLearningInfluenced: 70 };
  await context.data(REPORT_CHOICES, { input: choices }, schools[0]);

  return {
    [Topics.catalogueActivity]: [activity],
    [Topics.catalogueBooking]: [cancelled, promoted, attended, noShow],
    [Topics.catalogueFund]: ['2026/2027-1', '2025/2026', `${first.id}/2025/2026`],
  };
};
