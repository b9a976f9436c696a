import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { extendTerm, maximumExtendedEnd } from '../extensionRules';

// Six years granted from 2024-09-01: the term ends 2030-08-31; two more years at most.
const granted = { status: 'ACTIVE', termStart: '2024-09-01', termYears: 6, termEnd: '2030-08-31' };

describe('extension during reorganisation or building works', () => {
  it('reaches at most two years past the term granted', () => {
    expect(maximumExtendedEnd(granted)).toBe('2032-08-31');
    expect(extendTerm(granted, '2032-08-31', '2030-01-15')).toStrictEqual({ termEnd: '2032-08-31', applicationDueBy: '2032-04-30' });
  });

  it('refuses one day past the two-year ceiling', () => {
    assert.throws(
      () => extendTerm(granted, '2032-09-01', '2030-01-15'),
      (error: any) => error.code === 'VALIDATION_FAILED' && /2032-08-31/.test(error.message),
    );
  });

  it('counts the ceiling from the granted term, so a second extension cannot pass it', () => {
    const onceExtended = { ...granted, termEnd: '2031-08-31' };
    expect(extendTerm(onceExtended, '2032-08-31', '2031-05-01').termEnd).toBe('2032-08-31');
    assert.throws(() => extendTerm(onceExtended, '2033-08-31', '2031-05-01'), /at most 2 years/);
  });

  it('only moves the end later, on an active accreditation, decided before the term ends', () => {
    assert.throws(() => extendTerm(granted, '2030-08-31', '2030-01-15'), /after the current one/);
    assert.throws(
      () => extendTerm({ ...granted, status: 'EXPIRED' }, '2031-08-31', '2030-01-15'),
      (error: any) => error.code === 'CONFLICT',
    );
    assert.throws(() => extendTerm(granted, '2031-08-31', '2030-09-01'), /before the term ends/);
  });
});
