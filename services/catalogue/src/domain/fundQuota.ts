import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import { MEASURE_4221_POLICY } from './fundPolicy';

const DEFAULT_PER_SEMESTER = MEASURE_4221_POLICY.activitiesPerPupilPerSemester;
const DEFAULT_PRICE_CENTS = MEASURE_4221_POLICY.pricePerPupilCents;

function assertCount(value: number, field: string, { positive = false } = {}): number {
  if (!Number.isSafeInteger(value) || value < (positive ? 1 : 0)) {
    throw validationFailed(`${field} must be a whole number ${positive ? 'above zero' : 'of zero or more'}, got ${value}`, field);
  }
  return value;
}

/**
 * A school's money for one semester: pupils × activities per pupil × price. The learner count
 * is the locked one (as of 1 September), so the allocation does not move during the semester.
 */
export function semesterAllocationCents(
  learners: number,
  activitiesPerSemester = DEFAULT_PER_SEMESTER,
  priceCents = DEFAULT_PRICE_CENTS,
): number {
  assertCount(learners, 'learners');
  assertCount(activitiesPerSemester, 'activitiesPerSemester', { positive: true });
  assertCount(priceCents, 'priceCents', { positive: true });
  return learners * activitiesPerSemester * priceCents;
}

/**
 * The quota of "4 activities per pupil per semester", counted at grade level: bookings are per
 * group, not per named pupil, so a grade may have at most (activities × learners in the grade)
 * funded pupil-attendances in a semester.
 */
export function fundedAttendanceCap(gradeLearnerCount: number, activitiesPerSemester = DEFAULT_PER_SEMESTER): number {
  assertCount(gradeLearnerCount, 'gradeLearnerCount');
  assertCount(activitiesPerSemester, 'activitiesPerSemester', { positive: true });
  return activitiesPerSemester * gradeLearnerCount;
}

/** Funded pupil-attendances a grade has left this semester (never below zero). */
export function remainingFundedAttendances(
  alreadyFunded: number,
  gradeLearnerCount: number,
  activitiesPerSemester = DEFAULT_PER_SEMESTER,
): number {
  assertCount(alreadyFunded, 'alreadyFunded');
  return Math.max(0, fundedAttendanceCap(gradeLearnerCount, activitiesPerSemester) - alreadyFunded);
}

/** True when `requested` more pupil-attendances (at least one) still fit the grade's quota. */
export function canFundAttendance(
  alreadyFunded: number,
  requested: number,
  gradeLearnerCount: number,
  activitiesPerSemester = DEFAULT_PER_SEMESTER,
): boolean {
  assertCount(requested, 'requested', { positive: true });
  return requested <= remainingFundedAttendances(alreadyFunded, gradeLearnerCount, activitiesPerSemester);
}

/** Like `canFundAttendance`, but refuses with QUOTA_EXCEEDED and the numbers a school can act on. */
export function assertCanFundAttendance(
  alreadyFunded: number,
  requested: number,
  gradeLearnerCount: number,
  activitiesPerSemester = DEFAULT_PER_SEMESTER,
): void {
  if (canFundAttendance(alreadyFunded, requested, gradeLearnerCount, activitiesPerSemester)) return;
  const remaining = remainingFundedAttendances(alreadyFunded, gradeLearnerCount, activitiesPerSemester);
  throw new DomainError(
    ErrorCode.QUOTA_EXCEEDED,
    `This grade has ${remaining} funded pupil-attendances left this semester; ${requested} were requested`,
    {
      reason: 'PUPIL_QUOTA_EXCEEDED',
      cap: fundedAttendanceCap(gradeLearnerCount, activitiesPerSemester),
      alreadyFunded,
      requested,
      remaining,
    },
  );
}

/** What attending pupils cost the fund: pupils × price per pupil (pupils may be zero, a no-show). */
export function attendanceCostCents(pupils: number, pricePerPupilCents = DEFAULT_PRICE_CENTS): number {
  assertCount(pupils, 'pupils');
  assertCount(pricePerPupilCents, 'pricePerPupilCents', { positive: true });
  return pupils * pricePerPupilCents;
}
