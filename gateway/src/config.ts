import { logLevelSchema, parseConfig } from '@eq/shared';
import { z } from 'zod';

export const SUBGRAPH_NAMES = ['registry', 'licensing', 'accreditation', 'practitioners', 'catalogue'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Environment of the gateway, with documented defaults (see README, Configuration). */
const gatewayEnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 key)'),
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
  NODE_ENV: z.string().default('development'),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, z.string().url().optional()])),
});

export interface GatewayConfig {
  host: string;
  port: number;
  jwtSecret: string;
  gatewaySecret: string;
  /** Path of the composed supergraph SDL; defaults to the committed `schema/supergraph.graphql`. */
  supergraphPath: string;
  /** Subgraph URL overrides by name; a subgraph without one uses the URL in the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  logLevel: z.infer<typeof logLevelSchema>;
  production: boolean;
}

export const DEFAULT_SUPERGRAPH_PATH = new URL('../../schema/supergraph.graphql', import.meta.url).pathname;

export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = parseConfig('gateway', gatewayEnvSchema, env) as z.infer<typeof gatewayEnvSchema> & Record<string, string | undefined>;
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = parsed[`SUBGRAPH_${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    jwtSecret: parsed.JWT_SECRET,
    gatewaySecret: parsed.GATEWAY_SECRET,
    supergraphPath: parsed.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls,
    logLevel: parsed.LOG_LEVEL,
    production: parsed.NODE_ENV === 'production',
  };
}
