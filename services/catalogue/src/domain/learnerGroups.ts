import { PRESCHOOL_GRADE } from './gradeBands';

/** A locked learner-count report's groups, as the registry publishes them. */
export type LearnerCountsByGroup = Record<string, number>;

/**
 * The learners of one grade: grade 0 is the compulsory pre-school group, children aged 5 and 6
 * together (the measure funds both years as one target group).
 */
export function learnersInGrade(counts: LearnerCountsByGroup, grade: number): number {
  if (grade === PRESCHOOL_GRADE) return (counts.preschoolAge5 ?? 0) + (counts.preschoolAge6 ?? 0);
  return counts[`grade${grade}`] ?? 0;
}
