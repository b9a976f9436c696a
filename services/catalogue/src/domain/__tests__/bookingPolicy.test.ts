import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@eq/shared/errors';
import { assertBookingPolicy, bookingClosesOn, isWorkingDay } from '../bookingPolicy';

const policy = (deadlineWorkingDays = 5, publicHolidays: string[] = []) => ({ deadlineWorkingDays, publicHolidays });

describe('bookingClosesOn', () => {
  it('closes a Monday session on the Monday before (5 working days)', () => {
    assert.equal(bookingClosesOn('2025-10-20', policy()), '2025-10-13');
  });

  it('skips weekends: a Wednesday session closes on the Wednesday before', () => {
    assert.equal(bookingClosesOn('2025-10-22', policy()), '2025-10-15');
  });

  it('skips listed public holidays (18 November 2025 is a Tuesday)', () => {
    assert.equal(bookingClosesOn('2025-11-20', policy()), '2025-11-13');
    assert.equal(bookingClosesOn('2025-11-20', policy(5, ['2025-11-18'])), '2025-11-12');
  });

  it('with 0 working days closes on the session day itself', () => {
    assert.equal(bookingClosesOn('2025-10-25', policy(0)), '2025-10-25');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday except holidays', () => {
    assert.equal(isWorkingDay('2025-10-17'), true);
    assert.equal(isWorkingDay('2025-10-18'), false);
    assert.equal(isWorkingDay('2025-10-19'), false);
    assert.equal(isWorkingDay('2025-11-18', ['2025-11-18']), false);
  });
});

describe('assertBookingPolicy', () => {
  it('refuses a negative deadline or a malformed holiday', () => {
    assert.throws(() => assertBookingPolicy(policy(-1)), DomainError);
    assert.throws(() => assertBookingPolicy(policy(5, ['2025-02-30'])), DomainError);
    assert.deepEqual(assertBookingPolicy(policy(3, ['2025-06-24'])), policy(3, ['2025-06-24']));
  });
});
