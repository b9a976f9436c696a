/** The event being processed, as the store records it. */
export interface ProcessedEvent {
  id: string;
  topic: string;
  type: string;
}

/**
 * Where a subscriber remembers the events it has applied. `processOnce` runs the handler's
 * work and records the event id in one transaction, so an event redelivered after a crash
 * (Kafka delivers at least once) is recognised and skipped: the handler's effect happens once.
 */
export interface ProcessedEventStore<Tx> {
  /** Runs `work` and records the event in the same transaction; returns false (and runs nothing) when it was recorded already. */
  processOnce(event: ProcessedEvent, work: (tx: Tx) => Promise<void>): Promise<boolean>;
}
