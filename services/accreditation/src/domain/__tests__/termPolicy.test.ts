import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import type { QualityLevel, QualityResult } from '../qualityScale';
import { assertTermPolicy, DEFAULT_TERM_POLICY, termFrom, termYearsFor, type TermPolicy } from '../termPolicy';

const results = (fitness: QualityLevel, teaching: QualityLevel, inclusive: QualityLevel, governance: QualityLevel): QualityResult[] => [
  { category: 'FITNESS_FOR_PURPOSE', level: fitness },
  { category: 'QUALITY_TEACHING', level: teaching },
  { category: 'INCLUSIVE_ENVIRONMENT', level: inclusive },
  { category: 'GOOD_GOVERNANCE', level: governance },
];

const policyWith = (overrides: Partial<TermPolicy['termYearsByLowestLevel']>): TermPolicy => ({
  termYearsByLowestLevel: { ...DEFAULT_TERM_POLICY.termYearsByLowestLevel, ...overrides },
});

const isValidationError = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED;

describe('default term policy', () => {
  it('gives six years when every category is good or better', () => {
    expect(termYearsFor(results('GOOD', 'VERY_GOOD', 'EXCELLENT', 'GOOD'), DEFAULT_TERM_POLICY)).toBe(6);
    expect(termYearsFor(results('EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT'), DEFAULT_TERM_POLICY)).toBe(6);
  });

  it('gives a shorter term when any category needs improvement, however good the others are', () => {
    expect(termYearsFor(results('EXCELLENT', 'EXCELLENT', 'NEEDS_IMPROVEMENT', 'EXCELLENT'), DEFAULT_TERM_POLICY)).toBe(2);
  });

  it('refuses accreditation with VALIDATION_FAILED when any category is insufficient', () => {
    assert.throws(
      () => termYearsFor(results('GOOD', 'INSUFFICIENT', 'NEEDS_IMPROVEMENT', 'GOOD'), DEFAULT_TERM_POLICY),
      (error) => {
        assert.ok(isValidationError(error));
        expect((error as Error).message).toMatch(/refused.*Nepietiekami/);
        return true;
      },
    );
  });

  it('is itself a valid policy', () => {
    expect(assertTermPolicy(DEFAULT_TERM_POLICY)).toBe(DEFAULT_TERM_POLICY);
  });
});

describe('a configured term policy', () => {
  it('is used instead of the default when passed in', () => {
    const lenient = policyWith({ NEEDS_IMPROVEMENT: 4 });
    expect(termYearsFor(results('GOOD', 'NEEDS_IMPROVEMENT', 'GOOD', 'GOOD'), assertTermPolicy(lenient))).toBe(4);
  });

  it('cannot exceed the six-year maximum of the regulation', () => {
    assert.throws(() => assertTermPolicy(policyWith({ EXCELLENT: 7 })), isValidationError);
  });

  it('cannot give a better lowest level a shorter term than a worse one', () => {
    assert.throws(() => assertTermPolicy(policyWith({ GOOD: 1, NEEDS_IMPROVEMENT: 2 })), isValidationError);
  });

  it('cannot refuse a level better than one it grants', () => {
    assert.throws(() => assertTermPolicy(policyWith({ INSUFFICIENT: 1, NEEDS_IMPROVEMENT: null })), isValidationError);
  });

  it('needs whole years of at least one', () => {
    assert.throws(() => assertTermPolicy(policyWith({ GOOD: 0 })), isValidationError);
    assert.throws(() => assertTermPolicy(policyWith({ GOOD: 4.5 })), isValidationError);
  });

  it('never yields more than six years even when built around the start-up check', () => {
    const unchecked = policyWith({ EXCELLENT: 9 });
    expect(termYearsFor(results('EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT'), unchecked)).toBe(6);
  });
});

describe('term dates', () => {
  it('ends a six-year term on the day before its sixth anniversary', () => {
    expect(termFrom('2024-09-01', 6)).toStrictEqual({ years: 6, start: '2024-09-01', end: '2030-08-31', applicationDueBy: '2030-04-30' });
  });

  it('refuses a term over six years', () => {
    assert.throws(() => termFrom('2024-09-01', 7), isValidationError);
    assert.throws(() => termFrom('2024-09-01', 0), isValidationError);
  });

  it('ends a term that starts on 29 February on 28 February of a common year', () => {
    expect(termFrom('2024-02-29', 6).end).toBe('2030-02-28');
    expect(termFrom('2024-02-29', 4).end).toBe('2028-02-28');
  });

  it('makes the application due four months before the term ends', () => {
    expect(termFrom('2025-01-16', 2).applicationDueBy).toBe('2026-09-15');
  });

  it('moves the due date to the month end when four months earlier has no such day', () => {
    // Ends 30 June: 30 February does not exist, so the 28th (never 2 March, less than four months).
    expect(termFrom('2024-07-01', 6).applicationDueBy).toBe('2030-02-28');
    // Ends 30 June of a leap year: 29 February.
    expect(termFrom('2022-07-01', 6).applicationDueBy).toBe('2028-02-29');
    // Ends 31 October: 31 June does not exist.
    expect(termFrom('2024-11-01', 6).applicationDueBy).toBe('2030-06-30');
  });

  it('carries the due date back across a year boundary', () => {
    // Ends 31 January 2031: due 30 September 2030.
    expect(termFrom('2025-02-01', 6).applicationDueBy).toBe('2030-09-30');
  });
});
