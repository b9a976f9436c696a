import { z } from 'zod';

/**
 * The CloudEvents 1.0 envelope every topic carries in structured JSON mode. Extension
 * attributes are allowed (the spec permits them); the required ones are exactly these.
 */
export const cloudEventEnvelopeSchema = z
  .looseObject({
    specversion: z.literal('1.0').describe('CloudEvents specification version.'),
    id: z.string().min(1).max(200).describe('Unique per event; subscribers deduplicate by it.'),
    source: z.string().min(1).describe('The publishing service, e.g. `/registry`.'),
    type: z
      .string()
      .regex(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/)
      .describe('`<service>.<aggregate>.<past-tense-verb>`.'),
    subject: z.string().min(1).describe('The aggregate id; also the Kafka message key.'),
    time: z.iso.datetime({ offset: true }).describe('When the change was recorded (RFC 3339).'),
    datacontenttype: z.literal('application/json'),
    data: z.unknown().describe("The event type's payload; see each message."),
  })
  .describe('CloudEvents 1.0 envelope, structured JSON mode.');

/** A CloudEvents 1.0 envelope with typed `data`. */
export interface CloudEvent<TData = unknown, TType extends string = string> {
  specversion: '1.0';
  id: string;
  source: string;
  type: TType;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: TData;
}

/** The Kafka `content-type` header every publisher sets (CloudEvents Kafka binding, structured mode). */
export const CLOUD_EVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';
