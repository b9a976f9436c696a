import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { defineAccreditation } from '@eq/accreditation';
import { createCatalogue, DEFAULT_CATALOGUE_OPTIONS } from '@eq/catalogue';
import { createPractitioners } from '@eq/practitioners';
import {
  REGISTRY_INSTITUTION_EVENT_TYPES,
  Role,
  SUBGRAPH_NAMES,
  Topics,
  type RequestContext,
  type SubgraphDefinition,
  DayClock,
  clockFrom,
} from '@eq/shared';
import { buildAsyncApiDocument } from '@eq/subscriber-kit';
import { AsyncApiValidator, messagesByType, readAsyncApiDocument } from './support/asyncApiValidator';
import { eventually } from './support/eventually';
import { ACCREDITATION_TODAY, accreditationScenario } from './support/eventScenarios/accreditation';
import { catalogueClock, catalogueScenario } from './support/eventScenarios/catalogue';
import { licensingScenario } from './support/eventScenarios/licensing';
import { PRACTITIONERS_TODAY, practitionersScenario } from './support/eventScenarios/practitioners';
import { registryScenario } from './support/eventScenarios/registry';
import type { EventScenario, ScenarioContext } from './support/eventScenarios/scenario';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const document = readAsyncApiDocument();

/** Event-type literals a service's own source publishes: `'<service>.<aggregate>.<verb>'` under services/<service>/src. */
function publishedEventTypesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const service of SUBGRAPH_NAMES) {
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (entry !== '__tests__' && entry !== 'generated') walk(full);
        } else if (entry.endsWith('.ts')) {
          const pattern = new RegExp(`'(${service}\\.[a-z-]+\\.[a-z-]+)'`, 'g');
          for (const match of readFileSync(full, 'utf8').matchAll(pattern)) found.set(match[1]!, path.relative(ROOT, full));
        }
      }
    };
    walk(path.join(ROOT, 'services', service, 'src'));
  }
  return found;
}

describe('AsyncAPI document of the topics', () => {
  it("is exactly what the kit's topic contracts generate (run `npm run -w @eq/subscriber-kit generate:asyncapi` after changing them)", () => {
    expect(document).toStrictEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument())));
    expect(document.asyncapi).toBe('3.0.0');
  });

  it('has a channel for every topic in the shared topic list', () => {
    const addresses = Object.values<any>(document.channels)
      .map((channel) => channel.address)
      .sort();
    expect(addresses).toStrictEqual([...Object.values(Topics)].sort());
  });

  it('has a message for every event type a service publishes, on the topic of its aggregate', () => {
    const documented = messagesByType(document);
    const missing = [...publishedEventTypesInSource()].filter(([type]) => !documented.has(type)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toStrictEqual([]);
    for (const type of REGISTRY_INSTITUTION_EVENT_TYPES) expect(documented.get(type)?.address).toBe(Topics.registryInstitution);
    for (const [type, { address }] of documented) {
      const [service, aggregate] = type.split('.');
      expect(address).toMatch(new RegExp(`^${service}\\.${aggregate}\\.v\\d+$`));
    }
  });

  it('refuses an event whose type has no message, and one whose data breaks its schema', () => {
    const validator = new AsyncApiValidator(document);
    const event = {
      specversion: '1.0' as const,
      id: 'e-1',
      source: '/registry',
      type: 'registry.institution.teleported',
      subject: 'x',
      time: new Date().toISOString(),
      datacontenttype: 'application/json' as const,
      data: {},
    };
    expect(validator.problems(Topics.registryInstitution, event)).toStrictEqual([
      'registry.institution.teleported has no message in schema/asyncapi.json',
    ]);
    const problems = validator.problems(Topics.registryInstitution, {
      ...event,
      type: 'registry.institution.amended',
      data: { state: { id: 'x' }, changedFields: [] },
    });
    assert.ok(
      problems.some((p) => p.includes('/data/state')),
      problems.join('\n'),
    );
  });

  it('closes every data schema: a member it does not list (a personal code) fails validation', () => {
    const open: string[] = [];
    const visit = (schema: any, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(schema)) visit(value, `${where}/${key}`);
    };
    for (const [id, schema] of Object.entries<any>(document.components.schemas)) if (id !== 'CloudEvent') visit(schema, id);
    expect(open).toStrictEqual([]);
  });
});

/**
 * Every service is driven through the gateway until it has published every event type the
 * document declares on its topics; each real event is validated against the document. A new
 * event type (in the document or in a service) without a step here that produces it fails.
 */
describe('published events of every type on every topic, against the AsyncAPI document', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let context: ScenarioContext;
  const validator = new AsyncApiValidator(document);
  const validated = new Set<string>();

  beforeAll(async () => {
    const definitions: Record<string, SubgraphDefinition<any>> = {
      // Fixed "todays" and a fast expiry job, so expiring and expired events come from the services' own jobs.
      accreditation: defineAccreditation({ clock: new DayClock(ACCREDITATION_TODAY), expiryIntervalMs: 100, expiringNoticeDays: 180 }),
      practitioners: createPractitioners({ clock: new DayClock(PRACTITIONERS_TODAY), expiryIntervalMs: 100 }),
      catalogue: createCatalogue({ ...DEFAULT_CATALOGUE_OPTIONS, clock: clockFrom(() => catalogueClock.now) }),
    };
    stack = await startTestStack('asyncapi', { definitions: definitions as Record<string, SubgraphDefinition<RequestContext>> });
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([...Object.values(Topics)]);
    const officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-asyncapi' });
    context = {
      client: stack.client,
      officer,
      tokenFor: (caller) => stack.client.token(caller),
      data: (query, variables, token) => stack.client.data(query, variables, token),
    };
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  /** Runs a scenario, waits until each of its topics carries every documented type for its aggregates, and validates them all. */
  async function assertEveryTypePublishedAndValid(scenario: EventScenario) {
    const produced = await scenario(context);
    for (const [topic, subjects] of Object.entries(produced) as Array<[string, string[]]>) {
      const types = validator.typesOn(topic);
      const events = await eventually(
        async () => recorder.eventsFor(topic, subjects),
        (found) => types.every((type) => found.some((event) => event.type === type)),
        { what: `every type on ${topic}: ${types.join(', ')}` },
      );
      const problems = events.flatMap((event) => validator.problems(topic, event));
      expect(problems).toStrictEqual([]);
      const messages = recorder.messages.filter((m) => m.topic === topic && subjects.includes(m.event.subject));
      assert.ok(
        messages.every((m) => m.key === m.event.subject),
        `the Kafka key is the CloudEvent subject on ${topic}`,
      );
      for (const event of events) validated.add(event.type);
    }
  }

  it('registry: every type on its three topics', () => assertEveryTypePublishedAndValid(registryScenario));
  it('licensing: every type on licences and interest-education programmes', () => assertEveryTypePublishedAndValid(licensingScenario));
  it('accreditation: every type on accreditations, applications and head evaluations', () =>
    assertEveryTypePublishedAndValid(accreditationScenario));
  it('practitioners: every type on psychologists, childcare providers and private practice', () =>
    assertEveryTypePublishedAndValid(practitionersScenario));
  it('catalogue: every type on activities and bookings', () => assertEveryTypePublishedAndValid(catalogueScenario));

  it('has validated a real event of every event type the document declares', () => {
    const missing = [...validator.byType.keys()].filter((type) => !validated.has(type));
    expect(missing).toStrictEqual([]);
  });
});
