import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import {
  assertApplicationStep,
  assertLicenceAccreditable,
  assertPastOrToday,
  assertRefusalReason,
  placesOfApplication,
} from '../applicationRules';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

const places = [
  { id: 'p1', address: 'Skolas iela 1, Rīga' },
  { id: 'p2', address: 'Meža iela 4, Ogre' },
];

describe('an application lists every implementation place', () => {
  it("takes the register's places when the applicant lists none", () => {
    expect(placesOfApplication(places, undefined)).toStrictEqual(places);
    expect(placesOfApplication(places, [])).toStrictEqual(places);
  });

  it('accepts a list naming every place, in any order', () => {
    expect(placesOfApplication(places, ['p2', 'p1'])).toStrictEqual(places);
  });

  it('refuses a list that leaves a place out, naming its address', () => {
    assert.throws(
      () => placesOfApplication(places, ['p1']),
      (error: any) => error.code === 'VALIDATION_FAILED' && /Meža iela 4, Ogre/.test(error.message),
    );
  });

  it('refuses a place the register does not know', () => {
    expect(code(() => placesOfApplication(places, ['p1', 'p2', 'p3']))).toBe('VALIDATION_FAILED');
  });

  it('refuses an institution without any place as a conflict', () => {
    expect(code(() => placesOfApplication([], undefined))).toBe('CONFLICT');
  });
});

describe('a programme is accredited by an active licence of the institution', () => {
  const licence = { id: 'l1', institutionId: 'i1', programmeCode: '21011111', status: 'ACTIVE' };
  it('accepts an active licence of the institution', () => expect(assertLicenceAccreditable(licence, 'l1', 'i1')).toBe(licence));
  it('refuses an unknown licence', () => expect(code(() => assertLicenceAccreditable(null, 'l1', 'i1'))).toBe('NOT_FOUND'));
  it("refuses another institution's licence", () =>
    expect(code(() => assertLicenceAccreditable(licence, 'l1', 'i2'))).toBe('VALIDATION_FAILED'));
  it('refuses a revoked licence', () =>
    expect(code(() => assertLicenceAccreditable({ ...licence, status: 'REVOKED' }, 'l1', 'i1'))).toBe('CONFLICT'));
});

describe('the steps of an application', () => {
  it('evaluates only a submitted application', () => {
    expect(code(() => assertApplicationStep('SUBMITTED', 'evaluate'))).toBe('no error');
    expect(code(() => assertApplicationStep('EVALUATED', 'evaluate'))).toBe('CONFLICT');
  });

  it('decides only after the evaluation, and says so', () => {
    expect(code(() => assertApplicationStep('EVALUATED', 'decide'))).toBe('no error');
    assert.throws(() => assertApplicationStep('SUBMITTED', 'decide'), /record its evaluation first/);
  });

  it('refuses before or after the evaluation, never after a decision or closing', () => {
    expect(code(() => assertApplicationStep('SUBMITTED', 'refuse'))).toBe('no error');
    expect(code(() => assertApplicationStep('EVALUATED', 'refuse'))).toBe('no error');
    for (const final of ['ACCREDITED', 'REFUSED', 'CLOSED']) expect(code(() => assertApplicationStep(final, 'refuse'))).toBe('CONFLICT');
  });

  it('needs a reason for a refusal', () => {
    expect(code(() => assertRefusalReason('  '))).toBe('VALIDATION_FAILED');
    expect(assertRefusalReason(' Self-assessment report not published ')).toBe('Self-assessment report not published');
  });

  it('refuses dates after today', () => {
    expect(assertPastOrToday('2024-10-01', '2024-10-01', 'submittedOn')).toBe('2024-10-01');
    expect(code(() => assertPastOrToday('2024-10-02', '2024-10-01', 'submittedOn'))).toBe('VALIDATION_FAILED');
    expect(code(() => assertPastOrToday('2024-02-30', '2024-10-01', 'submittedOn'))).toBe('VALIDATION_FAILED');
  });
});
