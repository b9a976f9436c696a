/** What happened to one consumed message, as metrics count it. */
export type MessageResult = 'processed' | 'duplicate' | 'ignored' | 'failed' | 'dead-lettered';

/** Hooks for metrics; every one is optional and must not throw. */
export interface ConsumerObserver {
  onMessage?(topic: string, result: MessageResult): void;
  /** A consumer was replaced (after a crash, lost membership or a stall). */
  onRestart?(reason: string): void;
}
