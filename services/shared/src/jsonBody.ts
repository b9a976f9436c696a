import type { NextFunction, Request, Response } from 'express';
// Apollo Server's code for a request it cannot read; the gateway answers a malformed body the same way.
const BAD_REQUEST = 'BAD_REQUEST';

export interface JsonBodyOptions {
  /** Largest body accepted, in bytes; a larger one is answered 413 without being read. */
  limitBytes: number;
}

const answer = (res: Response, status: number, message: string, code: string) => {
  if (!res.headersSent) res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * Reads a JSON request body into `req.body`, for a subgraph's `/graphql`: what `express.json()`
 * does for this one use, at a fraction of its cost (it cost a subgraph about 0.1 ms of CPU per
 * request, some 5 % of a booking). A body that is not `application/json` is left unread, as
 * body-parser leaves it. Refusals are GraphQL-shaped: 413 over the limit, 415 for a charset
 * other than UTF-8, 400 for a body that is not JSON.
 */
export function jsonBody({ limitBytes }: JsonBodyOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const type = req.headers['content-type'];
    if (req.method !== 'POST' || !type || !/^application\/json\s*(;|$)/i.test(type)) return next();
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') return answer(res, 415, `Unsupported charset "${charset}": send UTF-8`, BAD_REQUEST);
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > limitBytes) {
      answer(res, 413, `The request body is larger than ${limitBytes} bytes`, BAD_REQUEST);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > limitBytes) {
        refused = true;
        answer(res, 413, `The request body is larger than ${limitBytes} bytes`, BAD_REQUEST);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      try {
        req.body = JSON.parse(text);
      } catch {
        answer(res, 400, 'The request body is not valid JSON', BAD_REQUEST);
        return;
      }
      next();
    });
    req.on('error', next);
  };
}
