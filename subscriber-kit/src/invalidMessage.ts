import type { KafkaMessage } from 'kafkajs';
import type { z } from 'zod';
import { cloudEventEnvelopeSchema, type CloudEvent } from './cloudEvent';

/** Why a message went to the dead-letter topic (its `x-error-kind` header). */
export type DeadLetterKind = 'not-json' | 'not-cloudevent' | 'invalid-data' | 'handler-failed';

/** A message that can never be processed as it is: it is dead-lettered, not retried. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';

  constructor(
    readonly kind: DeadLetterKind,
    message: string,
  ) {
    super(message);
  }
}

const describeIssues = (issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) =>
  issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/** Parses a Kafka message as a CloudEvents envelope; `data` is not checked yet. */
export function decodeEnvelope(message: KafkaMessage): CloudEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    throw new InvalidMessageError('not-json', 'message value is not JSON');
  }
  const parsed = cloudEventEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidMessageError('not-cloudevent', `not a CloudEvents 1.0 envelope: ${describeIssues(parsed.error.issues)}`);
  }
  return parsed.data as CloudEvent;
}

/** Checks an event's `data` against its schema (a tolerant reader: unknown members are dropped). */
export function decodeData<S extends z.ZodType>(event: CloudEvent, schema: S): CloudEvent<z.output<S>> {
  const parsed = schema.safeParse(event.data);
  if (!parsed.success) {
    throw new InvalidMessageError('invalid-data', `${event.type} ${event.id} has invalid data: ${describeIssues(parsed.error.issues)}`);
  }
  return { ...event, data: parsed.data };
}
