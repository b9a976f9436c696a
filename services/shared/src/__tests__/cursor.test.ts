import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, pageSize } from '../cursor';
import { DomainError, ErrorCode } from '../errors';

const validationFailedOn = (field: string) => (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details.field === field;

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const ID = '8d0f1c2e-3b4a-4c5d-9e6f-7a8b9c0d1e2f';

describe('cursors', () => {
  it('decode to the sort key they were made from', () => {
    const key = ['Rīgas Ķengaraga vidusskola', ID];
    expect(decodeCursor(encodeCursor('institution.name', key), 'institution.name', ['text', 'uuid'])).toStrictEqual(key);
    const change = ['2024-03-01 10:00:00.123456+00', ID];
    expect(decodeCursor(encodeCursor('changes', change), 'changes', ['instant', 'uuid'])).toStrictEqual(change);
    expect(decodeCursor(encodeCursor('next', ['', ID]), 'next', ['instantOrEmpty', 'uuid'])).toStrictEqual(['', ID]);
  });

  it('are opaque URL-safe text', () => {
    expect(encodeCursor('list', ['ā/+?', ID])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('that were tampered with fail as VALIDATION_FAILED on the after argument', () => {
    const cursor = encodeCursor('list', ['Rīga', ID]);
    assert.throws(() => decodeCursor(cursor.slice(0, -3), 'list', ['text', 'uuid']), validationFailedOn('after'));
    assert.throws(() => decodeCursor('not a cursor!', 'list', ['text', 'uuid']), validationFailedOn('after'));
    assert.throws(() => decodeCursor('', 'list', ['text', 'uuid']), validationFailedOn('after'));
    assert.throws(() => decodeCursor('A'.repeat(100_000), 'list', ['text', 'uuid']), validationFailedOn('after'));
  });

  it('from another list fail as VALIDATION_FAILED, even when their key would fit', () => {
    const names = encodeCursor('institution.name', ['2024-03-01 10:00:00+00', ID]);
    assert.throws(() => decodeCursor(names, 'institution.updated_at', ['instant', 'uuid']), validationFailedOn('after'));
  });

  it('made up by a client fail as VALIDATION_FAILED before any SQL sees them', () => {
    const shape = ['text', 'uuid'] as const;
    // The reproducer of issue 13: ["x","not-a-uuid"], which PostgreSQL refused as a driver error.
    assert.throws(() => decodeCursor('WyJ4Iiwibm90LWEtdXVpZCJd', 'list', shape), validationFailedOn('after'));
    for (const key of [
      ['list', 'x', 'not-a-uuid'],
      ['list', 'a\u0000b', ID],
      ['list', 'x'.repeat(1_001), ID],
      ['list', 'Rīga'],
      ['list', 'Rīga', 42],
      ['list', 'Rīga', null],
    ]) {
      assert.throws(() => decodeCursor(base64url(JSON.stringify(key)), 'list', shape), validationFailedOn('after'), JSON.stringify(key));
    }
    assert.throws(() => decodeCursor(base64url('{"0":"list","1":"Rīga"}'), 'list', shape), validationFailedOn('after'));
    for (const instant of ['yesterday', '0000-01-01T00:00:00Z', '2024-02-30T00:00:00Z', '2024-03-01T10:00:00Z; DROP TABLE x']) {
      assert.throws(
        () => decodeCursor(base64url(JSON.stringify(['list', instant, ID])), 'list', ['instant', 'uuid']),
        validationFailedOn('after'),
        instant,
      );
    }
  });
});

describe('pageSize', () => {
  it('defaults to 20 when first is not given', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
  });

  it('accepts 1 up to the maximum', () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    expect(pageSize(50, 50)).toBe(50);
  });

  it('refuses zero, negatives, fractions and sizes above the maximum as VALIDATION_FAILED on first', () => {
    for (const first of [0, -1, 2.5, Number.NaN, 101]) {
      assert.throws(() => pageSize(first), validationFailedOn('first'), String(first));
    }
    assert.throws(
      () => pageSize(51, 50),
      (error: unknown) => validationFailedOn('first')(error) && (error as Error).message === 'first must be between 1 and 50',
    );
  });
});
