import { describe, expect, it } from '@jest/globals';
import { followsLicence, transferConfirmed, transferOutcome, transferStepOf } from '../licenceTransfer';

const A = '6f1c1b7e-3d2a-4e55-9b0c-1a2b3c4d5e6f';
const B = '0b8e2c1d-7a44-4f0e-8d1c-2e3f4a5b6c7d';

describe('a programme accreditation following its licence to the successor', () => {
  it("reads the transfer from the predecessor's transferred licence", () => {
    expect(transferStepOf({ id: A, status: 'TRANSFERRED', continuedById: B })).toStrictEqual({ fromLicenceId: A, toLicenceId: B });
  });

  it("reads the transfer from the successor's licence that continues another", () => {
    expect(transferStepOf({ id: B, status: 'ACTIVE', continuesId: A })).toStrictEqual({ fromLicenceId: A, toLicenceId: B });
  });

  it('sees no transfer in a licence that neither continues nor is continued', () => {
    expect(transferStepOf({ id: A, status: 'ACTIVE', continuesId: null, continuedById: null })).toBe(null);
    expect(transferStepOf({ id: A, status: 'REVOKED' })).toBe(null);
  });

  it('confirms only a predecessor TRANSFERRED to exactly this licence', () => {
    expect(transferConfirmed({ id: A, status: 'TRANSFERRED', continuedById: B }, B)).toBe(true);
    expect(transferConfirmed({ id: A, status: 'RELICENSED', continuedById: B }, B)).toBe(false);
    expect(transferConfirmed({ id: A, status: 'TRANSFERRED', continuedById: A }, B)).toBe(false);
    expect(transferConfirmed({ id: A, status: 'ACTIVE', continuedById: null }, B)).toBe(false);
    expect(transferConfirmed(null, B)).toBe(false);
  });

  it("moves the accreditation unless the successor's licence is accredited already", () => {
    expect(transferOutcome(false)).toBe('MOVE');
    expect(transferOutcome(true)).toBe('END');
  });
});

describe('whose programme accreditations follow their licences', () => {
  it('an institution reorganised into successors: its licences transfer, so the accreditations follow', () => {
    expect(followsLicence({ liquidationKind: 'REORGANISATION', successors: [{ institutionId: B }] })).toBe(true);
  });

  it('an institution liquidated, struck off, or reorganised without a successor: its licences lapse', () => {
    expect(followsLicence({ liquidationKind: 'LIQUIDATION', successors: [] })).toBe(false);
    expect(followsLicence({ liquidationKind: 'STRIKING_OFF', successors: [] })).toBe(false);
    expect(followsLicence({ liquidationKind: 'REORGANISATION', successors: [] })).toBe(false);
  });
});
