import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, pageSize } from '../cursor';
import { DomainError, ErrorCode } from '../errors';

const validationFailedOn = (field: string) => (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details.field === field;

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('cursors', () => {
  it('decode to the sort key they were made from', () => {
    const key = ['Rīgas Ķengaraga vidusskola', 42, '8d0f1c2e-3b4a-4c5d-9e6f-7a8b9c0d1e2f'];
    expect(decodeCursor(encodeCursor(key), 3)).toStrictEqual(key);
  });

  it('are opaque URL-safe text', () => {
    expect(encodeCursor(['ā/+?', 1])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('that were tampered with fail as VALIDATION_FAILED on the after argument', () => {
    const cursor = encodeCursor(['Rīga', 42]);
    assert.throws(() => decodeCursor(cursor.slice(0, -3), 2), validationFailedOn('after'));
    assert.throws(() => decodeCursor('not a cursor!', 2), validationFailedOn('after'));
    assert.throws(() => decodeCursor('', 2), validationFailedOn('after'));
  });

  it('fail as VALIDATION_FAILED when the key has the wrong shape for this listing', () => {
    assert.throws(() => decodeCursor(encodeCursor(['Rīga']), 2), validationFailedOn('after'));
    assert.throws(() => decodeCursor(base64url('{"0":"Rīga","1":42}'), 2), validationFailedOn('after'));
    assert.throws(() => decodeCursor(base64url('["Rīga",true]'), 2), validationFailedOn('after'));
    assert.throws(() => decodeCursor(base64url('["Rīga",null]'), 2), validationFailedOn('after'));
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
    assert.throws(() => pageSize(51, 50), (error: unknown) => validationFailedOn('first')(error) && (error as Error).message === 'first must be between 1 and 50');
  });
});
