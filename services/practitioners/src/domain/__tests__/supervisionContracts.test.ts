import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertCanRecordSupervisionContract, type ContractParty, type SupervisorParty } from '../supervisionContracts';

const certificate = { id: 'c-1', validFrom: '2024-01-01', validUntil: '2030-12-31', status: 'ACTIVE' as const };
const supervisee: ContractParty = { id: 'p-1', name: 'Ilze Ozola', status: 'REGISTERED', certificates: [] };
const supervisor: SupervisorParty = {
  id: 'p-2',
  name: 'Anna Bērziņa',
  status: 'CERTIFIED',
  certificates: [certificate],
  supervisorRights: [{ certificateId: 'c-1', validFrom: '2024-06-01', validUntil: '2030-12-31' }],
};
const contract = { startsOn: '2025-01-01', endsOn: '2025-12-31' };

describe('supervision contracts', () => {
  it('are recorded for a registered psychologist without a certificate, with a supervisor whose rights are in force', () => {
    expect(assertCanRecordSupervisionContract(supervisee, supervisor, contract)).toStrictEqual(contract);
  });

  it('refuse a period that ends before it starts, and self-supervision', () => {
    assert.throws(() => assertCanRecordSupervisionContract(supervisee, supervisor, { startsOn: '2025-02-01', endsOn: '2025-01-31' }), {
      code: 'VALIDATION_FAILED',
      details: { field: 'endsOn' },
    });
    assert.throws(() => assertCanRecordSupervisionContract({ ...supervisee, id: 'p-2' }, supervisor, contract), {
      details: { field: 'supervisorId' },
    });
  });

  it('refuse a supervisee holding a certificate in force, or whose activity is suspended', () => {
    assert.throws(
      () => assertCanRecordSupervisionContract({ ...supervisee, certificates: [{ ...certificate, id: 'c-9' }] }, supervisor, contract),
      {
        code: 'CONFLICT',
      },
    );
    assert.throws(() => assertCanRecordSupervisionContract({ ...supervisee, status: 'SUSPENDED' }, supervisor, contract), {
      code: 'CONFLICT',
    });
  });

  it('refuse a supervisor without rights in force on the start date: none yet, suspended certificate, suspended activity', () => {
    for (const other of [
      { ...supervisor, supervisorRights: [] },
      { ...supervisor, certificates: [{ ...certificate, status: 'SUSPENDED' as const }] },
      { ...supervisor, status: 'SUSPENDED' as const },
    ]) {
      assert.throws(() => assertCanRecordSupervisionContract(supervisee, other, contract), {
        code: 'VALIDATION_FAILED',
        details: { field: 'supervisorId' },
      });
    }
    assert.throws(() => assertCanRecordSupervisionContract(supervisee, supervisor, { startsOn: '2024-05-31', endsOn: '2024-12-31' }), {
      details: { field: 'supervisorId' },
    });
  });
});
