import { describe, expect, it } from '@jest/globals';
import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { MAX_VARIABLE_DEPTH, nestsDeeperThan, unservableRequestsPlugin } from '../unservableRequests';

/** Runs the plugin's check as Apollo does once it has (or has not) found the operation. */
async function refusal(query: string, operationName?: string, variables: Record<string, unknown> = {}): Promise<GraphQLError | undefined> {
  const document = parse(query);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  const listener = await unservableRequestsPlugin().requestDidStart!({} as never);
  try {
    await listener!.didResolveOperation!({ operation, request: { operationName, variables } } as never);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

const nested = (depth: number) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('requests the gateway cannot serve', () => {
  it('measure nesting without recursion, so 100 000 levels cost no stack', () => {
    expect(nestsDeeperThan(nested(100_000), MAX_VARIABLE_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nested(MAX_VARIABLE_DEPTH), MAX_VARIABLE_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_VARIABLE_DEPTH + 1), MAX_VARIABLE_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ list: [[[1]]], text: 'x' }, 4)).toBe(false);
    expect(nestsDeeperThan({ list: [[[1]]], text: 'x' }, 3)).toBe(true);
  });

  it('are refused as 400 BAD_REQUEST: unknown or ambiguous operation, subscription, over-deep variables', async () => {
    for (const [query, name, variables] of [
      ['query A { a } query B { b }', undefined, {}],
      ['query A { a }', 'Nope', {}],
      ['subscription { a }', undefined, {}],
      ['query($f: F) { a(f: $f) }', undefined, { f: nested(8_000) }],
    ] as const) {
      const error = await refusal(query, name, variables);
      expect(error?.extensions).toStrictEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
    }
  });

  it('let a well-formed query or mutation through', async () => {
    expect(await refusal('query A { a } mutation B { b }', 'B')).toBe(undefined);
    expect(await refusal('{ a }', undefined, { f: nested(5) })).toBe(undefined);
  });

  it('send an answer of client errors that Apollo gave status 500 as 400', async () => {
    const listener = await unservableRequestsPlugin().requestDidStart!({} as never);
    const response = (code: string) => ({
      http: { status: 500 },
      body: { kind: 'single', singleResult: { errors: [{ message: 'x', extensions: { code } }] } },
    });
    const client = response('OPERATION_RESOLUTION_FAILURE');
    await listener!.willSendResponse!({ response: client } as never);
    expect(client.http.status).toBe(400);
    const ours = response('INTERNAL_SERVER_ERROR');
    await listener!.willSendResponse!({ response: ours } as never);
    expect(ours.http.status).toBe(500);
  });
});
