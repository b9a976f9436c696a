import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertDecisionOnRegisteredProvider, assertProviderIdentity, isPublicEntry, visibleHomeAddress } from '../childcareProviders';
import { assertCanExtend, assertCanRevoke, assertPrivatePracticePeriod, isPrivatePracticeCurrent } from '../privatePractice';
import { addDays, annualReportPeriod, assertHorizonDays, daysBetween } from '../reportPeriods';

const decision = { number: 'BU-2024/7', date: '2024-05-02' };

describe('child-supervision service providers', () => {
  it('identify a natural person by a personal code and a legal person by an 11-digit company number, never both', () => {
    expect(assertProviderIdentity({ kind: 'NATURAL_PERSON', personalCode: '010180-10006' })).toStrictEqual({
      personalCode: '010180-10006',
      companyNumber: null,
    });
    expect(assertProviderIdentity({ kind: 'LEGAL_PERSON', companyNumber: ' 40003000001 ' })).toStrictEqual({
      personalCode: null,
      companyNumber: '40003000001',
    });
    assert.throws(() => assertProviderIdentity({ kind: 'NATURAL_PERSON' }), { details: { field: 'personalCode' } });
    assert.throws(() => assertProviderIdentity({ kind: 'NATURAL_PERSON', personalCode: 'x', companyNumber: '40003000001' }), {
      details: { field: 'companyNumber' },
    });
    assert.throws(() => assertProviderIdentity({ kind: 'LEGAL_PERSON', companyNumber: '4000300' }), {
      details: { field: 'companyNumber' },
    });
    assert.throws(() => assertProviderIdentity({ kind: 'LEGAL_PERSON', personalCode: 'x', companyNumber: '40003000001' }), {
      details: { field: 'personalCode' },
    });
  });

  it("show a natural person's home address only with consent or to an officer; a legal address always", () => {
    const natural = { kind: 'NATURAL_PERSON' as const, homeAddress: 'Liepu iela 3, Cēsis', homeAddressPublic: false };
    expect(visibleHomeAddress(natural, false)).toBe(null);
    expect(visibleHomeAddress(natural, true)).toBe(natural.homeAddress);
    expect(visibleHomeAddress({ ...natural, homeAddressPublic: true }, false)).toBe(natural.homeAddress);
    expect(visibleHomeAddress({ ...natural, kind: 'LEGAL_PERSON' }, false)).toBe(natural.homeAddress);
  });

  it('keep refused applications out of the public register', () => {
    expect((['REGISTERED', 'REFUSED', 'EXCLUDED'] as const).filter(isPublicEntry)).toStrictEqual(['REGISTERED', 'EXCLUDED']);
  });

  it('take amendments and exclusions only on registered entries, not before the registration', () => {
    const provider = { name: 'SIA Auklīte', status: 'REGISTERED' as const, decisionDate: '2024-01-01' };
    assert.doesNotThrow(() => assertDecisionOnRegisteredProvider(provider, decision));
    assert.throws(() => assertDecisionOnRegisteredProvider({ ...provider, status: 'EXCLUDED' }, decision), { code: 'CONFLICT' });
    assert.throws(() => assertDecisionOnRegisteredProvider({ ...provider, status: 'REFUSED' }, decision), { code: 'CONFLICT' });
    assert.throws(() => assertDecisionOnRegisteredProvider({ ...provider, decisionDate: '2024-06-01' }, decision), {
      code: 'VALIDATION_FAILED',
    });
  });
});

describe("teachers' private-practice certificates", () => {
  it('start on the decision date by default and refuse an end before the start', () => {
    expect(assertPrivatePracticePeriod(decision, null, '2029-05-01')).toStrictEqual({ validFrom: '2024-05-02', validUntil: '2029-05-01' });
    assert.throws(() => assertPrivatePracticePeriod(decision, '2024-06-01', '2024-05-31'), {
      code: 'VALIDATION_FAILED',
      details: { field: 'validUntil' },
    });
    assert.throws(() => assertPrivatePracticePeriod(decision, '2024-05-01', '2029-05-01'), { details: { field: 'validFrom' } });
  });

  it('extend only to a later end, and neither extend nor revoke a revoked certificate', () => {
    const issued = {
      number: 'PP-1',
      status: 'ISSUED' as const,
      decisionDate: '2024-01-01',
      validFrom: '2024-01-01',
      validUntil: '2026-12-31',
    };
    expect(assertCanExtend(issued, decision, '2028-12-31')).toBe('2028-12-31');
    assert.throws(() => assertCanExtend(issued, decision, '2026-12-31'), { details: { field: 'validUntil' } });
    assert.throws(() => assertCanExtend({ ...issued, status: 'REVOKED' }, decision, '2028-12-31'), { code: 'CONFLICT' });
    assert.doesNotThrow(() => assertCanRevoke(issued, decision));
    assert.throws(() => assertCanRevoke({ ...issued, status: 'REVOKED' }, decision), { code: 'CONFLICT' });
  });

  it('count as current only when issued and within the period', () => {
    const period = { validFrom: '2024-01-01', validUntil: '2026-12-31' };
    expect(isPrivatePracticeCurrent({ ...period, status: 'ISSUED' }, '2026-12-31')).toBe(true);
    expect(isPrivatePracticeCurrent({ ...period, status: 'ISSUED' }, '2027-01-01')).toBe(false);
    expect(isPrivatePracticeCurrent({ ...period, status: 'REVOKED' }, '2025-01-01')).toBe(false);
  });
});

describe('report periods', () => {
  it('bound the expiry horizon to 0-366 whole days and count days across a leap day', () => {
    expect(assertHorizonDays(30)).toBe(30);
    for (const bad of [-1, 367, 1.5]) assert.throws(() => assertHorizonDays(bad), { details: { field: 'withinDays' } });
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('count supervisors at the end of a past year, or today in the current one, and refuse a future year', () => {
    expect(annualReportPeriod(2023, '2024-11-22')).toStrictEqual({ from: '2023-01-01', to: '2023-12-31', supervisorsOn: '2023-12-31' });
    expect(annualReportPeriod(2024, '2024-11-22').supervisorsOn).toBe('2024-11-22');
    assert.throws(() => annualReportPeriod(2025, '2024-11-22'), { details: { field: 'year' } });
  });
});
