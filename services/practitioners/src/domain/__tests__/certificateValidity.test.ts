import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { certificateValidity, isWithinValidity } from '../certificateValidity';
import { PSYCHOLOGIST_FACTS } from '../registerFacts';

describe('certificate validity', () => {
  it('lasts 7 years (reference/rules.json), ending the day before the anniversary', () => {
    expect(PSYCHOLOGIST_FACTS.certificateValidityYears).toBe(7);
    expect(certificateValidity('2024-03-15')).toStrictEqual({ validFrom: '2024-03-15', validUntil: '2031-03-14' });
  });

  it('crosses a year boundary when it starts on 1 January', () => {
    expect(certificateValidity('2024-01-01').validUntil).toBe('2030-12-31');
  });

  it('ends on 28 February when it starts on 29 February and ends in a common year', () => {
    expect(certificateValidity('2024-02-29').validUntil).toBe('2031-02-28');
  });

  it('ends on 29 February when it starts on 1 March and ends in a leap year', () => {
    expect(certificateValidity('2021-03-01').validUntil).toBe('2028-02-29');
    expect(certificateValidity('2023-03-01').validUntil).toBe('2030-02-28');
  });

  it('ends on 28 February in a leap year when it starts on 29 February and 4 years are asked for', () => {
    expect(certificateValidity('2024-02-29', 4).validUntil).toBe('2028-02-28');
  });

  it('never ends before it starts', () => {
    for (let day = Date.UTC(2020, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      const from = new Date(day).toISOString().slice(0, 10);
      const { validUntil } = certificateValidity(from);
      assert.ok(validUntil > from, `${from} → ${validUntil}`);
    }
  });

  it('rejects a start that is not a calendar date', () => {
    assert.throws(() => certificateValidity('2023-02-29'), { code: 'VALIDATION_FAILED' });
    assert.throws(() => certificateValidity('15.03.2024'), { code: 'VALIDATION_FAILED' });
  });

  it('counts both ends as valid days', () => {
    const period = certificateValidity('2024-03-15');
    expect(isWithinValidity(period, '2024-03-14')).toBe(false);
    expect(isWithinValidity(period, '2024-03-15')).toBe(true);
    expect(isWithinValidity(period, '2031-03-14')).toBe(true);
    expect(isWithinValidity(period, '2031-03-15')).toBe(false);
  });
});
