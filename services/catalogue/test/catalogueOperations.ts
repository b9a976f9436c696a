import assert from 'node:assert/strict';
import { clockFrom, type Caller } from '@eq/shared';
import { DEFAULT_CATALOGUE_OPTIONS, type CatalogueOptions } from '../src';
import type { GatewayHarness } from '../../../test/support/gatewayHarness';

/** The catalogue's GraphQL operations and answer helpers, shared by its integration and end-to-end tests. */

/**
 * `data` calls the gateway and fails the test on any GraphQL error; `refusal` expects an error
 * and gives its extensions (code, reason, …).
 */
export function answers(harness: () => GatewayHarness) {
  return {
    async data<T = any>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> {
      const response = await harness().request<T>(query, variables, caller);
      if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data;
    },
    async refusal(query: string, variables: Record<string, unknown>, caller: Caller): Promise<Record<string, unknown>> {
      const response = await harness().request(query, variables, caller);
      assert.ok(response.errors?.length, `expected a refusal, got ${JSON.stringify(response.data)}`);
      return response.errors[0]!.extensions as Record<string, unknown>;
    },
  };
}

export const REGISTER_PROVIDER = `mutation R($input: RegisterProviderInput!) { registerProvider(input: $input) { provider { id } } }`;
export const CREATE_ACTIVITY = `mutation C($input: CreateActivityInput!) { createActivity(input: $input) { activity { id } } }`;
export const SUBMIT_ACTIVITY = `mutation S($input: SubmitActivityInput!) { submitActivity(input: $input) { activity { id } } }`;
export const REVIEW_ACTIVITY = `mutation V($input: ReviewActivityInput!) { reviewActivity(input: $input) { activity { id status } } }`;
export const SCHEDULE_SESSION = `mutation Sc($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id capacity freePlaces bookingClosesOn endsAt } } }`;
export const BOOKING_FIELDS =
  'id status grade pupils semester committedCents costCents attendedPupils waitingPosition statusReason session { id freePlaces bookedPupils waitingBookings }';
export const BOOK_SESSION = `mutation B($input: BookSessionInput!) { bookSession(input: $input) { booking { ${BOOKING_FIELDS} } } }`;
export const CANCEL_BOOKING = `mutation X($input: CancelBookingInput!) { cancelBooking(input: $input) { booking { ${BOOKING_FIELDS} } } }`;
export const RECORD_ATTENDANCE = `mutation A($input: RecordAttendanceInput!) { recordAttendance(input: $input) { booking { ${BOOKING_FIELDS} } } }`;
export const BOOKING = `query G($id: ID!) { booking(id: $id) { ${BOOKING_FIELDS} } }`;
export const SESSION = `query Ss($id: ID!) { activitySession(id: $id) { id status freePlaces bookedPupils waitingBookings activity { id status } } }`;
export const CALENDAR = `query Cal($id: ID!) { schoolBookingsCalendar(institutionId: $id) }`;
export const FUND_BUDGET = `query F($semester: String) { fundBudget(semester: $semester) { totalCents committedCents spentCents leftCents
  schools { institution { id } learners allocationCents committedCents spentCents leftCents }
  semesters { semester budgetCents isDefault committedCents spentCents leftCents } } }`;
export const SET_SEMESTER_BUDGETS = `mutation S($input: SetSemesterBudgetsInput!) { setSemesterBudgets(input: $input) {
  semesters { semester budgetCents isDefault committedCents spentCents leftCents } } }`;
export const ADD_FUND_PARTNERS = `mutation A($input: FundPartnersInput!) { addFundPartners(input: $input) { schoolYear changed partners } }`;

/** A valid activity draft; tests override what they are about. */
export function activityInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Robotika 7. klasei',
    description: 'Programmējam robotus.',
    fields: ['COMPUTING', 'ENGINEERING'],
    gradeBands: ['GRADES_7_9'],
    format: 'AT_PROVIDER',
    durationMinutes: 90,
    language: 'lv',
    municipality: 'Rīga',
    planningRegion: 'RIGA',
    maxGroupSize: 30,
    ...overrides,
  };
}

/**
 * Options a test hands to the running service and may change while it runs: its clock, and its
 * fund figures (the budget, to reach the end of it). Copies, so the defaults stay untouched.
 */
export function mutableOptions(clock: () => Date): CatalogueOptions {
  return {
    ...DEFAULT_CATALOGUE_OPTIONS,
    fund: { ...DEFAULT_CATALOGUE_OPTIONS.fund },
    booking: { ...DEFAULT_CATALOGUE_OPTIONS.booking },
    clock: clockFrom(clock),
  };
}

const DAY = 24 * 60 * 60 * 1000;

/** A Wednesday 10:00 in Riga some weeks ahead, so the booking deadline is far off. */
export function futureWednesday(weeks = 6): Date {
  const date = new Date(Date.now() + weeks * 7 * DAY);
  date.setUTCDate(date.getUTCDate() + ((3 - date.getUTCDay() + 7) % 7));
  date.setUTCHours(8, 0, 0, 0);
  return date;
}
