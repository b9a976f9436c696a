import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { GraphQLError, Kind } from 'graphql';
import { ErrorCode } from '../errors';
import { DateScalar, DateTimeScalar, isIsoDate } from '../scalars';

const validationFailed = (error: unknown) => error instanceof GraphQLError && error.extensions.code === ErrorCode.VALIDATION_FAILED;

describe('isIsoDate', () => {
  it('accepts real calendar dates, including 29 February of a leap year', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-12-31')).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
  });

  it('refuses anything but the YYYY-MM-DD form', () => {
    for (const value of ['2024-2-29', '29.02.2024', '2024-02-29T00:00:00Z', ' 2024-02-29', '']) {
      expect(isIsoDate(value)).toBe(false);
    }
  });
});

describe('Date scalar', () => {
  it('passes calendar dates through unchanged', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
  });

  it('serialises a JS Date as its UTC calendar day', () => {
    expect(DateScalar.serialize(new Date('2024-03-01T23:30:00Z'))).toBe('2024-03-01');
  });

  it('refuses impossible dates, other forms and non-strings as VALIDATION_FAILED', () => {
    assert.throws(() => DateScalar.parseValue('2023-02-29'), validationFailed);
    assert.throws(() => DateScalar.parseValue('2024-02-29T10:00:00Z'), validationFailed);
    assert.throws(() => DateScalar.parseValue(20240229), validationFailed);
    assert.throws(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20240229' }), validationFailed);
    assert.throws(() => DateScalar.serialize('yesterday'), validationFailed);
  });
});

describe('DateTime scalar', () => {
  it('normalises instants with an offset to UTC', () => {
    expect(DateTimeScalar.parseValue('2024-03-01T12:00:00+02:00')).toBe('2024-03-01T10:00:00.000Z');
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2024-03-01T10:00:00Z' })).toBe('2024-03-01T10:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date('2024-03-01T10:00:00Z'))).toBe('2024-03-01T10:00:00.000Z');
  });

  it('refuses a date without a time, a non-instant and non-strings as VALIDATION_FAILED', () => {
    assert.throws(() => DateTimeScalar.parseValue('2024-03-01'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue('2024-03-01T25:00:00Z'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue('soon'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue(1_709_287_200_000), validationFailed);
    assert.throws(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1709287200000' }), validationFailed);
  });

  it('refuses a calendar day that does not exist instead of rolling it into the next month', () => {
    assert.throws(() => DateTimeScalar.parseValue('2024-02-30T10:00:00Z'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue('2023-02-29T10:00:00+02:00'), validationFailed);
  });

  it('refuses text around an instant', () => {
    assert.throws(() => DateTimeScalar.parseValue('on 2024-03-01T10:00:00Z'), validationFailed);
  });
});

describe('scalars stay within the years PostgreSQL and ISO 8601 can hold', () => {
  it('refuses a Date of year 0000 and accepts 0001-01-01 and 9999-12-31', () => {
    assert.throws(() => DateScalar.parseValue('0000-01-01'), validationFailed);
    assert.throws(() => DateScalar.parseLiteral({ kind: Kind.STRING, value: '0000-12-31' }), validationFailed);
    expect(DateScalar.parseValue('0001-01-01')).toBe('0001-01-01');
    expect(DateScalar.parseValue('9999-12-31')).toBe('9999-12-31');
  });

  it('refuses a DateTime whose offset carries it past 9999 or before 0001 in UTC', () => {
    assert.throws(() => DateTimeScalar.parseValue('9999-12-31T23:59:59-12:00'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue('0001-01-01T00:00:00+01:00'), validationFailed);
    assert.throws(() => DateTimeScalar.parseValue('0000-06-01T00:00:00Z'), validationFailed);
    expect(DateTimeScalar.parseValue('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
  });

  it('echoes at most a bounded part of a refused value', () => {
    assert.throws(
      () => DateScalar.parseValue('x'.repeat(100_000)),
      (error: GraphQLError) => validationFailed(error) && error.message.length < 200,
    );
  });
});
