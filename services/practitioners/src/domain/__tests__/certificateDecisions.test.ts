import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertCertificateDecision, type CertificateDecisionKind, type CertificateStatusCode } from '../certificateDecisions';
import { PERSON_EXCLUDED } from '../statusDecisions';

const person = { name: 'Anna Bērziņa', status: 'CERTIFIED' as const };
const decision = { number: 'PSP-C/7', date: '2025-02-01' };
const certificate = (status: CertificateStatusCode) => ({
  number: 'K-101',
  fieldOfPractice: 'CLINICAL_AND_HEALTH' as const,
  validFrom: '2024-03-15',
  validUntil: '2031-03-14',
  status,
  latestDecisionDate: '2024-03-15',
});

/** Which decision applies to a certificate in which status (the policy in certificateDecisions.ts). */
const TABLE: Record<CertificateDecisionKind, { to: CertificateStatusCode; from: CertificateStatusCode[] }> = {
  SUSPEND: { to: 'SUSPENDED', from: ['ACTIVE'] },
  ANNUL: { to: 'ANNULLED', from: ['ACTIVE', 'SUSPENDED'] },
  RESTORE: { to: 'ACTIVE', from: ['SUSPENDED'] },
};

describe('decisions on one certificate', () => {
  for (const [kind, { to, from }] of Object.entries(TABLE) as Array<[CertificateDecisionKind, (typeof TABLE)[CertificateDecisionKind]]>) {
    it(`${kind.toLowerCase()} leads to ${to} from ${from.join(', ')} and is refused with CONFLICT otherwise`, () => {
      for (const status of ['ACTIVE', 'SUSPENDED', 'ANNULLED'] as const) {
        if (from.includes(status)) expect(assertCertificateDecision(person, certificate(status), kind, decision)).toBe(to);
        else
          assert.throws(() => assertCertificateDecision(person, certificate(status), kind, decision), {
            code: 'CONFLICT',
            details: { reason: 'CERTIFICATE_STATUS_DOES_NOT_ALLOW' },
          });
      }
    });
  }

  it('takes no decision on a certificate of an excluded person', () => {
    assert.throws(() => assertCertificateDecision({ ...person, status: 'EXCLUDED' }, certificate('ACTIVE'), 'SUSPEND', decision), {
      details: { reason: PERSON_EXCLUDED },
    });
  });

  it('refuses a decision dated before the latest one on the certificate, or after its validity ended', () => {
    assert.throws(() => assertCertificateDecision(person, certificate('ACTIVE'), 'SUSPEND', { ...decision, date: '2024-03-14' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'decision.date' },
    });
    assert.throws(() => assertCertificateDecision(person, { ...certificate('ACTIVE'), validUntil: '2025-01-31' }, 'ANNUL', decision), {
      code: 'CONFLICT',
      message: /ended on 2025-01-31/,
    });
  });
});
