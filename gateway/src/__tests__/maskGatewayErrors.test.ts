import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { createLogger, PUBLIC_CALLER } from '@eq/shared';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { gatewayErrorPolicy } from '../maskGatewayErrors';

/** The policy, the log lines it wrote, and a way to pass an error through it as Apollo does. */
function policy() {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const { formatError, plugin } = gatewayErrorPolicy(createLogger('gateway-test', 'info', destination));
  const contextValue: GatewayContext = {
    caller: PUBLIC_CALLER,
    requestId: 'req-42',
    access: { requestId: 'req-42', anonymousCaller: true, errorCodes: [] },
  };
  const format = async (error: GraphQLError) => {
    // Apollo calls didEncounterErrors with the raw errors, then formatError on each.
    const listener = await plugin.requestDidStart!({ contextValue } as never);
    await listener!.didEncounterErrors!({ errors: [error], contextValue } as never);
    return formatError(error.toJSON(), error);
  };
  return { format, lines };
}

describe('gateway error policy', () => {
  it('forwards a subgraph’s domain error with its code, message and details, without the subgraph’s name', async () => {
    const { format } = policy();
    const error = new GraphQLError('Decision reason is required', {
      path: ['liquidateInstitution'],
      extensions: {
        code: 'VALIDATION_FAILED',
        field: 'decision.reason',
        serviceName: 'registry',
        exception: { stacktrace: ['at x.ts:1'] },
      },
    });
    expect(await format(error)).toStrictEqual({
      message: 'Decision reason is required',
      path: ['liquidateInstitution'],
      extensions: { field: 'decision.reason', code: 'VALIDATION_FAILED' },
    });
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with the request id, and logs it with the same id', async () => {
    const { format, lines } = policy();
    const error = new GraphQLError('relation "licence" does not exist', {
      path: ['licence'],
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'licensing' },
    });
    expect(await format(error)).toStrictEqual({
      message: 'Internal server error',
      path: ['licence'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
    });
    expect(lines.length).toBe(1);
    expect(lines[0]!.requestId).toBe('req-42');
    expect(lines[0]!.subgraph).toBe('licensing');
    expect(JSON.stringify(lines[0])).toMatch(/relation \\"licence\\" does not exist/);
  });

  it('strips a field suggestion that got past Apollo', async () => {
    const { format } = policy();
    const error = new GraphQLError('Cannot query field "nme" on type "Institution". Did you mean "name"?', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect((await format(error)).message).toBe('Cannot query field "nme" on type "Institution".');
  });

  it('gives BAD_REQUEST to a refusal Apollo sends with a 4xx status but no code (APQ hash mismatch, APQ version 2)', async () => {
    const { format, lines } = policy();
    const mismatch = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(await format(mismatch)).toStrictEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
    expect(lines.length).toBe(0);
  });
});
