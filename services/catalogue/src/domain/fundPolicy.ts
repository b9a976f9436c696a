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

/** Where the measure's money comes from (source 003). */
export type FundingSource = 'ESF_PLUS' | 'STATE_BUDGET';

export interface FundingShare {
  source: FundingSource;
  /** The source's name as source 003 writes it (data, not an identifier). */
  labelLv: string;
  amountCents: number;
}

/** The measure's whole financing, by source, and the part of it planned for attending activities. */
export interface MeasureFinancing {
  totalCents: number;
  sources: readonly FundingShare[];
  attendanceBudgetCents: number;
}

/**
 * Source 003 ("Finansējums, laika grafiks"): "34 009 600 EUR (ESF Plus – 28 908 160 EUR un VB
 * līdzfinansējums – 5 101 440 EUR)"; "Norišu apmeklēšanai plānotais finansējums ir 27 miljoni
 * eiro, kas ir 81% no pieejamā finansējuma". Copied into docs/reference/esf-4221-activity-fund.json
 * (`budgetEur`); a unit test keeps both equal and the sources summing to the total.
 */
export const MEASURE_4221_FINANCING: Readonly<MeasureFinancing> = Object.freeze({
  totalCents: 34_009_600 * 100,
  sources: Object.freeze([
    Object.freeze({ source: 'ESF_PLUS' as const, labelLv: 'Eiropas Sociālais fonds Plus (ESF Plus)', amountCents: 28_908_160 * 100 }),
    Object.freeze({ source: 'STATE_BUDGET' as const, labelLv: 'Valsts budžeta (VB) līdzfinansējums', amountCents: 5_101_440 * 100 }),
  ]),
  attendanceBudgetCents: 27_000_000 * 100,
});

/**
 * The measure's figures, from docs/reference/esf-4221-activity-fund.json
 * (`pricePerPupilPerActivityEur: 10`, `activitiesPerPupilPerSemester: 4`); a unit test keeps
 * them equal to that file.
 */
export const MEASURE_4221_POLICY: Readonly<FundPolicy> = Object.freeze({
  pricePerPupilCents: 10 * 100,
  activitiesPerPupilPerSemester: 4,
  // `budgetEur.activityAttendance: 27000000` (source 003).
  attendanceBudgetCents: MEASURE_4221_FINANCING.attendanceBudgetCents,
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

/**
 * What FUND_ADMIN reads as the measure's financing: source 003's figures, with the attendance
 * budget the service applies (configuration, the measure's €27 million by default) and the period.
 */
export function fundFinancing(policy: FundPolicy, period: FundPeriod = MEASURE_4221_PERIOD) {
  return {
    totalCents: MEASURE_4221_FINANCING.totalCents,
    sources: MEASURE_4221_FINANCING.sources.map((share) => ({ ...share })),
    attendanceBudgetCents: policy.attendanceBudgetCents,
    periodFrom: period.from,
    periodTo: period.to,
  };
}
