import { z } from 'zod';
import { CLOUD_EVENTS_CONTENT_TYPE } from '../cloudEvent';
import { COMPONENT_SCHEMAS } from '../contracts';
import { TOPIC_CONTRACTS, dataSchemaOf, type TopicContract } from '../topicContracts';
import { channelId, messageId } from './asyncApiIds';

const KAFKA_BINDING_VERSION = '0.5.0';
const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema (draft-07, AsyncAPI's default schema format) of every component schema, cross-referenced. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  // Schemas carry their id in their own `.meta()`, which z.toJSONSchema reads from the global registry.
  for (const [id, schema] of Object.entries(COMPONENT_SCHEMAS)) if (!registry.has(schema)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-7', uri: SCHEMA_REF });
  // `$schema`/`$id` per component would make each a separate resource; the document is one.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]));
}

function dataSchemaId(contract: TopicContract, type: string): string {
  const entry = Object.entries(COMPONENT_SCHEMAS).find(([, schema]) => schema === dataSchemaOf(contract, type));
  if (!entry) throw new Error(`the data schema of ${type} is not a component schema`);
  return entry[0];
}

function message(topic: string, contract: TopicContract, type: string, summary: string) {
  return {
    name: type,
    title: type,
    ...(summary ? { summary } : {}),
    contentType: CLOUD_EVENTS_CONTENT_TYPE,
    headers: {
      type: 'object',
      properties: { 'content-type': { type: 'string', const: CLOUD_EVENTS_CONTENT_TYPE } },
    },
    payload: {
      allOf: [
        { $ref: SCHEMA_REF('CloudEvent') },
        {
          type: 'object',
          properties: {
            type: { const: type },
            source: { const: contract.source },
            data: { $ref: SCHEMA_REF(dataSchemaId(contract, type)) },
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: `The aggregate id, equal to the CloudEvent subject; one aggregate's events on ${topic} stay in order.`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/**
 * The AsyncAPI 3.0 document of every topic, generated from TOPIC_CONTRACTS so the published
 * schema, the kit's runtime validation and its TypeScript types cannot drift apart.
 */
export function buildAsyncApiDocument() {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const [topic, contract] of Object.entries(TOPIC_CONTRACTS) as Array<[string, TopicContract]>) {
    const channel = channelId(topic);
    const refs: Record<string, { $ref: string }> = {};
    for (const [type, summary] of Object.entries(contract.events)) {
      messages[messageId(type)] = message(topic, contract, type, summary);
      refs[messageId(type)] = { $ref: `#/components/messages/${messageId(type)}` };
    }
    channels[channel] = {
      address: topic,
      title: topic,
      description: contract.description,
      messages: refs,
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[`publish${channel[0]!.toUpperCase()}${channel.slice(1)}`] = {
      action: 'send',
      title: `${contract.source.slice(1)} publishes ${topic}`,
      channel: { $ref: `#/channels/${channel}` },
      messages: Object.keys(refs).map((id) => ({ $ref: `#/channels/${channel}/messages/${id}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Education quality supergraph events',
      version: '1.0.0',
      description: [
        'Every topic of the supergraph. Each message is a CloudEvents 1.0 envelope in structured JSON mode',
        '(Kafka header `content-type: application/cloudevents+json`); the Kafka key is the CloudEvent `subject`,',
        "the aggregate id, so one aggregate's events stay in order. `data` is `{ state, changedFields }`:",
        "the aggregate's full public state after the change (event-carried state transfer) and the names of the",
        'fields that changed. Delivery is at least once: deduplicate by the CloudEvent `id`.',
        '',
        "Every `data` schema is closed (`additionalProperties: false`): the services' published events are checked",
        'against this document in CI, so a member not listed here is never published. A new optional member is a',
        'minor change of the document; removing or renaming one needs a new topic version.',
        '',
        'Generated from `subscriber-kit/src/topicContracts.ts`: `npm run -w @eq/subscriber-kit generate:asyncapi`.',
      ].join('\n'),
    },
    defaultContentType: CLOUD_EVENTS_CONTENT_TYPE,
    servers: {
      kafka: { host: 'localhost:9092', protocol: 'kafka', description: 'The broker of your environment.' },
    },
    channels,
    operations,
    components: { schemas: componentSchemas(), messages },
  };
}
