import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables every service needs for reliable events: `outbox_event` (written in the same
 * transaction as a change, relayed to Kafka afterwards) and `processed_event` (ids of consumed
 * events, so redelivery never applies an event twice).
 */
export class CreateEventTables1732300000000 implements MigrationInterface {
  name = 'CreateEventTables1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        seq        bigserial PRIMARY KEY,
        id         uuid NOT NULL UNIQUE,
        topic      text NOT NULL,
        key        text NOT NULL,
        payload    jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at    timestamptz,
        attempts   integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever scans unsent rows, and checks per key for an earlier unsent one.
    await q.query(`CREATE INDEX outbox_event_unsent ON outbox_event (topic, key, seq) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE processed_event (
        event_id     text PRIMARY KEY,
        topic        text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processed_event');
    await q.query('DROP TABLE outbox_event');
  }
}

/**
 * `outbox_enqueue(id, topic, key, payload)`: what recording an event means, once, in the
 * database. `enqueueEvent` calls it, and so can a service's hand-written statement that makes a
 * change and records its event in one round trip.
 */
export class CreateOutboxEnqueueFunction1732300003600 implements MigrationInterface {
  name = 'CreateOutboxEnqueueFunction1732300003600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_enqueue(p_id uuid, p_topic text, p_key text, p_payload jsonb) RETURNS void
      LANGUAGE sql VOLATILE AS $$
        INSERT INTO outbox_event (id, topic, key, payload) VALUES (p_id, p_topic, p_key, p_payload);
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION outbox_enqueue(uuid, text, text, jsonb)');
  }
}
