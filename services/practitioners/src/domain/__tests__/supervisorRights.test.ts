import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import type { FieldOfPracticeCode } from '../fieldsOfPractice';
import { assertCanGrantSupervisorRights, type HeldCertificate } from '../supervisorRights';

const psychologist = { name: 'Anna Bērziņa', status: 'CERTIFIED' as const };
const decision = { number: 'PSP-S/1', date: '2025-01-15' };
const certificate = (fieldOfPractice: FieldOfPracticeCode, validFrom = '2024-03-15', validUntil = '2031-03-14'): HeldCertificate => ({
  id: `cert-${fieldOfPractice}`,
  fieldOfPractice,
  validFrom,
  validUntil,
  status: 'ACTIVE',
});
const held = [certificate('CLINICAL_AND_HEALTH'), certificate('COUNSELLING', '2023-01-01', '2029-12-31'), certificate('LEGAL')];

describe('supervisor rights', () => {
  it('start on the decision date and end with the certificate in that field', () => {
    expect(assertCanGrantSupervisorRights(psychologist, held, [], 'COUNSELLING', decision)).toStrictEqual({
      certificateId: 'cert-COUNSELLING',
      validFrom: '2025-01-15',
      validUntil: '2029-12-31',
    });
  });

  it('refuse a third field while two are current with QUOTA_EXCEEDED', () => {
    const rights = [
      { fieldOfPractice: 'CLINICAL_AND_HEALTH' as const, validFrom: '2024-04-01', validUntil: '2031-03-14' },
      { fieldOfPractice: 'COUNSELLING' as const, validFrom: '2024-04-01', validUntil: '2029-12-31' },
    ];
    assert.throws(() => assertCanGrantSupervisorRights(psychologist, held, rights, 'LEGAL', decision), {
      code: 'QUOTA_EXCEEDED',
      details: { field: 'fieldOfPractice', limit: 2 },
    });
  });

  it('allow a new field once earlier rights have ended', () => {
    const rights = [
      { fieldOfPractice: 'CLINICAL_AND_HEALTH' as const, validFrom: '2017-04-01', validUntil: '2024-03-14' },
      { fieldOfPractice: 'COUNSELLING' as const, validFrom: '2024-04-01', validUntil: '2029-12-31' },
    ];
    assert.ok(assertCanGrantSupervisorRights(psychologist, held, rights, 'LEGAL', decision));
  });

  it('refuse a field without a certificate current on the decision date', () => {
    assert.throws(() => assertCanGrantSupervisorRights(psychologist, held, [], 'MILITARY', decision), { code: 'VALIDATION_FAILED' });
    const expired = [certificate('MILITARY', '2017-01-01', '2023-12-31')];
    assert.throws(() => assertCanGrantSupervisorRights(psychologist, expired, [], 'MILITARY', decision), { code: 'VALIDATION_FAILED' });
  });

  it('refuse rights twice in one field, and for a psychologist who may not practise', () => {
    const rights = [{ fieldOfPractice: 'LEGAL' as const, validFrom: '2024-04-01', validUntil: '2031-03-14' }];
    assert.throws(() => assertCanGrantSupervisorRights(psychologist, held, rights, 'LEGAL', decision), { code: 'CONFLICT' });
    assert.throws(() => assertCanGrantSupervisorRights({ ...psychologist, status: 'SUSPENDED' }, held, [], 'LEGAL', decision), {
      code: 'CONFLICT',
    });
    assert.throws(() => assertCanGrantSupervisorRights({ ...psychologist, status: 'EXCLUDED' }, held, [], 'LEGAL', decision), {
      details: { reason: 'PERSON_EXCLUDED' },
    });
  });

  it('refuse a field whose certificate is suspended or annulled', () => {
    for (const status of ['SUSPENDED', 'ANNULLED'] as const) {
      assert.throws(() => assertCanGrantSupervisorRights(psychologist, [{ ...certificate('LEGAL'), status }], [], 'LEGAL', decision), {
        code: 'VALIDATION_FAILED',
        details: { field: 'fieldOfPractice' },
      });
    }
  });
});
