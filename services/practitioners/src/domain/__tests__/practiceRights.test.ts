import { describe, expect, it } from '@jest/globals';
import { certificateInForce, mayPractise } from '../practiceRights';

const day = '2025-06-01';
const clinical = { validFrom: '2024-03-15', validUntil: '2031-03-14', status: 'ACTIVE' as const };
const counselling = { validFrom: '2023-01-01', validUntil: '2029-12-31', status: 'ACTIVE' as const };
const contract = { startsOn: '2025-01-01', endsOn: '2025-12-31' };

describe('who may practise', () => {
  it('a psychologist certified in two fields loses one certificate and keeps practising in the other', () => {
    const annulled = { ...clinical, status: 'ANNULLED' as const };
    expect(certificateInForce(annulled, day)).toBe(false);
    expect(certificateInForce(counselling, day)).toBe(true);
    expect(mayPractise({ status: 'CERTIFIED', certificates: [annulled, counselling], supervisionContracts: [] }, day)).toBe(true);
    const suspended = { ...counselling, status: 'SUSPENDED' as const };
    expect(mayPractise({ status: 'CERTIFIED', certificates: [annulled, suspended], supervisionContracts: [] }, day)).toBe(false);
  });

  it('an uncertified psychologist practises with a current supervision contract, not without one', () => {
    expect(mayPractise({ status: 'REGISTERED', certificates: [], supervisionContracts: [contract] }, day)).toBe(true);
    expect(mayPractise({ status: 'REGISTERED', certificates: [], supervisionContracts: [] }, day)).toBe(false);
    expect(mayPractise({ status: 'REGISTERED', certificates: [], supervisionContracts: [contract] }, '2026-01-01')).toBe(false);
    expect(mayPractise({ status: 'REGISTERED', certificates: [], supervisionContracts: [contract] }, '2025-12-31')).toBe(true);
  });

  it('nobody practises while the professional activity is suspended, terminated or excluded', () => {
    for (const status of ['SUSPENDED', 'TERMINATED', 'EXCLUDED'] as const) {
      expect(mayPractise({ status, certificates: [clinical], supervisionContracts: [contract] }, day)).toBe(false);
    }
    expect(mayPractise({ status: 'RESTORED', certificates: [clinical], supervisionContracts: [] }, day)).toBe(true);
  });

  it('a certificate counts only within its validity', () => {
    expect(certificateInForce(clinical, '2031-03-14')).toBe(true);
    expect(certificateInForce(clinical, '2031-03-15')).toBe(false);
  });
});
