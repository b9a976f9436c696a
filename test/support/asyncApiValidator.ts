import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import type { CloudEvent } from '@eq/shared';

/** `schema/asyncapi.json` as committed: what subscribers outside this repository read. */
export const ASYNCAPI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/asyncapi.json');

export function readAsyncApiDocument(): any {
  return JSON.parse(readFileSync(ASYNCAPI_PATH, 'utf8'));
}

export interface DocumentedMessage {
  /** The channel's address: the Kafka topic. */
  address: string;
  /** The message's id under `components.messages`. */
  id: string;
}

/** Every message of the document by event type (its `name`), with the topic it is on. */
export function messagesByType(document: any): Map<string, DocumentedMessage> {
  const byType = new Map<string, DocumentedMessage>();
  for (const channel of Object.values<any>(document.channels)) {
    for (const ref of Object.values<{ $ref: string }>(channel.messages)) {
      const id = ref.$ref.split('/').pop()!;
      byType.set(document.components.messages[id].name as string, { address: channel.address, id });
    }
  }
  return byType;
}

/**
 * Validates events against the document's own JSON Schemas (not the kit's zod schemas they were
 * generated from), so a test checks what subscribers in other languages will read.
 */
export class AsyncApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  readonly byType: Map<string, DocumentedMessage>;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: any = readAsyncApiDocument()) {
    this.byType = messagesByType(document);
    this.ajv.addSchema(document, 'asyncapi.json');
  }

  /** The event types the document declares on `topic`. */
  typesOn(topic: string): string[] {
    return [...this.byType].filter(([, message]) => message.address === topic).map(([type]) => type);
  }

  /** The problems of one published event, or [] when it matches its message on its topic. */
  problems(topic: string, event: CloudEvent<unknown>): string[] {
    const message = this.byType.get(event.type);
    if (!message) return [`${event.type} has no message in schema/asyncapi.json`];
    if (message.address !== topic) return [`${event.type} is documented on ${message.address}, published on ${topic}`];
    let validate = this.compiled.get(message.id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `asyncapi.json#/components/messages/${message.id}/payload` });
      this.compiled.set(message.id, validate);
    }
    const { type } = event;
    if (validate(event)) return [];
    return (validate.errors ?? []).map((e) => `${type} ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
