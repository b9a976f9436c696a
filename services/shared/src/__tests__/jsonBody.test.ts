import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { jsonBody } from '../jsonBody';

describe('jsonBody', () => {
  let url: string;
  let close: () => void;

  before(async () => {
    const app = express();
    app.post('/echo', jsonBody({ limitBytes: 64 }), (req, res) => {
      res.json({ body: req.body ?? null });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
    close = () => server.close();
  });

  after(() => close());

  const post = async (body: string | Uint8Array, contentType: string | null = 'application/json') => {
    const response = await fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    return { status: response.status, json: (await response.json()) as any };
  };

  it('parses a JSON body, whatever its parameters or case, and UTF-8 split across chunks', async () => {
    assert.deepEqual(await post('{"query":"{ a }","n":1}'), { status: 200, json: { body: { query: '{ a }', n: 1 } } });
    assert.deepEqual((await post('{"name":"Ķegums"}', 'Application/JSON; charset=UTF-8')).json, { body: { name: 'Ķegums' } });
    const stream = new ReadableStream({
      start(controller) {
        const bytes = new TextEncoder().encode('{"name":"ūdens"}');
        controller.enqueue(bytes.slice(0, 11)); // splits the two bytes of "ū"
        controller.enqueue(bytes.slice(11));
        controller.close();
      },
    });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.deepEqual(await response.json(), { body: { name: 'ūdens' } });
  });

  it('leaves a body that is not JSON unread, as body-parser does', async () => {
    assert.deepEqual(await post('query=1', 'application/x-www-form-urlencoded'), { status: 200, json: { body: null } });
    assert.deepEqual(await post('{"a":1}', 'application/jsonish'), { status: 200, json: { body: null } });
  });

  it('answers malformed JSON with a GraphQL-shaped 400', async () => {
    assert.deepEqual(await post('{"query": "{ __typename '), {
      status: 400,
      json: { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ query: 'x'.repeat(100) });
    const declared = await post(big);
    assert.equal(declared.status, 413);
    assert.equal(declared.json.errors[0].extensions.code, 'BAD_REQUEST');
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(streamed.status, 413);
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    const refused = await post('{"a":1}', 'application/json; charset=latin1');
    assert.equal(refused.status, 415);
  });
});
