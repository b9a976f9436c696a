import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';
import { registryInstitutionState as institution } from '../../../test/support/fixtures';
import { makeCloudEvent, type CloudEvent } from '../src/cloudEvent';
import { PoisonMessageError } from '../src/consumer';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import {
  applyRegistryInstitutionEvent,
  CreateRegistryInstitutionReplica1732300000050,
  findRegistryInstitution,
  REGISTRY_INSTITUTION_EVENT_TYPES,
  registryInstitutionEventHandlers,
  type RegistryInstitutionState,
} from '../src/registryInstitutions';

const runId = `kit_registry_replica_${randomBytes(3).toString('hex')}`;
const runDir = path.join(DATA_DIR, 'test-runs', runId);

const event = (type: string, state: unknown, time: string, changedFields: string[] = ['status']) =>
  makeCloudEvent({
    source: '/registry',
    type,
    subject: (state as { id: string }).id,
    data: { state, changedFields },
    time: new Date(time),
  });

const registered = (state: RegistryInstitutionState, time = '2024-09-01T10:00:00Z') =>
  event('registry.institution.registered', state, time, Object.keys(state));
const liquidated = (state: RegistryInstitutionState, time = '2025-03-31T10:00:00Z') =>
  event('registry.institution.liquidated', { ...state, status: 'LIQUIDATED', liquidatedOn: '2025-03-31' }, time, [
    'status',
    'liquidatedOn',
  ]);

describe('replica of the registry institutions on real PostgreSQL', () => {
  let infrastructure: Infrastructure;
  let db: DataSource;

  const apply = (e: CloudEvent) => db.transaction((manager) => applyRegistryInstitutionEvent(e, manager));

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    // No Kafka: the replica is written by the handlers, called here as the consumer would.
    infrastructure = await startInfrastructure({ dataDir: runDir, databaseUrl: process.env.DATABASE_URL, kafkaBrokers: [] });
    const logger = createLogger(
      'kit-registry-replica-test',
      process.env.TEST_LOG_LEVEL ?? 'info',
      createWriteStream(path.join(runDir, 'kit.log')),
    );
    db = await openDatabase({
      serverUrl: infrastructure.databaseUrl,
      name: runId,
      entities: [],
      migrations: [CreateRegistryInstitutionReplica1732300000050],
      logger,
    });
  });

  afterAll(async () => {
    await db?.destroy();
    await infrastructure?.stop();
  });

  it('stores the full state an event carries and finds it by id', async () => {
    const state = institution();
    expect(await apply(registered(state))).toStrictEqual(state);
    expect(await findRegistryInstitution(db, state.id)).toStrictEqual(state);
    const [row] = await db.query('SELECT state_at FROM registry_institution WHERE id = $1', [state.id]);
    expect(row.state_at.toISOString()).toBe('2024-09-01T10:00:00.000Z');
  });

  it('finds nothing for an institution the registry has not announced', async () => {
    expect(await findRegistryInstitution(db, randomUUID())).toBe(null);
  });

  it('applies a newer event over an older state', async () => {
    const state = institution();
    await apply(registered(state));
    const stored = await apply(liquidated(state));
    expect(stored.status).toBe('LIQUIDATED');
    expect(stored.liquidatedOn).toBe('2025-03-31');
    expect((await findRegistryInstitution(db, state.id))?.status).toBe('LIQUIDATED');
  });

  it('does not let an older event overwrite a newer state, and returns the newer state it keeps', async () => {
    const state = institution();
    await apply(liquidated(state, '2025-03-31T10:00:00Z'));
    const stored = await apply(registered({ ...state, name: 'An older name' }, '2024-09-01T10:00:00Z'));
    expect(stored.status).toBe('LIQUIDATED');
    expect(stored.name).toBe(state.name);
    expect(await findRegistryInstitution(db, state.id)).toStrictEqual(stored);
  });

  it('rejects an event whose data breaks the contract as a poison message and stores nothing', async () => {
    const state = institution();
    const { founder: _founder, ...withoutFounder } = state;
    const broken = [
      registered({ ...state, id: 'not-a-uuid' }),
      event('registry.institution.registered', withoutFounder, '2024-09-01T10:00:00Z'),
      event('registry.institution.registered', { ...state, registeredOn: '2024-02-30' }, '2024-09-01T10:00:00Z'),
      makeCloudEvent({ source: '/registry', type: 'registry.institution.registered', subject: state.id, data: { state } }),
    ];
    for (const bad of broken) {
      await assert.rejects(apply(bad), PoisonMessageError);
    }
    expect(await findRegistryInstitution(db, state.id)).toBe(null);
  });

  it('accepts and keeps fields the contract does not know yet (tolerant reader)', async () => {
    const state = { ...institution(), headName: 'Anna Bērziņa' };
    const stored = await apply(registered(state));
    expect((stored as unknown as { headName: string }).headName).toBe('Anna Bērziņa');
  });

  it('builds a handler for every registry event type that applies the event, then reacts to the state stored', async () => {
    const reactions: Array<{ type: string; status: string }> = [];
    const handlers = registryInstitutionEventHandlers(async (stored, e) => void reactions.push({ type: e.type, status: stored.status }));
    expect(Object.keys(handlers).sort()).toStrictEqual([...REGISTRY_INSTITUTION_EVENT_TYPES].sort());

    const state = institution();
    await db.transaction((manager) => handlers['registry.institution.liquidated']!(liquidated(state), manager));
    // A late, older registration: the reaction still sees the liquidated institution.
    await db.transaction((manager) => handlers['registry.institution.registered']!(registered(state), manager));
    expect(reactions).toStrictEqual([
      { type: 'registry.institution.liquidated', status: 'LIQUIDATED' },
      { type: 'registry.institution.registered', status: 'LIQUIDATED' },
    ]);
  });

  for (const lock of ['pessimistic_read', 'pessimistic_write'] as const) {
    it(`makes an event for an institution wait while a write path holds it with ${lock}`, async () => {
      const state = institution();
      await apply(registered(state));
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        expect((await findRegistryInstitution(runner.manager, state.id, { lock }))?.status).toBe('ACTIVE');
        // The liquidation cannot pass the locked row: it gives up after the lock timeout.
        const blocked = db.transaction(async (manager) => {
          await manager.query(`SET LOCAL lock_timeout = '200ms'`);
          return applyRegistryInstitutionEvent(liquidated(state), manager);
        });
        await assert.rejects(blocked, (error: { code?: string }) => error.code === '55P03');
      } finally {
        await runner.commitTransaction();
        await runner.release();
      }
      expect((await apply(liquidated(state))).status).toBe('LIQUIDATED');
    });
  }
});
