import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { REQUEST_ID_HEADER } from '@eq/shared/auth';
import type { SiteEnv, SiteLogger } from './siteEnv';

/** Polled by supervisors and browsers many times a minute: not worth a line each. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/styles.css']);

/**
 * Gives each request an id (the caller's `x-request-id`, bounded, or a new one), echoes it, and
 * writes one line per page: method, path, status and duration. The query string is not logged:
 * it is the visitor's search.
 */
export function accessLog(logger: SiteLogger): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header(REQUEST_ID_HEADER)?.slice(0, 100) || randomUUID();
    c.set('requestId', requestId);
    await next();
    c.header(REQUEST_ID_HEADER, requestId);
    if (QUIET_PATHS.has(c.req.path)) return;
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
