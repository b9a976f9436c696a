import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ensureDatabase, Role, withDatabase } from '@eq/shared';
import type { Subscription } from '@eq/subscriber-kit';
import { listSchools, startMunicipalitySchools } from '../subscriber-kit/examples/municipalitySchools';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';

const MUNICIPALITY = 'Cēsu novads';
const CESIS_FOUNDER = { kind: 'MUNICIPALITY', name: 'Cēsu novada pašvaldība', municipality: MUNICIPALITY };
/** Longer than a consumer's session and the subscriber's stall timeout: the broker drops every member when it comes back (the crash of issue 12). */
const PAUSE_MS = 35_000;
const CONSUMING = ['licensing', 'accreditation', 'catalogue'] as const;

/**
 * The broker frozen (SIGSTOP) for longer than a session, then resumed (SIGCONT): the services'
 * consumers and the subscriber kit's example subscriber must all come back by themselves, apply
 * every event produced meanwhile exactly once, and readiness must say "not ready" while events
 * cannot flow and "ready" after. This file runs its own broker, so pausing it disturbs no one.
 */
describe('a broker paused for longer than a consumer session', () => {
  let stack: TestStack;
  let officer: string;
  let pool: pg.Pool;
  let subscription: Subscription | undefined;
  const groupId = `municipality-pause-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startTestStack('brokerpause', { ownInfrastructure: true });
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-broker-pause' });
    const database = `pause_${randomUUID().slice(0, 8)}`;
    await ensureDatabase(stack.infrastructure.databaseUrl, database);
    pool = new pg.Pool({ connectionString: withDatabase(stack.infrastructure.databaseUrl, database), max: 4 });
  });
  afterAll(async () => {
    const pid = stack?.infrastructure.kafka?.pid();
    if (pid) process.kill(pid, 'SIGCONT');
    await subscription?.stop();
    await pool?.end();
    await stack?.close();
  });

  const register = async () =>
    (await stack.client.data(REGISTER, { input: institutionInput({ founder: CESIS_FOUNDER, name: 'Cēsu skola' }) }, officer))
      .registerInstitution.institution.id as string;
  const readiness = async (name: string) => {
    const url = (name === 'gateway' ? stack.gatewayUrl : stack.services[name]!.url).replace(/\/graphql$/, '/readyz');
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.text() };
  };
  const replicaCount = async (service: string, ids: string[]) =>
    Number((await stack.services[service]!.db.query('SELECT count(*)::int AS n FROM registry_institution WHERE id = ANY($1)', [ids]))[0].n);

  it('brings every consumer back, applies each event once, and is not ready while events cannot flow', async () => {
    subscription = await startMunicipalitySchools({
      brokers: stack.infrastructure.kafkaBrokers,
      groupId,
      municipality: MUNICIPALITY,
      pool,
      // Shorter than the pause: the watchdog must replace the silent member, whether or not kafkajs crashes it.
      supervision: { stallTimeoutMs: 15_000 },
    });
    const before = await Promise.all(Array.from({ length: 10 }, register));
    await eventually(
      () => listSchools(pool),
      (rows) => before.every((id) => rows.some((row) => row.id === id)),
      { what: 'the subscriber to know the first schools' },
    );
    for (const name of ['registry', ...CONSUMING, 'gateway']) expect((await readiness(name)).status).toBe(200);

    const pid = stack.infrastructure.kafka!.pid()!;
    process.kill(pid, 'SIGSTOP');
    const pausedAt = Date.now();
    let during: string[];
    try {
      // Writes keep working: their events wait in the registry's outbox.
      during = await Promise.all(Array.from({ length: 20 }, register));
      const notReady = await eventually(
        async () =>
          Object.fromEntries(
            await Promise.all(['registry', ...CONSUMING, 'gateway'].map(async (name) => [name, await readiness(name)] as const)),
          ),
        (answers) => Object.values(answers).every((answer) => answer.status === 503),
        { timeoutMs: PAUSE_MS - 5_000, intervalMs: 500, what: 'every component to report not ready during the pause' },
      );
      expect(notReady.registry!.body).toMatch(/outbox/);
      for (const name of CONSUMING) expect(notReady[name]!.body).toMatch(/no contact with the broker/);
      // The fault itself lasts a fixed time; nothing waits on it for readiness.
      await delay(Math.max(0, PAUSE_MS - (Date.now() - pausedAt)));
    } finally {
      process.kill(pid, 'SIGCONT');
    }

    const all = [...before, ...during];
    const resumedAt = Date.now();
    for (const service of CONSUMING) {
      await eventually(
        () => replicaCount(service, all),
        (n) => n === all.length,
        { timeoutMs: 60_000, intervalMs: 250, what: `${service} to know all ${all.length} institutions` },
      );
    }
    const rows = await eventually(
      () => listSchools(pool),
      (found) => all.every((id) => found.some((row) => row.id === id)),
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        what: 'the example subscriber to know every school',
      },
    );
    for (const name of ['registry', ...CONSUMING, 'gateway']) {
      await eventually(
        () => readiness(name),
        (answer) => answer.status === 200,
        { timeoutMs: 60_000, intervalMs: 250, what: `${name} ready again` },
      );
    }
    assert.ok(Date.now() - resumedAt < 60_000, 'converged within a minute of the broker coming back');
    // Exactly once: one registration event per school, each applied once.
    for (const id of all) expect(rows.find((row) => row.id === id)!.appliedEvents).toBe(1);
    for (const service of CONSUMING) {
      const [counts] = await stack.services[service]!.db.query(
        'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct FROM processed_event',
      );
      expect(counts.n).toBe(counts.distinct);
    }
    assert.ok(subscription.health().restarts >= 1, 'the example subscriber lost its consumer and replaced it');
  });
});
