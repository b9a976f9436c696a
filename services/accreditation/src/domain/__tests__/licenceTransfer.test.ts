import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followsLicence, transferConfirmed, transferOutcome, transferStepOf } from '../licenceTransfer';

const A = '6f1c1b7e-3d2a-4e55-9b0c-1a2b3c4d5e6f';
const B = '0b8e2c1d-7a44-4f0e-8d1c-2e3f4a5b6c7d';

describe('a programme accreditation following its licence to the successor', () => {
  it('reads the transfer from the predecessor\'s transferred licence', () => {
    assert.deepEqual(transferStepOf({ id: A, status: 'TRANSFERRED', continuedById: B }), { fromLicenceId: A, toLicenceId: B });
  });

  it('reads the transfer from the successor\'s licence that continues another', () => {
    assert.deepEqual(transferStepOf({ id: B, status: 'ACTIVE', continuesId: A }), { fromLicenceId: A, toLicenceId: B });
  });

  it('sees no transfer in a licence that neither continues nor is continued', () => {
    assert.equal(transferStepOf({ id: A, status: 'ACTIVE', continuesId: null, continuedById: null }), null);
    assert.equal(transferStepOf({ id: A, status: 'REVOKED' }), null);
  });

  it('confirms only a predecessor TRANSFERRED to exactly this licence', () => {
    assert.equal(transferConfirmed({ id: A, status: 'TRANSFERRED', continuedById: B }, B), true);
    assert.equal(transferConfirmed({ id: A, status: 'RELICENSED', continuedById: B }, B), false);
    assert.equal(transferConfirmed({ id: A, status: 'TRANSFERRED', continuedById: A }, B), false);
    assert.equal(transferConfirmed({ id: A, status: 'ACTIVE', continuedById: null }, B), false);
    assert.equal(transferConfirmed(null, B), false);
  });

  it('moves the accreditation unless the successor\'s licence is accredited already', () => {
    assert.equal(transferOutcome(false), 'MOVE');
    assert.equal(transferOutcome(true), 'END');
  });
});

describe('whose programme accreditations follow their licences', () => {
  it('an institution reorganised into successors: its licences transfer, so the accreditations follow', () => {
    assert.equal(followsLicence({ liquidationKind: 'REORGANISATION', successors: [{ institutionId: B }] }), true);
  });

  it('an institution liquidated, struck off, or reorganised without a successor: its licences lapse', () => {
    assert.equal(followsLicence({ liquidationKind: 'LIQUIDATION', successors: [] }), false);
    assert.equal(followsLicence({ liquidationKind: 'STRIKING_OFF', successors: [] }), false);
    assert.equal(followsLicence({ liquidationKind: 'REORGANISATION', successors: [] }), false);
  });
});
