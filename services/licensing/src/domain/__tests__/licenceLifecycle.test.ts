import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { assertPlaceCanBeAdded, assertPlaceCanBeRemoved, nextStatus, type LicenceAction, type LicenceStatus } from '../licenceLifecycle';

const conflictError = (error: any) => error.code === 'CONFLICT';

describe('licence lifecycle', () => {
  const allowed: Array<[LicenceStatus, LicenceAction, LicenceStatus]> = [
    ['ACTIVE', 'AMENDED', 'ACTIVE'],
    ['SUSPENDED', 'AMENDED', 'SUSPENDED'],
    ['ACTIVE', 'SUSPENDED', 'SUSPENDED'],
    ['SUSPENDED', 'RIGHTS_RESTORED', 'ACTIVE'],
    ['REVOKED', 'RIGHTS_RESTORED', 'ACTIVE'],
    ['ACTIVE', 'REVOKED', 'REVOKED'],
    ['SUSPENDED', 'REVOKED', 'REVOKED'],
    ['ACTIVE', 'RELICENSED', 'RELICENSED'],
    ['SUSPENDED', 'LAPSED', 'LAPSED'],
    ['ACTIVE', 'TRANSFERRED', 'TRANSFERRED'],
  ];
  for (const [from, action, to] of allowed) {
    it(`${action.toLowerCase()} takes a ${from.toLowerCase()} licence to ${to.toLowerCase()}`, () =>
      expect(nextStatus(from, action)).toBe(to));
  }

  const refused: Array<[LicenceStatus, LicenceAction]> = [
    ['ACTIVE', 'RIGHTS_RESTORED'],
    ['SUSPENDED', 'SUSPENDED'],
    ['SUSPENDED', 'PLACE_ADDED'],
    ['SUSPENDED', 'RELICENSED'],
    ['LAPSED', 'RIGHTS_RESTORED'],
    ['TRANSFERRED', 'AMENDED'],
    ['RELICENSED', 'REVOKED'],
    ['LAPSED', 'LAPSED'],
    ['TRANSFERRED', 'TRANSFERRED'],
  ];
  for (const [from, action] of refused) {
    it(`refuses ${action.toLowerCase()} on a ${from.toLowerCase()} licence with CONFLICT`, () =>
      assert.throws(() => nextStatus(from, action), conflictError));
  }

  const a = { id: 'a', address: 'Ausekļa iela 25, Valmiera' };
  const b = { id: 'b', address: 'Rīgas iela 3, Valmiera' };

  it('adds only an implementation place of the institution, once', () => {
    expect(assertPlaceCanBeAdded([a], [a, b], 'b', 'X')).toStrictEqual(b);
    assert.throws(() => assertPlaceCanBeAdded([a], [a, b], 'a', 'X'), conflictError);
    assert.throws(
      () => assertPlaceCanBeAdded([a], [a, b], 'c', 'X'),
      (error: any) => error.code === 'VALIDATION_FAILED',
    );
  });

  it('never removes the last place of a licence', () => {
    expect(assertPlaceCanBeRemoved([a, b], 'a')).toStrictEqual(a);
    assert.throws(() => assertPlaceCanBeRemoved([a], 'a'), conflictError);
    assert.throws(
      () => assertPlaceCanBeRemoved([a], 'b'),
      (error: any) => error.code === 'VALIDATION_FAILED',
    );
  });
});
