import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { conflict, DomainError, ErrorCode, forbidden, maskUnexpectedErrors, notFound, validationFailed } from '../errors';
import { createLogger } from '../logger';

/** A formatError and the log lines it wrote. */
function masker() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('errors-test', 'info', destination);
  return { format: maskUnexpectedErrors(logger), lines };
}

/** What Apollo Server hands formatError for an error thrown in a resolver at `path`. */
function resolverError(original: Error, path: (string | number)[] = ['institution']): [GraphQLFormattedError, GraphQLError] {
  const error = new GraphQLError(original.message, { path, originalError: original, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] } });
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
    expect(formatted).toStrictEqual({ message: 'Internal server error', path: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
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
