import { z } from 'zod';
import type { EventReadinessLimits } from './eventHealth';

/** Thrown at start when the environment does not describe a runnable component. */
export class ConfigError extends Error {
  constructor(component: string, issues: string[]) {
    super(`Invalid configuration for ${component}:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates raw input (usually `process.env`, read only in `main.ts`) against a zod schema
 * and returns the typed result, or throws one error listing every bad variable at once.
 */
export function parseConfig<S extends z.ZodType>(component: string, schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    component,
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

const commaList = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** `SHUTDOWN_DRAIN_MS`, for the gateway and every service: how long closing lets requests in flight finish (httpServer.ts). */
export const shutdownDrainSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(60_000)
  .default(5_000)
  .describe('on shutdown, how long requests in flight may take to finish before their connections are cut');

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Environment of one subgraph service, with documented defaults (see README, Configuration). */
export const serviceEnvSchema = z.object({
  DATABASE_URL: z.string().url().describe('PostgreSQL server URL; the service creates its own database on it'),
  DATABASE_NAME: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _ only')
    .optional(),
  KAFKA_BROKERS: commaList,
  KAFKA_CONSUMER_GROUP: z.string().min(1).optional(),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(5).default(1),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3).describe('partitions of each topic this service creates'),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce
    .number()
    .int()
    .min(1)
    .max(5)
    .optional()
    .describe('min.insync.replicas of created topics; default min(2, replication factor)'),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(10_000),
  CONSUMER_RESTART_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  CONSUMER_STALL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  READY_CONSUMER_GRACE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  READY_MAX_LAG: z.coerce.number().int().min(0).default(10_000),
  READY_LAG_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  READY_OUTBOX_MAX_AGE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(15_000),
  KAFKA_NEW_GROUP_START: z
    .enum(['earliest', 'latest'])
    .default('earliest')
    .describe('where a consumer group with no committed offsets starts: earliest rebuilds read models from the whole history'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SHUTDOWN_DRAIN_MS: shutdownDrainSchema,
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  LOG_LEVEL: logLevelSchema.default('info'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(168),
});

export type ServiceEnv = z.input<typeof serviceEnvSchema>;

/** Typed options of one subgraph service, after validation and defaults. */
export interface ServiceConfig {
  name: string;
  database: { serverUrl: string; name: string };
  kafka: {
    brokers: string[];
    consumerGroup: string;
    replicationFactor: number;
    partitions: number;
    minInSyncReplicas: number;
    newGroupStart: 'earliest' | 'latest';
    sessionTimeoutMs: number;
  };
  consumerSupervision: { maxBackoffMs: number; stallTimeoutMs: number };
  readiness: EventReadinessLimits;
  server: { host: string; port: number; drainMs: number };
  gatewaySecret: string;
  logLevel: z.infer<typeof logLevelSchema>;
  outboxPollMs: number;
  outboxRetentionHours: number;
}

export function loadServiceConfig(name: string, env: Record<string, string | undefined>): ServiceConfig {
  const parsed = parseConfig(name, serviceEnvSchema, env);
  return {
    name,
    database: { serverUrl: parsed.DATABASE_URL, name: parsed.DATABASE_NAME ?? `eq_${name}` },
    kafka: {
      brokers: parsed.KAFKA_BROKERS,
      consumerGroup: parsed.KAFKA_CONSUMER_GROUP ?? name,
      replicationFactor: parsed.KAFKA_REPLICATION_FACTOR,
      partitions: parsed.KAFKA_TOPIC_PARTITIONS,
      minInSyncReplicas: parsed.KAFKA_MIN_INSYNC_REPLICAS ?? Math.min(2, parsed.KAFKA_REPLICATION_FACTOR),
      newGroupStart: parsed.KAFKA_NEW_GROUP_START,
      sessionTimeoutMs: parsed.KAFKA_SESSION_TIMEOUT_MS,
    },
    consumerSupervision: { maxBackoffMs: parsed.CONSUMER_RESTART_MAX_BACKOFF_MS, stallTimeoutMs: parsed.CONSUMER_STALL_TIMEOUT_MS },
    readiness: {
      consumerGraceMs: parsed.READY_CONSUMER_GRACE_MS,
      maxLag: parsed.READY_MAX_LAG,
      lagGraceMs: parsed.READY_LAG_GRACE_MS,
      outboxMaxUnsentAgeMs: parsed.READY_OUTBOX_MAX_AGE_MS,
    },
    server: { host: parsed.HOST, port: parsed.PORT, drainMs: parsed.SHUTDOWN_DRAIN_MS },
    gatewaySecret: parsed.GATEWAY_SECRET,
    logLevel: parsed.LOG_LEVEL,
    outboxPollMs: parsed.OUTBOX_POLL_MS,
    outboxRetentionHours: parsed.OUTBOX_RETENTION_HOURS,
  };
}
