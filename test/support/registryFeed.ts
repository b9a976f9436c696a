import { makeCloudEvent, Topics, type CloudEvent, type RegistryInstitutionEventType, type RegistryInstitutionState } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { registryInstitutionState } from './fixtures';

/**
 * Plays the registry's part in services' integration tests: produces institution events to
 * `registry.institution.v1` exactly as the registry's outbox relay would (CloudEvent JSON,
 * key = institution id), without starting the registry.
 */
export class RegistryFeed {
  private producer?: Producer;

  constructor(private readonly brokers: string[]) {}

  async start(): Promise<this> {
    this.producer = new Kafka({ clientId: 'test-registry-feed', brokers: this.brokers, logLevel: logLevel.NOTHING }).producer();
    await this.producer.connect();
    return this;
  }

  /** The full state the registry publishes for an institution (as `institutionState` builds it). */
  static institution(overrides: Partial<RegistryInstitutionState> = {}): RegistryInstitutionState {
    return registryInstitutionState(overrides);
  }

  static event(type: RegistryInstitutionEventType, state: RegistryInstitutionState, changedFields: string[]) {
    return makeCloudEvent({ source: '/registry', type, subject: state.id, data: { state, changedFields } });
  }

  async send(event: CloudEvent): Promise<void> {
    await this.producer!.send({
      topic: Topics.registryInstitution,
      acks: -1,
      messages: [
        { key: event.subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' } },
      ],
    });
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
