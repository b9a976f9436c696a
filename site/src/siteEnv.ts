import type { Logger } from '@eq/shared/logger';

/** What the site's middleware hands to its routes for one request. */
export interface SiteEnv {
  Variables: {
    /** The visitor's request, also sent to the gateway as `x-request-id` so both logs tell one story. */
    requestId: string;
  };
}

/** The site logs structured lines (pino's interface); tests pass a silent one. */
export type SiteLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
