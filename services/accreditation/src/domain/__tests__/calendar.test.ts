import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { addDays, addMonthsClamped, lastDayOfYearsFrom } from '../calendar';

describe('calendar arithmetic', () => {
  it('adds and subtracts months, clamping to the last day of a shorter month', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-05-31', -3)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-03-15', -4)).toBe('2024-11-15');
    expect(addMonthsClamped('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('finds the last day of a term in years', () => {
    expect(lastDayOfYearsFrom('2024-01-01', 6)).toBe('2029-12-31');
    expect(lastDayOfYearsFrom('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayOfYearsFrom('2024-02-29', 4)).toBe('2028-02-28');
  });

  it('rejects a string that is not a calendar date', () => {
    assert.throws(() => addDays('2024-02-30', 1), RangeError);
  });

  it('refuses as VALIDATION_FAILED, not a RangeError, arithmetic that leaves the years 0001-9999', () => {
    const validationFailed = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED;
    assert.throws(() => lastDayOfYearsFrom('9999-12-31', 6), validationFailed);
    assert.throws(() => addDays('9999-12-31', 1), validationFailed);
    assert.throws(() => addDays('0001-01-01', -1), validationFailed);
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });

  it('keeps years 0001-0099 in their century (Date.UTC would read them as 19xx)', () => {
    assert.equal(lastDayOfYearsFrom('0050-03-01', 6), '0056-02-29');
    assert.equal(addMonthsClamped('0050-01-31', 1), '0050-02-28');
  });
});
