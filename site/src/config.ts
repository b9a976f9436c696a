import { z } from 'zod';
import { logLevelSchema, parseConfig } from '@eq/shared/config';

/** The site's options: where it listens and which gateway it reads. */
export interface SiteConfig {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  gatewayUrl: string;
  /** How long one gateway request may take before the page says the catalogue is unavailable. */
  gatewayTimeoutMs: number;
  /** Activities on one catalogue page. */
  pageSize: number;
  logLevel: string;
}

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  SITE_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  SITE_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(20),
  LOG_LEVEL: logLevelSchema.default('info'),
});

/** Validates the environment once, at start (read only in `main.ts`); a bad value stops the site naming every problem. */
export function loadSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const value = parseConfig('site', schema, env);
  return {
    host: value.HOST,
    port: value.PORT,
    gatewayUrl: value.GATEWAY_URL,
    gatewayTimeoutMs: value.SITE_GATEWAY_TIMEOUT_MS,
    pageSize: value.SITE_PAGE_SIZE,
    logLevel: value.LOG_LEVEL,
  };
}
