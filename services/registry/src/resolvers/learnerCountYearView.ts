import { deadlineInForce, isYearLocked, type SchoolYearWindow } from '../domain/learnerCountDeadline';
import type { LearnerCountPolicy } from '../domain/learnerCountPolicy';
import { lockDeadlineOf, type SchoolYear } from '../domain/learnerCountSchoolYear';
import type { LearnerCountYearLockRecord } from '../entities/learnerCountYearLock';
import type { LearnerCountSchoolYear } from '../generated/resolvers';

/** A school year's window as the API shows it (who locked or reopened it stays internal). */
export function learnerCountSchoolYearView(
  year: SchoolYear,
  row: LearnerCountYearLockRecord | null,
  now: Date,
  policy: LearnerCountPolicy,
): LearnerCountSchoolYear {
  const regular = lockDeadlineOf(year, policy);
  const window: SchoolYearWindow | null = row;
  const deadline = deadlineInForce(regular, window);
  return {
    schoolYear: year.label,
    regularDeadline: regular.toISOString(),
    deadline: deadline.toISOString(),
    acceptsChanges: !isYearLocked(window) && now.getTime() < deadline.getTime(),
    lockedAt: row?.lockedAt?.toISOString() ?? null,
    reopenedUntil: row?.reopenedUntil?.toISOString() ?? null,
    reopenReason: row?.reopenReason ?? null,
  };
}
