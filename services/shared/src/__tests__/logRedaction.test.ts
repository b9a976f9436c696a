import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../logger';
import { bounded, MAX_LOGGED_STRING, redactedError, scrubErrorText } from '../logRedaction';

const CODE = '120385-11234';

/** A logger writing into an array of raw lines. */
function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    'redaction-test',
    'info',
    new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }),
  );
  return { logger, lines };
}

/** What TypeORM throws when PostgreSQL refuses an insert: the statement, its values and pg's fields. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "psychologist_personal_code_key"'), {
    code: '23505',
    constraint: 'psychologist_personal_code_key',
    table: 'psychologist',
    detail: `Key (personal_code)=(${CODE}) already exists.`,
  });
  return new QueryFailedError(
    'INSERT INTO "psychologist"("id", "name", "personal_code") VALUES ($1, $2, $3)',
    ['b0e1…', 'Anna Bērziņa', CODE],
    driverError,
  );
}

describe('log redaction', () => {
  it('drops a failed statement’s parameters and detail but keeps its SQLSTATE, constraint and query shape', () => {
    const { logger, lines } = capture();
    logger.error({ err: failedInsert(), requestId: 'r-1' }, 'unexpected error');
    const line = JSON.parse(lines[0]!);
    expect(line.err.code).toBe('23505');
    expect(line.err.constraint).toBe('psychologist_personal_code_key');
    expect(line.err.query).toBe('INSERT INTO "psychologist"("id", "name", "personal_code") VALUES ($1, $2, $3)');
    expect(line.err.parameters).toBe(undefined);
    expect(line.err.detail).toBe(undefined);
    expect(line.err.driverError).toBe(undefined);
    expect(line.requestId).toBe('r-1');
    for (const secret of [CODE, CODE.replace('-', ''), 'Bērziņa', '120385']) expect(lines[0]!.includes(secret)).toBe(false);
  });

  it('scrubs personal codes and values PostgreSQL quotes back from messages and stacks, under err or error', () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error(`check failed for ${CODE.replace('-', '')}`) }, 'failed');
    logger.warn({ error: new Error('invalid input syntax for type uuid: "Anna 120385-11234"') }, 'failed');
    expect(lines.join('').includes('120385')).toBe(false);
    expect(JSON.parse(lines[1]!).error.message).toMatch(/for type uuid: "\[redacted\]"/);
    expect(scrubErrorText('invalid byte sequence for encoding "UTF8": 0x00')).toBe('invalid byte sequence for encoding "UTF8": 0x00');
  });

  it('keeps the shape of a statement with inlined literals (the simple query protocol) and drops the values', () => {
    const error = Object.assign(new Error('boom'), { query: `INSERT INTO outbox VALUES ('${CODE}', E'a\\\\b', 'it''s')` });
    expect((redactedError(error) as { query: string }).query).toStrictEqual("INSERT INTO outbox VALUES ('?', '?', '?')");
  });

  it('bounds every line: long strings are cut, deep objects stop, long arrays are cut', () => {
    const { logger, lines } = capture();
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 1_000; i++) deep = { deep };
    logger.info(
      { operationName: 'Q'.repeat(90_000), deep, list: Array.from({ length: 10_000 }, (_, i) => i), err: new Error('x'.repeat(50_000)) },
      'request',
    );
    assert.ok(lines[0]!.length < 10_000, `${lines[0]!.length} characters`);
    const line = JSON.parse(lines[0]!);
    assert.ok(line.operationName.startsWith('Q'.repeat(MAX_LOGGED_STRING)));
    expect(line.operationName).toMatch(/…\[89000 more\]$/);
    expect(bounded('short')).toBe('short');
  });
});
