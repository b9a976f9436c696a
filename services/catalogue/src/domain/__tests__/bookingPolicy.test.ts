import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { assertBookingPolicy, bookingClosesOn, isWorkingDay, type PublicHolidays } from '../bookingPolicy';

const policy = (deadlineWorkingDays = 5, publicHolidays: PublicHolidays = []) => ({ deadlineWorkingDays, publicHolidays });

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

  it("counts Latvia's public holidays by default, with no configuration", () => {
    // 18 November 2025 (Tuesday): a Thursday session closes a day earlier than the weekdays alone say.
    expect(bookingClosesOn('2025-11-20', policy(5, 'LATVIA'))).toBe('2025-11-12');
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April are not working days.
    expect(bookingClosesOn('2026-04-08', policy(5, 'LATVIA'))).toBe('2026-03-30');
    // 4 May 2025 fell on a Sunday: Monday 5 May replaced it.
    expect(isWorkingDay('2025-05-05')).toBe(false);
    expect(isWorkingDay('2025-06-23')).toBe(false);
    expect(isWorkingDay('2025-06-25')).toBe(true);
  });

  it('with 0 working days closes on the session day itself', () => {
    expect(bookingClosesOn('2025-10-25', policy(0))).toBe('2025-10-25');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday except holidays', () => {
    expect(isWorkingDay('2025-10-17', [])).toBe(true);
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
