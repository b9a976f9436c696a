import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertSelectable, classifierAsOf } from '../interestClassifier';

describe('interest-education classifier as of a date', () => {
  it('offers the earlier classifier until 2024-08-31 and the new STEM entries from 2024-09-01', () => {
    const before = classifierAsOf('2024-08-31').map((entry) => entry.code);
    const after = classifierAsOf('2024-09-01').map((entry) => entry.code);
    assert.ok(before.includes('RETIRED_OTHER_PROGRAMMES'));
    assert.ok(!before.includes('AT_COMPUTING'));
    assert.ok(!after.includes('RETIRED_OTHER_PROGRAMMES'));
    assert.ok(after.includes('AT_COMPUTING'));
    assert.ok(before.includes('AK_MUSIC') && after.includes('AK_MUSIC'));
  });

  it('refuses an entry that ended on 2024-08-31 for a programme starting on or after 2024-09-01', () => {
    expect(assertSelectable('RETIRED_OTHER_PROGRAMMES', '2024-08-31').code).toBe('RETIRED_OTHER_PROGRAMMES');
    for (const startsOn of ['2024-09-01', '2025-01-15']) {
      assert.throws(
        () => assertSelectable('RETIRED_OTHER_PROGRAMMES', startsOn),
        (error: any) => error.code === 'VALIDATION_FAILED' && /ended on 2024-08-31/.test(error.message),
      );
    }
  });

  it('refuses an entry before it applies, and an unknown code with NOT_FOUND', () => {
    assert.throws(
      () => assertSelectable('AT_MATHEMATICS', '2024-06-01'),
      (error: any) => error.code === 'VALIDATION_FAILED' && /only from 2024-09-01/.test(error.message),
    );
    assert.throws(
      () => assertSelectable('NO_SUCH_ENTRY', '2024-09-01'),
      (error: any) => error.code === 'NOT_FOUND',
    );
  });
});
