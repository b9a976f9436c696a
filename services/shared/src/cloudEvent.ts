import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** A CloudEvents 1.0 envelope in structured JSON mode, as every topic carries it. */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

/**
 * Event-carried state transfer: the aggregate's full public state after the change plus the
 * names of the fields that changed, so a subscriber never needs to call back.
 */
export interface StateChange<S> {
  state: S;
  changedFields: string[];
}

export const cloudEventSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  type: z.string().regex(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/, 'must be <service>.<aggregate>.<verb>'),
  subject: z.string().min(1),
  time: z.string().datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export function makeCloudEvent<T>(args: { source: string; type: string; subject: string; data: T; time?: Date }): CloudEvent<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: args.source,
    type: args.type,
    subject: args.subject,
    time: (args.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: args.data,
  };
}
