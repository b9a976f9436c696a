import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertCompleteResults } from '../qualityResults';
import { lowestLevel } from '../qualityScale';

const complete = [
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
  { category: 'FITNESS_FOR_PURPOSE', level: 'EXCELLENT' },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'VERY_GOOD' },
  { category: 'QUALITY_TEACHING', level: 'NEEDS_IMPROVEMENT' },
];

const failsOn = (field: string) => (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details.field === field;

describe('results per quality category', () => {
  it('accepts one result per category and returns them in the regulation order', () => {
    expect(assertCompleteResults(complete).map((r) => r.category)).toStrictEqual([
      'FITNESS_FOR_PURPOSE',
      'QUALITY_TEACHING',
      'INCLUSIVE_ENVIRONMENT',
      'GOOD_GOVERNANCE',
    ]);
  });

  it('refuses a missing category and names it', () => {
    assert.throws(
      () => assertCompleteResults(complete.slice(1)),
      (error) => {
        assert.ok(failsOn('results')(error));
        expect((error as Error).message).toMatch(/missing GOOD_GOVERNANCE$/);
        return true;
      },
    );
  });

  it('refuses a category assessed twice', () => {
    assert.throws(
      () => assertCompleteResults([...complete, { category: 'QUALITY_TEACHING', level: 'GOOD' }]),
      failsOn('results.4.category'),
    );
  });

  it('refuses an unknown category or level', () => {
    assert.throws(
      () => assertCompleteResults([...complete.slice(1), { category: 'SAFETY', level: 'GOOD' }]),
      failsOn('results.3.category'),
    );
    assert.throws(
      () => assertCompleteResults([{ ...complete[0]!, level: 'OUTSTANDING' }, ...complete.slice(1)]),
      failsOn('results.0.level'),
    );
  });

  it('finds the lowest level by rank, not by name', () => {
    expect(lowestLevel(assertCompleteResults(complete))).toBe('NEEDS_IMPROVEMENT');
  });
});
