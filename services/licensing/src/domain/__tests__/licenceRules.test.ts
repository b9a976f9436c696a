import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { assertCanLicence, assertProgrammeCode } from '../licenceRules';

const withCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;
const ID = '6f1c1b7e-3d2a-4e55-9b0c-1a2b3c4d5e6f';
const PLACE = { id: '0b8e2c1d-7a44-4f0e-8d1c-2e3f4a5b6c7d', address: 'Ausekļa iela 25, Valmiera' };
const school = (status: string, type = 'SECONDARY_SCHOOL') => ({
  id: ID,
  name: 'Valmieras Viestura vidusskola',
  status,
  type,
  implementationPlaces: [PLACE],
});

describe('who may be licensed, and where', () => {
  it('licenses an active institution at one of its own places', () => {
    expect(assertCanLicence(school('ACTIVE'), ID, PLACE.id)).toStrictEqual(PLACE);
  });

  it('refuses a liquidated institution with CONFLICT', () => {
    assert.throws(() => assertCanLicence(school('LIQUIDATED'), ID, PLACE.id), withCode(ErrorCode.CONFLICT));
    assert.throws(() => assertCanLicence(school('LIQUIDATED'), ID, PLACE.id), /liquidated: no new licences/);
  });

  it('refuses an interest-education institution as out of scope: its programmes are registered, not licensed (source 004)', () => {
    assert.throws(
      () => assertCanLicence(school('ACTIVE', 'INTEREST_EDUCATION'), ID, PLACE.id),
      (error: unknown) =>
        error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details?.reason === 'OUT_OF_SCOPE',
    );
  });

  it('refuses an institution the register has not announced with NOT_FOUND', () => {
    assert.throws(() => assertCanLicence(null, ID, PLACE.id), withCode(ErrorCode.NOT_FOUND));
  });

  it("refuses a place that is not the institution's with VALIDATION_FAILED", () => {
    assert.throws(() => assertCanLicence(school('ACTIVE'), ID, ID), withCode(ErrorCode.VALIDATION_FAILED));
  });

  it('takes 8-digit programme codes only', () => {
    expect(assertProgrammeCode(' 21011111 ')).toBe('21011111');
    assert.throws(() => assertProgrammeCode('2101111'), withCode(ErrorCode.VALIDATION_FAILED));
    assert.throws(() => assertProgrammeCode('2101111A'), withCode(ErrorCode.VALIDATION_FAILED));
  });
});
