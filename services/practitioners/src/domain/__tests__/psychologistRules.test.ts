import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { normaliseDecision } from '../decisions';
import { assertCanCertify, type PsychologistStatusCode, type PsychologistView } from '../psychologistRules';
import { assertRegistrationNumber } from '../registrationNumber';

const registered: PsychologistView = { name: 'Anna Bērziņa', status: 'REGISTERED', registrationDecisionDate: '2023-05-10' };
const decision = { number: 'PSP-2024/14', date: '2024-03-15' };
const clinical = { fieldOfPractice: 'CLINICAL_AND_HEALTH' as const, decision };

describe('certifying a psychologist', () => {
  it('gives a 7-year certificate from the decision date by default', () => {
    expect(assertCanCertify(registered, [], clinical)).toStrictEqual({ validFrom: '2024-03-15', validUntil: '2031-03-14' });
  });

  it('starts on a later validFrom when given', () => {
    expect(assertCanCertify(registered, [], { ...clinical, validFrom: '2024-04-01' })).toStrictEqual({
      validFrom: '2024-04-01',
      validUntil: '2031-03-31',
    });
  });

  it('allows certification of a certified or restored psychologist in another field', () => {
    for (const status of ['CERTIFIED', 'RESTORED'] as const) {
      assert.ok(assertCanCertify({ ...registered, status }, [], clinical));
    }
  });

  it('refuses a suspended, terminated or excluded psychologist with CONFLICT', () => {
    for (const status of ['SUSPENDED', 'TERMINATED', 'EXCLUDED'] satisfies PsychologistStatusCode[]) {
      assert.throws(() => assertCanCertify({ ...registered, status }, [], clinical), {
        code: 'CONFLICT',
        message: new RegExp(status.toLowerCase()),
      });
    }
  });

  it('refuses a certificate valid before its decision', () => {
    assert.throws(() => assertCanCertify(registered, [], { ...clinical, validFrom: '2024-03-14' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'validFrom' },
    });
  });

  it('refuses a certification decided before the registration', () => {
    assert.throws(() => assertCanCertify({ ...registered, registrationDecisionDate: '2024-03-16' }, [], clinical), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
  });

  it('refuses a second certificate in a field while the first is valid, but allows a renewal after it', () => {
    const held = [
      { fieldOfPractice: 'CLINICAL_AND_HEALTH' as const, validFrom: '2017-03-15', validUntil: '2024-03-15', status: 'ACTIVE' as const },
    ];
    assert.throws(() => assertCanCertify(registered, held, clinical), { code: 'CONFLICT' });
    expect(assertCanCertify(registered, held, { ...clinical, validFrom: '2024-03-16' })).toStrictEqual({
      validFrom: '2024-03-16',
      validUntil: '2031-03-15',
    });
    assert.ok(assertCanCertify(registered, held, { ...clinical, fieldOfPractice: 'COUNSELLING' }));
  });
});

describe('decisions', () => {
  it('trims the number and keeps the date', () => {
    expect(normaliseDecision({ number: '  PSP-1 ', date: '2024-01-02' }, '2024-11-22')).toStrictEqual({
      number: 'PSP-1',
      date: '2024-01-02',
    });
  });

  it('refuses an empty number, an impossible date and a date after today', () => {
    assert.throws(() => normaliseDecision({ number: ' ', date: '2024-01-02' }, '2024-11-22'), { details: { field: 'decision.number' } });
    assert.throws(() => normaliseDecision({ number: 'A', date: '2024-02-30' }, '2024-11-22'), { details: { field: 'decision.date' } });
    assert.throws(() => normaliseDecision({ number: 'A', date: '2024-11-23' }, '2024-11-22'), { message: /after today/ });
  });
});

describe('registration numbers (policy: 1-8 digits, no leading zero)', () => {
  it('accepts register numbers and trims them', () => {
    expect(assertRegistrationNumber(' 1406 ')).toBe('1406');
    expect(assertRegistrationNumber('12345678')).toBe('12345678');
  });

  it('refuses leading zeros, letters, and numbers too long', () => {
    for (const bad of ['0123', 'P-1', '', '123456789', '12 34']) {
      assert.throws(() => assertRegistrationNumber(bad), { code: 'VALIDATION_FAILED', details: { field: 'registrationNumber' } });
    }
  });

  it('lets a new certification follow an annulled certificate in the same field', () => {
    const annulled = [
      { fieldOfPractice: 'CLINICAL_AND_HEALTH' as const, validFrom: '2024-01-01', validUntil: '2030-12-31', status: 'ANNULLED' as const },
    ];
    expect(assertCanCertify(registered, annulled, clinical)).toStrictEqual({ validFrom: '2024-03-15', validUntil: '2031-03-14' });
    assert.throws(() => assertCanCertify(registered, [{ ...annulled[0]!, status: 'SUSPENDED' }], clinical), { code: 'CONFLICT' });
  });
});
