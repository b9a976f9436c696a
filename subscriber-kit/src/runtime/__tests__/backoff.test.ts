import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from '../backoff';

describe('consumer restart backoff', () => {
  const policy = { initialMs: 500, maxMs: 10_000 };

  it('doubles with each failure up to its cap', () => {
    const top = (failures: number) => backoffDelay(policy, failures, () => 1);
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(top)).toStrictEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('draws from the upper half of the step, so restarts spread out but never come at once', () => {
    expect(backoffDelay(policy, 3, () => 0)).toBe(1000);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(1500);
    for (let i = 0; i < 1000; i += 1) {
      const delay = backoffDelay(policy, 40);
      assert.ok(delay >= 5000 && delay <= 10_000, `${delay} within [5000, 10000]`);
    }
  });

  it('treats zero or negative failures as the first', () => {
    expect(backoffDelay(policy, 0, () => 1)).toBe(500);
    expect(backoffDelay(policy, -3, () => 1)).toBe(500);
  });
});
