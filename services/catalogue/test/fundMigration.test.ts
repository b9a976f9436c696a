import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, openDatabase } from '@eq/shared';
import type { DataSource } from 'typeorm';
import { startInfrastructure, type Infrastructure } from '../../../scripts/stack/infrastructure';
import { DATA_DIR } from '../../../scripts/stack/paths';
import { createCatalogue, DEFAULT_CATALOGUE_OPTIONS } from '../src';
import { SplitFundBySemester1732300003900 } from '../src/migrations/1732300003900-SplitFundBySemester';

const runId = `catalogue_fund_migration_${randomBytes(3).toString('hex')}`;
const runDir = path.join(DATA_DIR, 'test-runs', runId);

/**
 * The fund's single ledger row becomes a row per semester, and the schools with locked counts
 * become the partners of their years: a database with bookings made before these migrations is
 * migrated, and its money and indicator base carry over.
 */
describe('catalogue migrations 1732300003900 and 1732300003950 on a database with bookings', () => {
  let infrastructure: Infrastructure;
  let db: DataSource;
  const school = randomUUID();
  const logger = () => createLogger('catalogue-fund-migration', 'warn', createWriteStream(path.join(runDir, 'catalogue.log')));
  const all = createCatalogue(DEFAULT_CATALOGUE_OPTIONS).migrations;
  const before = all.slice(0, all.indexOf(SplitFundBySemester1732300003900));

  beforeAll(async () => {
    mkdirSync(runDir, { recursive: true });
    infrastructure = await startInfrastructure({ dataDir: runDir, databaseUrl: process.env.DATABASE_URL, kafkaBrokers: [] });
    const old = await openDatabase({
      serverUrl: infrastructure.databaseUrl,
      name: runId,
      entities: [],
      migrations: before,
      logger: logger(),
    });
    const provider = randomUUID();
    const activity = randomUUID();
    const session = randomUUID();
    await old.query(`INSERT INTO activity_provider (id, name, kind) VALUES ($1, 'Muzejs', 'MUSEUM')`, [provider]);
    await old.query(
      `INSERT INTO activity (id, provider_id, title, description, search_text, fields, grade_bands, format, duration_minutes, language,
                             max_group_size, price_per_pupil_cents, status)
       VALUES ($1, $2, 'Fizika', 'Fizika', 'fizika', ARRAY['PHYSICS'], ARRAY['GRADES_7_9'], 'AT_PROVIDER', 90, 'lv', 30, 1000, 'PUBLISHED')`,
      [activity, provider],
    );
    await old.query(
      `INSERT INTO activity_session (id, activity_id, starts_at, ends_at, place, capacity, status)
       VALUES ($1, $2, '2025-11-12T08:00:00Z', '2025-11-12T09:30:00Z', 'Rīga', 100, 'SCHEDULED')`,
      [session, activity],
    );
    // Money in two semesters of the period, and in one before it (booked before the period rule).
    for (const [semester, committed, cost] of [
      ['2025/2026-1', 20_000, 0],
      ['2025/2026-1', 0, 9_000],
      ['2025/2026-2', 5_000, 0],
      ['2024/2025-1', 3_000, 0],
    ] as const) {
      await old.query(
        `INSERT INTO booking (id, session_id, institution_id, grade, pupils, status, semester, price_per_pupil_cents, committed_cents, cost_cents)
         VALUES ($1, $2, $3, 7, 20, $4, $5, 1000, $6, $7)`,
        [randomUUID(), session, school, committed > 0 ? 'CONFIRMED' : 'ATTENDED', semester, committed, cost],
      );
    }
    await old.query(`UPDATE fund_ledger SET committed_cents = 28000, spent_cents = 9000 WHERE id = 'attendance'`);
    await old.query(
      `INSERT INTO learner_count_report (id, institution_id, school_year, status, counts, total, state_at)
       VALUES ($1, $2, '2025/2026', 'LOCKED', '{"grade7": 20}', 20, now()), ($3, $4, '2025/2026', 'APPROVED', '{"grade7": 20}', 20, now())`,
      [randomUUID(), school, randomUUID(), randomUUID()],
    );
    await old.destroy();
    db = await openDatabase({ serverUrl: infrastructure.databaseUrl, name: runId, entities: [], migrations: all, logger: logger() });
  });

  afterAll(async () => {
    await db?.destroy();
    await infrastructure?.stop();
  });

  it("moves the fund's money to the semesters of its bookings, with default budgets in the period and a closed one before it", async () => {
    const rows = await db.query(
      'SELECT semester, budget_cents::int AS budget, committed_cents::int AS committed, spent_cents::int AS spent FROM fund_semester_ledger ORDER BY semester',
    );
    expect(rows).toStrictEqual([
      { semester: '2024/2025-1', budget: 3_000, committed: 3_000, spent: 0 },
      { semester: '2024/2025-2', budget: null, committed: 0, spent: 0 },
      { semester: '2025/2026-1', budget: null, committed: 20_000, spent: 9_000 },
      { semester: '2025/2026-2', budget: null, committed: 5_000, spent: 0 },
      ...['2026/2027-1', '2026/2027-2', '2027/2028-1', '2027/2028-2', '2028/2029-1'].map((semester) => ({
        semester,
        budget: null,
        committed: 0,
        spent: 0,
      })),
    ]);
    expect((await db.query(`SELECT to_regclass('fund_ledger') AS old`))[0].old).toBe(null);
  });

  it("settles against each semester's own row: a semester of the period takes money, the closed one none", async () => {
    const settle = async (semester: string, cents: number) =>
      (await db.query('SELECT catalogue_settle_fund($1, $2, 0, 337500000) AS settled', [semester, cents]))[0].settled as boolean;
    expect(await settle('2025/2026-2', 1_000)).toBe(true);
    expect(await settle('2024/2025-1', 1)).toBe(false);
    expect(await settle('2024/2025-1', -3_000)).toBe(true);
  });

  it('makes the schools with locked counts the partners of their years, and no other', async () => {
    expect(await db.query('SELECT school_year, institution_id FROM fund_partner')).toStrictEqual([
      { school_year: '2025/2026', institution_id: school },
    ]);
  });
});
