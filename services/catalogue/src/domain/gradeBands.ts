import { validationFailed } from '@eq/shared/errors';

/** Age groups of the measure's target group, youngest first. */
export const GRADE_BANDS = ['PRESCHOOL_5_6', 'GRADES_1_3', 'GRADES_4_6', 'GRADES_7_9', 'GRADES_10_12'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/**
 * Grades are numbers 1-12; the compulsory pre-school year group (children aged 5-6, the
 * youngest the measure funds) is grade 0.
 */
export const PRESCHOOL_GRADE = 0;

export function gradeBandOf(grade: number): GradeBand {
  if (!Number.isInteger(grade) || grade < PRESCHOOL_GRADE || grade > 12) {
    throw validationFailed(`Grade must be 0 (pre-school, age 5-6) to 12, got ${grade}`, 'grade');
  }
  if (grade === PRESCHOOL_GRADE) return 'PRESCHOOL_5_6';
  if (grade <= 3) return 'GRADES_1_3';
  if (grade <= 6) return 'GRADES_4_6';
  if (grade <= 9) return 'GRADES_7_9';
  return 'GRADES_10_12';
}

/** True when an activity for `bands` suits a group of `grade`. */
export function suitsGrade(bands: readonly string[], grade: number): boolean {
  return bands.includes(gradeBandOf(grade));
}
