import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expiringNoticeReaches, hasExpired, isApplicationOverdue } from '../expiry';
import { endReasonForLicenceStatus } from '../licenceEnding';

describe('expiry of a term', () => {
  it('expires the day after the last day of the term, not on it', () => {
    assert.equal(hasExpired('2030-08-31', '2030-08-31'), false);
    assert.equal(hasExpired('2030-08-31', '2030-09-01'), true);
  });

  it('announces terms ending within the notice period', () => {
    assert.equal(expiringNoticeReaches('2030-03-04', 180), '2030-08-31');
  });

  it('flags an institution that has not applied once the deadline has passed', () => {
    assert.equal(isApplicationOverdue('2030-04-30', '2030-04-30', false), false);
    assert.equal(isApplicationOverdue('2030-04-30', '2030-05-01', false), true);
    assert.equal(isApplicationOverdue('2030-04-30', '2030-05-01', true), false);
  });
});

describe('a licence ending ends its programme accreditation', () => {
  it('ends it when the licence is revoked or lapses, not when it is suspended or transferred', () => {
    assert.equal(endReasonForLicenceStatus('REVOKED'), 'LICENCE_REVOKED');
    assert.equal(endReasonForLicenceStatus('LAPSED'), 'LICENCE_LAPSED');
    for (const status of ['ACTIVE', 'SUSPENDED', 'TRANSFERRED']) assert.equal(endReasonForLicenceStatus(status), null);
  });
});
