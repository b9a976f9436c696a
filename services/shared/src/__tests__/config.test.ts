import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, loadServiceConfig, parseConfig } from '../config';

const VALID_ENV = {
  DATABASE_URL: 'postgres://eq:eq@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092',
  GATEWAY_SECRET: 'a-gateway-secret-of-16+',
};

describe('parseConfig', () => {
  it('returns the typed, defaulted result of a valid input', () => {
    const schema = z.object({ NAME: z.string(), RETRIES: z.coerce.number().int().default(3) });
    expect(parseConfig('worker', schema, { NAME: 'x', RETRIES: '5' })).toStrictEqual({ NAME: 'x', RETRIES: 5 });
    expect(parseConfig('worker', schema, { NAME: 'x' })).toStrictEqual({ NAME: 'x', RETRIES: 3 });
  });

  it('throws one ConfigError naming the component and every bad variable', () => {
    const schema = z.object({ A: z.string(), B: z.coerce.number().int(), C: z.enum(['x', 'y']) });
    assert.throws(
      () => parseConfig('worker', schema, { B: 'many', C: 'z' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        expect(error.name).toBe('ConfigError');
        expect(error.message).toMatch(/^Invalid configuration for worker:/);
        for (const variable of ['A', 'B', 'C']) expect(error.message).toMatch(new RegExp(`\\n  - ${variable}: `));
        return true;
      },
    );
  });

  it('reports a problem with the input as a whole as (root)', () => {
    assert.throws(() => parseConfig('worker', z.object({}), 'not an object'), /\(root\): /);
  });
});

describe('loadServiceConfig', () => {
  it('lists every bad variable of a service in one error', () => {
    assert.throws(
      () =>
        loadServiceConfig('registry', {
          PORT: 'eighty',
          GATEWAY_SECRET: 'short',
          LOG_LEVEL: 'loud',
          OUTBOX_POLL_MS: '10',
          DATABASE_NAME: 'Eq-Registry',
          KAFKA_NEW_GROUP_START: 'middle',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        expect(error.message).toMatch(/^Invalid configuration for registry:/);
        for (const variable of [
          'DATABASE_URL',
          'DATABASE_NAME',
          'KAFKA_BROKERS',
          'PORT',
          'GATEWAY_SECRET',
          'LOG_LEVEL',
          'OUTBOX_POLL_MS',
          'KAFKA_NEW_GROUP_START',
        ]) {
          expect(error.message).toMatch(new RegExp(`  - ${variable}: `));
        }
        expect(error.message).toMatch(/GATEWAY_SECRET: must be at least 16 characters/);
        return true;
      },
    );
  });

  it('fills in the documented defaults', () => {
    expect(loadServiceConfig('registry', VALID_ENV)).toStrictEqual({
      name: 'registry',
      database: { serverUrl: VALID_ENV.DATABASE_URL, name: 'eq_registry' },
      kafka: {
        brokers: ['127.0.0.1:9092'],
        consumerGroup: 'registry',
        replicationFactor: 1,
        partitions: 3,
        minInSyncReplicas: 1,
        newGroupStart: 'earliest',
        sessionTimeoutMs: 10_000,
      },
      consumerSupervision: { maxBackoffMs: 10_000, stallTimeoutMs: 60_000 },
      readiness: { consumerGraceMs: 15_000, maxLag: 10_000, lagGraceMs: 60_000, outboxMaxUnsentAgeMs: 15_000 },
      server: { host: '127.0.0.1', port: 0, drainMs: 5000 },
      gatewaySecret: VALID_ENV.GATEWAY_SECRET,
      logLevel: 'info',
      outboxPollMs: 1000,
      outboxRetentionHours: 168,
    });
  });

  it('takes every variable that is given, coercing numbers and splitting the broker list', () => {
    const config = loadServiceConfig('licensing', {
      ...VALID_ENV,
      DATABASE_NAME: 'licensing_test_1',
      KAFKA_BROKERS: ' k1:9092, k2:9092 ,',
      KAFKA_CONSUMER_GROUP: 'licensing-blue',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_NEW_GROUP_START: 'latest',
      HOST: '0.0.0.0',
      PORT: '4002',
      SHUTDOWN_DRAIN_MS: '2500',
      LOG_LEVEL: 'debug',
      OUTBOX_POLL_MS: '250',
      KAFKA_TOPIC_PARTITIONS: '6',
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      CONSUMER_RESTART_MAX_BACKOFF_MS: '2000',
      CONSUMER_STALL_TIMEOUT_MS: '20000',
      READY_CONSUMER_GRACE_MS: '5000',
      READY_MAX_LAG: '50',
      READY_LAG_GRACE_MS: '1000',
      READY_OUTBOX_MAX_AGE_MS: '3000',
    });
    expect(config.database).toStrictEqual({ serverUrl: VALID_ENV.DATABASE_URL, name: 'licensing_test_1' });
    expect(config.kafka).toStrictEqual({
      brokers: ['k1:9092', 'k2:9092'],
      consumerGroup: 'licensing-blue',
      replicationFactor: 3,
      partitions: 6,
      minInSyncReplicas: 2,
      newGroupStart: 'latest',
      sessionTimeoutMs: 10_000,
    });
    expect(config.consumerSupervision).toStrictEqual({ maxBackoffMs: 2000, stallTimeoutMs: 20_000 });
    expect(config.readiness).toStrictEqual({ consumerGraceMs: 5000, maxLag: 50, lagGraceMs: 1000, outboxMaxUnsentAgeMs: 3000 });
    expect(config.server).toStrictEqual({ host: '0.0.0.0', port: 4002, drainMs: 2500 });
    expect(config.logLevel).toBe('debug');
    expect(config.outboxPollMs).toBe(250);
  });

  it('ignores unrelated environment variables', () => {
    assert.doesNotThrow(() => loadServiceConfig('registry', { ...VALID_ENV, PATH: '/usr/bin', HOME: undefined }));
  });
});
