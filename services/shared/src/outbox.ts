import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { CloudEvent } from './cloudEvent';
import { graphqlRequestScope } from './statementCounter';

/**
 * Records an event in the caller's transaction. The change and its event commit or roll back
 * together, so a Kafka outage delays events but never loses them. The event key is the
 * CloudEvent subject (the aggregate id), which keeps one aggregate's events in order. Once the
 * transaction commits, this process's relay is woken (see `onOutboxCommit`).
 */
export async function enqueueEvent(manager: EntityManager, topic: string, event: CloudEvent): Promise<void> {
  await manager.query('SELECT outbox_enqueue($1, $2, $3, $4)', outboxEnqueueArgs(topic, event));
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) runner.data[OUTBOX_WRITTEN] = true;
  else outboxCommitted(manager.connection); // a statement of its own: committed already
}

/**
 * The arguments of the database's `outbox_enqueue(id, topic, key, payload)`, for a statement
 * that records an event along with its change (one round trip on a hot path). Whoever commits
 * such a statement outside TypeORM calls `outboxCommitted` afterwards.
 */
export function outboxEnqueueArgs(topic: string, event: CloudEvent): [string, string, string, string] {
  return [event.id, topic, event.subject, JSON.stringify(event)];
}

/*
 * How the relay learns there is work: this process tells it, right after a commit that
 * recorded events. Not LISTEN/NOTIFY: a NOTIFY takes a database-wide lock at commit, which
 * serialises every committing writer (it cost the booking path a sixth of its throughput),
 * and the writer and its relay live in the same process anyway. Rows written elsewhere (another
 * instance has its own relay; a script) are found by the relay's poll.
 */
// The flag on a TypeORM query runner's `data` (its place for what subscribers share).
const OUTBOX_WRITTEN = 'eq.outboxWritten';
const commitListeners = new WeakMap<DataSource, Set<() => void>>();

/** Calls `listener` after each commit on `dataSource` that recorded events; returns the way to stop. */
export function onOutboxCommit(dataSource: DataSource, listener: () => void): () => void {
  let listeners = commitListeners.get(dataSource);
  if (!listeners) commitListeners.set(dataSource, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners of `dataSource` that a commit recorded events. */
export function outboxCommitted(dataSource: DataSource): void {
  // The relay's work outlives the request that committed: it must not count as the request's.
  graphqlRequestScope.exit(() => {
    for (const listener of commitListeners.get(dataSource) ?? []) listener();
  });
}

/** Registered on every DataSource (openDatabase): wakes the listeners after a TypeORM transaction that recorded events. */
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit({ queryRunner, connection }: TransactionCommitEvent): void {
    if (!queryRunner.data?.[OUTBOX_WRITTEN]) return;
    delete queryRunner.data[OUTBOX_WRITTEN];
    outboxCommitted(connection);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    delete queryRunner.data?.[OUTBOX_WRITTEN];
  }
}
