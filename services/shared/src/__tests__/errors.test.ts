import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
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
    assert.equal(missing.code, ErrorCode.NOT_FOUND);
    assert.equal(missing.message, 'Institution abc does not exist');
    assert.deepEqual(missing.details, { id: 'abc' });
    assert.deepEqual(validationFailed('bad date', 'issuedOn').details, { field: 'issuedOn' });
    assert.deepEqual(validationFailed('bad input').details, {});
    assert.equal(conflict('taken').code, ErrorCode.CONFLICT);
    assert.equal(forbidden().code, ErrorCode.FORBIDDEN);
    assert.equal(forbidden().message, 'You are not allowed to do this');
    assert.ok(missing instanceof Error);
    assert.equal(missing.name, 'DomainError');
  });
});

describe('maskUnexpectedErrors', () => {
  it('passes a DomainError with its code, message, details and path', () => {
    const { format, lines } = masker();
    const formatted = format(...resolverError(validationFailed('issuedOn must not be in the future', 'issuedOn'), ['issueLicence']));
    assert.deepEqual(formatted, {
      message: 'issuedOn must not be in the future',
      path: ['issueLicence'],
      extensions: { field: 'issuedOn', code: ErrorCode.VALIDATION_FAILED },
    });
    assert.equal(lines.length, 0);
  });

  it('does not let details overwrite the code', () => {
    const { format } = masker();
    const sneaky = new DomainError(ErrorCode.CONFLICT, 'taken', { code: 'SOMETHING_ELSE' });
    assert.equal(format(...resolverError(sneaky)).extensions?.code, ErrorCode.CONFLICT);
  });

  it('masks a plain Error as INTERNAL_SERVER_ERROR without leaking its message, and logs the details', () => {
    const { format, lines } = masker();
    const leak = new Error('relation "institution" violates constraint uq_secret_index (SELECT * FROM secret)');
    const formatted = format(...resolverError(leak, ['institution', 'licences']));
    assert.deepEqual(formatted, {
      message: 'Internal server error',
      path: ['institution', 'licences'],
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
    assert.doesNotMatch(JSON.stringify(formatted), /secret|relation|SELECT/);
    assert.equal(lines.length, 1);
    const logged = JSON.parse(lines[0]!);
    assert.equal(logged.level, 50);
    assert.equal(logged.msg, 'unexpected error');
    assert.match(logged.err.message, /uq_secret_index/);
  });

  it('masks an error that is not a GraphQLError at all', () => {
    const { format } = masker();
    const formatted = format({ message: 'boom: password=hunter2' }, new TypeError('boom: password=hunter2'));
    assert.deepEqual(formatted, { message: 'Internal server error', path: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  });

  it('masks an error whose code is INTERNAL_SERVER_ERROR or unknown', () => {
    const { format } = masker();
    const internal = new GraphQLError('driver exploded', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    assert.equal(format(internal.toJSON(), internal).message, 'Internal server error');
    const unknown = new GraphQLError('downstream said ECONNREFUSED 10.0.0.7', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
    assert.equal(format(unknown.toJSON(), unknown).message, 'Internal server error');
  });

  it('keeps request errors a client caused, with their code and message but without a stack trace', () => {
    const { format, lines } = masker();
    const error = new GraphQLError('Cannot query field "nmae" on type "Institution".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: ...', 'at validate (x.js:1)'] },
    });
    const formatted = format(error.toJSON(), error);
    assert.equal(formatted.message, 'Cannot query field "nmae" on type "Institution".');
    assert.deepEqual(formatted.extensions, { code: 'GRAPHQL_VALIDATION_FAILED' });
    assert.equal(lines.length, 0);
  });

  it('keeps our own codes forwarded as GraphQL errors (e.g. by a subgraph to the gateway)', () => {
    const { format } = masker();
    const forwarded = new GraphQLError('Institution abc does not exist', { extensions: { code: ErrorCode.NOT_FOUND, id: 'abc' } });
    const formatted = format(forwarded.toJSON(), forwarded);
    assert.equal(formatted.message, 'Institution abc does not exist');
    assert.deepEqual(formatted.extensions, { code: ErrorCode.NOT_FOUND, id: 'abc' });
  });
});
