import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { icsCalendar } from '../icsCalendar';
import { learnersInGrade } from '../learnerGroups';
import { assertEligibleSchool } from '../schoolEligibility';
import { validateSessionDraft } from '../sessionRules';

const now = new Date('2025-10-01T08:00:00Z');
const activity = { status: 'PUBLISHED', format: 'AT_PROVIDER', durationMinutes: 90 };

describe('validateSessionDraft', () => {
  it("refuses a session outside the measure's period, 2025–2028 (source 003)", () => {
    const at = (iso: string) => validateSessionDraft({ startsAt: new Date(iso), place: 'Rīga', capacity: 25 }, activity, now);
    assert.throws(
      () => at('2029-01-15T08:00:00Z'),
      (error: unknown) => error instanceof DomainError && error.details?.reason === 'OUTSIDE_FUND_PERIOD',
    );
    // The last day counts by Riga time: 31 December 23:30 in Riga is 21:30 UTC.
    expect(at('2028-12-31T21:30:00Z').capacity).toBe(25);
    assert.throws(() => at('2028-12-31T22:30:00Z'), DomainError);
  });

  it('ends a session after the activity duration', () => {
    const draft = validateSessionDraft(
      { startsAt: new Date('2025-10-22T08:00:00Z'), place: '  Rīga,   Zinātnes iela 1 ', capacity: 25 },
      activity,
      now,
    );
    expect(draft).toStrictEqual({
      startsAt: new Date('2025-10-22T08:00:00Z'),
      endsAt: new Date('2025-10-22T09:30:00Z'),
      place: 'Rīga, Zinātnes iela 1',
      capacity: 25,
    });
  });

  it('refuses a session in the past, a capacity of zero, a missing place and a withdrawn activity', () => {
    assert.throws(
      () => validateSessionDraft({ startsAt: new Date('2025-09-30T08:00:00Z'), place: 'Rīga', capacity: 25 }, activity, now),
      DomainError,
    );
    assert.throws(
      () => validateSessionDraft({ startsAt: new Date('2025-10-22T08:00:00Z'), place: 'Rīga', capacity: 0 }, activity, now),
      DomainError,
    );
    assert.throws(
      () => validateSessionDraft({ startsAt: new Date('2025-10-22T08:00:00Z'), place: ' ', capacity: 25 }, activity, now),
      DomainError,
    );
    assert.throws(
      () =>
        validateSessionDraft(
          { startsAt: new Date('2025-10-22T08:00:00Z'), place: 'Rīga', capacity: 25 },
          { ...activity, status: 'WITHDRAWN' },
          now,
        ),
      DomainError,
    );
  });

  it('lets an online session go without a place', () => {
    expect(
      validateSessionDraft({ startsAt: new Date('2025-10-22T08:00:00Z'), capacity: 25 }, { ...activity, format: 'ONLINE' }, now).place,
    ).toBe('Online');
  });
});

describe('learnersInGrade', () => {
  it('counts pre-school ages 5 and 6 together as grade 0', () => {
    const counts = { preschoolAge5: 12, preschoolAge6: 14, grade7: 30 };
    expect(learnersInGrade(counts, 0)).toBe(26);
    expect(learnersInGrade(counts, 7)).toBe(30);
    expect(learnersInGrade(counts, 8)).toBe(0);
  });
});

describe('assertEligibleSchool', () => {
  it('takes active schools of the target group only', () => {
    const school = { id: 'x', name: 'Skola', type: 'BASIC_SCHOOL', status: 'ACTIVE' };
    expect(assertEligibleSchool('x', school)).toBe(school);
    assert.throws(() => assertEligibleSchool('x', null), DomainError);
    assert.throws(() => assertEligibleSchool('x', { ...school, status: 'LIQUIDATED' }), DomainError);
    assert.throws(() => assertEligibleSchool('x', { ...school, type: 'INTEREST_EDUCATION' }), DomainError);
  });
});

describe('icsCalendar', () => {
  it('writes RFC 5545 text: CRLF lines, UTC times, escaped and folded text', () => {
    const text = icsCalendar(
      'Skola',
      [
        {
          uid: 'b1@catalogue',
          startsAt: new Date('2025-10-22T08:00:00Z'),
          endsAt: new Date('2025-10-22T09:30:00Z'),
          summary: 'Ķīmija; skābes, sārmi',
          location: 'Rīga',
          description: 'x'.repeat(100),
          status: 'CONFIRMED',
          updatedAt: now,
        },
      ],
      now,
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    assert.ok(lines.includes('DTSTART:20251022T080000Z'));
    assert.ok(lines.includes('SUMMARY:Ķīmija\\; skābes\\, sārmi'));
    assert.ok(lines.every((line) => Buffer.byteLength(line, 'utf8') <= 75));
    assert.ok(
      lines.some((line) => line.startsWith(' ')),
      'the long description is folded',
    );
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  });
});
