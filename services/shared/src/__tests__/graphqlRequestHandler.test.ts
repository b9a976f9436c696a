import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { graphqlRequestHandler } from '../graphqlRequestHandler';
import { createLogger } from '../logger';

describe('graphqlRequestHandler', () => {
  let url: string;
  let server: http.Server;
  let apollo: ApolloServer<{ caller: string }>;

  beforeAll(async () => {
    apollo = new ApolloServer<{ caller: string }>({
      typeDefs: 'type Query { echo(text: String!): String!, caller: String! }',
      resolvers: {
        Query: {
          echo: (_: unknown, { text }: { text: string }) => text,
          caller: (_: unknown, __: unknown, context: { caller: string }) => context.caller,
        },
      },
    });
    await apollo.start();
    const handler = graphqlRequestHandler(apollo, {
      admit: (req) => req.headers['x-secret'] === 'open sesame',
      context: async (req) => ({ caller: String(req.headers['x-caller'] ?? 'nobody') }),
      limitBytes: 200,
      logger: createLogger('handler-test', 'silent'),
    });
    server = http.createServer((req, res) => void handler(req, res));
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    server.close();
    await apollo.stop();
  });

  const post = async (body: RequestInit['body'], headers: Record<string, string> = {}, init: Partial<RequestInit> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'x-secret': 'open sesame', 'content-type': 'application/json', ...headers },
      body,
      ...init,
    } as RequestInit);
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as any };
  };

  it('answers a query, with variables, and builds the context from the request', async () => {
    const answered = await post(JSON.stringify({ query: 'query Q($t: String!) { echo(text: $t) caller }', variables: { t: 'Ķegums' } }), {
      'x-caller': 'SCHOOL',
    });
    expect(answered).toStrictEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      json: { data: { echo: 'Ķegums', caller: 'SCHOOL' } },
    });
  });

  it('reads UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: '{ echo(text: "ūdens") }' }));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 21)); // splits the two bytes of "ū"
        controller.enqueue(bytes.slice(21));
        controller.close();
      },
    });
    expect((await post(body, {}, { duplex: 'half' } as Partial<RequestInit>)).json).toStrictEqual({ data: { echo: 'ūdens' } });
  });

  it('refuses a request it may not serve with 401, before reading it', async () => {
    const refused = await post(JSON.stringify({ query: '{ caller }' }), { 'x-secret': 'guess' });
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed JSON with a GraphQL-shaped 400', async () => {
    expect(await post('{"query": "{ echo ')).toStrictEqual({
      status: 400,
      type: 'application/json; charset=utf-8',
      json: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: `{ echo(text: "${'x'.repeat(300)}") }` });
    expect((await post(big)).status).toBe(413);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await post(body, {}, { duplex: 'half' } as Partial<RequestInit>);
    expect(streamed.status).toBe(413);
    expect(streamed.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    expect((await post(JSON.stringify({ query: '{ caller }' }), { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
  });

  it('leaves a body that is not JSON to Apollo Server, which refuses it (CSRF prevention)', async () => {
    const refused = await post('query={ caller }', { 'content-type': 'text/plain' });
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});
