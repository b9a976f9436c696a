import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { headEvaluationOutcome, normaliseHeadName } from '../headEvaluation';
import type { QualityLevel, QualityResult } from '../qualityScale';

const withLowest = (level: QualityLevel): QualityResult[] => [
  { category: 'FITNESS_FOR_PURPOSE', level: 'EXCELLENT' },
  { category: 'QUALITY_TEACHING', level },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'VERY_GOOD' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

describe('the overall decision on a head of an institution', () => {
  it('meets the requirements when every criterion is good or better', () => {
    expect(headEvaluationOutcome(withLowest('GOOD'))).toBe('MEETS_REQUIREMENTS');
  });

  it('must improve when one criterion needs improvement, however good the others are', () => {
    expect(headEvaluationOutcome(withLowest('NEEDS_IMPROVEMENT'))).toBe('MUST_IMPROVE');
  });

  it('does not meet the requirements when one criterion is insufficient', () => {
    expect(headEvaluationOutcome(withLowest('INSUFFICIENT'))).toBe('DOES_NOT_MEET');
  });

  it('needs a name', () => {
    expect(normaliseHeadName('  Anna   Bērziņa ')).toBe('Anna Bērziņa');
    assert.throws(
      () => normaliseHeadName(' '),
      (error: any) => error.code === 'VALIDATION_FAILED',
    );
  });
});
