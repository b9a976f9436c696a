import type { Logger } from '@eq/shared/logger';
import type { SignedInSchool } from './school/schoolSession';

/** What the site's middleware hands to its routes for one request. */
export interface SiteEnv {
  Variables: {
    /** The visitor's request, also sent to the gateway as `x-request-id` so both logs tell one story. */
    requestId: string;
    /** The school the visitor is signed in as, if any (`schoolSession`). */
    school?: SignedInSchool;
  };
}

/** The site logs structured lines (pino's interface); tests pass a silent one. */
export type SiteLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
