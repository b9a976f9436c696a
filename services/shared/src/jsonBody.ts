import type { IncomingMessage } from 'node:http';

/** Apollo Server's code for a request it cannot read; the gateway answers a malformed body the same way. */
export const BAD_REQUEST = 'BAD_REQUEST';

/** Why a body was not read: the HTTP status and message to answer with. */
export interface BodyRefusal {
  status: 400 | 413 | 415;
  message: string;
}

export type JsonBody = { ok: true; body: unknown } | { ok: false; refusal: BodyRefusal };

const NOT_JSON: JsonBody = { ok: true, body: undefined };

/**
 * Reads a JSON request body: what `express.json()` did for a subgraph's `/graphql`, at a
 * fraction of its cost (it cost about 0.1 ms of CPU per request, some 5 % of a booking). A body
 * that is not `application/json`, or not POSTed, is left unread (`body: undefined`), as
 * body-parser leaves it. Refusals: 413 over the limit (declared or streamed), 415 for a charset
 * other than UTF-8, 400 for a body that is not JSON.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<JsonBody> {
  const type = req.headers['content-type'];
  if (req.method !== 'POST' || !type || !/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    return Promise.resolve(NOT_JSON);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  const tooLarge = (): JsonBody => ({
    ok: false,
    refusal: { status: 413, message: `The request body is larger than ${limitBytes} bytes` },
  });
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    req.resume();
    return Promise.resolve({ ok: false, refusal: { status: 415, message: `Unsupported charset "${charset}": send UTF-8` } });
  }
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
    req.resume();
    return Promise.resolve(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > limitBytes) {
        refused = true;
        resolve(tooLarge()); // the rest is read and dropped, so the connection stays usable
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ ok: true, body: JSON.parse(text) });
      } catch {
        resolve({ ok: false, refusal: { status: 400, message: 'The request body is not valid JSON' } });
      }
    });
    req.on('error', reject);
  });
}
