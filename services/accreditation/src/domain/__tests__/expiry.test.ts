import { describe, expect, it } from '@jest/globals';
import { expiringNoticeReaches, hasExpired, isApplicationOverdue } from '../expiry';
import { endReasonForLicenceStatus } from '../licenceEnding';

describe('expiry of a term', () => {
  it('expires the day after the last day of the term, not on it', () => {
    expect(hasExpired('2030-08-31', '2030-08-31')).toBe(false);
    expect(hasExpired('2030-08-31', '2030-09-01')).toBe(true);
  });

  it('announces terms ending within the notice period', () => {
    expect(expiringNoticeReaches('2030-03-04', 180)).toBe('2030-08-31');
  });

  it('flags an institution that has not applied once the deadline has passed', () => {
    expect(isApplicationOverdue('2030-04-30', '2030-04-30', false)).toBe(false);
    expect(isApplicationOverdue('2030-04-30', '2030-05-01', false)).toBe(true);
    expect(isApplicationOverdue('2030-04-30', '2030-05-01', true)).toBe(false);
  });
});

describe('a licence ending ends its programme accreditation', () => {
  it('ends it when the licence is revoked or lapses, not when it is suspended or transferred', () => {
    expect(endReasonForLicenceStatus('REVOKED')).toBe('LICENCE_REVOKED');
    expect(endReasonForLicenceStatus('LAPSED')).toBe('LICENCE_LAPSED');
    for (const status of ['ACTIVE', 'SUSPENDED', 'TRANSFERRED']) expect(endReasonForLicenceStatus(status)).toBe(null);
  });
});
