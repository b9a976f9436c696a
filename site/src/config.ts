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
  /**
   * The development sign-in (choose a demo school, the site mints its SCHOOL token with the
   * gateway's JWT secret); null when off. See README "The school area's sign-in seam".
   */
  demoSignIn: { jwtSecret: string } | null;
  /** Session cookies only over HTTPS (`Secure`); on in production. */
  secureCookies: boolean;
}

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const schema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
    SITE_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    SITE_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(20),
    LOG_LEVEL: logLevelSchema.default('info'),
    NODE_ENV: z.string().optional(),
    /** On when JWT_SECRET is given, except in production (NODE_ENV=production), where it must be asked for explicitly. */
    SITE_DEMO_SIGN_IN: flag.optional(),
    /** The gateway's token secret: the demo sign-in mints tokens with it (and the site keeps no other secret). */
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  })
  .superRefine((value, context) => {
    if (value.SITE_DEMO_SIGN_IN === true && !value.JWT_SECRET)
      context.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'required when SITE_DEMO_SIGN_IN=true' });
  });

/** Validates the environment once, at start (read only in `main.ts`); a bad value stops the site naming every problem. */
export function loadSiteConfig(env: Record<string, string | undefined>): SiteConfig {
  const value = parseConfig('site', schema, env);
  const production = value.NODE_ENV === 'production';
  const demo = value.SITE_DEMO_SIGN_IN ?? (Boolean(value.JWT_SECRET) && !production);
  return {
    host: value.HOST,
    port: value.PORT,
    gatewayUrl: value.GATEWAY_URL,
    gatewayTimeoutMs: value.SITE_GATEWAY_TIMEOUT_MS,
    pageSize: value.SITE_PAGE_SIZE,
    logLevel: value.LOG_LEVEL,
    demoSignIn: demo && value.JWT_SECRET ? { jwtSecret: value.JWT_SECRET } : null,
    secureCookies: production,
  };
}
