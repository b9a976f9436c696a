import { validationFailed } from '@eq/shared/errors';

/**
 * The money rules of ESF+ measure 4.2.2.1 that the catalogue applies. Kept as one object so
 * that a change of the measure (or a test) changes configuration, not code.
 */
export interface FundPolicy {
  /** What the fund pays per attending pupil per activity, in euro cents. */
  pricePerPupilCents: number;
  /** Funded activities per pupil per semester. */
  activitiesPerPupilPerSemester: number;
  /** The fund's money for attendance over the whole period, in euro cents; never exceeded. */
  attendanceBudgetCents: number;
}

/**
 * The measure's figures, from docs/reference/esf-4221-activity-fund.json
 * (`pricePerPupilPerActivityEur: 10`, `activitiesPerPupilPerSemester: 4`); a unit test keeps
 * them equal to that file.
 */
export const MEASURE_4221_POLICY: Readonly<FundPolicy> = Object.freeze({
  pricePerPupilCents: 10 * 100,
  activitiesPerPupilPerSemester: 4,
  // `budgetEur.activityAttendance: 27000000`.
  attendanceBudgetCents: 27_000_000 * 100,
});

/** The days (Riga time) the measure pays for activities on, first and last inclusive. */
export interface FundPeriod {
  from: string;
  to: string;
}

/**
 * Source 003: the measure runs 2025–2028 (`period: { from: "2025", to: "2028" }` in
 * docs/reference/esf-4221-activity-fund.json): no session outside it can be funded.
 */
export const MEASURE_4221_PERIOD: Readonly<FundPeriod> = Object.freeze({ from: '2025-01-01', to: '2028-12-31' });

/** Both figures are whole, positive numbers; anything else is a configuration mistake. */
export function assertFundPolicy(policy: FundPolicy): FundPolicy {
  if (!Number.isSafeInteger(policy.pricePerPupilCents) || policy.pricePerPupilCents < 1) {
    throw validationFailed('The price per pupil must be a whole, positive number of cents', 'pricePerPupilCents');
  }
  if (!Number.isSafeInteger(policy.activitiesPerPupilPerSemester) || policy.activitiesPerPupilPerSemester < 1) {
    throw validationFailed('Activities per pupil per semester must be a whole, positive number', 'activitiesPerPupilPerSemester');
  }
  if (!Number.isSafeInteger(policy.attendanceBudgetCents) || policy.attendanceBudgetCents < 1) {
    throw validationFailed('The attendance budget must be a whole, positive number of cents', 'attendanceBudgetCents');
  }
  return policy;
}
