import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { clientErrorOfDatabase, conflict, isUniqueViolation, DomainError, ErrorCode, forbidden, maskUnexpectedErrors, notFound, sqlStateOf, validationFailed } from '../errors';
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

const failed = (code: string) => new QueryFailedError('INSERT INTO "institution"("registration_number") VALUES ($1)', ['4313900123'], Object.assign(new Error('driver'), { code, detail: 'Key (registration_number)=(4313900123) already exists.' }));

describe('database errors a client caused', () => {
  it('read the SQLSTATE from pg errors and from TypeORM’s wrapper, and nothing else', () => {
    assert.equal(sqlStateOf(failed('23505')), '23505');
    assert.equal(sqlStateOf(Object.assign(new Error('pg'), { code: '40P01' })), '40P01');
    assert.equal(sqlStateOf(Object.assign(new Error('net'), { code: 'ECONNRESET' })), undefined);
    assert.equal(sqlStateOf(undefined), undefined);
  });

  it('tell a unique violation of a given constraint, wrapped by TypeORM or not', () => {
    const wrapped = new QueryFailedError('INSERT …', [], Object.assign(new Error('dup'), { code: '23505', constraint: 'psychologist_personal_code_key' }));
    assert.equal(isUniqueViolation(wrapped), true);
    assert.equal(isUniqueViolation(wrapped, 'psychologist_personal_code_key'), true);
    assert.equal(isUniqueViolation(wrapped, 'other_key'), false);
    assert.equal(isUniqueViolation(failed('23503')), false);
  });

  it('map unique violations, serialization failures, deadlocks and vanished references to CONFLICT', () => {
    for (const state of ['23505', '40001', '40P01', '23503']) {
      assert.deepEqual([clientErrorOfDatabase(failed(state))?.error.code, clientErrorOfDatabase(failed(state))?.backstop], [ErrorCode.CONFLICT, false], state);
    }
    assert.equal(clientErrorOfDatabase(failed('22021'))?.error.code, ErrorCode.VALIDATION_FAILED);
    assert.equal(clientErrorOfDatabase(failed('23514'))?.backstop, true);
    assert.equal(clientErrorOfDatabase(failed('57P01')), undefined, 'an admin shutdown is ours, not the client’s');
  });

  it('answer a lost race as CONFLICT without logging it, and a value the database refused as VALIDATION_FAILED with a redacted warning and the request id', () => {
    const { format, lines } = masker(() => 'req-7');
    assert.deepEqual(format(...resolverError(failed('23505'), ['registerInstitution'])).extensions, { code: ErrorCode.CONFLICT });
    assert.equal(lines.length, 0);
    assert.deepEqual(format(...resolverError(failed('22001'), ['registerInstitution'])).extensions, { code: ErrorCode.VALIDATION_FAILED });
    const warning = JSON.parse(lines[0]!);
    assert.deepEqual([warning.level, warning.requestId, warning.err.code, warning.err.parameters], [40, 'req-7', '22001', undefined]);
    assert.equal(lines[0]!.includes('4313900123'), false);
  });

  it('log an unexpected error with the request id and give the client that id', () => {
    const { format, lines } = masker(() => 'req-8');
    assert.deepEqual(format(...resolverError(new Error('bug'))).extensions, { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: 'req-8' });
    assert.equal(JSON.parse(lines[0]!).requestId, 'req-8');
  });
});
