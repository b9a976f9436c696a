import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { gradeBandOf, PRESCHOOL_GRADE, suitsGrade } from '../gradeBands';

describe('gradeBandOf', () => {
  it('puts the compulsory pre-school year (age 5-6) in PRESCHOOL_5_6', () => {
    expect(gradeBandOf(PRESCHOOL_GRADE)).toBe('PRESCHOOL_5_6');
  });

  it('maps every grade 1-12 to its band, band edges included', () => {
    const expected: Record<number, string> = {
      1: 'GRADES_1_3',
      2: 'GRADES_1_3',
      3: 'GRADES_1_3',
      4: 'GRADES_4_6',
      5: 'GRADES_4_6',
      6: 'GRADES_4_6',
      7: 'GRADES_7_9',
      8: 'GRADES_7_9',
      9: 'GRADES_7_9',
      10: 'GRADES_10_12',
      11: 'GRADES_10_12',
      12: 'GRADES_10_12',
    };
    for (const [grade, band] of Object.entries(expected)) expect(gradeBandOf(Number(grade))).toBe(band);
  });

  it('refuses grades the measure does not fund', () => {
    for (const grade of [-1, 13, 2.5, Number.NaN]) {
      assert.throws(
        () => gradeBandOf(grade),
        (e: unknown) => e instanceof DomainError && e.code === ErrorCode.VALIDATION_FAILED,
        `grade ${grade}`,
      );
    }
  });
});

describe('suitsGrade', () => {
  it('is true only when the grade falls in one of the activity bands', () => {
    expect(suitsGrade(['GRADES_4_6', 'GRADES_7_9'], 7)).toBe(true);
    expect(suitsGrade(['GRADES_4_6', 'GRADES_7_9'], 3)).toBe(false);
    expect(suitsGrade(['PRESCHOOL_5_6'], 0)).toBe(true);
  });
});
