/**
 * The measure's participation indicator (reference `indicators[participation]`): at least 85%
 * of the target group's pupils in participating institutions take part in activities.
 */
export const PARTICIPATION_TARGET = 0.85;

export interface GradeAttendance {
  /** Learners of the grade (locked learner counts). */
  learners: number;
  /** Attended pupils of each attended booking of the grade in the period. */
  attendedGroups: readonly number[];
}

export interface ParticipationRange {
  learners: number;
  atLeast: number;
  atMost: number;
}

/**
 * Bookings name groups, not pupils: a grade's participants are at least its largest attended
 * group (one activity's pupils are surely different people) and at most its pupil-attendances,
 * neither above the grade's learners.
 */
export function gradeParticipation({ learners, attendedGroups }: GradeAttendance): ParticipationRange {
  const largest = attendedGroups.reduce((max, group) => Math.max(max, group), 0);
  const total = attendedGroups.reduce((sum, group) => sum + group, 0);
  return { learners, atLeast: Math.min(learners, largest), atMost: Math.min(learners, total) };
}

export interface ParticipationSummary extends ParticipationRange {
  rateAtLeast: number;
  rateAtMost: number;
  targetRate: number;
  targetMet: boolean;
}

/** Sums ranges (of grades, schools or areas) and rates them against the target. */
export function summariseParticipation(ranges: readonly ParticipationRange[], targetRate = PARTICIPATION_TARGET): ParticipationSummary {
  const learners = ranges.reduce((sum, range) => sum + range.learners, 0);
  const atLeast = ranges.reduce((sum, range) => sum + range.atLeast, 0);
  const atMost = ranges.reduce((sum, range) => sum + range.atMost, 0);
  const rate = (participants: number) => (learners === 0 ? 0 : participants / learners);
  return {
    learners,
    atLeast,
    atMost,
    rateAtLeast: rate(atLeast),
    rateAtMost: rate(atMost),
    targetRate,
    targetMet: learners > 0 && rate(atLeast) >= targetRate,
  };
}
