import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { assertBookingPolicy, bookingClosesOn, isWorkingDay } from '../bookingPolicy';

const policy = (deadlineWorkingDays = 5, publicHolidays: string[] = []) => ({ deadlineWorkingDays, publicHolidays });

describe('bookingClosesOn', () => {
  it('closes a Monday session on the Monday before (5 working days)', () => {
    expect(bookingClosesOn('2025-10-20', policy())).toBe('2025-10-13');
  });

  it('skips weekends: a Wednesday session closes on the Wednesday before', () => {
    expect(bookingClosesOn('2025-10-22', policy())).toBe('2025-10-15');
  });

  it('skips listed public holidays (18 November 2025 is a Tuesday)', () => {
    expect(bookingClosesOn('2025-11-20', policy())).toBe('2025-11-13');
    expect(bookingClosesOn('2025-11-20', policy(5, ['2025-11-18']))).toBe('2025-11-12');
  });

  it('with 0 working days closes on the session day itself', () => {
    expect(bookingClosesOn('2025-10-25', policy(0))).toBe('2025-10-25');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday except holidays', () => {
    expect(isWorkingDay('2025-10-17')).toBe(true);
    expect(isWorkingDay('2025-10-18')).toBe(false);
    expect(isWorkingDay('2025-10-19')).toBe(false);
    expect(isWorkingDay('2025-11-18', ['2025-11-18'])).toBe(false);
  });
});

describe('assertBookingPolicy', () => {
  it('refuses a negative deadline or a malformed holiday', () => {
    assert.throws(() => assertBookingPolicy(policy(-1)), DomainError);
    assert.throws(() => assertBookingPolicy(policy(5, ['2025-02-30'])), DomainError);
    expect(assertBookingPolicy(policy(3, ['2025-06-24']))).toStrictEqual(policy(3, ['2025-06-24']));
  });
});
