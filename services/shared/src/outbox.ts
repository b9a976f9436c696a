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
  await manager.query('SELECT outbox_enqueue($1, $2, $3, $4)', outboxEnqueueArgs(topic, event));
}

/**
 * The arguments of the database's `outbox_enqueue(id, topic, key, payload)`, for a statement
 * that records an event along with its change (one round trip on a hot path).
 */
export function outboxEnqueueArgs(topic: string, event: CloudEvent): [string, string, string, string] {
  return [event.id, topic, event.subject, JSON.stringify(event)];
}
