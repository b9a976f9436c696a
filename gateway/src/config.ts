import path from 'node:path';
import {
  DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
  logLevelSchema,
  parseConfig,
  shutdownDrainSchema,
  SUBGRAPH_NAMES,
  REPOSITORY_ROOT,
} from '@eq/shared';
import { z } from 'zod';
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheOptions } from './responseCache';

/**
 * Limits on what one operation may ask for. The defaults sit above the heaviest operation in
 * the repository's tests (depth 6, 3 aliases, 77 tokens, cost 9 050 for `institutions(first:
 * 100)` with places, decisions, history and successors) with room for the front ends' own, and
 * refuse the shapes of known attacks: cyclic nesting (successors → institution → successors …),
 * alias batching, huge documents, and whole registers in one request.
 */
export interface QueryLimits {
  /** Nesting of selection sets, introspection excluded. */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in the document; checked while parsing, so huge documents cost little. */
  maxTokens: number;
  /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 10, maxTokens: 1_000, maxCost: 20_000 };

/** Environment of the gateway, with documented defaults (see README, Configuration). */
const gatewayEnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 key)'),
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  GATEWAY_TOKEN_MAX_LIFETIME: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 60 * 60)
    .default(DEFAULT_TOKEN_MAX_LIFETIME_SECONDS),
  GATEWAY_METRICS_OPERATIONS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[_A-Za-z][_0-9A-Za-z]{0,99}$/)).max(500)),
  LOG_LEVEL: logLevelSchema.default('info'),
  NODE_ENV: z.string().default('development'),
  SHUTDOWN_DRAIN_MS: shutdownDrainSchema,
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(5_000),
  GATEWAY_MAX_DEPTH: z.coerce.number().int().min(1).max(50).default(DEFAULT_LIMITS.maxDepth),
  GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(DEFAULT_LIMITS.maxAliases),
  GATEWAY_MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(DEFAULT_LIMITS.maxTokens),
  GATEWAY_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(DEFAULT_LIMITS.maxCost),
  GATEWAY_RESPONSE_CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(DEFAULT_RESPONSE_CACHE.maxAgeSeconds),
  GATEWAY_RESPONSE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(4 * 1024 ** 3)
    .default(DEFAULT_RESPONSE_CACHE.maxBytes),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase()}_URL`, z.string().url().optional()])),
});

export interface GatewayConfig {
  host: string;
  port: number;
  jwtSecret: string;
  gatewaySecret: string;
  /** Longest lifetime (exp − iat, seconds) of a bearer token; longer ones, and those without exp or iat, are refused. */
  tokenMaxLifetimeSeconds: number;
  /** Operation names that get their own metrics label whoever sends them (see metrics.ts for the policy). */
  metricsOperations: string[];
  /** Path of the composed supergraph SDL; defaults to the committed `schema/supergraph.graphql`. */
  supergraphPath: string;
  /** Subgraph URL overrides by name; a subgraph without one uses the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  logLevel: z.infer<typeof logLevelSchema>;
  /** NODE_ENV=production: introspection and the landing page are off. */
  production: boolean;
  /** How long one subgraph fetch may take before its part of the answer is given up. */
  subgraphTimeoutMs: number;
  /** On shutdown, how long requests in flight may take to finish. */
  drainMs: number;
  limits: QueryLimits;
  /** Caching of PUBLIC callers' cacheable answers (see responseCache.ts). */
  responseCache: ResponseCacheOptions;
}

export const DEFAULT_SUPERGRAPH_PATH = path.join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');

export function loadGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = parseConfig('gateway', gatewayEnvSchema, env) as z.infer<typeof gatewayEnvSchema> & Record<string, string | undefined>;
  const subgraphUrls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = parsed[`SUBGRAPH_${name.toUpperCase()}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  return {
    host: parsed.HOST,
    port: parsed.PORT,
    jwtSecret: parsed.JWT_SECRET,
    gatewaySecret: parsed.GATEWAY_SECRET,
    tokenMaxLifetimeSeconds: parsed.GATEWAY_TOKEN_MAX_LIFETIME,
    metricsOperations: parsed.GATEWAY_METRICS_OPERATIONS,
    supergraphPath: parsed.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls,
    logLevel: parsed.LOG_LEVEL,
    production: parsed.NODE_ENV === 'production',
    subgraphTimeoutMs: parsed.SUBGRAPH_TIMEOUT_MS,
    drainMs: parsed.SHUTDOWN_DRAIN_MS,
    limits: {
      maxDepth: parsed.GATEWAY_MAX_DEPTH,
      maxAliases: parsed.GATEWAY_MAX_ALIASES,
      maxTokens: parsed.GATEWAY_MAX_TOKENS,
      maxCost: parsed.GATEWAY_MAX_COST,
    },
    responseCache: { maxAgeSeconds: parsed.GATEWAY_RESPONSE_CACHE_MAX_AGE, maxBytes: parsed.GATEWAY_RESPONSE_CACHE_MAX_BYTES },
  };
}
