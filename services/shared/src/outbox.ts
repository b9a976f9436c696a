import type { EntityManager } from 'typeorm';
import type { CloudEvent } from './cloudEvent';

/** The PostgreSQL channel the relay listens on; NOTIFY is delivered only when the writer commits. */
export const OUTBOX_CHANNEL = 'outbox_event';

/**
 * Records an event in the caller's transaction. The change and its event commit or roll back
 * together, so a Kafka outage delays events but never loses them. The event key is the
 * CloudEvent subject (the aggregate id), which keeps one aggregate's events in order.
 */
export async function enqueueEvent(manager: EntityManager, topic: string, event: CloudEvent): Promise<void> {
  // The row and the wake-up call in one statement: one round trip fewer on every write.
  await manager.query(
    `WITH inserted AS (INSERT INTO outbox_event (id, topic, key, payload) VALUES ($1, $2, $3, $4) RETURNING seq)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
    [event.id, topic, event.subject, JSON.stringify(event)],
  );
}
