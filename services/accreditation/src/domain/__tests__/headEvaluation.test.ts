import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.equal(headEvaluationOutcome(withLowest('GOOD')), 'MEETS_REQUIREMENTS');
  });

  it('must improve when one criterion needs improvement, however good the others are', () => {
    assert.equal(headEvaluationOutcome(withLowest('NEEDS_IMPROVEMENT')), 'MUST_IMPROVE');
  });

  it('does not meet the requirements when one criterion is insufficient', () => {
    assert.equal(headEvaluationOutcome(withLowest('INSUFFICIENT')), 'DOES_NOT_MEET');
  });

  it('needs a name', () => {
    assert.equal(normaliseHeadName('  Anna   Bērziņa '), 'Anna Bērziņa');
    assert.throws(() => normaliseHeadName(' '), (error: any) => error.code === 'VALIDATION_FAILED');
  });
});
