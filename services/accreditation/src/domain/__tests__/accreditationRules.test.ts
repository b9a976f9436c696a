import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertCanAccredit, assertNoOverlap, normaliseDecision } from '../accreditationRules';
import { termFrom } from '../termPolicy';

const withCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;
const ID = '6f1c1b7e-3d2a-4e55-9b0c-1a2b3c4d5e6f';

describe('who can be accredited', () => {
  it('refuses an institution the register has not announced with NOT_FOUND', () => {
    assert.throws(() => assertCanAccredit(null, ID), withCode(ErrorCode.NOT_FOUND));
  });

  it('refuses a liquidated institution with CONFLICT', () => {
    assert.throws(
      () => assertCanAccredit({ id: ID, name: 'Skola', status: 'LIQUIDATED', type: 'BASIC_SCHOOL' }, ID),
      withCode(ErrorCode.CONFLICT),
    );
  });

  it('accepts an active institution', () => {
    expect(assertCanAccredit({ id: ID, name: 'Skola', status: 'ACTIVE', type: 'BASIC_SCHOOL' }, ID).id).toBe(ID);
  });

  it('refuses pre-school and interest-education institutions as out of scope (source 004)', () => {
    for (const type of ['PRESCHOOL', 'INTEREST_EDUCATION']) {
      assert.throws(
        () => assertCanAccredit({ id: ID, name: 'Iestāde', status: 'ACTIVE', type }, ID),
        (error: unknown) =>
          error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details?.reason === 'OUT_OF_SCOPE',
      );
    }
  });
});

describe('accreditation decisions', () => {
  it('starts the term on the decision date unless told otherwise', () => {
    expect(normaliseDecision({ decisionNumber: ' A-1 ', decisionDate: '2024-05-02' }, '2024-06-01')).toStrictEqual({
      decisionNumber: 'A-1',
      decisionDate: '2024-05-02',
      termStart: '2024-05-02',
    });
  });

  it('refuses a term that starts before the decision', () => {
    assert.throws(
      () => normaliseDecision({ decisionNumber: 'A-1', decisionDate: '2024-05-02', termStart: '2024-05-01' }, '2024-06-01'),
      withCode(ErrorCode.VALIDATION_FAILED),
    );
  });

  it('refuses a decision dated after today, an empty number and an impossible date', () => {
    assert.throws(
      () => normaliseDecision({ decisionNumber: 'A-1', decisionDate: '2024-06-02' }, '2024-06-01'),
      withCode(ErrorCode.VALIDATION_FAILED),
    );
    assert.throws(
      () => normaliseDecision({ decisionNumber: '  ', decisionDate: '2024-05-02' }, '2024-06-01'),
      withCode(ErrorCode.VALIDATION_FAILED),
    );
    assert.throws(
      () => normaliseDecision({ decisionNumber: 'A-1', decisionDate: '2024-02-30' }, '2024-06-01'),
      withCode(ErrorCode.VALIDATION_FAILED),
    );
  });
});

describe('one accreditation at a time', () => {
  const current = { termStart: '2024-09-01', termEnd: '2030-08-31', decisionNumber: 'A-1' };

  it('refuses a term that overlaps an active one with CONFLICT', () => {
    assert.throws(() => assertNoOverlap([current], termFrom('2030-08-31', 6)), withCode(ErrorCode.CONFLICT));
    assert.throws(() => assertNoOverlap([current], termFrom('2026-01-01', 2)), withCode(ErrorCode.CONFLICT));
  });

  it('accepts a term that follows the active one', () => {
    assert.doesNotThrow(() => assertNoOverlap([current], termFrom('2030-09-01', 6)));
  });
});
