import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  clientErrorOfDatabase,
  conflict,
  isUniqueViolation,
  DomainError,
  ErrorCode,
  forbidden,
  maskUnexpectedErrors,
  notFound,
  sqlStateOf,
  validationFailed,
} from '../errors';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../logger';

/** A formatError and the log lines it wrote. */
function masker(requestIdOf?: (error: unknown) => string | undefined) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('errors-test', 'info', destination);
  return { format: maskUnexpectedErrors(logger, requestIdOf), lines };
}

/** What Apollo Server hands formatError for an error thrown in a resolver at `path`. */
function resolverError(original: Error, path: (string | number)[] = ['institution']): [GraphQLFormattedError, GraphQLError] {
  const error = new GraphQLError(original.message, {
    path,
    originalError: original,
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
  });
  return [error.toJSON(), error];
}

describe('error helpers', () => {
  it('make DomainErrors with the matching code and details', () => {
    const missing = notFound('Institution', 'abc');
    expect(missing.code).toBe(ErrorCode.NOT_FOUND);
    expect(missing.message).toBe('Institution abc does not exist');
    expect(missing.details).toStrictEqual({ id: 'abc' });
    expect(validationFailed('bad date', 'issuedOn').details).toStrictEqual({ field: 'issuedOn' });
    expect(validationFailed('bad input').details).toStrictEqual({});
    expect(conflict('taken').code).toBe(ErrorCode.CONFLICT);
    expect(forbidden().code).toBe(ErrorCode.FORBIDDEN);
    expect(forbidden().message).toBe('You are not allowed to do this');
    assert.ok(missing instanceof Error);
    expect(missing.name).toBe('DomainError');
  });
});

describe('maskUnexpectedErrors', () => {
  it('passes a DomainError with its code, message, details and path', () => {
    const { format, lines } = masker();
    const formatted = format(...resolverError(validationFailed('issuedOn must not be in the future', 'issuedOn'), ['issueLicence']));
    expect(formatted).toStrictEqual({
      message: 'issuedOn must not be in the future',
      path: ['issueLicence'],
      extensions: { field: 'issuedOn', code: ErrorCode.VALIDATION_FAILED },
    });
    expect(lines.length).toBe(0);
  });

  it('does not let details overwrite the code', () => {
    const { format } = masker();
    const sneaky = new DomainError(ErrorCode.CONFLICT, 'taken', { code: 'SOMETHING_ELSE' });
    expect(format(...resolverError(sneaky)).extensions?.code).toBe(ErrorCode.CONFLICT);
  });

  it('masks a plain Error as INTERNAL_SERVER_ERROR without leaking its message, and logs the details', () => {
    const { format, lines } = masker();
    const leak = new Error('relation "institution" violates constraint uq_secret_index (SELECT * FROM secret)');
    const formatted = format(...resolverError(leak, ['institution', 'licences']));
    expect(formatted).toStrictEqual({
      message: 'Internal server error',
      path: ['institution', 'licences'],
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/secret|relation|SELECT/);
    expect(lines.length).toBe(1);
    const logged = JSON.parse(lines[0]!);
    expect(logged.level).toBe(50);
    expect(logged.msg).toBe('unexpected error');
    expect(logged.err.message).toMatch(/uq_secret_index/);
  });

  it('masks an error that is not a GraphQLError at all', () => {
    const { format } = masker();
    const formatted = format({ message: 'boom: password=hunter2' }, new TypeError('boom: password=hunter2'));
    expect(formatted).toStrictEqual({
      message: 'Internal server error',
      path: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  });

  it('masks an error whose code is INTERNAL_SERVER_ERROR or unknown', () => {
    const { format } = masker();
    const internal = new GraphQLError('driver exploded', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format(internal.toJSON(), internal).message).toBe('Internal server error');
    const unknown = new GraphQLError('downstream said ECONNREFUSED 10.0.0.7', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
    expect(format(unknown.toJSON(), unknown).message).toBe('Internal server error');
  });

  it('keeps request errors a client caused, with their code and message but without a stack trace', () => {
    const { format, lines } = masker();
    const error = new GraphQLError('Cannot query field "nmae" on type "Institution".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: ...', 'at validate (x.js:1)'] },
    });
    const formatted = format(error.toJSON(), error);
    expect(formatted.message).toBe('Cannot query field "nmae" on type "Institution".');
    expect(formatted.extensions).toStrictEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(lines.length).toBe(0);
  });

  it('keeps our own codes forwarded as GraphQL errors (e.g. by a subgraph to the gateway)', () => {
    const { format } = masker();
    const forwarded = new GraphQLError('Institution abc does not exist', { extensions: { code: ErrorCode.NOT_FOUND, id: 'abc' } });
    const formatted = format(forwarded.toJSON(), forwarded);
    expect(formatted.message).toBe('Institution abc does not exist');
    expect(formatted.extensions).toStrictEqual({ code: ErrorCode.NOT_FOUND, id: 'abc' });
  });
});

const failed = (code: string) =>
  new QueryFailedError(
    'INSERT INTO "institution"("registration_number") VALUES ($1)',
    ['4313900123'],
    Object.assign(new Error('driver'), { code, detail: 'Key (registration_number)=(4313900123) already exists.' }),
  );

describe('database errors a client caused', () => {
  it('read the SQLSTATE from pg errors and from TypeORM’s wrapper, and nothing else', () => {
    expect(sqlStateOf(failed('23505'))).toBe('23505');
    expect(sqlStateOf(Object.assign(new Error('pg'), { code: '40P01' }))).toBe('40P01');
    expect(sqlStateOf(Object.assign(new Error('net'), { code: 'ECONNRESET' }))).toBe(undefined);
    expect(sqlStateOf(undefined)).toBe(undefined);
  });

  it('tell a unique violation of a given constraint, wrapped by TypeORM or not', () => {
    const wrapped = new QueryFailedError(
      'INSERT …',
      [],
      Object.assign(new Error('dup'), { code: '23505', constraint: 'psychologist_personal_code_key' }),
    );
    assert.equal(isUniqueViolation(wrapped), true);
    assert.equal(isUniqueViolation(wrapped, 'psychologist_personal_code_key'), true);
    assert.equal(isUniqueViolation(wrapped, 'other_key'), false);
    assert.equal(isUniqueViolation(failed('23503')), false);
  });

  it('map unique violations, serialization failures, deadlocks and vanished references to CONFLICT', () => {
    for (const state of ['23505', '40001', '40P01', '23503']) {
      expect([clientErrorOfDatabase(failed(state))?.error.code, clientErrorOfDatabase(failed(state))?.backstop]).toStrictEqual([
        ErrorCode.CONFLICT,
        false,
      ]);
    }
    expect(clientErrorOfDatabase(failed('22021'))?.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(clientErrorOfDatabase(failed('23514'))?.backstop).toBe(true);
    expect(clientErrorOfDatabase(failed('57P01'))).toBe(undefined);
  });

  it('answer a lost race as CONFLICT without logging it, and a value the database refused as VALIDATION_FAILED with a redacted warning and the request id', () => {
    const { format, lines } = masker(() => 'req-7');
    expect(format(...resolverError(failed('23505'), ['registerInstitution'])).extensions).toStrictEqual({ code: ErrorCode.CONFLICT });
    expect(lines.length).toBe(0);
    expect(format(...resolverError(failed('22001'), ['registerInstitution'])).extensions).toStrictEqual({
      code: ErrorCode.VALIDATION_FAILED,
    });
    const warning = JSON.parse(lines[0]!);
    expect([warning.level, warning.requestId, warning.err.code, warning.err.parameters]).toStrictEqual([40, 'req-7', '22001', undefined]);
    expect(lines[0]!.includes('4313900123')).toBe(false);
  });

  it('log an unexpected error with the request id and give the client that id', () => {
    const { format, lines } = masker(() => 'req-8');
    expect(format(...resolverError(new Error('bug'))).extensions).toStrictEqual({
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      requestId: 'req-8',
    });
    expect(JSON.parse(lines[0]!).requestId).toBe('req-8');
  });
});
