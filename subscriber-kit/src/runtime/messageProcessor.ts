import type { Consumer, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { sendToDeadLetter } from '../deadLetter';
import { InvalidMessageError } from '../invalidMessage';
import type { SubscriberLogger } from '../subscribeOptions';
import type { ConsumerObserver } from './consumerObserver';
import type { Publisher } from './recoveringProducer';

/** What applying one message came to. */
export type ProcessOutcome = 'processed' | 'duplicate' | 'ignored';

/** Where a message stands before it is applied: handled normally, or skipped (and maybe committed past). */
export type SkipDecision = { skip: false } | { skip: true; commitOffset?: string };

export interface MessageProcessorOptions {
  groupId: string;
  /** Dead letters go here (a RecoveringProducer survives broker outages). */
  deadLetters: Publisher;
  logger: SubscriberLogger;
  /** Failed attempts of one message before it is dead-lettered; transient failures do not count. */
  maxAttempts: number;
  /**
   * Applies one message exactly once in effect (recording its event id in the same transaction as
   * its writes). Throws InvalidMessageError for a message no retry can fix; any other error is
   * retried.
   */
  apply(message: KafkaMessage, topic: string): Promise<ProcessOutcome>;
  /** Failures that say nothing about the message (the database is unreachable): retried for as long as they last. */
  isTransient?(error: unknown): boolean;
  /** Lets a caller pass over messages that are not its own (see the services' `newGroupStart`). */
  skip?(topic: string, partition: number, offset: bigint): SkipDecision;
  observer?: ConsumerObserver;
}

/**
 * The per-message step every consumer of the supergraph shares (the services' and the
 * subscriber kit's): apply, retry a failure with kafkajs' backoff until its attempts are used up,
 * dead-letter what can never succeed, and commit the offset only after the message's effect
 * committed, so a crash in between means redelivery (a duplicate skipped), never loss.
 *
 * The attempt counts live here, outside any one kafkajs consumer, so they carry over when the
 * supervisor replaces a crashed consumer and the message comes back.
 */
export function createMessageProcessor(
  options: MessageProcessorOptions,
): (consumer: Consumer) => (payload: EachMessagePayload) => Promise<void> {
  const { groupId, logger, observer } = options;
  const isTransient = options.isTransient ?? isConnectionError;
  const attempts = new Map<string, number>();

  return (consumer) =>
    async ({ topic, partition, message }) => {
      const offset = BigInt(message.offset);
      const skip = options.skip?.(topic, partition, offset);
      if (skip?.skip) {
        if (skip.commitOffset !== undefined) await consumer.commitOffsets([{ topic, partition, offset: skip.commitOffset }]);
        return;
      }
      const position = `${topic}/${partition}/${message.offset}`;
      try {
        const outcome = await options.apply(message, topic);
        observer?.onMessage?.(topic, outcome);
      } catch (error) {
        const invalid = error instanceof InvalidMessageError ? error : undefined;
        const failures = isTransient(error) ? 0 : (attempts.get(position) ?? 0) + 1;
        if (!invalid && failures < options.maxAttempts) {
          attempts.set(position, failures);
          observer?.onMessage?.(topic, 'failed');
          logger.warn({ err: error, position, failures }, 'event handling failed; will retry');
          throw error; // kafkajs backs off and redelivers from the last committed offset
        }
        const reason =
          invalid ?? new InvalidMessageError('handler-failed', `handler failed ${failures} times: ${(error as Error).message}`);
        logger.warn({ position, kind: reason.kind, error: reason.message }, 'dead-lettering message');
        await sendToDeadLetter(options.deadLetters, { groupId, topic, partition, message, kind: reason.kind, error: reason.message });
        observer?.onMessage?.(topic, 'dead-lettered');
      }
      attempts.delete(position);
      await consumer.commitOffsets([{ topic, partition, offset: (offset + 1n).toString() }]);
    };
}

/** PostgreSQL connection-class errors (SQLSTATE 08xxx, 57P0x shutdown) and socket errors. */
export function isConnectionError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return (
    /^(08|57P0)/.test(code) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    /Connection terminated|connection timeout/i.test(String((error as Error)?.message))
  );
}
