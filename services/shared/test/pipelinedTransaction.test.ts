import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';
import { openDatabase } from '../src/database';
import { createLogger } from '../src/logger';
import { pipelinedTransaction } from '../src/pipelinedTransaction';

const runId = `kit_pipelined_${randomBytes(3).toString('hex')}`;
const runDir = path.join(DATA_DIR, 'test-runs', runId);

describe('pipelinedTransaction on real PostgreSQL', () => {
  let infrastructure: Infrastructure;
  let db: DataSource;
  const rows = async () => (await db.query('SELECT name FROM pipelined_thing ORDER BY name')).map((row: { name: string }) => row.name);
  const pool = () => (db.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    infrastructure = await startInfrastructure({ dataDir: runDir, databaseUrl: process.env.DATABASE_URL, kafkaBrokers: [] });
    const logger = createLogger(
      'kit-pipelined-test',
      process.env.TEST_LOG_LEVEL ?? 'info',
      createWriteStream(path.join(runDir, 'kit.log')),
    );
    db = await openDatabase({ serverUrl: infrastructure.databaseUrl, name: runId, entities: [], migrations: [], logger, poolSize: 2 });
    await db.query('CREATE TABLE pipelined_thing (name text PRIMARY KEY)');
  });

  afterAll(async () => {
    await db?.destroy();
    await infrastructure?.stop();
  });

  it('commits the statements, reads its own writes and returns the last statement’s rows', async () => {
    const answer = await pipelinedTransaction(db, async (tx) => {
      await tx.query('INSERT INTO pipelined_thing (name) VALUES ($1)', ["a'1"]);
      const [seen] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pipelined_thing');
      return tx.commitWith<{ name: string; seen: number }>('INSERT INTO pipelined_thing (name) VALUES ($1) RETURNING name, $2 AS seen', [
        'a2',
        seen!.n,
      ]);
    });
    expect(answer).toStrictEqual([{ name: 'a2', seen: 1 }]);
    expect(await rows()).toStrictEqual(["a'1", 'a2']);
  });

  it('rolls everything back when the last statement fails, so its COMMIT never runs', async () => {
    await assert.rejects(
      pipelinedTransaction(db, async (tx) => {
        await tx.query('INSERT INTO pipelined_thing (name) VALUES ($1)', ['b1']);
        return tx.commitWith('INSERT INTO pipelined_thing (name) VALUES ($1)', ['a2']); // duplicate key
      }),
      (error: { code?: string }) => error.code === '23505',
    );
    expect(await rows()).toStrictEqual(["a'1", 'a2']);
  });

  it('rolls back when the work throws between statements, and hands the connection back', async () => {
    for (let i = 0; i < 3; i++) {
      await assert.rejects(
        pipelinedTransaction(db, async (tx) => {
          await tx.query('INSERT INTO pipelined_thing (name) VALUES ($1)', [`c${i}`]);
          throw new Error('decided against it');
        }),
        /decided against it/,
      );
    }
    expect(await rows()).toStrictEqual(["a'1", 'a2']);
    // The pool has two connections: had any been kept, a third transaction would wait forever.
    expect(pool().idleCount).toBe(pool().totalCount);
  });

  it('refuses work that ends without committing, and stores none of it', async () => {
    await assert.rejects(
      pipelinedTransaction(db, async (tx) => {
        await tx.query('INSERT INTO pipelined_thing (name) VALUES ($1)', ['d1']);
      }),
      /without commitWith/,
    );
    expect(await rows()).toStrictEqual(["a'1", 'a2']);
  });

  it('hands strings to PostgreSQL exactly as given, whatever quotes, backslashes and dollars they hold', async () => {
    const nasty = ["it's", 'back\\slash', "'); DROP TABLE pipelined_thing; --", '$1 $$ $body$', 'ūdens Ķegums', ''];
    const answer = await pipelinedTransaction(db, (tx) =>
      tx.commitWith<{ values: string[] }>('SELECT ARRAY[$1, $2, $3, $4, $5, $6] AS values', nasty),
    );
    expect(answer[0]!.values).toStrictEqual(nasty);
    expect(await rows()).toStrictEqual(["a'1", 'a2']);
  });

  it('commits a one-statement transaction sent with both BEGIN and COMMIT', async () => {
    await pipelinedTransaction(db, (tx) => tx.commitWith('INSERT INTO pipelined_thing (name) VALUES ($1)', ['e1']));
    expect(await rows()).toStrictEqual(["a'1", 'a2', 'e1']);
  });
});
